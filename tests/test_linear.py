"""The parser stays linear on adversarial text (no quadratic scans): 10x more text may cost at
most ~12x more work.

Work is counted, not timed: every Python and C function call the parse makes (`sys.setprofile`),
which is the same number on every run of the same input, so the check cannot flake on a busy or
slow machine. The seconds are measured by `python -m bench.linear`, which reports them. The
large input runs in a forked child under a generous deadline, so a parse that hangs (a regex
backtracking without end) fails the test instead of hanging the suite.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Callable

import pytest

from bench.linear import ADVERSARIAL, _repeat
from stance import parse_corpus, parse_text

from .workcount import FACTOR, assert_linear, work as _work

SMALL = 10_000       # characters; 10x that is the large input


def _assert_linear(small: Callable[[], object], large: Callable[[], object], label: str) -> None:
    parse_text("Cuba backed China on 3 May 2019.")  # warm-up: lazy tables, regex caches
    assert_linear(small, large, label)


def test_work_count_sees_a_quadratic_loop():
    """The measure itself: a quadratic function is caught, a linear one passes."""
    def quadratic(n: int) -> None:
        for i in range(n):
            for j in range(i):
                abs(j)

    assert _work(lambda: quadratic(200)) / _work(lambda: quadratic(20)) > 50
    assert _work(lambda: [abs(i) for i in range(2000)]) / _work(lambda: [abs(i) for i in range(200)]) < 11


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
