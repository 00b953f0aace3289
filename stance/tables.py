"""The table contract: the four output tables, their columns, vocabularies and readable files.

The one place that defines which tables exist (`TABLE_NAMES`, the `Tables` and `Rows` tuples),
their columns in order (`COLUMNS`), the stance values in display order (`STANCES`) and the file
suffixes the reader accepts (`ARTICLE_SUFFIXES`). The parser, the cache, the CLI, the
evaluation, the dashboard and the tests import these; nothing else restates them.

Position rows are carried in a `PositionRows`: plain dicts, and for each bloc whose members take
its stance ("The EU condemned X": a `member_of_group` row per member state) one `MemberRows`
record holding the cells the member rows share plus the members' iso3 codes and roster sources.
Those member rows are about three quarters of all positions; as one dict each they cost a dict
copy per member in the parser, a bigger pickle between processes and a cell per column when
the frame is built. `build` expands the records columnar instead: one frame row per record,
repeated with `np.repeat`/`take`, the member columns filled from arrays, the same conversions
as `frame` after. The table is the same as from one dict per member row (order, ids, dtypes);
iterating a `PositionRows` still gives those dicts, for any reader that wants rows.
"""
from __future__ import annotations

from itertools import chain
from typing import Iterable, Iterator, Mapping, NamedTuple

import numpy as np
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


class MemberRows:
    """The position rows of a bloc's members taking the bloc's stance, as one record.

    `shared` holds every cell the rows have in common (the bloc's row with basis
    "member_of_group", its event id once known, blank country, source and position id);
    `iso3` and `source` the members' own cells in roster order; `first` the number of the
    first row's position id ("{doc_id}-p{first}"), the others following in order."""

    __slots__ = ("shared", "iso3", "source", "first")

    def __init__(self, shared: dict, iso3: tuple[str, ...], source: tuple[str, ...], first: int = 0) -> None:
        self.shared, self.iso3, self.source, self.first = shared, iso3, source, first

    def __len__(self) -> int:
        return len(self.iso3)

    def __reduce__(self):
        return MemberRows, (self.shared, self.iso3, self.source, self.first)

    def __repr__(self) -> str:
        return f"MemberRows({self.shared.get('group', '')!r}, {len(self)} members, first={self.first})"

    def ids(self) -> list[str]:
        """The rows' position ids, in order."""
        doc = self.shared.get("doc_id", "")
        return [f"{doc}-p{n}" for n in range(self.first, self.first + len(self.iso3))]

    def dicts(self) -> Iterator[dict]:
        """The rows one dict each, as the parser made them before they were carried as one record."""
        from .countries import country_name

        for iso3, source, pid in zip(self.iso3, self.source, self.ids()):
            yield {**self.shared, "country_iso3": iso3, "country": country_name(iso3), "source": source,
                   "position_id": pid}


class PositionRows:
    """Position rows in order: plain dicts and `MemberRows` records (see the module docstring).

    `len` counts rows (a record counts its members), iterating gives every row as a dict."""

    __slots__ = ("items", "n")

    def __init__(self, rows: Iterable[dict | MemberRows] = ()) -> None:
        self.items: list[dict | MemberRows] = []
        self.n = 0
        self.extend(rows)

    def append(self, row: dict | MemberRows) -> None:
        self.items.append(row)
        self.n += len(row) if isinstance(row, MemberRows) else 1

    def extend(self, rows: Iterable[dict | MemberRows]) -> None:
        if isinstance(rows, PositionRows):
            self.items.extend(rows.items)
            self.n += rows.n
            return
        for row in rows:
            self.append(row)

    @classmethod
    def concat(cls, parts: Iterable[Iterable[dict | MemberRows]]) -> "PositionRows":
        """Many files' position rows, in order, the records kept as records."""
        out = cls()
        for part in parts:
            out.extend(part)
        return out

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[dict]:
        for item in self.items:
            if isinstance(item, MemberRows):
                yield from item.dicts()
            else:
                yield item

    def __reduce__(self):
        return _position_rows, (self.items, self.n)

    def __repr__(self) -> str:
        return f"PositionRows({self.n} rows in {len(self.items)} items)"


def _position_rows(items: list, n: int) -> PositionRows:
    out = PositionRows()
    out.items, out.n = items, n
    return out


class Rows(NamedTuple):
    """One file's rows as plain dicts (positions: a `PositionRows`, or any list of dicts): cheap to
    make and to send between processes."""

    documents: list[dict]
    events: list[dict]
    positions: PositionRows | list[dict]
    claims: list[dict]


assert Tables._fields == Rows._fields == TABLE_NAMES


def frame(rows: Iterable[Mapping], columns: list[str]) -> pd.DataFrame:
    """Build a table with exactly `columns` in order; missing text cells become ""."""
    return _typed(pd.DataFrame(list(rows), columns=columns), columns)


def positions_frame(rows: PositionRows | Iterable[Mapping]) -> pd.DataFrame:
    """The positions table; a `PositionRows`' member records expanded columnar (the same table
    as `frame` of its rows one dict each)."""
    columns = COLUMNS["positions"]
    if not isinstance(rows, PositionRows):
        return frame(rows, columns)
    items = rows.items
    blocks = [item for item in items if isinstance(item, MemberRows)]
    if not blocks:
        return frame(items, columns)
    from .countries import country_name

    is_block = np.fromiter((isinstance(item, MemberRows) for item in items), dtype=bool, count=len(items))
    lengths = np.fromiter((len(item) if isinstance(item, MemberRows) else 1 for item in items),
                          dtype=np.int64, count=len(items))
    raw = pd.DataFrame([item.shared if isinstance(item, MemberRows) else item for item in items], columns=columns)
    raw = raw.take(np.repeat(np.arange(len(items)), lengths)).reset_index(drop=True)
    slots = np.flatnonzero(np.repeat(is_block, lengths))
    iso3 = np.fromiter(chain.from_iterable(b.iso3 for b in blocks), dtype=object, count=len(slots))
    codes, inverse = np.unique(iso3.astype(str), return_inverse=True)
    names = np.array([country_name(c) for c in codes], dtype=object)[inverse]
    filled = {"country_iso3": iso3, "country": names,
              "source": np.fromiter(chain.from_iterable(b.source for b in blocks), dtype=object, count=len(slots)),
              "position_id": np.array([pid for b in blocks for pid in b.ids()], dtype=object)}
    for col, values in filled.items():
        cells = raw[col].to_numpy(dtype=object, copy=True)
        cells[slots] = values
        raw[col] = cells
    return _typed(raw, columns)


def _typed(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The table's cell types: integer columns as nullable Int64, the rest as text ("" for missing)."""
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
    return Tables(*(positions_frame(r) if name == "positions" else frame(r, COLUMNS[name])
                    for name, r in zip(TABLE_NAMES, rows)))
