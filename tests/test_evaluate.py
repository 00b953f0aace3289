"""Tests for the dev-set scorer (stance.evaluate) and for the validity of the gold files."""
from __future__ import annotations

import json
from collections import namedtuple
from pathlib import Path

import pandas as pd
import pytest

from stance import evaluate
from stance.tables import ARTICLE_SUFFIXES, COLUMNS, TABLE_NAMES, frame

DEVSET = Path(__file__).resolve().parent / "devset"
Tables = namedtuple("Tables", "documents events positions claims")

GOLD = {
    "a.txt": {
        "file": "a.txt",
        "documents": [{"published": "2023-02-24"}],
        "events": [
            {"date": "2023-02-23", "date_precision": "day"},
            {"date": "2022-03", "date_precision": "month"},
        ],
        "positions": [
            {"country_iso3": "CHN", "stance": "neutral", "toward_iso3": "RUS", "basis": "named", "group": ""},
            {"country_iso3": "CUB", "stance": "support", "toward_iso3": "CHN",
             "basis": "on_behalf_of_group", "group": ""},
            {"country_iso3": "", "stance": "concern", "toward_iso3": "IRN", "basis": "bloc", "group": "EU"},
        ],
        "claims": [{"count": 141, "qualifier": "exact", "stance": "oppose", "toward_iso3": "RUS"}],
    },
    "b.txt": {
        "file": "b.txt",
        "documents": [{"published": ""}, {"published": "2024-01-04"}],
        "events": [],
        "positions": [
            {"country_iso3": "GUY", "stance": "oppose", "toward_iso3": "VEN", "basis": "named", "group": ""},
        ],
        "claims": [],
    },
}


def perfect_tables(file_prefix: str = "") -> Tables:
    """Parser-shaped tables that say exactly what GOLD says (plus ignorable extras)."""
    docs = [
        {"doc_id": "a1", "file": f"{file_prefix}a.txt", "published": "2023-02-24"},
        {"doc_id": "b1", "file": f"{file_prefix}b.txt", "published": ""},
        {"doc_id": "b2", "file": f"{file_prefix}b.txt", "published": "2024-01-04"},
    ]
    events = [
        {"event_id": "e1", "file": f"{file_prefix}a.txt", "date": "2023-02-23", "date_precision": "day"},
        # the same date twice counts once
        {"event_id": "e2", "file": f"{file_prefix}a.txt", "date": "2023-02-23", "date_precision": "day"},
        # month precision written as a full date still matches "2022-03"
        {"event_id": "e3", "file": f"{file_prefix}a.txt", "date": "2022-03-01", "date_precision": "month"},
        # undated events are not scored
        {"event_id": "e4", "file": f"{file_prefix}b.txt", "date": "", "date_precision": "none"},
    ]
    positions = [
        {"file": f"{file_prefix}a.txt", "country_iso3": "CHN", "stance": "neutral", "toward_iso3": "RUS",
         "basis": "named"},
        {"file": f"{file_prefix}a.txt", "country_iso3": "CUB", "stance": "support", "toward_iso3": "CHN",
         "basis": "on_behalf_of_group", "group": ""},
        {"file": f"{file_prefix}a.txt", "country_iso3": "", "stance": "concern", "toward_iso3": "IRN",
         "basis": "bloc", "group": "EU"},
        # derived rows: never scored
        {"file": f"{file_prefix}a.txt", "country_iso3": "DEU", "stance": "concern", "toward_iso3": "IRN",
         "basis": "member_of_group", "group": "EU"},
        {"file": f"{file_prefix}a.txt", "country_iso3": "AGO", "stance": "support", "toward_iso3": "CHN",
         "basis": "roster", "group": ""},
        {"file": f"{file_prefix}b.txt", "country_iso3": "GUY", "stance": "oppose", "toward_iso3": "VEN",
         "basis": "named"},
        # duplicate of a scored row: distinct per file
        {"file": f"{file_prefix}b.txt", "country_iso3": "GUY", "stance": "oppose", "toward_iso3": "VEN",
         "basis": "named"},
    ]
    claims = [
        {"file": f"{file_prefix}a.txt", "count": 141, "qualifier": "exact", "stance": "oppose",
         "toward_iso3": "RUS"},
    ]
    return Tables(
        frame(docs, COLUMNS["documents"]), frame(events, COLUMNS["events"]),
        frame(positions, COLUMNS["positions"]), frame(claims, COLUMNS["claims"]),
    )


def row(scores: pd.DataFrame, table: str) -> dict:
    return scores.set_index("table").loc[table].to_dict()


def test_perfect_match_scores_one():
    scores = evaluate.score(perfect_tables(), GOLD)
    assert list(scores.columns) == evaluate.SCORE_COLUMNS
    assert list(scores["table"]) == ["documents", "events", "positions", "claims"]
    assert (scores[["precision", "recall", "f1"]] == 1.0).all().all()
    assert row(scores, "documents")["tp"] == 3
    assert row(scores, "events")["tp"] == 2
    assert row(scores, "positions")["tp"] == 4
    assert evaluate.overall(scores)["f1"] == 1.0


def test_paths_in_file_column_are_reduced_to_names():
    scores = evaluate.score(perfect_tables("/some/where/articles/"), GOLD)
    assert (scores["f1"] == 1.0).all()


def test_missing_row_lowers_recall_only():
    t = perfect_tables()
    t = t._replace(positions=t.positions[t.positions["country_iso3"] != "CUB"])
    r = row(evaluate.score(t, GOLD), "positions")
    assert (r["tp"], r["fp"], r["fn"]) == (3, 0, 1)
    assert r["precision"] == 1.0
    assert r["recall"] == pytest.approx(0.75)


