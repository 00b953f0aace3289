"""Names people read instead of codes: states (ISO-3) and groups (bloc and letter ids).

One source for state names: `stance.countries.country_name` (stance/data/states.csv, the same
names the parser writes into the tables), so a state is "Russia" in the CSV, the filter, the
map hover and the tables alike. Groups (the `group` column: bloc ids such as GOF_UN_CHARTER
and letter ids such as XINJIANG_2019_SUPPORT) are named from stance/data/blocs.csv and
letters.csv through `stance.blocs` and `stance.letters`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import pandas as pd


@lru_cache(maxsize=4096)
def iso3_name(code: str) -> str | None:
    """The parser's display name of an ISO 3166 alpha-3 code, or None when unknown."""
    if not code or len(code) != 3:
        return None
    from stance.countries import country_name

    try:
        return country_name(code)
    except KeyError:
        return None


@lru_cache(maxsize=1)
def _group_catalogue() -> dict[str, str]:
    from stance import blocs, letters

    out = {b: blocs.bloc_name(b) for b in blocs.bloc_ids()}
    out.update({lt.id: lt.title for lt in letters.letters()})
    return out


def group_name(code: str) -> str:
    """A bloc's or a letter's name from its id; the text itself when it is no known id."""
    code = str(code or "")
    return _group_catalogue().get(code, code)


def group_names(codes: pd.Series) -> pd.Series:
    """`group_name` of a whole column (one lookup per distinct value)."""
    text = codes.fillna("").astype(str)
    catalogue = _group_catalogue()
    return text.map(lambda c: catalogue.get(c, c)).astype(object)


def name_map(pairs: Iterable[tuple[pd.Series, pd.Series]]) -> dict[str, str]:
    """Map every code seen in (code column, name column) pairs to a display name.

    The parser's state name wins (one source for parser and dashboard); otherwise the most
    frequent name the data gives for the code; otherwise the code itself.
    """
    frames = [pd.DataFrame({"code": c.astype(str), "name": n.astype(str)}) for c, n in pairs]
    if not frames:
        return {}
    both = pd.concat(frames, ignore_index=True)
    both = both[both["code"] != ""]
    if both.empty:
        return {}
    return names_from_counts(both.groupby(["code", "name"]).size().reset_index(name="n"))


def names_from_counts(counts: pd.DataFrame) -> dict[str, str]:
    """`name_map` from rows counted per (code, name) (column n), however they were counted."""
    counts = counts[counts["code"] != ""].sort_values(["code", "name"], kind="stable")
    if counts.empty:
        return {}
    named = counts[counts["name"] != ""].sort_values(["code", "n"], ascending=[True, False],
                                                     kind="stable")
    from_data = named.drop_duplicates("code").set_index("code")["name"].to_dict()
    out: dict[str, str] = {}
    for code in counts["code"].unique():  # one entry per distinct code, not per row
        out[code] = iso3_name(code) or from_data.get(code) or code
    return out


def file_titles(documents: pd.DataFrame) -> dict[str, str]:
    """File -> "title (file)" label for the source filter (the file's first document's title)."""
    from pathlib import Path

    docs = documents[documents["file"] != ""]
    first = docs.drop_duplicates("file").set_index("file")["title"]
    return {f: (f"{t[:60]} ({Path(f).name})" if t else Path(f).name) for f, t in first.items()}
