"""Dashboard uploads: parsed at once, stored once, nothing overwritten, bad files refused."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from dashboard.loading import article_paths, fingerprint
from dashboard.uploads import accept_upload
from stance.tables import COLUMNS, frame

ARTICLE = ("Envoys meet in Geneva\n\nOn 3 March 2022 the envoy of Norway said Norway "
           "supports the new inquiry, while Brazil expressed concern.\n").encode()


def fake_parse(paths):
    """Stand-in parser: one ok document per readable file, an error row otherwise."""
    docs, events = [], []
    for p in paths:
        text = Path(p).read_bytes()
        ok = text.strip() and b"\x00" not in text
        docs.append({"doc_id": "d", "file": Path(p).name, "status": "ok" if ok else "error",
                     "error": "" if ok else "binary"})
        if ok:
            events.append({"event_id": "e1", "file": Path(p).name})
    return SimpleNamespace(documents=frame(docs, COLUMNS["documents"]),
                           events=frame(events, COLUMNS["events"]),
                           positions=frame([], COLUMNS["positions"]),
                           claims=frame([], COLUMNS["claims"]))


def test_upload_is_stored_once_and_never_overwrites(tmp_path):
    (tmp_path / "note.txt").write_text("an older, different article")
    first = accept_upload(ARTICLE, "note.txt", tmp_path, parse=fake_parse)
    assert first.status == "stored" and first.events == 1
    assert first.path.name != "note.txt"                         # name clash: new name
    assert (tmp_path / "note.txt").read_text() == "an older, different article"
    again = accept_upload(ARTICLE, "other-name.md", tmp_path, parse=fake_parse)
    assert again.status == "duplicate" and again.path == first.path
    assert len(article_paths(tmp_path)) == 2


def test_unreadable_upload_stores_nothing(tmp_path):
    (tmp_path / "keep.txt").write_text("kept")
    before = fingerprint(article_paths(tmp_path))
    for data, name in ((b"\x00\x01\x02binary", "x.txt"), (b"text", "x.exe"), (b"", "e.md"),
                       (b"%PDF-1.4 fake", "doc.html")):
        out = accept_upload(data, name, tmp_path, parse=fake_parse)
        assert out.status in ("rejected", "unreadable"), (name, out)
        assert out.message and "Nothing was stored" in out.message or out.status == "rejected"
    assert fingerprint(article_paths(tmp_path)) == before


def test_parser_error_is_reported_without_storing(tmp_path):
    def broken(paths):
        raise RuntimeError("boom")

    out = accept_upload(ARTICLE, "a.txt", tmp_path, parse=broken)
    assert out.status == "unreadable" and "boom" in out.message
    assert article_paths(tmp_path) == []


def test_article_listing_and_fingerprint(tmp_path):
    (tmp_path / "b.md").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "c.pdf").write_text("c")
    paths = article_paths(tmp_path)
    assert [p.name for p in paths] == ["a.txt", "b.md"]
    fp1 = fingerprint(paths)
    (tmp_path / "a.txt").write_text("changed")
    assert fingerprint(paths) != fp1
    assert article_paths(tmp_path / "missing") == []
