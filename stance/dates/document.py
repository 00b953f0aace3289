"""One document's dates: publication date, dateline, resolved mentions and list headings."""
from __future__ import annotations

import datetime
from bisect import bisect_right

from .headings import _forward, _is_heading, _resolve_headings
from .inference import _anniversary_floors, _infer
from .model import DEFAULT_SETTINGS, DatedDocument, DateMention, DateSettings, _period_start
from .publication import _find_published, find_dateline, has_time_of_day
from .relative import _future, _resolve_relative, says_today
from .scanning import _scan, numeric_order

_DATELINE_LAG = 7   # a dateline dated up to a week before publication is the report's own day


def _spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    n = len(text)
    spans: list[tuple[int, int]] = []
    try:
        pairs = sorted((int(p[0]), int(p[1])) for p in paragraphs)
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"paragraphs must be (start, end) integer pairs: {exc}") from None
    for s, e in pairs:  # clip to the text, drop empty and overlapping parts
        s = max(0, min(s, n), spans[-1][1] if spans else 0)
        e = max(0, min(e, n))
        if s < e:
            spans.append((s, e))
    return spans


def analyse_dates(text: str, paragraphs: list[tuple[int, int]],
                  published_override: datetime.date | None = None,
                  settings: DateSettings = DEFAULT_SETTINGS) -> DatedDocument:
    """Find the publication date and dateline, date every mention in the paragraphs, infer missing years.

    The result depends only on the arguments (never on the day it runs).
    """
    if not isinstance(text, str):
        raise TypeError(f"analyse_dates expects str, got {type(text).__name__}")
    if published_override is not None and not isinstance(published_override, datetime.date):
        raise TypeError(f"published_override must be a datetime.date, got {published_override!r}")
    if not isinstance(settings, DateSettings):
        raise TypeError(f"settings must be a DateSettings, got {settings!r}")
    spans = _spans(text, paragraphs)
    found = [_scan(text, s, e) for s, e in spans]
    order = numeric_order(text, spans, [m for ms in found for m in ms if m.basis == "stated"])
    if order is not None:
        found = [_scan(text, s, e, order) for s, e in spans]
    lo = spans[0][0] if spans else 0
    hi = spans[-1][1] if spans else 0
    date_lines = {m.start for ms in found for m in ms if _is_heading(text, m)}

    if published_override is not None:
        if isinstance(published_override, datetime.datetime):
            published_override = published_override.date()
        published: DateMention | None = DateMention(
            0, 0, "", published_override.year, published_override.month, published_override.day,
            None, None, published_override, "day", "stated")
    header = _find_published(text, spans, found, date_lines if len(date_lines) >= 3 else set())
    if published_override is None:
        published = header
    elif header is not None:
        date_lines.discard(header.start)
    # The page's own header date is no list heading: it is the publication line (or, next to
    # metadata that says otherwise, page furniture such as a site's "today").
    pub = published.date if published else None
    dateline = find_dateline(text, spans, found)

    if header is not None and published is not header and published is not None and header.date == published.date:
        published_line = header   # the metadata's date written on the page: the same publication line
    else:
        published_line = published
    raw = sorted((m for ms in found for m in ms if m is not published and m is not published_line),
                 key=lambda m: m.start)
    stated = [m for m in raw if m.basis == "stated"]
    anniv = _anniversary_floors(text, lo, hi, stated, settings)
    # A floor is a past reference: "by 2030", "will meet on 2 May 2026" are not floors.
    floor_candidates = [_period_start(m) for m in stated if not _forward(text, m, lo)]
    floor_candidates += [datetime.date(y, 1, 1) for _, y in anniv]
    floor_candidates = [f for f in floor_candidates if not settings.after_latest(f)]
    floor = max(floor_candidates) if floor_candidates else None
    day_floor = max((_period_start(m) for m in stated if m.precision in ("day", "month") and not _forward(text, m, lo)
                     and not settings.after_latest(_period_start(m))), default=None)
    years = [m.year for m in stated if m.year is not None] + [y for _, y in anniv]
    span = (min(years), max(years)) if years else None

    heads = [m for m in raw if m.start in date_lines]
    head_starts = [h.start for h in heads]
    if heads:
        items: list[list[DateMention]] = [[] for _ in heads]
        for m in raw:
            i = bisect_right(head_starts, m.start) - 1
            if i >= 0 and m is not heads[i]:
                items[i].append(m)
        try:
            heads = _resolve_headings(heads, items, pub, text, anniv, settings, span)
        except (ValueError, OverflowError):  # a reference date at the calendar's edge
            pass
    head_by_start = {h.start: h for h in heads}

    # The anchor of relative dates: a dated dateline (the report's own day), else the publication date.
    anchor: DateMention | None = published if pub is not None else None
    dl_mention = dateline.mention if dateline is not None else None
    if dl_mention is not None:
        if dl_mention.date is None:
            try:
                dl_mention = _infer(dl_mention, pub, floor, text, lo, settings)
            except (ValueError, OverflowError):
                pass
        day = dl_mention.date
        if day is not None and dl_mention.precision == "day":
            if pub is not None:
                if 0 <= (pub - day).days <= _DATELINE_LAG:
                    anchor = dl_mention
            elif dl_mention.basis == "stated":
                anchor = published = dl_mention   # "WASHINGTON, Oct. 8, 2021 --": the report's date
                pub = day
            elif day_floor is not None and day_floor.year == day.year and day_floor <= day:
                anchor = dl_mention   # a year from a day-precise date earlier that year: an anchor only
    ref = anchor.date if anchor is not None else None
    same_day = settings.own_weekday == "anchor" or has_time_of_day(text, anchor)

    mentions = []
    for m in raw:
        if m.start in head_by_start:
            mentions.append(head_by_start[m.start])
            continue
        if dl_mention is not None and m.start == dl_mention.start:
            mentions.append(dl_mention)
            continue
        if m.basis == "stated":
            mentions.append(m)
            continue
        if m.relative is not None:
            if ref is not None:
                try:
                    m = _resolve_relative(m, ref, _future(text, m.start, lo),
                                          same_day or says_today(text, m.start, lo, hi))
                except (ValueError, OverflowError):  # an anchor at the calendar's edge
                    pass
            mentions.append(m)
            continue
        i = bisect_right(head_starts, m.start) - 1
        head = heads[i] if i >= 0 else None
        try:
            if head is not None and head.date is not None and head.precision == "day":
                m = _infer(m, head.date, None, text, lo, settings)
            else:
                m = _infer(m, pub, floor, text, lo, settings)
        except (ValueError, OverflowError):  # a reference date at the calendar's edge
            pass
        mentions.append(m)
    if published is not None and published is dl_mention:
        mentions = [m for m in mentions if m.start != published.start]  # the dateline is the publication
    return DatedDocument(published, mentions, heads, anchor, dateline.place if dateline else "", settings)
