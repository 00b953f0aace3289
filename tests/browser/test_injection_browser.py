"""Hostile article text in a real browser: payloads must show as text, never run or render.

The app is started on the sample articles plus tests/fixtures/hostile/ (articles whose title,
metadata and sentences carry `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`,
`[click](javascript:alert(1))` and friends, inside sentences that hold real country positions,
so they reach the tables, the timeline and map hovers, the source filter and the evidence view).
Headless Debian Chromium then loads the page, filters to the hostile article, shows its
evidence and the whole text, hovers a timeline point, and checks that no dialog opened, no
element was injected, no request went to an injected URL, the console stayed clean, and the
payload text is visible as text.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT, streamlit_server, wait_idle

pytestmark = pytest.mark.browser

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
ARTICLE = "markup.md"  # the article whose title and sentences carry every markup payload
VIEWPORT = {"width": 1500, "height": 3500}  # Streamlit scrolls an inner box: use a tall page
WAIT_MS = 90_000

# JavaScript run in the page: every trace an injection would leave in the DOM.
_INJECTED_JS = """() => {
  const out = [];
  const add = (kind, el) => out.push(kind + ': ' + (el.outerHTML || '').slice(0, 200));
  document.querySelectorAll('img[src="x"], img[onerror], svg[onload], iframe, object, embed')
    .forEach(el => add('element', el));
  document.querySelectorAll('script').forEach(el => {
    if (/alert\\(|document\\.cookie/.test(el.textContent || '')) add('script', el);
  });
  document.querySelectorAll('a[href], area[href]').forEach(el => {
    const href = (el.getAttribute('href') || '').replace(/[\\s\\u0000-\\u001f]/g, '');
    if (/^(javascript|data|vbscript):/i.test(href)) add('link', el);
  });
  document.querySelectorAll('[href], [xlink\\\\:href]').forEach(el => {
    const href = (el.getAttribute('href') || el.getAttribute('xlink:href') || '')
      .replace(/[\\s\\u0000-\\u001f]/g, '');
    if (/^javascript:/i.test(href)) add('svg-link', el);
  });
  document.querySelectorAll('*').forEach(el => {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) && /alert\\(/.test(a.value)) add('handler ' + a.name, el);
    }
  });
  return out;
}"""


def _hostile_corpus(base: Path) -> Path:
    """Sample articles plus every hostile fixture (sidecars included) in one folder."""
    folder = base / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    for p in HOSTILE.iterdir():
        if p.is_file():
            shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    folder = _hostile_corpus(base)
    with streamlit_server(folder, base / "streamlit.log") as url:
        yield url


def _injected(page) -> list[str]:
    return page.evaluate(_INJECTED_JS)


def _pick_source_article(page, name: str) -> None:
    """Choose `name` in the sidebar's "Source article" multiselect, as a user would."""
    sidebar = page.get_by_test_id("stSidebarUserContent")
    box = sidebar.get_by_test_id("stMultiSelect").filter(has_text="Source article")
    box.locator("input").click()
    page.keyboard.type(name)
    option = page.get_by_role("option").filter(has_text=name)
    option.first.wait_for(timeout=WAIT_MS)
    option.first.click()
    page.keyboard.press("Escape")
    wait_idle(page)


def _hover_timeline_points(page, limit: int = 12) -> list[str]:
    """Hover each drawn timeline point in turn (up to `limit`); the hover labels' texts."""
    chart = page.locator(".js-plotly-plot:has(.xtick)").first  # the timeline, not the map
    points = chart.locator(".scatterlayer .point")
    labels = []
    for i in range(min(points.count(), limit)):
        box = points.nth(i).bounding_box()
        if not box:
            continue
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(300)
        label = chart.locator(".hoverlayer .hovertext")
        if label.count():
            labels.append(label.first.text_content() or "")
    page.mouse.move(5, 5)
    return labels


