"""Sentence spans inside paragraphs, with absolute character offsets.

A small regex splitter rather than a library: the library splitters are either slow (pysbd)
or need downloaded models (nltk punkt), and news prose only needs abbreviation and quote care.
"""
from __future__ import annotations

import re

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace,
# unless the word before the dot is a known abbreviation or a single capital letter (U.S.).
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gen col lt capt gov st jr sr no nos vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u approx est dept fig
    mt ft amb h.e""".split()
)
_NUMBER_SIGNS = frozenset({"no", "nos"})
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans (absolute offsets, whitespace-trimmed)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        head = text[max(cursor, match.start() - 12):match.start()]
        word = _WORD_BEFORE.search(head)
        token = word.group(1).lower() if word else ""
        if token in _NUMBER_SIGNS and not text[match.end():match.end() + 1].isdigit():
            token = ""   # "voted no. The ..." ends a sentence; "No. 5" does not
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or (
            "." in token and len(token) <= 5
        ):
            continue
        cut = match.end()
        while cut > cursor and text[cut - 1].isspace():
            cut -= 1
        _append(text, spans, cursor, cut)
        cursor = match.end()
    _append(text, spans, cursor, end)
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
