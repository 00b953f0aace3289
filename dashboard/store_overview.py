"""The Overview's questions as SQL on the store: headline, targets, map, timeline counts.

Functions of (StoreSource, view) that run their queries at once (StoreSource runs them through
its `Ahead`, several side by side). The only answers they wait on are made in the asking thread
(`Ahead.once`: a view's narrow copies and grouped positions), so they are safe in the worker
threads.

Two shortcuts, each with the same answers as the rows:
* the unfiltered views (`unfiltered`: the default view, with or without undated rows and
  implied kinds) read `Unfiltered`, aggregates of the whole store made once when the source
  opens it;
* a view restricting countries, files or dates reads its narrow copies (`StoreSource.narrow`),
  made once per filter state, instead of evaluating its conditions over every row per query.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from stance.warehouse import EVENT_STANCES, STANCE_BITS, Query, Warehouse

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
_TAGS = itertools.count(1)


def _bits(col: str, top: int) -> str:
    """The set of a code column's values 1 .. top (0 and -1 are no value) as a bit string."""
    return f"bitstring_agg({col}, 1, {max(top, 2)}) FILTER (WHERE {col} > 0)"


def _hover_columns() -> str:
    """The positions' columns of the map's hover lines (charts.MAP_LINE_COLUMNS), as map_view reads them."""
    from . import charts
    from stance import tables as T

    return ", ".join(f'"{c}"' for c in T.POSITION_COLUMNS if c in charts.MAP_LINE_COLUMNS)


def unfiltered(q: Query) -> bool:
    """Whether the view restricts nothing but undated rows, the implied kinds and stances (the
    default view and its variants): the `Unfiltered` aggregates answer it."""
    from .store_source import relaxed

    return relaxed(replace(q, stances=())) == relaxed(Query())


def kept(table: str, q: Query) -> tuple[str, list]:
    """The condition (and its parameters) picking `q`'s rows of `table` out of its `Unfiltered`
    groups: the residual condition (dated flag, kind) and the stance filter, on the groups'
    stance columns (`stance` of positions and claims, `_stance_bits` of events), as
    `Warehouse.where` writes it for the rows."""
    from .store_source import residual

    cond = residual(table, q)
    if not q.stances:
        return cond, []
    stance, params = Warehouse.where(table, Query(stances=q.stances, include_implied=True))
    return f"{cond} AND {stance}", params


