"""Synthetic tables of any size, for timing the dashboard's filter and figure code.

The rows follow the column contract and look like parser output (mixed date precisions,
undated rows, implied roster positions, blocs, claims) but carry no meaning. Built with numpy,
so a million rows take about a second.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from stance.tables import BASES, COLUMNS, INT_COLUMNS, STANCES, TABLE_NAMES

from .model import TableSet

_ISO3 = ("CHN", "USA", "RUS", "BLR", "TJK", "KOR", "PRK", "CUB", "VEN", "UGA", "GMB", "BEL",
         "FRA", "DEU", "GBR", "IND", "PAK", "IRN", "SAU", "EGY", "NGA", "BRA", "MEX", "JPN",
         "SGP", "MLT", "BHR", "QAT", "KAZ", "UZB")
_TOPICS = ("human rights", "xinjiang", "trade", "security", "migration", "climate", "")
_PRECISIONS = np.array(["day"] * 6 + ["month"] * 2 + ["year", "none"])


def _dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    days = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, n), unit="D")
    iso = np.asarray(days.strftime("%Y-%m-%d"), dtype=object)
    prec = rng.choice(_PRECISIONS, n)
    iso = np.where(prec == "month", np.char.add(iso.astype(str).astype("U7"), "-01"), iso)
    iso = np.where(prec == "year", np.char.add(iso.astype(str).astype("U4"), "-01-01"), iso)
    iso = np.where(prec == "none", "", iso)
    return iso.astype(object), prec.astype(object)


def synthetic_tables(n_events: int, seed: int = 0, n_files: int = 500) -> TableSet:
    """About n_events events, 2x positions, 0.1x claims, over n_files articles."""
    rng = np.random.default_rng(seed)
    files = np.array([f"{i:05d}_synthetic.txt" for i in range(n_files)], dtype=object)
    iso = np.array(_ISO3, dtype=object)
    names = {c: c.title() for c in _ISO3}

    ev_file = rng.choice(files, n_events)
    ev_date, ev_prec = _dates(rng, n_events)
    actor = rng.choice(iso, n_events)
    target = rng.choice(iso, n_events)
    event_id = np.char.add("e", np.arange(n_events).astype(str)).astype(object)
    events = pd.DataFrame({
        "event_id": event_id, "doc_id": ev_file, "file": ev_file, "date": ev_date,
        "date_precision": ev_prec, "date_basis": np.where(ev_prec == "none", "none", "stated"),
        "actor": pd.Series(actor).map(names).to_numpy(), "actor_iso3": actor,
        "action": rng.choice(np.array(["support", "oppose", "express concern", "say"],
                                      dtype=object), n_events),
        "target": pd.Series(target).map(names).to_numpy(), "target_iso3": target,
        "topic": rng.choice(np.array(_TOPICS, dtype=object), n_events),
        "text": "Synthetic sentence that stands for the evidence of one event.",
        "start": rng.integers(0, 3000, n_events), "end": 0,
    })
    events["end"] = events["start"] + 60

    n_pos = 2 * n_events
    pick = rng.integers(0, n_events, n_pos)
    country = rng.choice(iso, n_pos)
    share = {"named": 0.45, "on_behalf_of_group": 0.1, "signatory": 0.05, "bloc": 0.05, "member_of_group": 0.15, "roster": 0.2}
    basis = rng.choice(np.array(BASES, dtype=object), n_pos, p=[share[b] for b in BASES])
    country = np.where(basis == "bloc", "", country)
    positions = pd.DataFrame({
        "position_id": np.char.add("p", np.arange(n_pos).astype(str)).astype(object),
        "event_id": event_id[pick], "doc_id": ev_file[pick], "file": ev_file[pick],
        "date": ev_date[pick], "date_precision": ev_prec[pick], "country_iso3": country,
        "country": pd.Series(country).map(names).fillna("").to_numpy(),
        "stance": rng.choice(np.array(STANCES, dtype=object), n_pos),
        "toward_iso3": target[pick], "topic": events["topic"].to_numpy()[pick],
        "basis": basis, "group": np.where(np.isin(basis, ["named"]), "", "Some Group"),
        "text": "Synthetic evidence.", "start": events["start"].to_numpy()[pick],
        "end": events["end"].to_numpy()[pick],
        "toward": pd.Series(target[pick]).map(names).to_numpy(), "date_basis": "stated",
        "source": "Synthetic Times",
    })
    n_cl = max(1, n_events // 10)
    pick = rng.integers(0, n_events, n_cl)
    count = rng.integers(5, 150, n_cl)
    claims = pd.DataFrame({
        "claim_id": np.char.add("c", np.arange(n_cl).astype(str)).astype(object),
        "event_id": event_id[pick], "doc_id": ev_file[pick], "file": ev_file[pick],
        "date": ev_date[pick], "date_precision": ev_prec[pick], "count": count,
        "qualifier": rng.choice(np.array(["over", "nearly", "exact"], dtype=object), n_cl),
        "count_low": count, "count_high": count, "subject": "countries",
        "stance": rng.choice(np.array(STANCES, dtype=object), n_cl),
        "toward_iso3": target[pick], "topic": events["topic"].to_numpy()[pick],
        "text": "Over a hundred countries said so.", "start": 0, "end": 10, "group": "",
        "date_basis": "stated",
    })
    documents = pd.DataFrame({
        "doc_id": files, "file": files, "title": "Synthetic article", "published": "",
        "published_basis": "none", "status": "ok", "error": "", "part": 1, "start": 0,
        "end": 4000, "encoding": "utf-8", "source": "Synthetic Times", "url": "",
        "content_hash": "", "warning": "",
    })
    out = []
    for name, df in zip(TABLE_NAMES, (documents, events, positions, claims)):
        for col in COLUMNS[name]:
            if col in INT_COLUMNS:
                df[col] = df[col].astype("Int64")
        out.append(df.loc[:, COLUMNS[name]])
    return TableSet(*out)
