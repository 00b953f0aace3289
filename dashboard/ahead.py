"""Answers computed once per key, possibly before they are asked for, in worker threads.

The store's queries spend their time inside DuckDB, which releases the interpreter; running
the Overview's independent queries side by side (while the page builds figures from the
first answers) uses both cores instead of one query after another.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Hashable

WORKERS = 3
KEPT = 512


class Ahead:
    """A bounded map key -> Future: `start` begins work (once per key), `get` waits for it."""

    def __init__(self, workers: int = WORKERS, kept: int = KEPT) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stance-ahead")
        self._futures: OrderedDict[Hashable, Future] = OrderedDict()
        self._lock = threading.Lock()
        self._kept = kept

    def start(self, key: Hashable, build: Callable[[], Any]) -> Future:
        """The Future of `key`, submitting `build` when nothing is running or done for it."""
        with self._lock:
            future = self._futures.get(key)
            if future is not None and not (future.done() and future.exception() is not None):
                self._futures.move_to_end(key)
                return future
            future = self._pool.submit(build)
            self._futures[key] = future
            while len(self._futures) > self._kept:
                self._futures.popitem(last=False)
            return future

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The answer for `key` (computed now, or by the work already started)."""
        return self.start(key, build).result()

    def once(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The answer for `key`, computed in the calling thread when nothing is running or done
        for it (others asking meanwhile wait for it). Never queued behind the pool's workers,
        so work the pool runs may wait for it without a deadlock."""
        with self._lock:
            future = self._futures.get(key)
            mine = future is None or (future.done() and future.exception() is not None)
            if mine:
                future = Future()
                future.set_running_or_notify_cancel()
                self._futures[key] = future
                while len(self._futures) > self._kept:
                    self._futures.popitem(last=False)
            else:
                self._futures.move_to_end(key)
        if mine:
            try:
                future.set_result(build())
            except BaseException as exc:
                future.set_exception(exc)
        return future.result()

    def has(self, key: Hashable) -> bool:
        """Whether an answer for `key` is running or kept."""
        with self._lock:
            return key in self._futures

    def answer(self, key: Hashable, default: Any = None) -> Any:
        """The answer kept for `key` when it is done (without waiting), else `default`."""
        with self._lock:
            future = self._futures.get(key)
        if future is None or not future.done() or future.exception() is not None:
            return default
        return future.result()

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._futures.pop(key, None)

    def clear(self) -> None:
        """Forget every answer (benchmarks time new filter states with it)."""
        with self._lock:
            self._futures.clear()
