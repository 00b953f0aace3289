"""Aggregates of a pandas view counted on integer codes instead of strings.

The pure functions (timeline.count_events, ...) group a view's string columns; on a view of
a million rows that grouping is most of their time. Here the same counts come from the codes
`frame_view.Codes` made once per corpus: labels are worked out per distinct value, rows are
counted as integers. Each function gives what its pure counterpart gives.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .frame_view import FrameView
from .timeline import BLANK_LANE, TimelineCounts, day_numbers, period_of, pick_bucket

DENSE_SPAN = 1_000_000  # distinct days counted with bincount up to this span


def _labelled(v: FrameView, table: str, col: str, labels_of) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the kept rows of `col` mapped onto distinct labels (`labels_of` applied to the
    distinct values, missing values included): label codes per row and the labels."""
    raw = v.codes.values(table, col)
    labels = labels_of(pd.Series(np.append(raw, None), dtype=object))  # last slot: code -1
    distinct, inverse = np.unique(np.asarray(labels, dtype=object).astype(str),
                                  return_inverse=True)
    return inverse[v.codes_of(table, col)], distinct.astype(object)


def _lane_labels(lane: str):
    blank = BLANK_LANE.get(lane, "(unknown actor)")

    def labels(values: pd.Series) -> np.ndarray:  # as timeline.lane_labels
        col = values.fillna("").astype(str)
        return col.where(col != "", blank).to_numpy(dtype=object)
    return labels


