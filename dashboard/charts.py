"""Plotly figures: the events timeline and the world map of stances.

Pure functions: prepared, filtered DataFrames in, figures (plus a small info record) out.
Colours are fixed per stance (Okabe-Ito palette, colour-blind safe), so removing a category by
filtering never shifts the others. Every piece of text that comes from an article is
HTML-escaped before it reaches a hover label, because plotly renders hover text as HTML.
Above AGGREGATE_ABOVE events the timeline draws counts per week or month instead of one mark
per event, so the browser never receives hundreds of thousands of points.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stance.tables import STANCES

STANCE_ORDER = STANCES + ("mixed", "none")
STANCE_COLORS = {
    "support": "#0072B2",   # blue
    "oppose": "#D55E00",    # vermillion
    "concern": "#E69F00",   # orange
    "neutral": "#999999",   # grey
    "mixed": "#CC79A7",     # reddish purple
    "none": "#000000",      # black: an event no position or claim gives a stance to
}
STANCE_LABELS = {s: s for s in STANCE_ORDER} | {"none": "no stance"}
BASIS_LABELS = {"named": "stated", "on_behalf_of_group": "speaking for a group",
                "signatory": "signed", "bloc": "bloc as a whole",
                "member_of_group": "member of", "roster": "signatory of"}
IMPLIED_LIGHTEN = 0.6  # implied positions: the stance colour mixed 60 % with white
AGGREGATE_ABOVE = 5000
MAX_LANES = 40
HOVER_TEXT_CHARS = 240
MAP_HOVER_LINES = 6
TOPOJSON_URL = "app/static/topojson/"
PLOTLY_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}
GEO = dict(
    scope="world", resolution=50, showframe=False, projection_type="natural earth",
    fitbounds=False, showcountries=True, countrycolor="#c9c9c9", countrywidth=0.5,
    showcoastlines=True, coastlinecolor="#b0b0b0", coastlinewidth=0.5,
    showland=True, landcolor="#f1f1f1", showlakes=False, bgcolor="rgba(0,0,0,0)",
)


# ---------------------------------------------------------------- text helpers


def lighten(color: str, amount: float = IMPLIED_LIGHTEN) -> str:
    """"#RRGGBB" mixed with white by `amount` (0 = unchanged, 1 = white).

    Used for light shading instead of opacity so the legend swatch shows the same light tone.
    """
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def escape_html(s: pd.Series) -> pd.Series:
    """Vectorised HTML escaping of a text column (plotly hover labels are HTML).

    Quotes use the numeric entity: plotly's label renderer decodes numeric entities but not
    `&quot;`, which would show literally.
    """
    return (s.fillna("").astype(str)
            .str.replace("&", "&amp;", regex=False).str.replace("<", "&lt;", regex=False)
            .str.replace(">", "&gt;", regex=False).str.replace('"', "&#34;", regex=False))


def hover_text(s: pd.Series, limit: int = HOVER_TEXT_CHARS, width: int = 70) -> pd.Series:
    """Shortened, wrapped and escaped text for a hover label."""
    s = s.fillna("").astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    long = s.str.len() > limit
    s = s.str.slice(0, limit).where(~long, s.str.slice(0, limit - 1) + "…")
    s = escape_html(s)
    return s.str.replace(r"(\S(?:.{0,%d}\S)?)(?: |$)" % (width - 2), r"\1<br>", regex=True
                         ).str.replace(r"(<br>)+$", "", regex=True)


def date_label(date: pd.Series, precision: pd.Series, basis: pd.Series) -> pd.Series:
    """"2019-07 (month, stated)": the date as precise as the text, with how it was found."""
    d = date.fillna("").astype(str)
    p = precision.fillna("").astype(str)
    shown = pd.Series(np.where(p == "year", d.str.slice(0, 4),
                               np.where(p == "month", d.str.slice(0, 7), d)), index=d.index)
    b = basis.fillna("").astype(str)
    detail = p.where(b == "", p + ", " + b)
    return (shown.where(shown != "", "undated") + " (" + detail + ")").str.replace(" ()", "",
                                                                                 regex=False)


def _basename(s: pd.Series) -> pd.Series:
    return s.fillna("").astype(str).str.replace(r"^.*[\\/]", "", regex=True)


# ---------------------------------------------------------------- timeline


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


FOCUS_SHARE = 0.9     # the span holds at least this share of the dated events ...
FOCUS_SQUASH = 3.0    # ... and the whole range is at least this many times longer



def _time_axis(focus, slider: bool) -> dict:
    """A date x-axis opening on `focus` (the span where the events lie, `focus_range`), with a
    "whole range" button (and, for the timeline, a range slider) to see everything."""
    xaxis = dict(type="date", title=None, showgrid=True,
                 rangeselector=dict(buttons=[dict(step="all", label="whole range")],
                                    x=1.0, xanchor="right", y=1.02, yanchor="bottom"))
    if focus is not None:
        xaxis["range"] = [focus.start, focus.end]
        if slider:
            xaxis["rangeslider"] = dict(visible=True, thickness=0.06)
    return xaxis

def focus_range(t0: np.ndarray, share: float = FOCUS_SHARE,
                squash: float = FOCUS_SQUASH) -> Focus | None:
    """Where the timeline opens: from the earliest day that keeps `share` of the dated events
    to the last event, when the whole range is over `squash` times as long (one historical
    date would otherwise squash the rest into a sliver); None means "show everything".
    """
    days = np.sort(np.asarray(t0, dtype="datetime64[D]").astype("int64"))
    if len(days) < 2:
        return None
    cut = int(np.floor((1.0 - share) * len(days)))
    lo, hi = int(days[cut]), int(days[-1])
    whole = int(days[-1] - days[0])
    if whole <= 0 or (hi - lo) * squash >= whole:
        return None
    pad = max(7, (hi - lo) // 25)

    def iso(n: int) -> str:
        return str(np.datetime64(n, "D"))

    return Focus(iso(lo - pad), iso(hi + pad), iso(lo), iso(hi), int((days < lo).sum()),
                 iso(int(days[0])))


_BLANK_LANE = {"topic": "(no topic)", "actor": "(unknown actor)"}


def _lane_column(events: pd.DataFrame, lane: str) -> pd.Series:
    if lane == "topic":
        return events["topic"]
    return events["_actor_name"] if "_actor_name" in events else events["actor"]


def lane_labels(events: pd.DataFrame, lane: str) -> pd.Series:
    """The lane of each event: the actor's display name, or the topic."""
    col = _lane_column(events, lane).fillna("").astype(str)
    return col.where(col != "", _BLANK_LANE.get(lane, "(unknown actor)"))


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


