"""Plotly figures: the world map of stances, the relations matrix, a state's timeline.

Pure functions: small, prepared DataFrames in, figures out. The colours, labels and escaping
every figure shares are in dashboard.style, the events timeline in dashboard.timeline (both
re-exported here). Every piece of text that comes from an article is HTML-escaped before it
reaches a hover label, because plotly renders hover text as HTML.
"""
from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.basevalidators import is_homogeneous_array
from _plotly_utils.utils import to_typed_array_spec
from plotly.basedatatypes import BaseFigure

from stance.tables import STANCES

from .style import (BASIS_LABELS, IMPLIED_LIGHTEN, PLOTLY_CONFIG, STANCE_COLORS,  # noqa: F401
                    STANCE_LABELS, STANCE_ORDER, TOPOJSON_URL, basename, basename_one, date_label, date_one,
                    empty_figure, escape_html, escape_one, hover_text, lighten, missing)
from .timeline import (AGGREGATE_ABOVE, MAX_LANES, Focus, TimelineCounts,  # noqa: F401
                       TimelineInfo, counts_figure, focus_range, lane_labels, raw_figure,
                       time_axis,
                       timeline_figure)

MAP_HOVER_LINES = 6
GEO = dict(
    scope="world", resolution=110, showframe=False, projection=dict(type="natural earth"),
    fitbounds=False, showcountries=True, countrycolor="#c9c9c9", countrywidth=0.5,
    showcoastlines=True, coastlinecolor="#b0b0b0", coastlinewidth=0.5,
    showland=True, landcolor="#f1f1f1", showlakes=False, bgcolor="rgba(0,0,0,0)",
)


# ---------------------------------------------------------------- serialized once


class FrozenFigure(BaseFigure):
    """A figure worked out to plain JSON values once, for st.plotly_chart on every rerun.

    st.plotly_chart reads a figure through `to_dict()` alone (a deep copy of every trace, its
    arrays encoded again) and then writes that dict as JSON. This keeps the dict that
    `to_dict()` gives as plain lists, strings and numbers (read back from the JSON plotly
    writes for the figure), so a rerun that shows a cached figure only writes that JSON
    again: the same text, without the copies. Nothing else of a Figure is kept: make the
    figure, then freeze it; the dict is shared, never change it.
    """

    def __init__(self, fig: go.Figure) -> None:  # (no BaseFigure.__init__: no traces kept)
        if fig._frame_objs:
            whole = fig.to_dict()
        else:  # what to_dict() gives, its dicts copied but not every array in them
            whole = {"data": [_dicts_copied(t) for t in fig._data],
                     "layout": _dicts_copied(fig._layout)}
            _to_base64(whole)  # (replaces arrays in the copied dicts; reads them only)
        try:  # the values the JSON encoder would write for what is left, without writing it
            spec = _plain(whole)
        except _NotPlain:
            spec = json.loads(pio.to_json(whole, validate=False))
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict:
        return self._spec

    def to_plotly_json(self) -> dict:
        return self._spec

    def to_json(self) -> str:
        return pio.to_json(self._spec, validate=False)

    def __repr__(self) -> str:
        return f"FrozenFigure({len(self._spec.get('data', []))} traces)"


_TYPED = {"int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2", "int32": "i4",
          "uint32": "u4", "float32": "f4", "float64": "f8"}  # plotly's plotlyjsShortTypes
_NARROWER = {"int64": ("int8", "int16", "int32"), "uint64": ("uint8", "uint16", "uint32")}


def _typed_array(v: np.ndarray):
    """plotly's to_typed_array_spec for a plain numeric numpy array (native byte order), as
    it gives it (a typed array spec, or the array itself), without its copies and checks."""
    if v.size == 0:
        return v
    dtype = str(v.dtype)
    if dtype in _NARROWER:
        hi, lo = v.max(), v.min()
        for narrow in _NARROWER[dtype]:
            info = np.iinfo(narrow)
            if hi <= info.max and lo >= info.min:
                v = v.astype(narrow)
                break
        else:
            return v
        dtype = narrow
    if dtype not in _TYPED:
        return v
    spec = {"dtype": _TYPED[dtype], "bdata": base64.b64encode(np.ascontiguousarray(v)).decode("ascii")}
    if v.ndim > 1:
        spec["shape"] = str(v.shape)[1:-1]
    return spec


