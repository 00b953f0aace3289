"""Files to the four tables: read, split into articles, date, extract, assemble.

`parse_source` is a pure function of one file's contents, so the corpus can be parsed in
worker processes and cached per file (content hash + parser version) with identical results.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import tables
from .cache import ParseCache
from .cleaning import split_documents
from .dates import DEFAULT_SETTINGS, DateSettings, analyse_dates
from .extract import DocumentExtractor
from .reading import SourceFile, collect_paths, read_source
from .tables import TABLE_NAMES, Rows, Tables
from .version import __version__


def _parser_version(release: str = __version__) -> str:
    """The release plus a digest of the parser's code and data, so a cache never outlives a change."""
    import hashlib

    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*root.glob("**/*.py"), *root.glob("data/**/*.csv")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{release}+{digest.hexdigest()[:12]}"


PARSER_VERSION = _parser_version()


_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")


def _doc_stem(file: str) -> str:
    stem = file.rsplit(".", 1)[0] if "." in file else file
    return _SLUG.sub("_", stem)[:80] or "doc"


def _published_override(meta: dict) -> dt.date | None:
    value = meta.get("published") if isinstance(meta, dict) else None
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _document_row(src: SourceFile, doc_id: str, **values: object) -> dict:
    meta = src.meta if isinstance(src.meta, dict) else {}
    row = {"doc_id": doc_id, "file": src.file, "title": meta.get("title", "") or "", "published": "",
           "published_basis": "none", "status": src.status, "error": src.error, "part": 0, "start": None,
           "end": None, "encoding": src.encoding, "source": meta.get("source", "") or "",
           "url": meta.get("url", "") or "", "content_hash": src.content_hash,
           "warning": "; ".join(w for w in (src.warning, str(meta.get("warning", "") or "")) if w)}
    row.update(values)
    return row


def parse_rows(src: SourceFile, doc_prefix: str | None = None, settings: DateSettings = DEFAULT_SETTINGS) -> Rows:
    """One read file to its rows; a file that could not be read gives one documents row with its error.

    The rows depend only on the file and `settings` (dates never read the clock)."""
    prefix = doc_prefix or _doc_stem(src.file)
    if src.status != "ok":
        return Rows([_document_row(src, f"{prefix}-0")], [], [], [])
    meta = src.meta if isinstance(src.meta, dict) else {}
    override = _published_override(meta)
    out = Rows([], [], [], [])
    parts = split_documents(src.text)
    if not parts:
        return Rows([_document_row(src, f"{prefix}-0", status="empty", error="no article text found")], [], [], [])
    for part in parts:
        doc_id = f"{prefix}-{part.part}"
        dated = analyse_dates(src.text, list(part.paragraphs), override, settings)
        published = dated.published
        rows = DocumentExtractor(src.text, doc_id, src.file, list(part.paragraphs), part.title_span, dated).run()
        title = (meta.get("title") if part.part == 1 and meta.get("title") else part.title) or ""
        has_date = published is not None and published.date is not None
        out.documents.append(_document_row(
            src, doc_id, title=title, part=part.part, start=part.start, end=part.end,
            published=published.date.isoformat() if has_date else "",
            published_basis=("metadata" if override else published.basis) if has_date else "none",
        ))
        out.events.extend(rows.events)
        out.positions.extend(rows.positions)
        out.claims.extend(rows.claims)
    return out


def parse_source(src: SourceFile, doc_prefix: str | None = None, settings: DateSettings = DEFAULT_SETTINGS) -> Tables:
    """One read file to its tables (see `parse_rows`)."""
    return tables.build(parse_rows(src, doc_prefix, settings))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_text(text: str, file: str = "input.txt", settings: DateSettings = DEFAULT_SETTINGS) -> Tables:
    """Parse one article given as a string (the offsets index `text`).

    Lone surrogates (which no file can hold and no table can store) become U+FFFD, one code
    point for one, so offsets still index the given string.
    """
    import hashlib

    text = _LONE_SURROGATE.sub("\ufffd", text)

    src = SourceFile(path=file, file=file, text=text, status="ok" if text.strip() else "empty",
                     error="" if text.strip() else "empty file", encoding="utf-8", kind="text", meta={},
                     content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return parse_source(src, None, settings)


def concat(parts: Iterable[Tables]) -> Tables:
    """Stack per-file tables, keeping the column contract even when there are none."""
    parts = list(parts)
    out = []
    for index, name in enumerate(TABLE_NAMES):
        frames = [p[index] for p in parts if len(p[index])]
        out.append(pd.concat(frames, ignore_index=True) if frames else tables.empty(name))
    return Tables(*out)


def _prefixes(sources: list[SourceFile]) -> list[str]:
    """Document id prefixes from file names, made unique when two files share a stem."""
    seen: dict[str, int] = {}
    out = []
    for src in sources:
        stem = _doc_stem(src.file)
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem}~{seen[stem]}")
    return out


def _rows_for_path(args: tuple[str, str, DateSettings]) -> Rows:
    path, prefix, settings = args
    return parse_rows(read_source(path), prefix, settings)