def _empty_figure(message: str, height: int = 260) -> go.Figure:
    return go.Figure(layout=dict(
        height=height, xaxis=dict(visible=False), yaxis=dict(visible=False),
        margin=dict(l=10, r=10, t=10, b=10),
        annotations=[dict(text=message, showarrow=False, xref="paper", yref="paper", x=0.5,
                          y=0.5, font=dict(size=14, color="#666"))]))


def timeline_figure(events: pd.DataFrame, lane: str = "actor",
                    aggregate_above: int = AGGREGATE_ABOVE,
                    max_lanes: int = MAX_LANES) -> tuple[go.Figure, TimelineInfo]:
    """Events along time, one lane per actor (or topic), coloured by the event's stance.

    Day-precision events are points; month- and year-precision events are bars over their
    whole period (a month is not a day). Undated events are counted in the info, not drawn.
    Lane names are HTML-escaped: they are article text and plotly renders labels as HTML.
    """
    dated = events["_lo"].to_numpy() > 0
    n_dated = int(dated.sum())
    undated = len(events) - n_dated
    if n_dated == 0:
        msg = "No dated events in this view" + (f" ({undated} undated, listed below)"
                                                 if undated else "")
        return _empty_figure(msg), TimelineInfo(0, undated, False, "", 0, 0)
    codes, labels, folded = _fold_lanes(_lane_column(events, lane)[dated], max_lanes,
                                        _BLANK_LANE.get(lane, "(unknown actor)"))
    labels = escape_html(pd.Series(labels)).to_numpy()
    t0 = events["_t0"].to_numpy()[dated]
    stance = (events["_stance"].to_numpy()[dated] if "_stance" in events
              else np.full(n_dated, "none", dtype=object))
    if n_dated > aggregate_above:
        traces, bucket = _timeline_aggregated(t0, codes, labels, stance)
    else:
        traces, bucket = _timeline_marks(events[dated], t0, labels[codes], stance), ""
    order = sorted(labels, key=lambda s: (s.startswith("(other"), s.lower()))
    focus = focus_range(t0)
    xaxis = _time_axis(focus, slider=True)
    fig = go.Figure(data=traces, layout=dict(
        height=max(300, 130 + 30 * len(order)),
        margin=dict(l=10, r=10, t=40, b=10),
        barmode="overlay",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title_text=""),
        xaxis=xaxis,
        yaxis=dict(type="category", categoryorder="array", categoryarray=order[::-1],
                   title=None, automargin=True),
        hoverlabel=dict(align="left"),
    ))
    return fig, TimelineInfo(n_dated, undated, bucket != "", bucket, len(order), folded, focus)


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
        escape_html(_basename(ev["file"])).to_numpy(),
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


