"""Store uploaded articles safely in a folder.

Uploads are untrusted: the name may try to escape the folder ("../../etc/passwd.txt"), the
bytes may be an archive, a PDF, an image or simply huge. `store_upload` refuses those with a
clear message and otherwise writes the file so that

* nothing outside `folder` is ever touched (the name is reduced to a safe basename);
* an identical upload (same SHA-256) is reported as a duplicate, not stored twice;
* a different file with the same name is kept under a new name (`name-2.txt`), never
  overwriting anything;
* a crash mid-write leaves no partial article: bytes go to a hidden temp file
  (`.upload-XXXX.tmp`, skipped by readers), are fsynced, then `os.link`ed to the final name,
  which fails instead of overwriting if that name was taken meanwhile;
* concurrent uploads (threads or processes) are serialised per folder by a lock
  (`filelock`, on a hidden `.stance-upload.lock` in the folder), so the duplicate check and the
  name choice are consistent.

The temp file comes from the shared `stance.atomic` helper. Publishing is our own: it must never
overwrite, so it uses `os.link` (fails if the name exists) rather than a replace, which no
atomic-write library offers.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from filelock import FileLock

from .atomic import fsync_folder, unlink_quietly, write_temp
from .reading import decode_bytes
from .tables import ARTICLE_SUFFIXES

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_NAME_BYTES = 120           # UTF-8 bytes of a stored name (filesystems allow 255)
MAX_CLASH_SUFFIX = 10_000      # name-2 ... name-10000, then give up
TEMP_PREFIX = ".upload-"
TEMP_SUFFIX = ".tmp"
LOCK_NAME = ".stance-upload.lock"
STALE_TEMP_SECONDS = 3600      # leftover temp files (from a crash) older than this are removed
DEFAULT_NAME = "upload"

# Leading bytes of common binary formats, for a clear message (the reader's own test then
# refuses anything else holding NUL bytes or control characters).
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/odt)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"%PDF", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document (doc/xls)"),
    (b"\x7fELF", "executable"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM media"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BZIP2 = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # UTF-16/32 text holds NULs

# Characters kept in a stored name: letters, digits, marks, and a few harmless punctuation.
_NAME_KEEP_PUNCT = frozenset("-_.() ,")
_UNDERSCORES = re.compile(r"[_\s]*_[_\s]*")
_SPACES = re.compile(r"\s+")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "clock$"]
    + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


@dataclass(frozen=True)
class StoreResult:
    """Outcome of one upload: status "stored" | "duplicate" | "rejected"."""

    status: str
    path: Path | None
    message: str


# ---------------------------------------------------------------------------------------
# Names


def _name_char(char: str) -> str:
    if char in _NAME_KEEP_PUNCT:
        return char
    category = unicodedata.category(char)
    if category[0] in "LN" or category[0] == "M":
        return char
    return "_"


def _truncate_utf8(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_name(name: str) -> str:
    """A harmless file name derived from an uploaded name; never empty.

    Drops any directory part (both / and \\), control and odd characters (replaced by "_"),
    leading dots/dashes/spaces (no hidden files, no option-like names), Windows device names;
    lowercases the suffix and limits the length, keeping the suffix.
    """
    text = unicodedata.normalize("NFC", str(name))
    text = text.replace("\\", "/").replace("\uff0f", "/").replace("\uff3c", "/")
    text = text.rsplit("/", 1)[-1]
    text = "".join(_name_char(char) for char in text)
    text = _SPACES.sub(" ", text)
    text = _UNDERSCORES.sub("_", text).rstrip(" ._-")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    suffix = suffix.strip(" _").lower()
    stem = stem.lstrip(" ._-(),").rstrip(" ._-")
    if not stem:  # nothing readable left, or only a suffix (".txt")
        stem = DEFAULT_NAME
    if stem.split(".", 1)[0].strip().lower() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    tail = f".{suffix}" if suffix else ""
    if len(tail.encode("utf-8")) > MAX_NAME_BYTES // 2:
        tail = _truncate_utf8(tail, MAX_NAME_BYTES // 2).rstrip(" ._-")
    stem = _truncate_utf8(stem, MAX_NAME_BYTES - len(tail.encode("utf-8"))).rstrip(" ._-")
    return f"{stem or DEFAULT_NAME}{tail}"


def _candidate_names(name: str) -> Iterator[str]:
    """name.txt, name-2.txt, name-3.txt, ..."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    tail = f".{suffix}" if suffix else ""
    yield name
    for number in range(2, MAX_CLASH_SUFFIX + 1):
        yield f"{stem}-{number}{tail}"


