"""Counts on codes give what the pure pandas functions give."""
from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal, assert_series_equal

from dashboard import charts, profile, relations, timeline
from dashboard.filters import Filters, filter_tables
from dashboard.frame_counts import pair_counts, state_counts, target_counts, timeline_counts
from dashboard.frame_view import Codes, FrameView
from tests.test_dashboard_model import prepared

VIEWS = [Filters(), Filters(include_implied=True), Filters(stances=("oppose",)),
         Filters(countries=("CHN",)), Filters(search="no-such-words")]


def test_timeline_counts_match_count_events():
    t = prepared()
    codes = Codes(t)
    for f in VIEWS:
        for lane in ("actor", "topic"):
            got = timeline_counts(FrameView(t, codes, f), lane)
            want = timeline.count_events(filter_tables(t, f).events, lane)
            keys = ["lane", "period", "stance"]
            assert_frame_equal(got.counts.sort_values(keys).reset_index(drop=True),
                               want.counts.sort_values(keys).reset_index(drop=True))
            assert (got.bucket, got.undated) == (want.bucket, want.undated)
            assert list(got.days) == list(want.days) and list(got.per_day) == list(want.per_day)


def test_states_and_pairs_match_the_pure_functions():
    t = prepared()
    codes = Codes(t)
    for f in VIEWS:
        view = FrameView(t, codes, f)
        expected = filter_tables(t, f)
        assert_series_equal(profile.states_from(*state_counts(view)), profile.states_in(expected))
        assert_frame_equal(relations.pairs_from_counts(*pair_counts(view)),
                           relations.pairs(expected.positions))


def test_target_counts_match_the_chart_helper():
    t = prepared()
    codes = Codes(t)
    for f in VIEWS:
        assert_series_equal(target_counts(FrameView(t, codes, f)),
                            charts.target_counts(filter_tables(t, f).positions))


def test_a_profile_on_codes_is_the_profile_of_the_filtered_tables():
    from pathlib import Path

    from dashboard.frame_source import FrameSource
    from dashboard.names import name_map

    from dashboard.model import prepare
    from tests.test_dashboard_model import hand_tables

    raw = hand_tables()  # claims made by the letter's signatories and by a bloc, too
    cl = raw.claims
    raw.claims = pd.concat([cl, cl.assign(claim_id=["c3", "c4"], group="letter signatories"),
                            cl.assign(claim_id=["c5", "c6"], group=["NAM", "letter signatories"],
                                      toward_iso3=["USA", "PAK"])], ignore_index=True)
    po = raw.positions
    names = name_map([(po["country_iso3"], po["country"]), (po["toward_iso3"], po["toward"])])
    t = prepare(raw, names)
    source = FrameSource(t, names, "k", Path("."))
    seen = set()
    for f in [*VIEWS, Filters(include_roster=False), Filters(stances=("support",))]:
        expected = filter_tables(t, f)
        for iso3 in ("CHN", "CUB", "USA", "BLR", "TJK", "KOR", "PAK", "VEN"):
            got, want = source.profile(f, iso3), profile.profile(expected, iso3)
            for field in ("stands", "stood_by", "blocs"):
                assert_frame_equal(getattr(got, field), getattr(want, field), check_dtype=False,
                                   obj=field)
            for field in ("claims_about", "claims_maybe"):
                assert_frame_equal(getattr(got, field), getattr(want, field), obj=field)
            assert (got.iso3, got.first, got.last, got.held, got.received, got.signed) == \
                   (want.iso3, want.first, want.last, want.held, want.received, want.signed)
            drawn = charts.profile_figure(got.as_holder, got.as_target, iso3).to_json()
            assert drawn == charts.profile_figure(want.as_holder, want.as_target, iso3).to_json()
            seen.add((f, iso3, drawn, got.stands.to_json(), got.stood_by.to_json()))
    assert len({s[2:] for s in seen}) > 10  # the views and states do differ
    pak = source.profile(Filters(), "PAK")
    assert set(pak.claims_maybe["claim_id"]) == {"c3", "c4", "c5"}  # its letter, NAM
    assert list(pak.claims_about["claim_id"]) == ["c6"]


def test_the_map_frame_on_codes_is_the_map_frame_of_the_filtered_positions():
    from pathlib import Path

    from dashboard.frame_source import FrameSource
    from dashboard.model import prepare
    from dashboard.synthetic import synthetic_tables

    for t in (prepared(), prepare(synthetic_tables(3000, seed=5))):
        source = FrameSource(t, {}, "k", Path("."))
        drawn = set()
        for f in [*VIEWS, Filters(include_roster=False, include_implied=True),
                  Filters(stances=("support", "concern"), include_implied=True)]:
            positions = filter_tables(t, f).positions
            for target in [*charts.target_counts(positions).index[:8], "ZZZ"]:
                got = source.map_frame(f, target)
                assert_frame_equal(got, charts.map_frame(positions, target), obj=target)
                drawn.add(got.to_json())
        assert len(drawn) > 5


def test_the_headline_on_codes_is_the_headline_of_the_filtered_tables():
    from pathlib import Path

    from dashboard import summary
    from dashboard.frame_source import FrameSource

    t = prepared()
    source = FrameSource(t, {}, "k", Path("."))
    seen = set()
    for f in [*VIEWS, Filters(files=("b.txt",)), Filters(include_undated=False)]:
        got = source.headline(f)
        assert got == summary.headline(filter_tables(t, f), t), f
        seen.add(got)
    assert len(seen) > 3
