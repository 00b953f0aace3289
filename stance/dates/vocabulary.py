"""Words and patterns for date mentions: months, weekdays, number words, and the token scan.

Every alternative of `_PATTERN` starts with a literal found by `_TOKEN` (a number, a month or a
weekday name), so the engine skips most text by a character-set test and the scan is linear.
"""
from __future__ import annotations

import re

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
        # ISO date, optionally a timestamp: 2024-09-25, 2024-09-25 17:21, 2024-09-25T17:21:00Z; year first
        # with slashes or dots is read the same way (2024/09/25, 2024.09.25)
        rf"(?<![\d/.-])(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>[01]\d)(?P=isep)(?P<id>[0-3]\d)"
        r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\d])",
        # numeric day/month/year, kept only when unambiguous
        rf"(?<![\d/.-])(?P<sa>[0-3]?\d)(?P<sep>[/.-])(?P<sb>[0-3]?\d)(?P=sep)(?P<sy>{_YEAR})"
        r"(?![\d/]|[.-]\d)",
        # month first: [Friday, ]Nov 23[, 2023][ 10:34 AM]
        rf"\b(?:(?P<aw>{_WD})\.?,?{_SP})?(?P<am>{_MON})\b\.?{_SP}(?P<ad>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"{_DAYEND}(?:(?:,[ \t]{{0,3}}|{_SP})(?P<ay>{_YEAR})(?![\d,.]\d|\d))?{_TIME}",
        # day first: [Friday ]23 November[ 2023], 20th of November, 22 Nov
        rf"(?<![\w.,:/$\u20ac\u00a3-])(?:(?P<bw>{_WD})\b\.?,?{_SP})?(?P<bd>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?(?:(?:{_SP}of)?{_SP}(?P<bm>{_MON})\b\.?(?:,?{_SP}(?P<by>{_YEAR})(?![\d,.]\d|\d))?"
        rf"|-(?P<bm2>{_MON})-(?P<by2>{_YEAR})(?!\d)){_TIME}",   # also 12-Mar-2024
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
    r"expected to|is expected|are expected|going to|"
    r"would\s+(?:take\s+place|be\s+held|meet|convene|vote|begin|start|open|travel|visit|arrive))\b|\w'll\b",
    re.IGNORECASE,
)
# What may stand before the publication date on its line: "Published:", "Updated on",
# "Last Updated At:", "date", a dateline city ("GENEVA,"), a byline or a source ending in a bar
# ("By Staff Reporter |", "Xinhua |").
_LINE_PREFIX = re.compile(
    r"^(?:(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified|date[d]?|released|issued|"
    r"publication\s+date|published\s+date|time)"
    r"(?:\s+(?:on|at))?\s*[:|\-\u2013\u2014]?\s*|[A-Z][A-Z .'\-]{1,30},\s*"
    r"|(?:by\s)?[^|\u2022\u00b7\n]{1,40}[|\u2022\u00b7]\s*)$",
    re.IGNORECASE,
)
_UPDATED_PREFIX = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)
# A compact date "20220527" on a header line (only there: elsewhere 8 digits are numbers).
_COMPACT = re.compile(r"(?<![\d.,])(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d.,]\d|\d)")
# Embedded posts carry their own dates: "— Name (@handle) October 7, 2020", "pic.twitter.com/..."
_EMBED = re.compile(r"\(@\w{1,30}\)|pic\.twitter\.com|twitter\.com/|x\.com/\w+/status|Tweet\b")

_ANNIV = re.compile(
    r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<ow>" + "|".join(_ORDINAL_WORDS) + r"))[ \t-]"
    r"anniversary\b|\b(?:past|last)[ \t](?:(?P<n2>\d{1,3})|(?P<nw>"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))[ \t]years\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t\u00a0]*$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([A-Za-z]+)")

_HEADER_PARAGRAPHS = 8
_HEADER_LINES = 12
_DATELINE_MAX = 100
