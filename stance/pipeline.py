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
from .tables import TABLE_NAMES, PositionRows, Rows, Tables
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
    out = Rows([], [], PositionRows(), [])
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
    return _prefixes_of([src.file for src in sources])


def _prefixes_of(names: list[str]) -> list[str]:
    """Document id prefixes from file names (in corpus order): `stem`, then `stem~2`, ..."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        stem = _doc_stem(name)
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem}~{seen[stem]}")
    return out


def _rows_for_path(args: tuple[str, str, DateSettings]) -> Rows:
    path, prefix, settings = args
    return parse_rows(read_source(path), prefix, settings)


def _stack_rows(parts: list[Rows]) -> Tables:
    """Build each table once for many files (pandas costs ~0.1 ms per frame, so never per file); the
    positions' bloc-member records stay records until the table is built (see `stance.tables`)."""
    return tables.build(PositionRows.concat(part.positions for part in parts) if name == "positions"
                        else [row for part in parts for row in part[t]] for t, name in enumerate(TABLE_NAMES))


ENGINES = ("local", "dask")


def _parse_paths(paths: list[str], prefixes: list[str], settings: DateSettings, workers: int, engine: str,
                 scheduler: str | None, ticker: "_Ticker | None" = None) -> list[Rows]:
    """Each file's rows, in order, by the chosen engine: "local" (this process, or `workers`
    processes) or "dask" (a dask.distributed cluster at `scheduler`, else a LocalCluster)."""
    if not paths:
        return []
    collect = ticker.collect if ticker is not None else list
    if engine == "dask":
        from .dask_engine import connect, parse_rows_dask

        with connect(scheduler, workers=max(1, workers)) as client:
            return collect(parse_rows_dask(paths, prefixes, client, settings))
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    jobs = [(p, prefix, settings) for p, prefix in zip(paths, prefixes)]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return collect(pool.map(_rows_for_path, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    return collect(_rows_for_path(job) for job in jobs)


Progress = Callable[[int, int, int], None]
"""Called as progress(files_done, files_total, articles_so_far) after each file (and once at the start)."""


class _Ticker:
    """Counts files and articles as they finish and tells a `Progress` callback."""

    def __init__(self, progress: Progress | None, total: int, done: int = 0, articles: int = 0) -> None:
        self.progress, self.total, self.done, self.articles = progress, total, done, articles
        if progress is not None:
            progress(done, total, articles)

    def tell(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total, self.articles)

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
                 settings: DateSettings = DEFAULT_SETTINGS, engine: str = "local",
                 scheduler: str | None = None, progress: Progress | None = None) -> Tables:
    """Parse files and folders of .txt/.md/.html articles into the four tables.

    Unreadable files become documents rows with status "error" and a message; the rest parses.
    `workers` > 1 parses in that many processes (same result as one). `engine="dask"` parses on
    the dask.distributed cluster at `scheduler` (an address such as "tcp://host:8786"), or on a
    LocalCluster of `workers` workers when no scheduler is given; same result again, ids
    included. `cache_dir` keeps parsed tables per file (see `stance.cache`): unchanged files are
    skipped by size + mtime + inode before any read. `settings` (`stance.dates.DateSettings`) is
    all that date resolution depends on besides the files; the defaults never read the clock.
    `progress`, when given, is called as progress(files_done, files_total, articles_so_far) as
    files finish; files served from the cache count as done at once.
    """
    found, errors = collect_paths(paths)
    prefixes = _prefixes_of([p.name for p in found])
    ticker = _Ticker(progress, len(found) + len(errors))
    error_rows = ticker.collect(parse_rows(e) for e in errors)
    if cache_dir is None:
        fresh = _parse_paths([str(p) for p in found], prefixes, settings, workers, engine, scheduler, ticker)
        return _stack_rows(fresh + error_rows)
    version = PARSER_VERSION if settings == DEFAULT_SETTINGS else f"{PARSER_VERSION}+{settings!r}"
    cache = ParseCache(Path(cache_dir), version)
    return _parse_cached(found, prefixes, error_rows, cache,
                         lambda p, x: _parse_paths(p, x, settings, workers, engine, scheduler, ticker), ticker)


def _parse_cached(found: list[Path], prefixes: list[str], error_rows: list[Rows], cache: ParseCache,
                  parse, ticker: "_Ticker | None" = None) -> Tables:
    """parse_corpus with a cache: the same tables, in the same order, as without one.

    Files whose stat matches their entry are served without a read; touched files with the same
    bytes are read but not parsed; the rest is parsed. The cache is then rewritten (one file)
    unless it already holds exactly these files in this order."""
    import numpy as np
    import pyarrow as pa

    from .cache import entry_frame, is_racy, ranges, signatures, to_arrow, to_pandas

    n = len(found)
    abspaths = [os.path.abspath(p) for p in found]
    sigs, clock = signatures(found)
    where: list[int] = [-1] * n      # entry index serving file i, or -1 when parsed now
    for i in range(n):
        entry = cache.lookup(abspaths[i])
        if entry is None or sigs[i] is None or entry.prefix != prefixes[i]:
            continue
        if entry.signature == sigs[i] and not entry.racy:
            where[i] = entry.index
        elif entry.signature[3:] == sigs[i][3:]:  # same sidecar: the file may only have been touched
            src = read_source(found[i])
            if src.status == "ok" and src.content_hash == entry.content_hash:
                where[i] = entry.index
    todo = [i for i in range(n) if where[i] < 0]
    if ticker is not None and len(todo) < n:   # files served from the cache are done at once
        ticker.done += n - len(todo)
        ticker.articles += int(cache.counts([where[i] for i in range(n) if where[i] >= 0])[0].sum())
        ticker.tell()
    fresh = parse([str(found[i]) for i in todo], [prefixes[i] for i in todo])

    served = [i for i in range(n) if where[i] >= 0]
    cached = cache.gather_arrow([where[i] for i in served])
    if not fresh and not error_rows:  # a warm start: every file from the cache, in corpus order
        stacked = None
        out = Tables(*(to_pandas(cached[t], name) for t, name in enumerate(TABLE_NAMES)))
    elif not served:
        stacked = out = _stack_rows(fresh + error_rows)
    else:
        stacked = _stack_rows(fresh + error_rows)
        # Row blocks in corpus order: served files from `cached`, parsed ones after them.
        cached_counts = cache.counts([where[i] for i in served])
        fresh_counts = np.array([[len(r[t]) for r in fresh] for t in range(4)], dtype=np.int64).reshape(4, -1)
        order = np.array(served + todo, dtype=np.int64).argsort(kind="stable")
        out_frames = []
        for t, name in enumerate(TABLE_NAMES):
            lengths = np.concatenate([cached_counts[t], fresh_counts[t]])
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
            base = int(lengths.sum())
            n_err = len(stacked[t]) - int(fresh_counts[t].sum())
            idx = np.concatenate([ranges(starts[order], starts[order] + lengths[order]),
                                  np.arange(base, base + n_err, dtype=np.int64)])
            part = to_pandas(cached[t], name)
            if not todo and not n_err:
                out_frames.append(part)  # everything from the cache, in stored order
                continue
            both = pd.concat([part, stacked[t]], ignore_index=True) if len(stacked[t]) else part
            out_frames.append(both if np.array_equal(idx, np.arange(len(both)))
                              else both.take(idx).reset_index(drop=True))
        out = Tables(*out_frames)

    # What the cache should hold now: every readable file, in corpus order.
    hashes = {i: r.documents[0].get("content_hash", "") for i, r in zip(todo, fresh) if r.documents}
    keep = [i for i in range(n) if sigs[i] is not None and (where[i] >= 0 or hashes.get(i))]
    unchanged = (not todo and len(served) == len(cache)
                 and [where[i] for i in served] == list(range(len(served)))
                 and all(not e.racy and e.signature == sigs[i]
                         for i, e in ((i, cache.lookup(abspaths[i])) for i in served)))
    if unchanged:  # a warm start with nothing changed writes nothing
        return out
    fresh_pos = {i: k for k, i in enumerate(todo)}
    served_pos = {i: k for k, i in enumerate(served)}
    counts = np.zeros((4, len(keep)), dtype=np.int64)
    frames = []
    cached_counts = cache.counts([where[i] for i in served]) if served else np.zeros((4, 0), np.int64)
    for t, name in enumerate(TABLE_NAMES):
        fresh_lengths = np.array([len(r[t]) for r in fresh], dtype=np.int64)
        lengths = np.concatenate([cached_counts[t], fresh_lengths])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        pick = np.array([served_pos[i] if i in served_pos else len(served) + fresh_pos[i] for i in keep],
                        dtype=np.int64)
        counts[t] = lengths[pick]
        idx = ranges(starts[pick], starts[pick] + lengths[pick])
        both = pa.concat_tables([cached[t], to_arrow(stacked[t])]) if todo and stacked is not None else cached[t]
        frames.append(both if np.array_equal(idx, np.arange(both.num_rows)) else both.take(idx))
    racy = [is_racy(sigs[i], clock) for i in keep]
    entry_hash = [hashes[i] if i in hashes else cache.lookup(abspaths[i]).content_hash for i in keep]
    cache.save(entry_frame([abspaths[i] for i in keep], entry_hash, [prefixes[i] for i in keep],
                           [sigs[i] for i in keep], racy, counts), frames)
    return out