# ---------------------------------------------------------------------------------------
# Content checks


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format `data` looks like, or None when it may be text."""
    if data.startswith(_TEXT_BOMS):
        return None  # UTF-8/16 text with a byte order mark (UTF-16 legitimately has NULs)
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    if _BZIP2.match(data):
        return "bzip2 archive"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    return None


# ---------------------------------------------------------------------------------------
# Folder index (content hashes) and locking

# path -> (size, mtime_ns, sha256 hex); only files whose size matched an upload get hashed.
_HASH_CACHE: dict[str, tuple[int, int, str]] = {}
_HASH_CACHE_LIMIT = 100_000


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's upload lock, against other threads and other processes alike (each
    call opens the lock file anew, and OS file locks exclude other open files too). The lock
    file is kept: removing it on release would let a waiter and a newcomer lock different files."""
    with FileLock(folder / LOCK_NAME, thread_local=False, preserve_lock_file=True):
        yield


def _file_hash(path: str, size: int, mtime_ns: int) -> str:
    cached = _HASH_CACHE.get(path)
    if cached is not None and cached[0] == size and cached[1] == mtime_ns:
        return cached[2]
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    value = digest.hexdigest()
    if len(_HASH_CACHE) >= _HASH_CACHE_LIMIT:
        _HASH_CACHE.clear()
    _HASH_CACHE[path] = (size, mtime_ns, value)
    return value


def _find_duplicate(folder: Path, size: int, sha256: str) -> Path | None:
    """An existing visible file in `folder` with these bytes (only same-size files are hashed).

    Also removes stale hidden temp files left by a crash.
    """
    now = time.time()
    with os.scandir(folder) as entries:
        for entry in entries:
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.name.startswith("."):
                if (
                    entry.name.startswith(TEMP_PREFIX)
                    and entry.name.endswith(TEMP_SUFFIX)
                    and now - info.st_mtime > STALE_TEMP_SECONDS
                ):
                    unlink_quietly(entry.path)
                continue
            if info.st_size != size:
                continue
            try:
                if _file_hash(entry.path, info.st_size, info.st_mtime_ns) == sha256:
                    return Path(entry.path)
            except OSError:
                continue
    return None


def _write_temp(folder: Path, data: bytes) -> Path:
    """Write `data` to a new hidden temp file in `folder`, fsynced; return its path."""
    return write_temp(folder, data, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)


def _publish(tmp: Path, folder: Path, name: str) -> Path:
    """Give the temp file its first free final name without ever overwriting a file."""
    for candidate in _candidate_names(name):
        final = folder / candidate
        try:
            os.link(tmp, final)  # atomic; fails if `final` exists
            return final
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
        # Filesystem without hard links: claim the name exclusively, then move onto it.
        try:
            fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        os.close(fd)
        os.replace(tmp, final)
        return final
    raise FileExistsError(f"no free name for {name!r} after {MAX_CLASH_SUFFIX} tries")


# ---------------------------------------------------------------------------------------
# Public entry point


def _reject(message: str) -> StoreResult:
    return StoreResult("rejected", None, message)


def check_upload(data: bytes, name: str) -> str | None:
    """Why this upload is refused (a human message), or None when it is acceptable text."""
    shown = safe_name(name)
    if len(data) > MAX_UPLOAD_BYTES:
        return (
            f"{shown} is too large ({len(data) / 1_048_576:.1f} MB); "
            f"the limit is {MAX_UPLOAD_BYTES // 1_048_576} MB."
        )
    if not data:
        return f"{shown} is empty."
    suffix = os.path.splitext(shown)[1].lower()
    if suffix not in ARTICLE_SUFFIXES:
        allowed = ", ".join(ARTICLE_SUFFIXES)
        return f"{shown}: unsupported file type {suffix or '(none)'}; allowed: {allowed}."
    kind = binary_kind(data)
    if kind is not None:
        return f"{shown} is not a text article: it looks like a {kind}."
    # The reader's own rules (BOM, UTF-8, declared charset, detector; NUL bytes and control
    # characters mean binary): whatever is stored here can be read later.
    source = decode_bytes(data, shown)
    if source.status == "error":
        return f"{shown} cannot be read: {source.error}."
    if source.status != "ok":
        return f"{shown} has no readable text ({source.error or source.status})."
    return None


def store_upload(data: bytes, name: str, folder: Path) -> StoreResult:
    """Validate an uploaded file and store it in `folder` (see the module docstring)."""
    problem = check_upload(data, name)
    if problem is not None:
        return _reject(problem)
    stored_name = safe_name(name)
    folder = Path(folder)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _locked(folder):
            existing = _find_duplicate(folder, len(data), sha256)
            if existing is not None:
                return StoreResult(
                    "duplicate", existing,
                    f"{stored_name} was already uploaded as {existing.name} (same content); "
                    "nothing new stored.",
                )
            tmp = _write_temp(folder, data)
            try:
                final = _publish(tmp, folder, stored_name)
            finally:
                unlink_quietly(tmp)
            fsync_folder(folder)
            try:
                info = final.stat()
                _HASH_CACHE[str(final)] = (info.st_size, info.st_mtime_ns, sha256)
            except OSError:  # pragma: no cover
                pass
    except OSError as error:
        return _reject(f"{stored_name} could not be stored: {error.strerror or error}.")
    if final.name == stored_name:
        message = f"Stored {final.name}."
    else:
        message = f"Stored as {final.name} ({stored_name} already exists with other content)."
    return StoreResult("stored", final, message)
