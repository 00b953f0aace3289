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

from stance.warehouse import EVENT_STANCES, Query

from . import charts
from .filters import view_query
from .model import display_names
from .names import group_names
from .summary import Headline
from .timeline import AGGREGATE_ABOVE, BLANK_LANE, TimelineCounts, pick_bucket

if TYPE_CHECKING:
    from .store_source import StoreSource

DAY0 = "DATE '1970-01-01'"
PERIOD_BITS = 31           # a period (day number, YYYYMM or YYYY) shifted by PERIOD_SHIFT fits here
PERIOD_SHIFT = 1 << 30
PACK_CODES_BELOW = 1 << 28  # lane codes below this pack with a period and a stance in 63 bits


def headline(src: "StoreSource", f: Query) -> Headline:
    """Rows in view, undated events, states holding a position, articles with rows in view.

    One statement, one pass over each table: its counts and the set of its files as a bit
    string over the integer file codes (`_file`, 1 .. the largest code; 0 is no file); the
    articles are the bits set in the union of the three sets."""
    (re, ce, pe), (rp, cp, pp), (rc, cc, pc) = (src.scope(t, f) for t in ("events", "positions", "claims"))
    top = max(src.codes.files, 2)
    files = f"bitstring_agg(_file, 1, {top}) FILTER (WHERE _file > 0)"
    events, undated, countries, claims, articles = src.wh.row(f"""
        WITH e AS (SELECT count(*) AS n, count(*) FILTER (WHERE _lo = 0) AS u, {files} AS b FROM {re} WHERE {ce}),
             p AS (SELECT count(DISTINCT _country) FILTER (WHERE _country > 0) AS k, {files} AS b
                   FROM {rp} WHERE {cp}),
             c AS (SELECT count(*) AS n, {files} AS b FROM {rc} WHERE {cc})
        SELECT e.n, e.u, p.k, c.n, (SELECT coalesce(bit_count(bit_or(b)), 0) FROM (
            SELECT b FROM e UNION ALL SELECT b FROM p UNION ALL SELECT b FROM c) WHERE b IS NOT NULL)
        FROM e, p, c""", [*pe, *pp, *pc])
    return Headline(int(articles), src.articles_total, int(events), int(undated), int(countries),
                    int(claims))


def targets(src: "StoreSource", f: Query) -> pd.Series:
    """Positions per target in view, most first (ties by code): counted per integer target
    code (`_toward`; 0 is no target), named from the store's dictionary."""
    rel, cond, p = src.scope("positions", f, "_toward > 0")
    counts = src.wh.sql(f"SELECT _toward AS c, count(*) AS n FROM {rel} WHERE {cond} GROUP BY 1", p)
    names = src.codes_of("countries", counts["c"].tolist())
    counts["code"] = [names[c] for c in counts["c"].tolist()]
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
    every = src.scope("positions", replace(q, include_implied=True, include_roster=True))
    stances, lines, (roster, member, bloc) = src.wh.map_view(
        q, target, per_country=charts.MAP_HOVER_LINES, columns=charts.MAP_LINE_COLUMNS, scope=every)
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
    rel, cond, p = src.scope("events", f)
    per_day = src.wh.sql(f"SELECT _lo AS d, count(*) AS n FROM {rel} WHERE {cond} GROUP BY 1 ORDER BY 1", p)
    d, n = per_day["d"].to_numpy("int64"), per_day["n"].to_numpy("int64")
    undated = int(n[d == 0].sum())
    days, per_day_n = _period_days(d[d > 0], "day"), n[d > 0]
    if int(per_day_n.sum()) <= AGGREGATE_ABOVE:
        base, bp = src.where("events", f, "_lo > 0")
        return src.fetch("events", base, bp), undated
    bucket = pick_bucket(int(days[-1] - days[0]))
    period = {"week": f"datediff('day', {DAY0}, date_trunc('week', _t0))", "month": "_lo // 100",
              "year": "_lo // 10000"}[bucket]
    code, kind = ("_lane", "lanes") if lane == "actor" else ("_topic", "topics")
    if len(getattr(src.codes, kind)) < PACK_CODES_BELOW:
        # one integer key per (lane code, period, event stance code): DuckDB groups it fastest
        counts = src.wh.sql(f"""SELECT ((CAST({code} AS BIGINT) << {PERIOD_BITS}) + ({period}) + {PERIOD_SHIFT}) * 8
            + _st AS k, count(*) AS n FROM {rel} WHERE {cond} AND _lo > 0 GROUP BY 1""", p)
        k = counts["k"].to_numpy("int64")
        codes, periods, stances = k >> (PERIOD_BITS + 3), ((k >> 3) & ((1 << PERIOD_BITS) - 1)) - PERIOD_SHIFT, k & 7
    else:  # codes too large to pack
        counts = src.wh.sql(f"""SELECT {code} AS c, {period} AS p, _st AS s, count(*) AS n FROM {rel}
            WHERE {cond} AND _lo > 0 GROUP BY ALL""", p)
        codes, periods, stances = (counts[c].to_numpy("int64") for c in ("c", "p", "s"))
    # each lane code named once; counts summed per (name, period, stance) on integers (two
    # codes may be drawn under one name): the same groups, in the same order, as on the strings
    lane_codes, at = np.unique(codes, return_inverse=True)
    named = src.codes_of(kind, lane_codes.tolist()).reindex(lane_codes)
    if lane == "actor":
        label = display_names(named["actor_iso3"].reset_index(drop=True),
                              named["actor"].fillna("").reset_index(drop=True), src.names)
    else:
        label = named["topic"].fillna("").reset_index(drop=True)
    label = label.where(label != "", BLANK_LANE.get(lane, "(unknown actor)"))
    label_ids, labels = pd.factorize(label)
    counts = pd.DataFrame({"lane": label_ids[at], "period": _period_days(np.asarray(periods, "int64"), bucket),
                           "stance": np.asarray(stances, "int64"), "n": counts["n"].to_numpy("int64")})
    counts = counts.groupby(["lane", "period", "stance"], sort=False)["n"].sum().reset_index()
    counts["lane"] = np.asarray(labels, dtype=object)[counts["lane"].to_numpy()]
    counts["stance"] = np.asarray(EVENT_STANCES, dtype=object)[counts["stance"].to_numpy()]
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
