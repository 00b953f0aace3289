"""dashboard/serve.py: the launcher does the first page's imports and parsing before it listens."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard import serve, shell
from dashboard.loading import ARTICLES_ENV

ROOT = Path(__file__).resolve().parent.parent


def test_warm_fills_the_caches_the_first_run_reads(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    monkeypatch.setenv(ARTICLES_ENV, str(folder))
    before = shell.PARSE_CALLS["n"]
    assert serve.warm() >= 0
    assert shell.PARSE_CALLS["n"] == before + 1
    assert any((tmp_path / ".cache").iterdir()), "the per-file parse cache was not written"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert shell.PARSE_CALLS["n"] == before + 1, "the first script run parsed the corpus again"
    assert [m.label for m in at.metric][:1] == ["Articles"]


def test_main_runs_the_app_with_the_given_options(monkeypatch):
    seen = {}
    monkeypatch.setattr(serve, "warm", lambda folder=None: 0.0)
    from streamlit.web import cli

    monkeypatch.setattr(cli, "main", lambda: seen.setdefault("argv", list(sys.argv)) and 0)
    monkeypatch.setattr(sys, "argv", ["serve"])
    assert serve.main(["--server.port", "8599"]) == 0
    assert seen["argv"] == ["streamlit", "run", str(ROOT / "app.py"), "--server.port", "8599"]