def _to_base64(obj) -> None:
    """plotly's convert_to_base64 (the same keys skipped, the same arrays replaced), plain
    numeric numpy arrays encoded by `_typed_array`, everything else by plotly."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("geojson", "layer", "layers", "range"):  # plotly's is_skipped_key
                continue
            if (isinstance(value, np.ndarray) and value.dtype.kind in "iuf"
                    and value.dtype.isnative):
                obj[key] = _typed_array(value)
            elif is_homogeneous_array(value):
                obj[key] = to_typed_array_spec(value)
            else:
                _to_base64(value)
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            _to_base64(value)


class _NotPlain(Exception):
    """A value plotly's JSON encoder would write in a way `_plain` does not follow."""


def _plain(value):
    """`value` as plotly's JSON encoder writes it (what reading that JSON back gives, NaN
    aside, which the encoder writes as null in either case): arrays left after
    convert_to_base64 as lists (dates as ISO strings), numpy scalars as Python ones."""
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "M":
            return np.datetime_as_string(value).tolist()
        if value.dtype.kind == "U":  # (tolist gives str: nothing left to convert)
            return value.tolist()
        if value.dtype.kind == "O":  # mostly str: only other values go through _plain
            return [v if type(v) is str else _plain(v) for v in value.tolist()]
        if value.dtype.kind in "biuf":
            return value.tolist()
    elif isinstance(value, (np.bool_, np.integer, np.floating)):
        return value.item()
    raise _NotPlain(type(value))


def _dicts_copied(value):
    if isinstance(value, dict):
        return {k: _dicts_copied(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_dicts_copied(v) for v in value)
    return value


def frozen(fig: go.Figure) -> FrozenFigure:
    """`fig` serialized once (see FrozenFigure); a frozen figure is given back as it is."""
    return fig if isinstance(fig, FrozenFigure) else FrozenFigure(fig)


# ---------------------------------------------------------------- map


def target_counts(positions: pd.DataFrame) -> pd.Series:
    """Positions per target (ISO-3), most frequent first, ties by code."""
    t = positions["toward_iso3"]
    counts = t[t != ""].value_counts()
    frame = counts.rename_axis("code").reset_index(name="n")
    frame = frame.sort_values(["n", "code"], ascending=[False, True])
    return frame.set_index("code")["n"]


def default_target(positions: pd.DataFrame) -> str | None:
    """The most frequent target in the view (None when there is none)."""
    counts = target_counts(positions)
    return str(counts.index[0]) if len(counts) else None


MAP_COLUMNS = ["iso3", "name", "stance", "shading", "n", "hover"]
MAP_LINE_COLUMNS = ["country_iso3", "stance", "basis", "group", "_group_name", "file", "source",
                    "date", "date_precision", "date_basis"]


MAP_READS = ("toward_iso3", "country_iso3", "stance", "basis", "group", "_group_name", "file",
             "source", "date", "date_precision", "date_basis", "_lo", "_implied",
             "_country_name", "country")  # every column map_frame reads


def map_frame(positions: pd.DataFrame, target: str | None) -> pd.DataFrame:
    """One row per country holding a position toward `target`.

    Columns: iso3, name, stance (one stance, or "mixed"), shading ("named" when any position
    is stated for the country itself, else "implied" from bloc membership or a roster),
    n (positions), hover (escaped HTML listing up to MAP_HOVER_LINES positions).
    Positions without a country (a bloc as a whole) cannot be drawn and are left out.
    """
    if not target:
        return pd.DataFrame(columns=MAP_COLUMNS)
    keep = (positions["toward_iso3"].to_numpy() == target) & (
        positions["country_iso3"].to_numpy() != "")
    if not keep.any():
        return pd.DataFrame(columns=MAP_COLUMNS)
    need = [c for c in MAP_READS if c in positions.columns]
    p = positions.loc[keep, need]
    implied = p["_implied"] if "_implied" in p else p["basis"].isin(["member_of_group", "roster"])
    implied = implied.to_numpy(dtype=bool)
    # per country, on integer codes (sorted like groupby's keys)
    codes, countries = pd.factorize(p["country_iso3"], sort=True)
    k = len(countries)
    named_any = np.bincount(codes[~implied], minlength=k) > 0
    decisive = ~implied | ~named_any[codes]  # named rows decide where there are any
    st_codes, st_values = pd.factorize(p["stance"])  # -1: missing (groupby skips it)
    ok = decisive & (st_codes >= 0)
    dc, ds = codes[ok], st_codes[ok]
    distinct = np.unique(dc.astype(np.int64) * max(len(st_values), 1) + ds)
    nunique = np.bincount(distinct // max(len(st_values), 1), minlength=k)
    first = _first_rows(dc, k)  # each country's first decisive row with a stance (-1: none)
    picked = np.where(first >= 0, ds[np.maximum(first, 0)], -1) if len(ds) else np.full(k, -1)
    first_stance = pd.Series(np.append(np.asarray(st_values, dtype=object), None)[picked],
                             index=pd.Index(countries, name="country_iso3"),
                             dtype=p["stance"].dtype)
    stances = pd.DataFrame({"stance": first_stance.where(nunique == 1, "mixed"),
                            "n": pd.Series(np.bincount(codes, minlength=k).astype(np.int64),
                                           index=first_stance.index)})
    stances["shading"] = np.where(named_any, "named", "implied")
    # hover: named rows first, then by date; at most MAP_HOVER_LINES per country
    order = np.lexsort((p["_lo"].to_numpy(), implied, codes))  # stable, as sort_values
    sorted_codes = codes[order]
    starts = np.searchsorted(sorted_codes, np.arange(k))
    rank = np.arange(len(order)) - starts[sorted_codes]
    lines = p.assign(_named=~implied).iloc[order[rank < MAP_HOVER_LINES]]
    name_col = p["_country_name"] if "_country_name" in p else p["country"]
    names = dict(zip(countries, name_col.to_numpy(dtype=object)[_first_rows(codes, k)]))
    return map_frame_from(stances.rename_axis("iso3").reset_index(), lines, names)


def _first_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """The first row of each code 0..size-1 (-1 where a code has none)."""
    first = np.full(size, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes), dtype=np.int64))
    return np.where(first == len(codes), -1, first)


