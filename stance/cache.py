"""Parsed-table cache: the four tables of every parsed file, in ONE Arrow IPC file between runs.

Keyed by the file's absolute path (so two identical files in two folders keep their own rows and
ids) and checked, as git checks its index, by the file's size + mtime + inode (and its sidecar's,
found in the directory listing): an unchanged file is served from the cache without being read.
A file whose stat changed is read and hashed; when the bytes are the same (a `touch`, a copy
back) its rows are reused without parsing, else it is parsed again. The parser version is part
of the file: another version starts afresh.

"Racily clean" files (git's term): a file modified within `RACY_NS` of the moment it was stat'ed
could change again within the timestamp granularity without changing its mtime, so such an
entry is marked racy and verified by content hash on the next run instead of trusted.

Why one hand-rolled container file rather than Parquet or a database: a warm start must cost
well under a second for 10k files, so the cache is read with ONE `read_bytes` into memory and
split zero-copy into five Arrow IPC streams (entries + the four tables) with lz4-compressed
buffers (lz4 decodes several times faster than zstd; load time is what a warm start pays); rows of one file are contiguous, so serving many files is one `take` per table built
from row ranges (or nothing at all when the files come in stored order). Writing is atomic
(`stance.atomic.atomic_write`: a hidden temp file in the same folder, fsynced, `os.replace`d over
the old one), so a reader sees the old cache or the new one, never a mix. Nothing here imports
the pipeline.
"""
from __future__ import annotations

import json
import os
import struct
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from . import tables as T
from .atomic import atomic_write
from .reading import SIDECAR_SUFFIX
from .tables import TABLE_NAMES, Tables

FORMAT = 3
FILE_NAME = "tables.arrow"
MAGIC = b"STANCE-CACHE\n"
COMPRESSION: str | None = "lz4"  # Arrow IPC buffer compression (see the module docstring)
RACY_NS = 2_000_000_000  # mtimes this close to the stat are not trusted (coarse filesystem clocks)
_NO_SIDECAR = (-1, -1, -1)
_COUNT_COLUMNS = [f"{n}_rows" for n in TABLE_NAMES]
_ENTRY_COLUMNS = ["path", "content_hash", "prefix", "size", "mtime_ns", "ino", "side_size", "side_mtime_ns",
                  "side_ino", "racy", *_COUNT_COLUMNS]

Signature = tuple[int, int, int, int, int, int]  # size, mtime_ns, ino, and the sidecar's (or -1s)


@dataclass(frozen=True)
class Entry:
    """One cached file: where its rows are (`index` into the stored order) and what it was."""

    index: int
    content_hash: str
    prefix: str
    signature: Signature
    racy: bool


def signatures(paths: Sequence[os.PathLike | str]) -> tuple[list[Signature | None], int]:
    """(size, mtime_ns, ino) of each file and of its NAME.meta.json sidecar, and the clock
    (time_ns) read just before the first stat, for the racy check. Sidecars are looked up in one
    listing per folder, not stat'ed blindly; a file that cannot be stat'ed gives None."""
    now = time.time_ns()
    listings: dict[str, set[str]] = {}
    out: list[Signature | None] = []
    for p in paths:
        spath = os.fspath(p)
        try:
            st = os.stat(spath)
        except (OSError, ValueError):
            out.append(None)
            continue
        folder, name = os.path.split(spath)
        names = listings.get(folder)
        if names is None:
            try:
                names = set(os.listdir(folder or "."))
            except OSError:
                names = set()
            listings[folder] = names
        stem = name.rsplit(".", 1)[0] if "." in name else name
        side = _NO_SIDECAR
        if stem + SIDECAR_SUFFIX in names:
            try:
                s2 = os.stat(os.path.join(folder, stem + SIDECAR_SUFFIX))
                side = (s2.st_size, s2.st_mtime_ns, s2.st_ino)
            except OSError:
                side = (-2, -2, -2)  # there but unreadable: never equal to a stored one
        out.append((st.st_size, st.st_mtime_ns, st.st_ino, *side))
    return out, now


def is_racy(sig: Signature, stat_clock_ns: int) -> bool:
    """True when the file or its sidecar was modified too close to the stat to trust the mtime."""
    return sig[1] >= stat_clock_ns - RACY_NS or (sig[4] >= 0 and sig[4] >= stat_clock_ns - RACY_NS)


