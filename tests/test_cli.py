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
