"""A state's profile in the filtered view: its positions as holder and as target, whom it
backs, opposes or is concerned about (and who does so toward it), the blocs it belonged to on
the dates of those positions, the letters it signed, and the count claims that may include it.

Pure pandas over the prepared tables. Bloc membership comes from the dated rosters in
stance/data/blocs/ (read through `stance.blocs.read_roster`), the same files the parser uses.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from stance.tables import STANCES

from .model import TableSet, int_to_iso


@dataclass(frozen=True)
class Profile:
    """What the Country page shows for one state."""

    iso3: str
    as_holder: pd.DataFrame    # positions it holds (the rows drawn: may be capped)
    as_target: pd.DataFrame    # positions toward it (likewise)
    stands: pd.DataFrame       # stance, toward, n: whom it backs / opposes / ...
    stood_by: pd.DataFrame     # stance, holder, n: who backs / opposes / ... it
    blocs: pd.DataFrame        # bloc, joined, left, member_on_dates
    claims_about: pd.DataFrame # count claims toward it
    claims_maybe: pd.DataFrame # count claims of a group it belonged to or a letter it signed
    first: str | None
    last: str | None
    held: int = 0              # positions it holds in the view
    received: int = 0          # positions toward it in the view
    signed: tuple[str, ...] = ()  # names of the letters it is listed as signing
    capped: bool = False       # as_holder / as_target hold only the first rows drawn


def _counted(df: pd.DataFrame, who: str) -> pd.DataFrame:
    """stance, <who>, n: one row per (stance, counterpart), stances in STANCES order."""
    if df.empty:
        return pd.DataFrame(columns=["stance", who, "n"])
    return counted_from(df.groupby(["stance", who], observed=True).size().rename("n").reset_index(),
                        who)


def counted_from(counts: pd.DataFrame, who: str) -> pd.DataFrame:
    """`_counted`'s order from counts per (stance, <who>) (column n; a name listed twice, e.g.
    two codes with one name, is summed): stances in STANCES order, most positions first.

    Summed and sorted in Python: a few dozen rows, where each pandas step (groupby, sort)
    would cost more than the work. Rows with a missing stance or name are left out, as a
    groupby leaves them out."""
    if counts.empty:
        return pd.DataFrame(columns=["stance", who, "n"])
    sums: dict[tuple, int] = {}
    for stance, name, n in zip(counts["stance"].to_numpy(dtype=object),
                               counts[who].to_numpy(dtype=object), counts["n"].to_numpy()):
        if pd.isna(stance) or pd.isna(name):
            continue
        sums[(stance, name)] = sums.get((stance, name), 0) + int(n)
    rank = {s: i for i, s in enumerate(STANCES)}
    rows = sorted(sums.items(), key=lambda kv: (rank.get(kv[0][0], 99), -kv[1], kv[0][1]))
    return pd.DataFrame({"stance": [k[0] for k, _ in rows], who: [k[1] for k, _ in rows],
                         "n": np.array([n for _, n in rows], dtype=np.int64)},
                        columns=["stance", who, "n"])


def names_by_stance(table: pd.DataFrame, who: str) -> dict[str, str]:
    """stance -> "Belarus (2), Tajikistan (1)" from a `_counted` table (stances in their
    order of appearance, rows in table order)."""
    parts: dict[str, list[str]] = {}
    for stance, name, n in zip(table["stance"].to_numpy(dtype=object),
                               table[who].to_numpy(dtype=object), table["n"].to_numpy()):
        if pd.isna(stance):
            continue
        parts.setdefault(str(stance), []).append(f"{name} ({n})" if n > 1 else str(name))
    return {stance: ", ".join(names) for stance, names in parts.items()}


@lru_cache(maxsize=1)
def _bloc_rosters() -> dict[str, tuple]:
    from stance import blocs

    out = {}
    for bloc_id in blocs.bloc_ids():
        path = blocs.DATA / "blocs" / f"{bloc_id}.csv"
        if path.is_file():
            out[bloc_id] = tuple(blocs.read_roster(path))
    return out


def bloc_memberships(iso3: str, first: str | None, last: str | None) -> pd.DataFrame:
    """Blocs whose roster lists `iso3`, with its dates, and whether it was a member at some
    point between `first` and `last` (ISO days; None when it has no dated position)."""
    from stance.blocs import bloc_name, parse_partial_date

    rows = []
    lo = dt.date.fromisoformat(first) if first else None
    hi = dt.date.fromisoformat(last) if last else None
    for bloc_id, roster in _bloc_rosters().items():
        for m in roster:
            if m.iso3 != iso3:
                continue
            joined, left = parse_partial_date(m.joined), parse_partial_date(m.left)
            during = None
            if lo and hi:
                during = (joined is None or joined <= hi) and (left is None or left > lo)
            rows.append({"bloc": bloc_name(bloc_id), "group": bloc_id,
                         "joined": m.joined or "(date unknown)", "left": m.left or "",
                         "member_on_dates": during})
    cols = ["bloc", "group", "joined", "left", "member_on_dates"]
    return pd.DataFrame(rows, columns=cols)


def maybe_groups(blocs: pd.DataFrame, roster_groups) -> list[str]:
    """Groups whose count claims may include the state: blocs it belonged to on the dates of
    its positions (or at an unknown time), and letters it is listed as signing."""
    groups = set(blocs.loc[blocs["member_on_dates"].fillna(True).astype(bool), "group"])
    groups |= set(roster_groups)
    groups.discard("")
    return sorted(groups)


def profile(view: TableSet, iso3: str) -> Profile:
    """The profile of `iso3` in the filtered `view`."""
    po, cl = view.positions, view.claims
    as_holder = po[po["country_iso3"] == iso3]
    as_target = po[po["toward_iso3"] == iso3]
    dated = pd.concat([as_holder["_lo"], as_target["_lo"]])
    dated = dated[dated > 0]
    first = int_to_iso(int(dated.min())) if len(dated) else None
    last = int_to_iso(int(dated.max())) if len(dated) else None
    blocs = bloc_memberships(iso3, first, last)
    held = as_holder[as_holder["toward_iso3"] != ""]  # counted on two columns, not every one
    stands = _counted(pd.DataFrame({"stance": held["stance"], "toward": held["_toward_name"]}),
                      "toward")
    holders = pd.DataFrame({"stance": as_target["stance"], "holder": as_target["_country_name"].where(
        as_target["country_iso3"] != "", as_target["_group_name"])})
    stood_by = _counted(holders[holders["holder"] != ""], "holder")
    roster = as_holder[as_holder["_roster"]]
    groups = maybe_groups(blocs, roster["group"])
    return Profile(iso3, as_holder, as_target, stands, stood_by, blocs,
                   cl[cl["toward_iso3"] == iso3],
                   cl[cl["group"].isin(groups) & (cl["toward_iso3"] != iso3)],
                   first, last, len(as_holder), len(as_target),
                   tuple(sorted(set(roster["_group_name"]))))


def states_in(view: TableSet) -> pd.Series:
    """ISO-3 -> name of every state holding or receiving a position in view, most positions
    first (ties by code)."""
    po = view.positions
    codes = pd.concat([po["country_iso3"], po["toward_iso3"]], ignore_index=True)
    names = pd.concat([po["_country_name"], po["_toward_name"]], ignore_index=True)
    keep = codes != ""
    counts = codes[keep].value_counts()
    first = names[keep].groupby(codes[keep]).first()
    return states_from(counts, first.to_dict())


def states_from(counts: pd.Series, names: dict[str, str]) -> pd.Series:
    """`states_in` from positions per state (holder or target) and display names."""
    order = sorted(counts.index, key=lambda c: (-int(counts[c]), str(c)))
    return pd.Series([names.get(c, c) for c in order], index=pd.Index(order, dtype=object),
                     dtype=object)
