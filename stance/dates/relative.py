"""Relative mentions ("yesterday", "last night", "on Tuesday", "earlier this month", "later this
year") dated against an anchor: the publication date, else a dated dateline.

A weekday alone is the most recent such day on or before the anchor. The anchor's own weekday
is the anchor itself by default (`DateSettings.own_weekday == "anchor"`: dated reports say "on
Friday" of their own Friday); with own_weekday "today" it is the anchor only when the context
says so (a "today" in the sentence, or a publication line that gives a time of day), otherwise
a week earlier. A future clause ("will meet on Friday") looks ahead. Week-only references ("last week",
"next week") are not dated at all (the scanner does not report them).
"""
from __future__ import annotations

import datetime
import re

from .model import DateMention, _resolved
from .vocabulary import _FUTURE

_TODAY_WORDS = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b|hours? ago\b",
                          re.IGNORECASE)


def _clause(text: str, pos: int, lo: int, hi: int | None = None, width: int = 80) -> tuple[int, int]:
    """The stretch of the sentence around pos (up to `width` characters either side); offsets are >= 0."""
    a = max(lo, pos - width)
    cut = max(text.rfind(".", a, pos), text.rfind("!", a, pos), text.rfind("?", a, pos),
              text.rfind(";", a, pos), text.rfind("\n", a, pos))   # the last stop before pos, spelled out: hot
    if cut >= 0:
        a = cut + 1
    end = len(text) if hi is None else hi
    b = min(end, pos + width)
    for stop in ".!?;\n":
        i = text.find(stop, pos, b)
        if i >= 0:
            b = i   # the first stop after pos (a later one only searches before it)
    return a, b


_PAST_VERB_BEFORE = re.compile(
    r"\b(?:(?!(?:schedul|plann|expect|slat|propos|intend|destin|aim|fix|arrang)ed\b)[a-z]{3,}ed|said|met|held|told|spoke|took|gave|made|sent|began|won|rose|fell|came|went|saw|"
    r"wrote|struck|broke|flew|left|brought|sought|drew|read|led)\s+(?:[a-z]+\s+){0,2}(?:on|last|early|late)?\s*$"
)


def _future(text: str, pos: int, lo: int) -> bool:
    """Does the clause before pos speak of the future ("will meet on Friday")?"""
    a, _ = _clause(text, pos, lo)
    if _PAST_VERB_BEFORE.search(text, max(a, pos - 40), pos):
        return False   # "will recognise Beijing, its government announced on Monday": the verb dated is past
    return _FUTURE.search(text, a, pos) is not None


def says_today(text: str, pos: int, lo: int, hi: int | None = None) -> bool:
    """Does the sentence around pos say it speaks of the anchor's own day ("today", "this morning")?"""
    a, b = _clause(text, pos, lo, hi, 160)
    return _TODAY_WORDS.search(text, a, b) is not None


def _resolve_relative(m: DateMention, pub: datetime.date, future: bool, same_day: bool = True) -> DateMention:
    """Date a relative mention from the anchor (past by default, future if cued).

    same_day: whether a weekday equal to the anchor's own is the anchor itself (else a week back).
    """
    rel = m.relative
    if rel == "weekday":
        words = m.text.split()
        mod = words[0].lower() if len(words) > 1 else ""
        back = (pub.weekday() - m.weekday) % 7  # type: ignore[operator]
        if mod in ("next", "coming") or (future and mod not in ("last", "past")):
            ahead = (m.weekday - pub.weekday()) % 7 or 7  # type: ignore[operator]
            date = pub + datetime.timedelta(days=ahead)
        elif mod == "this":
            date = pub + datetime.timedelta(days=(m.weekday - pub.weekday()) % 7)  # type: ignore[operator]
        else:
            if back == 0 and (mod in ("last", "past") or not same_day):
                back = 7
            date = pub - datetime.timedelta(days=back)
        return _resolved(m, date=date, precision="day", basis="relative")
    if rel in ("today", "yesterday", "tomorrow"):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[rel]
        return _resolved(m, date=pub + datetime.timedelta(days=shift), precision="day", basis="relative")
    which, unit = rel.split("_")  # type: ignore[union-attr]
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "year":
        y = pub.year + step
        if m.month:
            return _resolved(m, date=datetime.date(y, m.month, 1), precision="month", basis="relative")
        return _resolved(m, date=datetime.date(y, 1, 1), precision="year", basis="relative")
    idx = pub.year * 12 + pub.month - 1 + step
    return _resolved(m, date=datetime.date(idx // 12, idx % 12 + 1, 1), precision="month", basis="relative")
