"""Blocs of states (EU, NAM, African Group, OIC, ...): mentions in text and dated rosters.

Names and aliases live in `data/blocs.csv`; rosters in `data/blocs/<id>.csv` with columns
iso3,name,joined,left,source (dates `YYYY`, `YYYY-MM` or `YYYY-MM-DD`). A bloc may be known
by name only (no roster file): it is still found in text, but `members()` returns [].
"""
from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from .countries import PhraseIndex

DATA = Path(__file__).parent / "data"
_ARTICLES = ("the ", "The ", "THE ")


@dataclass(frozen=True)
class Member:
    """One roster row: a state's membership (or signature) with its dates and source."""

    iso3: str
    name: str
    joined: str  # "" = date unknown
    left: str  # "" = still a member
    source: str


@dataclass(frozen=True)
class BlocMention:
    """A bloc named in the text; start/end are absolute offsets."""

    start: int
    end: int
    text: str
    bloc_id: str


def parse_partial_date(value: str) -> datetime.date | None:
    """"1961" -> 1961-01-01, "2024-01" -> 2024-01-01, "2019-07-12" -> itself; "" -> None.

    A partial date stands for the start of its year or month.
    """
    value = (value or "").strip()
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return datetime.date(year, month, day)
    except (ValueError, IndexError) as exc:
        raise ValueError(f"bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from exc


def read_roster(path: Path) -> list[Member]:
    """Read and check a roster CSV (codes must be ISO 3166-1 alpha-3, dates well formed)."""
    members = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso3 = row["iso3"].strip().upper()
            if pycountry.countries.get(alpha_3=iso3) is None:
                raise ValueError(f"{path.name}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
            parse_partial_date(row["joined"])
            parse_partial_date(row["left"])
            members.append(
                Member(iso3, row["name"].strip(), row["joined"].strip(), row["left"].strip(),
                       row["source"].strip())
            )
    return members


def member_on(member: Member, on: datetime.date | None,
              unknown_from: datetime.date | None = None) -> bool:
    """Membership on a date: joined <= on (a blank joined counts, or counts from
    `unknown_from` when given) and left blank or after `on`. on=None: not left."""
    left = parse_partial_date(member.left)
    if on is None:
        return left is None
    joined = parse_partial_date(member.joined) or unknown_from
    if joined is not None and joined > on:
        return False
    return left is None or left > on


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, tuple[str, tuple[str, ...]]]:
    blocs: dict[str, tuple[str, tuple[str, ...]]] = {}
    with open(DATA / "blocs.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
            blocs[row["id"].strip()] = (row["name"].strip(), aliases)
    return blocs


@lru_cache(maxsize=1)
def _index() -> PhraseIndex:
    index = PhraseIndex()
    for bloc_id, (name, aliases) in _catalogue().items():
        for alias in (name, *aliases):
            bare = alias[4:] if alias[:4].lower() == "the " else alias
            index.add(bare, bloc_id)
    return index


@lru_cache(maxsize=None)
def _roster(bloc_id: str) -> tuple[Member, ...]:
    path = DATA / "blocs" / f"{bloc_id}.csv"
    return tuple(read_roster(path)) if path.is_file() else ()


def find_blocs(text: str, start: int = 0, end: int | None = None) -> list[BlocMention]:
    """Mentions of known blocs in text[start:end] ("the EU", "Non-Aligned Movement", "OIC")."""
    if not isinstance(text, str):
        raise TypeError(f"find_blocs expects str, got {type(text).__name__}")
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    found = []
    for s, e, bloc_id, _possessive in _index().scan(text, start, end):
        if s - 4 >= start and text[s - 4:s] in _ARTICLES and (
            s - 4 == start or not text[s - 5].isalnum()
        ):
            s -= 4
        found.append(BlocMention(s, e, text[s:e], bloc_id))
    return found


def bloc_ids() -> list[str]:
    """Every known bloc id, with or without a roster."""
    return list(_catalogue())


def bloc_name(bloc_id: str) -> str:
    """Display name of a bloc; KeyError for an unknown id."""
    try:
        return _catalogue()[bloc_id][0]
    except KeyError:
        raise KeyError(f"unknown bloc id: {bloc_id!r}") from None


def has_roster(bloc_id: str) -> bool:
    """True when a dated member list is on file for this bloc."""
    return bool(_roster(bloc_id))


def members(bloc_id: str, on: datetime.date | None = None) -> list[Member]:
    """Roster on a date (on=None: current members); [] when the bloc has no roster.

    Rows with a blank joined date count as members (date unknown). A state listed twice
    (left and rejoined) is returned once.
    """
    if bloc_id not in _catalogue():
        raise KeyError(f"unknown bloc id: {bloc_id!r}")
    return list(_members_on(bloc_id, on))


@lru_cache(maxsize=None)
def _dated_roster(bloc_id: str) -> tuple[tuple[Member, datetime.date | None, datetime.date | None], ...]:
    """The roster with each row's joined and left dates parsed once."""
    return tuple((m, parse_partial_date(m.joined), parse_partial_date(m.left)) for m in _roster(bloc_id))


@lru_cache(maxsize=4096)
def _members_on(bloc_id: str, on: datetime.date | None) -> tuple[Member, ...]:
    """`members` as a tuple, cached: a bloc's roster is read again for each of its statements.
    Members are frozen, so sharing them is safe. The test is `member_on`'s, on parsed dates."""
    seen: set[str] = set()
    result = []
    for member, joined, left in _dated_roster(bloc_id):
        if member.iso3 in seen:
            continue
        if on is None:
            current = left is None
        else:
            current = (joined is None or joined <= on) and (left is None or left > on)
        if current:
            seen.add(member.iso3)
            result.append(member)
    return tuple(result)
