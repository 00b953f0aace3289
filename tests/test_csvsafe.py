"""CSV formula injection: dangerous text cells are neutralised, numbers stay numbers."""
from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance import csvsafe
from stance.csvsafe import neutralise, to_csv_bytes, write_csv, zip_tables
from stance.tables import POSITION_COLUMNS, frame

from .workcount import FACTOR, assert_linear

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _assert_no_formula(data: bytes) -> None:
    for row in _cells(data):
        for cell in row:
            assert not csvsafe.is_dangerous(cell), repr(cell)


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://x","y")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "\tplain text after a tab",
        "  =1+1",
        "\uff1d1+1",  # full-width equals sign
        "=",
        "-",
        "+",
        "@",
        "- bullet point",
        "-5 degrees",
        "+3.2.1",
    ],
)
def test_dangerous_text_cells_get_a_quote(cell: str) -> None:
    df = pd.DataFrame({"text": [cell]})
    out = neutralise(df)
    assert out["text"].iloc[0] == "'" + cell
    assert df["text"].iloc[0] == cell  # the input frame is not modified


@pytest.mark.parametrize(
    "cell", ["-5", "+3.2", "-0.5", "1e5", "-1.5E-3", ".5", "-.5", "42", "plain", "", "a=b", "'=x"]
)
def test_safe_text_cells_unchanged(cell: str) -> None:
    out = neutralise(pd.DataFrame({"text": [cell]}))
    assert out["text"].iloc[0] == cell


def test_unicode_digits_are_not_plain_numbers() -> None:
    # Only ASCII numbers are trusted as values; "-٣" is text starting with "-".
    assert neutralise(pd.DataFrame({"t": ["-\u0663"]}))["t"].iloc[0] == "'-\u0663"


def test_numeric_columns_untouched_and_dtypes_kept() -> None:
    df = pd.DataFrame(
        {
            "ints": [-5, 3, 0],
            "floats": [-1.5, 2.0, float("nan")],
            "nullable": pd.array([-1, None, 4], dtype="Int64"),
            "text": ["=a", "b", None],
        }
    )
    out = neutralise(df)
    assert list(out.dtypes) == list(df.dtypes)
    assert out["ints"].tolist() == [-5, 3, 0]
    assert out["nullable"].iloc[0] == -1 and pd.isna(out["nullable"].iloc[1])
    assert out["text"].iloc[0] == "'=a" and out["text"].iloc[1] == "b"
    assert pd.isna(out["text"].iloc[2])
    text = to_csv_bytes(df).decode("utf-8")
    assert text.splitlines()[1].startswith("-5,-1.5,-1,\"'=a\"")  # pyarrow quotes text cells


def test_object_category_and_string_columns() -> None:
    df = pd.DataFrame(
        {
            "mixed": pd.array([1, "=x", None, 2.5, "-7"], dtype=object),
            "cat": pd.Categorical(["=a", "b", "=a", "c", "b"]),
            "string": pd.array(["@x", "y", None, "-", "z"], dtype="string"),
            "none": pd.array([None] * 5, dtype=object),
        },
        index=[10, 10, 11, 12, 12],  # duplicate labels must not confuse the positions
    )
    out = neutralise(df)
    assert out["mixed"].tolist()[:2] == [1, "'=x"] and out["mixed"].iloc[4] == "-7"
    assert out["cat"].tolist() == ["'=a", "b", "'=a", "c", "b"]
    assert out["string"].iloc[0] == "'@x" and out["string"].iloc[3] == "'-"
    assert str(out["string"].dtype) == "string"
    assert out["none"].isna().all()
    assert list(out.index) == [10, 10, 11, 12, 12]


def test_contract_table_round_trip() -> None:
    row = {c: "" for c in POSITION_COLUMNS}
    row.update(text='=HYPERLINK("http://x","y") Cuba voiced support for China.', start=0, end=57,
               country="Cuba", country_iso3="CUB", topic="@SUM(A1)", group="-2+3")
    df = frame([row], POSITION_COLUMNS)
    data = to_csv_bytes(df)
    cells = _cells(data)
    assert cells[0] == POSITION_COLUMNS  # stable column order, header first, no index
    assert len(cells) == 2
    record = dict(zip(cells[0], cells[1]))
    assert record["text"] == "'" + row["text"]
    assert record["topic"] == "'@SUM(A1)" and record["group"] == "'-2+3"
    assert record["start"] == "0" and record["end"] == "57"
    _assert_no_formula(data)
    # Reading it back gives the original text after dropping the quote.
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert back["text"].iloc[0][1:] == row["text"]


