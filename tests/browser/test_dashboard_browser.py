"""The dashboard in a real headless browser: every page, the opening map, names not codes, a
CSV download, and a clean console.

Opens each page as a user would (the opening view, then the page links), checks that the
opening map draws the letter's signatories (at least 50 state shapes, served offline from
static/topojson), that no raw bloc or letter code reaches the page text, clicks a download and
compares its rows with the same filter in Python, and saves one screenshot per page for the
README (docs/<page>.png, plus copies in the test's tmp folder).
"""
from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard.filters import Filters, filter_tables
from tests.browser.conftest import ROOT, wait_idle

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1500, "height": 2400}  # Streamlit scrolls an inner box: use a tall page
WAIT_MS = 90_000
RAW_CODES = ("GOF_UN_CHARTER", "XINJIANG_2019_SUPPORT", "XINJIANG_2019_CRITICS", "COE",
             "AFRICAN_GROUP", "member_of_group")
PAGES = (("overview", "stance: who stands where"), ("country", "Country"),
         ("relations", "Relations"), ("tables", "Evidence & tables"),
         ("add_articles", "Add articles"))


def _expected_view(folder: Path, f: Filters):
    from stance import parse_corpus

    from dashboard.loading import article_paths
    from dashboard.model import prepare

    return filter_tables(prepare(parse_corpus(article_paths(folder))), f)


def _shapes(page) -> int:
    return page.locator("path.choroplethlocation").count()


def _main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text() + "\n" + page.get_by_test_id(
        "stSidebar").inner_text()


def _shoot(page, name: str, tmp_path: Path) -> Path:
    page.evaluate("() => document.querySelectorAll('*').forEach("
                  "e => { if (e.scrollTop) e.scrollTop = 0; })")
    page.mouse.move(5, 5)
    page.wait_for_timeout(800)
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot))
    shutil.copy(shot, ROOT / "docs" / f"{name}.png")
    return shot


def _point_on_a_state(page) -> tuple[float, float]:
    """A point where the map shows a state: the centre of a compact shape, checked by plotly's
    hover label (a wide shape's centre, such as Russia's, can lie in the sea)."""
    shapes = page.locator("path.choroplethlocation")
    boxes = [b for b in (shapes.nth(i).bounding_box() for i in range(shapes.count()))
             if b and b["width"] < 4 * b["height"] and b["height"] < 4 * b["width"]]
    for box in sorted(boxes, key=lambda b: -b["width"] * b["height"])[:20]:
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.wait_for_timeout(300)
        if page.locator(".hoverlayer .hovertext").count():
            return x, y
    raise AssertionError("no point on the map shows a state")


@dataclass
class _Seen:
    """What a page reported while a test drove it: console messages, failed requests, error statuses."""

    console: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, object]] = field(default_factory=list)
    bad_status: list[tuple[str, int]] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.failed, self.failed
        assert not self.bad_status, self.bad_status
        errors = [c for c in self.console if c[0] in ("error", "pageerror")]
        assert not errors, errors


def _watch(page) -> _Seen:
    seen = _Seen()
    page.on("console", lambda m: seen.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: seen.console.append(("pageerror", str(e))))
    page.on("requestfailed", lambda r: seen.failed.append((r.url, r.failure)))
    page.on("response", lambda r: seen.bad_status.append((r.url, r.status)) if r.status >= 400 else None)
    return seen


