"""Dashboard filters: pure pandas filtering and the query-param round trip."""
from __future__ import annotations

import datetime as dt

from dashboard.filters import (Filters, filter_tables, from_query_params, options_from,
                               to_query_params, with_dates)
from tests.test_dashboard_model import prepared


def _codes(df, col="country_iso3"):
    return sorted(set(df[col]) - {""})


def test_options_span_the_data():
    opts = options_from(prepared())
    assert opts.date_min == "2019-07-01"
    assert opts.date_max == "2024-09-24"
    assert {"BLR", "TJK", "KOR", "CHN", "USA", "PAK"} <= set(opts.countries)
    assert opts.files == ("a.txt", "b.txt", "c.txt")
    assert "xinjiang" in opts.topics and "" not in opts.topics


def test_default_view_keeps_undated_and_roster_and_hides_bloc_members():
    v = filter_tables(prepared(), Filters())
    assert len(v.events) == 6
    assert _codes(v.positions) == ["BLR", "CUB", "KOR", "PAK", "QAT", "SAU", "TJK"]
    assert "VEN" not in _codes(v.positions)             # implied by bloc membership: off
    assert "p9" in set(v.positions["position_id"])  # bloc rows are not "implied"


def test_july_2019_gives_belarus_and_tajikistan_only():
    f = Filters(date_from="2019-07-01", date_to="2019-07-31", include_undated=False,
                include_roster=False)
    v = filter_tables(prepared(), f)
    assert _codes(v.positions) == ["BLR", "TJK"]
    assert sorted(v.events["event_id"]) == ["e1", "e2"]
    assert v.claims["claim_id"].tolist() == ["c2"]


def test_month_precision_row_overlaps_a_range_inside_its_month():
    f = Filters(date_from="2019-07-10", date_to="2019-07-12", include_undated=False)
    v = filter_tables(prepared(), f)
    assert _codes(v.positions) == ["TJK"]  # July 2019 overlaps 10-12 July; the 27th does not


def test_year_precision_row_matches_any_day_of_its_year():
    f = Filters(date_from="2021-06-01", date_to="2021-06-01", include_undated=False)
    v = filter_tables(prepared(), f)
    assert v.events["event_id"].tolist() == ["e5"]


def test_roster_and_bloc_members_are_separate_switches():
    f = Filters(date_from="2019-07-01", date_to="2019-07-31", include_undated=False)
    v = filter_tables(prepared(), f)
    assert _codes(v.positions) == ["BLR", "PAK", "QAT", "SAU", "TJK"]  # roster on by default
    members = filter_tables(prepared(), Filters(include_implied=True, include_roster=False))
    assert "VEN" in _codes(members.positions)
    assert not {"PAK", "QAT", "SAU"} & set(_codes(members.positions))


def test_search_keeps_rows_whose_sentence_has_every_word():
    p = prepared()
    v = filter_tables(p, Filters(search="  P6   EVIDENCE "))
    assert v.positions["position_id"].tolist() == ["p6"]
    assert filter_tables(p, Filters(search="no-such-words")).events.empty
    assert len(filter_tables(p, Filters(search="(")).events) == 0  # literal, not a regex


def test_undated_rows_only_with_include_undated():
    p = prepared()
    off = filter_tables(p, Filters(include_undated=False))
    on = filter_tables(p, Filters(include_undated=True))
    assert "b.txt" not in set(off.events["file"]) | set(off.positions["file"])
    assert "KOR" in set(on.positions["country_iso3"])
    assert len(on.events) - len(off.events) == 1


def test_country_matches_holder_or_target():
    p = prepared()
    usa = filter_tables(p, Filters(countries=("USA",)))
    assert usa.positions["position_id"].tolist() == ["p10"]  # USA only as a target
    assert usa.events["event_id"].tolist() == ["e6"]
    assert usa.claims.empty
    chn = filter_tables(p, Filters(countries=("CHN",)))
    assert len(chn.claims) == 2 and "e6" not in set(chn.events["event_id"])


def test_stance_filter_applies_to_events_through_their_positions():
    v = filter_tables(prepared(), Filters(stances=("concern",)))
    assert sorted(v.events["event_id"]) == ["e3", "e5"]
    assert set(v.positions["stance"]) == {"concern"}
    assert v.claims.empty


def test_topic_and_source_filters():
    p = prepared()
    v = filter_tables(p, Filters(topics=("xinjiang",)))
    assert set(v.events["topic"]) == {"xinjiang"}
    v = filter_tables(p, Filters(files=("c.txt",)))
    assert set(v.events["file"]) == {"c.txt"} and v.documents["file"].tolist() == ["c.txt"]


def test_query_params_round_trip():
    opts = options_from(prepared())
    f = Filters(date_from="2019-07-02", date_to="2019-07-31", countries=("BLR", "TJK"),
                stances=("support",), topics=("xinjiang",), files=("a.txt",),
                include_undated=False, include_implied=True, include_roster=False,
                search="joint letter", lane="topic", target="CHN")
    qp = to_query_params(f)
    assert qp["country"] == ["BLR", "TJK"] and qp["undated"] == "0" and qp["implied"] == "1"
    assert qp["roster"] == "0" and qp["q"] == "joint letter"
    back = from_query_params({k: v if isinstance(v, list) else [v] for k, v in qp.items()},
                             opts)
    assert back == f


def test_default_view_has_empty_query_and_bad_values_are_ignored():
    opts = options_from(prepared())
    assert to_query_params(Filters()) == {}
    f = from_query_params({"from": ["yesterday"], "country": ["blr", "ZZZ", "<x>"],
                           "stance": ["SUPPORT", "angry"], "lane": ["nonsense"],
                           "implied": ["maybe"], "target": ["ZZZ"], "file": ["../etc/x"]},
                          opts)
    assert f == Filters(countries=("BLR",), stances=("support",))


def test_query_dates_at_the_data_bounds_mean_no_restriction():
    opts = options_from(prepared())
    f = from_query_params({"from": ["2000-01-01"], "to": ["2030-01-01"]}, opts)
    assert f.date_from is None and f.date_to is None
    f = from_query_params({"from": ["2024-01-01"], "to": ["2019-08-01"]}, opts)
    assert (f.date_from, f.date_to) == ("2019-08-01", "2024-01-01")  # swapped


def test_half_picked_date_range_does_not_break():
    opts = options_from(prepared())
    f = with_dates(Filters(), (dt.date(2020, 1, 1),), opts)
    assert (f.date_from, f.date_to) == ("2020-01-01", None)
    assert with_dates(Filters(), (), opts) == Filters()
    assert with_dates(Filters(), None, opts) == Filters()
    full = with_dates(Filters(), (dt.date(2019, 7, 1), dt.date(2024, 9, 24)), opts)
    assert (full.date_from, full.date_to) == (None, None)
    v = filter_tables(prepared(), f)
    assert set(v.events["event_id"]) == {"e3", "e4", "e5", "e6"}
