"""The DuckDB store: ingest by content (idempotent, one transaction) and the SQL query layer."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from bench.tables import synthetic_tables
from stance import parse_corpus
from stance import tables as T
from stance.warehouse import IngestError, Query, Warehouse, default_path

ARTICLE = ("GENEVA, 3 March 2021 - China said it opposes the resolution on Xinjiang. The European Union "
           "expressed concern about the situation. Cuba supported China.\n")


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    _write(folder, "a.txt", ARTICLE)
    _write(folder, "b.txt", ARTICLE.replace("3 March 2021", "5 May 2022").replace("opposes", "supports"))
    _write(folder, "c.txt", "Nothing to see here, only weather.\n")
    return folder


def _all(wh: Warehouse) -> list[pd.DataFrame]:
    return [wh.frame(name, Query(include_implied=True)) for name in T.COLUMNS]


def test_default_path_is_under_the_data_folder(tmp_path: Path) -> None:
    assert default_path(tmp_path / "data") == tmp_path / "data" / "stance.duckdb"


def test_ingest_holds_what_the_parser_gives_and_is_idempotent(tmp_path: Path, corpus: Path) -> None:
    expected = parse_corpus([corpus])
    with Warehouse(tmp_path / "s.duckdb") as wh:
        first = wh.ingest_paths([corpus])
        assert sorted(first.added) == ["a.txt", "b.txt", "c.txt"] and first.duplicates == ()
        for got, want in zip(_all(wh), expected):
            assert_frame_equal(got, want.reset_index(drop=True))
        before = _all(wh)
        again = wh.ingest_paths([corpus])
        assert again.added == () and sorted(again.duplicates) == ["a.txt", "b.txt", "c.txt"]
        assert again.rows == (0, 0, 0, 0)
        for got, want in zip(_all(wh), before):
            assert_frame_equal(got, want)
    with Warehouse(tmp_path / "s.duckdb") as wh:  # persisted in the file
        assert wh.counts()["documents"] == len(expected.documents)


def test_a_copy_in_another_folder_is_a_duplicate_and_a_namesake_gets_a_distinct_id(tmp_path: Path, corpus: Path) -> None:
    other = tmp_path / "other"
    _write(other, "a.txt", ARTICLE)  # same bytes as articles/a.txt
    _write(other, "c.txt", "Japan condemned the launch by North Korea on 2 June 2020.\n")  # new bytes, same name
    with Warehouse(tmp_path / "s.duckdb") as wh:
        wh.ingest_paths([corpus])
        report = wh.ingest_paths([other])
        assert report.duplicates == ("a.txt",) and report.added == ("c.txt",)
        ids = wh.frame("documents")["doc_id"]
        assert ids.is_unique and "c~2-1" in set(ids)
        assert wh.frame("events")["event_id"].is_unique


def test_unreadable_files_are_reported_and_the_rest_added(tmp_path: Path, corpus: Path) -> None:
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    with Warehouse(tmp_path / "s.duckdb") as wh:
        report = wh.ingest_paths([corpus, tmp_path / "missing.txt"])
        assert {f for f, _ in report.unreadable} == {"bad.txt", "missing.txt"}
        assert len(report.added) == 3


def test_a_failed_ingest_leaves_the_store_as_it_was(tmp_path: Path, corpus: Path, monkeypatch) -> None:
    new = tmp_path / "new"
    _write(new, "d.txt", ARTICLE.replace("China", "Russia"))
    with Warehouse(tmp_path / "s.duckdb") as wh:
        wh.ingest_paths([corpus])
        before = _all(wh)
        files_before = wh.sql("SELECT * FROM files ORDER BY content_hash")
        real = Warehouse._insert_rows

        def half_then_fail(cur) -> None:  # documents and events go in, then the disk "fills up"
            cur.execute("INSERT INTO documents BY NAME SELECT * FROM _new_documents")
            raise OSError("No space left on device")

        monkeypatch.setattr(Warehouse, "_insert_rows", staticmethod(half_then_fail))
        with pytest.raises(IngestError, match="store unchanged"):
            wh.ingest_paths([new])
        for got, want in zip(_all(wh), before):
            assert_frame_equal(got, want)
        assert_frame_equal(wh.sql("SELECT * FROM files ORDER BY content_hash"), files_before)
        monkeypatch.setattr(Warehouse, "_insert_rows", staticmethod(real))
        assert wh.ingest_paths([new]).added == ("d.txt",)  # and the file is not marked as stored


def test_content_of_another_parser_version_is_parsed_again_and_replaced(tmp_path: Path, corpus: Path) -> None:
    with Warehouse(tmp_path / "s.duckdb") as wh:
        wh.ingest_paths([corpus], parser_version="old")
        n = wh.counts()
        report = wh.ingest_paths([corpus], parser_version="new")
        assert len(report.added) == 3 and wh.counts() == n
        assert set(wh.sql("SELECT parser_version FROM files")["parser_version"]) == {"new"}
        assert wh.frame("documents")["doc_id"].is_unique


# ---------------------------------------------------------------------------------- queries


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Warehouse, object]:
    t = synthetic_tables(3000, seed=5)
    wh = Warehouse(tmp_path_factory.mktemp("wh") / "s.duckdb")
    report = wh.ingest_tables(t, parser_version="synthetic")
    assert report.rows == tuple(len(df) for df in t)
    assert wh.ingest_tables(t, parser_version="synthetic").rows == (0, 0, 0, 0)  # idempotent
    yield wh, t
    wh.close()


def _period(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Reference date periods (independent of the SQL): YYYYMMDD of first and last day."""
    lo, hi = [], []
    for date, prec in zip(df["date"], df["date_precision"]):
        if not date:
            lo.append(0), hi.append(0)
        elif prec == "year" or len(date) == 4:
            lo.append(int(date[:4]) * 10000 + 101), hi.append(int(date[:4]) * 10000 + 1231)
        elif prec == "month" or len(date) == 7:
            base = int(date[:4]) * 10000 + int(date[5:7]) * 100
            lo.append(base + 1), hi.append(base + 31)
        else:
            v = int(date[:10].replace("-", ""))
            lo.append(v), hi.append(v)
    return np.array(lo), np.array(hi)


