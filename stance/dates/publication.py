"""The page's own publication date and its wire dateline, read from the header lines.

Forms real pages use: a bare date line under the headline ("Thursday, June 18, 2021",
"2024-09-25 17:21 Last Updated At:22:17"), a label ("Published: ...", "Posted on", "date
2019-07-11", "Updated: 2024-10-23", "Last Updated At: ..."), a byline or source with a bar ("By
Staff Reporter | 26 March 2018", "Oct 7, 2020 | 10:12 AM"), a compact "20220527", and a wire
dateline ("GENEVA, July 26 (Xinhua) --", "BISHKEK (TCA) —", "Beijing, Oct 8 (APP):").

Which header date is the article's: a labelled publication date first; then the first bare,
byline or dateline date under the headline (a date above every text line, as a site's "today"
in its banner, yields to one under the headline); an "Updated" date only when nothing else is
given (the original date is the publication). Lines of embedded posts ("(@handle) October 7,
2020", "pic.twitter.com/...") are never the publication date; a copyright year has no day and
so is never one either.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .model import DateMention
from .scanning import _mention
from .vocabulary import (_COMPACT, _DATELINE_MAX, _EMBED, _HEADER_LINES, _HEADER_PARAGRAPHS,
                         _LINE_PREFIX, _UPDATED_PREFIX)

_TIME_OF_DAY = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")
_WORDS = re.compile(r"[A-Za-z]{2,}")

# "GENEVA, July 26 (Xinhua) --", "UNITED NATIONS, March 2 (Reuters) -", "BISHKEK (TCA) —",
# "Beijing, Oct 8 (APP):", "MOSCOW, Feb. 24 (TASS) --", "WASHINGTON, Oct. 8, 2021 --", "GENEVA —"
_DATELINE = re.compile(
    r"[*_>#\s]{0,4}(?P<place>[A-Z][A-Za-z.'\u2019\-]{1,25}(?:[ ][A-Z][A-Za-z.'\u2019\-]{1,25}){0,3}"
    r"(?:,[ ][A-Z][A-Za-z.]{1,20}(?:[ ][A-Z][A-Za-z.]{1,20})?)??)"
    r"(?:,[ \t]{0,3}(?P<date>[A-Z][a-z]{2,8}\.?[ \t]{1,3}[0-3]?\d(?:,?[ \t]{1,3}(?:19|20)\d\d)?))?"
    r"[ \t]{0,3}(?:\((?P<agency>[A-Za-z][\w .&'/\-]{1,30})\)[ \t]{0,3})?"
    r"(?P<dash>--|-|\u2014|\u2013|:)[ \t]"
)


class Dateline(NamedTuple):
    place: str
    start: int          # offsets of the place
    end: int
    mention: DateMention | None   # the dateline's date among the scanned mentions, if dated


def _lines(text: str, s: int, e: int):
    """Non-blank lines of text[s:e] as stripped (start, end) spans, lazily."""
    pos = s
    while pos < e:
        nl = text.find("\n", pos, e)
        stop = e if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b
        pos = stop + 1


def _compact(text: str, a: int, b: int) -> DateMention | None:
    """"20220527" as a short header line's date (or after a label)."""
    if b - a > 40 or not any(c.isdigit() for c in text[a:b]):
        return None
    m = _COMPACT.search(text, a, b)
    if m is None:
        return None
    prefix = text[a:m.start()].lstrip("*_>#~ \t")
    if prefix.strip() and not _LINE_PREFIX.match(prefix):
        return None
    return _mention(text, m.start(), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")))


def _find_published(text: str, paragraphs: list[tuple[int, int]],
                    found: list[list[DateMention]], list_heads: set[int]) -> DateMention | None:
    """The article's publication date among the header lines (see the module's docstring).

    A date alone on its line is a dateline unless it is the first item of a dated list.
    """
    seen = 0
    text_line_seen = False      # a headline-like text line came before
    labelled = before = after = updated = None
    for (ps, pe), ms in zip(paragraphs[:_HEADER_PARAGRAPHS], found):
        starts = [m.start for m in ms]
        for a, b in _lines(text, ps, pe):
            seen += 1
            if seen > _HEADER_LINES:
                break
            if _EMBED.search(text, a, b):
                continue
            i = bisect_left(starts, a)
            hit = False
            line_ms = []
            while i < len(ms) and ms[i].start < min(b, a + 60):  # a prefix is short
                line_ms.append(ms[i])
                i += 1
            if not line_ms or all(m.year is None or m.day is None for m in line_ms):
                c = _compact(text, a, b)
                if c is not None:
                    line_ms = [c]
            for m in line_ms:
                if m.day is None or m.year is None or m.relative or m.start in list_heads:
                    continue
                prefix = text[a:m.start].lstrip("*_>#~ \t")   # Markdown emphasis around a dateline
                city = prefix.strip().isupper() and prefix.rstrip().endswith(",")
                if b - a > _DATELINE_MAX and not city:
                    continue
                if prefix.strip() and not _LINE_PREFIX.match(prefix):
                    continue
                hit = True
                if _UPDATED_PREFIX.search(prefix):
                    updated = updated or m
                elif prefix.strip() and not city and re.match(r"(?i)(?:first\s+|originally\s+)?(?:published|posted|released|issued|date)", prefix):
                    labelled = labelled or m
                elif text_line_seen:
                    after = after or m
                else:
                    before = before or m
                break
            if not hit and len(_WORDS.findall(text, a, b)) >= 3:
                text_line_seen = True
            if labelled is not None:
                return labelled
        if seen > _HEADER_LINES:
            break
    return labelled or after or before or updated


def has_time_of_day(text: str, m: DateMention | None) -> bool:
    """Does the publication line give a time of day ("2024-09-27 21:30", "Nov 23, 2023 10:34 AM")?"""
    if m is None or m.end <= m.start:
        return False
    a = text.rfind("\n", 0, m.start) + 1
    b = text.find("\n", m.end)
    b = len(text) if b < 0 else b
    return _TIME_OF_DAY.search(text, a, min(b, m.end + 40)) is not None


def find_dateline(text: str, paragraphs: list[tuple[int, int]],
                  found: list[list[DateMention]]) -> Dateline | None:
    """A wire dateline opening one of the first paragraphs: its place and, when dated, its date."""
    for (ps, pe), ms in list(zip(paragraphs, found))[:_HEADER_PARAGRAPHS]:
        m = _DATELINE.match(text, ps, pe)
        if m is None:
            continue
        place = m.group("place")
        upper = place.replace(" ", "").replace(",", "").replace(".", "").isupper()
        if not (m.group("agency") or (upper and len(place) >= 3)):
            continue   # "Brussels: the plan" is not a dateline; "Beijing, Oct 8 (APP):" is
        if m.group("date") is None and not upper and m.group("dash") == ":":
            continue
        if pe - m.end() < 20:
            continue   # a dateline opens a paragraph of text
        mention = None
        if m.group("date"):
            ds = m.start("date")
            mention = next((x for x in ms if x.start == ds and x.month is not None and x.day is not None), None)
            if mention is None:
                continue
        return Dateline(place, m.start("place"), m.end("place"), mention)
    return None
