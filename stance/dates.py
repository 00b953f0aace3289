"""Find date mentions in news text and resolve them to calendar dates.

Why hand-written: date libraries (dateparser, dateutil, parsedatetime) parse a string they are
given; none reports exact character offsets of dates in running text, and none infers a missing
year from the document's own evidence. dateparser (our benchmark baseline) fills a year-less
"July 27" or "Friday, May 21" with the current year, even when the stated weekday rules that
year out, and its search mode reads "We" as Wednesday: it would invent dates, which the product
must never do (tests/test_dates.py shows this). Here a missing year comes only from evidence in
the text, strongest first:

1. weekday consistency ("Friday, May 21" is a Friday only in some years),
2. the publication date (a year-less month-day is in the publication year, or the previous
   year when that would put it more than ~2 months after publication),
3. explicitly stated dates (the latest one is a floor) and anniversaries ("25 October 1971
   ... the past 50 years" points to 2021),
4. the order of a dated list (date-only heading lines read as a monotone sequence).

Without evidence a mention stays unresolved (date None, precision "none", basis "none").

Conventions: `DatedDocument.mentions` holds every mention except the publication dateline
itself (list headings are included, the same objects as in `headings`); an overridden
publication date is a mention with start == end == 0 and empty text. Relative mentions
("on Wednesday", "this year") are resolved only against the publication date.

Speed: a token regex whose branches all start with a literal (so the engine skips text by a
character-set test) finds numbers and month/weekday words; one precompiled pattern with only
bounded quantifiers is then matched at those tokens. Work per token is constant, so the scan is
linear in the text (no catastrophic backtracking on "May May May ..." or long digit runs).
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

__all__ = ["DateMention", "DatedDocument", "find_dates", "analyse_dates", "heading_for"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: offsets into the text, what it states, and what it resolves to."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    relative: str | None
    date: datetime.date | None
    precision: str
    basis: str


@dataclass
class DatedDocument:
    """Publication date, resolved body mentions and list-item headings of one document."""

    published: DateMention | None
    mentions: list[DateMention]
    headings: list[DateMention]


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
_FULL_WEEKDAYS = [w for w in _WEEKDAYS if len(w) > 5]
_NUMBER_WORDS = {
    "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "seventy-five": 75, "eighty": 80,
    "ninety": 90, "hundred": 100, "one hundred": 100,
}
_ORDINAL_WORDS = {
    "fifth": 5, "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

# Words before a bare year that make it a year ("in 1989", "since 2020").
_YEAR_PREV = frozenset(
    "in since during until till before after through throughout early late mid year "
    "circa around by from between and to of end beginning start spring summer autumn fall "
    "winter january february march april may june july august september october november "
    "december".split()
)
# Words after a sentence-initial bare year that make it a year ("2021 is ...").
_YEAR_NEXT_VERB = frozenset(
    "is was will has had marks marked saw sees brought brings became becomes began begins "
    "ended ends also were would could should may might remains remained".split()
)
# Words before a number that make it a count, not a year.
_COUNT_PREV = frozenset(
    "about over nearly almost than some approximately total roughly least most only just "
    "no number".split()
)


def _alt(words: list[str]) -> str:
    """Regex alternation of words in title and upper case, longest first."""
    forms: set[str] = set()
    for w in words:
        forms.add(w.capitalize())
        forms.add(w.upper())
    return "|".join(sorted(forms, key=lambda s: (-len(s), s)))


_MON = rf"(?:{_alt(list(_MONTHS))})"
_WD = rf"(?:{_alt(list(_WEEKDAYS))})"
_WDFULL = rf"(?:{_alt(_FULL_WEEKDAYS)})"
_SP = r"[ \t\u00a0]{1,3}"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_TIME = (r"(?:,?[ \t]{1,3}(?:at[ \t]{1,3})?[0-2]?\d:[0-5]\d(?::[0-5]\d)?"
         r"(?:[ \t]?[AaPp]\.?[Mm]\b\.?)?)?")
_DAYEND = r"(?!\d|[.,]\d{3}\b|[-\u2013/]\d|%|:\d)"

# Every alternative starts at a token found by _TOKEN (a number, a month or a weekday name);
# words around it ("in March", "last Friday") are checked in Python.
_PATTERN = re.compile(
    "|".join(f"(?P<K{i}>{alt})" for i, alt in enumerate([
        # ISO date, optionally a timestamp: 2024-09-25, 2024-09-25 17:21, 2024-09-25T17:21:00Z
        rf"(?<![\d-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
        r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\d])",
        # numeric day/month/year, kept only when unambiguous
        rf"(?<![\d/.])(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<sy>{_YEAR})(?![\d/])",
        # month first: [Friday, ]Nov 23[, 2023][ 10:34 AM]
        rf"\b(?:(?P<aw>{_WD})\.?,?{_SP})?(?P<am>{_MON})\b\.?{_SP}(?P<ad>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"{_DAYEND}(?:(?:,[ \t]{{0,3}}|{_SP})(?P<ay>{_YEAR})(?![\d,.]\d|\d))?{_TIME}",
        # day first: [Friday ]23 November[ 2023], 20th of November, 22 Nov
        rf"(?<![\w.,:/$\u20ac\u00a3-])(?:(?P<bw>{_WD})\b\.?,?{_SP})?(?P<bd>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?(?:{_SP}of)?{_SP}(?P<bm>{_MON})\b\.?"
        rf"(?:,?{_SP}(?P<by>{_YEAR})(?![\d,.]\d|\d))?{_TIME}",
        # month this/last/next year: October this year
        rf"\b(?P<rm>{_MON})\b\.?(?:{_SP}of)?{_SP}(?P<rr>this|last|next){_SP}year\b",
        # month year: August 2018
        rf"\b(?P<cm>{_MON})\b\.?,?{_SP}(?P<cy>{_YEAR})(?![\d,.]\d|\d)",
        # bare month (the word before it is checked in Python): in March
        rf"\b(?P<em>{_MON})\b(?!\.?[ \t]{{0,3}}\d)",
        # weekday alone: on Wednesday, last Friday (modifier checked in Python)
        rf"\b(?P<wd>{_WDFULL})\b(?!s\b)",
        # bare year, validated by context
        rf"(?<![\w$\u20ac\u00a3#.,/+])(?P<yy>{_YEAR})(?![\w%]|[.,/]\d|-\d\d-)",
    ]))
)
# Cheap first pass: every branch starts with a literal, so the engine skips most text by a
# character-set test; only numbers and month/weekday-like words reach Python.
_PREFIXES = sorted({f(w[:3]) for w in [*_MONTHS, *_WEEKDAYS] for f in (str.capitalize, str.upper)})
_TOKEN = re.compile("|".join([f"{d}[0-9]*[a-z]*" for d in "0123456789"] +
                             [f"{p}[A-Za-z]*" for p in _PREFIXES]))
_MONTH_PREP = frozenset(
    "in since until till by from during before after through early late mid last next this "
    "of to and between".split()
)
_WEEKDAY_MOD = frozenset("last next this coming past".split())
_FUTURE = re.compile(
    r"\b(?:will|shall|to be held|scheduled|set to|due to|plans? to|is to|are to|upcoming|"
    r"expected to|is expected|are expected|going to)\b|\w'll\b",
    re.IGNORECASE,
)
_LINE_PREFIX = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|date|released|issued)"
    r"(?:\s+(?:on|at))?\s*[:|\-\u2013\u2014]?\s*|[A-Z][A-Z .'\-]{1,30},\s*"
    r"|by\s[^|\u2022\u00b7\n]{1,40}[|\u2022\u00b7]\s*)$",
    re.IGNORECASE,
)
_ANNIV = re.compile(
    r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<ow>" + "|".join(_ORDINAL_WORDS) + r"))[ \t-]"
    r"anniversary\b|\b(?:past|last)[ \t](?:(?P<n2>\d{1,3})|(?P<nw>"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))[ \t]years\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t\u00a0]*$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([A-Za-z]+)")

_PUB_WINDOW = datetime.timedelta(days=61)
_HEADER_PARAGRAPHS = 8
_HEADER_LINES = 12
_DATELINE_MAX = 100


# --------------------------------------------------------------------------- finding

def _mention(text: str, s: int, e: int, y: int | None, mo: int | None, d: int | None,
             wd: int | None = None, rel: str | None = None) -> DateMention | None:
    """Build a raw mention; a stated year gives a stated date, a bad calendar date gives None."""
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None:
        if not 1 <= d <= 31:
            return None
        probe = _safe_date(y if y is not None else 2000, mo or 1, d)  # 2000: Feb 29 is fine
        if probe is None:
            return None
    date, precision, basis = None, "none", "none"
    if y is not None and rel is None:
        date = datetime.date(y, mo or 1, d or 1)
        precision = "day" if d is not None else "month" if mo is not None else "year"
        basis = "stated"
    return DateMention(s, e, text[s:e], y, mo, d, wd, rel, date, precision, basis)


def _word_before(text: str, pos: int, lo: int) -> str:
    m = _WORD_BEFORE.search(text, max(lo, pos - 24), pos)
    return m.group(1) if m else ""


def _bare_year_ok(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Is a lone 4-digit number a year here ("in 1989", "2021 is ...") rather than a count?"""
    prev = _word_before(text, s, lo)
    k = s - 1
    while k >= lo and text[k] in " \t\u00a0":
        k -= 1
    prev_char = text[k] if k >= lo else "\n"
    if prev_char.isdigit():
        return False  # phone numbers, digit groups
    nxt = _WORD_AFTER.match(text, e, hi)
    next_word = nxt.group(1) if nxt else ""
    after = text[e:e + 1] if e < hi else "\n"
    if prev_char == "-":
        return text[max(lo, s - 4):s].lower() == "mid-"  # "mid-2022"; not "2-2021"
    if prev.lower() in _YEAR_PREV and prev_char.isalpha():
        return True
    if prev.lower() in _COUNT_PREV:
        return False
    initial = prev_char in ".!?\n\"'\u201c\u2018(" or k < lo
    if initial and next_word.lower() in _YEAR_NEXT_VERB and after in " \t,":
        return True
    if after in ".,;:)!?\n" or text.startswith("'s", e) or text.startswith("\u2019s", e):
        return initial or (prev[:1].islower() and prev_char.isalpha()) or prev_char == ","
    return False


