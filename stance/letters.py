"""Known joint letters and statements, so a counted claim ("50 countries backed China on
Xinjiang") can be tied to a dated list of signatories.

Catalogue: `data/letters.csv` (id, title, date, date_final, stance, toward_iso3, topic,
count_initial, count_final, keywords, source); signatories: `data/letters/<id>.csv`
(iso3,name,joined,left,source). A signatory with a blank joined date is counted from the
letter's `date_final` (the date its final count was reported), not from the first day:
the initial count excludes it, the final count includes it.
"""
from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .blocs import Member, member_on, parse_partial_date, read_roster
from .tables import STANCES

DATA = Path(__file__).parent / "data"
WINDOW_BEFORE_DAYS = 3  # a claim may be dated a few days before the letter (time zones, leaks)
WINDOW_AFTER_DAYS = 180  # and is still about the letter months later
COUNT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Letter:
    """A joint letter; `stance` is the main stance (a claim may use an accepted alternative)."""

    id: str
    title: str
    date: datetime.date
    stance: str
    toward_iso3: str
    topic: str
    source: str


@dataclass(frozen=True)
class _Record:
    letter: Letter
    stances: tuple[str, ...]
    date_final: datetime.date
    count_initial: int | None
    count_final: int | None
    keywords: tuple[str, ...]


def _int_or_none(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, _Record]:
    records: dict[str, _Record] = {}
    with open(DATA / "letters.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            stances = tuple(s.strip() for s in row["stance"].split("|") if s.strip())
            bad = [s for s in stances if s not in STANCES]
            if not stances or bad:
                raise ValueError(f"letters.csv {row['id']}: bad stance {row['stance']!r}")
            date = parse_partial_date(row["date"])
            if date is None:
                raise ValueError(f"letters.csv {row['id']}: a letter needs a date")
            letter = Letter(row["id"], row["title"], date, stances[0],
                            row["toward_iso3"].strip().upper(), row["topic"].strip(),
                            row["source"].strip())
            keywords = tuple(k.strip().casefold() for k in row["keywords"].split("|") if k.strip())
            records[letter.id] = _Record(
                letter, stances, parse_partial_date(row["date_final"]) or date,
                _int_or_none(row["count_initial"]), _int_or_none(row["count_final"]),
                keywords + (letter.topic.casefold(),),
            )
    return records


@lru_cache(maxsize=None)
def _roster(letter_id: str) -> tuple[Member, ...]:
    path = DATA / "letters" / f"{letter_id}.csv"
    return tuple(read_roster(path)) if path.is_file() else ()


def letters() -> list[Letter]:
    """Every known letter, in catalogue order."""
    return [record.letter for record in _catalogue().values()]


def signatories(letter_id: str, on: datetime.date | None = None) -> list[Member]:
    """Signatories on a date: joined <= on (blank joined: from the letter's final-count
    date) and not withdrawn on or before `on`. on=None: the final list (no withdrawals)."""
    record = _catalogue().get(letter_id)
    if record is None:
        raise KeyError(f"unknown letter id: {letter_id!r}")
    seen: set[str] = set()
    result = []
    for member in _roster(letter_id):
        if member.iso3 not in seen and member_on(member, on, unknown_from=record.date_final):
            seen.add(member.iso3)
            result.append(member)
    return result


def _topic_matches(record: _Record, topic: str, text: str) -> bool:
    topic_key = (topic or "").casefold()
    if topic_key and (topic_key == record.letter.topic.casefold()
                      or any(k in topic_key for k in record.keywords)):
        return True
    text_key = (text or "").casefold()
    return bool(text_key) and any(k in text_key for k in record.keywords)


def _count_matches(record: _Record, count: int, on: datetime.date | None) -> bool:
    if count in (record.count_initial, record.count_final):
        return True
    size = len(signatories(record.letter.id, on if on is not None else record.date_final))
    return size > 0 and abs(count - size) <= max(1, round(COUNT_TOLERANCE * size))


def match_letter(stance: str, toward_iso3: str, topic: str, on: datetime.date | None,
                 count: int | None, text: str = "") -> Letter | None:
    """The known letter a claim is about, or None.

    Matches when the stance and target agree, the topic (or a keyword found in `text`)
    matches, `on` is within -3..+180 days of the letter's date (an undated claim passes
    this test) and `count`, if given, equals the initial or final count or is within 10% of
    the number of signatories on that date. Among several, the closest in date wins.
    """
    target = (toward_iso3 or "").upper()
    best: tuple[int, Letter] | None = None
    for record in _catalogue().values():
        letter = record.letter
        if stance not in record.stances or target != letter.toward_iso3:
            continue
        if not _topic_matches(record, topic, text):
            continue
        distance = 0
        if on is not None:
            delta = (on - letter.date).days
            if not -WINDOW_BEFORE_DAYS <= delta <= WINDOW_AFTER_DAYS:
                continue
            distance = abs(delta)
        if count is not None and not _count_matches(record, count, on):
            continue
        if best is None or distance < best[0]:
            best = (distance, letter)
    return best[1] if best else None