def _per_day(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct days and the events on each (as np.unique(..., return_counts=True))."""
    if not len(days):
        return np.unique(days, return_counts=True)
    lo = int(days.min())
    if int(days.max()) - lo > DENSE_SPAN:
        return np.unique(days, return_counts=True)
    counts = np.bincount(days - lo)
    at = np.flatnonzero(counts)
    return (at + lo).astype(days.dtype), counts[at].astype(np.int64)


def timeline_counts(v: FrameView, lane: str) -> TimelineCounts:
    """`timeline.count_events(view events, lane)` from codes (rows in another order: the
    figure sums them per lane, period and stance)."""
    ev = v.base.events
    col = "topic" if lane == "topic" else "_actor_name" if "_actor_name" in ev else "actor"
    dated = v.column("events", "_lo").to_numpy() > 0
    days = day_numbers(v.column("events", "_t0").to_numpy()[dated])
    bucket = pick_bucket(int(days.max() - days.min())) if len(days) else "week"
    lanes, lane_names = _labelled(v, "events", col, _lane_labels(lane))
    if "_stance" in ev:
        stances, stance_names = _labelled(v, "events", "_stance",
                                          lambda s: s.to_numpy(dtype=object))
        stances = stances[dated]
    else:
        stances, stance_names = np.zeros(len(days), dtype=np.int64), np.array(["none"], object)
    lanes = lanes[dated]
    period = period_of(days, bucket)
    periods, p_code = np.unique(period, return_inverse=True)
    key = (lanes.astype(np.int64) * len(periods) + p_code) * len(stance_names) + stances
    keys, n = np.unique(key, return_counts=True)
    stance_k, rest = keys % len(stance_names), keys // len(stance_names)
    counts = pd.DataFrame({"lane": lane_names[rest // len(periods)],
                           "period": periods[rest % len(periods)].astype(np.int64),
                           "stance": stance_names[stance_k], "n": n.astype(np.int64)})
    distinct, per_day = _per_day(days)
    return TimelineCounts(counts, bucket, distinct, per_day, int((~dated).sum()))


def _firsts(codes: np.ndarray, size: int) -> np.ndarray:
    """The position of the first row of each code (-1 where a code has no row)."""
    first = np.full(size, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes), dtype=np.int64))
    return np.where(first == len(codes), -1, first)


def _named(v: FrameView, col: str, name_col: str, keep: np.ndarray) -> tuple[np.ndarray, dict]:
    """Row counts per code of `col` over the kept rows selected by `keep`, and the display
    name (`name_col`) of each code's first such row, keyed by value."""
    values = v.codes.values("positions", col)
    codes = v.codes_of("positions", col)[keep]
    n = np.bincount(codes, minlength=len(values))
    first = _firsts(codes, len(values))
    present = np.flatnonzero(n)
    rows = v.where("positions", keep)[first[present]]
    names = v.base.positions[name_col].to_numpy(dtype=object)[rows]
    return n, {str(values[c]): name for c, name in zip(present, names)}


def _real(v: FrameView, col: str) -> np.ndarray:
    """Kept positions whose `col` is a state (not empty, not missing)."""
    codes = v.codes_of("positions", col)
    _, index = v.codes.of("positions", col)
    blank = index.get("", -1)
    return (codes >= 0) & (codes != blank)


def distinct_states(v: FrameView, col: str) -> int:
    """Distinct states (not empty, not missing) in `col` of the kept positions: what
    `col[col != ""].nunique()` counts."""
    codes = v.codes_of("positions", col)[_real(v, col)]
    return int(np.count_nonzero(np.bincount(codes))) if len(codes) else 0


def state_counts(v: FrameView) -> tuple[pd.Series, dict[str, str]]:
    """Positions per state (holder or target) and its display name: what profile.states_in
    counts, for profile.states_from."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for col, name_col in (("country_iso3", "_country_name"), ("toward_iso3", "_toward_name")):
        n, first = _named(v, col, name_col, _real(v, col))
        values = v.codes.values("positions", col)
        for c in np.flatnonzero(n):
            key = str(values[c])
            counts[key] = counts.get(key, 0) + int(n[c])
            names.setdefault(key, first[key])  # holders' rows come first, as in states_in
    return pd.Series(counts, dtype="int64"), names


def pair_counts(v: FrameView) -> tuple[pd.DataFrame, dict[str, str], dict[str, str]]:
    """Positions per (country_iso3, toward_iso3, stance) between two states, and the names of
    holders and targets: what relations.pairs counts, for relations.pairs_from_counts."""
    keep = _real(v, "country_iso3") & _real(v, "toward_iso3")
    if not keep.any():
        return pd.DataFrame(columns=["country_iso3", "toward_iso3", "stance", "n"]), {}, {}
    parts = []
    for col in ("country_iso3", "toward_iso3", "stance"):
        codes = v.codes_of("positions", col)[keep]
        parts.append((codes, v.codes.values("positions", col)))
    sizes = [len(values) + 1 for _, values in parts]  # +1: a missing stance (-1) gets a slot
    key = np.zeros(int(keep.sum()), dtype=np.int64)
    for (codes, _), size in zip(parts, sizes):
        key = key * size + (codes.astype(np.int64) + 1)
    keys, n = np.unique(key, return_counts=True)
    cols = {}
    for (codes, values), size, col in reversed(list(zip(parts, sizes,
                                                        ("country_iso3", "toward_iso3", "stance")))):
        slot = keys % size
        cols[col] = np.append(values, None)[slot - 1]  # slot 0 is -1: missing
        keys = keys // size
    frame = pd.DataFrame({c: cols[c] for c in ("country_iso3", "toward_iso3", "stance")})
    frame = frame[frame["stance"].notna()]  # groupby drops a missing stance
    frame["n"] = n[frame.index.to_numpy()].astype(np.int64)
    frame = frame.reset_index(drop=True)
    _, holders = _named(v, "country_iso3", "_country_name", keep)
    _, targets = _named(v, "toward_iso3", "_toward_name", keep)
    return frame, holders, targets


def target_counts(v: FrameView) -> pd.Series:
    """Positions per target state, most first, ties by code: charts.target_counts on codes."""
    keep = _real(v, "toward_iso3")
    values = v.codes.values("positions", "toward_iso3")
    n = np.bincount(v.codes_of("positions", "toward_iso3")[keep], minlength=len(values))
    present = np.flatnonzero(n)
    dtype = v.base.positions["toward_iso3"].dtype  # what value_counts would index by
    frame = pd.DataFrame({"code": pd.Series(values[present], dtype=dtype),
                          "n": n[present].astype(np.int64)})
    frame = frame.sort_values(["n", "code"], ascending=[False, True])
    return frame.set_index("code")["n"]


def counts_by(v: FrameView, table: str, numbers: np.ndarray, cols: Sequence[str]) -> pd.DataFrame:
    """Rows per distinct combination of `cols` among the rows with these row numbers: what
    `frame.groupby(cols).size()` counts (a row with a missing value in one of `cols` is left
    out), on codes. Columns: `cols` (values as objects) and n; in no particular order."""
    key = np.zeros(len(numbers), dtype=np.int64)
    ok = np.ones(len(numbers), dtype=bool)
    sizes = []
    for col in cols:
        codes = v.codes.of(table, col)[0][numbers]
        size = max(len(v.codes.values(table, col)), 1)
        ok &= codes >= 0
        key = key * size + np.maximum(codes, 0)
        sizes.append(size)
    keys, n = np.unique(key[ok], return_counts=True)
    out: dict[str, np.ndarray] = {}
    for col, size in reversed(list(zip(cols, sizes))):
        out[col] = v.codes.values(table, col)[keys % size] if len(keys) else np.array([], object)
        keys = keys // size
    return pd.DataFrame({**{c: out[c] for c in cols}, "n": n.astype(np.int64)})


def map_parts(v: FrameView, target: str) -> tuple[pd.DataFrame, np.ndarray, dict[str, str]]:
    """What charts.map_frame works out before the hover text, on codes: per country holding a
    position toward `target` (iso3 sorted; stance, one or "mixed"; shading; n), the row
    numbers of the positions its hover lists (named first, then by date, at most
    MAP_HOVER_LINES each, in hover order), and each country's display name (that of its
    first row). For charts.map_frame_from."""
    from .charts import MAP_HOVER_LINES

    po = v.base.positions
    country_col = v.codes.values("positions", "country_iso3")
    keep = v.isin("positions", "toward_iso3", [target]) & _real(v, "country_iso3")
    rows = v.where("positions", keep)
    raw = v.codes.of("positions", "country_iso3")[0][rows]
    present = np.unique(raw)
    by_value = sorted(range(len(present)), key=lambda i: str(country_col[present[i]]))
    rank = np.empty(len(present), dtype=np.int64)
    rank[by_value] = np.arange(len(present))
    lut = np.zeros(len(country_col), dtype=np.int64)
    lut[present] = rank
    codes = lut[raw]  # 0..k-1 in iso3 order, as factorize(sort=True)
    k = len(present)
    countries = country_col[present[by_value]]
    implied = po["_implied"].to_numpy(dtype=bool)[rows] if "_implied" in po else \
        v.codes.isin("positions", "basis", ["member_of_group", "roster"], rows)
    named_any = np.bincount(codes[~implied], minlength=k) > 0
    decisive = ~implied | ~named_any[codes]  # named rows decide where there are any
    st_codes = v.codes.of("positions", "stance")[0][rows]
    st_values = v.codes.values("positions", "stance")
    ok = decisive & (st_codes >= 0)
    dc, ds = codes[ok], st_codes[ok]
    width = max(len(st_values), 1)
    nunique = np.bincount(np.unique(dc.astype(np.int64) * width + ds) // width, minlength=k)
    first = _firsts(dc, k)
    picked = np.where(first >= 0, ds[np.maximum(first, 0)], -1) if len(ds) else np.full(k, -1)
    index = pd.Index(pd.array(countries, dtype=po["country_iso3"].dtype), name="iso3")
    first_stance = pd.Series(np.append(np.asarray(st_values, dtype=object), None)[picked],
                             index=index, dtype=po["stance"].dtype)
    stances = pd.DataFrame({"stance": first_stance.where(nunique == 1, "mixed"),
                            "n": pd.Series(np.bincount(codes, minlength=k).astype(np.int64),
                                           index=index)})
    stances["shading"] = np.where(named_any, "named", "implied")
    order = np.lexsort((po["_lo"].to_numpy()[rows], implied, codes))  # stable, as sort_values
    sorted_codes = codes[order]
    starts = np.searchsorted(sorted_codes, np.arange(k))
    line_rank = np.arange(len(order)) - starts[sorted_codes]
    name_col = "_country_name" if "_country_name" in po else "country"
    firsts = rows[_firsts(codes, k)] if k else rows[:0]
    names = dict(zip(countries, po[name_col].to_numpy(dtype=object)[firsts]))
    return stances.reset_index(), rows[order[line_rank < MAP_HOVER_LINES]], names
