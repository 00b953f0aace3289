"""Find date mentions in news text and resolve them to calendar dates (a package: see Layout).

Why hand-written: date libraries (dateparser, dateutil, parsedatetime) parse a string they are
given; none reports exact character offsets of dates in running text, and none infers a missing
year from the document's own evidence. dateparser (our benchmark baseline) fills a year-less
"July 27" or "Friday, May 21" with the current year, even when the stated weekday rules that
year out, and its search mode reads "We" as Wednesday: it would invent dates, which the product
must never do (tests/test_dates.py shows this). Here a missing year comes only from evidence in
the text, strongest first:

1. weekday consistency ("Friday, May 21" is a Friday only in some years), but only among the
   years the other evidence allows, and only when exactly one of them fits,
2. the publication date or a dated dateline (a year-less month-day is in the publication year, or the previous
   year when that would put it more than ~2 months after publication),
3. explicitly stated dates (the latest one is a floor) and anniversaries ("25 October 1971
   ... the past 50 years" points to 2021),
4. the order of a dated list (date-only heading lines read as a monotone sequence).

Without evidence a mention stays unresolved (date None, precision "none", basis "none").

Conventions: `DatedDocument.mentions` holds every mention except the publication dateline
itself (list headings are included, the same objects as in `headings`); an overridden
publication date is a mention with start == end == 0 and empty text. Relative mentions
("on Wednesday", "last night", "this year") are resolved only against the document's anchor:
a dated wire dateline ("GENEVA, July 26 (Xinhua) --") or the publication date.

No clock: nothing here reads today's date. What resolution may depend on besides the text is a
`DateSettings` argument (defaults fixed), so a file's tables are a function of its contents and
the parser version alone.

Speed: a token regex whose branches all start with a literal (so the engine skips text by a
character-set test) finds numbers and month/weekday words; one precompiled pattern with only
bounded quantifiers is then matched at those tokens. Work per token is constant, so the scan is
linear in the text (no catastrophic backtracking on "May May May ..." or long digit runs).

Layout: `vocabulary` (words and patterns), `scanning` (mentions in text), `publication` (the
page's date and dateline), `relative` (dates against the anchor), `inference` (missing years),
`headings` (dated lists), `document` (`analyse_dates`), `context` (the date a sentence speaks
of), `model` (the data classes, `DateSettings`).
"""
from __future__ import annotations

from .context import CONTEXT_DAYS, SentenceDates, When
from .document import analyse_dates
from .headings import heading_for
from .model import DEFAULT_SETTINGS, DatedDocument, DateMention, DateSettings
from .scanning import find_dates

__all__ = ["DateMention", "DatedDocument", "DateSettings", "DEFAULT_SETTINGS", "find_dates", "analyse_dates",
           "heading_for", "When", "SentenceDates", "CONTEXT_DAYS"]
