"""The Streamlit app end to end with streamlit.testing.v1.AppTest, on the sample corpus: every
page, the filters shared across pages and kept in the link, downloads and uploads.

Expected values come from the parser's own output (parse_corpus on the same files), never
from numbers written here, so the tests follow the parser as it improves; the few story facts
asserted (the July 2019 letter's signatories, China's supporters, Cuba toward China) are what
the sample articles say.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import shell, uploads
from dashboard.downloads import table_csv
from dashboard.filters import Filters, filter_tables
from dashboard.loading import ARTICLES_ENV, article_paths, parse_cache_dir
from dashboard.model import prepare

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 120
PAGES = ("overview", "country", "relations", "tables", "add_articles")
RAW_CODES = ("GOF_UN_CHARTER", "XINJIANG_2019_SUPPORT", "XINJIANG_2019_CRITICS", "COE",
             "AFRICAN_GROUP", "member_of_group")


@pytest.fixture(scope="module")
def corpus():
    """The sample corpus parsed and prepared directly (the reference for the app's views),
    through the same per-file parse cache the app uses."""
    from stance import parse_corpus

    folder = ROOT / "data" / "articles"
    return prepare(parse_corpus(article_paths(folder), cache_dir=parse_cache_dir(folder)))


def _ok(at):
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture
def app(monkeypatch):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    return _ok(AppTest.from_file(APP, default_timeout=TIMEOUT).run())


def _page(at, name: str):
    return _ok(at.switch_page(f"app_pages/{name}.py").run())


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


def _box(at, label: str):
    return next(c for c in at.sidebar.checkbox if c.label == label)


def _multi(at, label: str):
    return next(m for m in at.sidebar.multiselect if m.label == label)


def _texts(at) -> str:
    """Every piece of text on the page outside tables and charts."""
    parts = []
    for kind in ("markdown", "caption", "subheader", "title", "header", "info", "success",
                 "error", "warning", "metric", "selectbox", "multiselect", "checkbox", "radio",
                 "text", "expander"):
        for el in at.get(kind):
            for attr in ("value", "label", "body"):
                v = getattr(el, attr, None)
                if isinstance(v, str):
                    parts.append(v)
            if kind in ("selectbox", "multiselect", "radio"):
                parts.extend(str(o) for o in el.options)
    return "\n".join(parts)


# ---------------------------------------------------------------- every page


def test_every_page_renders_with_names_not_codes(app):
    calls = shell.PARSE_CALLS["n"]
    for name in PAGES:
        at = _page(app, name)
        text = _texts(at).replace("\\_", "_")
        for code in RAW_CODES:
            assert code not in text, (name, code)
        for d in at.dataframe:
            cols = list(d.value.columns)
            if "group" in cols:
                assert "group_name" in cols, (name, d.key)
    assert shell.PARSE_CALLS["n"] == calls, "a page switch parsed the corpus again"


def test_overview_opens_on_the_letter_signatories(app, corpus):
    labels = [m.label for m in app.metric]
    assert labels == ["Articles", "Events", "Countries with a position", "Unnamed-count claims"]
    assert int(app.metric[1].value) == len(filter_tables(corpus, Filters()).events)
    for key in ("timeline", "map"):
        chart = _chart(app, key)
        assert chart["config"]["topojsonURL"] == "app/static/topojson/"
        assert chart["spec"]["data"], key
    # roster-implied positions on by default (light), bloc membership off
    assert _box(app, shell.LABEL_ROSTER).value is True
    assert _box(app, shell.LABEL_MEMBERS).value is False
    po = corpus.positions
    roster = set(po.loc[(po["basis"] == "roster") & (po["toward_iso3"] == "CHN"),
                        "country_iso3"])
    members = set(po.loc[(po["basis"] == "member_of_group") & (po["toward_iso3"] == "CHN"),
                         "country_iso3"])
    drawn = _map_locations(app)
    assert len(drawn) >= 50 and roster <= drawn
    assert not (members - roster - _map_locations(app, "named")) & drawn
    shown = " ".join(c.value for c in app.caption)
    assert "signatories of a known letter" in shown and "Not shown" in shown
    # the timeline opens where the events lie; the whole range is one click away
    xaxis = _chart(app, "timeline")["spec"]["layout"]["xaxis"]
    earliest = min(d for d in corpus.events["date"] if d)
    assert xaxis["range"][0] > earliest
    assert any(b.get("step") == "all" for b in xaxis["rangeselector"]["buttons"])


def test_july_2019_named_then_roster_then_members(app, corpus):
    app.sidebar.date_input[0].set_value((dt.date(2019, 7, 1), dt.date(2019, 7, 31)))
    _box(app, "Include undated").uncheck()
    _ok(app.run())
    assert app.query_params.get("from") == "2019-07-01" and app.query_params.get("undated") == "0"
    po = corpus.positions
    roster = set(po.loc[(po["basis"] == "roster") & po["date"].str.startswith("2019-07"),
                        "country_iso3"])
    assert len(roster) == 50
    assert _map_locations(app, "named") == {"BLR", "TJK"}
    assert roster <= _map_locations(app) <= roster | {"BLR", "TJK"}
    _ok(_box(app, shell.LABEL_ROSTER).uncheck().run())
    assert _map_locations(app) == {"BLR", "TJK"}
    assert app.query_params.get("roster") == "0"
    _ok(_box(app, shell.LABEL_MEMBERS).check().run())
    assert app.query_params.get("implied") == "1"


def test_filters_follow_across_pages_and_into_the_link(app, corpus):
    _ok(_multi(app, "Countries").set_value(["KOR"]).run())
    at = _page(app, "tables")
    assert _multi(at, "Countries").value == ["KOR"]
    events = _table(at, "events")
    expected = filter_tables(corpus, Filters(countries=("KOR",)))
    assert len(events) > 0
    assert sorted(events["event_id"]) == sorted(expected.events["event_id"])
    assert at.query_params.get("country") == "KOR"


def test_search_filters_every_table(monkeypatch, corpus):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"q": "xinjiang"})
    _ok(at.run())
    assert at.sidebar.text_input[0].value == "xinjiang"
    at = _page(at, "tables")
    for name in ("events", "positions"):
        rows = _table(at, name)
        expected = filter_tables(corpus, Filters(search="xinjiang"))
        assert len(rows) == len(getattr(expected, name)) > 0
        assert rows["text"].str.lower().str.contains("xinjiang").all()
    assert at.query_params.get("q") == "xinjiang"


def test_undated_rows_only_with_include_undated(app, corpus):
    at = _page(app, "tables")
    undated_files = set(corpus.events.loc[corpus.events["date"] == "", "file"])
    assert undated_files and undated_files <= set(_table(at, "events")["file"])
    _ok(_box(at, "Include undated").uncheck().run())
    for name in ("events", "positions", "claims"):
        assert (_table(at, name)["date"] != "").all(), name
    assert at.query_params.get("undated") == "0"


def test_downloads_are_exactly_the_rows_shown_with_group_names(app, corpus):
    at = _page(app, "tables")
    shown = _table(at, "positions")
    view = filter_tables(corpus, Filters())
    data = table_csv(view.positions, "positions").decode("utf-8").splitlines()
    header = data[0].split(",")
    assert header[header.index("group") + 1] == "group_name"
    assert len(data) - 1 == len(shown) == len(view.positions)
    ids = [row[0] for row in csv.reader(data[1:])]  # text cells are quoted
    assert ids == shown["position_id"].tolist()
    assert "Group of Friends in Defense of the UN Charter" in "\n".join(data)
    labels = [b.label for b in at.get("download_button")]
    assert f"positions.csv ({len(shown):,} rows)" in labels and "All tables (.zip)" in labels


def test_the_running_app_gives_built_downloads_a_grace(monkeypatch):
    """Each run installs the grace on the server's media file manager (tests/
    test_dashboard_download_grace.py shows what it keeps), so a CSV built on click is still
    there when the browser fetches it while other sessions rerun."""
    from dashboard import download_grace

    managers = []
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    monkeypatch.setattr(download_grace, "install", lambda m, **kw: managers.append(m) or True)
    _ok(AppTest.from_file(APP, default_timeout=TIMEOUT).run())
    assert managers and all(hasattr(m, "execute_deferred") for m in managers)


def test_query_params_restore_a_view(monkeypatch):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    qp = {"from": "2019-07-01", "to": "2019-07-31", "implied": "1", "roster": "0",
          "country": ["BLR", "TJK"], "lane": "topic", "stance": "support"}
    at.query_params.update(qp)
    _ok(at.run())
    assert at.sidebar.date_input[0].value == (dt.date(2019, 7, 1), dt.date(2019, 7, 31))
    assert _multi(at, "Countries").value == ["BLR", "TJK"]
    assert _multi(at, "Stance").value == ["support"]
    assert _box(at, shell.LABEL_MEMBERS).value is True
    assert _box(at, shell.LABEL_ROSTER).value is False and at.radio[0].value == "topic"
    assert _map_locations(at) == _map_locations(at, "named") == {"BLR", "TJK"}
    assert at.query_params == qp


# ---------------------------------------------------------------- country and relations


def test_country_page_from_a_link_lists_chinas_supporters(monkeypatch, corpus):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"country": "CHN"})
    at = _page(_ok(at.run()), "country")
    assert at.selectbox[0].value == "CHN"
    others = next(m.value for m in at.markdown if m.value.startswith("- **Support**")
                  and "Belarus" in m.value)
    supporters = others.split("\n")[0]
    assert "Belarus" in supporters and "Tajikistan" in supporters
    assert any(s.value == "Others toward China" for s in at.subheader)
    evidence = _table(at, "country")
    po = corpus.positions
    assert len(evidence) == int(((po["country_iso3"] == "CHN") | (po["toward_iso3"] == "CHN"))
                                .sum() - (po["basis"] == "member_of_group")
                                [(po["country_iso3"] == "CHN") | (po["toward_iso3"] == "CHN")]
                                .sum())
    assert _chart(at, "country_timeline")["spec"]["data"]


def test_cached_figures_follow_the_filter_state(app):
    """Figures are cached (serialized once) per filter state: another state draws another
    figure, and coming back to a state draws exactly what it drew the first time."""
    at = _page(app, "country")
    _ok(_multi(at, "Countries").set_value(["CHN"]).run())

    def drawn(stances):
        _ok(_multi(at, "Stance").set_value(stances).run())
        return {key: json.dumps(_chart(at, key)["spec"], sort_keys=True)
                for key in ("country_timeline",)}

    support, concern, both = drawn(["support"]), drawn(["concern"]), drawn([])
    assert support != concern and support != both and concern != both
    assert drawn(["support"]) == support and drawn([]) == both
    _page(at, "overview")  # (the map keeps the target last chosen: its timeline only)
    overview = json.dumps(_chart(at, "timeline")["spec"], sort_keys=True)
    _ok(_multi(at, "Stance").set_value(["oppose"]).run())
    assert json.dumps(_chart(at, "timeline")["spec"], sort_keys=True) != overview
    _ok(_multi(at, "Stance").set_value([]).run())
    assert json.dumps(_chart(at, "timeline")["spec"], sort_keys=True) == overview


def test_country_picker_sets_the_filter(app):
    at = _page(app, "country")
    _ok(at.selectbox[0].set_value("CUB").run())
    assert _multi(at, "Countries").value == ["CUB"]
    assert at.query_params.get("country") == "CUB"
    assert any(s.value == "Cuba toward others" for s in at.subheader)


def test_map_click_opens_the_clicked_states_country_page(app):
    """What the map's click callback leaves behind (Countries = the state, open flag) makes the
    next run switch to that state's Country page, and the link names it."""
    from dashboard import views

    assert views.clicked_state({"selection": {"points": [{"location": "CUB", "z": 1}]}}) == "CUB"
    assert views.clicked_state({"selection": {"points": []}}) is None
    assert views.clicked_state(None) is None
    drawn = next(c for c in app.get("plotly_chart") if c.proto.id.endswith("-map"))
    assert list(drawn.proto.selection_mode)  # a click on the map selects a state
    app.session_state[shell.K_COUNTRIES] = ["CUB"]
    app.session_state[views.K_OPEN_COUNTRY] = True
    at = _ok(app.run())
    assert any(t.value == "Country" for t in at.title)
    assert at.selectbox[0].value == "CUB"
    assert at.query_params.get("country") == "CUB"
    assert any(s.value == "Cuba toward others" for s in at.subheader)
    assert views.K_OPEN_COUNTRY not in at.session_state