@dataclass(frozen=True)
class Unfiltered:
    """The whole store's rows aggregated once per store version (when the source opens it), in
    the scratch database, for the views `unfiltered` accepts: their headline, targets, map,
    timeline and hidden counts then read a few thousand groups instead of every row.

    Every table groups its rows by a dated flag named `_lo` (1 dated, 0 undated), its stance
    (`stance` of positions and claims, `_stance_bits` of events) and, for the positions,
    `_kind`, so the view's condition (`kept`) applies to the groups as it does to the rows."""

    rows: str     # per (table t, _lo flag, _kind, stance, _stance_bits): n, file bits f, country bits c (positions)
    map: str      # per (_toward, _country, _kind, _implied, _lo flag, stance): Warehouse.map_groups
    hover: str    # the positions any of `map`'s groups may show on hover: _seq, _lo, _implied, hover columns
    days: str     # per (first day _lo (0: undated), _stance_bits): events n
    lanes: dict   # lane -> the timeline's named counts (lane, period, stance, n) of the dated events at `bucket`
    bits: dict    # lane -> the same counts per the events' `_stance_bits` too (column "bits")
    bucket: str | None
    per_country: int

    @staticmethod
    def build(src: "StoreSource") -> "Unfiltered":
        from . import charts

        wh = src.wh
        tag = f"{wh.scratch()}.unfiltered_{next(_TAGS)}"
        files = _bits("_file", src.codes.files)
        countries = _bits("_country", max(src.codes.countries))
        flag = "CAST(_lo > 0 AS INTEGER) AS _lo"
        no_bits, no_stance = "CAST(NULL AS TINYINT)", "CAST(NULL AS VARCHAR)"
        wh.execute(f"""CREATE TABLE {tag}_rows AS
            SELECT 'events' AS t, {flag}, CAST(0 AS UTINYINT) AS _kind, {no_stance} AS stance, _stance_bits,
                   count(*) AS n, {files} AS f, CAST(NULL AS BIT) AS c FROM events GROUP BY ALL
            UNION ALL SELECT 'positions', {flag}, _kind, stance, {no_bits}, count(*), {files}, {countries}
                FROM positions GROUP BY ALL
            UNION ALL SELECT 'claims', {flag}, CAST(0 AS UTINYINT), stance, {no_bits}, count(*), {files},
                CAST(NULL AS BIT) FROM claims GROUP BY ALL""")
        per_country = charts.MAP_HOVER_LINES
        wh.execute(f"""CREATE TABLE {tag}_map AS SELECT _toward, _country, _kind, _implied, {flag}, stance,
            {wh.map_groups(per_country)} FROM positions GROUP BY ALL""")
        bits = wh._seq_bits("positions")
        if bits is None:  # no packed keys: nothing to gather
            wh.execute(f"CREATE TABLE {tag}_hover AS SELECT _seq, _lo, _implied, {_hover_columns()} FROM positions LIMIT 0")
        else:
            wh.execute(f"""CREATE TABLE {tag}_hover AS SELECT _seq, _lo, _implied, {_hover_columns()} FROM positions
                JOIN (SELECT DISTINCT unnest(keys) & {(1 << bits) - 1} AS _s FROM {tag}_map) ON _seq = _s""")
        wh.execute(f"CREATE TABLE {tag}_days AS SELECT _lo, _stance_bits, count(*) AS n FROM events GROUP BY ALL")
        d = wh.sql(f"SELECT DISTINCT _lo AS d FROM {tag}_days WHERE _lo > 0 ORDER BY 1")["d"].to_numpy("int64")
        bucket, lanes, bits = None, {}, {}
        if len(d):
            days = _period_days(d, "day")
            bucket = pick_bucket(int(days[-1] - days[0]))
            for lane in ("actor", "topic"):
                if sql := _packed_counts(src, lane, bucket, '"events"', "_lo > 0", "_stance_bits"):
                    counts = wh.sql(sql)
                    bits[lane] = _named_counts(src, lane, bucket, *_unpack(counts["k"].to_numpy("int64")),
                                               counts["n"].to_numpy("int64"), counts["b"].to_numpy("int64"))
                    lanes[lane] = _summed(bits[lane])
        return Unfiltered(f"{tag}_rows", f"{tag}_map", f"{tag}_hover", f"{tag}_days", lanes, bits, bucket,
                          per_country)

    def timeline_counts(self, lane: str, q: Query) -> pd.DataFrame | None:
        """The timeline's named counts of `q`'s dated events (None when not made for `lane`)."""
        if lane not in self.lanes:
            return None
        if not q.stances:
            return self.lanes[lane].copy()
        counts = self.bits[lane]
        mask = sum(STANCE_BITS.get(s, 0) for s in set(q.stances))  # as Warehouse.where on the events
        return _summed(counts[(counts["bits"].to_numpy() & mask) != 0])

    def headline(self, src: "StoreSource", q: Query) -> tuple:
        conds = {t: kept(t, q) for t in ("events", "positions", "claims")}
        keep = " OR ".join(f"(t = '{t}' AND {c})" for t, (c, _) in conds.items())
        return src.wh.row(f"""SELECT coalesce(sum(n) FILTER (WHERE t = 'events'), 0),
            coalesce(sum(n) FILTER (WHERE t = 'events' AND _lo = 0), 0),
            coalesce(bit_count(bit_or(c) FILTER (WHERE t = 'positions')), 0),
            coalesce(sum(n) FILTER (WHERE t = 'claims'), 0), coalesce(bit_count(bit_or(f)), 0)
            FROM {self.rows} WHERE {keep}""", [p for _, ps in conds.values() for p in ps])


