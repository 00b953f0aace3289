"""The Overview's questions as SQL on the store: headline, targets, map, timeline counts.

Functions of (StoreSource, view) that run their queries at once (StoreSource runs them through
its `Ahead`, several side by side); they never wait on other answers, so they are safe in the
worker threads.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from stance.warehouse import Query

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
    """Rows in view, undated events, states holding a position, articles with rows in view.

    Each table's condition is evaluated once: its rows in view (narrow columns) are
    materialised, then counted. Files are told apart by their hash where the store's file
    names hash without collision (`StoreSource.keys`): DuckDB counts distinct integers several
    times faster than strings."""
    (ce, pe), (cp, pp), (cc, pc) = (src.where(t, f) for t in ("events", "positions", "claims"))
    file = f"CASE WHEN file <> '' THEN {'hash(file)' if src.keys.files else 'file'} END AS k"
    events, undated, countries, claims, articles = src.wh.row(f"""
        WITH e AS MATERIALIZED (SELECT _lo, {file} FROM events WHERE {ce}),
             p AS MATERIALIZED (SELECT country_iso3, {file} FROM positions WHERE {cp}),
             c AS MATERIALIZED (SELECT {file} FROM claims WHERE {cc})
        SELECT (SELECT count(*) FROM e), (SELECT count(*) FROM e WHERE _lo = 0),
               (SELECT count(DISTINCT country_iso3) FROM p WHERE country_iso3 <> ''), (SELECT count(*) FROM c),
               (SELECT count(DISTINCT k) FROM (SELECT k FROM e UNION ALL SELECT k FROM p UNION ALL SELECT k FROM c))""",
        [*pe, *pp, *pc])
    return Headline(int(articles), src.articles_total, int(events), int(undated), int(countries),
                    int(claims))


def targets(src: "StoreSource", f: Query) -> pd.Series:
    """Positions per target in view, most first (ties by code)."""
    cond, p = src.where("positions", f, "toward_iso3 <> ''")
    if src.keys.codes:
        counts = src.wh.sql(f"SELECT hash(toward_iso3) AS h, count(*) AS n FROM positions WHERE {cond} GROUP BY 1", p)
        counts["code"] = counts["h"].map(src.keys.codes)
    else:
        counts = src.wh.sql(f"SELECT toward_iso3 AS code, count(*) AS n FROM positions WHERE {cond} GROUP BY 1", p)
    counts = counts.sort_values(["n", "code"], ascending=[False, True], kind="stable")
    return pd.Series(counts["n"].to_numpy("int64"), index=pd.Index(counts["code"].to_numpy(object), name="code"),
                     name="n")


def targets_then_map(src: "StoreSource", f: Query) -> pd.Series:
    """`targets`, then (without waiting) the map questions for the most frequent target."""
    counts = targets(src, f)
    if len(counts):
        top = str(counts.index[0])
        src.ahead.start(src._view("toward", f, top), lambda: toward(src, f, top))
    return counts


def toward(src: "StoreSource", f: Query, target: str | None) -> tuple[pd.DataFrame, tuple[int, int, int]]:
    """The map frame (charts.map_frame_from: per-country stance and shading, hover lines) and
    (roster positions, bloc-membership positions) toward `target` that the filters hide, with
    the positions toward it held by a bloc as a whole (no state to draw): one pass
    (`Warehouse.map_view`)."""
    q = view_query(f)
    stances, lines, (roster, member, bloc) = src.wh.map_view(
        q, target, per_country=charts.MAP_HOVER_LINES, columns=charts.MAP_LINE_COLUMNS)
    hidden = (0 if q.include_roster else roster, 0 if q.include_implied else member, bloc)
    if stances.empty:
        return pd.DataFrame(columns=charts.MAP_COLUMNS), hidden
    lines["_group_name"] = group_names(lines["group"])
    return charts.map_frame_from(stances, lines, src.names), hidden


def undated_hidden(src: "StoreSource", f: Query) -> int:
    """Undated events the view would hold if undated rows were included."""
    return src.count("events", replace(view_query(f), include_undated=True), "_lo = 0")


def timeline_data(src: "StoreSource", f: Query, lane: str):
    """What the timeline draws: up to AGGREGATE_ABOVE dated events, (their rows, undated);
    above, `TimelineCounts` per lane, period and stance counted in SQL.

    The events per first day come first (undated ones under day 0): they give the dated and
    undated counts and the span (an event's first day `_t0` is the day `_lo` writes) too."""
    cond, p = src.where("events", f)
    per_day = src.wh.sql(f"SELECT _lo AS d, count(*) AS n FROM events WHERE {cond} GROUP BY 1 ORDER BY 1", p)
    d, n = per_day["d"].to_numpy("int64"), per_day["n"].to_numpy("int64")
    undated = int(n[d == 0].sum())
    days, per_day_n = _period_days(d[d > 0], "day"), n[d > 0]
    if int(per_day_n.sum()) <= AGGREGATE_ABOVE:
        return src.fetch("events", cond + " AND _lo > 0", p), undated
    bucket = pick_bucket(int(days[-1] - days[0]))
    period = {"week": f"datediff('day', {DAY0}, date_trunc('week', _t0))", "month": "_lo // 100",
              "year": "_lo // 10000"}[bucket]
    lanes = src.keys.actors if lane == "actor" else src.keys.topics
    key = ("hash(actor_iso3, actor)" if lane == "actor" else "hash(topic)") if lanes is not None else (
        "actor_iso3, actor" if lane == "actor" else "topic")
    counts = src.wh.sql(f"""SELECT {key}, {period} AS period, _stance AS stance, count(*) AS n FROM events
        WHERE {cond} AND _lo > 0 GROUP BY ALL""", p)
    if lanes is not None:  # the hash stands for its lane (no two lanes share one in this store)
        named = lanes.reindex(counts.iloc[:, 0].to_numpy())
        counts = pd.concat([named.reset_index(drop=True), counts.iloc[:, 1:]], axis=1)
    counts["period"] = _period_days(counts["period"].to_numpy("int64"), bucket)
    if lane == "actor":
        label = display_names(counts["actor_iso3"], counts["actor"].fillna(""), src.names)
    else:
        label = counts["topic"].fillna("")
    counts["lane"] = label.where(label != "", BLANK_LANE.get(lane, "(unknown actor)"))
    counts = counts.groupby(["lane", "period", "stance"], sort=False)["n"].sum().reset_index()
    return TimelineCounts(counts, bucket, days, per_day_n, undated)


def _period_days(values: np.ndarray, unit: str) -> np.ndarray:
    """Day numbers of periods written as YYYYMMDD (day), YYYYMM (month), YYYY (year) or
    already as day numbers (week)."""
    if unit == "week":
        return values
    if unit == "year":
        values = values * 10000 + 101
    elif unit == "month":
        values = values * 100 + 1
    y, m, d = values // 10000, values // 100 % 100, values % 100
    months = (y - 1970) * 12 + (m - 1)
    return (months.astype("datetime64[M]").astype("datetime64[D]").astype("int64") + d - 1)