def test_relations_cell_cuba_china_is_support(app, corpus):
    at = _page(app, "relations")
    cells = {}
    for trace in _chart(at, "relations")["spec"]["data"]:
        for data in trace["customdata"]:
            cells[(data[0], data[1])] = trace["name"]
    assert cells[("CUB", "CHN")] == "support"
    pairs = next(d for d in at.dataframe if d.key == "relations_pairs").value
    row = pairs[(pairs["holder"] == "Cuba") & (pairs["target"] == "China")].iloc[0]
    assert row["stance"] == "support" and row["support"] > row["oppose"]


def test_evidence_shows_the_sentence_at_the_offsets(app):
    from stance.reading import read_source

    at = _page(app, "tables")
    first = _table(at, "events").iloc[0]
    text = read_source(ROOT / "data" / "articles" / first["file"]).text
    sentence = text[int(first["start"]):int(first["end"])]
    highlighted = [m.value for m in at.markdown if ":orange-background[" in m.value]
    assert highlighted
    inner = highlighted[0].split(":orange-background[**", 1)[1].split("**]", 1)[0]
    assert inner.replace("\\", "").split()[:6] == sentence.split()[:6]


# ---------------------------------------------------------------- uploads


ARTICLE = ("Ministers meet in Oslo\n\nOn 14 March 2023 the foreign minister of Norway said "
           "Norway supports the inquiry, while Brazil expressed concern about the timing.\n")