def headline(src: "StoreSource", f: Query) -> Headline:
    """Rows in view, undated events, states holding a position, articles with rows in view.

    One statement, one pass over each table: its counts and the set of its files as a bit
    string over the integer file codes (`_file`, 1 .. the largest code; 0 is no file); the
    articles are the bits set in the union of the three sets."""
    if (pre := src.unfiltered) and unfiltered(view_query(f)):
        events, undated, countries, claims, articles = pre.headline(src, view_query(f))
        return Headline(int(articles), src.articles_total, int(events), int(undated), int(countries),
                        int(claims))
    (re, ce, pe), (rp, cp, pp), (rc, cc, pc) = (src.scope(t, f) for t in ("events", "positions", "claims"))
    files = _bits("_file", src.codes.files)
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
    if groups := src.map_groups(f):
        cond, p = _group_condition(src, groups, view_query(f))
        counts = src.wh.sql(f"""SELECT _toward AS c, CAST(sum(n) AS BIGINT) AS n FROM {groups}
            WHERE {cond} AND _toward > 0 GROUP BY 1""", p)
    else:
        rel, cond, p = src.scope("positions", f, "_toward > 0")
        counts = src.wh.sql(f"SELECT _toward AS c, count(*) AS n FROM {rel} WHERE {cond} GROUP BY 1", p)
    names = src.codes_of("countries", counts["c"].tolist())
    counts["code"] = [names[c] for c in counts["c"].tolist()]
    counts = counts.sort_values(["n", "code"], ascending=[False, True], kind="stable")
    return pd.Series(counts["n"].to_numpy("int64"), index=pd.Index(counts["code"].to_numpy(object), name="code"),
                     name="n")


def _group_condition(src: "StoreSource", groups: str, q: Query) -> tuple[str, list]:
    """The condition picking `q`'s positions out of `src.map_groups`' groups: `kept` on the
    `Unfiltered` groups, the residual condition on a narrow copy's (which holds `q`'s stances only)."""
    from .store_source import residual

    if src.unfiltered and groups == src.unfiltered.map:
        return kept("positions", q)
    return residual("positions", q), []


def targets_then_map(src: "StoreSource", f: Query) -> pd.Series:
    """`targets`, then the map questions for the most frequent target, in the same thread
    (the page draws the map first: queued in the pool it would wait behind the first pages)."""
    counts = targets(src, f)
    if len(counts):
        top = str(counts.index[0])
        src.ahead.once(src._view("toward", f, top), lambda: toward(src, f, top))
    return counts


def toward(src: "StoreSource", f: Query, target: str | None) -> tuple[pd.DataFrame, tuple[int, int, int]]:
    """The map frame (charts.map_frame_from: per-country stance and shading, hover lines) and
    (roster positions, bloc-membership positions) toward `target` that the filters hide, with
    the positions toward it held by a bloc as a whole (no state to draw): one pass
    (`Warehouse.map_view`)."""
    q = view_query(f)
    every = replace(q, include_implied=True, include_roster=True)
    groups = src.map_groups(f)
    scope = (groups, *_group_condition(src, groups, every)) if groups else src.scope("positions", every)
    pre = src.unfiltered if src.unfiltered and groups == src.unfiltered.map else None
    stances, lines, (roster, member, bloc) = src.wh.map_view(
        q, target, per_country=charts.MAP_HOVER_LINES, columns=charts.MAP_LINE_COLUMNS, scope=scope,
        grouped=groups is not None, lines_from=pre.hover if pre else "positions")
    hidden = (0 if q.include_roster else roster, 0 if q.include_implied else member, bloc)
    if stances.empty:
        return pd.DataFrame(columns=charts.MAP_COLUMNS), hidden
    lines["_group_name"] = group_names(lines["group"])
    return charts.map_frame_from(stances, lines, src.names), hidden


def undated_hidden(src: "StoreSource", f: Query) -> int:
    """Undated events the view would hold if undated rows were included."""
    if (pre := src.unfiltered) and unfiltered(view_query(f)):
        cond, p = kept("events", replace(view_query(f), include_undated=True))
        return int(src.wh.row(f"SELECT coalesce(sum(n), 0) FROM {pre.days} WHERE {cond} AND _lo = 0", p)[0])
    return src.count("events", replace(view_query(f), include_undated=True), "_lo = 0")


