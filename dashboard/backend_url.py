"""Tell Streamlit's frontend where its server is, so that a page URL opened directly (a link to
`/country?country=CUB`, a reload on `/relations`) costs no failed request.

The frontend cannot tell which part of the address is the app and which is the page: unless
the page defines `window.__streamlit.BACKEND_BASE_URL` before the frontend's bundle runs, it
probes `<the whole path>/_stcore/health` and `.../_stcore/host-config` first (two 404s and two
"Failed to load resource" console errors on every page but the first) before it tries one path
segment shorter, the app's root (`PD()` in Streamlit 1.67's static/js/index.*.js).

`BackendBaseUrl`, a pure ASGI middleware for `st.App` (see serve_app.py), puts that definition
into the index page, the HTML Streamlit serves for `/` and for every page path. The address is
computed in the browser as the folder the page's own `./static/...` links resolve against, so
host, port, `server.baseUrlPath` and a proxy's path prefix all come out right; a value the
host already set in `window.__streamlit` wins.
"""
from __future__ import annotations

import gzip
from typing import TYPE_CHECKING

from starlette.datastructures import MutableHeaders

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

SCRIPT = (b'<script>window.__streamlit=Object.assign({BACKEND_BASE_URL:'
          b'new URL(".",document.baseURI).href},window.__streamlit)</script>')


def inject(html: bytes) -> bytes:
    """`html` with SCRIPT before its first script (so before the frontend's bundle), or
    unchanged when it has no script."""
    at = html.find(b"<script")
    return html if at < 0 else html[:at] + SCRIPT + html[at:]


class BackendBaseUrl:
    """Add SCRIPT to every successful HTML answer to a GET; pass everything else through.

    The HTML is buffered (Streamlit's index is 8 kB), decompressed if Streamlit's gzip
    middleware compressed it (it does for page paths, not for `/`), and sent with its new
    length and no validators (an ETag or Last-Modified of the file on disk would no longer
    describe the body)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        extensions = scope.get("extensions") or {}
        if "http.response.pathsend" in extensions:  # a file must come as body messages
            scope = {**scope, "extensions": {k: v for k, v in extensions.items()
                                             if k != "http.response.pathsend"}}
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_injected(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if message["status"] == 200 and \
                        headers.get("content-type", "").startswith("text/html"):
                    start = message  # held until the whole body is in
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                headers = MutableHeaders(scope=start)
                body = b"".join(chunks)
                if headers.get("content-encoding", "") == "gzip":
                    body = gzip.decompress(body)
                body = inject(body)
                for name in ("content-encoding", "etag", "last-modified"):
                    del headers[name]
                headers["content-length"] = str(len(body))
                await send(start)
                message = {"type": "http.response.body", "body": body}
            await send(message)

        await self.app(scope, receive, send_injected)
