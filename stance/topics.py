"""Short topic labels ("Xinjiang", "press freedom") for a sentence, from the lexicon's topic list."""
from __future__ import annotations

from .lexicon import LEXICON


def topic_of(text: str, start: int = 0, end: int | None = None) -> str:
    """The highest-priority topic named in text[start:end], or "" when none is."""
    end = len(text) if end is None else end
    best_rank, best = len(LEXICON.topic_labels), ""
    for match in LEXICON.topic.finditer(text, start, end):
        name = match.name
        rank = int(name[1:])
        if rank < best_rank:
            best_rank, best = rank, LEXICON.topic_labels[name]
            if rank == 0:
                break
    return best
