"""The events timeline: one lane per actor (or topic), coloured by the event's stance.

Up to AGGREGATE_ABOVE dated events each is one mark (a point for a day, a bar over a month or
a year). Above that the figure draws counts per lane, period and stance (`TimelineCounts`), so
the browser never receives hundreds of thousands of points; those counts come from pandas
(`count_events`) or from SQL (the DuckDB store), and `counts_figure` draws either the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .style import (STANCE_COLORS, STANCE_LABELS, STANCE_ORDER, basename, date_label,
                    empty_figure, escape_html, hover_text)

AGGREGATE_ABOVE = 5000
MAX_LANES = 40
FOCUS_SHARE = 0.9     # the span holds at least this share of the dated events ...
FOCUS_SQUASH = 3.0    # ... and the whole range is at least this many times longer
BLANK_LANE = {"topic": "(no topic)", "actor": "(unknown actor)"}
MIN_SPAN_DAYS = 60    # a narrower set of dated points opens on this many days around them


@dataclass(frozen=True)
class TimelineInfo:
    """What the timeline shows, for the caption under it."""

    plotted: int          # events drawn (or counted, when aggregated)
    undated: int          # events with no date: listed, not drawn
    aggregated: bool
    bucket: str           # "", "week" or "month"
    lanes: int
    lanes_folded: int     # lanes merged into "(other)" beyond MAX_LANES
    focus: "Focus | None" = None  # the span the timeline opens on, when not the whole range


@dataclass(frozen=True)
class Focus:
    """The span where most dated events lie, and what lies outside it."""

    start: str      # ISO day (padded a little before the first event in the span)
    end: str
    first: str      # the span's first and last event days
    last: str
    outside: int    # dated events before the span
    earliest: str   # the earliest event day of all


@dataclass(frozen=True)
class TimelineCounts:
    """Dated events counted per lane, period and stance, and per day (for the opening span)."""

    counts: pd.DataFrame   # lane (label, blanks named), period (day number), stance, n
    bucket: str            # "week", "month" or "year"
    days: np.ndarray       # the distinct event days (day numbers since 1970-01-01), sorted
    per_day: np.ndarray    # dated events on each of those days
    undated: int


def raw_figure(traces: list, layout: dict) -> go.Figure:
    """A figure of traces and a layout written out in full (no `title_text`-style shorthand):
    plotly keeps them as given instead of checking and copying every value, an array at a
    time, against its schema (most of a figure's cost for thousands of marks). The JSON is
    the same (a None, which plotly reads as "not set", is left out)."""
    return go.Figure(data=traces, layout=_set(layout), _validate=False)


def _set(d: dict) -> dict:
    return {k: _set(v) if isinstance(v, dict) else v for k, v in d.items() if v is not None}


def time_axis(focus: Focus | None, slider: bool, points: np.ndarray | None = None) -> dict:
    """A date x-axis opening on `focus` (the span where the events lie, `focus_range`), with a
    "whole range" button (and, for the timeline, a range slider) to see everything.

    `points` (the drawn day-precision marks): when they all lie within MIN_SPAN_DAYS the axis
    opens on MIN_SPAN_DAYS around them; plotly would otherwise autorange one day (or one
    point) into fractions of a second."""
    xaxis = dict(type="date", title=None, showgrid=True,
                 rangeselector=dict(buttons=[dict(step="all", label="whole range")],
                                    x=1.0, xanchor="right", y=1.02, yanchor="bottom"))
    if focus is None and points is not None and len(points):
        days = day_numbers(points)
        lo, hi = int(days.min()), int(days.max())
        if hi - lo < MIN_SPAN_DAYS:
            pad = (MIN_SPAN_DAYS - (hi - lo)) // 2
            xaxis["range"] = [str(np.datetime64(lo - pad, "D")), str(np.datetime64(hi + pad, "D"))]
    if focus is not None:
        xaxis["range"] = [focus.start, focus.end]
        if slider:
            xaxis["rangeslider"] = dict(visible=True, thickness=0.06)
    return xaxis


def day_numbers(t0) -> np.ndarray:
    """Days since 1970-01-01 of datetime-like values."""
    return np.asarray(t0, dtype="datetime64[D]").astype("int64")


def focus_range(t0: np.ndarray, share: float = FOCUS_SHARE,
                squash: float = FOCUS_SQUASH) -> Focus | None:
    """Where the timeline opens: from the earliest day that keeps `share` of the dated events
    to the last event, when the whole range is over `squash` times as long (one historical
    date would otherwise squash the rest into a sliver); None means "show everything".
    """
    days, per_day = np.unique(day_numbers(t0), return_counts=True)
    return focus_of_days(days, per_day, share, squash)


def focus_of_days(days: np.ndarray, per_day: np.ndarray, share: float = FOCUS_SHARE,
                  squash: float = FOCUS_SQUASH) -> Focus | None:
    """`focus_range` from distinct sorted days and the events on each."""
    total = int(np.sum(per_day))
    if total < 2:
        return None
    upto = np.cumsum(per_day)
    cut = int(np.floor((1.0 - share) * total))
    at = int(np.searchsorted(upto, cut, side="right"))
    lo, hi, first = int(days[at]), int(days[-1]), int(days[0])
    whole = hi - first
    if whole <= 0 or (hi - lo) * squash >= whole:
        return None
    pad = max(7, (hi - lo) // 25)

    def iso(n: int) -> str:
        return str(np.datetime64(n, "D"))

    outside = int(upto[at - 1]) if at else 0
    return Focus(iso(lo - pad), iso(hi + pad), iso(lo), iso(hi), outside, iso(first))


def _lane_column(events: pd.DataFrame, lane: str) -> pd.Series:
    if lane == "topic":
        return events["topic"]
    return events["_actor_name"] if "_actor_name" in events else events["actor"]


def lane_labels(events: pd.DataFrame, lane: str) -> pd.Series:
    """The lane of each event: the actor's display name, or the topic."""
    col = _lane_column(events, lane).fillna("").astype(str)
    return col.where(col != "", BLANK_LANE.get(lane, "(unknown actor)"))


def _fold_lanes(lanes: pd.Series, max_lanes: int,
                blank: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Integer lane codes (most frequent lanes kept, the rest folded into one) and labels.

    Works on codes (one factorize) rather than on a million label strings.
    """
    codes, uniques = pd.factorize(lanes, use_na_sentinel=False)
    labels = np.asarray(uniques, dtype=object)
    labels = np.where(pd.isna(labels) | (labels == ""), blank, labels).astype(object)
    # two empty-looking values (NA and "") must share one lane
    labels, inverse = np.unique(labels.astype(str), return_inverse=True)
    codes = inverse[codes]
    labels = labels.astype(object)
    counts = np.bincount(codes, minlength=len(labels))
    if len(labels) <= max_lanes:
        return codes, labels, 0
    keep = np.argsort(-counts, kind="stable")[: max_lanes - 1]
    folded = len(labels) - len(keep)
    remap = np.full(len(labels), len(keep), dtype=np.int64)
    remap[keep] = np.arange(len(keep))
    labels = np.append(labels[keep], f"(other {folded})").astype(object)
    return remap[codes], labels, folded


def pick_bucket(span_days: int) -> str:
    """Counts per week up to a year of events, per month up to 20 years, else per year."""
    return "week" if span_days <= 366 else "month" if span_days <= 20 * 366 else "year"


def period_of(days: np.ndarray, bucket: str) -> np.ndarray:
    """The first day (day number) of each day's week (Monday), month or year."""
    if bucket == "week":
        return (days + 3) // 7 * 7 - 3  # Monday (1970-01-01 was a Thursday)
    unit = {"month": "datetime64[M]", "year": "datetime64[Y]"}[bucket]
    return days.astype("datetime64[D]").astype(unit).astype("datetime64[D]").astype("int64")


def count_events(events: pd.DataFrame, lane: str) -> TimelineCounts:
    """`TimelineCounts` of prepared events (pandas; the store counts the same in SQL)."""
    dated = events["_lo"].to_numpy() > 0
    ev = events[dated]
    days = day_numbers(ev["_t0"].to_numpy())
    bucket = pick_bucket(int(days.max() - days.min())) if len(days) else "week"
    stance = ev["_stance"] if "_stance" in ev else pd.Series("none", index=ev.index)
    frame = pd.DataFrame({"lane": lane_labels(ev, lane).to_numpy(), "period": period_of(days, bucket),
                          "stance": stance.to_numpy()})
    counts = frame.groupby(["lane", "period", "stance"], sort=False).size().rename("n").reset_index()
    distinct, per_day = np.unique(days, return_counts=True)
    return TimelineCounts(counts, bucket, distinct, per_day, int((~dated).sum()))


def _fold_counts(counts: pd.DataFrame, max_lanes: int) -> tuple[pd.DataFrame, list[str], int]:
    """Lanes ranked by events (ties by label), the busiest `max_lanes - 1` kept and the rest
    merged into one "(other N)" lane; counts re-summed per (rank, period, stance), sorted by
    rank, stance, period. Worked out on integer codes (a groupby on the labels would do the
    same on strings)."""
    lane_codes, lanes = pd.factorize(counts["lane"], sort=True)  # labels sorted, as groupby
    st_codes, st_values = pd.factorize(counts["stance"], sort=True)
    p_codes, p_values = pd.factorize(counts["period"], sort=True)
    if (lane_codes < 0).any() or (st_codes < 0).any() or (p_codes < 0).any():
        return _fold_counts_grouped(counts, max_lanes)  # a missing key: groupby drops it
    n = counts["n"].to_numpy(dtype=np.int64)
    totals = np.zeros(len(lanes), dtype=np.int64)
    np.add.at(totals, lane_codes, n)
    labels = [str(x) for x in lanes]
    if len(labels) <= max_lanes:
        kept, folded, code = labels, 0, lane_codes.astype(np.int64)
    else:
        order = np.argsort(-totals, kind="stable")[: max_lanes - 1]
        kept = [labels[i] for i in order]
        folded = len(labels) - len(kept)
        rank = np.full(len(labels), len(kept), dtype=np.int64)
        rank[order] = np.arange(len(kept))
        code = rank[lane_codes]
        kept = kept + [f"(other {folded})"]
    ns, npd = max(len(st_values), 1), max(len(p_values), 1)
    keys, where = np.unique((code * ns + st_codes) * npd + p_codes, return_inverse=True)
    sums = np.zeros(len(keys), dtype=np.int64)
    np.add.at(sums, where.ravel(), n)
    summed = pd.DataFrame({"code": keys // (ns * npd),
                           "stance": st_values.take(keys // npd % ns),
                           "period": p_values.take(keys % npd), "n": sums})
    return summed, kept, folded


def _fold_counts_grouped(counts: pd.DataFrame, max_lanes: int) -> tuple[pd.DataFrame, list[str], int]:
    """`_fold_counts` with pandas groupbys (rows with a missing key are left out)."""
    totals = counts.groupby("lane")["n"].sum()  # index: labels in sorted order
    labels = [str(x) for x in totals.index]
    if len(labels) <= max_lanes:
        rank = {lab: i for i, lab in enumerate(labels)}
        kept, folded = labels, 0
    else:
        order = np.argsort(-totals.to_numpy(), kind="stable")[: max_lanes - 1]
        kept = [labels[i] for i in order]
        folded = len(labels) - len(kept)
        rank = {lab: i for i, lab in enumerate(kept)}
        kept = kept + [f"(other {folded})"]
    code = counts["lane"].map(rank).fillna(len(rank)).astype("int64")
    summed = (counts.assign(code=code).groupby(["code", "stance", "period"], sort=True)["n"].sum()
              .reset_index())
    return summed, kept, folded


def counts_figure(tc: TimelineCounts, max_lanes: int = MAX_LANES) -> tuple[go.Figure, TimelineInfo]:
    """The aggregated timeline: one marker per lane, period and stance, sized by its count."""
    plotted = int(tc.counts["n"].sum()) if len(tc.counts) else 0
    if plotted == 0:
        return _no_dated(tc.undated)
    summed, labels, folded = _fold_counts(tc.counts, max_lanes)
    shown = escape_html(pd.Series(labels, dtype=object)).to_numpy()
    x = summed["period"].to_numpy(dtype="int64").astype("datetime64[D]")
    n = summed["n"].to_numpy(dtype="int64")
    biggest = max(int(n.max()), 1)
    fmt = {"week": "week of %{x|%Y-%m-%d}", "month": "%{x|%Y-%m}", "year": "%{x|%Y}"}[tc.bucket]
    stance = summed["stance"].to_numpy(dtype=object)
    stance = np.where(np.isin(stance, STANCE_ORDER), stance, STANCE_ORDER[0])
    traces = []
    for s in STANCE_ORDER:
        sel = stance == s
        if not sel.any():
            continue
        c = n[sel]
        traces.append(dict(  # a dict: validated once by the figure, not copied again
            type="scatter", mode="markers", x=x[sel], y=shown[summed["code"].to_numpy()[sel]].astype(str),
            marker=dict(color=STANCE_COLORS[s], size=6 + 18 * np.sqrt(c / biggest),
                        line=dict(color="white", width=0.5), opacity=0.8),
            name=STANCE_LABELS[s], legendgroup=s, customdata=c,
            hovertemplate=f"<b>%{{y}}</b><br>{fmt}<br>%{{customdata}} events"
                          "<extra>%{fullData.name}</extra>",
        ))
    focus = focus_of_days(tc.days, tc.per_day)
    fig = _figure(traces, list(shown), focus)
    return fig, TimelineInfo(plotted, tc.undated, True, tc.bucket, len(shown), folded, focus)


def _no_dated(undated: int) -> tuple[go.Figure, TimelineInfo]:
    msg = "No dated events in this view" + (f" ({undated} undated, listed below)" if undated else "")
    return empty_figure(msg), TimelineInfo(0, undated, False, "", 0, 0)


def _figure(traces: list, labels: list[str], focus: Focus | None,
            points: np.ndarray | None = None) -> go.Figure:
    order = sorted(labels, key=lambda s: (s.startswith("(other"), s.lower()))
    return raw_figure(traces, dict(
        height=max(300, 130 + 30 * len(order)),
        margin=dict(l=10, r=10, t=40, b=10),
        barmode="overlay",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title=dict(text="")),
        xaxis=time_axis(focus, slider=True, points=points),
        yaxis=dict(type="category", categoryorder="array", categoryarray=order[::-1],
                   title=None, automargin=True),
        hoverlabel=dict(align="left"),
    ))


def timeline_figure(events: pd.DataFrame, lane: str = "actor",
                    aggregate_above: int | None = None, max_lanes: int = MAX_LANES,
                    undated: int = 0) -> tuple[go.Figure, TimelineInfo]:
    """Events along time, one lane per actor (or topic), coloured by the event's stance.

    Day-precision events are points; month- and year-precision events are bars over their
    whole period (a month is not a day). Undated events (in `events`, plus `undated` more not
    passed in) are counted in the info, not drawn. Lane names are HTML-escaped: they are
    article text and plotly renders labels as HTML.
    """
    dated = events["_lo"].to_numpy() > 0
    n_dated = int(dated.sum())
    undated += len(events) - n_dated
    if n_dated == 0:
        return _no_dated(undated)
    if n_dated > (AGGREGATE_ABOVE if aggregate_above is None else aggregate_above):
        tc = count_events(events, lane)
        return counts_figure(TimelineCounts(tc.counts, tc.bucket, tc.days, tc.per_day, undated),
                             max_lanes)
    codes, labels, folded = _fold_lanes(_lane_column(events, lane)[dated], max_lanes,
                                        BLANK_LANE.get(lane, "(unknown actor)"))
    labels = escape_html(pd.Series(labels)).to_numpy()
    t0 = events["_t0"].to_numpy()[dated]
    stance = (events["_stance"].to_numpy()[dated] if "_stance" in events
              else np.full(n_dated, "none", dtype=object))
    traces = _timeline_marks(events[dated], t0, labels[codes], stance)
    focus = focus_range(t0)
    only_days = not events["date_precision"][dated].isin(("month", "year")).any()
    fig = _figure(traces, list(labels), focus, t0 if only_days else None)
    return fig, TimelineInfo(n_dated, undated, False, "", len(labels), folded, focus)


def _timeline_marks(ev: pd.DataFrame, t0: np.ndarray, lanes: np.ndarray,
                    stance: np.ndarray) -> list:
    """One mark per event: points for days, bars spanning months and years."""
    prec = ev["date_precision"].astype(str).to_numpy()
    span = (prec == "month") | (prec == "year")
    start = pd.Series(t0)
    end = start.copy()
    if span.any():
        months, years = prec == "month", prec == "year"
        end[months] = start[months].dt.to_period("M").dt.end_time
        end[years] = start[years].dt.to_period("Y").dt.end_time
    width_ms = ((end - start).dt.total_seconds() * 1000.0).to_numpy()
    base = start.dt.strftime("%Y-%m-%d").to_numpy()
    custom = np.column_stack([
        date_label(ev["date"], ev["date_precision"], ev["date_basis"]).to_numpy(),
        escape_html(ev["_actor_name"] if "_actor_name" in ev else ev["actor"]).to_numpy(),
        escape_html(ev["_target_name"] if "_target_name" in ev else ev["target"]).to_numpy(),
        escape_html(ev["action"]).to_numpy(),
        escape_html(ev["topic"]).to_numpy(),
        hover_text(ev["text"]).to_numpy(),
        escape_html(basename(ev["file"])).to_numpy(),
    ]).astype(str)
    template = ("<b>%{customdata[1]}</b> → %{customdata[2]}<br>"
                "Date: %{customdata[0]}<br>"
                "Action: %{customdata[3]} · Topic: %{customdata[4]}<br>"
                "Source: %{customdata[6]}<br>"
                "<i>%{customdata[5]}</i><extra>%{fullData.name}</extra>")
    traces = []
    for s in STANCE_ORDER:
        is_s = stance == s
        bars, pts = is_s & span, is_s & ~span
        if bars.any():
            traces.append(go.Bar(
                orientation="h", y=lanes[bars], x=width_ms[bars], base=base[bars],
                width=0.45, marker=dict(color=STANCE_COLORS[s], opacity=0.55,
                                        line=dict(color=STANCE_COLORS[s], width=1)),
                name=STANCE_LABELS[s], legendgroup=s, showlegend=True,
                customdata=custom[bars], hovertemplate=template,
            ))
        if pts.any():
            traces.append(go.Scatter(
                mode="markers", y=lanes[pts], x=t0[pts],
                marker=dict(color=STANCE_COLORS[s], size=11, line=dict(color="white", width=1)),
                name=STANCE_LABELS[s], legendgroup=s, showlegend=not bars.any(),
                customdata=custom[pts], hovertemplate=template,
            ))
    return traces
