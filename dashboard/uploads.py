"""Adding articles from the browser: parse first, store only what reads, never overwrite.

The file is parsed from a private temporary copy before anything touches the articles
folder, so an unreadable upload leaves the folder as it was. Storing goes through
stance.store.store_upload (type/size checks, safe names, atomic write, content-hash dedupe).

The parse runs in a child process with a time budget (`PARSE_BUDGET_S`): text that would keep
the parser busy longer is refused and nothing is stored, and a long parse never holds the
server's interpreter, so other sessions keep running. Its result is written into the corpus's
parse cache under the stored name, so the dashboard's next load does not parse it again.
Hand-written rather than concurrent.futures: a pool cannot kill one task that overruns.
"""
from __future__ import annotations

import multiprocessing as mp
import re
import sys
import tempfile
import threading
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from stance.tables import ARTICLE_SUFFIXES

BAD_STATUSES = ("error", "empty", "unreadable", "rejected", "failed")
PARSE_BUDGET_S = 30.0  # per uploaded file
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class UploadOutcome:
    """What happened to one uploaded file, with a message for the user."""

    name: str
    status: str  # "stored" | "duplicate" | "rejected" | "unreadable" | "not added" (to the store)
    message: str
    path: Path | None = None
    events: int = 0
    positions: int = 0
    claims: int = 0


class BudgetExceeded(Exception):
    """The parse did not finish within its time budget."""


def _child(conn, parse: Callable[..., Any], paths: list[Path]) -> None:
    try:
        conn.send(("ok", parse(paths)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


_MAIN_LOCK = threading.Lock()


def _start(proc) -> None:
    """Start a child without it importing __main__, which under Streamlit is the app script:
    the child would run the whole app (parse the corpus again, or open the DuckDB store whose
    lock this process holds, and die) before parsing the one upload."""
    with _MAIN_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")  # no file: nothing to import
        try:
            proc.start()
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def parse_within(parse: Callable[..., Any], paths: list[Path], budget_s: float | None) -> Any:
    """`parse(paths)` in a child process, killed after `budget_s` seconds (BudgetExceeded).

    budget_s None parses in this process (no budget). The child comes from a fork server, so
    it holds no copy of the web server's threads or locks.
    """
    if budget_s is None:
        return parse(paths)
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["stance.pipeline"])  # not __main__ (see _start)
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, parse, paths), daemon=True)
    _start(proc)
    child.close()
    try:
        if not parent.poll(budget_s):
            raise BudgetExceeded(f"parsing took longer than {budget_s:g} s")
        status, value = parent.recv()
    except EOFError:
        raise RuntimeError(f"the parser process stopped (exit code {proc.exitcode})") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status != "ok":
        raise RuntimeError(value)
    return value


def _check_parse(data: bytes, name: str, parse: Callable[..., Any],
                 budget_s: float | None = None) -> tuple[str | None, Any]:
    """Parse a private copy named as the store would name it; (error message or None, tables)."""
    from stance.store import safe_name

    stored = safe_name(name)
    with tempfile.TemporaryDirectory(prefix="stance-upload-") as tmp:
        path = Path(tmp) / stored
        path.write_bytes(data)
        try:
            tables = parse_within(parse, [path], budget_s)
        except BudgetExceeded:
            return (f"would take too long to parse (over the {budget_s:g} s budget per "
                    "upload); split it into smaller articles", None)
        except Exception as exc:  # the parser must not take the app down with it
            return f"could not be parsed ({type(exc).__name__}: {exc})", None
    docs = tables.documents
    bad = docs[docs["status"].isin(BAD_STATUSES) | (docs["error"].astype(str) != "")]
    if len(docs) == 0 or len(bad) == len(docs):
        detail = "; ".join(sorted(set(bad["error"].astype(str)) - {""})) or "no readable text"
        return f"could not be read: {detail}", tables
    return None, tables


def accept_upload(data: bytes, name: str, folder: Path,
                  parse: Callable[..., Any] | None = None,
                  store: Callable[..., Any] | None = None,
                  check: Callable[[bytes, str], str | None] | None = None,
                  budget_s: float | None = None,
                  cache_dir: Path | None = None,
                  on_stored: Callable[[Path, Any], str | None] | None = None) -> UploadOutcome:
    """Check, parse once (within `budget_s` seconds when given) and, when it reads, store an
    uploaded file under `folder`; with `cache_dir`, the parsed tables go into that parse cache.
    `on_stored(path, tables)` then runs (e.g. adding the tables to the DuckDB store); a message
    it returns is a problem, reported with the outcome.

    `parse`, `store` and `check` default to stance.parse_corpus, stance.store.store_upload
    and stance.store.check_upload (type, size, binary and encoding checks).
    """
    if parse is None:
        from stance import parse_corpus as parse
    if store is None:
        from stance.store import store_upload as store
    if check is None:
        from stance.store import check_upload as check
    if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        allowed = ", ".join(ARTICLE_SUFFIXES)
        return UploadOutcome(name, "rejected", f"{name}: not an article file (allowed: {allowed})")
    problem = check(data, name)
    if problem:
        return UploadOutcome(name, "rejected", f"{problem} Nothing was stored.")
    error, tables = _check_parse(data, name, parse, budget_s)
    if error is not None:
        return UploadOutcome(name, "unreadable", f"{name} {error}. Nothing was stored.")
    result = store(data, name, folder)
    counts = dict(events=len(tables.events), positions=len(tables.positions),
                  claims=len(tables.claims))
    status = str(result.status)
    if status == "stored" and cache_dir is not None:
        remember_parse(cache_dir, data, Path(result.path), tables)
    problem = on_stored(Path(result.path), tables) if status == "stored" and on_stored else None
    if status == "stored":
        found = (f"{counts['events']} events, {counts['positions']} positions, "
                 f"{counts['claims']} claims")
        message = f"{name}: stored as {Path(result.path).name} ({found})."
        if problem:  # in the articles folder, but not in the store the dashboard reads
            status, message = "not added", f"{message} {problem}"
    elif status == "duplicate":
        where = f" as {Path(result.path).name}" if result.path else ""
        message = f"{name}: the same text is already stored{where}; nothing added."
    else:
        message = f"{name}: not stored. {result.message}".strip()
    return UploadOutcome(name, status, message, result.path, **counts)


def remember_parse(cache_dir: Path, data: bytes, stored: Path, tables: Any) -> bool:
    """Put one stored upload's parsed tables into the corpus's parse cache (keeping every
    entry already there), so loading the corpus does not parse it a second time.

    Only when the tables are the parse of a file of that very name (the temporary copy is
    named as the store names it); a renamed upload is parsed again on load, and so is one whose
    document ids the corpus would prefix differently (the cache checks the prefix). Returns
    whether the entry was written; a cache that cannot be written is no error.
    """
    import hashlib

    from stance.cache import ParseCache
    from stance.pipeline import PARSER_VERSION

    stored = Path(stored)
    files = set(tables.documents["file"].astype(str)) if len(tables.documents) else set()
    if files != {stored.name}:
        return False
    ids = tables.documents["doc_id"].astype(str)
    prefix = ids.iloc[0].rsplit("-", 1)[0] if len(ids) else stored.stem
    try:
        cache = ParseCache(cache_dir, PARSER_VERSION)
        return cache.add(stored, hashlib.sha256(data).hexdigest(), prefix, tables)
    except (OSError, ValueError, KeyError):
        return False
