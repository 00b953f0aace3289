"""Headline figures of the filtered view."""
from __future__ import annotations

from dataclasses import dataclass

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
    docs = pd.concat([view.events["file"], view.positions["file"], view.claims["file"]],
                     ignore_index=True)
    total = all_tables.documents["file"]
    countries = view.positions["country_iso3"]
    return Headline(
        articles=int(docs[docs != ""].nunique()),
        articles_total=int(total[total != ""].nunique()),
        events=len(view.events),
        undated_events=int((view.events["_lo"] == 0).sum()),
        countries=int(countries[countries != ""].nunique()),
        claims=len(view.claims),
    )
