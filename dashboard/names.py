"""ISO-3 code -> the short name people use ("South Korea", not "Korea, Republic of")."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import pandas as pd


@lru_cache(maxsize=4096)
def iso3_name(code: str) -> str | None:
    """Common name of an ISO 3166 alpha-3 code from pycountry, or None when unknown."""
    if not code or len(code) != 3:
        return None
    try:
        import pycountry
    except ImportError:  # names then come from the data only
        return None
    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def name_map(pairs: Iterable[tuple[pd.Series, pd.Series]]) -> dict[str, str]:
    """Map every code seen in (code column, name column) pairs to a display name.

    pycountry's common name wins (stable across articles); otherwise the most frequent name the
    data gives for the code; otherwise the code itself.
    """
    frames = [pd.DataFrame({"code": c.astype(str), "name": n.astype(str)}) for c, n in pairs]
    if not frames:
        return {}
    both = pd.concat(frames, ignore_index=True)
    both = both[both["code"] != ""]
    if both.empty:
        return {}
    counts = both.groupby(["code", "name"]).size().reset_index(name="n")
    counts = counts[counts["name"] != ""].sort_values(["code", "n"], ascending=[True, False])
    from_data = counts.drop_duplicates("code").set_index("code")["name"].to_dict()
    out: dict[str, str] = {}
    for code in both["code"].unique():  # one entry per distinct code, not per row
        out[code] = iso3_name(code) or from_data.get(code) or code
    return out
