"""Where the pages get their data: the swap point between pandas tables and the DuckDB store.

A `Source` answers every question a page asks of the filtered view (headline figures, the
map's per-country stance, the timeline, pairs, a state's profile, paged rows, downloads) and
returns only small frames or figures. Two implementations:

  dashboard.frame_source.FrameSource  the parsed corpus held in pandas (the default: the
                                      articles folder, data/articles/)
  dashboard.store_source.StoreSource  a DuckDB store (`stance ingest`): filters, aggregations,
                                      paging and search run in SQL; only aggregated or paged
                                      rows reach pandas

`STANCE_STORE=path/to/stance.duckdb streamlit run app.py` starts the dashboard on a store.
Both sources build their figures with the same code (dashboard.charts, dashboard.timeline,
dashboard.relations, dashboard.profile), from aggregates each computes its own way.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import pandas as pd
import plotly.graph_objects as go

from stance.warehouse import Query

from .filters import FilterOptions
from .paging import PAGE_SIZE, page, page_count
from .profile import Profile
from .summary import Headline
from .timeline import TimelineInfo

STORE_ENV = "STANCE_STORE"


def store_path() -> Path | None:
    """The DuckDB store the dashboard runs on: $STANCE_STORE when set, else None (pandas)."""
    value = os.environ.get(STORE_ENV, "").strip()
    return Path(value) if value else None


class Rows(Protocol):
    """Rows of one table in a view, fetched a page at a time (with the derived "_" columns)."""

    table: str

    def __len__(self) -> int: ...

    def page(self, number: int, size: int = PAGE_SIZE,
             cols: Sequence[str] | None = None) -> pd.DataFrame:
        """Page `number` (1-based, clamped); `cols`: only those of these columns the table has,
        in that order (for a caller that reads a few)."""
        ...


def columns_of(frame: pd.DataFrame, cols: Sequence[str] | None) -> pd.DataFrame:
    """`frame` cut to those of `cols` it has, in that order (all of it for None)."""
    return frame if cols is None else frame.loc[:, [c for c in cols if c in frame.columns]]


@dataclass(frozen=True)
class FrameRows:
    """`Rows` over a DataFrame already in memory."""

    table: str
    frame: pd.DataFrame

    def __len__(self) -> int:
        return len(self.frame)

    def page(self, number: int, size: int = PAGE_SIZE,
             cols: Sequence[str] | None = None) -> pd.DataFrame:
        return columns_of(page(self.frame, number, size), cols)


def clamp_page(number: int, rows: int, size: int = PAGE_SIZE) -> int:
    """Page `number` (1-based) clamped to the pages `rows` rows make."""
    return min(max(1, int(number)), page_count(rows, size))


class Source(Protocol):
    """Everything the pages read. `f` is the view (a Query: Filters work too); results are
    small, shared between sessions through the page cache, and must not be mutated."""

    key: str                  # changes whenever the data changes (cache key)
    label: str                # what the captions call the data ("articles/", "stance.duckdb")
    folder: Path              # the articles folder (uploads, evidence text)
    names: dict[str, str]     # ISO-3 (and other codes) -> display name
    options: FilterOptions
    titles: dict[str, str]    # file -> "title (file)"

    def headline(self, f: Query) -> Headline: ...

    def targets(self, f: Query) -> pd.Series: ...

    def map_frame(self, f: Query, target: str | None) -> pd.DataFrame: ...

    def hidden_implied(self, f: Query, target: str) -> tuple[int, int]: ...

    def bloc_toward(self, f: Query, target: str) -> int: ...

    def timeline(self, f: Query, lane: str) -> tuple[go.Figure, TimelineInfo]: ...

    def undated_hidden(self, f: Query) -> int: ...

    def rows(self, table: str, f: Query) -> Rows: ...

    def undated_events(self, f: Query) -> Rows: ...

    def bloc_positions(self, f: Query) -> Rows: ...

    def pair_rows(self, f: Query, holder: str, target: str) -> Rows: ...

    def state_rows(self, f: Query, iso3: str) -> Rows: ...

    def states(self, f: Query) -> pd.Series: ...

    def profile(self, f: Query, iso3: str) -> Profile: ...

    def pairs(self, f: Query) -> pd.DataFrame: ...

    def document_meta(self, doc_id: str) -> dict[str, str]: ...

    def source_file(self, file: str) -> Path | None: ...

    def added(self, path: Path, tables) -> str | None: ...

    def table_csv(self, table: str, f: Query) -> bytes: ...

    def tables_zip(self, f: Query, query: dict) -> bytes: ...