def _reference(t, q: Query) -> dict[str, int]:
    out = {"documents": len(t.documents) if not q.files else int(t.documents["file"].isin(q.files).sum())}
    event_stances = pd.concat([t.positions[["event_id", "stance"]], t.claims[["event_id", "stance"]]])
    for name in ("events", "positions", "claims"):
        df = getattr(t, name)
        lo, hi = _period(df)
        keep = lo > 0
        if q.date_from:
            keep &= hi >= int(q.date_from.replace("-", ""))
        if q.date_to:
            keep &= lo <= int(q.date_to.replace("-", ""))
        if q.include_undated:
            keep |= lo == 0
        if q.files:
            keep &= df["file"].isin(q.files).to_numpy()
        if q.topics:
            keep &= df["topic"].isin(q.topics).to_numpy()
        if q.countries:
            cols = {"events": ["actor_iso3", "target_iso3"], "positions": ["country_iso3", "toward_iso3"],
                    "claims": ["toward_iso3"]}[name]
            keep &= np.logical_or.reduce([df[c].isin(q.countries).to_numpy() for c in cols])
        if q.stances:
            if name == "events":
                ok = set(event_stances.loc[event_stances["stance"].isin(q.stances), "event_id"])
                keep &= df["event_id"].isin(ok).to_numpy()
            else:
                keep &= df["stance"].isin(q.stances).to_numpy()
        if q.search:
            low = df["text"].str.lower()
            for word in q.search.lower().split():
                keep &= low.str.contains(word, regex=False).to_numpy()
        if name == "positions" and not q.include_implied:
            keep &= (df["basis"] != "member_of_group").to_numpy()
        if name == "positions" and not q.include_roster:
            keep &= (df["basis"] != "roster").to_numpy()
        out[name] = int(keep.sum())
    return out


QUERIES = [
    Query(),
    Query(include_implied=True),
    Query(date_from="2018-01-01", date_to="2018-12-31", include_undated=False),
    Query(date_from="2018-03-15", date_to="2018-03-15"),
    Query(countries=("CHN", "USA"), stances=("oppose",)),
    Query(stances=("support", "concern"), topics=("taiwan",), include_implied=True),
    Query(files=("000003.txt", "000007.txt")),
    Query(include_roster=False),
    Query(include_implied=True, include_roster=False, search="REPRESENTATIVE of chn"),
]