def map_frame_from(stances: pd.DataFrame, lines: pd.DataFrame,
                   names: dict[str, str]) -> pd.DataFrame:
    """The map frame (see `map_frame`) from its parts, however they were computed.

    `stances`: iso3, stance, shading, n, one row per country, sorted by iso3; `lines`: the
    positions listed in each country's hover, in order (MAP_LINE_COLUMNS); `names`: ISO-3 ->
    display name. The hover text is put together string by string (a few hundred lines: a
    pandas step per piece would cost more than the work); `hover_line` is what each line
    reads."""
    if stances.empty:
        return pd.DataFrame(columns=MAP_COLUMNS)
    q = lines
    cols = [q[c].to_numpy(dtype=object) for c in (
        "country_iso3", "date", "date_precision", "date_basis", "stance", "basis", "group",
        "_group_name" if "_group_name" in q else "group", "file", "source")]
    listed: dict[str, list[str]] = {}
    for country, *parts in zip(*cols):
        if not missing(country):
            listed.setdefault(country, []).append(escape_one(hover_line(*parts)))
    iso3 = stances["iso3"].to_numpy(dtype=object)
    shown = [names.get(c, c) for c in iso3]
    hover = []
    for c, name, stance, shading, n in zip(iso3, shown, stances["stance"].to_numpy(dtype=object),
                                          stances["shading"].to_numpy(dtype=object),
                                          stances["n"].to_numpy()):
        more = max(int(n) - MAP_HOVER_LINES, 0)
        hover.append(f"<b>{escape_one(name)}</b>: {stance} ({shading})<br>"
                     + "<br>".join(listed.get(c, []))
                     + (f"<br>… and {more} more" if more else ""))
    return pd.DataFrame({"iso3": stances["iso3"].to_numpy(), "name": shown,
                         "stance": stances["stance"].to_numpy(),
                         "shading": stances["shading"].to_numpy(), "n": stances["n"].to_numpy(),
                         "hover": hover}, columns=MAP_COLUMNS)


def hover_line(date, precision, date_basis, stance, basis, group, group_name, file,
               source) -> str:
    """One position in a map hover: "2019-07-27 (day) · support · stated · a.txt" (the
    columnwise text of style.date_label, BASIS_LABELS and style.basename, row by row; a
    missing stance, basis or source leaves the line empty, as a missing value would)."""
    if missing(stance) or missing(basis) or missing(source):
        return ""
    label = BASIS_LABELS.get(basis, basis)
    if missing(group) or group != "":
        if missing(group_name):
            return ""
        label = f"{label} {group_name}"
    name = basename_one(file)
    where = name if source == "" else f"{source}, {name}"
    return f"{date_one(date, precision, date_basis)} · {stance} · {label} · {where}"


