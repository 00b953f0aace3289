"""Aggregates of a pandas view counted on integer codes instead of strings.

The pure functions (timeline.count_events, ...) group a view's string columns; on a view of
a million rows that grouping is most of their time. Here the same counts come from the codes
`frame_view.Codes` made once per corpus: labels are worked out per distinct value, rows are
counted as integers. Each function gives what its pure counterpart gives.
"""
from __future__ import annotations

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
