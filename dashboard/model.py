"""The four tables as one value, and the derived columns the dashboard needs.

`prepare` runs once per parsed corpus (it is cached with the parse), so the per-rerun filter
and figure code only compares precomputed strings. Derived columns start with "_" and are
never shown or downloaded: `public` cuts a table back to the column contract.
"""
from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from stance.tables import COLUMNS, INT_COLUMNS, empty

IMPLIED_BASES = ("member_of_group", "roster")
TABLE_NAMES = ("documents", "events", "positions", "claims")


class TableSet(NamedTuple):
    """documents, events, positions, claims (the shape of stance.Tables)."""

    documents: pd.DataFrame
    events: pd.DataFrame
    positions: pd.DataFrame
    claims: pd.DataFrame


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


def date_periods(date: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First and last ISO day ("YYYY-MM-DD") each row's date may stand for; "" when undated.

    A month-precision date covers its whole month and a year-precision date its whole year, so
    a date filter keeps a row when the period overlaps the chosen range. The last day of a
    month is written "-31" whatever the month: as an ISO string it still sorts after every
    real day of that month and before the next month, which is all the comparisons need.
    """
    d = date.fillna("").astype(str).str.strip()
    n = d.str.len()
    head = d.str.slice(0, 4)
    valid = n.isin([4, 7, 10]) & head.str.isdigit()
    prec = precision.fillna("").astype(str)
    is_year = valid & ((prec == "year") | (n == 4))
    is_month = valid & ~is_year & ((prec == "month") | (n == 7))
    ym = d.str.slice(0, 7)
    lo = np.where(is_year, head + "-01-01", np.where(is_month, ym + "-01", d))
    hi = np.where(is_year, head + "-12-31", np.where(is_month, ym + "-31", d))
    lo = pd.Series(np.where(valid, lo, ""), index=date.index, dtype=object)
    hi = pd.Series(np.where(valid, hi, ""), index=date.index, dtype=object)
    return lo, hi


def event_stances(events: pd.DataFrame, positions: pd.DataFrame,
                  claims: pd.DataFrame) -> pd.Series:
    """Stance of each event from the positions and claims that cite it.

    One distinct stance gives that stance, several give "mixed", none gives "none".
    """
    links = pd.concat(
        [positions.loc[:, ["event_id", "stance"]], claims.loc[:, ["event_id", "stance"]]],
        ignore_index=True,
    )
    links = links[(links["event_id"] != "") & (links["stance"] != "")].drop_duplicates()
    grouped = links.groupby("event_id")["stance"]
    per_event = grouped.first().where(grouped.nunique() == 1, "mixed")
    return events["event_id"].map(per_event).fillna("none").astype(object)


def prepare(tables: Any, names: dict[str, str] | None = None) -> TableSet:
    """Add the derived columns once: date periods, event stance, display names, implied flag."""
    t = as_tableset(tables)
    names = names or {}
    ev, po, cl = t.events.copy(), t.positions.copy(), t.claims.copy()
    for df in (ev, po, cl):
        df["_lo"], df["_hi"] = date_periods(df["date"], df["date_precision"])
    ev["_stance"] = event_stances(ev, po, cl)
    ev["_actor_name"] = _display(ev["actor_iso3"], ev["actor"], names)
    ev["_target_name"] = _display(ev["target_iso3"], ev["target"], names)
    po["_implied"] = po["basis"].isin(IMPLIED_BASES)
    po["_country_name"] = _display(po["country_iso3"], po["country"], names)
    po["_toward_name"] = _display(po["toward_iso3"], po["toward"], names)
    return TableSet(t.documents, ev, po, cl)


def _display(codes: pd.Series, text: pd.Series, names: dict[str, str]) -> pd.Series:
    """Name for a code when known, else the text as written, else the code."""
    mapped = codes.map(names)
    raw = text.where(text != "", codes)
    return mapped.where(mapped.notna() & (codes != ""), raw).fillna("").astype(object)