def map_figure(frame: pd.DataFrame, target: str | None = None,
               target_name: str | None = None, height: int = 470) -> go.Figure:
    """World choropleth by ISO-3: colour = stance, full shading = named, light = implied.

    Traces are given as dicts: plotly validates them once (trace objects would be validated,
    then deep-copied into the figure)."""
    traces: list[dict] = []
    stance = frame["stance"].to_numpy(dtype=object)
    shade = frame["shading"].to_numpy(dtype=object)
    iso3 = frame["iso3"].to_numpy(dtype=object)  # plain arrays: no per-trace frame conversion
    hover = frame["hover"].to_numpy(dtype=object)
    for s in STANCE_ORDER:
        for shading in ("named", "implied"):
            sel = (stance == s) & (shade == shading)
            if not sel.any():
                continue
            part = {"iso3": iso3[sel], "hover": hover[sel]}
            color = STANCE_COLORS[s] if shading == "named" else lighten(STANCE_COLORS[s])
            traces.append(dict(
                type="choropleth", locations=part["iso3"], locationmode="ISO-3",
                z=np.ones(int(sel.sum())),
                colorscale=[[0, color], [1, color]], zmin=0, zmax=1, showscale=False,
                marker=dict(line=dict(color="white", width=0.4)),
                name=STANCE_LABELS[s] + ("" if shading == "named" else " (implied)"),
                legendgroup=s, showlegend=True,
                customdata=part["hover"], hovertemplate="%{customdata}<extra></extra>",
            ))
    if target:
        label = escape_html(pd.Series([target_name or target])).iloc[0]
        traces.append(dict(
            type="scattergeo", locations=[target], locationmode="ISO-3", mode="markers",
            marker=dict(symbol="star", size=15, color="#000000", line=dict(color="white",
                                                                               width=1)),
            name=f"target: {label}", hovertemplate=f"target: {label}<extra></extra>",
        ))
    return raw_figure(traces, dict(
        geo=GEO, height=height, margin=dict(l=0, r=0, t=10, b=0),
        legend=dict(orientation="h", yanchor="top", y=0.02, x=0.0, title=dict(text=""),
                    bgcolor="rgba(255,255,255,0.7)"),
        hoverlabel=dict(align="left"),
    ))


# ---------------------------------------------------------------- relations matrix


def relations_figure(cells: pd.DataFrame) -> go.Figure:
    """Holder (rows) x target (columns) matrix of the filtered positions: one square per pair,
    coloured by the pair's leaning stance, sized by its number of positions.

    Drawn as square markers rather than a plotly heatmap so that a click selects one cell
    (Streamlit's chart selection reports points) and empty pairs stay blank.
    """
    if cells.empty:
        return empty_figure("No positions between two states in this view")
    holders = sorted(cells["holder"].astype(str).unique(), key=str.lower)
    targets = sorted(cells["target"].astype(str).unique(), key=str.lower)
    biggest = max(int(cells["n"].max()), 1)
    counts = [s for s in STANCES if s in cells.columns]
    detail = pd.Series("", index=cells.index, dtype=object)  # "support 3 · oppose 1 · ..."
    for i, s in enumerate(counts):
        detail = detail + ("" if i == 0 else " · ") + f"{s} " + cells[s].astype(str)
    traces: list[dict] = []  # dicts, laid out in the constructor: validated once
    for s in STANCE_ORDER:
        part = cells[cells["stance"] == s]
        if part.empty:
            continue
        custom = np.column_stack([
            part["holder_iso3"].to_numpy(), part["target_iso3"].to_numpy(),
            escape_html(part["holder"]).to_numpy(), escape_html(part["target"]).to_numpy(),
            part["n"].astype(str).to_numpy(), detail[part.index].to_numpy(),
        ]).astype(str)
        traces.append(dict(
            type="scatter", x=part["target"].astype(str).to_numpy(dtype=object),
            y=part["holder"].astype(str).to_numpy(dtype=object), mode="markers",
            marker=dict(symbol="square", color=STANCE_COLORS[s],
                        size=(9 + 9 * np.sqrt(part["n"] / biggest)).round(1).to_numpy(),
                        line=dict(color="white", width=0.5)),
            name=STANCE_LABELS[s], customdata=custom,
            hovertemplate=("<b>%{customdata[2]}</b> toward <b>%{customdata[3]}</b><br>"
                           "%{customdata[4]} positions: %{customdata[5]}<br>"
                           "click to list the evidence<extra>%{fullData.name}</extra>"),
        ))
    return raw_figure(traces, dict(
        height=max(320, 170 + 22 * len(holders)), margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.01, x=0, title=dict(text="")),
        xaxis=dict(type="category", categoryorder="array", categoryarray=targets, side="top",
                   tickangle=-45, showgrid=True, automargin=True),
        yaxis=dict(type="category", categoryorder="array", categoryarray=holders[::-1],
                   showgrid=True, automargin=True),
        hoverlabel=dict(align="left"), clickmode="event+select", dragmode=False,
    ))


# ---------------------------------------------------------------- country profile timeline