def test_extra_row_lowers_precision_only():
    t = perfect_tables()
    extra = frame([{"file": "a.txt", "count": 40, "qualifier": "over", "stance": "concern",
                    "toward_iso3": "IRN"}], COLUMNS["claims"])
    t = t._replace(claims=pd.concat([t.claims, extra], ignore_index=True))
    r = row(evaluate.score(t, GOLD), "claims")
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 0)
    assert r["precision"] == pytest.approx(0.5)
    assert r["recall"] == 1.0


def test_wrong_key_counts_as_miss_and_false_hit():
    t = perfect_tables()
    ev = t.events.copy()
    ev.loc[ev["event_id"] == "e3", "date_precision"] = "day"   # 2022-03-01/day is not 2022-03/month
    r = row(evaluate.score(t._replace(events=ev), GOLD), "events")
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 1)


def test_bloc_rows_keyed_by_group_and_class():
    t = perfect_tables()
    pos = t.positions.copy()
    # the same stance by a named EU member is not the bloc's row
    pos.loc[pos["basis"] == "bloc", ["country_iso3", "basis", "group"]] = ["FRA", "named", ""]
    r = row(evaluate.score(t._replace(positions=pos), GOLD), "positions")
    assert (r["tp"], r["fp"], r["fn"]) == (3, 1, 1)


def test_implied_rows_are_ignored():
    t = perfect_tables()
    only_derived = t.positions[t.positions["basis"].isin(["member_of_group", "roster"])]
    r = row(evaluate.score(t._replace(positions=only_derived), GOLD), "positions")
    assert (r["tp"], r["fp"]) == (0, 0)
    assert r["fn"] == 4


def test_documents_are_a_multiset():
    t = perfect_tables()
    docs = t.documents[t.documents["doc_id"] != "b1"]
    r = row(evaluate.score(t._replace(documents=docs), GOLD), "documents")
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 1)


def test_files_outside_gold_are_ignored_and_missing_files_are_misses():
    t = perfect_tables()
    stray = frame([{"file": "other.txt", "country_iso3": "USA", "stance": "support",
                    "toward_iso3": "ISR", "basis": "named"}], COLUMNS["positions"])
    t = t._replace(positions=pd.concat([t.positions[t.positions["file"] != "b.txt"], stray]))
    r = row(evaluate.score(t, GOLD), "positions")
    assert (r["tp"], r["fp"], r["fn"]) == (3, 0, 1)


def test_empty_tables_and_dict_input():
    empty = {name: frame([], COLUMNS[name]) for name in TABLE_NAMES}
    scores = evaluate.score(empty, GOLD)
    assert (scores["tp"] == 0).all()
    assert (scores["recall"] == 0.0).all()
    assert (scores["f1"] == 0.0).all()


def test_compare_lists_misses_and_false_hits():
    t = perfect_tables()
    t = t._replace(positions=t.positions[t.positions["country_iso3"] != "GUY"])
    items = [i for i in evaluate.compare(t, GOLD) if i["table"] == "positions" and i["file"] == "b.txt"]
    assert items[0]["missed"] == [("GUY", "oppose", "VEN", "named")]
    assert "MISS" in evaluate.format_details(items)


def test_load_gold_and_errors(tmp_path: Path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(GOLD["a.txt"]), encoding="utf-8")
    assert set(evaluate.load_gold(tmp_path)) == {"a.txt"}            # devset folder
    assert set(evaluate.load_gold(tmp_path / "gold")) == {"a.txt"}   # gold folder
    (tmp_path / "gold" / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(evaluate.GoldError):
        evaluate.load_gold(tmp_path)
    with pytest.raises(evaluate.GoldError):
        evaluate.load_gold(tmp_path / "nowhere")


def test_validate_gold_catches_bad_values():
    bad = json.loads(json.dumps(GOLD["a.txt"]))
    bad["positions"][0]["stance"] = "likes"
    bad["positions"][1]["country_iso3"] = "XXX"
    bad["events"][1]["date_precision"] = "day"       # "2022-03" is not a day
    bad["claims"][0]["qualifier"] = "roughly"
    problems = evaluate.validate_gold({"a.txt": bad})
    assert len(problems) == 4
    assert evaluate.validate_gold(GOLD) == []


def test_main_reports_missing_devset(tmp_path: Path, capsys):
    assert evaluate.main(["--devset", str(tmp_path)]) == 2
    assert "error" in capsys.readouterr().err


# ---------------------------------------------------------------- the dev set itself

def test_devset_gold_files_are_valid():
    gold = evaluate.load_gold(DEVSET / "gold")
    assert len(gold) >= 14
    assert evaluate.validate_gold(gold, DEVSET / "articles") == []


def test_each_gold_file_is_named_after_its_article():
    for path in sorted((DEVSET / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert Path(data["file"]).stem == path.stem, path.name


def test_every_article_has_gold():
    gold = evaluate.load_gold(DEVSET / "gold")
    articles = {p.name for p in (DEVSET / "articles").iterdir()
                if p.suffix in ARTICLE_SUFFIXES}
    assert articles == set(gold)


def test_devset_articles_are_short_news_pages():
    for path in sorted((DEVSET / "articles").iterdir()):
        words = len(path.read_text(encoding="utf-8").split())
        assert 150 <= words <= 500, (path.name, words)
