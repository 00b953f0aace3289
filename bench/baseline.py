"""The straightforward pipeline a user would write without stance, timed against it.

Dates: `dateparser.search.search_dates` over each article's text (past dates preferred,
relative dates anchored on the publication date when a leading line gives one).
Countries: every capitalised phrase is looked up with `pycountry.countries.lookup`, falling
back to `pycountry.countries.search_fuzzy`. Each sentence that names a country becomes one
row (its dates and countries), the rough equivalent of stance's events table.

The per-phrase country lookup is memoised (a user would notice the fuzzy search is slow), which
makes the baseline faster and the comparison conservative. Dates are not memoised: dateparser
searches the whole text, there is nothing to reuse between documents.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from typing import Iterable

import pandas as pd

BASELINE_COLUMNS = ["doc", "sentence", "dates", "countries", "start", "end"]

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][a-z]+){0,4}")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_FIRST_LINES = 6


def _search_dates():  # imported lazily: dateparser takes ~1 s to import
    from dateparser.search import search_dates

    return search_dates


@lru_cache(maxsize=None)
def country_code(phrase: str) -> str:
    """ISO-3 code of the country a capitalised phrase names, or "" (pycountry lookup, then fuzzy)."""
    import pycountry

    try:
        return pycountry.countries.lookup(phrase).alpha_3
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(phrase)
    except LookupError:
        return ""
    return found[0].alpha_3 if found else ""


def publication_date(text: str) -> dt.datetime | None:
    """The first date dateparser finds in the article's leading lines (its dateline), if any."""
    head = "\n".join(text.splitlines()[:_FIRST_LINES])
    found = _search_dates()(head, languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    return found[0][1] if found else None


def parse_text(text: str, doc: str = "") -> pd.DataFrame:
    """One article to rows: each sentence naming a country, with the dates found in it."""
    search_dates = _search_dates()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        published = publication_date(text)
        settings: dict = {"PREFER_DATES_FROM": "past"}
        if published is not None:
            settings["RELATIVE_BASE"] = published
        found = search_dates(text, languages=["en"], settings=settings) or []
    # search_dates gives strings, not offsets: locate each one in order.
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for phrase, when in found:
        at = text.find(phrase, cursor)
        if at < 0:
            at = text.find(phrase)
        if at < 0:
            continue
        spans.append((at, at + len(phrase), when.date().isoformat()))
        cursor = at + len(phrase)
    rows = []
    for sent in _SENTENCE.finditer(text):
        codes = [c for c in (country_code(m.group(0)) for m in _CAPITALISED.finditer(sent.group(0))) if c]
        if not codes:
            continue
        dates = [d for s, e, d in spans if s >= sent.start() and e <= sent.end()]
        rows.append({"doc": doc, "sentence": sent.group(0).strip(), "dates": ";".join(dates),
                     "countries": ";".join(dict.fromkeys(codes)), "start": sent.start(), "end": sent.end()})
    return pd.DataFrame(rows, columns=BASELINE_COLUMNS)


def parse_texts(texts: Iterable[str]) -> pd.DataFrame:
    """Many articles to one table (documents numbered in order)."""
    frames = [parse_text(t, str(i)) for i, t in enumerate(texts)]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=BASELINE_COLUMNS)
