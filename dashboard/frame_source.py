"""The pandas data source: the parsed corpus in memory, filtered with boolean masks.

The default source (the articles folder). Every answer is computed from the filtered view
(a `dashboard.frame_view.FrameView`: the kept row numbers, cached for the last few views, its
columns taken as they are read) with the pure functions of dashboard.summary, charts,
timeline, relations and profile, given only the columns (or the few rows) they read.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stance.warehouse import Query

from . import charts, downloads, evidence, filters, profile as prof, relations, summary
from .filters import FilterOptions, view_query
from .frame_counts import (counts_by, distinct_states, map_parts, pair_counts, state_counts,
                           target_counts, timeline_counts)
from .frame_view import ROW_TABLES, Codes, FrameView, IndexRows
from .model import TableSet, int_to_iso
from .names import file_titles
from .profile import Profile
from . import timeline as tl
from .timeline import TimelineInfo, timeline_figure

VIEWS_KEPT = 12
HEADLINE_COLUMNS = {"events": ["_lo", "_file_code"], "positions": ["country_iso3", "_file_code"],
                    "claims": ["_file_code"]}  # what summary.headline reads


class FrameSource:
    """`dashboard.source.Source` over prepared tables (dashboard.model.prepare)."""

    def __init__(self, tables: TableSet, names: dict[str, str], key: str, folder: Path) -> None:
        self.tables, self.names, self.key, self.folder = tables, names, key, folder
        self.label = f"{folder.name}/"
        self.options: FilterOptions = filters.options_from(tables)
        self.titles = file_titles(tables.documents)
        self.codes = Codes(tables)
        self._views: OrderedDict[Query, FrameView] = OrderedDict()
        self._articles_total: int | None = None
        self._lock = threading.Lock()

    def frame_view(self, f: Query) -> FrameView:
        """The filtered view (row numbers, columns taken on use), kept for the last
        VIEWS_KEPT views."""
        q = view_query(f)
        with self._lock:
            if q in self._views:
                self._views.move_to_end(q)
                return self._views[q]
        view = FrameView(self.tables, self.codes, q)
        with self._lock:
            self._views[q] = view
            while len(self._views) > VIEWS_KEPT:
                self._views.popitem(last=False)
        return view

    def view(self, f: Query) -> TableSet:
        """The filtered tables, every column (what `filters.filter_tables` gives)."""
        return self.frame_view(f).tables()

    def _columns(self, v: FrameView, table: str, cols: list[str]) -> pd.DataFrame:
        have = getattr(self.tables, table).columns
        return v.columns(table, [c for c in cols if c in have])

    def _slim(self, v: FrameView, wanted: dict[str, list[str]]) -> TableSet:
        """The view with only the `wanted` columns of each row table (none of the others)."""
        return TableSet(v.documents, *(self._columns(v, t, wanted.get(t, []))
                                       for t in ("events", "positions", "claims")))

    # ------------------------------------------------------------ overview

    def headline(self, f: Query) -> summary.Headline:
        """summary.headline of the view, counted on codes (files, states) and row numbers."""
        v = self.frame_view(f)
        t = self.tables
        if not all("_file_code" in getattr(t, n).columns for n in ROW_TABLES):
            return summary.headline(self._slim(v, HEADLINE_COLUMNS), t)
        if self._articles_total is None:
            total = t.documents["file"]
            self._articles_total = int(total[total != ""].nunique())
        files = np.concatenate([getattr(t, n)["_file_code"].to_numpy()[v.numbers(n)]
                                for n in ROW_TABLES])
        files = files[files >= 0]
        undated = int((v.column("events", "_lo").to_numpy() == 0).sum())
        return summary.Headline(
            articles=int(np.count_nonzero(np.bincount(files))) if len(files) else 0,
            articles_total=self._articles_total, events=v.count("events"),
            undated_events=undated, countries=distinct_states(v, "country_iso3"),
            claims=v.count("claims"))

    def targets(self, f: Query) -> pd.Series:
        return target_counts(self.frame_view(f))  # charts.target_counts, on codes

    def _toward(self, v: FrameView, target: str) -> np.ndarray:
        return v.isin("positions", "toward_iso3", [target])

    def map_frame(self, f: Query, target: str | None) -> pd.DataFrame:
        v = self.frame_view(f)
        if not target:
            return charts.map_frame(v.take("positions", np.arange(0)), target)
        stances, lines, names = map_parts(v, target)  # charts.map_frame, on codes
        if stances.empty:
            return charts.map_frame(v.take("positions", np.arange(0)), target)
        return charts.map_frame_from(stances, v.take("positions", lines, charts.MAP_LINE_COLUMNS),
                                     names)

    def hidden_implied(self, f: Query, target: str) -> tuple[int, int]:
        """Roster and bloc-membership positions toward `target` that the filters hide."""
        if f.include_roster and f.include_implied:
            return 0, 0
        po = self.tables.positions
        relaxed = replace(view_query(f), include_roster=True, include_implied=True)
        at = (self.codes.mask("positions", relaxed) & po["_implied"].to_numpy()
              & self.codes.isin("positions", "toward_iso3", [target]))
        return (0 if f.include_roster else int((at & po["_roster"].to_numpy()).sum()),
                0 if f.include_implied else int((at & po["_member"].to_numpy()).sum()))

    def bloc_toward(self, f: Query, target: str) -> int:
        v = self.frame_view(f)
        return int((self._toward(v, target) & v.isin("positions", "country_iso3", [""])).sum())

    def timeline(self, f: Query, lane: str) -> tuple[go.Figure, TimelineInfo]:
        v = self.frame_view(f)
        dated = int((v.column("events", "_lo").to_numpy() > 0).sum())
        if dated > tl.AGGREGATE_ABOVE:  # drawn as counts (what timeline_figure does), on codes
            return tl.counts_figure(timeline_counts(v, lane))
        return timeline_figure(v.frame("events"), lane)

    def undated_hidden(self, f: Query) -> int:
        relaxed = replace(view_query(f), include_undated=True)
        undated = self.tables.events["_lo"].to_numpy() == 0
        return int((self.codes.mask("events", relaxed) & undated).sum())

    # ------------------------------------------------------------ rows

    def rows(self, table: str, f: Query) -> IndexRows:
        return self.frame_view(f).paged(table)

    def undated_events(self, f: Query) -> IndexRows:
        v = self.frame_view(f)
        return v.paged("events", v.where("events", v.column("events", "_lo").to_numpy() == 0))

    def bloc_positions(self, f: Query) -> IndexRows:
        v = self.frame_view(f)
        return v.paged("positions", v.where("positions", v.isin("positions", "country_iso3", [""])))

    def pair_rows(self, f: Query, holder: str, target: str) -> IndexRows:
        """The positions behind one cell (as relations.pair_positions)."""
        v = self.frame_view(f)
        keep = v.isin("positions", "country_iso3", [holder]) & self._toward(v, target)
        return v.paged("positions", v.where("positions", keep))

    def state_rows(self, f: Query, iso3: str) -> IndexRows:
        """Positions it holds, then those toward it that it does not hold."""
        v = self.frame_view(f)
        held = v.isin("positions", "country_iso3", [iso3])
        toward = self._toward(v, iso3) & ~held
        return v.paged("positions", np.concatenate([v.where("positions", held),
                                                    v.where("positions", toward)]))

    # ------------------------------------------------------------ country, relations

    def states(self, f: Query) -> pd.Series:
        return prof.states_from(*state_counts(self.frame_view(f)))  # states_in, on codes

    def profile(self, f: Query, iso3: str) -> Profile:
        """prof.profile on codes: the counts per stance and counterpart, the dates and the
        roster rows worked out from row numbers; rows taken only for the claims listed and
        for the timeline (`as_holder` and `as_target` hold the dated positions with a
        counterpart, the rows profile_figure draws, with the columns it reads)."""
        v = self.frame_view(f)
        codes, po = self.codes, self.tables.positions
        held = v.where("positions", v.isin("positions", "country_iso3", [iso3]))
        recv = v.where("positions", self._toward(v, iso3))
        lo = po["_lo"].to_numpy()
        dated = np.concatenate([lo[held], lo[recv]])
        dated = dated[dated > 0]
        first = int_to_iso(int(dated.min())) if len(dated) else None
        last = int_to_iso(int(dated.max())) if len(dated) else None
        blocs = prof.bloc_memberships(iso3, first, last)
        to_state = ~codes.isin("positions", "toward_iso3", [""], held)
        stands = counts_by(v, "positions", held[to_state], ["stance", "_toward_name"])
        stands = prof.counted_from(stands.rename(columns={"_toward_name": "toward"}), "toward")
        by_state = ~codes.isin("positions", "country_iso3", [""], recv)
        by = pd.concat([  # the holder's name, or the bloc's when a bloc as a whole holds it
            counts_by(v, "positions", recv[by_state], ["stance", "_country_name"]).rename(
                columns={"_country_name": "holder"}),
            counts_by(v, "positions", recv[~by_state], ["stance", "_group_name"]).rename(
                columns={"_group_name": "holder"})], ignore_index=True)
        stood_by = prof.counted_from(by[by["holder"] != ""], "holder")
        roster = v.take("positions", held[po["_roster"].to_numpy()[held]],
                        ["group", "_group_name"])
        groups = prof.maybe_groups(blocs, roster["group"])
        cl = self.tables.claims
        about = v.isin("claims", "toward_iso3", [iso3])
        maybe = v.isin("claims", "group", groups) & ~about
        drawn_held = held[(lo[held] > 0) & to_state]
        drawn_recv = recv[(lo[recv] > 0) & ~codes.isin("positions", "country_iso3", [iso3], recv)]
        return prof.Profile(
            iso3, v.take("positions", drawn_held, charts.PROFILE_READS),
            v.take("positions", drawn_recv, charts.PROFILE_READS), stands, stood_by, blocs,
            cl.iloc[v.where("claims", about)], cl.iloc[v.where("claims", maybe)],
            first, last, len(held), len(recv), tuple(sorted(set(roster["_group_name"]))))

    def pairs(self, f: Query) -> pd.DataFrame:
        return relations.pairs_from_counts(*pair_counts(self.frame_view(f)))  # pairs, on codes

    # ------------------------------------------------------------ evidence, downloads

    def document_meta(self, doc_id: str) -> dict[str, str]:
        return evidence.document_meta(self.tables.documents, doc_id)

    def source_file(self, file: str) -> Path | None:
        return evidence.resolve_source(file, self.folder)

    def added(self, path: Path, tables) -> str | None:
        """Nothing to do: the next run parses the folder again (through the parse cache)."""
        return None

    def table_csv(self, table: str, f: Query) -> bytes:
        return downloads.table_csv(self.frame_view(f).frame(table), table)

    def tables_zip(self, f: Query, query: dict) -> bytes:
        return downloads.all_tables_zip(self.view(f), query)
