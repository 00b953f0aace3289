"""The table contract: the four output tables, their columns, vocabularies and readable files.

The one place that defines which tables exist (`TABLE_NAMES`, the `Tables` and `Rows` tuples),
their columns in order (`COLUMNS`), the stance values in display order (`STANCES`) and the file
suffixes the reader accepts (`ARTICLE_SUFFIXES`). The parser, the cache, the CLI, the
evaluation, the dashboard and the tests import these; nothing else restates them.
"""
from __future__ import annotations

from typing import Iterable, Mapping, NamedTuple

import pandas as pd

TABLE_NAMES = ("documents", "events", "positions", "claims")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")  # what `stance parse` and uploads accept

STANCES = ("support", "oppose", "concern", "neutral")  # also the display order
BASES = ("named", "on_behalf_of_group", "signatory", "bloc", "member_of_group", "roster")
PRECISIONS = ("day", "month", "year", "none")
DATE_BASES = ("stated", "relative", "inferred", "none")
QUALIFIERS = ("exact", "over", "nearly", "about", "at_least", "up_to")

DOCUMENT_COLUMNS = [
    "doc_id", "file", "title", "published", "published_basis", "status", "error",
    "part", "start", "end", "encoding", "source", "url", "content_hash", "warning",
]
EVENT_COLUMNS = [
    "event_id", "doc_id", "file", "date", "date_precision", "date_basis", "actor",
    "actor_iso3", "action", "target", "target_iso3", "topic", "text", "start", "end",
]
POSITION_COLUMNS = [
    "position_id", "event_id", "doc_id", "file", "date", "date_precision", "country_iso3",
    "country", "stance", "toward_iso3", "topic", "basis", "group", "text", "start", "end",
    "toward", "date_basis", "source",
]
CLAIM_COLUMNS = [
    "claim_id", "event_id", "doc_id", "file", "date", "date_precision", "count", "qualifier",
    "count_low", "count_high", "subject", "stance", "toward_iso3", "topic", "text", "start",
    "end", "group", "date_basis",
]
COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "events": EVENT_COLUMNS,
    "positions": POSITION_COLUMNS,
    "claims": CLAIM_COLUMNS,
}
INT_COLUMNS = {"start", "end", "count", "count_low", "count_high", "part"}
assert tuple(COLUMNS) == TABLE_NAMES


class Tables(NamedTuple):
    """The parser's output: one DataFrame per table, columns as in `COLUMNS`."""

    documents: pd.DataFrame
    events: pd.DataFrame
    positions: pd.DataFrame
    claims: pd.DataFrame


class Rows(NamedTuple):
    """One file's rows as plain dicts: cheap to make and to send between processes."""

    documents: list[dict]
    events: list[dict]
    positions: list[dict]
    claims: list[dict]


assert Tables._fields == Rows._fields == TABLE_NAMES


def frame(rows: Iterable[Mapping], columns: list[str]) -> pd.DataFrame:
    """Build a table with exactly `columns` in order; missing text cells become ""."""
    df = pd.DataFrame(list(rows), columns=columns)
    for col in columns:
        if col in INT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
        else:
            df[col] = df[col].fillna("").astype(str)
    return df


def empty(table: str) -> pd.DataFrame:
    """An empty table with the right columns."""
    return frame([], COLUMNS[table])


def empty_tables() -> Tables:
    """All four tables, empty."""
    return Tables(*(empty(name) for name in TABLE_NAMES))


def build(rows: Rows | Iterable[Iterable[Mapping]]) -> Tables:
    """The four tables from their rows (documents, events, positions, claims, in that order)."""
    return Tables(*(frame(r, COLUMNS[name]) for name, r in zip(TABLE_NAMES, rows)))
