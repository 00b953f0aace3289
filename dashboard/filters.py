"""The dashboard's filters: one value, pure pandas filtering, and the query-param round trip.

Everything here takes and returns plain values / DataFrames (no Streamlit), so it can be tested
directly and timed at scale. Filtering is vectorised: boolean masks over precomputed string
columns (see dashboard.model.prepare), no per-row Python.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from stance.tables import STANCES
from stance.warehouse import Query

from .model import TableSet, int_to_iso, iso_to_int, stance_bits

LANES = ("actor", "topic")

# Query-parameter names (short, stable: they end up in shared links).
QP_FROM, QP_TO = "from", "to"
QP_COUNTRY, QP_STANCE, QP_TOPIC, QP_FILE = "country", "stance", "topic", "file"
QP_UNDATED, QP_IMPLIED, QP_LANE, QP_TARGET = "undated", "implied", "lane", "target"
QP_ROSTER, QP_SEARCH = "roster", "q"
QP_KEYS = (QP_FROM, QP_TO, QP_COUNTRY, QP_STANCE, QP_TOPIC, QP_FILE, QP_UNDATED, QP_IMPLIED,
           QP_ROSTER, QP_SEARCH, QP_LANE, QP_TARGET)
SEARCH_MAX_CHARS = 200


@dataclass(frozen=True)
class Filters(Query):
    """What the user chose: the view (`stance.warehouse.Query`, whose fields and meaning the
    pandas filtering here and the SQL of the store share) plus how it is drawn."""

    lane: str = "actor"
    target: str | None = None  # map target (ISO-3); None = the most frequent one


def view_query(f: Query) -> Query:
    """The view part of `f` alone (what filtering depends on; lane and target do not)."""
    return Query(**{k.name: getattr(f, k.name) for k in fields(Query)})


@dataclass(frozen=True)
class FilterOptions:
    """The values the data offers, used to build widgets and to validate query params."""

    date_min: str | None
    date_max: str | None
    countries: tuple[str, ...]
    stances: tuple[str, ...] = STANCES
    topics: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    targets: tuple[str, ...] = field(default=())


def _values(*cols: pd.Series) -> tuple[str, ...]:
    """Sorted distinct non-empty strings over several columns."""
    seen: set[str] = set()
    for col in cols:
        seen.update(col.dropna().astype(str).unique().tolist())
    seen.discard("")
    return tuple(sorted(seen))


def options_from(t: TableSet) -> FilterOptions:
    """Filter choices spanning the whole (prepared) data."""
    los = [df.loc[df["_lo"] > 0, "_lo"] for df in (t.events, t.positions, t.claims)]
    his = [df.loc[df["_hi"] > 0, "_hi"] for df in (t.events, t.positions, t.claims)]
    lo_min = min((int(s.min()) for s in los if len(s)), default=0)
    hi_max = max((int(s.max()) for s in his if len(s)), default=0)
    date_min = _real_day(int_to_iso(lo_min)) if lo_min else None
    date_max = _real_day(int_to_iso(hi_max)) if hi_max else None
    return FilterOptions(
        date_min=date_min,
        date_max=date_max,
        countries=_values(t.events["actor_iso3"], t.events["target_iso3"],
                          t.positions["country_iso3"], t.positions["toward_iso3"],
                          t.claims["toward_iso3"]),
        stances=STANCES,
        topics=_values(t.events["topic"], t.positions["topic"], t.claims["topic"]),
        files=_values(t.documents["file"], t.events["file"], t.positions["file"],
                      t.claims["file"]),
        targets=_values(t.positions["toward_iso3"]),
    )


def _real_day(iso: str) -> str | None:
    """A real calendar day from an ISO-like "YYYY-MM-DD" (a "-31" period end, see
    model.date_periods, becomes the month's last day); None when it is not a date."""
    try:
        y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(y, m, max(1, min(d, last))).isoformat()
    except (ValueError, TypeError, IndexError):
        return None


# ---------------------------------------------------------------- filtering


def _date_mask(df: pd.DataFrame, f: Filters) -> pd.Series:
    """Rows whose date period overlaps [date_from, date_to]; undated rows per include_undated."""
    lo = df["_lo"].to_numpy()
    dated = lo > 0
    mask = dated
    if f.date_from:
        mask = mask & (df["_hi"].to_numpy() >= iso_to_int(f.date_from))
    if f.date_to:
        mask = mask & (lo <= iso_to_int(f.date_to))
    if f.include_undated:
        mask = mask | ~dated
    return mask


def _in(col: pd.Series, values: Sequence[str]):
    return col.isin(values).to_numpy()


def column_isin(df: pd.DataFrame, col: str, values: Sequence[str]) -> np.ndarray:
    """Rows of `df` whose `col` is one of `values` (the default test of `filter_mask`)."""
    return _in(df[col], values)


Isin = Callable[[pd.DataFrame, str, Sequence[str]], np.ndarray]


def filter_mask(df: pd.DataFrame, table: str, f: Filters, isin: Isin = column_isin) -> np.ndarray:
    """The rows of one prepared table ("events", "positions" or "claims") the filters keep,
    as a boolean array. `isin(df, col, values)` tests a column against chosen values (a
    source may answer it from integer codes it made once; the result must be the same).

    An event passes the stance filter when a position or claim citing it has a chosen stance
    (implied positions count: the stance is the event's, whoever is listed).
    """
    mask = np.asarray(_date_mask(df, f))
    if f.files:
        mask = mask & isin(df, "file", f.files)
    if f.topics:
        mask = mask & isin(df, "topic", f.topics)
    if f.search:
        mask = mask & search_mask(df["text"], f.search)
    if table == "events":
        if f.countries:
            mask = mask & (isin(df, "actor_iso3", f.countries) | isin(df, "target_iso3", f.countries))
        if f.stances:
            mask = mask & ((df["_stance_bits"].to_numpy() & stance_bits(f.stances)) != 0)
    elif table == "positions":
        if f.countries:
            mask = mask & (isin(df, "country_iso3", f.countries) | isin(df, "toward_iso3", f.countries))
        if f.stances:
            mask = mask & isin(df, "stance", f.stances)
        if not f.include_implied:
            mask = mask & ~df["_member"].to_numpy()
        if not f.include_roster:
            mask = mask & ~df["_roster"].to_numpy()
    elif table == "claims":
        if f.countries:
            mask = mask & isin(df, "toward_iso3", f.countries)
        if f.stances:
            mask = mask & isin(df, "stance", f.stances)
    return mask


def filter_frame(df: pd.DataFrame, table: str, f: Filters) -> pd.DataFrame:
    """Apply the filters to one prepared table (see `filter_mask`)."""
    mask = filter_mask(df, table, f)
    if mask.all():  # nothing removed: no copy
        return df
    return df[mask]


def clean_search(text: str | None) -> str:
    """The search box's text as used: spaces collapsed, at most SEARCH_MAX_CHARS."""
    return " ".join(str(text or "").split())[:SEARCH_MAX_CHARS]


def search_mask(text: pd.Series, query: str):
    """Rows whose text contains every word of `query` (case-insensitive, plain substrings:
    no regular expressions, so any typed character is literal)."""
    low = text.fillna("").astype(str).str.lower()
    mask = None
    for word in clean_search(query).lower().split():
        hit = low.str.contains(word, regex=False).to_numpy()
        mask = hit if mask is None else mask & hit
    return mask if mask is not None else low.notna().to_numpy()


def filter_tables(t: TableSet, f: Filters) -> TableSet:
    """The filtered view of all four tables (documents: those matching the source filter)."""
    ev = filter_frame(t.events, "events", f)
    po = filter_frame(t.positions, "positions", f)
    cl = filter_frame(t.claims, "claims", f)
    docs = t.documents
    if f.files:
        docs = docs[docs["file"].isin(f.files)]
    return TableSet(docs, ev, po, cl)


# ---------------------------------------------------------------- query params


def _iso_day(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10]).isoformat()
    except (ValueError, AttributeError):
        return None


