"""The dashboard on a DuckDB store answers exactly as on the pandas tables of the same corpus.

Each question the pages ask (headline, map, timeline, pairs, a state's profile, paged rows,
downloads) is put to both sources for several filter states, on the sample articles and on
synthetic tables large enough for the aggregated timeline; then the app itself runs on a
store (STANCE_STORE) and shows what it shows on the articles folder.
"""
from __future__ import annotations

import io
from dataclasses import replace
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal
from streamlit.testing.v1 import AppTest

from bench.tables import synthetic_tables
from dashboard.filters import Filters, to_query_params
from dashboard.frame_source import FrameSource
from dashboard.loading import ARTICLES_ENV, article_paths
from dashboard.shell import prepared
from dashboard.source import STORE_ENV
from dashboard.store_source import StoreSource, store_key
from stance import parse_corpus
from stance.warehouse import Warehouse

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
APP = str(ROOT / "app.py")

SAMPLE_VIEWS = [
    Filters(),
    Filters(include_implied=True),
    Filters(include_roster=False, include_undated=False),
    Filters(date_from="2019-07-01", date_to="2019-07-31", include_undated=False),
    Filters(countries=("CHN", "CUB"), stances=("support",)),
    Filters(search="xinjiang", lane="topic"),
    Filters(topics=("xinjiang",), include_implied=True, include_roster=False),
]
SYNTHETIC_VIEWS = [
    Filters(),
    Filters(include_implied=True, stances=("support", "oppose")),
    Filters(date_from="2018-01-01", date_to="2018-12-31", countries=("CHN", "USA")),
    Filters(topics=("human rights", "taiwan"), lane="topic"),
    Filters(files=("000003.txt", "000007.txt"), include_roster=False),
]


def _pair(tmp: Path, raw, ingest) -> tuple[FrameSource, StoreSource]:
    tables, names = prepared(raw)
    frames = FrameSource(tables, names, "pandas", ARTICLES)
    wh = Warehouse(tmp / "s.duckdb")
    ingest(wh)
    store = StoreSource(wh, store_key(wh), ARTICLES)
    store.settle()  # the open-time aggregates answer the unfiltered views
    return frames, store


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    paths = article_paths(ARTICLES)
    frames, store = _pair(tmp_path_factory.mktemp("sample"), parse_corpus(paths),
                          lambda wh: wh.ingest_paths(paths))
    yield frames, store
    store.wh.close()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    raw = synthetic_tables(8000, seed=3)  # > 5000 dated events: the aggregated timeline
    frames, store = _pair(tmp_path_factory.mktemp("synthetic"), raw,
                          lambda wh: wh.ingest_tables(raw, parser_version="synthetic"))
    yield frames, store
    store.wh.close()


def _same_page(a, b) -> None:
    assert len(a) == len(b)
    pa, pb = a.page(1), b.page(1)
    cols = [c for c in pa.columns if c != "_file_code" and c != "_stance_bits"]
    assert_frame_equal(pa[cols].reset_index(drop=True), pb[cols].reset_index(drop=True),
                       check_dtype=False)