@pytest.fixture
def own_corpus(monkeypatch, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    monkeypatch.setenv(ARTICLES_ENV, str(folder))
    return folder


def test_upload_several_files_parsed_once_and_junk_refused(own_corpus, monkeypatch):
    import stance.pipeline as pipeline

    folder = own_corpus
    at = _page(_ok(AppTest.from_file(APP, default_timeout=TIMEOUT).run()), "add_articles")
    before = sorted(p.name for p in folder.iterdir())
    parsed: list[str] = []
    real = pipeline.parse_rows
    monkeypatch.setattr(pipeline, "parse_rows",
                        lambda src, *a, **k: parsed.append(src.file) or real(src, *a, **k))
    at.get("file_uploader")[0].set_value(
        [("oslo [x](javascript:alert(1)).txt", ARTICLE.encode(), "text/plain"),
         ("again.md", ARTICLE.encode(), "text/markdown"),
         ("junk.txt", b"\x00\x01\x02\x03" * 50, "text/plain")])
    _ok(at.run())
    after = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    new = set(after) - set(before)
    assert len(new) == 1                                   # stored once, junk refused
    results = next(d.value for d in at.dataframe if "result" in d.value.columns)
    assert results["result"].tolist() == ["stored", "duplicate", "rejected"]
    assert any("junk.txt" in e.value.replace("\\", "") for e in at.error)
    assert not any("](javascript" in s.value for s in at.success)   # names shown as text
    assert parsed == [], f"the corpus reload parsed {parsed} again"   # parsed once, cached
    at = _page(at, "tables")
    assert new <= set(_table(at, "events")["file"]) | set(_table(at, "positions")["file"])
    for name in before:  # nothing already stored was touched
        if (folder / name).is_file():
            assert (folder / name).read_bytes() == (ROOT / "data/articles" / name).read_bytes()


def test_upload_over_the_parse_budget_is_refused(own_corpus, monkeypatch):
    monkeypatch.setattr(uploads, "PARSE_BUDGET_S", 0.0)
    at = _page(_ok(AppTest.from_file(APP, default_timeout=TIMEOUT).run()), "add_articles")
    before = sorted(p.name for p in own_corpus.iterdir())
    at.get("file_uploader")[0].set_value([("slow.txt", ARTICLE.encode(), "text/plain")])
    _ok(at.run())
    assert sorted(p.name for p in own_corpus.iterdir()) == before
    assert any("too long to parse" in e.value and "Nothing was stored" in e.value
               for e in at.error)
