"""Territories that stand for the state whose conduct a text about them addresses.

A resolution "demanding a ceasefire in Gaza" or "on the situation in Crimea" names no state, yet a
reader knows whose conduct is at issue (Israel, Russia); "a text on Xinjiang" is about China's.
Votes on such a text are stances toward that state (ANNOTATION: `toward_iso3` is the state whose
policy or conduct is at issue). The table is data (`data/territories.csv`: territory, aliases,
at_issue_iso3, note) and is read only for the description of a text critical of its subject (see
`frames.find_motion`), never for a place named in passing ("aid reached Gaza").

One compiled alternation is enough here: it is searched only inside the short phrase that
describes a text, so the Aho-Corasick matcher of `rules.automaton` would add nothing.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "territories.csv"


@dataclass(frozen=True)
class Territory:
    start: int
    end: int
    text: str
    name: str
    iso3: str   # the state whose conduct is at issue


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    by_alias: dict[str, tuple[str, str]] = {}
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for alias in row["aliases"].split("|"):
                alias = alias.strip()
                if alias:
                    by_alias[alias.lower()] = (row["territory"], row["at_issue_iso3"])
    names = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)
    return pattern, by_alias


def find_territory(text: str, start: int, end: int) -> Territory | None:
    """The first territory of the table named in text[start:end] (offsets absolute)."""
    pattern, by_alias = _table()
    found = pattern.search(text, start, end)
    if found is None:
        return None
    name, iso3 = by_alias[found.group().lower()]
    return Territory(found.start(), found.end(), found.group(), name, iso3)