PROFILE_FIGURE_COLUMNS = ["_lane", "stance", "_implied", "_t0", "date", "date_precision",
                          "date_basis", "text", "basis", "_group_name"]
PROFILE_READS = ("_lo", "toward_iso3", "_toward_name", "country_iso3", "_country_name",
                 *PROFILE_FIGURE_COLUMNS[1:])  # every column profile_figure reads


def profile_figure(as_holder: pd.DataFrame, as_target: pd.DataFrame, iso3: str,
                   max_lanes: int = 30) -> go.Figure:
    """A state's dated positions over time: one lane per counterpart ("→ China" for positions
    it holds, "← Belarus" for positions toward it), coloured by stance, light when implied.

    Worked out on plain arrays (a few thousand rows: each pandas step would cost more than
    its work) and laid out in the constructor (update_layout validates key by key)."""
    h, r = as_holder, as_target
    hk = (h["_lo"].to_numpy() > 0) & (h["toward_iso3"].to_numpy(dtype=object) != "")
    rk = (r["_lo"].to_numpy() > 0) & (r["country_iso3"].to_numpy(dtype=object) != iso3)
    if not hk.any() and not rk.any():
        return empty_figure("No dated positions of this state in the view", height=220)
    r_state = r["country_iso3"].to_numpy(dtype=object)[rk] != ""
    who = np.where(r_state, r["_country_name"].astype(str).to_numpy(dtype=object)[rk],
                   r["_group_name"].astype(str).to_numpy(dtype=object)[rk])
    lane = pd.Series(np.concatenate([
        "→ " + h["_toward_name"].astype(str).to_numpy(dtype=object)[hk], "← " + who]),
        dtype=object)
    counts = lane.value_counts()
    top = counts.index[:max_lanes]
    keep = lane.isin(top).to_numpy() if len(counts) > max_lanes else np.ones(len(lane), bool)

    def col(name: str) -> pd.Series:  # held rows, then received ones; only those drawn
        parts = [h[name][hk], r[name][rk]]
        return pd.concat(parts, ignore_index=True)[keep] if not keep.all() else pd.concat(
            parts, ignore_index=True)

    def arr(name: str, dtype=object) -> np.ndarray:
        return np.concatenate([h[name].to_numpy(dtype=dtype)[hk],
                               r[name].to_numpy(dtype=dtype)[rk]])[keep]

    order = sorted(top, key=lambda s: (s[0] != "→", s.lower()))
    # the hover columns once for every mark (element-wise: the same text as part by part;
    # row by row where no regular expression is involved)
    dates = np.array([date_one(*row) for row in zip(arr("date"), arr("date_precision"),
                                                    arr("date_basis"))], dtype=object)
    texts = hover_text(col("text")).to_numpy()
    bases = np.array(["" if missing(b) or missing(g) else escape_one(
        f"{BASIS_LABELS.get(b, b)} {g}") for b, g in zip(arr("basis"), arr("_group_name"))],
        dtype=object)
    lane_names = {name: escape_one(name) for name in top}  # (a kept lane is one of these)
    lanes = np.array([lane_names[name] for name in lane.to_numpy(dtype=object)[keep]],
                     dtype=object)
    stance, implied_col = arr("stance"), arr("_implied", None)
    t0s = col("_t0")
    traces: list[dict] = []  # dicts: plotly validates them once, in the figure
    for s in STANCE_ORDER:
        for implied in (False, True):
            sel = (stance == s) & (implied_col == implied)
            if not sel.any():
                continue
            color = lighten(STANCE_COLORS[s]) if implied else STANCE_COLORS[s]
            custom = np.column_stack([dates[sel], texts[sel], bases[sel]]).astype(str)
            traces.append(dict(
                type="scatter", x=t0s[sel], y=lanes[sel],
                mode="markers",
                marker=dict(color=color, size=11, line=dict(color="#555" if implied else "white",
                                                            width=0.6)),
                name=STANCE_LABELS[s] + (" (implied)" if implied else ""), legendgroup=s,
                customdata=custom,
                hovertemplate=("<b>%{y}</b><br>%{customdata[0]} · %{customdata[2]}<br>"
                               "<i>%{customdata[1]}</i><extra>%{fullData.name}</extra>"),
            ))
    t0 = t0s.to_numpy()
    layout = dict(
        height=max(240, 110 + 28 * len(order)), margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title=dict(text="")),
        xaxis=time_axis(focus_range(t0), slider=False, points=t0),
        yaxis=dict(type="category", categoryorder="array",
                   categoryarray=list(escape_html(pd.Series(order, dtype=object)))[::-1],
                   automargin=True),
        hoverlabel=dict(align="left"),
    )
    return raw_figure(traces, layout)