class ParseCache:
    """The cache in `folder` for parser `version`. Never raises on a bad cache: a missing,
    corrupt, partial or other-version cache starts empty and `warning` says why."""

    def __init__(self, folder: Path | str, version: str) -> None:
        self.folder = Path(folder)
        self.version = str(version)
        self.warning = ""
        self.files_read = 0  # set by the caller: files it had to read (for benchmarks and tests)
        self._entries: dict[str, Entry] = {}
        self._arrow: list = []  # the four stored tables (pyarrow), rows in entry order
        self._bounds = np.zeros((len(TABLE_NAMES), 1), dtype=np.int64)
        try:
            self._load()
        except Exception as exc:  # corrupt / partial / unreadable: start empty, say why
            self._entries, self._arrow = {}, []
            self._bounds = np.zeros((len(TABLE_NAMES), 1), dtype=np.int64)
            self.warning = (f"parse cache in {self.folder} could not be read ({type(exc).__name__}: "
                            f"{exc}); starting with an empty cache, files will be parsed again")

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, path: str) -> Entry | None:
        """The entry cached for this absolute path, if any."""
        return self._entries.get(path)

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        import pyarrow as pa

        try:
            data = self.path.read_bytes()  # the one read
        except FileNotFoundError:
            return
        if not data.startswith(MAGIC):
            raise ValueError("not a stance cache file")
        (size,) = struct.unpack_from("<Q", data, len(MAGIC))
        start = len(MAGIC) + 8
        header = json.loads(data[start:start + size].decode("utf-8"))
        if header.get("format") != FORMAT or header.get("version") != self.version:
            self.warning = (f"parse cache in {self.folder} was written by parser version {header.get('version')!r} "
                            f"(cache format {header.get('format')!r}); this is version {self.version!r}: "
                            "starting with an empty cache, files will be parsed again")
            return
        buffer = pa.py_buffer(data)
        offset = _aligned(start + size)
        segments = []
        for length in header["segments"]:  # each starts on a 64-byte boundary: read without copies
            if offset + length > len(data):
                raise ValueError("cache file is truncated")
            segments.append(pa.ipc.open_stream(buffer.slice(offset, length)).read_all())
            offset = _aligned(offset + length)
        entries, frames = segments[0], segments[1:]
        if entries.column_names != _ENTRY_COLUMNS or len(frames) != len(TABLE_NAMES):
            raise ValueError("cache file has unexpected tables")
        counts = np.stack([entries.column(c).to_numpy() for c in _COUNT_COLUMNS]).astype(np.int64)
        for t, name in enumerate(TABLE_NAMES):
            if frames[t].column_names != T.COLUMNS[name]:
                raise ValueError(f"{name} table has unexpected columns")
            if frames[t].num_rows != int(counts[t].sum()):
                raise ValueError(f"{name} table has {frames[t].num_rows} rows, entries say {int(counts[t].sum())}")
        cols = {c: entries.column(c).to_pylist() for c in _ENTRY_COLUMNS[:10]}
        sig_cols = [cols[c] for c in ("size", "mtime_ns", "ino", "side_size", "side_mtime_ns", "side_ino")]
        self._entries = {
            path: Entry(i, h, p, sig, racy)
            for i, (path, h, p, racy, sig) in enumerate(zip(cols["path"], cols["content_hash"], cols["prefix"],
                                                             cols["racy"], zip(*sig_cols)))}
        if len(self._entries) != entries.num_rows:
            raise ValueError("duplicate paths in entries")
        bounds = np.zeros((len(TABLE_NAMES), entries.num_rows + 1), dtype=np.int64)
        np.cumsum(counts, axis=1, out=bounds[:, 1:])
        self._arrow, self._bounds = frames, bounds

    # ------------------------------------------------------------------ serving

    def counts(self, indices: Sequence[int]) -> np.ndarray:
        """Rows per table (4 x len(indices)) of these entries."""
        idx = np.asarray(indices, dtype=np.int64)
        return self._bounds[:, idx + 1] - self._bounds[:, idx]

    def gather_arrow(self, indices: Sequence[int]) -> list:
        """The rows of these entries, in this order, as four pyarrow tables (one take each, none
        when the entries are all of them in stored order)."""
        idx = np.asarray(indices, dtype=np.int64)
        if not self._arrow:
            return [_arrow_empty(n) for n in TABLE_NAMES]
        if len(idx) == len(self._entries) and np.array_equal(idx, np.arange(len(idx))):
            return list(self._arrow)
        out = []
        for t in range(len(TABLE_NAMES)):
            rows = ranges(self._bounds[t, idx], self._bounds[t, idx + 1])
            out.append(self._arrow[t].take(rows))
        return out

    # ------------------------------------------------------------------ saving

    def add(self, path: os.PathLike | str, content_hash: str, prefix: str, tables: Tables) -> bool:
        """Keep every entry held and add (or replace) one file's freshly parsed tables, e.g. an
        upload parsed before it was stored, so the next load serves it without parsing again.
        Returns whether the cache was written; an unreadable file or a failed write is no error."""
        import pyarrow as pa

        path = os.path.abspath(os.fspath(path))
        (sig,), clock = signatures([path])
        if sig is None:
            return False
        keep = [(p, e) for p, e in sorted(self._entries.items(), key=lambda kv: kv[1].index) if p != path]
        old = self.gather_arrow([e.index for _, e in keep])
        new = [to_arrow(tables[t]) for t in range(len(TABLE_NAMES))]
        counts = np.concatenate([self.counts([e.index for _, e in keep]) if keep else np.zeros((len(TABLE_NAMES), 0),
                                                                                                   dtype=np.int64),
                                 np.array([[len(tables[t])] for t in range(len(TABLE_NAMES))], dtype=np.int64)], axis=1)
        entries = entry_frame([p for p, _ in keep] + [path], [e.content_hash for _, e in keep] + [content_hash],
                              [e.prefix for _, e in keep] + [prefix], [e.signature for _, e in keep] + [sig],
                              [e.racy for _, e in keep] + [is_racy(sig, clock)], counts)
        frames = [pa.concat_tables([old[t].cast(new[t].schema), new[t]]) for t in range(len(TABLE_NAMES))]
        warning = self.warning
        self.warning = ""
        self.save(entries, frames)
        written, self.warning = not self.warning, self.warning or warning
        return written

    def save(self, entries: pd.DataFrame, frames: Sequence) -> None:
        """Replace the cache with these entries (columns as `_ENTRY_COLUMNS`) and their rows
        (four pyarrow tables, rows of each entry contiguous, in entry order), atomically.

        Write errors (read-only folder, full disk) are reported in `warning`, not raised: the
        parse result is still good, only the next start is slower."""
        try:
            self._write(entries, frames)
        except Exception as exc:
            self.warning = (f"parse cache in {self.folder} could not be saved ({type(exc).__name__}: "
                            f"{exc}); results are fine, the next run will parse again")

    def _write(self, entries: pd.DataFrame, frames: Sequence) -> None:
        import pyarrow as pa

        table = pa.Table.from_pandas(entries.loc[:, _ENTRY_COLUMNS], preserve_index=False)
        options = pa.ipc.IpcWriteOptions(compression=COMPRESSION)
        blobs = []
        for t in [table, *frames]:
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, t.schema, options=options) as writer:
                writer.write_table(t)
            blobs.append(sink.getvalue())
        header = json.dumps({"format": FORMAT, "version": self.version, "files": len(entries),
                             "segments": [b.size for b in blobs]}).encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        def write(handle) -> None:
            head = MAGIC + struct.pack("<Q", len(header)) + header
            handle.write(head + b"\0" * (_aligned(len(head)) - len(head)))
            for blob in blobs:
                handle.write(memoryview(blob))
                handle.write(b"\0" * (_aligned(blob.size) - blob.size))

        atomic_write(self.path, write)   # a reader sees the old cache or the new one, never a mix


