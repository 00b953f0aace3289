"""The parse cache: warm starts by stat without reading, path-keyed ids, racy files, corruption."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

import stance.pipeline as pipeline
from stance.cache import FILE_NAME, ParseCache, signatures
from stance.pipeline import PARSER_VERSION, parse_corpus

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
PAST = 1_600_000_000  # a fixed mtime well before any run: files are not "racily clean"


def _age(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, (PAST, PAST))


def _equal(a, b) -> None:
    for left, right in zip(a, b):
        assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "note.txt").write_text("On 2 June 2020 Japan condemned the launch by North Korea.\n")
    _age(folder)
    return folder


@pytest.fixture()
def counted(monkeypatch):
    """Counts files read and files parsed by the pipeline in this process."""
    calls = {"read": 0, "parsed": 0}
    read, parse = pipeline.read_source, pipeline.parse_rows

    def reading(*a, **k):
        calls["read"] += 1
        return read(*a, **k)

    def parsing(*a, **k):
        calls["parsed"] += 1
        return parse(*a, **k)

    monkeypatch.setattr(pipeline, "read_source", reading)
    monkeypatch.setattr(pipeline, "parse_rows", parsing)
    return calls


def test_warm_start_reads_no_file_and_gives_the_same_tables(tmp_path: Path, corpus: Path, counted) -> None:
    plain = parse_corpus([corpus])
    cache = tmp_path / "cache"
    _equal(parse_corpus([corpus], cache_dir=cache), plain)
    assert (cache / FILE_NAME).exists() and sorted(p.name for p in cache.iterdir()) == [FILE_NAME]
    counted.update(read=0, parsed=0)
    written = (cache / FILE_NAME).stat().st_mtime_ns
    _equal(parse_corpus([corpus], cache_dir=cache), plain)
    assert counted == {"read": 0, "parsed": 0}
    assert (cache / FILE_NAME).stat().st_mtime_ns == written  # nothing changed: nothing written


def test_two_identical_files_in_two_folders_keep_distinct_ids(tmp_path: Path, counted) -> None:
    text = "GENEVA, 3 March 2021 - China said it opposes the resolution. Cuba supported China.\n"
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    _age(tmp_path)
    paths = [tmp_path / "one", tmp_path / "two"]
    plain = parse_corpus(paths)
    assert plain.documents["doc_id"].tolist() == ["same-1", "same~2-1"]
    cold = parse_corpus(paths, cache_dir=tmp_path / "cache")
    counted.update(read=0, parsed=0)
    warm = parse_corpus(paths, cache_dir=tmp_path / "cache")
    assert counted["read"] == 0
    for got in (cold, warm):
        _equal(got, plain)
        assert got.documents["doc_id"].is_unique and got.events["event_id"].is_unique


def test_touched_file_is_read_but_not_parsed_and_a_changed_one_is_parsed(tmp_path: Path, corpus: Path, counted) -> None:
    cache = tmp_path / "cache"
    parse_corpus([corpus], cache_dir=cache)
    touched, changed = sorted(corpus.glob("*.txt"))[:2]
    os.utime(touched, (PAST + 10, PAST + 10))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOn 9 May 2022 Chile welcomed the ceasefire.\n",
                       encoding="utf-8")
    os.utime(changed, (PAST + 20, PAST + 20))
    counted.update(read=0, parsed=0)
    _equal(parse_corpus([corpus], cache_dir=cache), parse_corpus([corpus]))
    assert counted["parsed"] == 1 + len(list(corpus.rglob("*.txt")))  # 1 in the cached run, all in the plain one


def test_a_sidecar_change_is_seen_from_the_listing(tmp_path: Path, corpus: Path, counted) -> None:
    cache = tmp_path / "cache"
    parse_corpus([corpus], cache_dir=cache)
    first = sorted(corpus.glob("*.txt"))[0]
    (corpus / (first.stem + ".meta.json")).write_text('{"title": "From the sidecar"}', encoding="utf-8")
    _age(corpus)
    counted.update(read=0, parsed=0)
    got = parse_corpus([corpus], cache_dir=cache)
    assert counted["parsed"] == 1
    assert "From the sidecar" in set(got.documents["title"])


def test_racily_clean_file_is_verified_by_content(tmp_path: Path, counted) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    path = folder / "x.txt"
    path.write_text("On 2 June 2020 Japan condemned the launch by North Korea.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    parse_corpus([folder], cache_dir=cache)  # the file was written just now: its entry is racy
    before = os.stat(path)
    path.write_text("On 2 June 2020 Japan welcomed the launch by North Korea.\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size and mtime, other bytes
    counted.update(read=0, parsed=0)
    got = parse_corpus([folder], cache_dir=cache)
    assert counted["parsed"] == 1
    assert "welcomed" in got.events["text"].iloc[0]


def test_unreadable_files_keep_their_place(tmp_path: Path, corpus: Path) -> None:
    (corpus / "0bad.txt").write_bytes(b"\x00\x01binary\x00")
    (corpus / "zz.txt").write_text("", encoding="utf-8")
    _age(corpus)
    missing = tmp_path / "missing.txt"
    plain = parse_corpus([corpus, missing])
    for _ in range(2):
        _equal(parse_corpus([corpus, missing], cache_dir=tmp_path / "cache"), plain)


def test_files_that_left_the_corpus_leave_the_cache(tmp_path: Path, corpus: Path) -> None:
    cache = tmp_path / "cache"
    parse_corpus([corpus], cache_dir=cache)
    n = len(ParseCache(cache, PARSER_VERSION))
    (corpus / "sub" / "note.txt").unlink()
    _equal(parse_corpus([corpus], cache_dir=cache), parse_corpus([corpus]))
    assert len(ParseCache(cache, PARSER_VERSION)) == n - 1


def test_version_change_and_corrupt_file_start_afresh(tmp_path: Path, corpus: Path, counted) -> None:
    cache = tmp_path / "cache"
    parse_corpus([corpus], cache_dir=cache)
    assert "version" in ParseCache(cache, "other").warning
    data = (cache / FILE_NAME).read_bytes()
    (cache / FILE_NAME).write_bytes(data[: len(data) // 2])
    broken = ParseCache(cache, PARSER_VERSION)
    assert "could not be read" in broken.warning and len(broken) == 0
    (cache / FILE_NAME).write_bytes(b"garbage")
    counted.update(read=0, parsed=0)
    _equal(parse_corpus([corpus], cache_dir=cache), parse_corpus([corpus]))
    assert ParseCache(cache, PARSER_VERSION).warning == ""  # rewritten


def test_an_interrupted_save_leaves_the_previous_cache(tmp_path: Path, corpus: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    parse_corpus([corpus], cache_dir=cache)
    before = (cache / FILE_NAME).read_bytes()
    (corpus / "new.txt").write_text("On 3 May 2019 Cuba backed China.\n", encoding="utf-8")

    def boom(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    parse_corpus([corpus], cache_dir=cache)  # results still come back; the save fails quietly
    assert (cache / FILE_NAME).read_bytes() == before
    assert sorted(p.name for p in cache.iterdir()) == [FILE_NAME]


def test_unwritable_cache_folder_warns_instead_of_raising(tmp_path: Path, corpus: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    _equal(parse_corpus([corpus], cache_dir=blocker), parse_corpus([corpus]))
    assert blocker.read_text() == "x"
    cache = ParseCache(blocker, PARSER_VERSION)
    cache.save(*_empty_save())
    assert "could not be saved" in cache.warning


def _empty_save():
    from stance.cache import _arrow_empty, entry_frame
    import numpy as np

    from stance.tables import TABLE_NAMES

    return entry_frame([], [], [], [], [], np.zeros((4, 0))), [_arrow_empty(n) for n in TABLE_NAMES]


def test_signatures_take_sidecars_from_the_listing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "b.meta.json").write_text("{}")
    sigs, clock = signatures([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "gone.txt"])
    assert sigs[0][3:] == (-1, -1, -1) and sigs[1][3] == 2 and sigs[2] is None
    assert clock > 0
