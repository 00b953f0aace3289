"""The shared crash-safe write: old file or new file, never a mix, nothing left behind."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from stance.atomic import atomic_write, write_temp


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    atomic_write(target, b"old")
    atomic_write(target, lambda handle: handle.write(b"new"))
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    target = tmp_path / "t.csv"
    atomic_write(target, b"old")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    if where == "write":
        writer = boom
    else:
        writer = b"new"
        monkeypatch.setattr(os, where, boom)
    with pytest.raises(OSError):
        atomic_write(target, writer)
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_write_temp_is_hidden_and_exclusive(tmp_path: Path) -> None:
    a, b = write_temp(tmp_path, b"x", prefix=".up-"), write_temp(tmp_path, b"y", prefix=".up-")
    assert a != b and a.name.startswith(".up-") and a.name.endswith(".tmp")
    assert (a.read_bytes(), b.read_bytes()) == (b"x", b"y")
