"""Start the dashboard with its work for the first page done before it takes requests.

    python -m dashboard.serve [streamlit run options, e.g. --server.port 8502]

Same as `streamlit run app.py`, except that before the server listens it imports what the
script imports (pandas, plotly, the parser: about 1.5 s of CPU) and parses the articles folder
into the shared caches (`shell.load_source`: the per-file parse cache on disk and the prepared
tables in memory), all in the server's own process. The first visitor's script run then finds
them ready instead of doing that work while the browser waits for its first map. The server is
`streamlit run serve_app.py`: app.py as an `st.App` whose index page tells the frontend where
the server is, so a page URL opened directly costs no 404s (dashboard/backend_url.py). Nothing
else changes: the same app.py, config and caches; `streamlit run app.py` still works (and does
the same work at the first request, and probes `<page>/_stcore/...` when a page URL is opened).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

SERVED = Path(__file__).resolve().parent.parent / "serve_app.py"  # st.App("app.py", ...)


def warm(folder: Path | None = None) -> float:
    """Import the dashboard and load the articles folder (or the $STANCE_STORE store) into
    the caches the script reads; seconds spent. Runs outside any script run (Streamlit's
    "bare mode"): st.cache_resource entries are process-wide, so the server's sessions find
    them."""
    t0 = time.perf_counter()
    from streamlit import logger

    level = logger.get_logger("streamlit").getEffectiveLevel()
    logger.set_log_level("error")  # no "missing ScriptRunContext" warnings in bare mode
    try:
        import pyarrow  # noqa: F401  (what st.dataframe serializes with)

        from . import pages, shell, views  # noqa: F401  (everything app.py imports)
        from .loading import articles_dir

        shell.load_source(folder or articles_dir())
    finally:
        logger.set_log_level(level)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    spent = warm()
    print(f"stance: caches ready in {spent:.1f} s", file=sys.stderr, flush=True)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(SERVED), *args]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main())