def _same_answers(frames: FrameSource, store: StoreSource, f: Filters, states: list[str]) -> None:
    assert store.names == frames.names
    assert store.options == frames.options
    assert store.headline(f) == frames.headline(f)
    targets = frames.targets(f)
    assert_series_equal(store.targets(f), targets, check_dtype=False, check_index_type=False)
    for target in [None, *list(targets.index[:2])]:
        assert_frame_equal(store.map_frame(f, target), frames.map_frame(f, target),
                           check_dtype=False)
        if target:
            assert store.hidden_implied(f, target) == frames.hidden_implied(f, target)
            assert store.bloc_toward(f, target) == frames.bloc_toward(f, target)
    for lane in ("actor", "topic"):
        (fig_s, info_s), (fig_p, info_p) = store.timeline(f, lane), frames.timeline(f, lane)
        assert info_s == info_p and fig_s.to_json() == fig_p.to_json(), lane
    assert store.undated_hidden(f) == frames.undated_hidden(f)
    assert_frame_equal(store.pairs(f), frames.pairs(f), check_dtype=False)
    assert_series_equal(store.states(f), frames.states(f), check_index_type=False)
    for name in ("events", "positions", "claims"):
        _same_page(store.rows(name, f), frames.rows(name, f))
    _same_page(store.undated_events(f), frames.undated_events(f))
    _same_page(store.bloc_positions(f), frames.bloc_positions(f))
    for iso3 in states:
        a, b = store.profile(f, iso3), frames.profile(f, iso3)
        for field in ("stands", "stood_by", "blocs", "claims_about", "claims_maybe"):
            x, y = getattr(a, field), getattr(b, field)
            cols = [c for c in y.columns if c not in ("_file_code",)]
            assert_frame_equal(x.reset_index(drop=True)[cols], y.reset_index(drop=True)[cols],
                               check_dtype=False, obj=field)
        assert (a.first, a.last, a.held, a.received, a.signed) == \
               (b.first, b.last, b.held, b.received, b.signed)
        _same_page(store.state_rows(f, iso3), frames.state_rows(f, iso3))
        pairs = frames.pairs(f)
        for h, t in pairs.loc[pairs["holder_iso3"] == iso3, ["holder_iso3", "target_iso3"]].head(2).values:
            _same_page(store.pair_rows(f, h, t), frames.pair_rows(f, h, t))


@pytest.mark.parametrize("f", SAMPLE_VIEWS)
def test_store_answers_as_pandas_on_the_samples(sample, f: Filters) -> None:
    _same_answers(*sample, f, ["CHN", "CUB", "BLR"])


@pytest.mark.parametrize("f", SYNTHETIC_VIEWS)
def test_store_answers_as_pandas_on_synthetic_tables(synthetic, f: Filters) -> None:
    frames, store = synthetic
    _same_answers(frames, store, f, ["CHN"])
    if not (f.countries or f.topics or f.files):
        assert store.timeline(f, "actor")[1].aggregated  # the SQL counts path is exercised


@pytest.mark.parametrize("f", [Filters(), Filters(countries=("CUB",), include_undated=False),
                               Filters(date_from="2018-01-01", date_to="2018-03-31", countries=("CHN", "USA")),
                               Filters(search="no such words")])
