"""Headline figures of the filtered view."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .model import TableSet


@dataclass(frozen=True)
class Headline:
    """Counts shown at the top of the dashboard."""

    articles: int          # articles with at least one event, position or claim in view
    articles_total: int    # articles loaded
    events: int
    undated_events: int
    countries: int         # distinct countries holding a position in view
    claims: int            # unnamed-count claims ("over 100 countries")


def headline(view: TableSet, all_tables: TableSet) -> Headline:
    """Figures for the filtered `view`; `all_tables` gives the number of articles loaded."""
    total = all_tables.documents["file"]
    countries = view.positions["country_iso3"]
    return Headline(
        articles=_files_in(view),
        articles_total=int(total[total != ""].nunique()),
        events=len(view.events),
        undated_events=int((view.events["_lo"] == 0).sum()),
        countries=int(countries[countries != ""].nunique()),
        claims=len(view.claims),
    )


def _files_in(view: TableSet) -> int:
    """Distinct non-empty files over the three row tables (integer codes from
    model.prepare when present: np.unique on ints, not on millions of strings)."""
    frames = (view.events, view.positions, view.claims)
    if all("_file_code" in df.columns for df in frames):
        codes = np.concatenate([df["_file_code"].to_numpy() for df in frames])
        codes = codes[codes >= 0]
        return int(np.count_nonzero(np.bincount(codes))) if len(codes) else 0
    docs = pd.concat([df["file"] for df in frames], ignore_index=True)
    return int(docs[docs != ""].nunique())
