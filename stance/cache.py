"""Parsed-table cache: the four tables of every parsed file, kept as Parquet between runs.

Keyed by (content hash of the raw bytes, file name) and the parser version, so only new or
changed files are parsed again, and a new parser version starts afresh.

Why this layout: a warm start on 10k files must take well under 2 s, so there is ONE Parquet
file per table (not one per document) plus an `entries` table giving, for each key, its row
range in each of the four tables (rows of one file are contiguous). Loading is five Parquet
reads and one dict build; `get` is a dict lookup and four slices; `take` (what parse_corpus
uses) gathers many files with one index per table, as zero-copy slices when the files come in
stored order. Nothing is filtered per call, and nothing is done per file in pandas: pandas costs
~0.1 ms per small frame per operation, which on 10k files is tens of seconds.

Writing is atomic as a set: each save writes files named with a fresh generation token (each
through `stance.atomic.atomic_write`: hidden temp name, fsync, os.replace), then replaces
`manifest.json`, which names the generation, and only then removes the previous generation. A
reader therefore sees the old set or the new set, never a mix. A save keeps only the files got
or put in this session, so the cache does not grow with files that left the corpus.
"""
from __future__ import annotations

import json
import secrets
import time
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from . import tables as T
from .atomic import atomic_write
from .tables import TABLE_NAMES, Tables

FORMAT = 1
MANIFEST = "manifest.json"
_ENTRY_COLUMNS = ["content_hash", "file"] + [f"{n}_rows" for n in TABLE_NAMES]
_STALE_SECONDS = 3600  # leftover files of other (crashed or concurrent) saves older than this go

Key = tuple[str, str]
_TEXT_DTYPE = T.empty("documents")["file"].dtype  # what tables.frame gives text columns


