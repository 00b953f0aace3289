"""Years for year-less mentions, from the text's own evidence only (never from the clock).

Strongest first: a reference date (publication, dateline, a list item's heading), then a floor
(the latest stated past date, or an anniversary counted from a stated year). A stated weekday
moves the year only to one that fits it: near a reference, within a year of the expected one;
from a floor, the one year of the floor's year and the next that fits (two would be a guess).
With neither reference nor floor the mention stays undated.
"""
from __future__ import annotations

import datetime
from bisect import bisect_right

from .model import DEFAULT_SETTINGS, DateMention, DateSettings, _resolved, _safe_date
from .relative import _future
from .vocabulary import _ANNIV, _NUMBER_WORDS, _ORDINAL_WORDS


def _year_from_ref(mo: int, d: int | None, ref: datetime.date, future: bool,
                   settings: DateSettings = DEFAULT_SETTINGS) -> int | None:
    """Year of a year-less month(-day) seen from a reference date (publication or heading)."""
    y = ref.year
    for cand in (y, y - 1, y - 2, y - 3, y - 4):  # Feb 29 needs a leap year
        if _safe_date(cand, mo, d or 1):
            y = cand
            break
    else:
        return None
    when = datetime.date(y, mo, d or 1)
    if when > ref + datetime.timedelta(days=settings.pub_window_days):
        y -= 1
    elif future and (when < ref if d else (y, mo) < (ref.year, ref.month)):
        y += 1
    while d and _safe_date(y, mo, d) is None and y > ref.year - 8:
        y -= 1
    return y if _safe_date(y, mo, d or 1) else None


def _year_from_floor(mo: int, d: int | None, floor: datetime.date) -> int | None:
    """Earliest year in which the month(-day) falls on or after the floor date."""
    for y in range(floor.year, floor.year + 9):
        when = _safe_date(y, mo, d or 1)
        if when is not None and (when >= floor or (d is None and (y, mo) >= (floor.year, floor.month))):
            return y
    return None


def _weekday_year(mo: int, d: int, wd: int, expected: int, floor: datetime.date | None,
                  settings: DateSettings = DEFAULT_SETTINGS) -> int | None:
    """Year nearest to `expected` in which mo/d falls on weekday wd (never after settings.latest)."""
    best: tuple[int, int, int] | None = None
    span = settings.weekday_years
    for y in range(expected - span, expected + span + 1):
        when = _safe_date(y, mo, d)
        if when is None or when.weekday() != wd or settings.after_latest(when):
            continue
        below = 1 if floor is not None and when < floor else 0
        key = (below, abs(y - expected), y > expected)
        if best is None or key < best[:3]:
            best = (*key, y)  # type: ignore[assignment]
    return best[3] if best else None


def weekday_fits(mo: int, d: int, wd: int, first: int, last: int,
                 settings: DateSettings = DEFAULT_SETTINGS) -> list[int]:
    """Years first..last in which mo/d falls on weekday wd."""
    out = []
    for y in range(first, last + 1):
        when = _safe_date(y, mo, d)
        if when is not None and when.weekday() == wd and not settings.after_latest(when):
            out.append(y)
    return out


def _anniversary_floors(text: str, lo: int, hi: int, stated: list[DateMention],
                        settings: DateSettings = DEFAULT_SETTINGS) -> list[tuple[int, int]]:
    """(position, year) for "50th anniversary" / "past 50 years" after a stated year."""
    if not stated:
        return []
    out = []
    limit = settings.latest.year if settings.latest is not None else None
    ends = [m.end for m in stated]
    horizon = max(m.year for m in stated if m.year is not None) + 1  # type: ignore[type-var]
    low = text[lo:hi].lower()
    for key in ("anniversary", " years"):
        i = low.find(key)
        while i >= 0:
            a = _ANNIV.search(text, max(lo, lo + i - 30), lo + i + len(key))
            i = low.find(key, i + len(key))
            if a is None:
                continue
            n = a.group("n") or a.group("n2")
            num = int(n) if n else _ORDINAL_WORDS.get((a.group("ow") or "").lower()) or \
                _NUMBER_WORDS.get((a.group("nw") or "").lower())
            if not num:
                continue
            k = bisect_right(ends, a.start())
            near = [m for m in stated[max(0, k - 5):k][::-1]   # the nearest few stated dates before it
                    if a.start() - m.end < 600 and (limit is None or m.year + num <= limit)]  # type: ignore[operator]
            # Counted up to the text's own time: not past its latest stated year (+1) when one
            # of them allows that ("25 October 1971 ... 2021 ... the past 50 years" is 2021,
            # not 2071); else from the oldest of them.
            pick = next((m for m in near if m.year + num <= horizon), None)  # type: ignore[operator]
            if pick is None and near:
                pick = min(near, key=lambda m: m.year)  # type: ignore[arg-type,return-value]
            if pick is not None:
                out.append((a.start(), pick.year + num))  # type: ignore[operator]
    return out


def _infer(m: DateMention, ref: datetime.date | None, floor: datetime.date | None,
           text: str, lo: int, settings: DateSettings = DEFAULT_SETTINGS) -> DateMention:
    """Year inference for a year-less month(-day): reference date > floor; a weekday must fit."""
    if m.month is None:
        return m
    future = _future(text, m.start, lo)
    words = text[max(lo, m.start - 6):m.start].lower().split()
    mod = words[-1] if words else ""
    expected = None
    weekday = m.weekday is not None and m.day is not None
    if ref is not None:
        expected = _year_from_ref(m.month, m.day, ref, future or mod == "next", settings)
        if mod == "last" and expected is not None and datetime.date(expected, m.month, 1) >= \
                datetime.date(ref.year, ref.month, 1):
            expected -= 1
        if expected is not None and weekday:
            y = _weekday_year(m.month, m.day, m.weekday, expected, None, settings)  # type: ignore[arg-type]
            if y is None:
                return m
            if abs(y - expected) <= 1:
                expected = y  # near a dated reference, a far-off fit is likelier a typo than a year
    elif floor is not None:
        if weekday:
            # The text allows the floor's year and the next; the weekday must pick exactly one.
            fits = weekday_fits(m.month, m.day, m.weekday, floor.year, floor.year + 1, settings)  # type: ignore[arg-type]
            expected = fits[0] if len(fits) == 1 else None
        else:
            expected = _year_from_floor(m.month, m.day, floor)
    if expected is None:
        return m
    date = _safe_date(expected, m.month, m.day or 1)
    if date is None or settings.after_latest(date):
        return m
    return _resolved(m, date=date, precision="day" if m.day else "month", basis="inferred")
