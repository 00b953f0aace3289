"""dashboard/serve.py: the launcher does the first page's imports and parsing before it listens,
and serves app.py with dashboard/backend_url.py's index-page script (no 404s on page URLs)."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
import importlib
import shutil
import sys
from pathlib import Path

from streamlit import config, file_util
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app
from streamlit.web.server.starlette.starlette_gzip_middleware import SelectiveGZipMiddleware
from streamlit.web.server.starlette.starlette_static_routes import (
    create_streamlit_static_handler,
)

from dashboard import serve, shell
from dashboard.backend_url import SCRIPT, BackendBaseUrl, inject
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
    assert seen["argv"] == ["streamlit", "run", str(ROOT / "serve_app.py"), "--server.port",
                            "8599"]


def test_the_served_file_is_app_py_as_an_st_app_with_the_middleware(monkeypatch):
    found = discover_asgi_app(serve.SERVED)  # what `streamlit run serve_app.py` looks for
    assert found.is_asgi_app and found.import_string == "serve_app:app"
    monkeypatch.setattr(config, "_main_script_path", None)  # st.App() sets it once
    monkeypatch.syspath_prepend(str(ROOT))
    served = importlib.import_module("serve_app").app
    assert served.script_path.name == "app.py"
    assert [m.cls for m in served._user_middleware] == [BackendBaseUrl]


def _get(app, path: str) -> tuple[int, dict[str, str], bytes]:
    """One GET through an ASGI app, as a browser asks (gzip accepted): status, headers, body."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": b"country=CUB", "server": ("127.0.0.1", 8501),
             "client": ("127.0.0.1", 50000), "extensions": {"http.response.pathsend": {}},
             "headers": [(b"host", b"127.0.0.1:8501"), (b"accept-encoding", b"gzip")]}
    sent: list[dict] = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict:  # the request, then nothing (the client stays connected)
        if requests:
            return requests.pop()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def send(message: dict) -> None:
        sent.append(message)

    # in a thread of its own: an earlier test in the same process may have left an event loop
    # marked as running in this one, and asyncio.run refuses to start under it
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result(timeout=60)
    headers = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


def test_the_index_page_says_where_the_server_is_before_the_bundle_runs():
    static_dir = Path(file_util.get_static_dir())
    # Streamlit's own index handler (index.html for `/` and for every page path) behind its
    # gzip middleware, which compresses the page paths' copy
    streamlit = SelectiveGZipMiddleware(create_streamlit_static_handler(str(static_dir), None),
                                        minimum_size=500, compresslevel=5)
    app = BackendBaseUrl(streamlit)
    for path in ("/", "/country", "/relations"):
        status, headers, body = _get(app, path)
        assert status == 200 and "content-encoding" not in headers, path
        assert int(headers["content-length"]) == len(body)
        assert "etag" not in headers and "last-modified" not in headers
        html = body.decode()
        assert html.count(SCRIPT.decode()) == 1
        assert html.index(SCRIPT.decode()) < html.index('<script type="module"'), path
        assert html.replace(SCRIPT.decode(), "") == (static_dir / "index.html").read_text()
    bundle = next((static_dir / "static" / "js").glob("index.*.js"))
    status, headers, body = _get(app, f"/static/js/{bundle.name}")
    assert status == 200 and body == bundle.read_bytes()  # everything else passes through
    assert "etag" in headers


def test_inject_puts_the_script_first_and_leaves_script_free_html_alone():
    assert inject(b"<head><title>t</title><script>x</script></head>") == (
        b"<head><title>t</title>" + SCRIPT + b"<script>x</script></head>")
    assert inject(b"<p>no script</p>") == b"<p>no script</p>"
    assert b"BACKEND_BASE_URL" in SCRIPT and b"document.baseURI" in SCRIPT
