"""Which article files the dashboard reads, and a cache key built from their contents."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Callable

from stance.tables import ARTICLE_SUFFIXES

ARTICLES_ENV = "STANCE_ARTICLES_DIR"
DEFAULT_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"

Fingerprint = tuple[tuple[str, str], ...]


def articles_dir() -> Path:
    """The folder of articles: $STANCE_ARTICLES_DIR when set, else data/articles/."""
    value = os.environ.get(ARTICLES_ENV, "").strip()
    return Path(value) if value else DEFAULT_ARTICLES


def parse_cache_dir(folder: Path) -> Path:
    """Per-file parse cache next to the articles folder (data/.cache for data/articles)."""
    return folder.parent / ".cache"


def article_paths(folder: Path) -> list[Path]:
    """Article files directly in `folder`, sorted by name (hidden and temp files skipped)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                  and not p.name.startswith("."))


PROGRESS_FROM_FILES = 50  # parses of fewer files show only the spinner


def progress_reporter(make_bar: Callable[..., Any], files: int, min_files: int = PROGRESS_FROM_FILES
                      ) -> tuple[Callable[[int, int, int], None] | None, Callable[[], None]]:
    """A `parse_corpus` progress callback drawing a bar made by `make_bar` (st.progress), and a
    function removing the bar; (None, no-op) below `min_files`. The bar moves in whole percents,
    so a 10k-file parse sends about a hundred updates to the browser, not ten thousand."""
    if files < min_files:
        return None, lambda: None
    bar = make_bar(0.0, text=f"Parsing {files:,} files…")
    shown = [-1]

    def update(done: int, total: int, articles: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            bar.progress(percent / 100, text=f"Parsed {done:,} of {total:,} files ({articles:,} articles)")

    return update, bar.empty


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fingerprint(paths: list[Path],
                digest: Callable[[Path], str] = file_digest) -> Fingerprint:
    """(path, content hash) for each file: equal fingerprints mean equal inputs to the parse."""
    out = []
    for p in paths:
        try:
            out.append((str(p), digest(p)))
        except OSError:  # vanished or unreadable between listing and hashing: the parse reports it
            out.append((str(p), "unreadable"))
    return tuple(out)
