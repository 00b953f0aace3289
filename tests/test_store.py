"""Uploads: safe names, refusals, dedupe, no overwrite, concurrency, crash safety."""
from __future__ import annotations

import bz2
import gzip
import io
import os
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance import store
from stance.store import MAX_UPLOAD_BYTES, StoreResult, safe_name, store_upload
from stance.tables import ARTICLE_SUFFIXES

ARTICLE = "Norway welcomed the ceasefire agreed on 3 March 2021 by both sides.\n".encode()


def visible(folder: Path) -> list[str]:
    """What a reader sees: non-hidden files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("/abs/x.txt", "x.txt"),
        ("a\\b.txt", "b.txt"),
        ("C:\\Users\\me\\Desktop\\Note.HTM", "Note.htm"),
        ("..\\..\\windows\\win.ini.md", "win.ini.md"),
        ("con.txt", "_con.txt"),
        ("LPT1.md", "_LPT1.md"),
        ("a\nb\x00c.txt", "a_b_c.txt"),
        ("line\r\nbreak.txt", "line_break.txt"),
        ("🙂 news 🙂.md", "news.md"),
        (".hidden.txt", "hidden.txt"),
        ("-rf.txt", "rf.txt"),
        (".txt", "upload.txt"),
        ("", "upload"),
        ("...", "upload"),
        ("../", "upload"),
        ("Report (final), v2.TXT", "Report (final), v2.txt"),
        ("Côte d’Ivoire.txt", "Côte d_Ivoire.txt"),
        ("北京 新闻.html", "北京 新闻.html"),
        ("a::b??*|<>.txt", "a_b.txt"),
        ("fullwidth\uff0f..\uff0fslash.txt", "slash.txt"),
    ],
)
def test_safe_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_safe_name_limits_length_and_keeps_suffix() -> None:
    name = safe_name("é" * 500 + ".html")
    assert name.endswith(".html")
    assert len(name.encode("utf-8")) <= store.MAX_NAME_BYTES
    name = safe_name("x" * 10_000 + ".txt")
    assert name.endswith(".txt") and len(name) <= store.MAX_NAME_BYTES


_NAME_PARTS = st.sampled_from(list("._- ()',/\\:ab0\x00\n\t🙂é") + ["..", "../", "con", ".txt"])


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=300)
    | st.lists(_NAME_PARTS, max_size=40).map("".join)
    | st.lists(_NAME_PARTS, max_size=40).map(lambda parts: "".join(parts) + ".txt")
)
def test_safe_name_property(raw: str) -> None:
    name = safe_name(raw)
    assert name
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith((".", "-", " "))
    assert name not in (".", "..")
    assert all(ch.isprintable() for ch in name)
    assert len(name.encode("utf-8")) <= store.MAX_NAME_BYTES
    assert safe_name(name) == name  # idempotent


# --- refusals --------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, name, words",
    [
        (b"x" * (MAX_UPLOAD_BYTES + 1), "big.txt", "too large"),
        (ARTICLE, "article.pdf", "unsupported"),
        (ARTICLE, "article.exe", "unsupported"),
        (ARTICLE, "article", "unsupported"),
        (ARTICLE, "article.txt.exe", "unsupported"),
        (b"", "empty.txt", "empty"),
        (_zip_bytes(), "sneaky.txt", "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "paper.txt", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "pic.html", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "pic.md", "JPEG"),
        (b"GIF89a\x01\x00", "anim.txt", "GIF"),
        (gzip.compress(ARTICLE), "article.txt", "gzip"),
        (bz2.compress(ARTICLE), "article.txt", "bzip2"),
        (b"Hello\x00world, a text with a NUL byte", "nul.txt", "binary"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 64, "ctrl.txt", "binary"),
        (b"   \n\t\n", "blank.txt", "no readable text"),
        (b"<html><body><script>alert(1)</script></body></html>", "blank.html", "no readable text"),
    ],
)
def test_rejected_and_nothing_stored(tmp_path: Path, data: bytes, name: str, words: str) -> None:
    result = store_upload(data, name, tmp_path)
    assert result.status == "rejected"
    assert result.path is None
    assert words.lower() in result.message.lower()
    assert visible(tmp_path) == []
    assert not [n for n in hidden(tmp_path) if n.endswith(".tmp")]


def test_exactly_at_limit_is_accepted(tmp_path: Path) -> None:
    data = (b"Chile voiced concern. " * (MAX_UPLOAD_BYTES // 22 + 1))[:MAX_UPLOAD_BYTES]
    result = store_upload(data, "limit.txt", tmp_path)
    assert result.status == "stored", result.message
    assert result.path.read_bytes() == data


@pytest.mark.parametrize(
    "data",
    [
        "Le Chili a exprimé son inquiétude à Genève.".encode("cp1252"),
        "Україна засудила удар.".encode("utf-8"),
        "\ufeffWith a BOM.".encode("utf-8"),
        "UTF-16 with BOM: Peru abstained.".encode("utf-16"),
        "UTF-16 without BOM: Peru abstained again.".encode("utf-16-le"),
    ],
)
def test_text_in_other_encodings_accepted(tmp_path: Path, data: bytes) -> None:
    result = store_upload(data, "note.txt", tmp_path)
    assert result.status == "stored", result.message
    assert result.path.read_bytes() == data  # stored verbatim; decoding is the reader's job


def test_all_allowed_suffixes(tmp_path: Path) -> None:
    for index, suffix in enumerate(ARTICLE_SUFFIXES):
        upper = f"doc{index}{suffix.upper()}"
        result = store_upload(ARTICLE + suffix.encode(), upper, tmp_path)
        assert result.status == "stored", result.message
        assert result.path.name == f"doc{index}{suffix}"


# --- storing ---------------------------------------------------------------------------


def test_traversal_name_stays_inside_folder(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    for name in ("../../etc/passwd.txt", "/abs/x.txt", "a\\..\\..\\b.txt", "../outside.txt"):
        result = store_upload(ARTICLE + name.encode(), name, folder)
        assert result.status == "stored", result.message
        assert result.path.parent == folder
        assert result.path.resolve().is_relative_to(folder.resolve())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uploads"]
    assert visible(folder) == ["b.txt", "outside.txt", "passwd.txt", "x.txt"]


def test_same_content_twice_is_a_duplicate(tmp_path: Path) -> None:
    first = store_upload(ARTICLE, "one.txt", tmp_path)
    second = store_upload(ARTICLE, "other-name.txt", tmp_path)
    assert first.status == "stored"
    assert second == StoreResult("duplicate", first.path, second.message)
    assert "one.txt" in second.message
    assert visible(tmp_path) == ["one.txt"]


def test_duplicate_detected_for_files_put_there_by_hand(tmp_path: Path) -> None:
    (tmp_path / "manual.md").write_bytes(ARTICLE)
    (tmp_path / ".hidden.md").write_bytes(ARTICLE + b"x")
    result = store_upload(ARTICLE, "again.md", tmp_path)
    assert result.status == "duplicate" and result.path == tmp_path / "manual.md"


def test_changed_file_is_rehashed(tmp_path: Path) -> None:
    first = store_upload(ARTICLE, "a.txt", tmp_path)
    # Someone edits the stored file in place (same size, new content): the cache must notice.
    changed = ARTICLE.replace(b"Norway", b"Sweden")
    first.path.write_bytes(changed)
    os.utime(first.path, ns=(1, 1))
    result = store_upload(ARTICLE, "b.txt", tmp_path)
    assert result.status == "stored"
    assert store_upload(changed, "c.txt", tmp_path).status == "duplicate"


def test_name_clash_keeps_both(tmp_path: Path) -> None:
    a = store_upload(b"Brazil abstained.", "news.txt", tmp_path)
    b = store_upload(b"Chile abstained.", "news.txt", tmp_path)
    c = store_upload(b"Peru abstained.", "../news.txt", tmp_path)
    assert [r.status for r in (a, b, c)] == ["stored"] * 3
    assert [r.path.name for r in (a, b, c)] == ["news.txt", "news-2.txt", "news-3.txt"]
    assert (tmp_path / "news.txt").read_bytes() == b"Brazil abstained."
    assert (tmp_path / "news-2.txt").read_bytes() == b"Chile abstained."
    assert "news-3.txt" in c.message


def test_never_overwrites_existing_file_or_follows_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep me")
    folder = tmp_path / "up"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    result = store_upload(b"Cuba voiced support.", "link.txt", folder)
    assert result.status == "stored" and result.path.name == "link-2.txt"
    assert outside.read_bytes() == b"keep me"


def test_concurrent_distinct_files(tmp_path: Path) -> None:
    payloads = [f"Article {i}: Ghana backed the plan on day {i}.\n".encode() * (i + 1) for i in range(10)]
    barrier = threading.Barrier(10)

    def upload(i: int) -> StoreResult:
        barrier.wait()
        return store_upload(payloads[i], f"article-{i}.txt", tmp_path)

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(upload, range(10)))
    assert all(r.status == "stored" for r in results), [r.message for r in results]
    assert len(visible(tmp_path)) == 10
    for i, result in enumerate(results):
        assert result.path.read_bytes() == payloads[i]
    assert not [n for n in hidden(tmp_path) if n.endswith(".tmp")]


def test_concurrent_same_name_different_content(tmp_path: Path) -> None:
    payloads = [f"Version {i}: Kenya opposed the motion.\n".encode() * (50 + i) for i in range(10)]
    barrier = threading.Barrier(10)

    def upload(i: int) -> StoreResult:
        barrier.wait()
        return store_upload(payloads[i], "same.txt", tmp_path)

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(upload, range(10)))
    assert all(r.status == "stored" for r in results), [r.message for r in results]
    names = {r.path.name for r in results}
    assert names == {"same.txt"} | {f"same-{n}.txt" for n in range(2, 11)}
    for i, result in enumerate(results):
        assert result.path.read_bytes() == payloads[i]  # nothing lost or mixed
    assert len(visible(tmp_path)) == 10


def test_concurrent_same_content_stored_once(tmp_path: Path) -> None:
    barrier = threading.Barrier(8)

    def upload(i: int) -> StoreResult:
        barrier.wait()
        return store_upload(ARTICLE, f"copy-{i}.txt", tmp_path)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(upload, range(8)))
    assert sorted(r.status for r in results) == ["duplicate"] * 7 + ["stored"]
    assert len(visible(tmp_path)) == 1
    assert {r.path for r in results} == {next(r.path for r in results if r.status == "stored")}


def test_crash_mid_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class Exploding(io.RawIOBase):
        def __init__(self, handle: io.BufferedWriter) -> None:
            self.handle = handle

        def write(self, data: bytes) -> int:  # type: ignore[override]
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

        def __enter__(self) -> "Exploding":
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    monkeypatch.setattr(store.os, "fdopen", lambda fd, mode="r": Exploding(real_fdopen(fd, mode)))
    result = store_upload(ARTICLE, "crash.txt", tmp_path)
    assert result.status == "rejected"
    assert "could not be stored" in result.message
    assert visible(tmp_path) == []
    assert not [n for n in hidden(tmp_path) if n.endswith(".tmp")]
    monkeypatch.undo()
    # After the failure, the same upload works and is complete.
    again = store_upload(ARTICLE, "crash.txt", tmp_path)
    assert again.status == "stored" and again.path.read_bytes() == ARTICLE


def test_crash_between_temp_and_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_link(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store.os, "link", no_link)
    result = store_upload(ARTICLE, "late.txt", tmp_path)
    assert result.status == "rejected"
    assert visible(tmp_path) == []
    assert not [n for n in hidden(tmp_path) if n.endswith(".tmp")]


def test_hard_crash_leftover_temp_is_hidden_and_cleaned(tmp_path: Path) -> None:
    # A killed process leaves its temp file: readers skip it (hidden) and it is removed later.
    leftover = tmp_path / f"{store.TEMP_PREFIX}deadbeef{store.TEMP_SUFFIX}"
    leftover.write_bytes(ARTICLE[:10])
    old = store.STALE_TEMP_SECONDS + 10
    os.utime(leftover, (os.path.getmtime(leftover) - old,) * 2)
    assert visible(tmp_path) == []
    assert store_upload(ARTICLE, "fresh.txt", tmp_path).status == "stored"
    assert not leftover.exists()


def test_filesystem_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(src: str, dst: str) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(store.os, "link", unsupported)
    a = store_upload(b"Mali protested.", "x.txt", tmp_path)
    b = store_upload(b"Niger protested.", "x.txt", tmp_path)
    assert (a.status, b.status) == ("stored", "stored")
    assert (tmp_path / "x.txt").read_bytes() == b"Mali protested."
    assert (tmp_path / "x-2.txt").read_bytes() == b"Niger protested."
    assert not [n for n in hidden(tmp_path) if n.endswith(".tmp")]


def test_many_files_dedupe_hashes_only_same_size_files(tmp_path: Path, monkeypatch) -> None:
    """The duplicate check hashes no file of another size, so a big folder costs a listing only
    (counted, not timed: the seconds depend on the machine)."""
    for i in range(2000):
        (tmp_path / f"f{i}.txt").write_bytes(f"file {i}\n".encode())
    hashed: list[str] = []
    real = store._file_hash
    monkeypatch.setattr(store, "_file_hash", lambda path, *a: (hashed.append(path), real(path, *a))[1])
    for i in range(20):
        assert store_upload(f"new {i:02d} distinct upload\n".encode(), "n.txt", tmp_path).status == "stored"
    # the only same-size files are the earlier uploads themselves
    assert all(Path(p).name.startswith("n") for p in hashed)
    assert store_upload(b"file 7\n", "again.txt", tmp_path).status == "duplicate"


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")),
    st.text(max_size=40).map(lambda stem: stem + ".txt") | st.text(max_size=40),
)
def test_store_property_random_uploads(data: bytes, name: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        result = store_upload(data, name, folder)
        assert result.status in ("stored", "rejected")
        assert result.message
        if result.status == "stored":
            assert result.path.parent == folder
            assert result.path.read_bytes() == data
            assert visible(folder) == [result.path.name]
            assert store_upload(data, name, folder).status == "duplicate"
        else:
            assert result.path is None and visible(folder) == []
        assert not [n for n in hidden(folder) if n.endswith(".tmp")]
