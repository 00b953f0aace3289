"""dashboard.ahead: answers computed once per key, in the pool or (`once`) in the caller."""
from __future__ import annotations

import threading
import time

from dashboard.ahead import Ahead


def test_once_builds_once_and_pool_work_may_wait_for_it() -> None:
    """Every worker of the pool waits on a `once` answer built in the calling thread: no
    deadlock (it is never queued behind them), and it is built a single time."""
    ahead = Ahead(workers=2)
    calls = []
    started = threading.Event()

    def build() -> int:
        calls.append(1)
        started.set()
        time.sleep(0.05)
        return 42

    waiting = [ahead.start(("w", k), lambda: ahead.once("shared", build)) for k in range(4)]
    assert ahead.once("shared", build) == 42
    assert [f.result(timeout=5) for f in waiting] == [42] * 4
    assert len(calls) == 1 and ahead.has("shared")
    ahead.forget("shared")
    assert not ahead.has("shared")


def test_a_failed_once_is_built_again() -> None:
    ahead = Ahead(workers=1)

    def fail() -> int:
        raise ValueError("no")

    try:
        ahead.once("k", fail)
    except ValueError:
        pass
    assert ahead.once("k", lambda: 7) == 7