def _flag(values: Sequence[str], default: bool) -> bool:
    if not values:
        return default
    v = values[-1].strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    return default


def _keep(values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """Known values only, in the order of `allowed`, without repeats."""
    wanted = {v.strip() for v in values}
    return tuple(a for a in allowed if a in wanted)


def from_query_params(qp: Mapping[str, Sequence[str]], opts: FilterOptions) -> Filters:
    """Rebuild filters from query params (key -> list of values). Bad values are ignored.

    File values may be full paths or bare names; they match by name.
    """
    def get(key: str) -> list[str]:
        raw = qp.get(key) or []
        return [raw] if isinstance(raw, str) else [str(v) for v in raw]

    d_from = _iso_day((get(QP_FROM) or [""])[-1])
    d_to = _iso_day((get(QP_TO) or [""])[-1])
    if opts.date_min and d_from and d_from <= opts.date_min:
        d_from = None
    if opts.date_max and d_to and d_to >= opts.date_max:
        d_to = None
    if d_from and d_to and d_from > d_to:
        d_from, d_to = d_to, d_from
    files = files_named(get(QP_FILE), opts)
    lane = (get(QP_LANE) or ["actor"])[-1]
    target = (get(QP_TARGET) or [""])[-1].strip().upper()
    return Filters(
        date_from=d_from,
        date_to=d_to,
        countries=_keep([v.upper() for v in get(QP_COUNTRY)], opts.countries),
        stances=_keep([v.lower() for v in get(QP_STANCE)], opts.stances),
        topics=_keep(get(QP_TOPIC), opts.topics),
        files=tuple(sorted(files)),
        include_undated=_flag(get(QP_UNDATED), True),
        include_implied=_flag(get(QP_IMPLIED), False),
        include_roster=_flag(get(QP_ROSTER), True),
        search=clean_search((get(QP_SEARCH) or [""])[-1]),
        lane=lane if lane in LANES else "actor",
        target=target if target in opts.targets else None,
    )


def to_query_params(f: Filters) -> dict[str, str | list[str]]:
    """Only what differs from the default view, so links stay short and follow new data."""
    base = Filters()
    out: dict[str, str | list[str]] = {}
    if f.date_from:
        out[QP_FROM] = f.date_from
    if f.date_to:
        out[QP_TO] = f.date_to
    if f.countries:
        out[QP_COUNTRY] = list(f.countries)
    if f.stances:
        out[QP_STANCE] = list(f.stances)
    if f.topics:
        out[QP_TOPIC] = list(f.topics)
    if f.files:
        out[QP_FILE] = [_basename(p) for p in f.files]
    if f.include_undated != base.include_undated:
        out[QP_UNDATED] = "1" if f.include_undated else "0"
    if f.include_implied != base.include_implied:
        out[QP_IMPLIED] = "1" if f.include_implied else "0"
    if f.include_roster != base.include_roster:
        out[QP_ROSTER] = "1" if f.include_roster else "0"
    if f.search:
        out[QP_SEARCH] = f.search
    if f.lane != base.lane:
        out[QP_LANE] = f.lane
    if f.target:
        out[QP_TARGET] = f.target
    return out


MAX_FILE_CHOICES = 2000  # more source files than this: the sidebar takes names typed in
_BY_NAME: dict[int, tuple[tuple[str, ...], dict[str, str]]] = {}


def files_named(names: Sequence[str], opts: FilterOptions) -> tuple[str, ...]:
    """The data's files matching `names` (full paths or bare names; they match by name)."""
    cached = _BY_NAME.get(id(opts.files))
    if cached is None or cached[0] is not opts.files:  # one name index per set of files
        cached = (opts.files, {_basename(p): p for p in opts.files})
        _BY_NAME.clear()
        _BY_NAME[id(opts.files)] = cached
    by_name = cached[1]
    return tuple(dict.fromkeys(by_name[_basename(v)] for v in names if _basename(v) in by_name))


def typed_names(text: str) -> list[str]:
    """File names typed into one box, separated by commas or new lines."""
    return [part.strip() for part in str(text or "").replace("\n", ",").split(",") if part.strip()]


def _basename(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def with_dates(f: Filters, picked: Sequence[dt.date] | dt.date | None,
               opts: FilterOptions) -> Filters:
    """Filters with the date range from a date_input value.

    A half-picked range (one date while the user is choosing) keeps the data's end; a range
    equal to the data's span means "no date restriction".
    """
    if picked is None:
        return replace(f, date_from=None, date_to=None)
    if isinstance(picked, dt.date):
        picked = (picked,)
    days = [d.isoformat() for d in picked if isinstance(d, dt.date)][:2]
    d_from = days[0] if days else None
    d_to = days[1] if len(days) > 1 else None
    if d_from and d_to and d_from > d_to:
        d_from, d_to = d_to, d_from
    if d_from and opts.date_min and d_from <= opts.date_min:
        d_from = None
    if d_to and opts.date_max and d_to >= opts.date_max:
        d_to = None
    return replace(f, date_from=d_from, date_to=d_to)
