"""The parsed-table cache: round trip, invalidation, corruption, hit/miss, pruning, bulk take."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from stance import tables as T
from stance.cache import ParseCache
from stance.pipeline import Tables


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tables(file: str, content: str, n_events: int = 2) -> Tables:
    """Small tables for one file, with unicode, empty strings and missing integers."""
    doc = f"{file.rsplit('.', 1)[0]}-1"
    docs = [{"doc_id": doc, "file": file, "title": f"Título {file} “quoted”", "published": "2023-11-22",
             "published_basis": "stated", "status": "ok", "part": 1, "start": 0, "end": len(content),
             "encoding": "utf-8", "content_hash": _hash(content)}]
    events = [{"event_id": f"{doc}-e{i}", "doc_id": doc, "file": file, "date": "" if i % 2 else "2023-11-20",
               "date_precision": "none" if i % 2 else "day", "actor": "Ruritania", "actor_iso3": "RUR",
               "action": "support", "text": f"Sentence {i} of {file}.", "start": 10 * i, "end": 10 * i + 9}
              for i in range(n_events)]
    positions = [{"position_id": f"{e['event_id']}-p", "event_id": e["event_id"], "doc_id": doc, "file": file,
                  "country_iso3": "RUR", "stance": "support", "basis": "named", "start": e["start"],
                  "end": None} for e in events]
    claims = [{"claim_id": f"{doc}-c0", "event_id": "", "doc_id": doc, "file": file, "count": 80,
               "qualifier": "nearly", "count_low": None, "count_high": 80, "text": "nearly 80 countries",
               "start": 3, "end": 22}] if n_events else []
    return Tables(T.frame(docs, T.DOCUMENT_COLUMNS), T.frame(events, T.EVENT_COLUMNS),
                  T.frame(positions, T.POSITION_COLUMNS), T.frame(claims, T.CLAIM_COLUMNS))


def _assert_tables_equal(a: Tables, b: Tables) -> None:
    for left, right in zip(a, b):
        assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def _fill(folder: Path, version: str = "1.0", files: dict[str, str] | None = None) -> dict[str, Tables]:
    files = files or {"a.txt": "alpha text", "b.txt": "beta text", "c.txt": "gamma"}
    cache = ParseCache(folder, version)
    made = {}
    for i, (name, content) in enumerate(files.items()):
        made[name] = _tables(name, content, n_events=i)  # 0, 1, 2 events: empty tables too
        cache.put(_hash(content), name, made[name])
    cache.save()
    assert cache.warning == ""
    return made


def test_round_trip(tmp_path: Path) -> None:
    made = _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    assert cache.warning == ""
    for name, content in {"a.txt": "alpha text", "b.txt": "beta text", "c.txt": "gamma"}.items():
        got = cache.get(_hash(content), name)
        assert got is not None
        assert isinstance(got, Tables)
        _assert_tables_equal(got, made[name])
    assert (cache.hits, cache.misses) == (3, 0)


def test_no_cache_yet_is_empty_without_warning(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "missing", "1.0")
    assert cache.warning == ""
    assert cache.get(_hash("x"), "x.txt") is None
    assert cache.misses == 1
    cache.save()  # nothing seen, nothing written
    assert not (tmp_path / "missing").exists()


def test_version_change_invalidates(tmp_path: Path) -> None:
    _fill(tmp_path, version="1.0")
    cache = ParseCache(tmp_path, "2.0")
    assert "1.0" in cache.warning and "2.0" in cache.warning
    assert cache.get(_hash("alpha text"), "a.txt") is None
    assert len(cache) == 0


def test_unchanged_file_hits_and_changed_file_misses(tmp_path: Path) -> None:
    _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    assert cache.get(_hash("alpha text"), "a.txt") is not None
    assert cache.get(_hash("alpha text, edited"), "a.txt") is None
    assert cache.get(_hash("alpha text"), "renamed.txt") is None
    assert (cache.hits, cache.misses) == (1, 2)


@pytest.mark.parametrize("victim", ["events", "entries", "documents"])
def test_corrupt_parquet_gives_warning_and_empty_cache(tmp_path: Path, victim: str) -> None:
    _fill(tmp_path)
    [path] = tmp_path.glob(f"{victim}-*.parquet")
    path.write_bytes(b"PAR1 this is not parquet at all")
    cache = ParseCache(tmp_path, "1.0")
    assert "could not be read" in cache.warning
    assert len(cache) == 0
    assert cache.get(_hash("alpha text"), "a.txt") is None
    # and the cache heals: a save writes a good set again
    cache.put(_hash("alpha text"), "a.txt", _tables("a.txt", "alpha text"))
    cache.save()
    again = ParseCache(tmp_path, "1.0")
    assert again.warning == "" and again.get(_hash("alpha text"), "a.txt") is not None


def test_missing_table_file_or_bad_manifest(tmp_path: Path) -> None:
    _fill(tmp_path)
    [path] = tmp_path.glob("claims-*.parquet")
    path.unlink()
    assert "could not be read" in ParseCache(tmp_path, "1.0").warning
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    cache = ParseCache(tmp_path, "1.0")
    assert "could not be read" in cache.warning and len(cache) == 0


def test_row_counts_must_match_entries(tmp_path: Path) -> None:
    """A table swapped in from another generation (a torn copy) is detected, not trusted."""
    _fill(tmp_path)
    first = {p.name.split("-", 1)[0]: p for p in tmp_path.glob("*.parquet")}
    _fill(tmp_path, files={"z.txt": "zeta"})
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    gen = manifest["generation"]
    assert not first["events"].exists()  # previous generation removed
    # forge: a bigger events table under the live generation's name
    big = _tables("q.txt", "q", n_events=5).events
    big.to_parquet(tmp_path / f"events-{gen}.parquet", index=False)
    cache = ParseCache(tmp_path, "1.0")
    assert "rows" in cache.warning and len(cache) == 0


def test_save_keeps_only_files_seen_this_run(tmp_path: Path) -> None:
    _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    assert cache.get(_hash("alpha text"), "a.txt") is not None
    cache.put(_hash("delta"), "d.txt", _tables("d.txt", "delta"))
    cache.save()
    again = ParseCache(tmp_path, "1.0")
    assert len(again) == 2
    assert again.get(_hash("beta text"), "b.txt") is None
    assert again.get(_hash("alpha text"), "a.txt") is not None
    assert again.get(_hash("delta"), "d.txt") is not None


def test_warm_save_without_changes_writes_nothing(tmp_path: Path) -> None:
    _fill(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    stamp = (tmp_path / "manifest.json").stat().st_mtime_ns
    cache = ParseCache(tmp_path, "1.0")
    for name, content in {"a.txt": "alpha text", "b.txt": "beta text", "c.txt": "gamma"}.items():
        assert cache.get(_hash(content), name) is not None
    cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "manifest.json").stat().st_mtime_ns == stamp


def test_put_replaces_cached_entry(tmp_path: Path) -> None:
    _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    newer = _tables("a.txt", "alpha text", n_events=4)
    cache.put(_hash("alpha text"), "a.txt", newer)
    _assert_tables_equal(cache.get(_hash("alpha text"), "a.txt"), newer)
    cache.save()
    _assert_tables_equal(ParseCache(tmp_path, "1.0").get(_hash("alpha text"), "a.txt"), newer)


def test_take_equals_stacked_gets_in_order(tmp_path: Path) -> None:
    made = _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    cache.put(_hash("new"), "n.txt", _tables("n.txt", "new", n_events=3))
    keys = [(_hash("gamma"), "c.txt"), (_hash("new"), "n.txt"), (_hash("alpha text"), "a.txt"),
            (_hash("beta text"), "b.txt"), (_hash("unknown"), "u.txt")]
    stacked = cache.take(keys)
    parts = [cache.get(h, f) for h, f in keys[:4]]
    for t, name in enumerate(Tables._fields):
        expected = pd.concat([p[t] for p in parts if len(p[t])], ignore_index=True)
        assert_frame_equal(stacked[t], T.frame([], T.COLUMNS[name]) if expected.empty else expected,
                           check_dtype=True)
    assert list(stacked.documents["file"]) == ["c.txt", "n.txt", "a.txt", "b.txt"]
    assert len(made) == 3


def test_unwritable_folder_warns_instead_of_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cache = ParseCache(blocker, "1.0")
    cache.put(_hash("alpha text"), "a.txt", _tables("a.txt", "alpha text"))
    cache.save()
    assert "could not be saved" in cache.warning


def test_doc_ids_and_take_mark_files_seen(tmp_path: Path) -> None:
    _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    assert cache.doc_ids(_hash("alpha text"), "a.txt") == ["a-1"]
    assert cache.doc_ids(_hash("nope"), "a.txt") is None
    assert (cache.hits, cache.misses) == (0, 0)  # doc_ids counts nothing
    cache.put(_hash("delta"), "d.txt", _tables("d.txt", "delta"))
    assert cache.doc_ids(_hash("delta"), "d.txt") == ["d-1"]
    stacked = cache.take([(_hash("beta text"), "b.txt"), (_hash("delta"), "d.txt")])
    assert list(stacked.documents["doc_id"]) == ["b-1", "d-1"]
    assert cache.hits == 1  # b from the cache; d was parsed this session
    cache.save()  # keeps b and d (seen), drops a and c (not seen)
    again = ParseCache(tmp_path, "1.0")
    assert len(again) == 2 and again.doc_ids(_hash("alpha text"), "a.txt") is None


def test_gather_by_runs_equals_take() -> None:
    import numpy as np

    from stance.cache import _take

    df = _tables("a.txt", "alpha", n_events=9).events
    for idx in ([], [0], list(range(9)), [3, 4, 5, 0, 1, 8], [8, 7, 6], list(range(2, 7)) + [0, 1]):
        idx = np.array(idx, dtype=np.int64)
        assert_frame_equal(_take(df, idx), df.take(idx).reset_index(drop=True))


def test_save_follows_the_order_files_were_last_asked_for(tmp_path: Path) -> None:
    _fill(tmp_path)
    cache = ParseCache(tmp_path, "1.0")
    cache.put(_hash("delta"), "d.txt", _tables("d.txt", "delta"))  # a changed file, parsed first
    order = [(_hash("alpha text"), "a.txt"), (_hash("delta"), "d.txt"), (_hash("gamma"), "c.txt")]
    cache.take(order)
    cache.save()
    again = ParseCache(tmp_path, "1.0")
    assert sorted(again._index.items(), key=lambda kv: kv[1]) == [(k, i) for i, k in enumerate(order)]
