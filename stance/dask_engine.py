"""Parse a corpus on a `dask.distributed` cluster (an existing one, or a LocalCluster here).

The work is split into batches of files; each batch is one task that reads and parses its files
with the same `parse_rows` the embedded engine uses, given the document-id prefixes the client
computed over the whole corpus, so the tables (ids included) equal a one-process parse.

Two outputs:
* `parse_rows_dask` gathers the rows back to the client (what `parse_corpus(engine="dask")`
  returns as pandas tables);
* `write_parquet_dask` has every task write its own partition of each table
  (`OUT/<table>/part-NNNNN.parquet`) to a local folder or any fsspec URL the workers can reach,
  and returns only row counts, so the client never holds the corpus.

The files must be readable by the workers under the same paths (a shared filesystem), and the
workers must run the same parser version as the client (checked before any work is sent).
"""
from __future__ import annotations

import math
import os
from contextlib import contextmanager
from typing import Iterator, Sequence

from .dates import DEFAULT_SETTINGS, DateSettings
from .tables import TABLE_NAMES

MAX_BATCH = 128  # files per task: large enough to amortise task overhead, small enough to balance


class EngineError(RuntimeError):
    """The cluster cannot be used (unreachable, or its workers run another parser version)."""


@contextmanager
def connect(scheduler: str | None = None, workers: int = 2, processes: bool = True,
            timeout: str = "10s") -> Iterator["object"]:
    """A dask.distributed Client: to `scheduler` when given, else to a new LocalCluster of
    `workers` single-threaded workers (closed on exit)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise EngineError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield client
        finally:
            client.close()
        return
    with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=processes,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def _worker_version() -> str:
    from .pipeline import PARSER_VERSION

    return PARSER_VERSION


def check_versions(client) -> None:
    """Refuse a cluster whose workers run another parser version than this client."""
    from .pipeline import PARSER_VERSION

    versions = client.run(_worker_version)
    other = {addr: v for addr, v in versions.items() if v != PARSER_VERSION}
    if not versions:
        raise EngineError("the Dask cluster has no workers")
    if other:
        addr, version = next(iter(other.items()))
        raise EngineError(f"Dask worker {addr} runs stance {version}, this client {PARSER_VERSION}: "
                          "install the same stance on every worker")


def batches(n: int, workers: int) -> list[range]:
    """Contiguous index ranges: about four tasks per worker, at most MAX_BATCH files each."""
    if n <= 0:
        return []
    size = max(1, min(MAX_BATCH, math.ceil(n / (max(1, workers) * 4))))
    return [range(a, min(n, a + size)) for a in range(0, n, size)]


def _parse_batch(paths: Sequence[str], prefixes: Sequence[str], settings: DateSettings) -> list:
    """Each file's rows (one `Rows` per file, in order), read and parsed on a worker."""
    from .pipeline import parse_rows
    from .reading import read_source

    return [parse_rows(read_source(path), prefix, settings) for path, prefix in zip(paths, prefixes)]


def _n_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def parse_rows_dask(paths: Sequence[str | os.PathLike], prefixes: Sequence[str], client,
                    settings: DateSettings = DEFAULT_SETTINGS) -> list:
    """Rows of every file (one `tables.Rows` per file, in corpus order), parsed on the cluster."""
    check_versions(client)
    paths = [os.fspath(p) for p in paths]
    futures = [client.submit(_parse_batch, [paths[i] for i in r], [prefixes[i] for i in r], settings,
                             pure=False) for r in batches(len(paths), _n_workers(client))]
    return [rows for batch in client.gather(futures) for rows in batch]


def _write_batch(paths: Sequence[str], prefixes: Sequence[str], settings: DateSettings, url: str,
                 part: int, storage_options: dict | None) -> list[int]:
    from .pipeline import _stack_rows

    tables = _stack_rows(_parse_batch(paths, prefixes, settings))
    return write_partition(tables, url, part, storage_options)


def write_partition(tables, url: str, part: int, storage_options: dict | None = None) -> list[int]:
    """Write one partition of each table to URL/<table>/part-NNNNN.parquet; rows per table."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(url, **(storage_options or {}))
    counts = []
    for name, df in zip(TABLE_NAMES, tables):
        folder = f"{root.rstrip('/')}/{name}"
        fs.makedirs(folder, exist_ok=True)
        with fs.open(f"{folder}/part-{part:05d}.parquet", "wb") as handle:
            pq.write_table(pa.Table.from_pandas(df, preserve_index=False), handle, compression="zstd")
        counts.append(len(df))
    return counts


def write_parquet_dask(paths: Sequence[str | os.PathLike], prefixes: Sequence[str], client, url: str,
                       settings: DateSettings = DEFAULT_SETTINGS, storage_options: dict | None = None,
                       first_part: int = 0) -> list[int]:
    """Parse on the cluster, each task writing its partitions; total rows per table."""
    check_versions(client)
    paths = [os.fspath(p) for p in paths]
    futures = [client.submit(_write_batch, [paths[i] for i in r], [prefixes[i] for i in r], settings, url,
                             first_part + k, storage_options, pure=False)
               for k, r in enumerate(batches(len(paths), _n_workers(client)))]
    totals = [0, 0, 0, 0]
    for counts in client.gather(futures):
        totals = [a + b for a, b in zip(totals, counts)]
    return totals