def test_payloads_render_as_text(hostile_url, browser, tmp_path):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    dialogs, console, requests = [], [], []

    def on_dialog(d) -> None:
        dialogs.append((d.type, d.message))
        d.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: console.append((m.type, m.text)))
    page.on("pageerror", lambda e: console.append(("pageerror", str(e))))
    page.on("request", lambda r: requests.append(r.url))
    hovers = ""
    try:
        page.goto(hostile_url, wait_until="domcontentloaded", timeout=WAIT_MS)
        page.get_by_text("World map").first.wait_for(timeout=WAIT_MS)
        page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation')"
                               ".length > 0", timeout=WAIT_MS)
        wait_idle(page)
        assert not (found := _injected(page)), found

        # only the hostile article: the timeline, map and (on their page) the evidence
        _pick_source_article(page, ARTICLE)
        # the link follows the filter on the next rerun: wait for it rather than race it
        page.wait_for_function(r"() => /[?&]file=markup\.md/.test(location.href)", timeout=WAIT_MS)
        assert re.search(r"[?&]file=markup\.md", page.url), page.url
        page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation')"
                               ".length > 0", timeout=WAIT_MS)
        wait_idle(page)
        assert dialogs == [], dialogs
        assert not (found := _injected(page)), found

        # timeline hovers: the evidence sentences, payloads shown literally
        hovers = " ".join(_hover_timeline_points(page))
        assert dialogs == [], dialogs
        assert not (found := _injected(page)), found
        # (plotly labels are pseudo-HTML: unescaped, <a ...> and <b> would turn into markup)
        for needle in ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
                       "[click](javascript:alert(1))", "<a href=", ">click</a>", "<b>bold</b>"):
            assert needle in hovers, (needle, hovers)

        # the evidence page, same filter (kept across pages)
        page.get_by_test_id("stSidebarNav").get_by_text("Evidence & tables", exact=True).click()
        page.get_by_test_id("stDataFrame").first.wait_for(timeout=WAIT_MS)
        page.get_by_text("Evidence", exact=True).first.wait_for(timeout=WAIT_MS)
        wait_idle(page)
        assert re.search(r"[?&]file=markup\.md", page.url), page.url
        assert dialogs == [], dialogs
        assert not (found := _injected(page)), found

        # the evidence view shows the first row's sentence literally, highlighted
        evidence = page.get_by_test_id("stMarkdownContainer").filter(has_text="onerror=alert")
        assert evidence.count() > 0, "the payload sentence is not shown as text"
        ev_text = evidence.first.inner_text()
        assert "<img src=x onerror=alert(1)>" in ev_text or "<script>alert(1)</script>" in ev_text
        # the caption with the document's metadata: title, source and URL as plain text
        meta = page.get_by_test_id("stCaptionContainer").filter(has_text="title:")
        meta_text = meta.first.inner_text()
        assert "<script>alert(1)</script>" in meta_text, meta_text
        assert "javascript:alert(1)" in meta_text, meta_text
        # URLs in article text and metadata are text, not links
        links = page.get_by_test_id("stMain").locator("a[href^='http'], a[href^='javascript']")
        assert links.count() == 0, [links.nth(i).get_attribute("href")
                                    for i in range(links.count())]

        # the whole article, opened in its expander
        page.get_by_test_id("stExpander").filter(has_text="Whole article text").first \
            .locator("summary").click()
        whole = page.get_by_test_id("stText").filter(has_text="[click](javascript:alert(1))")
        whole.first.wait_for(timeout=WAIT_MS)
        assert "<svg onload=alert(1)></svg>" in whole.first.inner_text()

        # the payloads are there, as text
        for needle in ("onerror=alert(1)", "<script>alert(1)</script>",
                       "[click](javascript:alert(1))"):
            assert page.get_by_text(needle, exact=False).count() > 0, needle
        assert not (found := _injected(page)), found

        page.evaluate("() => document.querySelectorAll('*').forEach("
                      "e => { if (e.scrollTop) e.scrollTop = 0; })")
        page.wait_for_timeout(500)
        shot = tmp_path / "injection.png"
        page.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
    finally:
        context.close()

    assert dialogs == [], dialogs
    # an injected <img src=x> or <iframe src=javascript:...> would have asked for these
    assert not [u for u in requests if re.search(r"/x(\?|$)|^javascript:", u)], requests
    errors = [c for c in console if c[0] in ("error", "pageerror")]
    assert not errors, errors
    # Display, not safety: plotly decodes only a few named entities (&amp; &lt; &gt; ...), so
    # a quote escaped as &quot; shows as the six characters "&quot;" in a hover label.
    if "&quot;" in hovers and '<a href="javascript:alert(1)">' not in hovers:
        pytest.xfail('known: dashboard/charts.py escape_html writes " as &quot;, which plotly '
                     "hover labels show literally (use &#34; instead)")
    assert '<a href="javascript:alert(1)">click</a>' in hovers, hovers
