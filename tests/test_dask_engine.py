"""The Dask engine: same tables as one process (ids included), Parquet partitions, version check."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from stance import tables as T
from stance.dask_engine import EngineError, batches, check_versions, connect, write_parquet_dask
from stance.pipeline import _prefixes_of, parse_corpus

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as c:
        yield c


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", folder)
    (folder / "more").mkdir()
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "more" / first.name)  # same name and bytes in another folder
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    return folder


def _equal(a, b) -> None:
    for left, right in zip(a, b):
        assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def test_dask_engine_gives_the_tables_of_one_process(cluster, corpus: Path, tmp_path: Path) -> None:
    paths = [corpus, tmp_path / "missing.txt"]
    one = parse_corpus(paths)
    got = parse_corpus(paths, engine="dask", scheduler=cluster.scheduler_address)
    _equal(got, one)
    assert got.documents["doc_id"].is_unique
    cached = parse_corpus(paths, engine="dask", scheduler=cluster.scheduler_address, cache_dir=tmp_path / "c")
    _equal(cached, one)


def test_parquet_partitions_hold_the_same_rows(cluster, corpus: Path, tmp_path: Path) -> None:
    from stance.reading import collect_paths

    found, _ = collect_paths([corpus])
    out = tmp_path / "out"
    with distributed.Client(cluster) as client:
        totals = write_parquet_dask(found, _prefixes_of([p.name for p in found]), client, str(out))
    one = parse_corpus([corpus])
    assert totals == [len(df) for df in one]
    for name, expected in zip(T.TABLE_NAMES, one):
        parts = sorted((out / name).glob("part-*.parquet"))
        assert len(parts) == len(batches(len(found), 2))
        back = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
        assert list(back.columns) == T.COLUMNS[name]
        assert back[T.COLUMNS[name][0]].tolist() == expected[T.COLUMNS[name][0]].tolist()


def test_a_local_cluster_is_made_when_no_scheduler_is_given() -> None:
    with connect(None, workers=1, processes=False) as client:
        assert len(client.scheduler_info()["workers"]) == 1


def test_workers_of_another_parser_version_are_refused() -> None:
    class Fake:
        def run(self, fn):
            return {"tcp://w1:1": "0.9+old"}

    with pytest.raises(EngineError, match="install the same stance"):
        check_versions(Fake())


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with pytest.raises(EngineError, match="cannot reach"):
        with connect("tcp://127.0.0.1:9", workers=1, timeout="1s"):
            pass


def test_batches_cover_every_file_once() -> None:
    for n, w in [(0, 2), (1, 2), (7, 2), (1000, 2), (1000, 64)]:
        covered = [i for r in batches(n, w) for i in r]
        assert covered == list(range(n))


def test_cli_dask_engine_writes_parquet_partitions_from_the_workers(cluster, corpus: Path, tmp_path: Path) -> None:
    from stance import cli

    out = tmp_path / "pq"
    assert cli.main(["parse", str(corpus), "--out", str(out), "--format", "parquet", "--engine", "dask",
                     "--scheduler", cluster.scheduler_address]) == 0
    one = parse_corpus([corpus])
    for name, expected in zip(T.TABLE_NAMES, one):
        back = pd.read_parquet(out / name)
        key = T.COLUMNS[name][0]
        assert back[key].tolist() == expected[key].tolist()


def test_cli_scheduler_needs_the_dask_engine(tmp_path: Path, capsys) -> None:
    from stance import cli

    assert cli.main(["parse", str(ROOT / "data" / "articles"), "--out", str(tmp_path / "o"),
                     "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--engine dask" in capsys.readouterr().err
