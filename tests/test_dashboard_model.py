"""Dashboard model: hand-made tables (shared by the dashboard tests) and derived columns."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from dashboard.model import (STANCE_BITS, as_tableset, date_periods, event_stances, prepare,
                             public, stance_bits)
from dashboard.names import name_map
from stance.tables import COLUMNS, frame

NAMES = {"BLR": "Belarus", "TJK": "Tajikistan", "KOR": "South Korea", "CHN": "China",
         "CUB": "Cuba", "VEN": "Venezuela", "PAK": "Pakistan", "SAU": "Saudi Arabia",
         "QAT": "Qatar", "USA": "United States"}


def _doc(file: str, title: str, published: str = "") -> dict:
    return {"doc_id": file[:1] + "-1", "file": file, "title": title, "published": published,
            "status": "ok", "part": 1, "start": 0, "end": 500, "encoding": "utf-8"}


def _event(eid, file, date, prec, actor, iso, target, tiso, topic, text, action="said"):
    return {"event_id": eid, "doc_id": file[:1] + "-1", "file": file, "date": date,
            "date_precision": prec, "date_basis": "stated" if date else "none", "actor": actor,
            "actor_iso3": iso, "action": action, "target": target, "target_iso3": tiso,
            "topic": topic, "text": text, "start": 0, "end": len(text)}


def _pos(pid, eid, file, date, prec, iso, stance, tiso, basis, topic, group=""):
    return {"position_id": pid, "event_id": eid, "doc_id": file[:1] + "-1", "file": file,
            "date": date, "date_precision": prec, "country_iso3": iso,
            "country": NAMES.get(iso, ""), "stance": stance, "toward_iso3": tiso,
            "topic": topic, "basis": basis, "group": group, "text": f"{pid} evidence",
            "start": 10, "end": 20, "toward": NAMES.get(tiso, ""),
            "date_basis": "stated" if date else "none", "source": "Test Wire"}


def hand_tables() -> SimpleNamespace:
    """A small corpus in the shape of stance.Tables, written by hand for these tests.

    a.txt: July 2019 letter (BLR named on a day, TJK named for the month, 3 roster members).
    b.txt: undated; South Korea concerned about China.
    c.txt: September 2024 (Cuba for a group, Venezuela implied as a member) and a 2021
           bloc statement by a group with no single country; Cuba also opposes the USA.
    """
    docs = [_doc("a.txt", "Envoys back letter"), _doc("b.txt", "Defectors row"),
            _doc("c.txt", "Council session", "2024-09-25")]
    events = [
        _event("e1", "a.txt", "2019-07-27", "day", "Belarus", "BLR", "China", "CHN",
               "xinjiang", "Belarus backed China on Xinjiang.", "support"),
        _event("e2", "a.txt", "2019-07-01", "month", "Tajikistan", "TJK", "China", "CHN",
               "xinjiang", "Tajikistan said in July it stood with China.", "support"),
        _event("e3", "b.txt", "", "none", "South Korea", "KOR", "China", "CHN", "defectors",
               "Seoul voiced concern over forced returns.", "concern"),
        _event("e4", "c.txt", "2024-09-24", "day", "Cuba", "CUB", "China", "CHN",
               "human rights", "Cuba, for nearly 80 countries, backed China.", "support"),
        _event("e5", "c.txt", "2021-01-01", "year", "the bloc", "", "China", "CHN",
               "press", "The bloc raised concerns in 2021.", "concern"),
        _event("e6", "c.txt", "2024-09-24", "day", "Cuba", "CUB", "United States", "USA",
               "human rights", "Cuba rejected US pressure.", "oppose"),
    ]
    positions = [
        _pos("p1", "e1", "a.txt", "2019-07-27", "day", "BLR", "support", "CHN", "named",
             "xinjiang"),
        _pos("p2", "e2", "a.txt", "2019-07-01", "month", "TJK", "support", "CHN", "named",
             "xinjiang"),
        _pos("p3", "e3", "b.txt", "", "none", "KOR", "concern", "CHN", "named", "defectors"),
        _pos("p4", "e4", "c.txt", "2024-09-24", "day", "CUB", "support", "CHN",
             "on_behalf_of_group", "human rights", "group of about 80"),
        _pos("p5", "e4", "c.txt", "2024-09-24", "day", "VEN", "support", "CHN",
             "member_of_group", "human rights", "group of about 80"),
        _pos("p6", "e1", "a.txt", "2019-07-27", "day", "PAK", "support", "CHN", "roster",
             "xinjiang", "letter signatories"),
        _pos("p7", "e1", "a.txt", "2019-07-27", "day", "SAU", "support", "CHN", "roster",
             "xinjiang", "letter signatories"),
        _pos("p8", "e1", "a.txt", "2019-07-27", "day", "QAT", "support", "CHN", "roster",
             "xinjiang", "letter signatories"),
        _pos("p9", "e5", "c.txt", "2021-01-01", "year", "", "concern", "CHN", "bloc", "press",
             "the bloc"),
        _pos("p10", "e6", "c.txt", "2024-09-24", "day", "CUB", "oppose", "USA", "named",
             "human rights"),
        _pos("p11", "e3", "b.txt", "", "none", "KOR", "neutral", "CHN", "named", "defectors"),
    ]
    claims = [
        {"claim_id": "c1", "event_id": "e4", "doc_id": "c-1", "file": "c.txt",
         "date": "2024-09-24", "date_precision": "day", "count": 100, "qualifier": "over",
         "count_low": 101, "count_high": None, "subject": "countries", "stance": "support",
         "toward_iso3": "CHN", "topic": "human rights", "text": "Over 100 countries agreed.",
         "start": 0, "end": 26, "group": "", "date_basis": "stated"},
        {"claim_id": "c2", "event_id": "e1", "doc_id": "a-1", "file": "a.txt",
         "date": "2019-07-27", "date_precision": "day", "count": 50, "qualifier": "exact",
         "count_low": 50, "count_high": 50, "subject": "ambassadors", "stance": "support",
         "toward_iso3": "CHN", "topic": "xinjiang", "text": "Ambassadors of 50 countries.",
         "start": 0, "end": 28, "group": "", "date_basis": "stated"},
    ]
    return SimpleNamespace(documents=frame(docs, COLUMNS["documents"]),
                           events=frame(events, COLUMNS["events"]),
                           positions=frame(positions, COLUMNS["positions"]),
                           claims=frame(claims, COLUMNS["claims"]))


def prepared():
    """hand_tables() prepared the way the app prepares parser output."""
    t = hand_tables()
    names = name_map([(t.positions["country_iso3"], t.positions["country"]),
                      (t.positions["toward_iso3"], t.positions["toward"]),
                      (t.events["actor_iso3"], t.events["actor"])])
    return prepare(t, names)


def test_date_periods_cover_day_month_year_and_undated():
    date = pd.Series(["2019-07-27", "2019-07-01", "2021-01-01", "", "2019-02", "1999",
                      "not a date"])
    prec = pd.Series(["day", "month", "year", "none", "month", "year", "day"])
    lo, hi, t0 = date_periods(date, prec)
    assert lo.tolist() == [20190727, 20190701, 20210101, 0, 20190201, 19990101, 0]
    assert hi.tolist() == [20190727, 20190731, 20211231, 0, 20190231, 19991231, 0]
    assert str(t0[1].date()) == "2019-07-01" and pd.isna(t0[3]) and pd.isna(t0[6])


def test_event_stance_is_single_mixed_or_none():
    t = hand_tables()
    stance, bits = event_stances(t.events, t.positions, t.claims)
    by_id = dict(zip(t.events["event_id"], stance))
    assert by_id["e1"] == "support"          # named, roster and claim all support
    assert by_id["e3"] == "mixed"            # concern and neutral
    assert by_id["e6"] == "oppose"
    bit = dict(zip(t.events["event_id"], bits))
    assert bit["e3"] == STANCE_BITS["concern"] | STANCE_BITS["neutral"]
    assert stance_bits(["support", "oppose"]) == STANCE_BITS["support"] | STANCE_BITS["oppose"]


def test_event_without_positions_has_no_stance():
    t = hand_tables()
    t.positions = t.positions[t.positions["event_id"] != "e6"]
    stance, bits = event_stances(t.events, t.positions, t.claims)
    assert dict(zip(t.events["event_id"], stance))["e6"] == "none"
    assert dict(zip(t.events["event_id"], bits))["e6"] == 0


def test_prepare_adds_hidden_columns_and_public_cuts_them():
    p = prepared()
    assert {"_lo", "_hi", "_t0", "_stance", "_stance_bits", "_actor_name"} <= set(p.events)
    assert p.positions["_implied"].sum() == 4  # VEN member + 3 roster
    assert list(public(p.positions, "positions").columns) == COLUMNS["positions"]
    assert p.events.loc[p.events["event_id"] == "e3", "_actor_name"].item() == "South Korea"


def test_as_tableset_fills_missing_columns():
    t = hand_tables()
    t.claims = t.claims.drop(columns=["group", "count"])
    ts = as_tableset(t)
    assert list(ts.claims.columns[:len(COLUMNS["claims"])]) != []
    assert set(COLUMNS["claims"]) <= set(ts.claims.columns)
    assert ts.claims["group"].tolist() == ["", ""]


def test_name_map_prefers_common_names_and_falls_back_to_data():
    codes = pd.Series(["KOR", "KOR", "XKX", ""])
    text = pd.Series(["Korea", "Republic of Korea", "Kosovo", "someone"])
    names = name_map([(codes, text)])
    assert names["KOR"] == "South Korea"
    assert names["XKX"] == "Kosovo"
    assert "" not in names


def test_progress_reporter_moves_in_whole_percents_and_clears():
    from dashboard.loading import progress_reporter

    class Bar:
        def __init__(self, value, text):
            self.calls, self.cleared = [(value, text)], False

        def progress(self, value, text):
            self.calls.append((value, text))

        def empty(self):
            self.cleared = True

    bars = []
    update, clear = progress_reporter(lambda v, text: bars.append(Bar(v, text)) or bars[-1], 1000, min_files=50)
    for done in range(1001):
        update(done, 1000, done * 2)
    clear()
    bar = bars[0]
    assert len(bar.calls) == 1 + 101 and bar.calls[-1] == (1.0, "Parsed 1,000 of 1,000 files (2,000 articles)")
    assert bar.calls[0] == (0.0, "Parsing 1,000 files…") and bar.cleared
    assert progress_reporter(lambda *a, **k: 1 / 0, 10, min_files=50)[0] is None  # no bar for a few files
