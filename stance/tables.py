"""The four output tables: their column contract, vocabularies and CSV writing.

One place defines the columns (in this order) so the CLI, the dashboard and the tests agree.
"""
from __future__ import annotations

from typing import Iterable, Mapping

import pandas as pd

STANCES = ("support", "oppose", "concern", "neutral")
BASES = ("named", "on_behalf_of_group", "signatory", "bloc", "member_of_group", "roster")
PRECISIONS = ("day", "month", "year", "none")
DATE_BASES = ("stated", "relative", "inferred", "none")
QUALIFIERS = ("exact", "over", "nearly", "about", "at_least", "up_to")

DOCUMENT_COLUMNS = [
    "doc_id", "file", "title", "published", "published_basis", "status", "error",
    "part", "start", "end", "encoding", "source", "url", "content_hash",
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