class ParseCache:
    """Per-file parsed tables, loaded from and saved to Parquet files in `folder`.

    Never raises on a bad cache: a missing, corrupt, partial or other-version cache starts
    empty, and `warning` says why (empty string when all is well or there was no cache yet).
    """

    def __init__(self, folder: Path | str, version: str) -> None:
        self.folder = Path(folder)
        self.version = str(version)
        self.warning = ""
        self.hits = 0
        self.misses = 0
        self._generation: str | None = None
        self._frames: list[pd.DataFrame] = [T.empty(n) for n in TABLE_NAMES]
        self._index: dict[Key, int] = {}
        self._bounds = np.zeros((len(TABLE_NAMES), 1), dtype=np.int64)  # row offsets per entry
        self._new: dict[Key, Tables] = {}
        self._seen: dict[Key, None] = {}  # insertion-ordered set of keys got or put
        self._doc_id_values: np.ndarray | None = None
        try:
            self._load()
        except Exception as exc:  # corrupt / partial / unreadable: start empty, say why
            self._reset()
            self.warning = (f"parse cache in {self.folder} could not be read ({type(exc).__name__}: "
                            f"{exc}); starting with an empty cache, files will be parsed again")

    # ------------------------------------------------------------------ loading

    def _reset(self) -> None:
        self._generation = None
        self._doc_id_values = None
        self._frames = [T.empty(n) for n in TABLE_NAMES]
        self._index = {}
        self._bounds = np.zeros((len(TABLE_NAMES), 1), dtype=np.int64)

    def _load(self) -> None:
        manifest_path = self.folder / MANIFEST
        if not manifest_path.exists():
            return
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("manifest is not a JSON object")
        if manifest.get("format") != FORMAT or manifest.get("version") != self.version:
            self.warning = (f"parse cache in {self.folder} was written by parser version "
                            f"{manifest.get('version')!r} (cache format {manifest.get('format')!r}); this is "
                            f"version {self.version!r}: starting with an empty cache, files will be parsed again")
            return
        generation = str(manifest["generation"])
        import pyarrow.parquet as pq

        entries = pq.read_table(self.folder / f"entries-{generation}.parquet").to_pandas()
        if list(entries.columns) != _ENTRY_COLUMNS:
            raise ValueError("entries table has unexpected columns")
        counts = entries[[f"{n}_rows" for n in TABLE_NAMES]].to_numpy(dtype=np.int64).T
        if counts.size and counts.min() < 0:
            raise ValueError("negative row count in entries")
        frames = []
        for t, name in enumerate(TABLE_NAMES):
            df = pq.read_table(self.folder / f"{name}-{generation}.parquet").to_pandas()
            if list(df.columns) != T.COLUMNS[name]:
                raise ValueError(f"{name} table has unexpected columns")
            if len(df) != int(counts[t].sum()):
                raise ValueError(f"{name} table has {len(df)} rows, entries say {int(counts[t].sum())}")
            frames.append(_conform(df, name))
        bounds = np.zeros((len(TABLE_NAMES), len(entries) + 1), dtype=np.int64)
        np.cumsum(counts, axis=1, out=bounds[:, 1:])
        keys = zip(entries["content_hash"].tolist(), entries["file"].tolist())
        self._index = {key: i for i, key in enumerate(keys)}
        if len(self._index) != len(entries):
            raise ValueError("duplicate keys in entries")
        self._frames, self._bounds, self._generation = frames, bounds, generation

    # ------------------------------------------------------------------ lookups

    def __len__(self) -> int:
        return len(self._index.keys() | self._new.keys())

    def __contains__(self, key: object) -> bool:
        return key in self._new or key in self._index

    def get(self, content_hash: str, file: str) -> Tables | None:
        """This file's cached tables (counted as a hit), or None (a miss)."""
        key = (content_hash, file)
        if key in self._new:
            tables = self._new[key]
        elif key in self._index:
            i = self._index[key]
            b = self._bounds
            tables = Tables(*(
                frame.iloc[b[t, i]:b[t, i + 1]].reset_index(drop=True)
                for t, frame in enumerate(self._frames)))
        else:
            self.misses += 1
            return None
        self.hits += 1
        self._seen.pop(key, None)
        self._seen[key] = None
        return tables

    def doc_ids(self, content_hash: str, file: str) -> list[str] | None:
        """The cached file's document ids (None when not cached), without building its tables:
        lets a caller check a hit cheaply before a bulk `take`. Counts nothing."""
        key = (content_hash, file)
        if key in self._new:
            return [str(x) for x in self._new[key].documents["doc_id"]]
        i = self._index.get(key)
        if i is None:
            return None
        if self._doc_id_values is None:
            self._doc_id_values = self._frames[0]["doc_id"].to_numpy(dtype=object)
        return [str(x) for x in self._doc_id_values[self._bounds[0, i]:self._bounds[0, i + 1]]]

    def put(self, content_hash: str, file: str, tables: Tables) -> None:
        """Remember one file's freshly parsed tables (replacing any cached ones)."""
        key = (content_hash, file)
        self._new[key] = Tables(*tables)
        self._seen.pop(key, None)
        self._seen[key] = None

    def take(self, keys: Iterable[Key]) -> Tables:
        """The tables of many files stacked in the given order, with one gather per table.

        Use this rather than stacking per-file `get` results: on 10k files it takes
        milliseconds where `get` + `pd.concat` takes tens of seconds (pandas costs ~0.1 ms per
        small frame per operation). Files put this session are included; unknown keys are
        skipped. Every key found counts as seen (kept by `save`); those served from the loaded
        cache count as hits.
        """
        keys = [k for k in keys if k in self]
        for k in keys:
            if k not in self._new:
                self.hits += 1
            self._seen.pop(k, None)  # saved in the order last asked for: the next warm take
            self._seen[k] = None     # is then one contiguous run (zero-copy slices)
        return self._gather(keys)

    def _gather(self, keys: list[Key]) -> Tables:
        """Stacked tables of known keys in order (no bookkeeping)."""
        if not keys:
            return T.empty_tables()
        new_keys = [k for k in dict.fromkeys(keys) if k in self._new]
        frames, bounds, where = self._frames, self._bounds, self._index
        if new_keys:  # append the new files after the loaded rows, then index all alike
            base = len(where)
            frames = [_stack([self._frames[t]] + [self._new[k][t] for k in new_keys], name)
                      for t, name in enumerate(TABLE_NAMES)]
            counts = np.array([[len(self._new[k][t]) for k in new_keys] for t in range(len(TABLE_NAMES))],
                              dtype=np.int64).reshape(len(TABLE_NAMES), len(new_keys))
            extra = bounds[:, -1:] + np.cumsum(counts, axis=1)
            bounds = np.concatenate([bounds, extra], axis=1)
            where = dict(where)
            where.update({k: base + j for j, k in enumerate(new_keys)})
        pos = np.fromiter((where[k] for k in keys), dtype=np.int64, count=len(keys))
        out = []
        for t, name in enumerate(TABLE_NAMES):
            starts, stops = bounds[t, pos], bounds[t, pos + 1]
            out.append(_take(frames[t], _ranges(starts, stops)))
        return Tables(*out)

    def counts(self, keys: Iterable[Key]) -> np.ndarray:
        """Rows per table (4 x len(keys)) of cached files, for writing the entries table."""
        rows = []
        for k in keys:
            if k in self._new:
                rows.append([len(f) for f in self._new[k]])
            else:
                i = self._index[k]
                rows.append((self._bounds[:, i + 1] - self._bounds[:, i]).tolist())
        return np.array(rows, dtype=np.int64).reshape(-1, len(TABLE_NAMES)).T

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Write the files got or put in this session (and only those), atomically.

        Does nothing when the cache on disk already holds exactly those files (a warm start with
        no change costs no write). Errors writing (read-only folder, full disk) are reported in
        `warning`, not raised: the parse result is still good, only the next start is slower.
        """
        keys = list(self._seen)
        if not self._new and self._generation is not None and len(keys) == len(self._index):
            return
        if not keys and self._generation is None:
            return
        try:
            self._write(keys)
        except Exception as exc:
            self.warning = (f"parse cache in {self.folder} could not be saved ({type(exc).__name__}: "
                            f"{exc}); results are fine, the next run will parse again")

    def _write(self, keys: list[Key]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.folder.mkdir(parents=True, exist_ok=True)
        generation = f"{int(time.time())}-{secrets.token_hex(4)}"
        stacked = self._gather(keys)
        counts = self.counts(keys)
        entries = pd.DataFrame({"content_hash": [k[0] for k in keys], "file": [k[1] for k in keys]})
        for t, name in enumerate(TABLE_NAMES):
            entries[f"{name}_rows"] = counts[t]
        written = []
        for name, df in [("entries", entries)] + list(zip(TABLE_NAMES, stacked)):
            table = _arrow(df)
            written.append(atomic_write(self.folder / f"{name}-{generation}.parquet", lambda handle: pq.write_table(
                table, handle, compression="snappy", use_dictionary=True)))
        manifest = {"format": FORMAT, "version": self.version, "generation": generation,
                    "files": len(keys), "written": time.strftime("%Y-%m-%dT%H:%M:%S")}
        atomic_write(self.folder / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
        old = self._generation
        # The new generation is live: adopt it, so a second save in this session is a no-op.
        self._frames = list(stacked)
        bounds = np.zeros((len(TABLE_NAMES), len(keys) + 1), dtype=np.int64)
        np.cumsum(counts, axis=1, out=bounds[:, 1:])
        self._bounds, self._index, self._new = bounds, {k: i for i, k in enumerate(keys)}, {}
        self._doc_id_values = None
        self._generation = generation
        self._cleanup(keep=generation, previous=old)

    def _cleanup(self, keep: str, previous: str | None) -> None:
        """Remove the previous generation's files, and stale ones left by crashed saves."""
        now = time.time()
        for path in self.folder.glob("*.parquet*"):
            name = path.name
            if keep in name:
                continue
            try:
                if (previous and previous in name) or now - path.stat().st_mtime > _STALE_SECONDS:
                    path.unlink()
            except OSError:
                pass