def _timeline_aggregated(t0: np.ndarray, lane_codes: np.ndarray, labels: np.ndarray,
                         stance: np.ndarray) -> tuple[list, str]:
    """Counts per lane, stance and week (up to a year), month (up to 20 years) or year."""
    days = t0.astype("datetime64[D]")
    n = days.astype("int64")
    span_days = int(n.max() - n.min())
    if span_days <= 366:
        bucket, period = "week", (n + 3) // 7 * 7 - 3  # Monday (1970-01-01 was a Thursday)
    elif span_days <= 20 * 366:
        bucket = "month"
        period = days.astype("datetime64[M]").astype("datetime64[D]").astype("int64")
    else:
        bucket = "year"
        period = days.astype("datetime64[Y]").astype("datetime64[D]").astype("int64")
    stance_codes = np.zeros(len(stance), dtype=np.int64)
    for i, s in enumerate(STANCE_ORDER):
        stance_codes[stance == s] = i
    p_min = int(period.min())
    width = int(period.max()) - p_min + 1
    key = (lane_codes.astype(np.int64) * len(STANCE_ORDER) + stance_codes) * width + (period - p_min)
    uniq, counts = np.unique(key, return_counts=True)
    per = uniq % width + p_min
    rest = uniq // width
    st_code, ln_code = rest % len(STANCE_ORDER), rest // len(STANCE_ORDER)
    x = per.astype("datetime64[D]")
    biggest = max(int(counts.max()), 1)
    fmt = {"week": "week of %{x|%Y-%m-%d}", "month": "%{x|%Y-%m}", "year": "%{x|%Y}"}[bucket]
    traces = []
    for i, s in enumerate(STANCE_ORDER):
        sel = st_code == i
        if not sel.any():
            continue
        c = counts[sel]
        traces.append(go.Scatter(
            mode="markers", x=x[sel], y=labels[ln_code[sel]].astype(str),
            marker=dict(color=STANCE_COLORS[s], size=6 + 18 * np.sqrt(c / biggest),
                        line=dict(color="white", width=0.5), opacity=0.8),
            name=STANCE_LABELS[s], legendgroup=s, customdata=c,
            hovertemplate=f"<b>%{{y}}</b><br>{fmt}<br>%{{customdata}} events"
                          "<extra>%{fullData.name}</extra>",
        ))
    return traces, bucket


# ---------------------------------------------------------------- map


def target_counts(positions: pd.DataFrame) -> pd.Series:
    """Positions per target (ISO-3), most frequent first, ties by code."""
    t = positions["toward_iso3"]
    counts = t[t != ""].value_counts()
    if counts.empty:
        return counts
    frame = counts.rename_axis("code").reset_index(name="n")
    frame = frame.sort_values(["n", "code"], ascending=[False, True])
    return frame.set_index("code")["n"]


def default_target(positions: pd.DataFrame) -> str | None:
    """The most frequent target in the view (None when there is none)."""
    counts = target_counts(positions)
    return str(counts.index[0]) if len(counts) else None


