"""Dashboard at scale: 100k events filter and draw, and the browser gets aggregates.

How fast is measured by `python -m bench` (dashboard at 10k, 100k, 1M events), never asserted
here: a time limit on a shared machine is a flaky test.
"""
from __future__ import annotations

import pytest

from dashboard import charts
from dashboard.filters import Filters, filter_tables
from dashboard.model import prepare
from dashboard.paging import PAGE_SIZE, page
from dashboard.synthetic import synthetic_tables

@pytest.fixture(scope="module")
def big():
    return prepare(synthetic_tables(100_000, seed=7))


def _view_and_figures(p, f):
    view = filter_tables(p, f)
    timeline, info = charts.timeline_figure(view.events)
    target = charts.default_target(view.positions)
    frame = charts.map_frame(view.positions, target)
    return view, timeline, info, charts.map_figure(frame, target), frame


@pytest.mark.slow
@pytest.mark.parametrize("f", [
    Filters(),
    Filters(include_implied=True, stances=("support", "oppose")),
    Filters(date_from="2018-01-01", date_to="2018-12-31", countries=("CHN", "USA")),
])
def test_filter_and_figures_at_100k_rows(big, f):
    view, timeline, info, mapfig, frame = _view_and_figures(big, f)
    assert len(view.events) and timeline.data and mapfig.data
    assert info.plotted <= len(view.events) and frame["n"].sum() > 0


@pytest.mark.slow
def test_big_views_are_aggregated_and_paged(big):
    view, timeline, info, mapfig, frame = _view_and_figures(big, Filters(include_implied=True))
    assert info.aggregated and len(view.events) > charts.AGGREGATE_ABOVE
    points = sum(len(t.x) for t in timeline.data)
    assert points < len(view.events) / 5
    assert sum(int(c) for t in timeline.data for c in t.customdata) == info.plotted
    assert len(frame) <= 250 and frame["n"].sum() > 1000       # one row per country
    assert len(page(view.positions, 3)) == PAGE_SIZE
