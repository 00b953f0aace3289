import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stance", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_parse_writes_the_four_tables(tmp_path):
    result = run("parse", str(ROOT / "data" / "articles"), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name, first in (("documents", "doc_id"), ("events", "event_id"), ("positions", "position_id"), ("claims", "claim_id")):
        rows = read(tmp_path / f"{name}.csv")
        assert rows, name
        assert list(rows[0])[0] == first
    docs = read(tmp_path / "documents.csv")
    assert len(docs) == 6  # 002 holds two articles


def test_exit_code_nonzero_only_when_nothing_reads(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    result = run("parse", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr
    (bad / "ok.txt").write_text("Norway welcomed the agreement between Serbia and Albania.\n")
    result = run("parse", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "skipped empty.txt" in result.stderr


def test_missing_path_is_reported(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "nope.txt" in result.stderr
