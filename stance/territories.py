"""Territories that stand for the state whose conduct a text about them addresses.

A resolution "demanding a ceasefire in Gaza" or "on the situation in Crimea" names no state, yet a
reader knows whose conduct is at issue (Israel, Russia); "a text on Xinjiang" is about China's.
Votes on such a text are stances toward that state (ANNOTATION: `toward_iso3` is the state whose
policy or conduct is at issue). The table is data (`data/territories.csv`: territory, aliases,
at_issue_iso3, note) and is read only where a text or a stance is critical of what happens there
(see `frames.find_motion`, `positions.territory_at_issue`), never for a place named in passing
("aid reached Gaza").

The aliases are found with the project's Aho-Corasick matcher (`rules.automaton.PatternSet`),
longest alias first, so a window with no territory costs one automaton pass.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .rules.automaton import PatternSet

DATA = Path(__file__).parent / "data" / "territories.csv"


@dataclass(frozen=True)
class Territory:
    start: int
    end: int
    text: str
    name: str
    iso3: str   # the state whose conduct is at issue


@lru_cache(maxsize=1)
def _table() -> tuple[PatternSet, dict[str, tuple[str, str]]]:
    by_alias: dict[str, tuple[str, str]] = {}
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for alias in row["aliases"].split("|"):
                alias = alias.strip()
                if alias:
                    by_alias[alias.lower()] = (row["territory"], row["at_issue_iso3"])
    names = sorted(by_alias, key=len, reverse=True)   # earlier rows win at one position: the longest alias
    return PatternSet([(n, re.escape(n) + r"(?![\w-])") for n in names]), by_alias


def find_territory(text: str, start: int, end: int) -> Territory | None:
    """The first territory of the table named in text[start:end] (offsets absolute)."""
    matcher, by_alias = _table()
    for hit in matcher.finditer(text, start, end):
        if hit.start > 0 and text[hit.start - 1] == "-":
            continue   # "pro-Crimea", not the territory
        name, iso3 = by_alias[hit.name]
        return Territory(hit.start, hit.end, hit.text, name, iso3)
    return None
