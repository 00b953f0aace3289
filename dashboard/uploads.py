"""Adding articles from the browser: parse first, store only what reads, never overwrite.

The file is parsed from a private temporary copy before anything touches the articles
folder, so an unreadable upload leaves the folder as it was. Storing goes through
stance.store.store_upload (type/size checks, safe names, atomic write, content-hash dedupe).
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from stance.tables import ARTICLE_SUFFIXES

BAD_STATUSES = ("error", "empty", "unreadable", "rejected", "failed")
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class UploadOutcome:
    """What happened to one uploaded file, with a message for the user."""

    name: str
    status: str  # "stored" | "duplicate" | "rejected" | "unreadable"
    message: str
    path: Path | None = None
    events: int = 0
    positions: int = 0
    claims: int = 0


def _check_parse(data: bytes, name: str, parse: Callable[..., Any]) -> tuple[str | None, Any]:
    """Parse a private copy; return (error message or None, tables)."""
    suffix = Path(name).suffix.lower()
    stem = _SAFE.sub("_", Path(name).stem)[:60] or "upload"
    with tempfile.TemporaryDirectory(prefix="stance-upload-") as tmp:
        path = Path(tmp) / f"{stem}{suffix}"
        path.write_bytes(data)
        try:
            tables = parse([path])
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
                  check: Callable[[bytes, str], str | None] | None = None) -> UploadOutcome:
    """Check, parse at once and, when it reads, store an uploaded file under `folder`.

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
    error, tables = _check_parse(data, name, parse)
    if error is not None:
        return UploadOutcome(name, "unreadable", f"{name} {error}. Nothing was stored.")
    result = store(data, name, folder)
    counts = dict(events=len(tables.events), positions=len(tables.positions),
                  claims=len(tables.claims))
    status = str(result.status)
    if status == "stored":
        found = (f"{counts['events']} events, {counts['positions']} positions, "
                 f"{counts['claims']} claims")
        message = f"{name}: stored as {Path(result.path).name} ({found})."
    elif status == "duplicate":
        where = f" as {Path(result.path).name}" if result.path else ""
        message = f"{name}: the same text is already stored{where}; nothing added."
    else:
        message = f"{name}: not stored. {result.message}".strip()
    return UploadOutcome(name, status, message, result.path, **counts)
