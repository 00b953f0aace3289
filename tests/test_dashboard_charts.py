"""Dashboard figures: timeline marks and spans, fixed colours, escaping, map shading, scale."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard import charts
from dashboard.filters import Filters, filter_tables
from dashboard.model import prepare
from dashboard.synthetic import synthetic_tables
from tests.test_dashboard_model import hand_tables, prepared

ROOT = Path(__file__).resolve().parent.parent


def _traces(fig, kind=None):
    return [t for t in fig.data if kind is None or t.type == kind]


def test_timeline_draws_days_as_points_and_months_years_as_spans():
    v = filter_tables(prepared(), Filters())
    fig, info = charts.timeline_figure(v.events)
    assert info.undated == 1 and info.plotted == 5 and not info.aggregated
    bars = _traces(fig, "bar")
    points = _traces(fig, "scatter")
    assert sum(len(t.y) for t in bars) == 2       # TJK (month) and the bloc (year)
    assert sum(len(t.y) for t in points) == 3     # three day-precision events
    month_bar = next(t for t in bars if "Tajikistan" in list(t.y))
    width_days = month_bar.x[list(month_bar.y).index("Tajikistan")] / 86_400_000
    assert 30 <= width_days <= 31.01               # the whole of July, not one day
    assert list(month_bar.base)[0] == "2019-07-01"
    assert any("2019-07 (month, stated)" in str(row[0]) for row in month_bar.customdata)


def test_points_within_a_few_days_open_on_two_months_not_fractions_of_a_second():
    from dashboard.timeline import MIN_SPAN_DAYS, time_axis

    one_day = pd.to_datetime(pd.Series(["2019-07-12", "2019-07-12"])).to_numpy()
    lo, hi = time_axis(None, slider=False, points=one_day)["range"]
    assert (pd.Timestamp(hi) - pd.Timestamp(lo)).days == MIN_SPAN_DAYS
    assert pd.Timestamp(lo) < pd.Timestamp("2019-07-12") < pd.Timestamp(hi)
    wide = pd.to_datetime(pd.Series(["2019-01-01", "2019-12-31"])).to_numpy()
    assert "range" not in time_axis(None, slider=False, points=wide)  # plotly's own range
    v = filter_tables(prepared(), Filters())
    day_only = v.events[v.events["date_precision"] == "day"].head(1)
    fig, _ = charts.timeline_figure(day_only)
    assert fig.layout.xaxis.range is not None


def test_stance_colours_do_not_shift_when_a_stance_is_filtered_out():
    p = prepared()
    full, _ = charts.timeline_figure(filter_tables(p, Filters()).events)
    only, _ = charts.timeline_figure(filter_tables(p, Filters(stances=("oppose",))).events)
    colours = {t.name: t.marker.color for t in full.data}
    assert {t.name: t.marker.color for t in only.data} == {"oppose": colours["oppose"]}
    assert colours["support"] == charts.STANCE_COLORS["support"]


def test_lane_per_topic():
    fig, info = charts.timeline_figure(filter_tables(prepared(), Filters()).events, "topic")
    lanes = {y for t in fig.data for y in t.y}
    assert lanes == {"xinjiang", "human rights", "press"} and info.lanes == 3


def test_hover_and_lanes_escape_article_text():
    t = hand_tables()
    t.events.loc[0, "text"] = 'Evil <img src=x onerror=alert(1)> & "quotes"'
    t.events.loc[0, "actor"] = "<b>Actor</b>"
    t.events.loc[0, "actor_iso3"] = ""
    fig, _ = charts.timeline_figure(prepare(t).events)
    blob = json.dumps([list(map(str, tr.customdata.ravel())) + list(map(str, tr.y))
                       for tr in fig.data])
    assert "<img" not in blob and "<b>Actor" not in blob
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;quotes&#34;" in blob
    assert "&lt;b&gt;Actor&lt;/b&gt;" in blob


def test_all_undated_gives_an_empty_figure_with_a_count():
    v = filter_tables(prepared(), Filters(files=("b.txt",)))
    fig, info = charts.timeline_figure(v.events)
    assert info.plotted == 0 and info.undated == 1
    assert "1 undated" in fig.layout.annotations[0].text


def test_timeline_aggregates_above_threshold():
    p = prepare(synthetic_tables(3000, seed=3))
    fig, info = charts.timeline_figure(p.events, aggregate_above=1000)
    assert info.aggregated and info.bucket in ("week", "month", "year")
    drawn = sum(int(c) for t in fig.data for c in t.customdata)
    assert drawn == info.plotted == int((p.events["_lo"] > 0).sum())
    assert sum(len(t.x) for t in fig.data) < info.plotted


def test_lanes_beyond_the_limit_are_folded():
    p = prepare(synthetic_tables(500, seed=1))
    fig, info = charts.timeline_figure(p.events, max_lanes=5)
    assert info.lanes == 5 and info.lanes_folded > 0
    assert any(str(y).startswith("(other") for t in fig.data for y in t.y)


def test_map_frame_named_full_implied_light_mixed_and_blocs_left_out():
    v = filter_tables(prepared(), Filters(include_implied=True))
    assert charts.default_target(v.positions) == "CHN"
    m = charts.map_frame(v.positions, "CHN").set_index("iso3")
    assert m.loc["BLR", "shading"] == "named" and m.loc["PAK", "shading"] == "implied"
    assert m.loc["VEN", "shading"] == "implied"
    assert m.loc["KOR", "stance"] == "mixed"          # concern and neutral
    assert "" not in m.index                          # the bloc row has no country
    assert "2019-07-27 (day, stated)" in m.loc["BLR", "hover"]
    assert "a.txt" in m.loc["BLR", "hover"]
    fig = charts.map_figure(m.reset_index(), "CHN", "China")
    chor = _traces(fig, "choropleth")
    light = [t for t in chor if t.colorscale[0][1] == charts.lighten(charts.STANCE_COLORS[
        "support"])]
    assert charts.lighten("#0072B2", 0) == "#0072B2" and charts.lighten("#0072B2", 1) == "#FFFFFF"
    assert {c for t in light for c in t.locations} == {"PAK", "SAU", "QAT", "VEN"}
    assert {c for t in chor for c in t.locations} == set(m.index)


def test_named_position_decides_over_implied_ones():
    t = hand_tables()
    extra = t.positions[t.positions["position_id"] == "p6"].copy()
    extra["position_id"], extra["basis"], extra["stance"] = "p12", "named", "concern"
    t.positions = pd.concat([t.positions, extra], ignore_index=True)
    v = filter_tables(prepare(t), Filters(include_implied=True))
    m = charts.map_frame(v.positions, "CHN").set_index("iso3")
    assert (m.loc["PAK", "stance"], m.loc["PAK", "shading"]) == ("concern", "named")


def test_map_layout_shows_the_whole_world_with_small_states():
    fig = charts.map_figure(charts.map_frame(prepared().positions, "CHN"), "CHN")
    geo = fig.layout.geo
    # 110: static/topojson/world_110m.json, the 50m shapes thinned (every state, small ones too)
    assert geo.scope == "world" and geo.resolution == 110 and geo.fitbounds is False
    assert geo.projection.type == "natural earth" and geo.showframe is False
    assert charts.PLOTLY_CONFIG["topojsonURL"] == "app/static/topojson/"
    for name in ("world_50m", "world_110m"):
        path = ROOT / "static" / "topojson" / f"{name}.json"
        assert path.is_file(), path
    topo = json.loads((ROOT / "static/topojson/world_50m.json").read_text())
    ids = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}
    assert {"SGP", "MLT", "BHR", "BLR", "TJK", "KOR"} <= ids and len(ids) > 200


def test_map_with_no_target_still_draws_the_world():
    fig = charts.map_figure(charts.map_frame(prepared().positions, None))
    assert len(fig.data) == 0 and fig.layout.geo.scope == "world"


def test_map_hover_escapes_names():
    t = hand_tables()
    t.positions.loc[0, "source"] = "<script>x</script>"
    m = charts.map_frame(prepare(t).positions, "CHN")
    assert "<script>" not in " ".join(m["hover"]) and "&lt;script&gt;" in " ".join(m["hover"])


def test_folding_timeline_counts_on_codes_matches_the_groupby():
    from pandas.testing import assert_frame_equal

    from dashboard.timeline import _fold_counts, _fold_counts_grouped

    counts = pd.DataFrame({"lane": ["b", "a", "c", "a", "d", "b", "e"],
                           "period": [3, 1, 2, 1, 5, 3, 1],
                           "stance": ["support", "oppose", "support", "oppose", "none", "concern",
                                      "support"],
                           "n": [2, 1, 7, 4, 1, 1, 3]})
    for max_lanes in (10, 3, 1):
        got, want = _fold_counts(counts, max_lanes), _fold_counts_grouped(counts, max_lanes)
        assert_frame_equal(got[0], want[0])
        assert got[1:] == want[1:]
    with_missing = counts.assign(stance=counts["stance"].where(counts["n"] != 1))
    assert_frame_equal(_fold_counts(with_missing, 3)[0], _fold_counts_grouped(with_missing, 3)[0])


def test_a_frozen_figure_gives_st_plotly_chart_the_same_json_and_is_not_copied():
    import plotly.io as pio
    import plotly.tools

    from dashboard.profile import profile

    v = filter_tables(prepared(), Filters())
    fig, _ = charts.timeline_figure(v.events)  # numbers, dates, escaped text, typed arrays
    counted, _ = charts.timeline_figure(v.events, aggregate_above=0)
    frame = charts.map_frame(v.positions, "CHN")
    p = profile(v, "CHN")
    for original in (fig, counted, charts.map_figure(frame, "CHN", "China <&>"),
                     charts.profile_figure(p.as_holder, p.as_target, "CHN"),
                     charts.relations_figure(pd.DataFrame())):
        ice = charts.frozen(original)
        # what st.plotly_chart does with a figure: to_dict(), then to_json of that dict
        got = plotly.tools.return_figure_from_figure_or_data(ice, validate_figure=True)
        want = plotly.tools.return_figure_from_figure_or_data(original, validate_figure=True)
        assert pio.to_json(got, validate=False) == pio.to_json(want, validate=False)
        assert got is ice.to_dict()  # one dict, no copy per rerun
        assert charts.frozen(ice) is ice
    mixed = charts.raw_figure([dict(  # text arrays: str (kind U) and objects of every sort
        type="scatter", x=np.array(["a", "é<b>"]), y=np.array([1, 2]),
        text=np.array(["x", None, np.int64(3), 2.5, np.nan, True], dtype=object),
        customdata=np.array([[1, "b"], [None, "c"]], dtype=object))], {})
    for original in (mixed,):
        want = plotly.tools.return_figure_from_figure_or_data(original, validate_figure=True)
        assert charts.frozen(original).to_json() == pio.to_json(want, validate=False)
    other = charts.frozen(charts.map_figure(charts.map_frame(v.positions, "CUB"), "CUB"))
    assert other.to_json() != charts.frozen(charts.map_figure(frame, "CHN")).to_json()


def test_numeric_arrays_are_encoded_as_plotly_encodes_them():
    import copy

    from _plotly_utils.utils import convert_to_base64

    big = np.array([0, 2**40], dtype=np.int64)
    arrays = {
        "i8": np.array([1, -3, 100], dtype=np.int64), "i16": np.array([300, -5], dtype=np.int64),
        "i32": np.array([70_000, 1]), "i64": big, "u": np.array([1, 2**20], dtype=np.uint64),
        "ubig": np.array([2**40], dtype=np.uint64), "i4": np.arange(3, dtype=np.int32),
        "f4": np.array([0.5, 1.5], dtype=np.float32), "f8": np.array([0.1, np.nan, 3.0]),
        "f2": np.array([1.0], dtype=np.float16), "b": np.array([True, False]),
        "two_d": np.arange(6.0).reshape(2, 3), "strided": np.arange(10.0)[::3],
        "big_endian": np.array([1.0, 2.0], dtype=">f8"), "empty": np.array([], dtype=float),
        "dates": np.array(["2024-01-02"], dtype="datetime64[D]"),
        "text": np.array(["a", "b"], dtype=object), "range": np.array([1.0, 2.0]),
        "nested": {"marker": {"size": np.array([6.0, 24.0]), "line": {"width": 0.5}}},
        "listed": [{"x": np.array([1, 2])}, (np.array([3.0]),)],
    }
    ours, theirs = copy.deepcopy(arrays), copy.deepcopy(arrays)
    charts._to_base64(ours)
    convert_to_base64(theirs)
    assert charts._plain(ours) == charts._plain(theirs) or json.dumps(
        charts._plain(ours)) == json.dumps(charts._plain(theirs))
    assert ours["i8"] == theirs["i8"] == {"dtype": "i1", "bdata": theirs["i8"]["bdata"]}
    assert ours["two_d"]["shape"] == "2, 3"
