"""Browser-test fixtures: a real Streamlit server on a free port, and headless Debian Chromium.

The server runs on a private copy of the sample articles (so nothing the test does touches
data/articles/) and is stopped, with its whole process group, when the tests end. Chromium is
the Debian package at /usr/bin/chromium driven by Playwright; no browser is ever downloaded.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
START_TIMEOUT = 90.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not start in {START_TIMEOUT:.0f}s:\n"
                       f"{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def articles_copy(tmp_path_factory) -> Path:
    """A private copy of data/articles/ (same file names) for the server to read."""
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    return folder


@contextlib.contextmanager
def streamlit_server(folder: Path, log: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free 127.0.0.1 port reading `folder`; yields its URL.

    The server runs in its own process group, which is stopped (SIGTERM, then SIGKILL)
    when the block ends, so no child survives the tests.
    """
    port = _free_port()
    env = dict(os.environ, STANCE_ARTICLES_DIR=str(folder),
               STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def app_url(articles_copy, tmp_path_factory):
    """Start `streamlit run app.py` on a free local port; yield its URL; stop it at the end."""
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with streamlit_server(articles_copy, log) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (skipped when either is missing)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (scripts/test.sh installs the Debian package)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
