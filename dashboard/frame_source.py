"""The pandas data source: the parsed corpus in memory, filtered with boolean masks.

The default source (the articles folder). Every answer is computed from the filtered view
(`filters.filter_tables`, cached per view for the last few views) with the pure functions of
dashboard.summary, charts, timeline, relations and profile.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from stance.warehouse import Query

from . import charts, downloads, evidence, filters, profile as prof, relations, summary
from .filters import FilterOptions, view_query
from .model import TableSet
from .names import file_titles
from .profile import Profile
from .source import FrameRows
from .timeline import TimelineInfo, timeline_figure

VIEWS_KEPT = 12


class FrameSource:
    """`dashboard.source.Source` over prepared tables (dashboard.model.prepare)."""

    def __init__(self, tables: TableSet, names: dict[str, str], key: str, folder: Path) -> None:
        self.tables, self.names, self.key, self.folder = tables, names, key, folder
        self.label = f"{folder.name}/"
        self.options: FilterOptions = filters.options_from(tables)
        self.titles = file_titles(tables.documents)
        self._views: OrderedDict[Query, TableSet] = OrderedDict()
        self._lock = threading.Lock()

    def view(self, f: Query) -> TableSet:
        """The filtered tables, kept for the last VIEWS_KEPT views."""
        q = view_query(f)
        with self._lock:
            if q in self._views:
                self._views.move_to_end(q)
                return self._views[q]
        view = filters.filter_tables(self.tables, q)
        with self._lock:
            self._views[q] = view
            while len(self._views) > VIEWS_KEPT:
                self._views.popitem(last=False)
        return view

    # ------------------------------------------------------------ overview

    def headline(self, f: Query) -> summary.Headline:
        return summary.headline(self.view(f), self.tables)

    def targets(self, f: Query) -> pd.Series:
        return charts.target_counts(self.view(f).positions)

    def map_frame(self, f: Query, target: str | None) -> pd.DataFrame:
        return charts.map_frame(self.view(f).positions, target)

    def hidden_implied(self, f: Query, target: str) -> tuple[int, int]:
        """Roster and bloc-membership positions toward `target` that the filters hide."""
        if f.include_roster and f.include_implied:
            return 0, 0
        po = self.tables.positions
        implied = po[po["_implied"].to_numpy()]  # the few rows that can be hidden, first
        at = filters.filter_frame(implied[implied["toward_iso3"] == target], "positions",
                                  replace(view_query(f), include_roster=True, include_implied=True))
        return (0 if f.include_roster else int(at["_roster"].sum()),
                0 if f.include_implied else int(at["_member"].sum()))

    def bloc_toward(self, f: Query, target: str) -> int:
        po = self.view(f).positions
        return int(((po["toward_iso3"] == target) & (po["country_iso3"] == "")).sum())

    def timeline(self, f: Query, lane: str) -> tuple[go.Figure, TimelineInfo]:
        return timeline_figure(self.view(f).events, lane)

    def undated_hidden(self, f: Query) -> int:
        ev = self.tables.events
        undated = ev[ev["_lo"].to_numpy() == 0]
        return len(filters.filter_frame(undated, "events",
                                        replace(view_query(f), include_undated=True)))

    # ------------------------------------------------------------ rows

    def rows(self, table: str, f: Query) -> FrameRows:
        return FrameRows(table, getattr(self.view(f), table))

    def undated_events(self, f: Query) -> FrameRows:
        ev = self.view(f).events
        return FrameRows("events", ev[ev["_lo"].to_numpy() == 0])

    def bloc_positions(self, f: Query) -> FrameRows:
        po = self.view(f).positions
        return FrameRows("positions", po[po["country_iso3"] == ""])

    def pair_rows(self, f: Query, holder: str, target: str) -> FrameRows:
        return FrameRows("positions", relations.pair_positions(self.view(f).positions, holder,
                                                               target))

    def state_rows(self, f: Query, iso3: str) -> FrameRows:
        po = self.view(f).positions
        held, toward = po[po["country_iso3"] == iso3], po[po["toward_iso3"] == iso3]
        return FrameRows("positions", pd.concat([held, toward[toward["country_iso3"] != iso3]]))

    # ------------------------------------------------------------ country, relations

    def states(self, f: Query) -> pd.Series:
        return prof.states_in(self.view(f))

    def profile(self, f: Query, iso3: str) -> Profile:
        return prof.profile(self.view(f), iso3)

    def pairs(self, f: Query) -> pd.DataFrame:
        return relations.pairs(self.view(f).positions)

    # ------------------------------------------------------------ evidence, downloads

    def document_meta(self, doc_id: str) -> dict[str, str]:
        return evidence.document_meta(self.tables.documents, doc_id)

    def source_file(self, file: str) -> Path | None:
        return evidence.resolve_source(file, self.folder)

    def added(self, path: Path, tables) -> str | None:
        """Nothing to do: the next run parses the folder again (through the parse cache)."""
        return None

    def table_csv(self, table: str, f: Query) -> bytes:
        return downloads.table_csv(getattr(self.view(f), table), table)

    def tables_zip(self, f: Query, query: dict) -> bytes:
        return downloads.all_tables_zip(self.view(f), query)
