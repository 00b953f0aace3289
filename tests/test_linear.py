"""The parser stays linear on adversarial text (no catastrophic regex backtracking, no
quadratic scans): parsing 10x more text may take at most ~12x longer.

A ratio check, not an absolute time, so it holds on slow or busy machines. Each size is timed
as the best of up to 5 runs (time.perf_counter) in the same test run. The large input runs in
a forked child that is killed once it has clearly used more than the allowed ratio, so a
quadratic parser fails in seconds instead of hanging the suite for hours.

SMALL is 20k characters (large: 200k) so that a healthy parser needs well under 2 s per run.
"""
from __future__ import annotations

import gc

import multiprocessing
import tempfile
import time
from pathlib import Path
from typing import Callable

import pytest

from stance import parse_corpus, parse_text

SMALL = 20_000       # characters; 10x that is the large input
FACTOR = 10
MAX_RATIO = 12.0
RUNS = 5
# Sanity cap on the small input only (400x slower than the ~1 ms per 4 KB target): beyond it
# the 10x run could take hours, so the test fails at once instead of measuring the ratio.
SMALL_LIMIT = 2.0


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each builder returns a text of about `size` characters.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits_and_commas": lambda n: _repeat("1,234,", n),
    "digits_only": lambda n: _repeat("9", n),
    "on_behalf_of": lambda n: "Cuba spoke " + _repeat("on behalf of ", n),
    "month_names": lambda n: _repeat("May ", n),
    "month_day_pairs": lambda n: _repeat("July 27 ", n),
    "republic_of_the": lambda n: _repeat("Republic of the ", n),
    "country_list": lambda n: "Nearly 80 countries, including " + _repeat("Cuba, Chad, ", n),
    "abbreviations": lambda n: _repeat("U.S. Mr. U.N. ", n),
    "dots": lambda n: _repeat(".", n),
    "open_brackets": lambda n: _repeat("(“'", n),
    "one_long_word": lambda n: _repeat("Cuba", n),
    "no_sentence_end": lambda n: _repeat("Cuba voiced support for China on Wednesday and ", n),
    "many_short_sentences": lambda n: _repeat("Cuba backed China on 3 May 2019. ", n),
    "many_paragraphs": lambda n: _repeat("Chad opposed it.\n\n", n),
    "spaces": lambda n: "Cuba" + " " * n + "supported China.",
}


def _best_time(run: Callable[[], object], budget: float | None = None, slow: float = 1.0) -> float:
    """Best of RUNS timings; stops early once a run is within `budget` (or slower than `slow`
    seconds when there is no budget: repeating a slow run adds nothing but time)."""
    best = float("inf")
    for _ in range(RUNS):
        gc.collect()  # a collection triggered by the previous run must not be billed to this one
        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started
        best = min(best, elapsed)
        if (budget is not None and best <= budget) or (budget is None and elapsed > slow):
            break
    return best


def _best_time_in_child(run: Callable[[], object], budget: float) -> float | None:
    """`_best_time` in a forked child; None if it did not finish within 1.5 * budget + 2 s."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        sender.send(_best_time(run, budget=budget))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    deadline = 1.5 * budget + 2.0
    result = receiver.recv() if receiver.poll(deadline) else None
    if process.is_alive():
        process.kill()
    process.join()
    return result


def _assert_linear(small: Callable[[], object], large: Callable[[], object], label: str) -> None:
    parse_text("Cuba backed China on 3 May 2019.")  # warm-up: lazy tables, regex caches
    t_small = max(_best_time(small), 1e-3)
    if t_small > SMALL_LIMIT:
        pytest.fail(f"{label}: {SMALL} chars already take {t_small:.1f}s (limit {SMALL_LIMIT}s); "
                    "the 10x input is not timed")
    budget = MAX_RATIO * t_small
    t_large = _best_time_in_child(large, budget)
    if t_large is None:
        pytest.fail(f"{label}: {t_small:.4f}s for {SMALL} chars, but x{FACTOR} input took over "
                    f"{1.5 * budget + 2:.1f}s (ratio > {MAX_RATIO}): not linear")
    ratio = t_large / t_small
    assert ratio <= MAX_RATIO, f"{label}: {t_small:.4f}s -> {t_large:.4f}s (x{ratio:.1f} for x{FACTOR} input)"


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_parse_text_is_linear(name: str) -> None:
    build = ADVERSARIAL[name]
    small, large = build(SMALL), build(SMALL * FACTOR)
    _assert_linear(lambda: parse_text(small), lambda: parse_text(large), name)


def _html_file_case(folder: Path, name: str, html: str) -> Callable[[], object]:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return lambda: parse_corpus([path])


@pytest.mark.parametrize(
    "name, build",
    [
        ("nested_divs", lambda n: "<div>" * (n // 11) + "Cuba backed China." + "</div>" * (n // 11)),
        ("unclosed_tags", lambda n: _repeat("<p><b><i>Chad ", n)),
        ("open_angle_brackets", lambda n: _repeat("<", n)),
        ("entities", lambda n: _repeat("&amp;&#x41;&bogus;", n)),
        ("unclosed_comment", lambda n: "<p>Cuba backed China.</p><!--" + _repeat("-", n)),
        ("attributes", lambda n: "<p " + _repeat('a="1" ', n) + ">Cuba backed China.</p>"),
    ],
)
def test_html_file_is_linear(name: str, build: Callable[[int], str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        small = _html_file_case(Path(folder), "small.html", build(SMALL))
        large = _html_file_case(Path(folder), "large.html", build(SMALL * FACTOR))
        _assert_linear(small, large, name)