def test_header_labels_neutralised() -> None:
    data = to_csv_bytes(pd.DataFrame({"=bad": [1], "ok": ["x"]}))
    assert _cells(data)[0] == ["'=bad", "ok"]


def test_csv_is_utf8_and_keeps_newlines_inside_quotes() -> None:
    df = pd.DataFrame({"text": ["Côte d’Ivoire 🇨🇮", "line one\n=line two"]})
    data = to_csv_bytes(df)
    assert _cells(data)[1:] == [["Côte d’Ivoire 🇨🇮"], ["line one\n=line two"]]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=20))
def test_property_no_cell_is_a_formula(cells: list[str]) -> None:
    df = pd.DataFrame({"a": cells, "b": list(reversed(cells))})
    out = neutralise(df)
    for before, after in zip(cells, out["a"]):
        assert after in (before, "'" + before)
        assert not csvsafe.is_dangerous(after)
    data = to_csv_bytes(df)
    parsed = _cells(data)
    # csv module round trip; the writer quotes anything with newlines or separators.
    assert len(parsed) == len(cells) + 1
    for row in parsed[1:]:
        for cell in row:
            assert not cell or cell[0] not in DANGEROUS_FIRST or csvsafe.PLAIN_NUMBER.fullmatch(cell)


def test_write_csv_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sub" / "positions.csv"
    write_csv(pd.DataFrame({"text": ["=1", "ok"]}), target)
    first = target.read_bytes()
    assert first == b'text\r\n"\'=1"\r\n"ok"\r\n'  # pyarrow quotes text cells

    # A failure while writing leaves the previous file intact and no temp file behind.
    def boom(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        write_csv(pd.DataFrame({"text": ["new"]}), target)
    assert target.read_bytes() == first
    assert sorted(p.name for p in target.parent.iterdir()) == ["positions.csv"]


def test_zip_tables(tmp_path: Path) -> None:
    tables = {
        "positions": pd.DataFrame({"text": ["=evil()", "fine"], "start": [0, 5]}),
        "claims": pd.DataFrame({"subject": ["@x"]}),
        "../escape": pd.DataFrame({"a": ["-1+1"]}),
    }
    blob = zip_tables(tables)
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        names = archive.namelist()
        assert names[:2] == ["positions.csv", "claims.csv"]
        assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names)
        assert len(names) == 3
        for name in names:
            _assert_no_formula(archive.read(name))
        assert archive.read("positions.csv") == to_csv_bytes(tables["positions"])


def test_100k_rows_neutralised_in_linear_work() -> None:
    n = 100_000
    df = pd.DataFrame(
        {
            "text": ["Cuba voiced support for China."] * (n - 2) + ["=1", "-2+3"],
            "topic": ["trade"] * n,
            "country": ["Cuba"] * n,
            "group": ["-5"] * n,
            "start": range(n),
        }
    )
    out = neutralise(df)
    assert out["text"].iloc[-1] == "'-2+3" and out["group"].iloc[0] == "-5"
    # vectorised, so the work grows with the rows at most linearly (counted, not timed)
    small = df.iloc[: n // FACTOR].copy()
    assert_linear(lambda: neutralise(small), lambda: neutralise(df), "100k rows")


# --- end to end: hostile articles through the CLI ------------------------------------------

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
ROOT = HOSTILE.parent.parent.parent


def test_cli_output_has_no_formula_cells(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "stance", "parse", str(HOSTILE), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in out.glob("*.csv"))
    assert written == ["claims.csv", "documents.csv", "events.csv", "positions.csv"]
    seen_payload = False
    for path in out.glob("*.csv"):
        data = path.read_bytes()
        for row in _cells(data):
            for cell in row:
                assert not csvsafe.is_dangerous(cell), f"{path.name}: {cell!r}"
                assert not cell or cell[0] not in DANGEROUS_FIRST + ("\uff1d",) or (
                    csvsafe.PLAIN_NUMBER.fullmatch(cell)
                ), f"{path.name}: {cell!r}"
                seen_payload = seen_payload or "HYPERLINK" in cell
    assert seen_payload  # the payloads did reach the tables (the test is not vacuous)
    positions = list(csv.DictReader(io.StringIO((out / "positions.csv").read_text("utf-8"), newline="")))
    assert any(row["text"].startswith("'=HYPERLINK") for row in positions), "payload sentence missing"
    assert {"CUB", "BRA"} <= {row["country_iso3"] for row in positions}
    # Script bodies in HTML are not article text.
    for name in ("events.csv", "positions.csv", "claims.csv"):
        assert "document.cookie" not in (out / name).read_text("utf-8")
