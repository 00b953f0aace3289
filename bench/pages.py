"""What each dashboard page computes for a filter state, through a data source (bench/measure).

The same calls the pages make (dashboard/views.py, dashboard/pages.py), without Streamlit:
the source's answers, the figures built from them and the JSON that would be sent. Works on
either source (`dashboard.store_source.StoreSource` on a DuckDB store, or
`dashboard.frame_source.FrameSource` on pandas tables), so both are timed by one script.
"""
from __future__ import annotations

import time
from typing import Any

from dashboard import charts
from dashboard.filters import Filters
from dashboard.relations import matrix_pairs
from dashboard.paging import OVERVIEW_ROWS
from dashboard.views import UNDATED_LIST_LIMIT, claims_table

VIEWS = {
    "default view": Filters(),
    "stance + implied": Filters(include_implied=True, stances=("support", "oppose")),
    "one year, two countries": Filters(date_from="2018-01-01", date_to="2018-12-31", countries=("CHN", "USA")),
    "topic, by topic lane": Filters(topics=("human rights", "taiwan"), lane="topic"),
    "evidence search": Filters(search="on behalf of"),
}


def overview(src: Any, f: Filters) -> tuple[list, list, dict]:
    """The Overview: headline, map toward the most frequent target, timeline, claims panel."""
    h = src.headline(f)
    targets = src.targets(f)
    target = str(targets.index[0]) if len(targets) else None
    frame = src.map_frame(f, target)
    figs = [charts.map_figure(frame, target, src.names.get(target, target))]
    if target:
        src.hidden_implied(f, target)
        src.bloc_toward(f, target)
    fig, info = src.timeline(f, f.lane)
    figs.append(fig)
    tables = []
    if f.include_undated:
        undated = src.undated_events(f)
        if len(undated):
            tables.append(undated.page(1, UNDATED_LIST_LIMIT))
    else:
        src.undated_hidden(f)
    tables.append(claims_table(src.rows("claims", f).page(1, OVERVIEW_ROWS), src.names))
    tables.append(src.bloc_positions(f).page(1, OVERVIEW_ROWS))
    counts = {"view_rows": [h.events, 0, h.claims], "map_rows": len(frame), "bucket": info.bucket,
              "timeline_rows": info.plotted, "aggregated": info.aggregated}
    return figs, tables, counts


def country(src: Any, f: Filters) -> tuple[list, list, dict]:
    """The Country page for the most cited state."""
    states = src.states(f)
    if not len(states):
        return [], [], {}
    iso3 = str(states.index[0])
    p = src.profile(f, iso3)
    fig = charts.profile_figure(p.as_holder, p.as_target, iso3)
    rows = src.state_rows(f, iso3)
    return [fig], [p.claims_about, p.claims_maybe, rows.page(1)], {"state": iso3, "rows": len(rows)}


def relations(src: Any, f: Filters) -> tuple[list, list, dict]:
    """The Relations page: pairs, the matrix, the first pair's evidence."""
    table = src.pairs(f)
    if table.empty:
        return [], [], {}
    cells, _, _ = matrix_pairs(table)
    r = table.iloc[0]
    rows = src.pair_rows(f, str(r["holder_iso3"]), str(r["target_iso3"]))
    return [charts.relations_figure(cells)], [table.head(200), rows.page(1)], {"pairs": len(table)}


def tables(src: Any, f: Filters) -> tuple[list, list, dict]:
    """Evidence & tables: the three tables' counts and first pages, the first row's document."""
    pages = []
    counts = []
    for name in ("events", "positions", "claims"):
        rows = src.rows(name, f)
        counts.append(len(rows))
        pages.append(rows.page(1))
    if len(pages[0]):
        src.document_meta(str(pages[0]["doc_id"].iloc[0]))
    return [], pages, {"view_rows": counts}


PAGES = {"overview": overview, "country": country, "relations": relations, "tables": tables}


def timed(page: str, src: Any, f: Filters) -> dict:
    """One page's work: seconds to answers + figures, and with the JSON encoding."""
    t = time.perf_counter()
    figs, frames, info = PAGES[page](src, f)
    build_s = time.perf_counter() - t
    fig_json = [fig.to_json() for fig in figs]
    table_json = [df.to_json(orient="records", date_format="iso") for df in frames]
    return {"build_s": build_s, "with_json_s": time.perf_counter() - t,
            "figure_json_bytes": sum(len(j) for j in fig_json),
            "table_json_bytes": sum(len(j) for j in table_json), **info}