# ---------------------------------------------------------------------- helpers


def _ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """Concatenated np.arange(start, stop) for each pair, without a Python loop."""
    lengths = stops - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    keep = lengths > 0
    starts, lengths = starts[keep], lengths[keep]
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return np.arange(total, dtype=np.int64) + offsets


def _arrow(df: pd.DataFrame):
    """Arrow table to write: 32-bit-offset strings (pandas gives large_string, which reads slower).

    Snappy + dictionary pages: the roster rows repeat their sentence, so dictionaries shrink the
    files ~100x, and snappy decodes ~4x faster than zstd (load time is what a warm start pays).
    """
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    fields = [pa.field(f.name, pa.string()) if pa.types.is_large_string(f.type) else f for f in table.schema]
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))


_MAX_RUNS = 256


def _take(df: pd.DataFrame, idx: np.ndarray) -> pd.DataFrame:
    """df.take(idx) with a fresh index, by slices when idx is a few contiguous runs.

    The usual warm start asks for every row in stored order, and an incremental one for long
    runs of it; slicing Arrow-backed columns is zero-copy, while a general take copies every
    string (about a second for a million rows).
    """
    if len(idx) == 0:
        return df.iloc[0:0].reset_index(drop=True)
    breaks = np.flatnonzero(np.diff(idx) != 1) + 1
    if len(breaks) >= _MAX_RUNS:
        return df.take(idx).reset_index(drop=True)
    firsts = np.concatenate([[0], breaks])
    lasts = np.concatenate([breaks, [len(idx)]])
    pieces = [df.iloc[int(idx[a]):int(idx[b - 1]) + 1] for a, b in zip(firsts, lasts)]
    return pieces[0].reset_index(drop=True) if len(pieces) == 1 else pd.concat(pieces, ignore_index=True)


def _stack(frames: list[pd.DataFrame], name: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return T.empty(name)
    return _conform(pd.concat(frames, ignore_index=True), name)


def _conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The contract's dtypes (nullable Int64 for counts and offsets, str for text), as
    `stance.tables.frame` makes them, so cached tables equal freshly parsed ones."""
    out = {}
    for col in T.COLUMNS[name]:
        s = df[col]
        if col in T.INT_COLUMNS:
            out[col] = s if s.dtype == "Int64" else pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            out[col] = s if s.dtype == _TEXT_DTYPE else s.fillna("").astype(str)
    return pd.DataFrame(out)
