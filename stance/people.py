"""People who speak for a state: heads of state and government, foreign ministers, spokespersons.

News attributes most positions to a person ("Erdogan congratulated ...", "Wang Yi said ...",
"congratulated Lula on his victory"). `data/leaders.csv` maps the names news uses to the
state the person represented; a surname alone counts only where the file marks it as
unambiguous (`surname_ok`). A person is read like the state's name: an actor before a cue,
a target after it. Dates of office are kept in the file for reference; a name keeps its state
outside them, since an article about a former leader still means that state.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .countries import PhraseIndex, is_state

LEADERS_PATH = Path(__file__).parent / "data" / "leaders.csv"


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    iso3: str


def _ascii(name: str) -> str:
    """The name without accents ("Andrés Manuel López Obrador" -> "Andres Manuel Lopez Obrador")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _keep_first(old: str, new: str) -> str:
    return old if old == new else ""   # one name, two states: ambiguous, no mention


@lru_cache(maxsize=1)
def _index() -> PhraseIndex:
    index = PhraseIndex()
    if not LEADERS_PATH.exists():
        return index
    with LEADERS_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name, iso3 = (row.get("name") or "").strip(), (row.get("iso3") or "").strip()
            if not name or not is_state(iso3):
                continue
            for variant in {name, _ascii(name)}:   # news often drops accents: "Lopez Obrador", "Erdogan"
                index.add(variant, iso3, _keep_first)
                words = variant.split()
                if (row.get("surname_ok") or "").strip() == "1" and len(words) > 1:
                    index.add(words[-1], iso3, _keep_first)
    return index


def find_people(text: str, start: int = 0, end: int | None = None) -> list[PersonMention]:
    """Known people named in text[start:end], left to right (offsets absolute)."""
    end = len(text) if end is None else end
    out = []
    for s, e, iso3, _possessive in _index().scan(text, start, end):
        if iso3:
            out.append(PersonMention(s, e, text[s:e], iso3))
    return out