def test_every_page_in_chromium(app_url, browser, articles_copy, tmp_path):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    seen = _watch(page)
    try:
        # the opening view: the letter's ~50 signatories, light, without ticking anything
        page.goto(app_url, wait_until="domcontentloaded", timeout=WAIT_MS)
        page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation')"
                               ".length >= 50", timeout=WAIT_MS)
        wait_idle(page)
        assert _shapes(page) >= 50
        marks = page.locator(".js-plotly-plot .scatterlayer .point").count() + page.locator(
            ".js-plotly-plot .barlayer .point").count()
        assert marks > 0
        assert "signatories of a known letter" in _main_text(page)

        for name, title in PAGES:
            if name != "overview":
                page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
                page.wait_for_function("(p) => location.pathname.endsWith('/' + p)", arg=name,
                                       timeout=WAIT_MS)
            page.get_by_role("heading", name=title).first.wait_for(timeout=WAIT_MS)
            wait_idle(page)
            if name in ("overview", "country", "relations"):
                page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot "
                                       ".point, path.choroplethlocation').length > 0",
                                       timeout=WAIT_MS)
                wait_idle(page)
            text = _main_text(page)
            for code in RAW_CODES:
                assert code not in text, (name, code)
            if name == "country":
                assert "Tajikistan" in text and "Belarus" in text
            if name == "relations":  # a click on a square lists that pair's evidence
                heading = page.get_by_role("heading", name=re.compile("^Evidence: "))
                before = heading.inner_text()
                squares = page.locator(".js-plotly-plot .scatterlayer .point")
                box = squares.nth(squares.count() // 2).bounding_box()
                page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.wait_for_function(
                    "(b) => [...document.querySelectorAll('h2,h3')].some(h => "
                    "h.innerText.startsWith('Evidence: ') && h.innerText !== b)", arg=before,
                    timeout=WAIT_MS)
                wait_idle(page)
                page.mouse.move(5, 5)
            if name == "tables":
                expected = _expected_view(articles_copy, Filters()).positions
                button = page.get_by_role("button", name=re.compile(r"^positions\.csv"))
                with page.expect_download(timeout=WAIT_MS) as info:
                    button.click()
                saved = tmp_path / "positions.csv"
                info.value.save_as(saved)
                rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
                assert [r["position_id"] for r in rows] == expected["position_id"].tolist()
                assert any(r["basis"] == "roster" for r in rows)
                assert any(r["group_name"] == "Group of Friends in Defense of the UN Charter"
                           for r in rows)
                assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r["date"]) for r in rows)
                wait_idle(page)
            shot = _shoot(page, name, tmp_path)
            assert shot.stat().st_size > 30_000, name
        shutil.copy(ROOT / "docs" / "overview.png", ROOT / "docs" / "screenshot.png")

        # a click on a state on the map opens that state's Country page
        page.get_by_test_id("stSidebarNav").get_by_text("Overview", exact=True).click()
        page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation')"
                               ".length >= 50", timeout=WAIT_MS)
        wait_idle(page)
        page.mouse.click(*_point_on_a_state(page))
        page.wait_for_function("() => location.pathname.endsWith('/country')", timeout=WAIT_MS)
        page.get_by_role("heading", name="Country").first.wait_for(timeout=WAIT_MS)
        wait_idle(page)
        assert re.search(r"[?&]country=[A-Z]{3}", page.url), page.url
        assert "positions it holds" in _main_text(page)
    finally:
        context.close()
    seen.assert_clean()


def test_a_page_url_opened_directly(app_url, browser):
    """A link to a page (`/country?country=CUB`) opens that page for that state, and the
    frontend asks the server's root, not `/country/_stcore/...`, for its health and host config
    (dashboard/backend_url.py): no 404, no failed request, no console error."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    seen = _watch(page)
    stcore: list[str] = []
    page.on("request", lambda r: stcore.append(r.url) if "/_stcore/" in r.url else None)
    try:
        page.goto(f"{app_url}/country?country=CUB", wait_until="domcontentloaded",
                  timeout=WAIT_MS)
        page.get_by_role("heading", name="Country").first.wait_for(timeout=WAIT_MS)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .point')"
                               ".length > 0", timeout=WAIT_MS)
        wait_idle(page)
        assert re.search(r"/country\?(.*&)?country=CUB", page.url), page.url
        text = _main_text(page)
        assert "Cuba" in text and "positions it holds" in text
        for code in RAW_CODES:
            assert code not in text, code
    finally:
        context.close()
    seen.assert_clean()
    assert stcore and not [u for u in stcore if "/country/" in u], stcore
