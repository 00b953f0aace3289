"""Counts on codes give what the pure pandas functions give."""
from __future__ import annotations

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
