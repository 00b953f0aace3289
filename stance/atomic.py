"""Crash-safe file writes: a hidden temp file in the target folder, fsynced, then given its name.

One helper for the three writers that need it: the CSV tables (`csvsafe.write_csv`), the parse
cache's Parquet files and manifest (`cache`), and uploaded articles (`store`, which publishes the
temp file with `os.link` so it never overwrites, instead of `os.replace`).

Why not a library: `atomicwrites`, the usual choice, is archived by its author and unmaintained;
the standard library has the pieces (O_EXCL, fsync, os.replace) and the routine is a few lines.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import BinaryIO, Callable

Writer = Callable[[BinaryIO], object]


def write_temp(folder: Path, data: bytes | Writer, prefix: str = ".", suffix: str = ".tmp") -> Path:
    """A new file `prefix<random>suffix` in `folder` holding `data` (bytes, or a function that
    writes to the open binary file), flushed and fsynced. Nothing is left behind on an error."""
    while True:
        tmp = Path(folder) / f"{prefix}{secrets.token_hex(8)}{suffix}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        unlink_quietly(tmp)
        raise
    return tmp


def atomic_write(path: Path | str, data: bytes | Writer) -> Path:
    """Replace `path` with `data` at once: a reader (or a crash) sees the old file or the new one,
    never a mix. The temp file is hidden (`.NAME.<random>.tmp`) so folder readers skip it."""
    path = Path(path)
    tmp = write_temp(path.parent, data, prefix=f".{path.name}.")
    try:
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise
    fsync_folder(path.parent)
    return path


def fsync_folder(folder: Path | str) -> None:
    """Make a rename or link in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def unlink_quietly(path: Path | str) -> None:
    """Remove a file if it is there."""
    try:
        os.unlink(path)
    except OSError:
        pass
