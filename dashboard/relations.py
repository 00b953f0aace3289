"""Who stands where toward whom: holder x target pairs of the filtered positions.

One count per (holder, target, stance) gives each pair's count per stance; the pair's
stance is the most frequent one (a tie between stances gives "mixed"), so a cell reads as a
leaning while the counts beside it keep every stance visible. Positions of a bloc as a whole
(no holder state) and positions with no target state are left out: they have no cell.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from stance.tables import STANCES

PAIR_COLUMNS = ["holder_iso3", "holder", "target_iso3", "target", "stance", "n", *STANCES]


def pairs(positions: pd.DataFrame) -> pd.DataFrame:
    """One row per (holder, target) pair: names, leaning stance, total and per-stance counts,
    most positions first (ties by holder then target name)."""
    p = positions
    keep = (p["country_iso3"].to_numpy() != "") & (p["toward_iso3"].to_numpy() != "")
    if not keep.any():
        return pd.DataFrame(columns=PAIR_COLUMNS)
    p = p.loc[keep, ["country_iso3", "toward_iso3", "stance", "_country_name", "_toward_name"]]
    counts = (p.groupby(["country_iso3", "toward_iso3", "stance"], observed=True).size()
              .rename("n").reset_index())
    return pairs_from_counts(counts, p.groupby("country_iso3")["_country_name"].first().to_dict(),
                             p.groupby("toward_iso3")["_toward_name"].first().to_dict())


def pairs_from_counts(counts: pd.DataFrame, holder_names: dict[str, str],
                      target_names: dict[str, str]) -> pd.DataFrame:
    """`pairs` from positions counted per (country_iso3, toward_iso3, stance) (column n),
    however they were counted (pandas above, SQL in the store)."""
    if counts.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    wide = counts.pivot_table(index=["country_iso3", "toward_iso3"], columns="stance",
                              values="n", aggfunc="sum", fill_value=0, observed=True)
    for s in STANCES:
        if s not in wide.columns:
            wide[s] = 0
    wide = wide[list(STANCES)].astype("int64")
    values = wide.to_numpy()
    top = values.max(axis=1)
    leaders = (values == top[:, None]).sum(axis=1)
    leaning = np.where(leaders > 1, "mixed", np.array(STANCES, dtype=object)[values.argmax(axis=1)])
    out = wide.reset_index()
    out.columns.name = None
    out.insert(1, "holder", [holder_names.get(c, c) for c in out["country_iso3"]])
    out.insert(3, "target", [target_names.get(c, c) for c in out["toward_iso3"]])
    out["stance"] = leaning
    out["n"] = values.sum(axis=1)
    out = out.rename(columns={"country_iso3": "holder_iso3", "toward_iso3": "target_iso3"})
    out = out.sort_values(["n", "holder", "target"], ascending=[False, True, True])
    return out.loc[:, PAIR_COLUMNS].reset_index(drop=True)


def matrix_pairs(table: pd.DataFrame, max_holders: int = 40,
                 max_targets: int = 25) -> tuple[pd.DataFrame, int, int]:
    """The pairs drawn in the matrix: those among the holders and targets with the most
    positions; also how many holders and targets were left out."""
    if table.empty:
        return table, 0, 0
    by_holder = table.groupby("holder_iso3")["n"].sum().sort_values(ascending=False)
    by_target = table.groupby("target_iso3")["n"].sum().sort_values(ascending=False)
    holders, targets = by_holder.index[:max_holders], by_target.index[:max_targets]
    shown = table[table["holder_iso3"].isin(holders) & table["target_iso3"].isin(targets)]
    return (shown, max(0, len(by_holder) - max_holders), max(0, len(by_target) - max_targets))


def pair_positions(positions: pd.DataFrame, holder: str, target: str) -> pd.DataFrame:
    """The positions behind one cell."""
    return positions[(positions["country_iso3"] == holder) & (positions["toward_iso3"] == target)]
