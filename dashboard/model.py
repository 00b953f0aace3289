"""The four tables as one value, and the derived columns the dashboard needs.

`prepare` runs once per parsed corpus (it is cached with the parse), so the per-rerun filter
and figure code only compares precomputed strings. Derived columns start with "_" and are
never shown or downloaded: `public` cuts a table back to the column contract.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from stance.tables import COLUMNS, INT_COLUMNS, STANCES, TABLE_NAMES, Tables, empty

IMPLIED_BASES = ("member_of_group", "roster")
ROSTER_BASIS = "roster"            # implied by a known letter's list of signatories
MEMBER_BASIS = "member_of_group"   # implied by membership of a bloc that spoke
TableSet = Tables  # the dashboard's name for stance.tables.Tables (prepared tables add "_" columns)


def as_tableset(tables: Any) -> TableSet:
    """Accept stance.Tables (or any object with the four attributes) and fill missing columns."""
    frames = []
    for name in TABLE_NAMES:
        df = getattr(tables, name, None)
        if df is None:
            df = empty(name)
        df = df.copy()
        for col in COLUMNS[name]:
            if col not in df.columns:
                df[col] = pd.array([pd.NA] * len(df), dtype="Int64") if col in INT_COLUMNS else ""
        frames.append(df.reset_index(drop=True))
    return TableSet(*frames)


def public(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The contract columns of `table`, in contract order (derived columns dropped)."""
    return df.loc[:, COLUMNS[table]]


def shown_columns(table: str) -> list[str]:
    """What tables on screen and CSV downloads carry: the contract columns, with the group's
    name (`group_name`) right after the `group` id where a table has one."""
    cols = list(COLUMNS[table])
    if "group" in cols:
        cols.insert(cols.index("group") + 1, "group_name")
    return cols