@pytest.mark.parametrize("q", QUERIES)
def test_filters_match_a_pandas_reference(synthetic, q: Query) -> None:
    wh, t = synthetic
    assert wh.counts(q) == _reference(t, q)


def test_map_stances_named_positions_decide(tmp_path: Path) -> None:
    rows = [  # (country, stance, basis)
        ("FRA", "support", "named"), ("FRA", "oppose", "member_of_group"),       # named decides: support
        ("DEU", "support", "member_of_group"), ("DEU", "oppose", "roster"),      # implied only, two: mixed
        ("ITA", "concern", "named"), ("ITA", "oppose", "named"),                 # two named: mixed
        ("", "support", "bloc"),                                                 # no country: not drawn
    ]
    positions = pd.DataFrame([{"position_id": f"x-1-p{i}", "event_id": "x-1-e1", "doc_id": "x-1", "file": "x.txt",
                               "date": "2020-01-02", "date_precision": "day", "country_iso3": c, "country": c,
                               "stance": s, "toward_iso3": "CHN", "basis": b} for i, (c, s, b) in enumerate(rows)])
    docs = pd.DataFrame([{"doc_id": "x-1", "file": "x.txt", "status": "ok", "content_hash": "h"}])
    from stance.tables import Tables

    tables = Tables(T.frame(docs.to_dict("records"), T.DOCUMENT_COLUMNS), T.empty("events"),
                    T.frame(positions.to_dict("records"), T.POSITION_COLUMNS), T.empty("claims"))
    with Warehouse(tmp_path / "s.duckdb") as wh:
        wh.ingest_tables(tables)
        got = wh.map_stances(Query(include_implied=True), "CHN").set_index("iso3")
        assert got.loc["FRA", ["stance", "shading", "n"]].tolist() == ["support", "named", 2]
        assert got.loc["DEU", ["stance", "shading", "n"]].tolist() == ["mixed", "implied", 2]
        assert got.loc["ITA", "stance"] == "mixed"
        assert "" not in got.index and len(got) == 3
        named_only = Query(include_roster=False)  # implied rows filtered out: FRA, ITA
        assert wh.map_stances(named_only, "CHN")["iso3"].tolist() == ["FRA", "ITA"]
        assert wh.map_stances(Query(), "CHN")["iso3"].tolist() == ["DEU", "FRA", "ITA"]  # roster on
        lines = wh.map_lines(Query(include_implied=True), "CHN", per_country=1)
        assert lines["country_iso3"].tolist() == ["DEU", "FRA", "ITA"]
        assert lines.set_index("country_iso3").loc["FRA", "basis"] == "named"
        assert wh.default_target(Query()) == "CHN"


@pytest.mark.parametrize("q", QUERIES[:3] + QUERIES[7:])
def test_map_hover_rows_from_packed_keys_equal_the_ranked_rows(synthetic, monkeypatch, q: Query) -> None:
    """The hover rows picked by packed (implied, first day, row) keys are the rows a window
    ranking picks (the path taken when row numbers are too large to pack)."""
    wh, _ = synthetic
    for target in ("USA", "CHN"):
        packed = wh.map_view(q, target, per_country=3)
        with monkeypatch.context() as m:
            m.setattr(Warehouse, "_seq_bits", lambda self, table: None)
            ranked = wh.map_view(q, target, per_country=3)
        assert len(packed[1]) and packed[1]["country_iso3"].value_counts().max() <= 3
        assert_frame_equal(packed[0], ranked[0])
        assert_frame_equal(packed[1], ranked[1])
    assert wh.map_lines(q, "USA", 2, columns=["stance", "file"]).columns.tolist() == ["file", "stance"]


def test_timeline_counts_every_dated_event_once(synthetic) -> None:
    wh, t = synthetic
    q = Query(countries=("CHN", "RUS", "USA"))
    frame, info = wh.timeline(q, max_lanes=3)
    counts = wh.counts(q)
    assert info["dated"] + info["undated"] == counts["events"]
    assert int(frame["n"].sum()) == info["dated"]
    assert frame["lane"].nunique() <= 3 and info["bucket"] == "month"
    assert set(frame["stance"]) <= {*T.STANCES, "mixed", "none"}
    yearly, yinfo = wh.timeline(q, lane="topic", bucket="year")
    assert int(yearly["n"].sum()) == info["dated"] and yinfo["bucket"] == "year"
    assert (pd.to_datetime(yearly["period"]).dt.dayofyear == 1).all()