def _stack_rows(parts: list[Rows]) -> Tables:
    """Build each table once for many files (pandas costs ~0.1 ms per frame, so never per file)."""
    return tables.build([row for part in parts for row in part[t]] for t in range(len(TABLE_NAMES)))


def _split(tables: Tables, parts: list[Rows]) -> list[Tables]:
    """Cut stacked tables back into per-file tables, in the order of `parts`."""
    out = []
    offsets = [0] * len(TABLE_NAMES)
    for part in parts:
        pieces = []
        for t in range(len(TABLE_NAMES)):
            a, b = offsets[t], offsets[t] + len(part[t])
            pieces.append(tables[t].iloc[a:b].reset_index(drop=True))
            offsets[t] = b
        out.append(Tables(*pieces))
    return out


Progress = Callable[[int, int, int], None]
"""Called as progress(files_done, files_total, articles_so_far) after each file (and once at the start)."""


class _Ticker:
    """Counts files and articles as they finish and tells a `Progress` callback."""

    def __init__(self, progress: Progress | None, total: int, done: int = 0, articles: int = 0) -> None:
        self.progress, self.total, self.done, self.articles = progress, total, done, articles
        if progress is not None:
            progress(done, total, articles)

    def collect(self, results: Iterable[Rows]) -> list[Rows]:
        out = []
        for rows in results:
            out.append(rows)
            self.done += 1
            self.articles += sum(1 for d in rows.documents if d.get("status") == "ok")
            if self.progress is not None:
                self.progress(self.done, self.total, self.articles)
        return out


def parse_corpus(paths: Iterable[str | os.PathLike], workers: int = 1, cache_dir: Path | str | None = None,
                 settings: DateSettings = DEFAULT_SETTINGS, progress: Progress | None = None) -> Tables:
    """Parse files and folders of .txt/.md/.html articles into the four tables.

    Unreadable files become documents rows with status "error" and a message; the rest parses.
    `workers` > 1 parses in that many processes (same result as one); `cache_dir` keeps parsed
    tables per file content (Parquet, keyed by content hash and parser version) so unchanged
    files are not parsed again. `settings` (`stance.dates.DateSettings`) is all that date
    resolution depends on besides the files; the defaults never read the clock. `progress`, when
    given, is called after each file as progress(files_done, files_total, articles_so_far); files
    served from the cache count as done at the start.
    """
    found, errors = collect_paths(paths)
    cache = None
    sources: list[SourceFile] | None = None
    if cache_dir is not None:
        version = PARSER_VERSION if settings == DEFAULT_SETTINGS else f"{PARSER_VERSION}+{settings!r}"
        cache = ParseCache(Path(cache_dir), version)
        sources = [read_source(p) for p in found]
        prefixes = _prefixes(sources)
    else:
        prefixes = _prefixes([SourceFile(str(p), p.name, "", "ok", "", "", "", {}, "") for p in found])

    todo: list[int] = []
    cached: set[int] = set()
    cached_articles = 0
    for index in range(len(found)):
        if cache is not None and sources is not None and sources[index].status == "ok":
            ids = cache.doc_ids(sources[index].content_hash, sources[index].file)
            if ids and all(i.rsplit("-", 1)[0] == prefixes[index] for i in ids):
                cached.add(index)
                cached_articles += len(ids)
                continue
        todo.append(index)
    ticker = _Ticker(progress, len(found) + len(errors), len(cached), cached_articles)

    fresh: list[Rows] = []
    if workers > 1 and len(todo) > 1 and sources is None:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(todo) // (workers * 8))
            fresh = ticker.collect(pool.map(_rows_for_path, [(str(found[i]), prefixes[i], settings) for i in todo],
                                            chunksize=chunk))
    elif workers > 1 and len(todo) > 1 and sources is not None:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(todo) // (workers * 8))
            fresh = ticker.collect(pool.map(parse_rows, [sources[i] for i in todo], [prefixes[i] for i in todo],
                                            [settings] * len(todo), chunksize=chunk))
    else:
        fresh = ticker.collect(parse_rows(sources[index] if sources is not None else read_source(found[index]),
                                          prefixes[index], settings) for index in todo)
    error_rows = ticker.collect(parse_rows(e) for e in errors)

    if cache is None or sources is None:
        return _stack_rows(fresh + error_rows)

    # Remember what was parsed, then serve every readable file from the cache in corpus order.
    storable = [(i, rows) for i, rows in zip(todo, fresh) if sources[i].status == "ok"]
    if storable:
        stacked = _stack_rows([rows for _, rows in storable])
        for (index, _), tables_of_file in zip(storable, _split(stacked, [rows for _, rows in storable])):
            cache.put(sources[index].content_hash, sources[index].file, tables_of_file)
    keys = [(sources[i].content_hash, sources[i].file) for i in range(len(found))
            if i in cached or sources[i].status == "ok"]
    served = cache.take(keys)
    cache.save()
    unreadable = [rows for i, rows in zip(todo, fresh) if sources[i].status != "ok"] + error_rows
    return concat([served, _stack_rows(unreadable)]) if unreadable else served