def map_frame(positions: pd.DataFrame, target: str | None) -> pd.DataFrame:
    """One row per country holding a position toward `target`.

    Columns: iso3, name, stance (one stance, or "mixed"), shading ("named" when any position
    is stated for the country itself, else "implied" from bloc membership or a roster),
    n (positions), hover (escaped HTML listing up to MAP_HOVER_LINES positions).
    Positions without a country (a bloc as a whole) cannot be drawn and are left out.
    """
    cols = ["iso3", "name", "stance", "shading", "n", "hover"]
    if not target:
        return pd.DataFrame(columns=cols)
    keep = (positions["toward_iso3"].to_numpy() == target) & (
        positions["country_iso3"].to_numpy() != "")
    if not keep.any():
        return pd.DataFrame(columns=cols)
    need = [c for c in ("country_iso3", "stance", "basis", "group", "_group_name", "file",
                        "source", "date",
                        "date_precision", "date_basis", "_lo", "_implied", "_country_name",
                        "country") if c in positions.columns]
    p = positions.loc[keep, need]
    implied = p["_implied"] if "_implied" in p else p["basis"].isin(["member_of_group", "roster"])
    named_any = (~implied).groupby(p["country_iso3"]).any()
    has_named = p["country_iso3"].map(named_any)
    decisive = p[~implied | ~has_named]  # named rows decide where there are any
    g = decisive.groupby("country_iso3")["stance"]
    stance = g.first().where(g.nunique() == 1, "mixed")
    n = p.groupby("country_iso3").size()
    # hover: named rows first, then by date; at most MAP_HOVER_LINES per country
    q = p.assign(_named=~implied).sort_values(["country_iso3", "_named", "_lo"],
                                              ascending=[True, False, True])
    q = q.groupby("country_iso3", sort=False).head(MAP_HOVER_LINES)
    group = q["_group_name"] if "_group_name" in q else q["group"]
    basis = q["basis"].map(BASIS_LABELS).fillna(q["basis"])
    basis = basis.where(q["group"] == "", basis + " " + group.astype(str))
    source = _basename(q["file"]).where(q["source"] == "",
                                        q["source"] + ", " + _basename(q["file"]))
    line = (date_label(q["date"], q["date_precision"], q["date_basis"]) + " · "
            + q["stance"] + " · " + basis + " · " + source)
    lines = escape_html(line).groupby(q["country_iso3"]).agg("<br>".join)
    name_col = p["_country_name"] if "_country_name" in p else p["country"]
    names = name_col.groupby(p["country_iso3"]).first()
    out = pd.DataFrame({"stance": stance, "n": n, "lines": lines, "name": names})
    out["shading"] = np.where(named_any.reindex(out.index).fillna(False), "named", "implied")
    more = (out["n"] - MAP_HOVER_LINES).clip(lower=0)
    out["hover"] = ("<b>" + escape_html(out["name"]) + "</b>: " + out["stance"] + " ("
                    + out["shading"] + ")<br>" + out["lines"]
                    + np.where(more > 0, "<br>… and " + more.astype(str) + " more", ""))
    return out.rename_axis("iso3").reset_index()[cols]


def map_figure(frame: pd.DataFrame, target: str | None = None,
               target_name: str | None = None, height: int = 470) -> go.Figure:
    """World choropleth by ISO-3: colour = stance, full shading = named, light = implied."""
    fig = go.Figure()
    for s in STANCE_ORDER:
        for shading in ("named", "implied"):
            part = frame[(frame["stance"] == s) & (frame["shading"] == shading)]
            if part.empty:
                continue
            color = STANCE_COLORS[s] if shading == "named" else lighten(STANCE_COLORS[s])
            fig.add_trace(go.Choropleth(
                locations=part["iso3"], locationmode="ISO-3", z=np.ones(len(part)),
                colorscale=[[0, color], [1, color]], zmin=0, zmax=1, showscale=False,
                marker=dict(line=dict(color="white", width=0.4)),
                name=STANCE_LABELS[s] + ("" if shading == "named" else " (implied)"),
                legendgroup=s, showlegend=True,
                customdata=part["hover"], hovertemplate="%{customdata}<extra></extra>",
            ))
    if target:
        label = escape_html(pd.Series([target_name or target])).iloc[0]
        fig.add_trace(go.Scattergeo(
            locations=[target], locationmode="ISO-3", mode="markers",
            marker=dict(symbol="star", size=15, color="#000000", line=dict(color="white",
                                                                               width=1)),
            name=f"target: {label}", hovertemplate=f"target: {label}<extra></extra>",
        ))
    fig.update_layout(
        geo=GEO, height=height, margin=dict(l=0, r=0, t=10, b=0),
        legend=dict(orientation="h", yanchor="top", y=0.02, x=0.0, title_text="",
                    bgcolor="rgba(255,255,255,0.7)"),
        hoverlabel=dict(align="left"),
    )
    return fig


# ---------------------------------------------------------------- relations matrix


