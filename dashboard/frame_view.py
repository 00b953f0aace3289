"""One filtered view of the pandas tables, taken column by column as the pages ask.

`filters.filter_tables` copies every column of every kept row: at a million events that is
most of a new filter state's time, though a page reads a handful of columns and one page of
rows. A `FrameView` keeps the kept row numbers of each table instead and takes a column only
when something reads it (once per view); whole frames are built only for what needs them
(downloads, a state's profile on its few rows). `Codes` turns the string columns the
filters and pages compare into integer codes once per corpus, so a filter state's masks are
integer comparisons instead of string ones. The frames given out hold exactly the rows,
index labels and values `filter_tables` gives.
"""
from __future__ import annotations

import threading
from typing import Sequence

import numpy as np
import pandas as pd

from . import filters
from .filters import Filters
from .model import TableSet
from .paging import PAGE_SIZE, page_count
from .source import FrameRows

ROW_TABLES = ("events", "positions", "claims")


class Codes:
    """Integer codes of string columns of the prepared tables, made once per column."""

    def __init__(self, tables: TableSet) -> None:
        self._tables = tables
        self._codes: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, dict[str, int]]] = {}
        self._lock = threading.Lock()

    def of(self, table: str, col: str) -> tuple[np.ndarray, dict[str, int]]:
        """The codes of every row (-1: missing) and value -> code."""
        codes, _, index = self._made(table, col)
        return codes, index

    def values(self, table: str, col: str) -> np.ndarray:
        """The distinct values (objects), in code order."""
        return self._made(table, col)[1]

    def _made(self, table: str, col: str) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
        key = (table, col)
        got = self._codes.get(key)
        if got is None:
            codes, uniques = pd.factorize(getattr(self._tables, table)[col])
            values = np.asarray(uniques, dtype=object)
            got = (codes.astype(np.int32), values, {str(u): i for i, u in enumerate(values)})
            with self._lock:
                self._codes[key] = got
        return got

    def wanted(self, table: str, col: str, values: Sequence[str]) -> np.ndarray:
        """A lookup over codes (one slot more, for -1): True where the value is in `values`."""
        _, index = self.of(table, col)
        lut = np.zeros(len(index) + 1, dtype=bool)
        for v in values:
            code = index.get(v) if isinstance(v, str) else None
            if code is not None:
                lut[code] = True
        return lut

    def isin(self, table: str, col: str, values: Sequence[str],
             rows: np.ndarray | None = None) -> np.ndarray:
        """`df[col].isin(values)` of the whole table (or of row numbers `rows`), from codes."""
        codes, _ = self.of(table, col)
        if rows is not None:
            codes = codes[rows]
        return self.wanted(table, col, values)[codes]

    def mask(self, table: str, f: Filters) -> np.ndarray:
        """`filters.filter_mask` of a whole table, its value tests answered from codes."""
        df = getattr(self._tables, table)
        return filters.filter_mask(df, table, f,
                                   isin=lambda _df, col, values: self.isin(table, col, values))


