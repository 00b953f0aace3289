"""The news-set scorer's definitions, each on a small hand-made case."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from stance.newsscore import canonical_group, same_group, score_file, score_tables

GOLD = {
    "file": "a.txt",
    "published": ["2021-03-04"], "published_allowed": ["2021-03-05"],
    "events": [{"date": "2021-03"}, {"date": "2021-03-01"}], "events_allowed": ["2020"],
    "positions": [
        {"country_iso3": "CAN", "stance": "concern", "stance_alt": ["oppose"], "toward_iso3": "CHN"},
        {"country_iso3": "CUB", "stance": "support", "toward_iso3": None},
    ],
    "positions_allowed": [{"country_iso3": "CHN"}],
    "claims": [{"count": 39, "qualifier": "exact"}], "claims_allowed": [{"count": 1000}],
    "groups": [{"group": "European Union", "stance": "concern", "toward_iso3": "CHN"}],
    "groups_allowed": [{"group": "United Nations"}],
}


def test_each_category_counts_hits_misses_and_false_rows():
    docs = [{"published": "2021-03-05"}]                       # allowed: neither hit nor false
    events = [{"date": "2021-03-09"}, {"date": "2020-01-01"}, {"date": "2019-05-01"}]
    positions = [
        {"country_iso3": "CAN", "stance": "oppose", "toward_iso3": "CHN", "basis": "signatory"},   # stance_alt
        {"country_iso3": "CUB", "stance": "support", "toward_iso3": "VEN", "basis": "named"},      # any target
        {"country_iso3": "CHN", "stance": "oppose", "toward_iso3": "CAN", "basis": "named"},       # allowed state
        {"country_iso3": "FRA", "stance": "oppose", "toward_iso3": "CHN", "basis": "member_of_group"},  # implied: unscored
        {"country_iso3": "", "group": "EU", "stance": "concern", "toward_iso3": "CHN", "basis": "bloc"},
        {"country_iso3": "", "group": "UN", "stance": "concern", "toward_iso3": "CHN", "basis": "bloc"},
    ]
    claims = [{"count": 39, "qualifier": "exact"}, {"count": 1000, "qualifier": "over"}, {"count": 7}]
    misses: list[str] = []
    t = score_file(GOLD, docs, events, positions, claims, misses)
    assert (t["published"].tp, t["published"].fp, t["published"].fn) == (0, 0, 1)
    assert (t["event dates"].tp, t["event dates"].fp, t["event dates"].fn) == (1, 1, 1)   # 2019-05-01 false
    assert (t["positions"].tp, t["positions"].fp, t["positions"].fn) == (2, 0, 0)
    assert (t["claims"].tp, t["claims"].fp, t["claims"].fn) == (1, 1, 0)                 # 7 is false
    assert (t["groups"].tp, t["groups"].fp, t["groups"].fn) == (1, 0, 0)
    assert any("2019-05-01 not expected" in m for m in misses)


def test_a_wrong_target_is_a_miss_and_a_false_row():
    positions = [{"country_iso3": "CAN", "stance": "concern", "toward_iso3": "RUS", "basis": "named"}]
    t = score_file(GOLD, [], [], positions, [])
    assert (t["positions"].tp, t["positions"].fp, t["positions"].fn) == (0, 1, 2)


def test_bloc_names_and_ids_are_one_bloc():
    assert canonical_group("the European Union") == canonical_group("EU") == "EU"
    assert same_group("ARAB_LEAGUE", "Arab Group")
    assert same_group("GOF_UN_CHARTER", "Group of Friends in Defence of the Charter of the United Nations")
    assert not same_group("AU", "European Union")


def test_overall_is_the_micro_average():
    tables = SimpleNamespace(
        documents=pd.DataFrame([{"file": "dir/a.txt", "published": "2021-03-04"}]),
        events=pd.DataFrame(columns=["file", "date"]), positions=pd.DataFrame(columns=["file"]),
        claims=pd.DataFrame(columns=["file"]))
    t = score_tables(tables, [GOLD])
    assert t["published"].tp == 1
    assert t["overall"].tp == 1 and t["overall"].fn == 2 + 2 + 1 + 1