def relations_figure(cells: pd.DataFrame) -> go.Figure:
    """Holder (rows) x target (columns) matrix of the filtered positions: one square per pair,
    coloured by the pair's leaning stance, sized by its number of positions.

    Drawn as square markers rather than a plotly heatmap so that a click selects one cell
    (Streamlit's chart selection reports points) and empty pairs stay blank.
    """
    if cells.empty:
        return _empty_figure("No positions between two states in this view")
    holders = sorted(cells["holder"].astype(str).unique(), key=str.lower)
    targets = sorted(cells["target"].astype(str).unique(), key=str.lower)
    biggest = max(int(cells["n"].max()), 1)
    counts = [s for s in STANCES if s in cells.columns]
    detail = cells[counts].astype(str).radd([f"{s} " for s in counts]).agg(" · ".join, axis=1)
    fig = go.Figure()
    for s in STANCE_ORDER:
        part = cells[cells["stance"] == s]
        if part.empty:
            continue
        custom = np.column_stack([
            part["holder_iso3"].to_numpy(), part["target_iso3"].to_numpy(),
            escape_html(part["holder"]).to_numpy(), escape_html(part["target"]).to_numpy(),
            part["n"].astype(str).to_numpy(), detail[part.index].to_numpy(),
        ]).astype(str)
        fig.add_trace(go.Scatter(
            x=part["target"].astype(str), y=part["holder"].astype(str), mode="markers",
            marker=dict(symbol="square", color=STANCE_COLORS[s],
                        size=(9 + 9 * np.sqrt(part["n"] / biggest)).round(1),
                        line=dict(color="white", width=0.5)),
            name=STANCE_LABELS[s], customdata=custom,
            hovertemplate=("<b>%{customdata[2]}</b> toward <b>%{customdata[3]}</b><br>"
                           "%{customdata[4]} positions: %{customdata[5]}<br>"
                           "click to list the evidence<extra>%{fullData.name}</extra>"),
        ))
    fig.update_layout(
        height=max(320, 170 + 22 * len(holders)), margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.01, x=0, title_text=""),
        xaxis=dict(type="category", categoryorder="array", categoryarray=targets, side="top",
                   title=None, tickangle=-45, showgrid=True, automargin=True),
        yaxis=dict(type="category", categoryorder="array", categoryarray=holders[::-1],
                   title=None, showgrid=True, automargin=True),
        hoverlabel=dict(align="left"), clickmode="event+select", dragmode=False,
    )
    return fig


# ---------------------------------------------------------------- country profile timeline


def profile_figure(as_holder: pd.DataFrame, as_target: pd.DataFrame, iso3: str,
                   max_lanes: int = 30) -> go.Figure:
    """A state's dated positions over time: one lane per counterpart ("→ China" for positions
    it holds, "← Belarus" for positions toward it), coloured by stance, light when implied."""
    held = as_holder[(as_holder["_lo"] > 0) & (as_holder["toward_iso3"] != "")]
    held = held.assign(_lane="→ " + held["_toward_name"].astype(str))
    recv = as_target[(as_target["_lo"] > 0) & (as_target["country_iso3"] != iso3)]
    who = recv["_country_name"].where(recv["country_iso3"] != "", recv["_group_name"])
    recv = recv.assign(_lane="← " + who.astype(str))
    both = pd.concat([held, recv], ignore_index=True)
    if both.empty:
        return _empty_figure("No dated positions of this state in the view", height=220)
    top = both["_lane"].value_counts().index[:max_lanes]
    both = both[both["_lane"].isin(top)]
    order = sorted(top, key=lambda s: (s[0] != "→", s.lower()))
    fig = go.Figure()
    for s in STANCE_ORDER:
        for implied in (False, True):
            part = both[(both["stance"] == s) & (both["_implied"] == implied)]
            if part.empty:
                continue
            color = lighten(STANCE_COLORS[s]) if implied else STANCE_COLORS[s]
            custom = np.column_stack([
                date_label(part["date"], part["date_precision"], part["date_basis"]).to_numpy(),
                hover_text(part["text"]).to_numpy(),
                escape_html(part["basis"].map(BASIS_LABELS).fillna(part["basis"])
                            + " " + part["_group_name"].astype(str)).to_numpy(),
            ]).astype(str)
            fig.add_trace(go.Scatter(
                x=part["_t0"], y=escape_html(part["_lane"]), mode="markers",
                marker=dict(color=color, size=11, line=dict(color="#555" if implied else "white",
                                                            width=0.6)),
                name=STANCE_LABELS[s] + (" (implied)" if implied else ""), legendgroup=s,
                customdata=custom,
                hovertemplate=("<b>%{y}</b><br>%{customdata[0]} · %{customdata[2]}<br>"
                               "<i>%{customdata[1]}</i><extra>%{fullData.name}</extra>"),
            ))
    t0 = both["_t0"].to_numpy()
    xaxis = _time_axis(focus_range(t0), slider=False)
    fig.update_layout(
        height=max(240, 110 + 28 * len(order)), margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title_text=""),
        xaxis=xaxis,
        yaxis=dict(type="category", categoryorder="array",
                   categoryarray=[escape_html(pd.Series([o])).iloc[0] for o in order][::-1],
                   title=None, automargin=True),
        hoverlabel=dict(align="left"),
    )
    return fig