# ---------------------------------------------------------------------- helpers


def entry_frame(paths: Sequence[str], hashes: Sequence[str], prefixes: Sequence[str],
                sigs: Sequence[Signature], racy: Sequence[bool], counts: np.ndarray) -> pd.DataFrame:
    """The entries table to `save` (counts: 4 x n rows per table)."""
    sig = np.asarray(sigs, dtype=np.int64).reshape(-1, 6)
    data = {"path": list(paths), "content_hash": list(hashes), "prefix": list(prefixes)}
    for j, c in enumerate(("size", "mtime_ns", "ino", "side_size", "side_mtime_ns", "side_ino")):
        data[c] = sig[:, j]
    data["racy"] = np.asarray(racy, dtype=bool)
    for t, c in enumerate(_COUNT_COLUMNS):
        data[c] = np.asarray(counts[t], dtype=np.int64)
    return pd.DataFrame(data)


def _aligned(n: int) -> int:
    """`n` rounded up to a multiple of 64: Arrow buffers off that alignment are copied on read."""
    return (n + 63) // 64 * 64


def ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """Concatenated np.arange(start, stop) for each pair, without a Python loop."""
    lengths = stops - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    keep = lengths > 0
    starts, lengths = starts[keep], lengths[keep]
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return np.arange(total, dtype=np.int64) + offsets


def to_arrow(df: pd.DataFrame):
    """A contract table as pyarrow (text as string, integers as int64 with nulls)."""
    import pyarrow as pa

    return pa.Table.from_pandas(df, preserve_index=False, schema=_schema(tuple(df.columns)))


def to_pandas(table, name: str) -> pd.DataFrame:
    """A stored table back to the contract's dtypes (as `tables.frame` gives them)."""
    import pyarrow as pa

    df = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    return df if len(df.columns) else T.empty(name)


def to_tables(frames: Sequence) -> Tables:
    return Tables(*(to_pandas(f, n) for f, n in zip(frames, TABLE_NAMES)))


def _schema(columns: tuple[str, ...]):
    import pyarrow as pa

    # large_string: what pandas' pyarrow-backed str columns hold, so to_pandas wraps instead of copying
    return pa.schema([(c, pa.int64() if c in T.INT_COLUMNS else pa.large_string()) for c in columns])


def _arrow_empty(name: str):
    return _schema(tuple(T.COLUMNS[name])).empty_table()