def test_pages_are_ordered_slices_of_the_view(synthetic) -> None:
    wh, t = synthetic
    q = Query(stances=("support",))
    whole = wh.frame("positions", q)
    p1, p3 = wh.page("positions", q, 1, 50), wh.page("positions", q, 3, 50)
    assert_frame_equal(p1, whole.iloc[:50].reset_index(drop=True))
    assert_frame_equal(p3, whole.iloc[100:150].reset_index(drop=True))
    assert list(p1.columns) == T.POSITION_COLUMNS
    assert wh.page("positions", q, 10_000, 50).empty


def test_csv_streams_in_chunks_and_is_neutralised(synthetic, tmp_path: Path) -> None:
    wh, t = synthetic
    q = Query(countries=("CHN",))
    chunks = list(wh.iter_csv("events", q, rows=20))
    assert len(chunks) > 2 and chunks[0].startswith(b"event_id,") and not chunks[1].startswith(b"event_id")
    back = pd.read_csv(io.BytesIO(b"".join(chunks)), dtype=str, keep_default_na=False)
    whole = wh.frame("events", q)
    assert back["event_id"].tolist() == whole["event_id"].tolist()
    empty = b"".join(wh.iter_csv("claims", Query(countries=("XXX",))))
    assert empty.decode().strip() == ",".join(T.CLAIM_COLUMNS)


