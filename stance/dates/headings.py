"""Dated lists: date-only heading lines ("22 Nov", "March 3, 2021:") read as a monotone sequence.

A list's year comes from a stated year on a heading, the publication date, the stated dates
inside its items (a floor), or, failing those, the stated weekdays inside its items when exactly
one year within the text's own span fits them all.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_right

from .inference import _year_from_floor, _year_from_ref
from .model import DEFAULT_SETTINGS, DatedDocument, DateMention, DateSettings, _period_start, _resolved, _safe_date
from .relative import _future

_UNTIL = ("until", "till", "by", "through", "before")


def _forward(text: str, m: DateMention, lo: int) -> bool:
    """A stated date that looks ahead ("by 2030", "will meet on 2 May 2026") is no floor."""
    words = text[max(lo, m.start - 12):m.start].lower().split()
    return (bool(words) and words[-1] in _UNTIL) or _future(text, m.start, lo)


def _is_heading(text: str, m: DateMention) -> bool:
    """A date alone on its line ("22 Nov", "March 3, 2021:")."""
    if m.month is None or m.relative or (m.day is None and m.year is None):
        return False
    a = m.start
    while a > 0 and text[a - 1] in " \t\r\u00a0":
        a -= 1
    if a > 0 and text[a - 1] != "\n":
        return False
    b, n = m.end, len(text)
    tail = _HEADING_TAIL.match(text, b)
    if tail is not None:
        b = tail.end()   # "27.08.2022 - 10:30 [ Tunis Afrique Digest ]": a time and a source label
    while b < n and text[b] in " \t\r\u00a0:-|\u2013\u2014":
        b += 1
    return b == n or text[b] == "\n"


# What may follow a heading's date on its line: a time, then a source label in brackets or after a bar.
_HEADING_TAIL = re.compile(
    r"[ \t]*(?:[-–—|,·]?[ \t]*\d{1,2}[:.h]\d{2}(?:[ \t]*(?:GMT|UTC|CET|CEST|EST|[AaPp]\.?[Mm]\.?))?)?"
    r"(?:[ \t]*(?:\[[^\]\n]{1,60}\]|\([^)\n]{1,60}\)|[|·][ \t]*[^\n|]{1,40}))?(?=[ \t]*(?:\n|$))")


def _resolve_headings(heads: list[DateMention], items: list[list[DateMention]],
                      pub: datetime.date | None, text: str,
                      anniv: list[tuple[int, int]], settings: DateSettings = DEFAULT_SETTINGS,
                      years: tuple[int, int] | None = None) -> list[DateMention]:
    """Give year-less list headings years that keep the sequence monotone."""
    keys = [(h.month, h.day or 1) for h in heads]
    # Read the list both ways; the right direction is the one that spans less time
    # (a newest-first list read oldest-first wraps into a new year at almost every step).
    best: tuple[int, bool, list[int]] | None = None
    for newest_first in (True, False):
        offs = [0]
        for a, b in zip(keys, keys[1:]):
            step = (-1 if b > a else 0) if newest_first else (1 if b < a else 0)
            offs.append(offs[-1] + step)
        days = [o * 366 + mo * 31 + d for o, (mo, d) in zip(offs, keys)]
        span = max(days) - min(days)
        if best is None or span < best[0]:
            best = (span, newest_first, offs)
    _, newest_first, offs = best  # type: ignore[misc]
    base: int | None = None
    for h, off in zip(heads, offs):  # a stated year on any heading anchors the list
        if h.year is not None:
            base = h.year - off
            break
    if base is None:
        ref_base: int | None = None
        from_floor = False
        if pub is not None:
            i = 0 if newest_first else len(heads) - 1
            y = _year_from_ref(heads[i].month, heads[i].day, pub, False, settings)  # type: ignore[arg-type]
            ref_base = None if y is None else y - offs[i]
        else:
            head_starts = [h.start for h in heads]
            item_anniv: dict[int, list[datetime.date]] = {}
            for p, y in anniv:
                item_anniv.setdefault(bisect_right(head_starts, p) - 1, []).append(datetime.date(y, 1, 1))
            for i, (h, item) in enumerate(zip(heads, items)):
                stated = [_period_start(x) for x in item if x.basis == "stated" and not _forward(text, x, h.end)]
                stated = [f for f in stated if not settings.after_latest(f)]
                stated += item_anniv.get(i, [])
                if not stated:
                    continue
                y = _year_from_floor(h.month, h.day, max(stated))  # type: ignore[arg-type]
                if y is not None:
                    b = y - offs[i]
                    ref_base = b if ref_base is None else max(ref_base, b)
                    from_floor = True
        cands: list[int] = []
        if ref_base is None:
            base = _base_from_weekdays(heads, items, offs, text, settings, years)
        for i, (h, item) in enumerate(zip(heads, items)):
            if ref_base is None:
                break  # a weekday alone fits a year every few years: it needs other evidence
            for x in item:
                if x.weekday is None or x.year is not None or x.day is None or x.month is None:
                    continue
                future = _future(text, x.start, h.end)
                near = ref_base + offs[i]
                for y in range(near - settings.weekday_years, near + settings.weekday_years + 1):
                    when = _safe_date(y, x.month, x.day)
                    if when is None or when.weekday() != x.weekday or settings.after_latest(when):
                        continue
                    if years is not None and not years[0] <= y <= years[1] + 1:
                        continue   # a weekday decides only among the years the text allows
                    for hy in (y, y - 1, y + 1):
                        href = _safe_date(hy, h.month, h.day or 1)  # type: ignore[arg-type]
                        if href and _year_from_ref(x.month, x.day, href, future, settings) == y:
                            cands.append(hy - offs[i])
                            break
            if cands:
                break
        if cands and ref_base is not None:
            pool = [c for c in cands if c >= ref_base] if from_floor else []
            pool = pool or cands
            base = min(pool, key=lambda c: (abs(c - ref_base), c > ref_base))  # type: ignore[operator]
        elif ref_base is not None:
            base = ref_base
    out = []
    for h, off in zip(heads, offs):
        if h.year is not None or base is None:
            out.append(h)
            continue
        date = _safe_date(base + off, h.month, h.day or 1)  # type: ignore[arg-type]
        if date is None or settings.after_latest(date):
            out.append(h)
        else:
            out.append(_resolved(h, date=date, precision="day" if h.day else "month", basis="inferred"))
    return out


def _base_from_weekdays(heads: list[DateMention], items: list[list[DateMention]], offs: list[int],
                        text: str, settings: DateSettings = DEFAULT_SETTINGS,
                        span: tuple[int, int] | None = None) -> int | None:
    """With no other evidence, the one base year within the text's span where every stated weekday fits.

    "Friday, 18 March" alone fits a year every few years, so the weekdays decide only within the
    years the text itself spans (its stated years, `span`), and only when exactly one base fits;
    a text that states no year leaves the list undated.
    """
    if span is None:
        return None
    first, last = span[0], span[1] + 1   # the stated years and the year after the latest
    reach = 1 + max(abs(o) for o in offs)
    common: set[int] | None = None
    for i, (h, item) in enumerate(zip(heads, items)):
        for x in item:
            if x.weekday is None or x.year is not None or x.day is None or x.month is None:
                continue
            future = _future(text, x.start, h.end)
            bases = set()
            for b in range(first - reach, last + reach + 1):
                href = _safe_date(b + offs[i], h.month, h.day or 1)  # type: ignore[arg-type]
                if href is None:
                    continue
                y = _year_from_ref(x.month, x.day, href, future, settings)
                when = _safe_date(y, x.month, x.day) if y is not None else None
                if when is not None and when.weekday() == x.weekday and first <= y <= last \
                        and not settings.after_latest(when):  # type: ignore[operator]
                    bases.add(b)
            common = bases if common is None else common & bases
    if not common or len(common) != 1:
        return None
    return next(iter(common))


def heading_for(doc: DatedDocument, offset: int) -> DateMention | None:
    """The list-item heading that governs a position in the text (the last heading before offset)."""
    starts = getattr(doc, "_heading_starts", None)
    if starts is None or len(starts) != len(doc.headings):
        starts = [h.start for h in doc.headings]
        doc._heading_starts = starts  # type: ignore[attr-defined]  # computed once per document
    i = bisect_right(starts, offset) - 1
    return doc.headings[i] if i >= 0 else None
