"""The must-show behaviour on the embedded sample corpus, plus bad input around it."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from stance import parse_corpus, parse_text

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture(scope="module")
def corpus():
    return parse_corpus([ARTICLES])


def rows(df: pd.DataFrame, prefix: str) -> pd.DataFrame:
    return df[df["file"].str.startswith(prefix)]


def test_every_sample_file_reads(corpus):
    docs = corpus.documents
    assert set(docs["status"]) == {"ok"}
    assert docs["file"].nunique() == 5


def test_004_fifty_countries_back_china_on_xinjiang(corpus):
    claims = rows(corpus.claims, "004")
    fifty = claims[(claims["count"] == 50) & (claims["qualifier"] == "exact")]
    assert len(fifty) == 1
    claim = fifty.iloc[0]
    assert (claim["stance"], claim["toward_iso3"], claim["topic"]) == ("support", "CHN", "Xinjiang")
    named = rows(corpus.positions, "004")
    named = named[named["basis"] == "named"]
    backers = set(named[(named["stance"] == "support") & (named["toward_iso3"] == "CHN")]["country_iso3"])
    assert {"BLR", "TJK"} <= backers
    dates = set(rows(corpus.events, "004")["date"])
    assert {"2019-07-12", "2019-07-26", "2019-07-27"} <= dates
    july = rows(corpus.events, "004")
    assert set(july[july["date"] == "2019-07-27"]["date_basis"]) == {"inferred"}


def test_004_roster_expands_to_the_fifty_signatories(corpus):
    roster = rows(corpus.positions, "004")
    roster = roster[roster["basis"] == "roster"]
    assert roster["country_iso3"].nunique() == 50
    assert "QAT" not in set(roster["country_iso3"])
    assert (roster["source"] != "").all()
    assert set(roster["toward_iso3"]) == {"CHN"}


def test_004_dateline_city_is_not_a_position(corpus):
    assert "KGZ" not in set(rows(corpus.positions, "004")["country_iso3"])


def test_002_two_documents_and_the_meeting(corpus):
    docs = rows(corpus.documents, "002").sort_values("part")
    assert list(docs["published"]) == ["2024-09-25", "2024-09-27"]
    events = rows(corpus.events, "002")
    assert "2024-09-24" in set(events["date"])
    claims = rows(corpus.claims, "002")
    got = {(int(r["count"]), r["qualifier"], r["stance"], r["toward_iso3"]) for _, r in claims.iterrows()}
    assert (100, "over", "support", "CHN") in got
    assert (80, "nearly", "support", "CHN") in got


def test_002_speakers_for_blocs_and_china_criticising_the_us(corpus):
    pos = rows(corpus.positions, "002")
    support = pos[(pos["stance"] == "support") & (pos["toward_iso3"] == "CHN")]
    by_country = {r["country_iso3"]: r for _, r in support.iterrows() if r["basis"] in ("named", "on_behalf_of_group")}
    assert {"CUB", "UGA", "VEN", "GMB"} <= set(by_country)
    assert by_country["UGA"]["group"] == "NAM"
    assert by_country["GMB"]["group"] == "AFRICAN_GROUP"
    assert by_country["VEN"]["group"] == "GOF_UN_CHARTER"
    assert by_country["UGA"]["basis"] == "on_behalf_of_group"
    blocs = set(support[support["basis"] == "bloc"]["group"])
    assert {"NAM", "AFRICAN_GROUP", "GOF_UN_CHARTER"} <= blocs
    members = support[(support["basis"] == "member_of_group") & (support["group"] == "NAM")]
    assert "SSD" in set(members["country_iso3"])      # admitted to NAM in 2024, meeting in Sept 2024
    china = pos[(pos["country_iso3"] == "CHN") & (pos["toward_iso3"] == "USA")]
    assert set(china["stance"]) & {"oppose", "concern"}


def test_001_list_items_dated_2021(corpus):
    events = rows(corpus.events, "001")
    dated = events[events["date"] != ""]
    years = {d[:4] for d in dated["date"]} - {"1971", "1989", "2020"}
    assert years == {"2021"}
    assert "1971-10-25" in set(events["date"])
    heading_dates = {"2021-11-22", "2021-10-10", "2021-05-20", "2021-05-14", "2021-05-02", "2021-04-02",
                     "2021-03-09", "2021-02-18", "2021-01-29", "2021-01-27"}
    assert heading_dates <= set(events["date"])
    eu = rows(corpus.positions, "001")
    eu = eu[(eu["basis"] == "bloc") & (eu["group"] == "EU")]
    assert ("concern", "CHN", "2021-04-02") in {(r["stance"], r["toward_iso3"], r["date"]) for _, r in eu.iterrows()}


def test_000_on_wednesday(corpus):
    docs = rows(corpus.documents, "000")
    assert list(docs["published"]) == ["2023-11-23"]
    assert "2023-11-22" in set(rows(corpus.events, "000")["date"])


def test_003_undated_with_south_korean_concern(corpus):
    docs = rows(corpus.documents, "003")
    assert list(docs["published"]) == [""] and list(docs["published_basis"]) == ["none"]
    for table in (corpus.events, corpus.positions, corpus.claims):
        sub = rows(table, "003")
        assert (sub["date"] == "").all()
        assert set(sub["date_precision"]) <= {"none"}
    pos = rows(corpus.positions, "003")
    assert "concern" in set(pos[pos["country_iso3"] == "KOR"]["stance"])


def test_every_row_points_to_its_sentence(corpus):
    texts = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    for table in (corpus.events, corpus.positions, corpus.claims):
        for _, row in table.iterrows():
            assert texts[row["file"]][int(row["start"]):int(row["end"])] == row["text"]


def test_ids_unique_and_linked(corpus):
    assert corpus.events["event_id"].is_unique
    assert corpus.positions["position_id"].is_unique
    assert corpus.claims["claim_id"].is_unique
    events = set(corpus.events["event_id"])
    assert set(corpus.positions["event_id"]) <= events
    assert set(corpus.claims["event_id"]) <= events


def test_bad_input_is_reported_and_the_rest_still_parses(tmp_path):
    (tmp_path / "good.txt").write_text("Published: March 3, 2022\nCanada voiced concern over Iran's nuclear programme on Tuesday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10 + b"\x00\x00")
    (tmp_path / "latin.txt").write_bytes("Le Ministère: Belgium criticised Russia over the détente.\n".encode("latin-1"))
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing-target.txt")
    tables = parse_corpus([tmp_path])
    docs = tables.documents.set_index("file")
    assert docs.loc["good.txt", "status"] == "ok"
    assert docs.loc["latin.txt", "status"] == "ok"
    for name in ("empty.txt", "binary.txt", "big.txt", "broken.txt"):
        assert docs.loc[name, "status"] != "ok", name
        assert docs.loc[name, "error"], name
    assert "IRN" in set(tables.positions["toward_iso3"])
    assert "RUS" in set(tables.positions["toward_iso3"])


def test_parse_text_never_invents_a_date():
    tables = parse_text("Officials in Canada said on Monday that they oppose the plan by Russia.")
    assert (tables.events["date"] == "").all()
    assert (tables.positions["date"] == "").all()


def test_workers_and_cache_give_the_same_tables(tmp_path, corpus):
    import shutil

    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    cache = tmp_path / "cache"
    single = parse_corpus([folder])
    for got in (parse_corpus([folder], workers=2), parse_corpus([folder], workers=2, cache_dir=cache),
                parse_corpus([folder], cache_dir=cache)):          # the last one is served from the cache
        for name in ("documents", "events", "positions", "claims"):
            a = getattr(single, name).reset_index(drop=True)
            b = getattr(got, name).reset_index(drop=True)
            pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_progress_reports_every_file_and_article(tmp_path):
    from stance import parse_corpus as parse

    calls: list[tuple[int, int, int]] = []
    tables = parse([ARTICLES, tmp_path / "missing.txt"], progress=lambda *a: calls.append(a))
    files = len(set(tables.documents["file"]))
    assert calls[0] == (0, files, 0) and calls[-1] == (files, files, int((tables.documents["status"] == "ok").sum()))
    assert [c[0] for c in calls] == list(range(files + 1))
    cached: list[tuple[int, int, int]] = []
    parse([ARTICLES], cache_dir=tmp_path / "cache")
    parse([ARTICLES], cache_dir=tmp_path / "cache", progress=lambda *a: cached.append(a))
    assert cached == [(0, 5, 0), (5, 5, 6)]  # all five files served by the cache, counted at once
