"""A state's profile (the Country page) from the DuckDB store: counts and lists in SQL, the
same assembly as the pandas path (dashboard.profile)."""
from __future__ import annotations

import pandas as pd

from stance.warehouse import Query

from .names import group_name, group_names
from .profile import Profile, bloc_memberships, counted_from, maybe_groups
from .store_source import LISTED_CLAIMS, PROFILE_ROWS, StoreSource, first_last


def store_profile(src: StoreSource, f: Query, iso3: str) -> Profile:
    """The profile of `iso3` in the view `f` (see dashboard.profile.profile).

    The timeline rows (`as_holder`, `as_target`) are the state's dated positions, at most
    PROFILE_ROWS each way; the claim lists at most LISTED_CLAIMS rows each."""
    wh = src.wh
    cond, p = src.where("positions", f)
    held, received, lo, hi = wh.row(f"""SELECT count(*) FILTER (WHERE country_iso3 = ?),
        count(*) FILTER (WHERE toward_iso3 = ?), min(_lo) FILTER (WHERE _lo > 0),
        max(_lo) FILTER (WHERE _lo > 0) FROM positions
        WHERE {cond} AND (country_iso3 = ? OR toward_iso3 = ?)""", [iso3, iso3, *p, iso3, iso3])
    first, last = first_last(lo, hi)
    blocs = bloc_memberships(iso3, first, last)
    stands = wh.sql(f"""SELECT stance, toward_iso3, count(*) AS n FROM positions WHERE {cond}
        AND country_iso3 = ? AND toward_iso3 <> '' GROUP BY ALL""", [*p, iso3])
    stands["toward"] = [src.names.get(c, c) for c in stands["toward_iso3"]]
    by = wh.sql(f"""SELECT stance, country_iso3, CASE WHEN country_iso3 = '' THEN "group" ELSE '' END AS g,
        count(*) AS n FROM positions WHERE {cond} AND toward_iso3 = ? GROUP BY ALL""", [*p, iso3])
    by["holder"] = [src.names.get(c, c) if c else group_name(g)
                    for c, g in zip(by["country_iso3"], by["g"])]
    roster = wh.sql(f"""SELECT DISTINCT "group" FROM positions WHERE {cond} AND country_iso3 = ?
        AND basis = 'roster'""", [*p, iso3])["group"]
    groups = maybe_groups(blocs, roster)
    cc, pc = src.where("claims", f)
    about = src.fetch("claims", f"{cc} AND toward_iso3 = ?", [*pc, iso3], limit=LISTED_CLAIMS)
    maybe = src.fetch("claims", f"""{cc} AND "group" IN (SELECT unnest(?::VARCHAR[]))
        AND toward_iso3 <> ?""", [*pc, groups, iso3], limit=LISTED_CLAIMS)
    as_holder = src.fetch("positions", f"{cond} AND country_iso3 = ? AND _lo > 0 AND toward_iso3 <> ''",
                          [*p, iso3], limit=PROFILE_ROWS)
    as_target = src.fetch("positions", f"{cond} AND toward_iso3 = ? AND _lo > 0 AND country_iso3 <> ?",
                          [*p, iso3, iso3], limit=PROFILE_ROWS)
    signed = tuple(sorted(set(group_names(pd.Series(list(roster), dtype=object)))))
    return Profile(iso3, as_holder, as_target, counted_from(stands[["stance", "toward", "n"]], "toward"),
                   counted_from(by.loc[by["holder"] != "", ["stance", "holder", "n"]], "holder"),
                   blocs, about, maybe, first, last, int(held), int(received), signed,
                   max(len(as_holder), len(as_target)) >= PROFILE_ROWS)