class FrameView:
    """The rows of each table one filter state keeps (row numbers into the prepared tables),
    with their columns taken on first use."""

    def __init__(self, tables: TableSet, codes: Codes, f: Filters) -> None:
        self.base, self.codes = tables, codes
        self.rows: dict[str, np.ndarray | None] = {}
        for name in ROW_TABLES:
            mask = codes.mask(name, f)
            self.rows[name] = None if mask.all() else np.flatnonzero(mask)
        docs = tables.documents
        self.documents = docs[docs["file"].isin(f.files)] if f.files else docs
        self._cols: dict[tuple[str, str], pd.Series] = {}
        self._frames: dict[str, pd.DataFrame] = {}
        self._index: dict[str, pd.Index] = {}

    def count(self, table: str) -> int:
        rows = self.rows[table]
        return len(getattr(self.base, table)) if rows is None else len(rows)

    def numbers(self, table: str) -> np.ndarray:
        """Row numbers (positions in the prepared table) of the kept rows."""
        rows = self.rows[table]
        return np.arange(len(getattr(self.base, table))) if rows is None else rows

    def column(self, table: str, col: str) -> pd.Series:
        """One column of the kept rows (original index labels), taken once."""
        key = (table, col)
        got = self._cols.get(key)
        if got is None:
            whole = getattr(self.base, table)[col]
            rows = self.rows[table]
            got = whole if rows is None else pd.Series(
                whole.array.take(rows), index=self.index(table), name=col, dtype=whole.dtype,
                copy=False)  # one shared index object: a frame of these needs no alignment
            self._cols[key] = got
        return got

    def columns(self, table: str, cols: Sequence[str]) -> pd.DataFrame:
        """The kept rows with only `cols` (for aggregates that read a few columns)."""
        if table in self._frames:
            return self._frames[table].loc[:, list(cols)]
        parts = {c: self.column(table, c) for c in cols}  # Series: dtypes kept as they are
        return pd.DataFrame(parts, index=self.index(table), copy=False)

    def index(self, table: str) -> pd.Index:
        """The index labels of the kept rows (those of the prepared table)."""
        got = self._index.get(table)
        if got is None:
            index = getattr(self.base, table).index
            rows = self.rows[table]
            got = index if rows is None else index[rows]
            self._index[table] = got
        return got

    def frame(self, table: str) -> pd.DataFrame:
        """Every column of the kept rows (what `filters.filter_frame` gives)."""
        got = self._frames.get(table)
        if got is None:
            whole = getattr(self.base, table)
            rows = self.rows[table]
            got = whole if rows is None else whole.iloc[rows]
            self._frames[table] = got
        return got

    def tables(self) -> TableSet:
        """The whole view (what `filters.filter_tables` gives)."""
        return TableSet(self.documents, *(self.frame(t) for t in ROW_TABLES))

    def codes_of(self, table: str, col: str) -> np.ndarray:
        """The integer codes (see `Codes`) of one column of the kept rows."""
        codes, _ = self.codes.of(table, col)
        rows = self.rows[table]
        return codes if rows is None else codes[rows]

    def isin(self, table: str, col: str, values: Sequence[str]) -> np.ndarray:
        """Which kept rows have `col` in `values`, from codes."""
        return self.codes.isin(table, col, values, self.rows[table])

    def where(self, table: str, keep: np.ndarray) -> np.ndarray:
        """Row numbers of the kept rows selected by a mask over them."""
        return self.numbers(table)[keep]

    def take(self, table: str, numbers: np.ndarray,
             cols: Sequence[str] | None = None) -> pd.DataFrame:
        """Every column (or those of `cols` the table has) of the rows with these row numbers
        (a few rows: a cell, a state)."""
        whole = getattr(self.base, table)
        if cols is None:
            return whole.iloc[numbers]
        index = whole.index[numbers]
        return pd.DataFrame({c: pd.Series(whole[c].array.take(numbers), index=index, name=c,
                                          dtype=whole[c].dtype, copy=False)
                             for c in cols if c in whole.columns}, index=index, copy=False)

    def paged(self, table: str, numbers: np.ndarray | None = None) -> "IndexRows":
        """`Rows` of the kept rows (or of the given row numbers), a page taken at a time."""
        return IndexRows(table, getattr(self.base, table),
                         self.numbers(table) if numbers is None else numbers)


class IndexRows:
    """`dashboard.source.Rows` over rows of a prepared table named by row number: a page is
    taken when asked for (the same frame FrameRows gives over those rows)."""

    def __init__(self, table: str, base: pd.DataFrame, numbers: np.ndarray) -> None:
        self.table, self.base, self.numbers = table, base, numbers

    def __len__(self) -> int:
        return len(self.numbers)

    def page(self, number: int, size: int = PAGE_SIZE,
             cols: Sequence[str] | None = None) -> pd.DataFrame:
        number = min(max(1, int(number)), page_count(len(self.numbers), size))
        rows = self.numbers[(number - 1) * size: number * size]
        if cols is None:
            return self.base.iloc[rows]
        at = [self.base.columns.get_loc(c) for c in cols if c in self.base.columns]
        return self.base.iloc[rows, at]  # only these columns are taken

    def frame_rows(self) -> FrameRows:
        """The same rows as a FrameRows (every row taken)."""
        return FrameRows(self.table, self.base.iloc[self.numbers])
