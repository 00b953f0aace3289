"""Load test of the dashboard: N concurrent sessions that filter and download, for T seconds.

    python -m bench.load [--sessions 10] [--seconds 20] [--mode apptest|browser]

Mode "apptest" (the default): N processes, each driving app.py with
streamlit.testing.v1.AppTest through a cycle of filter changes (stance, country, date range,
the two checkboxes) and reading the positions CSV that the run built for its download button
(the bytes a click would fetch), checked against the row count the button announces. This
measures what the server spends per session and interaction (script rerun: filtering,
figures, CSV and ZIP building) with N sessions competing for the CPU; it leaves out the
websocket, the media endpoint and the browser. Processes, not threads: AppTest swaps a
process-global Runtime for the length of a run (and clears it afterwards), so two AppTest
sessions cannot run at once in one process.

Mode "browser" (closest to real use, but heavy): one dashboard server (`python -m
dashboard.serve`, as the README starts it; `--plain-start`: `streamlit run app.py`) on a free
127.0.0.1 port reading a private copy of the corpus, and N pages (one browser context each, so
N Streamlit sessions) in one headless Debian Chromium (/usr/bin/chromium through Playwright; no
browser is downloaded). Each page loads the dashboard, then loops: change one filter through
the real widgets, wait until the server has rerun the script (the link in the address bar
follows every filter), click "positions.csv" and check the downloaded rows. On a 2-core
machine ten pages that each redraw a world map with software rendering take most of the CPU,
so the times then say more about Chromium than about the server, and a 10 x 20 s run takes
well over a minute; that is why it is not the default.

Every loop is bounded by the deadline and by a cap on interactions, every wait has a timeout,
everything stays on the loopback interface, and the server is stopped with its whole process
group. `run_load()` returns the figures as a dict for bench/run.py and BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import csv
import datetime as dt
import io
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
SAMPLE = ROOT / "data" / "articles"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
START_TIMEOUT = 90.0        # server start
LOAD_TIMEOUT_MS = 90_000    # first page load, per session (all sessions load at once)
STEP_TIMEOUT_MS = 30_000    # one filter change or one download
MAX_INTERACTIONS = 500      # per session, whatever the deadline
OPEN_AT_ONCE = 2            # pages loading at the same time (users arrive, not all at once)
KINDS = ("stance", "implied", "country", "dates", "undated")
MEMBERS_LABEL = "Include members of blocs that spoke"   # the bloc-membership switch
TABLES_PAGE = "Evidence & tables"                         # the page with the downloads
PENDING_RUN_JS = ("() => { const w = document.querySelector('[data-testid=\"stStatusWidget\"]');"
                  " return !!w && /Running/i.test(w.innerText); }")


# ----------------------------------------------------------------------- figures


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0..100) by linear interpolation; None for no values."""
    if not values:
        return None
    xs = sorted(values)
    k = (len(xs) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summarise(records: list[dict], errors: list[str], *, mode: str, sessions: int,
              seconds: float, wall_s: float, extra: dict | None = None) -> dict:
    """Figures from per-interaction records ({"kind", "total_s", "rerun_s", "download_s"})."""
    ok = [r for r in records if r.get("ok")]
    total = [r["total_s"] for r in ok]
    out = {
        "mode": mode, "sessions": sessions, "seconds": seconds, "wall_s": round(wall_s, 2),
        "interactions": len(records), "ok": len(ok), "errors": len(errors),
        "error_samples": errors[:10],
        "median_s": _r(statistics.median(total) if total else None),
        "p95_s": _r(percentile(total, 95)),
        "max_s": _r(max(total) if total else None),
        "rerun_median_s": _r(_median([r["rerun_s"] for r in ok])),
        "download_median_s": _r(_median([r["download_s"] for r in ok])),
        "per_s": round(len(ok) / seconds, 2) if seconds else None,
        "by_kind": {k: {"n": len(v), "median_s": _r(_median(v))}
                    for k in KINDS if (v := [r["total_s"] for r in ok if r["kind"] == k])},
        "load_average": _loadavg(),
    }
    out.update(extra or {})
    return out


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def report(res: dict) -> str:
    """A few human-readable lines."""
    def ms(x: float | None) -> str:
        return "-" if x is None else f"{x * 1000:.0f} ms"

    lines = [f"load test ({res['mode']}): {res['sessions']} sessions for {res['seconds']:g} s "
             f"(wall {res['wall_s']:g} s)",
             f"  interactions {res['interactions']} ({res['per_s']} per s), errors {res['errors']}",
             f"  interaction time: median {ms(res['median_s'])}, p95 {ms(res['p95_s'])}, "
             f"max {ms(res['max_s'])}",
             f"  of which rerun {ms(res['rerun_median_s'])}, download "
             f"{ms(res['download_median_s'])} (medians)"]
    if res.get("page_load_median_s") is not None:
        lines.append(f"  first page load: median {ms(res['page_load_median_s'])}, "
                     f"p95 {ms(res.get('page_load_p95_s'))}, max {ms(res['page_load_max_s'])}")
    if res.get("first_map_cold_s") is not None:
        lines.append(f"  first map after a cold start: {ms(res['first_map_cold_s'])}")
    lines.append("  by kind: " + ", ".join(f"{k} {ms(v['median_s'])} (n={v['n']})"
                                           for k, v in res["by_kind"].items()))
    for e in res["error_samples"]:
        lines.append(f"  error: {e}")
    return "\n".join(lines)


# ----------------------------------------------------------------------- server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(folder: Path, log: Path, warm: bool = True) -> Iterator[str]:
    """The dashboard on a free loopback port reading `folder`; yields its URL.

    `warm`: started as `python -m dashboard.serve` (imports and the corpus loaded before the
    server listens, as the README starts it); else plain `streamlit run app.py`. The server
    gets its own process group, stopped (SIGTERM, then SIGKILL) on exit.
    """
    port = _free_port()
    env = dict(os.environ, STANCE_ARTICLES_DIR=str(folder),
               STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    launcher = ["dashboard.serve"] if warm else ["streamlit", "run", str(APP)]
    cmd = [sys.executable, "-m", *launcher,
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not start in {START_TIMEOUT:.0f} s")
            time.sleep(0.3)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def corpus_copy(base: Path, source: Path = SAMPLE) -> Path:
    """A private copy of the corpus (the app writes its parse cache next to the folder)."""
    folder = base / "articles"
    shutil.copytree(source, folder)
    return folder


# ----------------------------------------------------------------------- browser mode


def csv_rows(data: bytes) -> int:
    """Data rows of a UTF-8 CSV (quoted cells may hold line breaks)."""
    return max(0, sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) - 1)


def _announced(label: str) -> int:
    """The row count in a button label such as "positions.csv (1,234 rows)"."""
    digits = "".join(ch for ch in label.rsplit("(", 1)[-1] if ch.isdigit())
    return int(digits) if digits else -1


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"


class BrowserSession:
    """One user: a page in its own browser context, cycling through filter changes."""

    def __init__(self, index: int, browser, url: str, opts: dict) -> None:
        self.index, self.browser, self.url, self.opts = index, browser, url, opts
        self.records: list[dict] = []
        self.errors: list[str] = []
        self.page_load_s: float | None = None
        self.first_map_s: float | None = None
        self.state = {"stance": False, "country": False, "dates": False}

    async def open(self) -> None:
        self.context = await self.browser.new_context(
            viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        self.page = await self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(f"s{self.index} page: {e}"))
        t0 = time.perf_counter()
        await self.page.goto(self.url, wait_until="domcontentloaded", timeout=LOAD_TIMEOUT_MS)
        await self.page.wait_for_function(
            "() => document.querySelectorAll('path.choroplethlocation').length > 0",
            timeout=LOAD_TIMEOUT_MS)
        if TABLES_PAGE:  # pages: the downloads are on "Evidence & tables"
            await self.page.get_by_test_id("stSidebarNav").get_by_text(
                TABLES_PAGE, exact=True).click()
        await self._button().wait_for(timeout=LOAD_TIMEOUT_MS)
        await self._settled(LOAD_TIMEOUT_MS)
        self.page_load_s = time.perf_counter() - t0

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.context.close()

    def _button(self):
        return self.page.get_by_test_id("stDownloadButton").filter(has_text="positions.csv") \
            .locator("button")

    async def _settled(self, timeout: float = STEP_TIMEOUT_MS) -> None:
        await self.page.wait_for_function(f"() => !({PENDING_RUN_JS})()", timeout=timeout)

    def _sidebar(self):
        return self.page.get_by_test_id("stSidebarUserContent")

    async def _multiselect(self, label: str, on: bool, text: str | None) -> None:
        box = self._sidebar().get_by_test_id("stMultiSelect").filter(has_text=label)
        field = box.locator("input")
        await field.click()
        if on:
            if text:
                await self.page.keyboard.type(text)
            option = self.page.get_by_role("option")
            await option.first.wait_for(timeout=STEP_TIMEOUT_MS)
            await option.first.click()
        else:
            await self.page.keyboard.press("Backspace")
        await self.page.keyboard.press("Escape")

    async def _dates(self, on: bool) -> None:
        """Type the start year of the date range; the field commits on a click outside it."""
        sb = self._sidebar()
        year = sb.get_by_role("spinbutton", name="year, Date range start date")
        await year.click()
        await self.page.keyboard.type(str(self.opts["narrow_year" if on else "full_year"]))
        await sb.get_by_role("heading", name="Filters").click()

    async def _change(self, kind: str) -> None:
        sb = self._sidebar()
        if kind == "implied":
            await sb.get_by_text(MEMBERS_LABEL, exact=True).click()
        elif kind == "undated":
            await sb.get_by_text("Include undated", exact=True).click()
        elif kind == "stance":
            self.state["stance"] = not self.state["stance"]
            stance = self.opts["stances"][self.index % len(self.opts["stances"])]
            await self._multiselect("Stance", self.state["stance"], stance)
        elif kind == "country":
            self.state["country"] = not self.state["country"]
            await self._multiselect("Countries", self.state["country"], None)
        elif kind == "dates":
            self.state["dates"] = not self.state["dates"]
            await self._dates(self.state["dates"])

    async def interact(self, kind: str) -> dict:
        """One filter change, its rerun, and a positions.csv download."""
        page = self.page
        before = await page.evaluate("() => location.search")
        t0 = time.perf_counter()
        await self._change(kind)
        # every change alters the link, which the script rewrites as its last step
        await page.wait_for_function("(b) => location.search !== b", arg=before,
                                     timeout=STEP_TIMEOUT_MS)
        await self._settled()
        t1 = time.perf_counter()
        button = self._button()
        label = await button.inner_text()
        async with page.expect_download(timeout=STEP_TIMEOUT_MS) as info:
            await button.click()
        download = await info.value
        path = await download.path()
        data = Path(path).read_bytes()
        t2 = time.perf_counter()
        rows, announced = csv_rows(data), _announced(label)
        if rows != announced:
            raise AssertionError(f"downloaded {rows} rows, the button said {announced}")
        return {"session": self.index, "kind": kind, "ok": True, "total_s": t2 - t0,
                "rerun_s": t1 - t0, "download_s": t2 - t1, "bytes": len(data)}

    async def run(self, deadline: float) -> None:
        n = 0
        while time.monotonic() < deadline and n < MAX_INTERACTIONS:
            kind = KINDS[(self.index + n) % len(KINDS)]
            n += 1
            try:
                self.records.append(await self.interact(kind))
            except Exception as exc:  # noqa: BLE001 - every failure is a figure
                self.records.append({"session": self.index, "kind": kind, "ok": False})
                self.errors.append(f"s{self.index} {kind}: {_short(exc)}")
                with contextlib.suppress(Exception):  # next step starts from a quiet page
                    await self.page.keyboard.press("Escape")
                    await self._settled()


def _page_options(folder: Path) -> dict:
    """Stances and the date range of the corpus (so the sessions choose real values)."""
    from stance import parse_corpus

    from dashboard.loading import article_paths

    tables = parse_corpus(article_paths(folder))
    stances = sorted(set(tables.positions["stance"]) - {""}) or ["support"]
    dates = sorted(d for d in tables.events["date"] if d)
    lo, hi = (int(dates[0][:4]), int(dates[-1][:4])) if dates else (2000, 2000)
    return {"stances": stances, "full_year": lo, "narrow_year": max(lo, hi - 5)}


async def _first_map(browser, url: str) -> float:
    """Seconds from the first request to a just-started server until map shapes are drawn."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = await context.new_page()
        t0 = time.perf_counter()
        await page.goto(url, wait_until="domcontentloaded", timeout=LOAD_TIMEOUT_MS)
        await page.wait_for_function(
            "() => document.querySelectorAll('path.choroplethlocation').length > 0",
            timeout=LOAD_TIMEOUT_MS)
        return time.perf_counter() - t0
    finally:
        await context.close()


async def _browser_load(url: str, sessions: int, seconds: float, opts: dict,
                        log: Callable[[str], None]) -> tuple[list[BrowserSession], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                           args=CHROMIUM_ARGS)
        first_map = await _first_map(browser, url)
        log(f"  first map {first_map:.2f} s after the first request (cold server)")
        users = [BrowserSession(i, browser, url, opts) for i in range(sessions)]
        users[0].first_map_s = first_map
        try:
            log(f"  opening {sessions} pages, {OPEN_AT_ONCE} at a time")
            gate = asyncio.Semaphore(OPEN_AT_ONCE)

            async def open_one(u: BrowserSession) -> None:
                async with gate:
                    await u.open()

            opened = await asyncio.gather(*(open_one(u) for u in users), return_exceptions=True)
            for u, res in zip(users, opened):
                if isinstance(res, BaseException):
                    u.errors.append(f"s{u.index} open: {_short(res)}")
            live = [u for u, res in zip(users, opened) if not isinstance(res, BaseException)]
            log(f"  {len(live)} pages ready; interacting for {seconds:g} s")
            t0 = time.perf_counter()
            await asyncio.gather(*(u.run(time.monotonic() + seconds) for u in live))
            spent = time.perf_counter() - t0
        finally:
            await asyncio.gather(*(u.close() for u in users))
            await browser.close()
    return users, spent


def run_browser(sessions: int, seconds: float, folder: Path | None = None,
                log: Callable[[str], None] = lambda m: None, warm: bool = True) -> dict:
    """Browser mode (see the module docstring)."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium, or use "
                           "--mode apptest")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stance-load-") as tmp:
        base = Path(tmp)
        corpus = corpus_copy(base, folder or SAMPLE)
        opts = _page_options(corpus)
        log(f"  starting streamlit on {corpus}" + ("" if warm else " (plain streamlit run)"))
        started_server = time.perf_counter()
        with serve(corpus, base / "streamlit.log", warm=warm) as url:
            listening_s = time.perf_counter() - started_server
            log(f"  server listening after {listening_s:.2f} s")
            # own thread: the caller may already run an event loop (e.g. Playwright's sync API)
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                users, spent = pool.submit(asyncio.run, _browser_load(
                    url, sessions, seconds, opts, log)).result()
    records = [r for u in users for r in u.records]
    errors = [e for u in users for e in u.errors]
    loads = [u.page_load_s for u in users if u.page_load_s is not None]
    return summarise(records, errors, mode="browser", sessions=sessions, seconds=spent,
                     wall_s=time.perf_counter() - started,
                     extra={"page_load_median_s": _r(_median(loads)),
                            "page_load_p95_s": _r(percentile(loads, 95)),
                            "page_load_max_s": _r(max(loads) if loads else None),
                            "first_map_cold_s": _r(next((u.first_map_s for u in users
                                                         if u.first_map_s), None)),
                            "server_listening_s": _r(listening_s),
                            "server": ("python -m dashboard.serve" if warm else
                                       "streamlit run app.py") + " on 127.0.0.1, one process",
                            "client": "headless Chromium (Debian), one context per session"})


# ----------------------------------------------------------------------- AppTest mode


def _apptest_session(args: tuple[int, float, str, dict]) -> tuple[list[dict], list[str], float]:
    """One AppTest session in its own process (see the module docstring): its records, its
    errors and the seconds it spent interacting (counted from after its first run)."""
    index, seconds, folder, opts = args
    os.environ["STANCE_ARTICLES_DIR"] = folder
    from streamlit import logger
    from streamlit.testing.v1 import AppTest

    logger.set_log_level("error")  # no "missing ScriptRunContext" bare-mode warnings
    _record_media_storage()

    records: list[dict] = []
    errors: list[str] = []
    try:
        at = AppTest.from_file(str(APP), default_timeout=STEP_TIMEOUT_MS / 1000)
        at.run()
        if (ROOT / "app_pages" / "tables.py").is_file():  # pages: downloads are there
            at.switch_page("app_pages/tables.py").run()
        if at.exception:
            return records, [f"s{index} open: {at.exception[0].message[:160]}"], 0.0
    except Exception as exc:  # noqa: BLE001
        return records, [f"s{index} open: {_short(exc)}"], 0.0
    state = {"stance": False, "country": False, "dates": False}
    n = 0
    started = time.monotonic()
    while time.monotonic() < started + seconds and n < MAX_INTERACTIONS:
        kind = KINDS[(index + n) % len(KINDS)]
        n += 1
        try:
            t0 = time.perf_counter()
            _apptest_change(at, kind, state, opts, index)
            at.run()
            if at.exception:
                raise RuntimeError(at.exception[0].message[:160])
            t1 = time.perf_counter()
            rows, announced = _apptest_download(at)
            t2 = time.perf_counter()
            if rows != announced:
                raise AssertionError(f"CSV has {rows} rows, the button said {announced}")
            records.append({"session": index, "kind": kind, "ok": True, "total_s": t2 - t0,
                            "rerun_s": t1 - t0, "download_s": t2 - t1})
        except Exception as exc:  # noqa: BLE001 - every failure is a figure
            records.append({"session": index, "kind": kind, "ok": False})
            errors.append(f"s{index} {kind}: {_short(exc)}")
    return records, errors, time.monotonic() - started


def _apptest_change(at, kind: str, state: dict, opts: dict, index: int) -> None:
    sb = at.sidebar
    if kind in ("implied", "undated"):
        box = next(c for c in sb.checkbox if c.label in (
            (MEMBERS_LABEL, "Include implied bloc members") if kind == "implied"
            else ("Include undated",)))
        box.set_value(not box.value)
    elif kind == "stance":
        state["stance"] = not state["stance"]
        box = next(m for m in sb.multiselect if m.label == "Stance")
        box.set_value([opts["stances"][index % len(opts["stances"])]] if state["stance"] else [])
    elif kind == "country":
        state["country"] = not state["country"]
        box = next(m for m in sb.multiselect if m.label == "Countries")
        box.set_value([_option_value(box)] if state["country"] and box.options else [])
    elif kind == "dates":
        state["dates"] = not state["dates"]
        box = sb.date_input[0]
        start = dt.date(opts["narrow_year"], 1, 1) if state["dates"] else box.min
        box.set_value((min(max(start, box.min), box.max), box.max))


def _option_value(box) -> str:
    """The value of a multiselect's first option (its labels are names)."""
    return box.indices_to_values([0])[0] if hasattr(box, "indices_to_values") else \
        box.options[0]


class _Storages:
    """The media storage of the latest AppTest run (where download buttons put their bytes)."""

    latest = None


def _record_media_storage() -> None:
    """Make AppTest keep a handle on each run's in-memory media storage (this process only)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import app_test

    class Recording(MemoryMediaFileStorage):
        def __init__(self, endpoint: str) -> None:
            super().__init__(endpoint)
            _Storages.latest = self

    app_test.MemoryMediaFileStorage = Recording


def _apptest_download(at) -> tuple[int, int]:
    """Rows of the positions CSV and the row count its download button announces.

    A button whose file is built on click (a callable, as the dashboard now uses) has no
    bytes in the run: its CSV is then built here from the positions table the run shows
    (the same rows the click would give), so the cost of a download is still counted.
    """
    button = next(b for b in at.get("download_button") if "positions.csv" in b.proto.label)
    if button.proto.url:
        file_id = button.proto.url.rsplit("/", 1)[-1].split(".", 1)[0]
        data = _Storages.latest.get_file(file_id).content
        return csv_rows(data), _announced(button.proto.label)
    from dashboard.downloads import table_csv

    table = next(d.value for d in at.dataframe if d.key == "table_positions")
    caption = next(c.value for c in at.caption if c.value.startswith("Rows ")
                   and "Select a row" in c.value and c.value in _positions_captions(at))
    total = int("".join(ch for ch in caption.split(" of ", 1)[1].split(".")[0] if ch.isdigit()))
    rows = csv_rows(table_csv(table, "positions")) if total <= len(table) else total
    return rows, _announced(button.proto.label)


def _positions_captions(at) -> list[str]:
    """Captions of the Positions tab (the second "Rows ... of N" caption)."""
    rows = [c.value for c in at.caption if c.value.startswith("Rows ")]
    return rows[1:2]


def run_apptest(sessions: int, seconds: float, folder: Path | None = None,
                log: Callable[[str], None] = lambda m: None) -> dict:
    """AppTest mode (see the module docstring)."""
    import multiprocessing as mp

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stance-load-") as tmp:
        corpus = corpus_copy(Path(tmp), folder or SAMPLE)
        opts = _page_options(corpus)
        ctx = mp.get_context("spawn")
        log(f"  {sessions} AppTest processes for {seconds:g} s")
        with ctx.Pool(sessions) as pool:
            jobs = [(i, seconds, str(corpus), opts) for i in range(sessions)]
            results = pool.map(_apptest_session, jobs)
    records = [r for recs, _, _ in results for r in recs]
    errors = [e for _, errs, _ in results for e in errs]
    spent = max((t for _, _, t in results), default=0.0) or seconds
    return summarise(records, errors, mode="apptest", sessions=sessions, seconds=spent,
                     wall_s=time.perf_counter() - started,
                     extra={"server": "none (streamlit.testing AppTest, one process per "
                                      "session)"})


# ----------------------------------------------------------------------- entry points


def run_load(sessions: int = 10, seconds: float = 20, mode: str = "apptest",
             folder: Path | None = None, log: Callable[[str], None] = lambda m: None,
             warm: bool = True) -> dict:
    """Run the load test and return its figures (see summarise() for the keys)."""
    if sessions < 1 or seconds <= 0:
        raise ValueError("sessions must be >= 1 and seconds > 0")
    if mode == "browser":
        return run_browser(sessions, seconds, folder, log, warm=warm)
    if mode == "apptest":
        return run_apptest(sessions, seconds, folder, log)
    raise ValueError(f"unknown mode {mode!r} (browser or apptest)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sessions", type=int, default=10, help="concurrent sessions (default 10)")
    p.add_argument("--seconds", type=float, default=20, help="interaction time (default 20)")
    p.add_argument("--mode", choices=("apptest", "browser"), default="apptest",
                   help="apptest: N AppTest processes (default); browser: one server and N "
                        "pages in headless Chromium")
    p.add_argument("--articles", type=Path, help="corpus folder (default data/articles)")
    p.add_argument("--json", type=Path, help="also write the figures here")
    p.add_argument("--plain-start", action="store_true",
                   help="browser mode: start the server with plain `streamlit run app.py` "
                        "(the first request then imports and parses) instead of "
                        "`python -m dashboard.serve`")
    args = p.parse_args(argv)
    res = run_load(args.sessions, args.seconds, args.mode, args.articles,
                   log=lambda m: print(m, file=sys.stderr, flush=True),
                   warm=not args.plain_start)
    print(report(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
