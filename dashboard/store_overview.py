"""The Overview's questions as SQL on the store: headline, targets, map, timeline counts.

Functions of (StoreSource, view) that run their queries at once (StoreSource runs them through
its `Ahead`, several side by side); they never wait on other answers, so they are safe in the
worker threads.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from stance.warehouse import KIND_MEMBER, KIND_ROSTER, Query

from . import charts
from .filters import view_query
from .model import display_names
from .names import group_names
from .summary import Headline
from .timeline import AGGREGATE_ABOVE, BLANK_LANE, TimelineCounts, pick_bucket

if TYPE_CHECKING:
    from .store_source import StoreSource

DAY0 = "DATE '1970-01-01'"


def headline(src: "StoreSource", f: Query) -> Headline:
    """Rows in view, undated events, states holding a position, articles with rows in view."""
    (ce, pe), (cp, pp), (cc, pc) = (src.where(t, f) for t in ("events", "positions", "claims"))
    events, undated, countries, claims, articles = src.wh.row(f"""SELECT
        (SELECT count(*) FROM events WHERE {ce}), (SELECT count(*) FROM events WHERE {ce} AND _lo = 0),
        (SELECT count(DISTINCT country_iso3) FROM positions WHERE {cp} AND country_iso3 <> ''),
        (SELECT count(*) FROM claims WHERE {cc}),
        (SELECT count(*) FROM (SELECT file FROM events WHERE {ce} UNION SELECT file FROM positions WHERE {cp}
                               UNION SELECT file FROM claims WHERE {cc}) WHERE file <> '')""",
        [*pe, *pe, *pp, *pc, *pe, *pp, *pc])
    return Headline(int(articles), src.articles_total, int(events), int(undated), int(countries),
                    int(claims))


def targets(src: "StoreSource", f: Query) -> pd.Series:
    """Positions per target in view, most first (ties by code)."""
    return src.wh.targets(view_query(f)).set_index("code")["n"].astype("int64")


def targets_then_map(src: "StoreSource", f: Query) -> pd.Series:
    """`targets`, then (without waiting) the map questions for the most frequent target."""
    counts = targets(src, f)
    if len(counts):
        top = str(counts.index[0])
        for kind, build in (("map", map_frame), ("hidden", hidden_implied), ("bloc toward", bloc_toward)):
            src.ahead.start(src._view(kind, f, top), lambda build=build: build(src, f, top))
    return counts


def map_frame(src: "StoreSource", f: Query, target: str | None) -> pd.DataFrame:
    """The map frame (charts.map_frame_from): per-country stance and shading, hover lines."""
    q = view_query(f)
    stances = src.wh.map_stances(q, target)
    if stances.empty:
        return pd.DataFrame(columns=charts.MAP_COLUMNS)
    lines = src.wh.map_lines(q, target, per_country=charts.MAP_HOVER_LINES)
    lines["_group_name"] = group_names(lines["group"])
    return charts.map_frame_from(stances, lines, src.names)


def hidden_implied(src: "StoreSource", f: Query, target: str) -> tuple[int, int]:
    """Roster and bloc-membership positions toward `target` that the filters hide."""
    if f.include_roster and f.include_implied:
        return 0, 0
    cond, p = src.where("positions", replace(view_query(f), include_roster=True, include_implied=True),
                        "toward_iso3 = ? AND _kind > 0", target)
    n = dict(src.wh.sql(f"SELECT _kind, count(*) AS n FROM positions WHERE {cond} GROUP BY 1", p)
             .itertuples(index=False))
    return (0 if f.include_roster else int(n.get(KIND_ROSTER, 0)),
            0 if f.include_implied else int(n.get(KIND_MEMBER, 0)))


def bloc_toward(src: "StoreSource", f: Query, target: str) -> int:
    """Positions toward `target` held by a bloc as a whole (no state to draw)."""
    return src.count("positions", f, "toward_iso3 = ? AND country_iso3 = ''", target)


def undated_hidden(src: "StoreSource", f: Query) -> int:
    """Undated events the view would hold if undated rows were included."""
    return src.count("events", replace(view_query(f), include_undated=True), "_lo = 0")


def timeline_data(src: "StoreSource", f: Query, lane: str):
    """What the timeline draws: up to AGGREGATE_ABOVE dated events, (their rows, undated);
    above, `TimelineCounts` per lane, period and stance counted in SQL."""
    cond, p = src.where("events", f)
    dated, undated, t_min, t_max = src.wh.row(
        f"SELECT count(*) FILTER (WHERE _lo > 0), count(*) FILTER (WHERE _lo = 0), "
        f"min(_t0), max(_t0) FROM events WHERE {cond}", p)
    if dated <= AGGREGATE_ABOVE:
        return src.fetch("events", cond + " AND _lo > 0", p), int(undated)
    bucket = pick_bucket((t_max - t_min).days)
    keys = "actor_iso3, actor" if lane == "actor" else "topic"
    counts = src.wh.sql(f"""SELECT {keys}, datediff('day', {DAY0}, date_trunc('{bucket}', _t0)) AS period,
        _stance AS stance, count(*) AS n FROM events WHERE {cond} AND _lo > 0 GROUP BY ALL""", p)
    if lane == "actor":
        label = display_names(counts["actor_iso3"], counts["actor"].fillna(""), src.names)
    else:
        label = counts["topic"].fillna("")
    counts["lane"] = label.where(label != "", BLANK_LANE.get(lane, "(unknown actor)"))
    counts = counts.groupby(["lane", "period", "stance"], sort=False)["n"].sum().reset_index()
    days = src.wh.sql(f"""SELECT datediff('day', {DAY0}, _t0) AS d, count(*) AS n FROM events
        WHERE {cond} AND _lo > 0 GROUP BY 1 ORDER BY 1""", p)
    return TimelineCounts(counts, bucket, days["d"].to_numpy("int64"), days["n"].to_numpy("int64"),
                          int(undated))
