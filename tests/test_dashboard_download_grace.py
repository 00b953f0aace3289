"""A download built on click survives other sessions' clean-up passes until fetched."""
from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from dashboard import download_grace


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _clicked(grace: bool, clock: Clock) -> tuple[MediaFileManager, MemoryMediaFileStorage, str]:
    """A manager whose session registered a deferred CSV and then clicked it: (manager,
    storage, id of the built file)."""
    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    if grace:
        assert download_grace.install(manager, grace_s=60, clock=clock)
    placeholder = manager.add_deferred(lambda: "a,b\n1,2\n", "text/csv", "coords-1", file_name="t.csv")
    url = manager.execute_deferred(placeholder)
    return manager, storage, download_grace._file_id(url)


def test_without_the_grace_two_clean_ups_delete_the_built_file() -> None:
    """What the grace is for: Streamlit's own clean-up, after two other reruns, has deleted
    the file before the browser fetched it."""
    manager, storage, fid = _clicked(False, Clock())
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()
    with pytest.raises(MediaFileStorageError):
        storage.get_file(fid)


def test_the_built_file_stays_through_clean_ups_within_the_grace() -> None:
    clock = Clock()
    manager, storage, fid = _clicked(True, clock)
    for _ in range(5):
        manager.remove_orphaned_files()
        clock.now += 10
    assert storage.get_file(fid).content == b"a,b\n1,2\n"


def test_after_the_grace_the_normal_clean_up_applies() -> None:
    clock = Clock()
    manager, storage, fid = _clicked(True, clock)
    clock.now += 61
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()
    with pytest.raises(MediaFileStorageError):
        storage.get_file(fid)


def test_install_is_idempotent_and_a_second_click_builds_again() -> None:
    clock = Clock()
    manager, storage, first = _clicked(True, clock)
    wrapped = manager.execute_deferred
    assert download_grace.install(manager, clock=clock) and manager.execute_deferred is wrapped
    calls = []
    placeholder = manager.add_deferred(lambda: calls.append(1) or "x\n", "text/csv", "coords-2")
    manager.execute_deferred(placeholder)
    manager.execute_deferred(placeholder)
    assert calls == [1, 1]


def test_a_manager_without_the_entry_points_is_left_alone() -> None:
    class Other:
        pass

    other = Other()
    assert download_grace.install(other) is False
    assert not hasattr(other, "execute_deferred")
    assert download_grace.install_in_runtime() is False   # no server running in the tests
