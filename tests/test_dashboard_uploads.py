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


def slow_parse(paths):
    """Stand-in parser that never finishes in time (module level: the child imports it)."""
    import time

    time.sleep(30)
    return fake_parse(paths)


def test_parse_over_its_budget_is_refused_and_nothing_stored(tmp_path):
    out = accept_upload(ARTICLE, "slow.txt", tmp_path, parse=slow_parse, budget_s=1.0)
    assert out.status == "unreadable" and "too long to parse" in out.message
    assert "Nothing was stored" in out.message and article_paths(tmp_path) == []


def test_parse_within_budget_runs_in_a_child_and_returns_the_tables(tmp_path):
    from dashboard.uploads import parse_within

    (tmp_path / "a.txt").write_bytes(ARTICLE)
    tables = parse_within(fake_parse, [tmp_path / "a.txt"], 60.0)
    assert tables.documents["file"].tolist() == ["a.txt"] and len(tables.events) == 1


def test_stored_upload_goes_into_the_parse_cache_keeping_other_entries(tmp_path):
    from stance import parse_corpus
    from stance.cache import ParseCache
    from stance.pipeline import PARSER_VERSION

    folder, cache = tmp_path / "articles", tmp_path / ".cache"
    folder.mkdir()
    (folder / "old.txt").write_text("On 2 May 2021 Japan said it supports the plan.\n")
    parse_corpus([folder / "old.txt"], cache_dir=cache)
    out = accept_upload(ARTICLE, "new.txt", folder, parse=parse_corpus, cache_dir=cache)
    assert out.status == "stored"
    held = ParseCache(cache, PARSER_VERSION)
    assert len(held) == 2
    assert held.lookup(str((folder / "old.txt").resolve())) is not None
    assert held.lookup(str((folder / "new.txt").resolve())) is not None
    files = sorted(folder.glob("*.txt"))
    warm, plain = parse_corpus(files, cache_dir=cache), parse_corpus(files)
    for name in ("documents", "events", "positions", "claims"):
        assert getattr(warm, name).equals(getattr(plain, name)), name
