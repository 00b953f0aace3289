"""Browser-test fixtures: a real Streamlit server on a free port, and headless Debian Chromium.

The server runs on a private copy of the sample articles (so nothing the test does touches
data/articles/) and is stopped, with its whole process group, when the tests end. Chromium is
the Debian package at /usr/bin/chromium driven by Playwright; no browser is ever downloaded.

Wait for the map's country shapes (`path.choroplethlocation`) before the first interaction:
plotly fetches the world shapes (static/topojson/) once per page, asynchronously, and a rerun
that redraws the map while that fetch is in flight leaves plotly's callback working on a purged
graph div, which throws "Cannot read properties of undefined (reading '_scrollZoom')" (seen by
delaying the shapes' request 6 s and ticking a filter meanwhile). Once the shapes are drawn
they are cached for the page and later redraws are synchronous.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.load import serve

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def articles_copy(tmp_path_factory) -> Path:
    """A private copy of data/articles/ (same file names) for the server to read."""
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    return folder


# One launcher for the browser tests and the load benchmark: a free 127.0.0.1 port, its own
# process group, stopped (SIGTERM, then SIGKILL) when the block ends.
streamlit_server = serve


def wait_idle(page) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !/Running/i.test(document.querySelector('[data-testid=\"stStatusWidget\"]')"
        ".innerText)", timeout=60_000)
    page.wait_for_timeout(500)


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