def timeline_data(src: "StoreSource", f: Query, lane: str):
    """What the timeline draws: up to AGGREGATE_ABOVE dated events, (their rows, undated);
    above, `TimelineCounts` per lane, period and stance counted in SQL.

    The events per first day come first (undated ones under day 0): they give the dated and
    undated counts and the span (an event's first day `_t0` is the day `_lo` writes) too."""
    pre = src.unfiltered if src.unfiltered and unfiltered(view_query(f)) else None
    if pre:
        cond, p = kept("events", view_query(f))
        per_day = src.wh.sql(f"""SELECT _lo AS d, CAST(sum(n) AS BIGINT) AS n FROM {pre.days}
            WHERE {cond} GROUP BY 1 ORDER BY 1""", p)
    else:
        rel, cond, p = src.scope("events", f)
        per_day = src.wh.sql(f"SELECT _lo AS d, count(*) AS n FROM {rel} WHERE {cond} GROUP BY 1 ORDER BY 1", p)
    d, n = per_day["d"].to_numpy("int64"), per_day["n"].to_numpy("int64")
    undated = int(n[d == 0].sum())
    days, per_day_n = _period_days(d[d > 0], "day"), n[d > 0]
    if int(per_day_n.sum()) <= AGGREGATE_ABOVE:
        base, bp = src.where("events", f, "_lo > 0")
        return src.fetch("events", base, bp), undated
    bucket = pick_bucket(int(days[-1] - days[0]))
    period = _PERIODS[bucket]
    code, kind = ("_lane", "lanes") if lane == "actor" else ("_topic", "topics")
    if pre and pre.bucket == bucket and (counts := pre.timeline_counts(lane, view_query(f))) is not None:
        return TimelineCounts(counts, bucket, days, per_day_n, undated)
    if pre is None and (sql := _packed_counts(src, lane, bucket, rel, f"{cond} AND _lo > 0")):
        counts = src.wh.sql(sql, p)
        codes, periods, stances = _unpack(counts["k"].to_numpy("int64"))
    else:  # codes too large to pack
        rel, cond, p = src.scope("events", f)
        counts = src.wh.sql(f"""SELECT {code} AS c, {period} AS p, _st AS s, count(*) AS n FROM {rel}
            WHERE {cond} AND _lo > 0 GROUP BY ALL""", p)
        codes, periods, stances = (counts[c].to_numpy("int64") for c in ("c", "p", "s"))
    counts = _named_counts(src, lane, bucket, codes, periods, stances, counts["n"].to_numpy("int64"))
    return TimelineCounts(counts, bucket, days, per_day_n, undated)


def _unpack(k: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lane codes, periods, stance codes) of `_packed_counts` keys."""
    return k >> (PERIOD_BITS + 3), ((k >> 3) & ((1 << PERIOD_BITS) - 1)) - PERIOD_SHIFT, k & 7


def _summed(counts: pd.DataFrame) -> pd.DataFrame:
    """`_named_counts` per stance bits summed over the bits: (lane, period, stance, n)."""
    return counts.groupby(["lane", "period", "stance"], sort=False)["n"].sum().reset_index()


def _named_counts(src: "StoreSource", lane: str, bucket: str, codes, periods, stances, n,
                  bits=None) -> pd.DataFrame:
    """The timeline's counts (lane name, period's first day, stance, n) of counts per (lane
    code, period, stance code); per (lane name, period, stance, `bits`) when the events' stance
    bits are given (a column "bits")."""
    code, kind = ("_lane", "lanes") if lane == "actor" else ("_topic", "topics")
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
                           "stance": np.asarray(stances, "int64"), "n": np.asarray(n, "int64")})
    keys = ["lane", "period", "stance"]
    if bits is not None:
        counts.insert(3, "bits", np.asarray(bits, "int64"))
        keys.append("bits")
    counts = counts.groupby(keys, sort=False)["n"].sum().reset_index()
    counts["lane"] = np.asarray(labels, dtype=object)[counts["lane"].to_numpy()]
    counts["stance"] = np.asarray(EVENT_STANCES, dtype=object)[counts["stance"].to_numpy()]
    return counts


_PERIODS = {"week": f"datediff('day', {DAY0}, date_trunc('week', _t0))", "month": "_lo // 100",
            "year": "_lo // 10000"}


def _packed_counts(src: "StoreSource", lane: str, bucket: str, rel: str, cond: str, also: str = "") -> str | None:
    """SELECT of the events of `rel` where `cond` counted per packed key (lane code, period,
    event stance code): one integer key, which DuckDB groups fastest (None when the lane
    codes are too many to pack); per (key, column `also`, as b) when `also` is given."""
    code, kind = ("_lane", "lanes") if lane == "actor" else ("_topic", "topics")
    if len(getattr(src.codes, kind)) >= PACK_CODES_BELOW:
        return None
    b = f", {also} AS b" if also else ""
    return f"""SELECT ((CAST({code} AS BIGINT) << {PERIOD_BITS}) + ({_PERIODS[bucket]}) + {PERIOD_SHIFT}) * 8
        + _st AS k{b}, count(*) AS n FROM {rel} WHERE {cond} GROUP BY ALL"""


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