def test_pages_through_growing_row_windows_equal_the_pandas_pages(synthetic, monkeypatch, f: Filters) -> None:
    """Pages are looked for below a growing `_seq` bound: a window far smaller than the view
    (dense and sparse views, deep pages, the last partial page, no rows) still gives the
    pandas path's pages."""
    from dashboard import store_source

    frames, store = synthetic
    monkeypatch.setattr(store_source, "SEQ_WINDOW", 16)
    for rows_s, rows_p in [(store.rows(n, f), frames.rows(n, f)) for n in ("events", "positions", "claims")] + [
            (store.undated_events(f), frames.undated_events(f)), (store.bloc_positions(f), frames.bloc_positions(f))]:
        size = 37
        last = max(1, -(-len(rows_p) // size))
        for number in sorted({n for n in (1, 2, 3, last) if n <= last}):
            got = rows_s.fetch_page(number, size)
            want = rows_p.page(number, size)
            cols = [c for c in want.columns if c not in ("_file_code", "_stance_bits")]
            assert len(got) == len(want) and len(got) == (min(size, len(rows_p) - (number - 1) * size)
                                                          if len(rows_p) else 0)
            assert_frame_equal(got[cols].reset_index(drop=True), want[cols].reset_index(drop=True),
                               check_dtype=False)


@pytest.mark.parametrize("which, f, bucket", [
    ("sample", Filters(), "year"),                     # 1971 to 2024: counts per year
    ("synthetic", Filters(), "month"),
    ("synthetic", Filters(date_from="2018-01-01", date_to="2018-12-31", include_undated=False), "week"),
    ("synthetic", Filters(countries=("CHN",), lane="topic"), "month"),
])
@pytest.mark.parametrize("packed", [True, False])
def test_timeline_counts_agree_at_every_bucket(request, monkeypatch, which, f, bucket, packed) -> None:
    frames, store = request.getfixturevalue(which)
    from dashboard import store_overview, timeline

    monkeypatch.setattr(timeline, "AGGREGATE_ABOVE", 10)
    monkeypatch.setattr(store_overview, "AGGREGATE_ABOVE", 10)
    if not packed:  # lane codes too large to pack beside the period: grouped as three columns
        monkeypatch.setattr(store_overview, "PACK_CODES_BELOW", 0)
    store.ahead.clear()
    for lane in ("actor", "topic"):
        (fig_s, info_s), (fig_p, info_p) = store.timeline(f, lane), frames.timeline(f, lane)
        assert info_s.aggregated and info_s.bucket == bucket
        assert info_s == info_p and fig_s.to_json() == fig_p.to_json(), lane
    store.ahead.clear()


@pytest.mark.parametrize("f", [Filters(), Filters(countries=("CHN",), include_implied=True),
                               Filters(search="no such words")])
def test_store_downloads_equal_the_pandas_downloads(sample, f: Filters) -> None:
    frames, store = sample
    for name in ("events", "positions", "claims"):
        assert store.table_csv(name, f) == frames.table_csv(name, f), name
    query = to_query_params(f)
    got, want = (zipfile.ZipFile(io.BytesIO(s.tables_zip(f, query))) for s in (store, frames))
    assert got.namelist() == want.namelist()
    for member in want.namelist():
        assert got.read(member) == want.read(member), member


def test_store_download_streams_in_batches(synthetic) -> None:
    frames, store = synthetic
    chunks = list(store.wh.iter_csv("positions", Filters(), rows=500,
                                    transform=lambda df, t: df.assign(extra="x")))
    assert len(chunks) > 3 and chunks[0].startswith(b"position_id,")
    assert not any(c.startswith(b"position_id,") for c in chunks[1:])
    back = pd.read_csv(io.BytesIO(b"".join(chunks)), dtype=str, keep_default_na=False)
    assert len(back) == len(frames.rows("positions", Filters())) and set(back["extra"]) == {"x"}


# ---------------------------------------------------------------- the app on a store


def _run(monkeypatch, store: Path | None, page: str, qp: dict | None = None):
    monkeypatch.delenv(ARTICLES_ENV, raising=False)
    if store is None:
        monkeypatch.delenv(STORE_ENV, raising=False)
    else:
        monkeypatch.setenv(STORE_ENV, str(store))
    at = AppTest.from_file(APP, default_timeout=120)
    if qp:
        at.query_params.update(qp)
    at.run()
    at = at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(scope="module")
def store_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("app") / "stance.duckdb"
    with Warehouse(path) as wh:
        wh.ingest_paths(article_paths(ARTICLES))
    return path


def _page_content(at) -> dict:
    return {"metrics": [(m.label, m.value) for m in at.metric],
            "markdown": [m.value for m in at.markdown],
            "subheaders": [s.value for s in at.subheader],
            "captions": [c.value.replace("stance.duckdb", "articles/") for c in at.caption],
            "tables": {d.key: d.value.reset_index(drop=True) for d in at.dataframe},
            "charts": [c.proto.spec for c in at.get("plotly_chart")]}


@pytest.mark.parametrize("page, qp", [("overview", None), ("country", {"country": "CHN"}),
                                      ("relations", {"stance": "support"}),
                                      ("tables", {"q": "xinjiang"})])
def test_app_on_a_store_shows_what_it_shows_on_the_articles(monkeypatch, store_file, page, qp):
    on_store = _page_content(_run(monkeypatch, store_file, page, qp))
    on_frames = _page_content(_run(monkeypatch, None, page, qp))
    for key in ("metrics", "markdown", "subheaders", "captions", "charts"):
        assert on_store[key] == on_frames[key], key
    assert on_store["tables"].keys() == on_frames["tables"].keys()
    for key, table in on_frames["tables"].items():
        assert_frame_equal(on_store["tables"][key], table, check_dtype=False, obj=key)
    if page == "country":
        supporters = next(m for m in on_store["markdown"] if m.startswith("- **Support**"))
        assert "Belarus" in supporters and "Tajikistan" in supporters


def test_many_source_files_are_chosen_by_typing_their_names(monkeypatch, store_file):
    from dashboard import filters

    monkeypatch.setattr(filters, "MAX_FILE_CHOICES", 2)  # the samples' 5 files count as many
    at = _run(monkeypatch, store_file, "overview")
    assert not any(m.label == "Source article" for m in at.sidebar.multiselect)
    name = article_paths(ARTICLES)[1].name
    box = next(t for t in at.sidebar.text_input if t.label == "Source article")
    at = box.set_value(f"{name}, no-such-file.txt").run()
    assert not at.exception
    assert at.query_params.get("file") in (name, [name])
    assert next(m for m in at.metric if m.label == "Articles").value == "1"


UPLOAD = ("Ministers meet in Oslo\n\nOn 14 March 2023 the foreign minister of Norway said "
          "Norway supports the inquiry, while Brazil expressed concern about the timing.\n")


def test_an_upload_on_a_store_is_added_to_the_store(monkeypatch, tmp_path, store_file):
    import shutil

    store = tmp_path / "s.duckdb"
    shutil.copy(store_file, store)
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    monkeypatch.setenv(STORE_ENV, str(store))
    monkeypatch.setenv(ARTICLES_ENV, str(folder))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at = at.switch_page("app_pages/add_articles.py").run()
    assert not at.exception, [e.message for e in at.exception]
    at.get("file_uploader")[0].set_value([("oslo.txt", UPLOAD.encode(), "text/plain")])
    at = at.run()
    assert not at.exception, [e.message for e in at.exception]
    results = next(d.value for d in at.dataframe if "result" in d.value.columns)
    assert results["result"].tolist() == ["stored"], results["message"].tolist()
    assert (folder / "oslo.txt").is_file()
    at = at.switch_page("app_pages/tables.py").run()
    events = next(d for d in at.dataframe if d.key == "table_events").value
    assert "oslo.txt" in set(events["file"])   # the pages read nothing but the store
    at = at.switch_page("app_pages/overview.py").run()  # the store itself holds it now
    assert next(m for m in at.metric if m.label == "Articles").value == str(len(article_paths(ARTICLES)) + 1)


def test_codes_added_after_the_source_opened_are_read_again(tmp_path) -> None:
    from stance.warehouse import Warehouse

    wh = Warehouse(tmp_path / "s.duckdb")
    wh.ingest_tables(synthetic_tables(300, seed=1, prefix="a-"), parser_version="synthetic")
    src = StoreSource(wh, store_key(wh), ARTICLES)
    src.settle()
    more = synthetic_tables(300, seed=2, prefix="b-")
    more.events.loc[:, ["actor", "actor_iso3"]] = [["Atlantis", ""]] * len(more.events)
    wh.ingest_tables(more, parser_version="synthetic")
    code = wh.row("SELECT code FROM lane_codes WHERE actor = 'Atlantis'")[0]
    assert code not in src.codes.lanes.index
    assert src.codes_of("lanes", [code]).loc[code, "actor"] == "Atlantis"
    wh.close()


def _settle(store: StoreSource) -> None:
    """Wait for the work `headline` started in the background (the fixture closes the store)."""
    for future in list(store.ahead._futures.values()):
        future.exception()


NARROW_VARIANTS = [  # views copied into narrow scratch tables (store_source.narrows), with variants
    Filters(date_from="2018-01-01", date_to="2018-12-31", include_implied=True, include_roster=False),
    Filters(countries=("CHN",), include_undated=False, include_implied=True),
    Filters(date_from="2019-01-01", stances=("oppose",)),
    Filters(date_to="2017-06-30", countries=("USA", "CHN"), search="the", lane="topic"),
]


@pytest.mark.parametrize("f", NARROW_VARIANTS)
def test_narrow_views_answer_as_pandas(synthetic, f: Filters) -> None:
    from dashboard.store_source import narrows
    from dashboard.filters import view_query

    frames, store = synthetic
    assert narrows(view_query(f))
    store.ahead.clear()
    _same_answers(frames, store, f, ["CHN"])


@pytest.mark.parametrize("f", [Filters(include_implied=True), Filters(include_roster=False, include_undated=False),
                               Filters(lane="topic", include_implied=True, include_roster=False),
                               Filters(stances=("concern",), include_undated=False, include_roster=False),
                               Filters(stances=("support", "neutral"), lane="topic", include_implied=True),
                               Filters(stances=("oppose", "no such stance"))])
def test_unfiltered_variants_answer_as_pandas(synthetic, f: Filters) -> None:
    """The default view's variants, stance filters included, read the open-time aggregates."""
    from dashboard import store_overview as ov
    from dashboard.filters import view_query

    frames, store = synthetic
    assert store.unfiltered is not None and ov.unfiltered(view_query(f))
    store.ahead.clear()
    _same_answers(frames, store, f, ["CHN"])


def test_an_undated_row_stays_in_every_date_filtered_view(synthetic) -> None:
    """A date range keeps the undated rows unless they are hidden: the narrow copy and its
    residual condition keep them (headline, hidden counts, the undated list)."""
    frames, store = synthetic
    everything = store.headline(Filters())
    assert everything.undated_events > 0
    first = store.undated_events(Filters()).page(1)
    for f in (Filters(date_from="2018-01-01"), Filters(date_to="2016-01-01"),
              Filters(date_from="2030-01-01", date_to="2030-12-31")):
        store.ahead.clear()
        h = store.headline(f)
        assert h.undated_events == everything.undated_events
        assert_frame_equal(store.undated_events(f).page(1), first)
        assert store.undated_hidden(replace(f, include_undated=False)) == everything.undated_events
        assert store.headline(replace(f, include_undated=False)).undated_events == 0
        assert h == frames.headline(f)
        _settle(store)


def test_unfiltered_aggregates_follow_a_second_ingest(tmp_path) -> None:
    """The aggregates are made when a source opens a store version: after a second ingest the
    new source (a new store key, as the dashboard makes) answers as the live queries do."""
    wh = Warehouse(tmp_path / "s.duckdb")
    wh.ingest_tables(synthetic_tables(3000, seed=1, prefix="a-"), parser_version="synthetic")
    before = StoreSource(wh, store_key(wh), ARTICLES)
    before.settle()
    first = before.headline(Filters())
    wh.ingest_tables(synthetic_tables(4000, seed=2, prefix="b-"), parser_version="synthetic")
    src = StoreSource(wh, store_key(wh), ARTICLES)
    src.settle()
    assert src.key != before.key and src.unfiltered is not None
    live = StoreSource(wh, store_key(wh), ARTICLES)
    live.settle()
    live.unfiltered = None  # every answer from the rows
    for f in (Filters(), Filters(include_implied=True), Filters(include_undated=False, include_roster=False),
              Filters(stances=("support", "oppose"), include_implied=True)):
        h = src.headline(f)
        assert h == live.headline(f) and h != first
        assert_series_equal(src.targets(f), live.targets(f))
        for target in list(live.targets(f).index[:3]):
            assert_frame_equal(src.map_frame(f, target), live.map_frame(f, target))
            assert src.hidden_implied(f, target) == live.hidden_implied(f, target)
            assert src.bloc_toward(f, target) == live.bloc_toward(f, target)
        for lane in ("actor", "topic"):
            (a, ia), (b, ib) = src.timeline(f, lane), live.timeline(f, lane)
            assert ia == ib and a.to_json() == b.to_json()
        assert src.undated_hidden(f) == live.undated_hidden(f)
    wh.close()


def test_scratch_tables_of_forgotten_views_are_dropped(synthetic) -> None:
    """A new filter state's copies replace those of the states `ahead` forgot."""
    frames, store = synthetic

    def scratch() -> set[str]:
        return set(store.wh.sql("SELECT table_name FROM duckdb_tables() WHERE database_name = '_scratch'")
                   ["table_name"])

    views = [Filters(countries=("CHN",)), Filters(countries=("USA",)), Filters(date_from="2019-01-01")]
    for f in views:
        store.headline(f)
        store.targets(f)
        _settle(store)
    made = scratch()
    store.ahead.clear()
    store.headline(Filters(countries=("CUB",)))
    store.targets(Filters(countries=("CUB",)))
    _settle(store)
    now = scratch()
    assert {t for t in now if t.startswith("unfiltered_")} == {t for t in made if t.startswith("unfiltered_")}
    assert len(now - made) == 4 and not (now & made) - {t for t in made if t.startswith("unfiltered_")}