def shown(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """`public` plus the display columns of `shown_columns` (prepared tables carry them as
    "_group_name"; other frames get them computed here)."""
    out = public(df, table)
    if "group" in out.columns:
        from .names import group_names

        names = df["_group_name"] if "_group_name" in df.columns else group_names(df["group"])
        out = out.copy()
        out.insert(out.columns.get_loc("group") + 1, "group_name", names.to_numpy())
    return out


def date_periods(date: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Each row's date period as YYYYMMDD integers (first day, last day; 0 when undated) and
    the first day as a timestamp (NaT when undated).

    A month-precision date covers its whole month and a year-precision date its whole year, so
    a date filter keeps a row when the period overlaps the chosen range. A month's last day is
    written as day 31 whatever the month: as a number it still sorts after every real day of
    that month and before the next month, which is all the comparisons need. Integers make
    the filter a few fast numeric comparisons instead of string comparisons.
    """
    d = date.fillna("").astype(str).str.strip()
    n = d.str.len()
    prec = precision.fillna("").astype(str)
    is_year = (prec == "year") | (n == 4)
    is_month = ~is_year & ((prec == "month") | (n == 7))
    padded = d.where(n != 4, d + "-01-01").where(n != 7, d + "-01")
    t0 = pd.to_datetime(padded.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    ok = t0.notna().to_numpy()
    y = t0.dt.year.fillna(0).astype("int64").to_numpy()
    m = t0.dt.month.fillna(0).astype("int64").to_numpy()
    dd = t0.dt.day.fillna(0).astype("int64").to_numpy()
    yr, mo = is_year.to_numpy(), is_month.to_numpy()
    lo = np.where(yr, y * 10000 + 101, np.where(mo, y * 10000 + m * 100 + 1,
                                               y * 10000 + m * 100 + dd))
    hi = np.where(yr, y * 10000 + 1231, np.where(mo, y * 10000 + m * 100 + 31,
                                                y * 10000 + m * 100 + dd))
    lo = np.where(ok, lo, 0).astype("int32")
    hi = np.where(ok, hi, 0).astype("int32")
    t0 = t0.where(ok)
    t0 = t0.where(~(yr & ok), t0.dt.to_period("Y").dt.start_time) if yr.any() else t0
    t0 = t0.where(~(mo & ok), t0.dt.to_period("M").dt.start_time) if mo.any() else t0
    return (pd.Series(lo, index=date.index), pd.Series(hi, index=date.index), t0)


def as_t0(values) -> pd.Series:
    """Dates (e.g. the store's _t0) in the dtype `date_periods` gives its first days."""
    return pd.Series(pd.to_datetime(values)).astype(_T0_DTYPE)


def iso_to_int(iso: str) -> int:
    """"2019-07-27" -> 20190727 (the form of the _lo / _hi columns)."""
    return int(iso[:4]) * 10000 + int(iso[5:7]) * 100 + int(iso[8:10])


def int_to_iso(value: int) -> str:
    """20190727 -> "2019-07-27"."""
    value = int(value)
    return f"{value // 10000:04d}-{value // 100 % 100:02d}-{value % 100:02d}"


STANCE_BITS = {s: 1 << i for i, s in enumerate(STANCES)}
_T0_DTYPE = date_periods(pd.Series(["2000-01-01"]), pd.Series(["day"]))[2].dtype


def stance_bits(stances: tuple[str, ...] | list[str]) -> int:
    """Bit mask of a set of stances (see the events' _stance_bits column)."""
    bits = 0
    for s in stances:
        bits |= STANCE_BITS.get(s, 0)
    return bits


def event_stances(events: pd.DataFrame, positions: pd.DataFrame,
                  claims: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Stance of each event from the positions and claims that cite it, and all its stances.

    One distinct stance gives that stance, several give "mixed", none gives "none". The
    second series holds every stance of the event as bits (STANCE_BITS), so the stance
    filter is one bitwise test instead of a join.
    """
    links = pd.concat(
        [positions.loc[:, ["event_id", "stance"]], claims.loc[:, ["event_id", "stance"]]],
        ignore_index=True,
    )
    links = links[(links["event_id"] != "") & links["stance"].isin(STANCES)].drop_duplicates()
    links["bit"] = links["stance"].map(STANCE_BITS).astype("int64")
    grouped = links.groupby("event_id")
    bits = grouped["bit"].sum()  # distinct stances after drop_duplicates: sum == OR
    per_event = grouped["stance"].first().where(grouped["stance"].nunique() == 1, "mixed")
    stance = events["event_id"].map(per_event).fillna("none").astype(object)
    ev_bits = events["event_id"].map(bits).fillna(0).astype("int8")
    return stance, ev_bits


def prepare(tables: Any, names: dict[str, str] | None = None) -> TableSet:
    """Add the derived columns once: date periods, event stance, display names (states and
    groups), implied flags (any, by a letter's roster, by bloc membership)."""
    t = as_tableset(tables)
    names = names or {}
    ev, po, cl = (derive(df, name, names) for df, name in
                  ((t.events, "events"), (t.positions, "positions"), (t.claims, "claims")))
    ev["_stance"], ev["_stance_bits"] = event_stances(ev, po, cl)
    files = pd.Index(pd.unique(pd.concat([ev["file"], po["file"], cl["file"]],
                                         ignore_index=True).astype(str)))
    files = files[files != ""]
    for df in (ev, po, cl):  # -1: no file
        df["_file_code"] = files.get_indexer(df["file"].astype(str)).astype("int32")
    return TableSet(t.documents, ev, po, cl)


def derive(df: pd.DataFrame, table: str, names: dict[str, str],
           periods: tuple | None = None) -> pd.DataFrame:
    """A copy of rows of `table` with the derived columns each row has on its own: date
    periods (`date_periods`, unless given as `periods`), display names, implied flags (not the
    event stance, which needs the positions and claims citing the event). Used by `prepare`
    and for the store's paged rows."""
    df = df.copy()
    if table == "documents":
        return df
    df["_lo"], df["_hi"], df["_t0"] = periods or date_periods(df["date"], df["date_precision"])
    from .names import group_names

    if table == "events":
        df["_actor_name"] = display_names(df["actor_iso3"], df["actor"], names)
        df["_target_name"] = display_names(df["target_iso3"], df["target"], names)
    elif table == "positions":
        df["_implied"] = df["basis"].isin(IMPLIED_BASES)
        df["_roster"] = (df["basis"] == ROSTER_BASIS).to_numpy()
        df["_member"] = (df["basis"] == MEMBER_BASIS).to_numpy()
        df["_group_name"] = group_names(df["group"])
        df["_country_name"] = display_names(df["country_iso3"], df["country"], names)
        df["_toward_name"] = display_names(df["toward_iso3"], df["toward"], names)
    elif table == "claims":
        df["_group_name"] = group_names(df["group"])
    return df


def display_names(codes: pd.Series, text: pd.Series, names: dict[str, str]) -> pd.Series:
    """Name for a code when known, else the text as written, else the code."""
    keys, uniques = pd.factorize(codes)  # one lookup per distinct code
    known = np.array([names.get(u) for u in uniques] + [None], dtype=object)
    mapped = pd.Series(known[keys], index=codes.index)
    raw = text.where(text != "", codes)
    return mapped.where(mapped.notna() & (codes != ""), raw).fillna("").astype(object)
