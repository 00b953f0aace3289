"""Synthetic parser-output tables of any size, for timing the dashboard's data path.

Written here rather than reusing the dashboard's own generator, so the benchmark does not share
its assumptions. Shapes follow what the parser gives on the synthetic corpus: many positions
per event (most implied by bloc membership), a tenth as many claims, ~8% undated rows, mixed
day/month/year precision over ten years, ~60 countries, text columns as pandas `str` (what
`stance.tables.frame` makes). Built with numpy: a million events take a few seconds.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from stance import tables as T

_ISO3 = np.array((
    "CHN USA RUS BEL FRA DEU GBR JPN KOR PRK IND PAK CUB VEN BRA ARG MEX CAN AUS UGA GMB NGA EGY "
    "ZAF KEN ETH IRN TUR SAU ISR BLR UKR POL HUN TJK KAZ KGZ UZB VNM PHL IDN MYS THA MMR LKA NPL "
    "CHE SWE NOR NLD ITA ESP SRB GRC SYR IRQ DZA MAR ZWE NIC").split(), dtype=object)
_GROUPS = np.array(["African Group", "Non-Aligned Movement", "European Union", "Group of 77", "ASEAN",
                    "Arab Group", ""], dtype=object)
_TOPICS = np.array(["human rights", "xinjiang", "hong kong", "taiwan", "trade", "security", "climate",
                    "refugees", ""], dtype=object)
_ACTIONS = np.array(["support", "oppose", "express concern", "say", "urge"], dtype=object)
_SENTENCE = ("The representative of {}, speaking on behalf of a group of countries, voiced support for "
             "the position stated in the joint letter on the issue.")


def _dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """ISO dates with precision: 80% day, 8% month, 4% year, 8% undated."""
    day = np.datetime64("2015-01-01") + rng.integers(0, 3650, n).astype("timedelta64[D]")
    iso = day.astype(str).astype(object)
    prec = rng.choice(np.array(["day", "month", "year", "none"], dtype=object), n, p=[0.8, 0.08, 0.04, 0.08])
    month = prec == "month"
    year = prec == "year"
    iso[month] = np.char.add(day[month].astype("datetime64[M]").astype(str), "-01").astype(object)
    iso[year] = np.char.add(day[year].astype("datetime64[Y]").astype(str), "-01-01").astype(object)
    iso[prec == "none"] = ""
    return iso, prec


def _frame(data: dict, table: str) -> pd.DataFrame:
    """Columns in contract order and dtypes (Int64 for integers, str for text)."""
    n = len(next(iter(data.values())))
    out = {}
    for col in T.COLUMNS[table]:
        value = data.get(col, "")
        if col in T.INT_COLUMNS:
            out[col] = pd.array(np.broadcast_to(value, n) if np.ndim(value) == 0 else value, dtype="Int64")
        else:
            arr = np.broadcast_to(np.asarray(value, dtype=object), n) if np.ndim(value) == 0 else value
            out[col] = pd.Series(arr, dtype=object).astype(str)
    return pd.DataFrame(out)


def synthetic_tables(n_events: int, seed: int = 0, positions_per_event: float = 3.0,
                     events_per_file: int = 20, prefix: str = ""):
    """documents, events, positions, claims with `n_events` events (a stance.Tables).

    `prefix` starts every file name and id, so chunks made with different prefixes (and seeds)
    can be stacked into one larger corpus; each file gets a distinct content hash."""
    from stance.tables import Tables

    rng = np.random.default_rng(seed)
    n_files = max(1, n_events // events_per_file)
    stems = np.char.add(prefix, np.char.zfill(np.arange(n_files).astype(str), 6))
    files = np.char.add(stems, ".txt").astype(object)
    docs = np.char.add(stems, "-1").astype(object)
    pub, _ = _dates(rng, n_files)

    ev_doc = np.sort(rng.integers(0, n_files, n_events))
    ev_id = np.char.add(np.char.add(docs[ev_doc].astype(str), "-e"), np.arange(n_events).astype(str)).astype(object)
    ev_date, ev_prec = _dates(rng, n_events)
    actor = rng.choice(_ISO3, n_events)
    target = rng.choice(_ISO3, n_events)
    topic = rng.choice(_TOPICS, n_events)
    start = rng.integers(0, 3800, n_events)
    text = np.array([_SENTENCE.format(c) for c in _ISO3], dtype=object)
    events = _frame({
        "event_id": ev_id, "doc_id": docs[ev_doc], "file": files[ev_doc], "date": ev_date,
        "date_precision": ev_prec, "date_basis": np.where(ev_prec == "none", "none", "stated").astype(object),
        "actor": actor, "actor_iso3": actor, "action": rng.choice(_ACTIONS, n_events), "target": target,
        "target_iso3": target, "topic": topic, "text": text[rng.integers(0, len(_ISO3), n_events)],
        "start": start, "end": start + 140,
    }, "events")

    n_pos = int(n_events * positions_per_event)
    of = np.sort(rng.integers(0, n_events, n_pos))
    share = {"named": 0.12, "on_behalf_of_group": 0.05, "signatory": 0.03, "bloc": 0.05, "member_of_group": 0.7, "roster": 0.05}
    basis = rng.choice(np.array(T.BASES, dtype=object), n_pos, p=[share[b] for b in T.BASES])
    country = rng.choice(_ISO3, n_pos)
    country[basis == "bloc"] = ""
    group = np.where(basis == "named", "", rng.choice(_GROUPS, n_pos)).astype(object)
    stance = rng.choice(np.array(T.STANCES, dtype=object), n_pos, p=[0.55, 0.25, 0.15, 0.05])
    positions = _frame({
        "position_id": np.char.add(prefix + "p", np.arange(n_pos).astype(str)).astype(object),
        "event_id": ev_id[of], "doc_id": docs[ev_doc[of]], "file": files[ev_doc[of]], "date": ev_date[of],
        "date_precision": ev_prec[of], "country_iso3": country, "country": country, "stance": stance,
        "toward_iso3": target[of], "topic": topic[of], "basis": basis, "group": group,
        "text": text[rng.integers(0, len(_ISO3), n_pos)], "start": start[of], "end": start[of] + 140,
        "toward": target[of], "date_basis": np.where(ev_prec[of] == "none", "none", "stated").astype(object),
        "source": "Synthetic News",
    }, "positions")

    n_claims = max(1, n_events // 10)
    cof = np.sort(rng.integers(0, n_events, n_claims))
    count = rng.integers(10, 150, n_claims)
    claims = _frame({
        "claim_id": np.char.add(prefix + "c", np.arange(n_claims).astype(str)).astype(object),
        "event_id": ev_id[cof], "doc_id": docs[ev_doc[cof]], "file": files[ev_doc[cof]], "date": ev_date[cof],
        "date_precision": ev_prec[cof], "count": count, "qualifier": rng.choice(np.array(T.QUALIFIERS, dtype=object), n_claims),
        "count_low": count, "count_high": count, "subject": "countries",
        "stance": rng.choice(np.array(T.STANCES, dtype=object), n_claims), "toward_iso3": target[cof],
        "topic": topic[cof], "text": "more than 100 countries", "start": start[cof], "end": start[cof] + 23,
        "group": "", "date_basis": np.where(ev_prec[cof] == "none", "none", "stated").astype(object),
    }, "claims")

    documents = _frame({
        "doc_id": docs, "file": files, "title": "Synthetic article", "published": pub,
        "published_basis": np.where(pub == "", "none", "stated").astype(object), "status": "ok",
        "part": 1, "start": 0, "end": 4000, "encoding": "utf-8", "source": "Synthetic News",
        "content_hash": np.char.add("synthetic:", files.astype(str)).astype(object),
    }, "documents")
    return Tables(documents, events, positions, claims)
