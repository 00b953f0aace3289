"""Dashboard at scale: 100k events filter and draw fast, and the browser gets aggregates."""
from __future__ import annotations

import time

import pytest

from dashboard import charts
from dashboard.filters import Filters, filter_tables
from dashboard.model import prepare
from dashboard.paging import PAGE_SIZE, page
from dashboard.synthetic import synthetic_tables

TARGET_MS = 200   # the goal at 100k rows, measured ~120 ms on a free core
LIMIT_MS = 600    # what the test enforces on a shared, busy CI machine


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
    _view_and_figures(big, f)  # warm-up (plotly validators load lazily)
    best = min(_timed(lambda: _view_and_figures(big, f)) for _ in range(3))
    assert best * 1000 <= LIMIT_MS, f"{best * 1000:.0f} ms (goal {TARGET_MS} ms)"


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


@pytest.mark.slow
def test_big_views_are_aggregated_and_paged(big):
    view, timeline, info, mapfig, frame = _view_and_figures(big, Filters(include_implied=True))
    assert info.aggregated and len(view.events) > charts.AGGREGATE_ABOVE
    points = sum(len(t.x) for t in timeline.data)
    assert points < len(view.events) / 5
    assert sum(int(c) for t in timeline.data for c in t.customdata) == info.plotted
    assert len(frame) <= 250 and frame["n"].sum() > 1000       # one row per country
    assert len(page(view.positions, 3)) == PAGE_SIZE
