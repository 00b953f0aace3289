"""Word lists several frames share, from `data/vocabulary.csv`: the nouns a voted text goes by, the
inquiries a council sets up, the verbs of sponsoring a text.

One kind, one list: a rule that reads "the draft" asks `words("voted_text")` for a regex alternation,
so a word added to the file reaches every rule that reads texts, and no rule keeps its own copy.
(Stance cues, masks and topics are `data/lexicon.csv`, matched by the automaton.)
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

VOCABULARY_PATH = Path(__file__).resolve().parent.parent / "data" / "vocabulary.csv"


@lru_cache(maxsize=1)
def _lists(path: Path = VOCABULARY_PATH) -> dict[str, tuple[str, ...]]:
    kinds: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kinds.setdefault(row["kind"], []).append(row["word"].strip())
    return {kind: tuple(found) for kind, found in kinds.items()}


def kinds() -> tuple[str, ...]:
    """Every kind the file defines."""
    return tuple(_lists())


def vocabulary_words(kind: str) -> tuple[str, ...]:
    """The kind's words as written in the file."""
    found = _lists().get(kind)
    if not found:
        raise KeyError(f"vocabulary.csv has no words of kind {kind!r}")
    return found


def words(kind: str) -> str:
    """The kind's words as one non-capturing alternation, longest first; a space matches any whitespace."""
    found = vocabulary_words(kind)
    parts = sorted({r"\s+".join(re.escape(w) for w in word.split()) for word in found}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"
