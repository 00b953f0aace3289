"""Sentence dating in a document: which date a sentence (and the rows read from it) speaks of.

A sentence's own dates come first; else its list item's heading; else the running context (the
latest own date of an earlier sentence, kept while it stays within `context_days` before to a
week after the anchor); else the document's anchor (publication date, dateline, or failing both
its first day-precise date, marked inferred).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

from .headings import heading_for
from .model import DEFAULT_SETTINGS, DatedDocument, DateMention, DateSettings

CONTEXT_DAYS = DEFAULT_SETTINGS.context_days   # an earlier date carries over within this distance of the anchor
_MAX_OWN_DATES = 12        # a sentence listing more dates than this is a table, not prose


@dataclass(frozen=True)
class When:
    """The date a row speaks of."""

    date: str = ""
    precision: str = "none"
    basis: str = "none"

    @staticmethod
    def of(mention: DateMention | None, basis: str | None = None) -> "When":
        if mention is None or mention.date is None or mention.precision == "none":
            return When()
        return When(mention.date.isoformat(), mention.precision, basis or mention.basis)

    def as_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.date) if self.date else None


class SentenceDates:
    """The date helpers of one document, built once from its `DatedDocument`."""

    def __init__(self, dated: DatedDocument, settings: DateSettings | None = None) -> None:
        self.dated = dated
        self.settings = settings if settings is not None else dated.settings
        self.starts = [m.start for m in dated.mentions]
        self.anchor = self._anchor()
        # each mention's own date, made once (a sentence is asked for its dates more than once)
        self._whens = [When.of(m) if m.date is not None and m.precision != "none" and not (
            m.relative == "this_year" and m.precision == "year" and m.text.lower() == "this year") else None
            for m in dated.mentions]
        self._own: dict[tuple[int, int], list[When]] = {}

    def _anchor(self) -> When:
        dated = self.dated
        if dated.published is not None and dated.published.date is not None:
            return When.of(dated.published)
        if dated.anchor is not None and dated.anchor.date is not None:
            return When.of(dated.anchor)
        for mention in dated.mentions:
            if mention.date is not None and mention.precision == "day":
                return When.of(mention, "inferred")
        return When()

    def own_dates(self, start: int, end: int) -> list[When]:
        """The distinct dates stated or resolved inside text[start:end] (a long run of dates: the first few)."""
        found = self._own.get((start, end))
        if found is not None:
            return list(found)
        own: list[When] = []
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        # A plain "this year" frames the story ("chair this year", "its second vote this year"): it has
        # no `_whens` entry, and the happening keeps the running date ("earlier this year" still dates one).
        for when in self._whens[lo:hi][:_MAX_OWN_DATES]:
            if when is not None and when not in own and (not own or when.date not in {w.date for w in own}):
                own.append(when)
        self._own[(start, end)] = own
        return list(own)

    def near_anchor(self, when: When) -> bool:
        """May this date carry over to later sentences (close enough to the anchor)?"""
        anchor = self.anchor.as_date()
        day = when.as_date()
        if anchor is None or day is None:
            return True
        return -self.settings.context_days <= (day - anchor).days <= 7

    def date_for(self, start: int, own: list[When], context: When) -> When:
        """The sentence's date: its own first date, else its heading's, else the running context."""
        if own:
            return own[0]
        heading = heading_for(self.dated, start)
        if heading is not None and heading.date is not None:
            return When.of(heading, "inferred")
        if context.date:
            return When(context.date, context.precision, "inferred")
        return When()
