"""The Streamlit app end to end with streamlit.testing.v1.AppTest, on the sample corpus.

Expected values come from the parser's own output (parse_corpus on the same files), never
from numbers written here, so the tests follow the parser as it improves.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import views
from dashboard.downloads import table_csv
from dashboard.filters import Filters, filter_tables
from dashboard.loading import ARTICLES_ENV, article_paths, parse_cache_dir
from dashboard.model import prepare

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 120


@pytest.fixture(scope="module")
def corpus():
    """The sample corpus parsed and prepared directly (the reference for the app's views),
    through the same per-file parse cache the app uses."""
    from stance import parse_corpus

    folder = ROOT / "data" / "articles"
    return prepare(parse_corpus(article_paths(folder), cache_dir=parse_cache_dir(folder)))


@pytest.fixture
def app(monkeypatch):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _chart(at, key: str) -> dict:
    for c in at.get("plotly_chart"):
        if c.proto.id.endswith(f"-{key}"):
            return {"spec": json.loads(c.proto.spec), "config": json.loads(c.proto.config)}
    raise AssertionError(f"no chart {key}")


def _map_locations(at, kind: str | None = None) -> set[str]:
    """Countries drawn on the map; kind "named" (full colour) or "implied" (light)."""
    out: set[str] = set()
    for trace in _chart(at, "map")["spec"]["data"]:
        if trace["type"] != "choropleth":
            continue
        implied = trace["name"].endswith("(implied)")
        if kind is None or (kind == "implied") == implied:
            out.update(trace["locations"])
    return out


def _table(at, name: str):
    return next(d for d in at.dataframe if d.key == f"table_{name}").value


def _dates(at, start: dt.date, end: dt.date):
    at.sidebar.date_input[0].set_value((start, end)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_app_runs_on_the_sample_corpus_and_caches_the_parse(app, corpus):
    labels = [m.label for m in app.metric]
    assert labels == ["Articles", "Events", "Countries with a position", "Unnamed-count claims"]
    assert int(app.metric[1].value) == len(filter_tables(corpus, Filters()).events)
    assert int(app.metric[3].value) == len(corpus.claims)
    for key in ("timeline", "map"):
        chart = _chart(app, key)
        assert chart["config"]["topojsonURL"] == "app/static/topojson/"
        assert chart["spec"]["data"], key
    geo = _chart(app, "map")["spec"]["layout"]["geo"]
    assert geo["fitbounds"] is False and geo["resolution"] == 50 and geo["scope"] == "world"
    assert len(_map_locations(app)) > 0
    calls = views.PARSE_CALLS["n"]
    app.sidebar.checkbox[0].uncheck().run()  # any rerun
    app.sidebar.checkbox[0].check().run()
    assert views.PARSE_CALLS["n"] == calls, "a rerun parsed the corpus again"
    assert not app.exception


def test_july_2019_named_then_roster(app, corpus):
    _dates(app, dt.date(2019, 7, 1), dt.date(2019, 7, 31))
    assert app.query_params.get("from") == "2019-07-01"
    assert app.query_params.get("to") == "2019-07-31"
    undated_on_map = _map_locations(app) - {"BLR", "TJK"}
    undated = corpus.positions[corpus.positions["date"] == ""]
    assert undated_on_map <= set(undated["country_iso3"])   # the undated article, shown by default
    app.sidebar.checkbox[0].uncheck().run()  # include undated: off
    assert _map_locations(app) == {"BLR", "TJK"}
    shown = _table(app, "positions")
    dated = shown[shown["date"] != ""]  # undated rows stay in ("include undated" is on)
    assert set(dated["country_iso3"]) - {""} <= {"BLR", "TJK", "CHN"}
    assert set(dated["date"].str.slice(0, 7)) == {"2019-07"}

    app.sidebar.checkbox[1].check().run()  # include implied bloc members
    roster = corpus.positions[(corpus.positions["basis"] == "roster")
                              & corpus.positions["date"].str.startswith("2019-07")]
    members = set(roster["country_iso3"])
    assert len(members) == 50
    drawn = _map_locations(app)
    assert members <= drawn and drawn - members <= {"BLR", "TJK"}
    assert _map_locations(app, "named") == {"BLR", "TJK"}
    assert app.query_params.get("implied") == "1"


def test_country_filter_matches_holder_or_target(app, corpus):
    app.sidebar.multiselect[0].set_value(["KOR"]).run()
    assert not app.exception
    events = _table(app, "events")
    assert len(events) > 0
    assert ((events["actor_iso3"] == "KOR") | (events["target_iso3"] == "KOR")).all()
    expected = filter_tables(corpus, Filters(countries=("KOR",)))
    assert sorted(events["event_id"]) == sorted(expected.events["event_id"])
    assert app.query_params.get("country") == "KOR"


def test_undated_rows_only_with_include_undated(app, corpus):
    undated_files = set(corpus.events.loc[corpus.events["date"] == "", "file"])
    assert undated_files, "the sample corpus has an undated article"
    assert undated_files <= set(_table(app, "events")["file"])
    assert any("undated events" in e.label for e in app.expander)
    app.sidebar.checkbox[0].uncheck().run()
    for name in ("events", "positions", "claims"):
        assert (_table(app, name)["date"] != "").all(), name
    assert app.query_params.get("undated") == "0"
    assert any("undated events are hidden" in c.value for c in app.caption)


def test_csv_builder_returns_exactly_the_rows_shown(app, corpus):
    _dates(app, dt.date(2019, 7, 1), dt.date(2024, 12, 31))
    app.sidebar.checkbox[1].check().run()
    shown = _table(app, "positions")
    view = filter_tables(corpus, Filters(date_from="2019-07-01", include_implied=True))
    data = table_csv(view.positions, "positions").decode("utf-8").splitlines()
    assert len(data) - 1 == len(shown) == len(view.positions)
    ids = [row[0] for row in csv.reader(data[1:])]  # text cells are quoted
    assert ids == shown["position_id"].tolist()
    labels = [b.label for b in app.get("download_button")]
    assert f"positions.csv ({len(shown):,} rows)" in labels and "All tables (.zip)" in labels


def test_query_params_restore_a_view(monkeypatch):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"from": "2019-07-01", "to": "2019-07-31", "implied": "1",
                            "country": ["BLR", "TJK"], "lane": "topic", "stance": "support"})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.sidebar.date_input[0].value == (dt.date(2019, 7, 1), dt.date(2019, 7, 31))
    assert at.sidebar.multiselect[0].value == ["BLR", "TJK"]
    assert at.sidebar.multiselect[1].value == ["support"]
    assert at.sidebar.checkbox[1].value is True and at.radio[0].value == "topic"
    # the country filter keeps rows held by or aimed at BLR / TJK: the roster members drop out
    assert _map_locations(at) == _map_locations(at, "named") == {"BLR", "TJK"}
    assert at.query_params == {"from": "2019-07-01", "to": "2019-07-31", "implied": "1",
                               "country": ["BLR", "TJK"], "lane": "topic",
                               "stance": "support"}


def test_evidence_shows_the_sentence_at_the_offsets(app, corpus):
    from stance.reading import read_source

    first = _table(app, "events").iloc[0]
    text = read_source(ROOT / "data" / "articles" / first["file"]).text
    sentence = text[int(first["start"]):int(first["end"])]
    highlighted = [m.value for m in app.markdown if ":orange-background[" in m.value]
    assert highlighted
    inner = highlighted[0].split(":orange-background[**", 1)[1].split("**]", 1)[0]
    assert inner.replace("\\", "") == sentence.strip().replace("\n", " ").replace("  ", " ") \
        or inner.replace("\\", "").split()[:6] == sentence.split()[:6]


ARTICLE = ("Ministers meet in Oslo\n\nOn 14 March 2023 the foreign minister of Norway said "
           "Norway supports the inquiry, while Brazil expressed concern about the timing.\n")


def test_upload_adds_an_article_once_and_refuses_junk(monkeypatch, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    monkeypatch.setenv(ARTICLES_ENV, str(folder))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    before = sorted(p.name for p in folder.iterdir())
    at.sidebar.file_uploader[0].set_value(
        [("oslo.txt", ARTICLE.encode(), "text/plain"),
         ("again.md", ARTICLE.encode(), "text/markdown"),
         ("junk.txt", b"\x00\x01\x02\x03" * 50, "text/plain")]).run()
    assert not at.exception, [e.message for e in at.exception]
    after = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert set(after) - set(before) == {"oslo.txt"}          # stored once, junk refused
    assert any("oslo.txt: stored" in s.value for s in at.success)
    assert any("already stored" in i.value for i in at.info)
    assert any("junk.txt" in e.value for e in at.error)
    assert "oslo.txt" in set(_table(at, "events")["file"]) | set(
        _table(at, "positions")["file"]) or "oslo.txt" in at.sidebar.multiselect[3].options
    for name in before:  # nothing already stored was touched
        assert (folder / name).read_bytes() == (ROOT / "data" / "articles" / name).read_bytes()