def _scan(text: str, lo: int, hi: int) -> list[DateMention]:
    out: list[DateMention] = []
    done = lo
    match = _PATTERN.match
    for tok in _TOKEN.finditer(text, lo, hi):
        p = tok.start()
        if p < done:
            continue
        word = tok.group()
        if word[0].isdigit():
            if len(word) - len(word.lstrip("0123456789")) not in (1, 2, 4):
                continue
        elif word.lower() not in _MONTHS and word.lower() not in _WEEKDAYS:
            continue
        m = match(text, p, hi)
        if m is None:
            continue
        mention = _interpret(text, m, lo, hi)
        if mention is not None:
            out.append(mention)
            done = m.end()
        elif m.lastgroup in ("K0", "K1", "K2", "K3"):
            done = m.end()  # "31 Nov 2022", "05/09/2024": no date inside either
    rel = _scan_relative(text, lo, hi)
    if rel:
        spans = [(x.start, x.end) for x in out]
        out.extend(r for r in rel if not any(a < r.end and r.start < b for a, b in spans))
        out.sort(key=lambda x: x.start)
    return out


def _scan_relative(text: str, lo: int, hi: int) -> list[DateMention]:
    """today, yesterday, this year, earlier this month, ... (plain substring search, fast)."""
    low = text[lo:hi].lower()
    out = []
    for key in ("day", "tomorrow", "year", "month"):
        i = low.find(key)
        while i >= 0:
            j = i + len(key)
            rel = None
            if key == "day":
                if low.endswith("to", 0, i):
                    rel, i = "today", i - 2
                elif low.endswith("yester", 0, i):
                    rel, i = "yesterday", i - 6
            elif key == "tomorrow":
                rel = "tomorrow"
            else:
                which = low[i - 5:i]
                if which in ("this ", "last ", "next "):
                    rel, i = f"{which[:4]}_{key}", i - 5
            if rel and (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                s, e = lo + i, lo + j
                if rel.startswith("this_"):
                    for lead in ("earlier ", "later "):
                        if low.endswith(lead, 0, i):
                            s -= len(lead)
                if not (rel == "today" and text[s] == "T" and _word_before(text, s, lo)[:1].isupper()):
                    # ("USA Today", "China Today" are names)
                    out.append(DateMention(s, e, text[s:e], None, None, None, None, rel, None,
                                           "none", "none"))
            i = low.find(key, j)
    return out


def _interpret(text: str, m: re.Match, lo: int, hi: int) -> DateMention | None:
    g = m.group
    kind = m.lastgroup
    s, e = m.start(), m.end()
    if kind == "K0":
        return _mention(text, s, e, int(g("iy")), int(g("im")), int(g("id")))
    if kind == "K1":
        a, b = int(g("sa")), int(g("sb"))
        if a > 12 >= b:
            return _mention(text, s, e, int(g("sy")), b, a)
        if b > 12 >= a:
            return _mention(text, s, e, int(g("sy")), a, b)
        return None
    if kind == "K2":
        wd = _WEEKDAYS[g("aw").lower()] if g("aw") else None
        y = int(g("ay")) if g("ay") else None
        e = _trim_time(text, m, "ay", "ad")
        return _mention(text, s, e, y, _MONTHS[g("am").lower()], int(g("ad")), wd)
    if kind == "K3":
        wd = _WEEKDAYS[g("bw").lower()] if g("bw") else None
        y = int(g("by")) if g("by") else None
        e = _trim_time(text, m, "by", "bm")
        return _mention(text, s, e, y, _MONTHS[g("bm").lower()], int(g("bd")), wd)
    if kind == "K4":
        which = g("rr")
        return _mention(text, s, e, None, _MONTHS[g("rm").lower()], None, None, f"{which}_year")
    if kind == "K5":
        return _mention(text, s, e, int(g("cy")), _MONTHS[g("cm").lower()], None)
    if kind == "K6":
        word = g("em")
        prev = _word_before(text, s, lo).lower()
        if prev not in _MONTH_PREP:
            return None
        if word in ("May", "MAY", "March", "MARCH") and prev in ("of", "to", "and", "by", "from"):
            return None  # "Theresa May", "a long march": too ambiguous after these words
        return _mention(text, s, e, None, _MONTHS[word.lower()], None)
    if kind == "K7":
        prev = _word_before(text, s, lo)
        if prev.lower() in _WEEKDAY_MOD and text[s - 1] in " \t\u00a0":
            s = text.rfind(prev, lo, s)
        return _mention(text, s, e, None, None, None, _WEEKDAYS[g("wd").lower()], "weekday")
    if kind == "K8":
        if not _bare_year_ok(text, s, e, lo, hi):
            return None
        return _mention(text, s, e, int(g("yy")), None, None)
    return None


def _trim_time(text: str, m: re.Match, ygroup: str, last: str) -> int:
    """End of the mention: a time is kept only after a stated year ("Nov 23, 2023 10:34 AM")."""
    if m.group(ygroup):
        return m.end()
    end = m.end(last)
    if last == "ad":
        return end + (2 if text[end:end + 2] in ("st", "nd", "rd", "th") else 0)
    if len(m.group(last)) <= 4 and text.startswith(".", end):
        end += 1  # "22 Nov." - abbreviation dot; "4 March." - sentence full stop stays out
    return end


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Raw (unresolved) mentions in text[start:end], offsets absolute.

    Mentions with a stated year already carry their stated date; the others have date None.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates expects str, got {type(text).__name__}")
    n = len(text)
    lo = max(0, min(start, n))
    hi = n if end is None else max(lo, min(end, n))
    return _scan(text, lo, hi)


# --------------------------------------------------------------------------- calendar helpers

def _safe_date(y: int, mo: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        return None


def _limit() -> datetime.date:
    t = datetime.date.today()
    return _safe_date(t.year + 1, t.month, t.day) or datetime.date(t.year + 1, t.month, 28)


def _year_from_ref(mo: int, d: int | None, ref: datetime.date, future: bool) -> int | None:
    """Year of a year-less month(-day) seen from a reference date (publication or heading)."""
    y = ref.year
    for cand in (y, y - 1, y - 2, y - 3, y - 4):  # Feb 29 needs a leap year
        if _safe_date(cand, mo, d or 1):
            y = cand
            break
    else:
        return None
    when = datetime.date(y, mo, d or 1)
    if when > ref + _PUB_WINDOW:
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


def _weekday_year(mo: int, d: int, wd: int, expected: int, floor: datetime.date | None) -> int | None:
    """Year nearest to `expected` in which mo/d falls on weekday wd (never past today + 1 year)."""
    limit = _limit()
    best: tuple[int, int, int] | None = None
    for y in range(expected - 14, expected + 15):
        when = _safe_date(y, mo, d)
        if when is None or when.weekday() != wd or when > limit:
            continue
        below = 1 if floor is not None and when < floor else 0
        key = (below, abs(y - expected), y > expected)
        if best is None or key < best[:3]:
            best = (*key, y)  # type: ignore[assignment]
    return best[3] if best else None


def _resolved(m: DateMention, *, date: datetime.date, precision: str, basis: str) -> DateMention:
    """A copy of m with its resolution (faster than dataclasses.replace)."""
    return DateMention(m.start, m.end, m.text, m.year, m.month, m.day, m.weekday, m.relative,
                       date, precision, basis)


def _period_start(m: DateMention) -> datetime.date:
    return datetime.date(m.year, m.month or 1, m.day or 1)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- analysis

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


def _find_published(text: str, paragraphs: list[tuple[int, int]],
                    found: list[list[DateMention]], list_heads: set[int]) -> DateMention | None:
    """First short header line holding a full date, bare or after "Published:" etc.

    A date alone on its line is a dateline unless it is the first item of a dated list.
    """
    seen = 0
    for (ps, pe), ms in zip(paragraphs[:_HEADER_PARAGRAPHS], found):
        starts = [m.start for m in ms]
        for a, b in _lines(text, ps, pe):
            seen += 1
            if seen > _HEADER_LINES:
                return None
            i = bisect_left(starts, a)
            while i < len(ms) and ms[i].start < min(b, a + 60):  # a prefix is short
                m = ms[i]
                i += 1
                if m.day is None or m.year is None or m.relative or m.start in list_heads:
                    continue
                prefix = text[a:m.start].lstrip("*_>#~ \t")   # Markdown emphasis around a dateline
                city = prefix.strip().isupper() and prefix.rstrip().endswith(",")
                if b - a > _DATELINE_MAX and not city:
                    continue
                if not prefix.strip() or _LINE_PREFIX.match(prefix):
                    return m
    return None


def _future(text: str, pos: int, lo: int) -> bool:
    """Does the clause before pos speak of the future ("will meet on Friday")?"""
    a = max(lo, pos - 80)
    chunk = text[a:pos]
    cut = max(chunk.rfind(c) for c in ".!?;\n")
    if cut >= 0:
        chunk = chunk[cut + 1:]
    return _FUTURE.search(chunk) is not None


def _resolve_relative(m: DateMention, pub: datetime.date, future: bool) -> DateMention:
    """Date a relative mention from the publication date (past by default, future if cued)."""
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
            if mod in ("last", "past") and back == 0:
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


def _anniversary_floors(text: str, lo: int, hi: int, stated: list[DateMention]) -> list[tuple[int, int]]:
    """(position, year) for "50th anniversary" / "past 50 years" after a stated year."""
    if not stated:
        return []
    out = []
    limit = _limit().year
    ends = [m.end for m in stated]
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
            for m in stated[max(0, k - 5):k][::-1]:  # the nearest few stated dates before it
                if a.start() - m.end < 600 and m.year + num <= limit:  # type: ignore[operator]
                    out.append((a.start(), m.year + num))  # type: ignore[operator]
                    break
    return out


def _infer(m: DateMention, ref: datetime.date | None, floor: datetime.date | None,
           text: str, lo: int) -> DateMention:
    """Year inference for a year-less month(-day): weekday > reference date > floor."""
    if m.month is None:
        return m
    future = _future(text, m.start, lo)
    words = text[max(lo, m.start - 6):m.start].lower().split()
    mod = words[-1] if words else ""
    expected = None
    if ref is not None:
        expected = _year_from_ref(m.month, m.day, ref, future or mod == "next")
        if mod == "last" and expected is not None and datetime.date(expected, m.month, 1) >= \
                datetime.date(ref.year, ref.month, 1):
            expected -= 1
    elif floor is not None:
        expected = _year_from_floor(m.month, m.day, floor)
    elif m.weekday is not None and m.day is not None:
        expected = _latest_weekday_year(m.month, m.day, m.weekday)   # the weekday is the only evidence
    if expected is None:
        return m
    if m.weekday is not None and m.day is not None:
        y = _weekday_year(m.month, m.day, m.weekday, expected, floor if ref is None else None)
        if y is None:
            return m
        if ref is None or abs(y - expected) <= 1:
            expected = y  # near a dated reference, a far-off fit is likelier a typo than a year
    date = _safe_date(expected, m.month, m.day or 1)
    if date is None or date > _limit():
        return m
    return _resolved(m, date=date, precision="day" if m.day else "month", basis="inferred")


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
    while b < n and text[b] in " \t\r\u00a0:-|\u2013\u2014":
        b += 1
    return b == n or text[b] == "\n"


def _resolve_headings(heads: list[DateMention], items: list[list[DateMention]],
                      pub: datetime.date | None, text: str,
                      anniv: list[tuple[int, int]]) -> list[DateMention]:
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
            y = _year_from_ref(heads[i].month, heads[i].day, pub, False)  # type: ignore[arg-type]
            ref_base = None if y is None else y - offs[i]
        else:
            today = datetime.date.today()
            head_starts = [h.start for h in heads]
            item_anniv: dict[int, list[datetime.date]] = {}
            for p, y in anniv:
                item_anniv.setdefault(bisect_right(head_starts, p) - 1, []).append(datetime.date(y, 1, 1))
            for i, (h, item) in enumerate(zip(heads, items)):
                stated = [_period_start(x) for x in item if x.basis == "stated"]
                stated = [f for f in stated if f <= today]
                stated += item_anniv.get(i, [])
                if not stated:
                    continue
                y = _year_from_floor(h.month, h.day, max(stated))  # type: ignore[arg-type]
                if y is not None:
                    b = y - offs[i]
                    ref_base = b if ref_base is None else max(ref_base, b)
                    from_floor = True
        cands: list[int] = []
        limit = _limit()
        if ref_base is None:
            base = _base_from_weekdays(heads, items, offs, text)
        for i, (h, item) in enumerate(zip(heads, items)):
            if ref_base is None:
                break  # a weekday alone fits a year every few years: it needs other evidence
            for x in item:
                if x.weekday is None or x.year is not None or x.day is None or x.month is None:
                    continue
                future = _future(text, x.start, h.end)
                near = ref_base + offs[i]
                for y in range(near - 14, near + 15):
                    when = _safe_date(y, x.month, x.day)
                    if when is None or when.weekday() != x.weekday or when > limit:
                        continue
                    for hy in (y, y - 1, y + 1):
                        href = _safe_date(hy, h.month, h.day or 1)  # type: ignore[arg-type]
                        if href and _year_from_ref(x.month, x.day, href, future) == y:
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
        if date is None or date > _limit():
            out.append(h)
        else:
            out.append(_resolved(h, date=date, precision="day" if h.day else "month", basis="inferred"))
    return out


def _base_from_weekdays(heads: list[DateMention], items: list[list[DateMention]], offs: list[int],
                        text: str) -> int | None:
    """With no other evidence, the latest past year in which every stated weekday in the list fits.

    "Friday, 18 March" alone fits a year every few years; all weekday dates of a list together
    narrow it down, and news lists are recent, so the latest consistent year not in the future wins.
    """
    today = datetime.date.today()
    common: set[int] | None = None
    for i, (h, item) in enumerate(zip(heads, items)):
        for x in item:
            if x.weekday is None or x.year is not None or x.day is None or x.month is None:
                continue
            future = _future(text, x.start, h.end)
            bases = set()
            for b in range(today.year - 40, today.year + 1):
                href = _safe_date(b + offs[i], h.month, h.day or 1)  # type: ignore[arg-type]
                if href is None:
                    continue
                y = _year_from_ref(x.month, x.day, href, future)
                when = _safe_date(y, x.month, x.day) if y is not None else None
                if when is not None and when.weekday() == x.weekday and when <= today:
                    bases.add(b)
            common = bases if common is None else common & bases
    if not common:
        return None
    for b in sorted(common, reverse=True):
        if all((_safe_date(b + off, h.month, h.day or 1) or today) <= today for h, off in zip(heads, offs)):  # type: ignore[arg-type]
            return b
    return None


def _latest_weekday_year(month: int, day: int, weekday: int) -> int | None:
    """The latest year, not in the future, in which month/day falls on the weekday."""
    today = datetime.date.today()
    for y in range(today.year, today.year - 40, -1):
        when = _safe_date(y, month, day)
        if when is not None and when <= today and when.weekday() == weekday:
            return y
    return None


def analyse_dates(text: str, paragraphs: list[tuple[int, int]],
                  published_override: datetime.date | None = None) -> DatedDocument:
    """Find the publication dateline, date every mention in the paragraphs, infer missing years."""
    if not isinstance(text, str):
        raise TypeError(f"analyse_dates expects str, got {type(text).__name__}")
    if published_override is not None and not isinstance(published_override, datetime.date):
        raise TypeError(f"published_override must be a datetime.date, got {published_override!r}")
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
    found = [_scan(text, s, e) for s, e in spans]
    lo = spans[0][0] if spans else 0
    hi = spans[-1][1] if spans else 0
    date_lines = {m.start for ms in found for m in ms if _is_heading(text, m)}

    if published_override is not None:
        if isinstance(published_override, datetime.datetime):
            published_override = published_override.date()
        published: DateMention | None = DateMention(
            0, 0, "", published_override.year, published_override.month, published_override.day,
            None, None, published_override, "day", "stated")
    else:
        published = _find_published(text, spans, found, date_lines if len(date_lines) >= 3 else set())
    pub = published.date if published else None

    raw = sorted((m for ms in found for m in ms if m is not published), key=lambda m: m.start)
    stated = [m for m in raw if m.basis == "stated"]
    anniv = _anniversary_floors(text, lo, hi, stated)
    floor_candidates = [_period_start(m) for m in stated] + [datetime.date(y, 1, 1) for _, y in anniv]
    today = datetime.date.today()  # a floor is a past reference: "by 2030" is not one
    floor_candidates = [f for f in floor_candidates if f <= today]
    floor = max(floor_candidates) if floor_candidates else None

    heads = [m for m in raw if m.start in date_lines]
    head_starts = [h.start for h in heads]
    if heads:
        items: list[list[DateMention]] = [[] for _ in heads]
        for m in raw:
            i = bisect_right(head_starts, m.start) - 1
            if i >= 0 and m is not heads[i]:
                items[i].append(m)
        try:
            heads = _resolve_headings(heads, items, pub, text, anniv)
        except (ValueError, OverflowError):  # a reference date at the calendar's edge
            pass
    head_by_start = {h.start: h for h in heads}

    mentions = []
    for m in raw:
        if m.start in head_by_start:
            mentions.append(head_by_start[m.start])
            continue
        if m.basis == "stated":
            mentions.append(m)
            continue
        if m.relative is not None:
            if pub is not None:
                try:
                    m = _resolve_relative(m, pub, _future(text, m.start, lo))
                except (ValueError, OverflowError):  # a publication date at the calendar's edge
                    pass
            mentions.append(m)
            continue
        i = bisect_right(head_starts, m.start) - 1
        head = heads[i] if i >= 0 else None
        try:
            if head is not None and head.date is not None and head.precision == "day":
                m = _infer(m, head.date, None, text, lo)
            else:
                m = _infer(m, pub, floor, text, lo)
        except (ValueError, OverflowError):  # a reference date at the calendar's edge
            pass
        mentions.append(m)
    return DatedDocument(published, mentions, heads)


def heading_for(doc: DatedDocument, offset: int) -> DateMention | None:
    """The list-item heading that governs a position in the text (the last heading before offset)."""
    starts = getattr(doc, "_heading_starts", None)
    if starts is None or len(starts) != len(doc.headings):
        starts = [h.start for h in doc.headings]
        doc._heading_starts = starts  # type: ignore[attr-defined]  # computed once per document
    i = bisect_right(starts, offset) - 1
    return doc.headings[i] if i >= 0 else None