def test_csv_cells_that_look_like_formulas_are_quoted(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    _write(folder, "f.txt", '=HYPERLINK("http://x") GENEVA, 3 March 2021 - China said it opposes the resolution.\n')
    with Warehouse(tmp_path / "s.duckdb") as wh:
        wh.ingest_paths([folder])
        back = pd.read_csv(io.BytesIO(b"".join(wh.iter_csv("events", Query()))), dtype=str)
        assert len(back) and back["text"].str.startswith("'=HYPERLINK").all()


def test_zip_holds_the_four_tables_of_the_view(synthetic) -> None:
    wh, t = synthetic
    q = Query(date_from="2019-01-01", date_to="2019-06-30")
    archive = zipfile.ZipFile(io.BytesIO(wh.zip_bytes(q, rows=200)))
    assert archive.namelist() == ["documents.csv", "events.csv", "positions.csv", "claims.csv"]
    events = pd.read_csv(archive.open("events.csv"), dtype=str, keep_default_na=False)
    assert len(events) == wh.counts(q)["events"]


def test_options_span_the_data(synthetic) -> None:
    wh, t = synthetic
    opts = wh.options()
    assert opts["date_min"] >= "2015-01-01" and opts["date_max"] <= "2024-12-31"
    assert "CHN" in opts["countries"] and "" not in opts["countries"]
    assert set(opts["topics"]) == set(t.events["topic"]) - {""}


@pytest.mark.parametrize("old", [1, 2])
def test_an_older_store_is_upgraded_when_opened_for_writing(tmp_path: Path, corpus: Path, old: int) -> None:
    path = tmp_path / "old.duckdb"
    with Warehouse(path) as wh:
        wh.ingest_paths([corpus])
        want = [wh.counts(q) for q in QUERIES]
        want_map = [wh.map_view(q, "CHN") for q in QUERIES]
        want_rows = [wh.frame(t, Query(include_implied=True)) for t in T.COLUMNS]
    import duckdb

    con = duckdb.connect(str(path))  # make it look like a store written before the integer codes
    for table, cols in (("events", ["_st", "_lane", "_topic", "_file"]), ("positions", ["_file", "_country", "_toward"]),
                        ("claims", ["_file"])):
        for col in cols:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
    for dictionary in ("lane_codes", "topic_codes", "file_codes", "country_codes"):
        con.execute(f"DROP TABLE {dictionary}")
    if old == 1:  # and before positions._kind
        con.execute("ALTER TABLE positions DROP COLUMN _kind")
    con.execute(f"UPDATE meta SET value = '{old}' WHERE key = 'format'")
    con.close()
    with pytest.raises(IngestError, match=f"format-{old} store"):
        Warehouse(path, read_only=True)
    with Warehouse(path) as wh:
        assert wh.format() == 3
    with Warehouse(path, read_only=True) as wh:
        assert [wh.counts(q) for q in QUERIES] == want
        for got, expected in zip((wh.map_view(q, "CHN") for q in QUERIES), want_map):
            assert_frame_equal(got[0], expected[0])
            assert_frame_equal(got[1], expected[1])
            assert got[2] == expected[2]
        for got, expected in zip((wh.frame(t, Query(include_implied=True)) for t in T.COLUMNS), want_rows):
            assert_frame_equal(got, expected)
        assert wh.row("SELECT bool_and(_seq = rowid) FROM positions")[0]


def _codes_hold_the_values(wh: Warehouse) -> None:
    """Every row's integer codes name its own values in the dictionaries ('' is 0, NULL -1)."""
    def reserved(col: str, code: str, d: str, value: str) -> str:
        return (f"NOT (CASE WHEN {col} IS NULL THEN {code} = -1 WHEN {col} = '' THEN {code} = 0 "
                f"ELSE {code} = (SELECT dd.code FROM {d} dd WHERE dd.{value} = r.{col}) END)")

    checks = {
        "events": ["(SELECT count(*) FROM lane_codes l WHERE l.code = r._lane AND l.actor_iso3 IS NOT DISTINCT FROM "
                   "r.actor_iso3 AND l.actor IS NOT DISTINCT FROM r.actor) <> 1",
                   "(SELECT count(*) FROM topic_codes t WHERE t.code = r._topic AND t.topic IS NOT DISTINCT FROM r.topic) <> 1",
                   reserved("file", "_file", "file_codes", "file"),
                   "_stance <> ['" + "', '".join(__import__("stance.warehouse").warehouse.EVENT_STANCES) + "'][_st + 1]"],
        "positions": [reserved("file", "_file", "file_codes", "file"),
                      reserved("country_iso3", "_country", "country_codes", "iso3"),
                      reserved("toward_iso3", "_toward", "country_codes", "iso3")],
        "claims": [reserved("file", "_file", "file_codes", "file")],
    }
    for table, conds in checks.items():
        for cond in conds:
            assert wh.row(f"SELECT count(*) FROM {table} r WHERE {cond}")[0] == 0, (table, cond)
    for d, cols in (("lane_codes", "actor_iso3, actor"), ("topic_codes", "topic"), ("file_codes", "file"),
                    ("country_codes", "iso3")):
        assert wh.row(f"SELECT count(*) = count(DISTINCT code) AND count(*) = count(DISTINCT ({cols})) "
                      f"AND min(code) >= 1 FROM {d}")[0], d


def test_integer_codes_name_the_values_and_are_only_appended(tmp_path: Path) -> None:
    a = synthetic_tables(600, seed=1, prefix="a-")
    b = synthetic_tables(600, seed=2, prefix="b-")
    b.events.loc[:5, ["actor", "actor_iso3"]] = [["Atlantis", ""]] * 6       # a lane only b has
    b.positions.loc[:5, "toward_iso3"] = ""                                   # no target
    with Warehouse(tmp_path / "s.duckdb") as wh:
        wh.ingest_tables(a, parser_version="synthetic")
        _codes_hold_the_values(wh)
        before = {d: wh.sql(f"SELECT * FROM {d} ORDER BY code") for d in ("lane_codes", "file_codes", "country_codes")}
        wh.ingest_tables(b, parser_version="synthetic")
        _codes_hold_the_values(wh)
        for d, old in before.items():  # old codes kept, new values numbered after them
            now = wh.sql(f"SELECT * FROM {d} ORDER BY code")
            assert_frame_equal(now.head(len(old)), old)
        assert wh.row("SELECT count(*) FROM lane_codes WHERE actor = 'Atlantis'")[0] == 1
        assert wh.row("SELECT count(*) FROM file_codes")[0] == len(set(a.documents["file"]) | set(b.documents["file"]))
        assert wh.row("SELECT bool_and(_seq = rowid) FROM events")[0]
