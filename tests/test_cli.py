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


# ------------------------------------------------------------------ the output set, --out checks, --workers

import os  # noqa: E402

import pytest  # noqa: E402

from stance import cli, outset  # noqa: E402

ARTICLES = ROOT / "data" / "articles"
NAMES = ["claims.csv", "documents.csv", "events.csv", "positions.csv"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _other_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "other"
    folder.mkdir(exist_ok=True)
    (folder / "x.txt").write_text("On 2 June 2020 Japan condemned the launch by North Korea.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", ["file", "missing parent", "other files"])
def test_a_bad_out_is_refused_in_one_line_before_parsing(tmp_path, capsys, monkeypatch, case):
    out = {"file": tmp_path / "f.txt", "missing parent": tmp_path / "no" / "out",
           "other files": tmp_path / "mine"}[case]
    if case == "file":
        out.write_text("keep me")
    if case == "other files":
        out.mkdir()
        (out / "thesis.docx").write_text("keep me")
    monkeypatch.setattr(cli, "parse_corpus", lambda *a, **k: pytest.fail("parsed before checking --out"))
    assert cli.main(["parse", str(ARTICLES), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: --out")
    if case != "missing parent":
        assert "keep me" in (out.read_text() if case == "file" else (out / "thesis.docx").read_text())


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in read-only folders")
def test_a_read_only_out_is_refused(tmp_path, capsys):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        assert cli.main(["parse", str(ARTICLES), "--out", str(out)]) == 2
        assert "read-only" in capsys.readouterr().err
    finally:
        out.chmod(0o700)


def test_workers_are_capped_at_the_cpu_count(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert cli.main(["parse", str(ARTICLES), "--out", str(tmp_path / "o"), "--workers", "8"]) == 0
    assert "--workers 8 capped at 1" in capsys.readouterr().err


def test_an_interrupted_write_leaves_the_old_set(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert cli.main(["parse", str(ARTICLES), "--out", str(out)]) == 0
    old = _snapshot(out)
    assert sorted(old) == NAMES
    real, written = cli.write_csv, []

    def dies_after_two(frame, path):
        if len(written) == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C half way through the set
        written.append(path)
        real(frame, path)

    monkeypatch.setattr(cli, "write_csv", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["parse", str(_other_corpus(tmp_path)), "--out", str(out)])
    assert _snapshot(out) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out"]  # no staging left behind
    monkeypatch.setattr(cli, "write_csv", real)
    assert cli.main(["parse", str(_other_corpus(tmp_path)), "--out", str(out)]) == 0
    new = _snapshot(out)
    assert sorted(new) == NAMES and new["documents.csv"] != old["documents.csv"]
    assert all(b"x.txt" in new[n] for n in ("documents.csv", "events.csv"))  # all four from the new run


def test_without_an_atomic_exchange_a_failed_swap_puts_the_old_set_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert cli.main(["parse", str(ARTICLES), "--out", str(out)]) == 0
    old = _snapshot(out)
    monkeypatch.setattr(outset, "_exchange", lambda a, b: False)
    real_rename, calls = os.rename, []

    def second_rename_fails(a, b):
        calls.append((a, b))
        if len(calls) == 2:
            raise OSError("EIO")
        real_rename(a, b)

    monkeypatch.setattr(os, "rename", second_rename_fails)
    with pytest.raises(OSError):
        cli.main(["parse", str(_other_corpus(tmp_path)), "--out", str(out)])
    monkeypatch.setattr(os, "rename", real_rename)
    assert _snapshot(out) == old


def test_a_run_killed_between_the_two_renames_is_undone_by_the_next(tmp_path):
    out = tmp_path / "out"
    assert cli.main(["parse", str(ARTICLES), "--out", str(out)]) == 0
    old = _snapshot(out)
    os.rename(out, tmp_path / ".stance-old-out-dead")  # the state a kill -9 could leave
    (tmp_path / ".stance-new-out-dead").mkdir()
    outset.recover(str(out))
    assert _snapshot(out) == old and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_parquet_output_is_a_dataset_per_table(tmp_path):
    import pandas as pd

    out = tmp_path / "pq"
    assert cli.main(["parse", str(ARTICLES), "--out", str(out), "--format", "parquet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["claims", "documents", "events", "positions"]
    events = pd.read_parquet(out / "events")
    assert len(events) and list(events.columns)[0] == "event_id"


def test_ingest_into_the_store_is_idempotent(tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    assert cli.main(["ingest", str(ARTICLES), "--store", str(store)]) == 0
    first = capsys.readouterr().out
    assert cli.main(["ingest", str(ARTICLES), "--store", str(store)]) == 0
    second = capsys.readouterr().out
    n = len(list(ARTICLES.glob("*.txt")))
    assert first.startswith(f"{n} file(s) added") and second.startswith(f"0 file(s) added")
    assert f"{n} already stored" in second
    assert first.split("(now ")[1] == second.split("(now ")[1]


def test_version_names_the_release_and_the_parser():
    from stance import PARSER_VERSION, __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"stance {__version__} (parser {PARSER_VERSION})"


def test_eval_goes_through_the_argument_parser():
    from stance.cli import build_parser

    args = build_parser().parse_args(["eval", "--details", "--devset", "x"])
    assert args.details and str(args.devset) == "x" and args.func.__name__ == "run"
    result = run("eval", "--no-such-option")
    assert result.returncode == 2 and "unrecognized arguments: --no-such-option" in result.stderr
    result = run("eval", "--devset", "/nonexistent/devset")
    assert result.returncode == 2 and "no dev set at /nonexistent/devset" in result.stderr


def test_a_file_name_cannot_forge_a_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Norway welcomed the agreement between Serbia and Albania.\n")
    (folder / "evil\nskipped fake.txt: \x1b[32mall good.txt").write_bytes(b"")
    result = run("parse", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert r"skipped evil\nskipped fake.txt: \x1b[32mall good.txt: empty file" in lines
    assert not any(line.startswith("skipped fake") for line in lines) and "\x1b" not in result.stderr


def test_printable_escapes_controls_and_keeps_letters():
    from stance.cli import printable

    assert printable("Türkiye—北京.txt") == "Türkiye—北京.txt"
    assert printable("a\nb\r\tc\\d") == r"a\nb\r\tc\\d"
    assert printable("x\x1b[2Ky\u202ez\u2028\x85") == r"x\x1b[2Ky\u202ez\u2028\x85"
    assert printable("bad\udcff") == r"bad\udcff"  # an undecodable byte in a POSIX name


def test_replaced_bytes_are_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "stray.txt").write_bytes("Türkiye welcomed the agreement between Serbia and Albania. ".encode()
                                       + b"The aide\x92s note.\n")
    result = run("parse", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "warning: stray.txt: decoded as UTF-8 with 1 invalid byte(s) replaced by U+FFFD" in result.stderr
    assert read(tmp_path / "out" / "documents.csv")[0]["warning"].startswith("decoded as UTF-8")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    result = run("parse", str(ROOT / "data" / "articles"), "--out", str(tmp_path))
    assert result.returncode == 0 and "articles/s" not in result.stderr and "file/s" not in result.stderr
    assert result.stderr == ""


def test_progress_bar_shows_files_articles_per_second_and_time_left():
    import io

    from stance.cli import progress_bar

    stream = io.StringIO()
    update, bar = progress_bar(stream, True)
    update(0, 4, 0)
    update(2, 4, 3)
    update(4, 4, 6)
    bar.refresh()
    shown = stream.getvalue()
    bar.close()
    assert "4/4" in shown and "articles/s" in shown and "6 articles" in shown
    assert progress_bar(io.StringIO(), False) == (None, None)


def test_quiet_and_terminal_choose_the_bar(monkeypatch, tmp_path):
    from stance import cli

    seen = []
    monkeypatch.setattr(cli, "progress_bar", lambda stream, enabled: (seen.append(enabled), (None, None))[1])
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    assert cli.main(["parse", str(ROOT / "data" / "articles"), "--out", str(tmp_path)]) == 0
    assert cli.main(["parse", str(ROOT / "data" / "articles"), "--out", str(tmp_path), "--quiet"]) == 0
    assert seen == [True, False]
