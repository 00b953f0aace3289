"""stance.tables is the one table contract: nothing else restates it, nothing works around it."""
from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd

from stance import cache, evaluate, pipeline, reading, store, tables
from stance.tables import ARTICLE_SUFFIXES, COLUMNS, STANCES, TABLE_NAMES, Rows, Tables

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("stance/**/*.py"), *ROOT.glob("dashboard/**/*.py"),
                  *ROOT.glob("bench/**/*.py"), ROOT / "app.py"])


def _literal_sequences(path: Path) -> list[tuple[int, tuple]]:
    """Every tuple or list literal of constants in a file, with its line."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List)) and node.elts \
                and all(isinstance(e, ast.Constant) for e in node.elts):
            out.append((node.lineno, tuple(e.value for e in node.elts)))
    return out


def test_the_contract_is_consistent() -> None:
    assert tuple(COLUMNS) == TABLE_NAMES == Tables._fields == Rows._fields
    for name in TABLE_NAMES:
        assert len(set(COLUMNS[name])) == len(COLUMNS[name])
    empty = tables.empty_tables()
    assert [list(df.columns) for df in empty] == [COLUMNS[n] for n in TABLE_NAMES]
    built = tables.build(Rows([{"doc_id": "a-1", "part": 1}], [], [], []))
    assert isinstance(built, Tables) and built.documents.loc[0, "part"] == 1
    assert built.documents["part"].dtype == "Int64" and built.documents.loc[0, "title"] == ""


def test_every_module_uses_the_contract_objects() -> None:
    assert pipeline.Tables is Tables and pipeline.Rows is Rows and cache.Tables is Tables
    assert cache.TABLE_NAMES is TABLE_NAMES and evaluate.TABLE_NAMES is TABLE_NAMES
    assert reading.ARTICLE_SUFFIXES is ARTICLE_SUFFIXES and store.ARTICLE_SUFFIXES is ARTICLE_SUFFIXES
    from dashboard import charts, loading, model, uploads

    assert model.TableSet is Tables and model.TABLE_NAMES is TABLE_NAMES
    assert loading.ARTICLE_SUFFIXES is ARTICLE_SUFFIXES and uploads.ARTICLE_SUFFIXES is ARTICLE_SUFFIXES
    assert charts.STANCE_ORDER[:len(STANCES)] == STANCES


def test_no_module_restates_the_table_names_suffixes_or_stances() -> None:
    contract = {TABLE_NAMES: "table names", ARTICLE_SUFFIXES: "article suffixes", STANCES: "stances"}
    found = []
    for path in SOURCES:
        if path == ROOT / "stance" / "tables.py":
            continue
        for line, values in _literal_sequences(path):
            for restated, what in contract.items():
                if values[:len(restated)] == restated:
                    found.append(f"{path.relative_to(ROOT)}:{line} restates the {what}")
    assert found == []


def test_cache_and_pipeline_do_not_import_each_other() -> None:
    def imports(module: str) -> set[str]:
        tree = ast.parse((ROOT / "stance" / f"{module}.py").read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names.add((node.module or "").lstrip("."))
                names.update(a.name for a in node.names if not node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        return {n.removeprefix("stance.") for n in names}

    assert "pipeline" not in imports("cache")
    assert "cache" in imports("pipeline")  # the pipeline uses the cache, never the other way


def test_parsed_tables_follow_the_contract() -> None:
    parsed = pipeline.parse_text("On 3 March 2021 Norway welcomed the ceasefire in Yemen.")
    assert isinstance(parsed, Tables)
    for name, df in zip(TABLE_NAMES, parsed):
        assert isinstance(df, pd.DataFrame) and list(df.columns) == COLUMNS[name]


def test_member_records_build_the_table_of_their_rows() -> None:
    import pickle

    from stance.tables import MemberRows, PositionRows

    base = {"doc_id": "a-1", "file": "a.txt", "date": "2021-03-01", "start": 0, "end": 30, "stance": "oppose",
            "toward_iso3": "RUS", "group": "EU", "event_id": "a-1-e1"}
    rows = PositionRows([
        {**base, "position_id": "a-1-p1", "country_iso3": "", "basis": "bloc"},
        MemberRows({**base, "basis": "member_of_group", "country_iso3": "", "country": "", "source": "",
                    "position_id": ""}, ("FRA", "DEU"), ("src-f", "src-d"), first=2),
        {"doc_id": "a-1", "position_id": "a-1-p4", "country_iso3": "FIN", "start": None},   # cells missing
        MemberRows({**base, "basis": "member_of_group", "position_id": ""}, ("ITA",), ("src-i",), first=5),
    ])
    assert len(rows) == 5 and len(rows.items) == 4
    dicts = list(rows)
    assert [d["position_id"] for d in dicts] == [f"a-1-p{n}" for n in range(1, 6)]
    assert [d["country"] for d in dicts[1:3]] == ["France", "Germany"] and dicts[2]["source"] == "src-d"
    per_row = tables.frame(dicts, COLUMNS["positions"])
    for built in (tables.positions_frame(rows), tables.positions_frame(pickle.loads(pickle.dumps(rows))),
                  tables.build(Rows([], [], PositionRows.concat([rows.items[:2], rows.items[2:]]), [])).positions):
        pd.testing.assert_frame_equal(built, per_row, check_exact=True)
    assert tables.positions_frame(PositionRows(dicts)).equals(per_row) and len(tables.positions_frame(PositionRows())) == 0
