"""The CLI's output folder as one set: all four tables are written, then swapped in together.

`check_out` refuses a bad `--out` before any parsing (a file, a read-only folder, a missing
parent, a folder holding other files). `write_set` writes the tables into a hidden staging
folder next to `out` and then exchanges it with `out` in one `renameat2(RENAME_EXCHANGE)` (Linux),
so a reader or a crash sees the old set or the new one, never new documents beside old
positions. Where the exchange is not available, two renames are used and a crash between them
leaves the old set under a hidden name, which the next run puts back before doing anything.

Remote fsspec URLs (s3://..., gs://...) have no rename: Parquet partitions are written straight
to them (say so to users; write to a new prefix to keep the old set).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import secrets
import shutil
from pathlib import Path
from typing import Callable

from .atomic import fsync_folder
from .tables import TABLE_NAMES

FORMATS = ("csv", "parquet")
_STAGING, _OLD = ".stance-new-", ".stance-old-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def is_remote(out: str) -> bool:
    """True for fsspec URLs other than local files ("s3://bucket/x"), which cannot be swapped."""
    return "://" in out and not out.startswith("file://")


def _local(out: str) -> Path:
    return Path(out[len("file://"):] if out.startswith("file://") else out)


def _members(fmt: str) -> set[str]:
    return {f"{n}.csv" for n in TABLE_NAMES} if fmt == "csv" else set(TABLE_NAMES)


def check_out(out: str, fmt: str = "csv") -> str | None:
    """Why `out` cannot take an output set (one line), or None when it can."""
    if is_remote(out):
        return None
    path = _local(out)
    if path.exists() and not path.is_dir():
        return f"--out {out} is a file, not a folder"
    parent = path.absolute().parent
    if not parent.is_dir():
        return f"--out {out}: its parent folder {parent} does not exist"
    if not _writable(parent):
        return f"--out {out}: cannot write in {parent} (read-only)"
    if path.is_dir():
        if not _writable(path):
            return f"--out {out} is read-only"
        others = sorted(p.name for p in path.iterdir() if p.name not in _members("csv") | _members("parquet"))
        if others:
            return (f"--out {out} holds other files ({', '.join(others[:3])}{', ...' if len(others) > 3 else ''}); "
                    "give a new or empty folder, or one written by stance parse")
    return None


def _writable(folder: Path) -> bool:
    """Whether a file can be made in `folder` (tried for real: catches read-only mounts too)."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    probe = folder / f"{_STAGING}probe-{secrets.token_hex(4)}"
    try:
        probe.mkdir()
        probe.rmdir()
        return True
    except OSError:
        return False


def recover(out: str) -> None:
    """Undo what a crashed earlier run left: put back a hidden old set when `out` is missing,
    remove hidden staging and old folders."""
    if is_remote(out):
        return
    path = _local(out).absolute()
    if not path.parent.is_dir():
        return
    olds = sorted(path.parent.glob(f"{_OLD}{path.name}-*"))
    if olds and not path.exists():
        os.rename(olds[-1], path)  # a crash between the two fallback renames: the old set is back
        olds = olds[:-1]
    for leftover in [*olds, *path.parent.glob(f"{_STAGING}{path.name}-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where not supported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: filesystem or kernel without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(staging: Path, path: Path) -> None:
    """Make `staging` the folder at `path`; the previous set (if any) is removed after."""
    if not path.exists():
        os.rename(staging, path)
        return
    if _exchange(staging, path):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old set
        return
    old = path.parent / f"{_OLD}{path.name}-{secrets.token_hex(4)}"
    os.rename(path, old)
    try:
        os.rename(staging, path)
    except BaseException:
        os.rename(old, path)  # put the old set back; a kill right here is undone by `recover`
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_set(out: str, write: Callable[[str], None]) -> None:
    """Run `write(folder)` into a staging folder, then swap it in as `out` (local paths), or
    run it on `out` itself (remote URLs). A failure leaves `out` as it was."""
    if is_remote(out):
        write(out)
        return
    path = _local(out).absolute()
    recover(out)
    staging = path.parent / f"{_STAGING}{path.name}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        write(str(staging))
        _fsync_tree(staging)
        swap_in(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _fsync_tree(folder: Path) -> None:
    """Flush the staging folder's entries (the files themselves are fsynced when written)."""
    for d in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        fsync_folder(d)
