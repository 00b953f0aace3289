"""What every dashboard figure shares: stance colours and labels, HTML escaping of article
text for hover labels, date labels, and the empty-figure placeholder.

Colours are fixed per stance (Okabe-Ito palette, colour-blind safe), so removing a category by
filtering never shifts the others. Every piece of text that comes from an article is
HTML-escaped before it reaches a hover label, because plotly renders hover text as HTML.
"""
from __future__ import annotations

import re

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
HOVER_TEXT_CHARS = 240
TOPOJSON_URL = "app/static/topojson/"
PLOTLY_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}


# ---------------------------------------------------------------- text helpers


def lighten(color: str, amount: float = IMPLIED_LIGHTEN) -> str:
    """"#RRGGBB" mixed with white by `amount` (0 = unchanged, 1 = white).

    Used for light shading instead of opacity so the legend swatch shows the same light tone.
    """
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


# Quotes use the numeric entity: plotly's label renderer decodes numeric entities but not `&quot;`,
# which would show literally. `&` first, so the other entities are not escaped again.
_HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"))
_BASENAME = re.compile(r"^.*[\\/]")


def missing(value) -> bool:
    """A missing cell (None, NA or NaN)."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _text(value) -> str:
    """A cell as `fillna("").astype(str)` gives it."""
    return "" if missing(value) else str(value)


def escape_html(s: pd.Series) -> pd.Series:
    """Vectorised HTML escaping of a text column (plotly hover labels are HTML)."""
    out = s.fillna("").astype(str)
    for plain, entity in _HTML_ESCAPES:
        out = out.str.replace(plain, entity, regex=False)
    return out


def escape_one(value) -> str:
    """`escape_html` of one value (for texts put together row by row)."""
    text = _text(value)
    for plain, entity in _HTML_ESCAPES:
        text = text.replace(plain, entity)
    return text


def hover_text(s: pd.Series, limit: int = HOVER_TEXT_CHARS, width: int = 70) -> pd.Series:
    """Shortened, wrapped and escaped text for a hover label.

    Worked out once per distinct text (several positions often quote one sentence; the
    regular expressions cost far more than the lookup), then given to every row."""
    codes, uniques = pd.factorize(s)
    if len(uniques) * 2 > len(s):  # mostly distinct: no gain
        return _hover_text(s, limit, width)
    done = _hover_text(pd.Series(np.append(np.asarray(uniques, dtype=object), "")), limit, width)
    return pd.Series(done.to_numpy()[codes], index=s.index, dtype=done.dtype)  # -1 (NA): ""


def _hover_text(s: pd.Series, limit: int, width: int) -> pd.Series:
    s = s.fillna("").astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    long = s.str.len() > limit
    s = s.str.slice(0, limit).where(~long, s.str.slice(0, limit - 1) + "…")
    s = escape_html(s)
    return s.str.replace(r"(\S(?:.{0,%d}\S)?)(?: |$)" % (width - 2), r"\1<br>", regex=True
                         ).str.replace(r"(<br>)+$", "", regex=True)


def date_one(date, precision, basis) -> str:
    """`date_label` of one row."""
    d, p, b = _text(date), _text(precision), _text(basis)
    shown = d[:4] if p == "year" else d[:7] if p == "month" else d
    detail = p if b == "" else f"{p}, {b}"
    return f"{shown or 'undated'} ({detail})".replace(" ()", "")


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


def basename(s: pd.Series) -> pd.Series:
    """The file name of each path (either slash)."""
    return s.fillna("").astype(str).str.replace(_BASENAME.pattern, "", regex=True)


def basename_one(path) -> str:
    """`basename` of one path."""
    return _BASENAME.sub("", _text(path))


def empty_figure(message: str, height: int = 260) -> go.Figure:
    """A blank figure saying `message` (an empty view still gets a chart, not a gap)."""
    return go.Figure(layout=dict(
        height=height, xaxis=dict(visible=False), yaxis=dict(visible=False),
        margin=dict(l=10, r=10, t=10, b=10),
        annotations=[dict(text=message, showarrow=False, xref="paper", yref="paper", x=0.5,
                          y=0.5, font=dict(size=14, color="#666"))]))
