"""Counting work instead of timing it, so a linear-time check cannot flake on a busy machine.

`work(run)` counts every Python and C function call `run()` makes (`sys.setprofile`): the same
number on every run of the same input. `assert_linear` runs a small and a 10x input and bounds
the ratio; the large input runs in a forked child with a deadline that only a hang reaches (a
regex backtracking without end), so such a bug fails the test instead of hanging the suite.
The seconds themselves are reported by `python -m bench.linear`, never asserted.
"""
from __future__ import annotations

import multiprocessing
import sys
from typing import Callable

import pytest

FACTOR = 10
MAX_RATIO = 12.0
HANG_SECONDS = 300   # not a speed limit: only a run that never ends gets near it


def work(run: Callable[[], object]) -> int:
    """Function calls (Python and C) made by run(): a deterministic measure of the work done."""
    calls = 0

    def count(frame, event, arg):  # noqa: ARG001 - the profiler's signature
        nonlocal calls
        if event == "call" or event == "c_call":
            calls += 1

    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def work_in_child(run: Callable[[], object]) -> int | None:
    """`work` in a forked child; None if it did not finish within HANG_SECONDS."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        sender.send(work(run))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    result = receiver.recv() if receiver.poll(HANG_SECONDS) else None
    if process.is_alive():
        process.kill()
    process.join()
    return result


def assert_linear(small: Callable[[], object], large: Callable[[], object], label: str,
                  max_ratio: float = MAX_RATIO) -> None:
    """`large` (FACTOR times the input of `small`) does at most `max_ratio` times the work."""
    small()  # warm-up: lazy tables, regex caches, whatever the input's shape loads lazily
    w_small = max(work(small), 1)
    w_large = work_in_child(large)
    if w_large is None:
        pytest.fail(f"{label}: the x{FACTOR} input did not finish within {HANG_SECONDS}s")
    ratio = w_large / w_small
    assert ratio <= max_ratio, f"{label}: {w_small} -> {w_large} calls (x{ratio:.1f} for x{FACTOR} input)"
