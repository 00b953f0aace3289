"""Adversarial inputs and the time the parser takes on each at two sizes (reported, never asserted).

`python -m bench.linear [--small N] [--factor K]` prints, for every input of
`ADVERSARIAL`, the best-of-3 wall time at N characters and at N*K and their ratio. A linear
parser shows ratios near K; a quadratic one near K*K. The unit test (`tests/test_linear.py`)
checks the same inputs deterministically, by counting the calls the parse makes, so it cannot
flake on a busy machine; this script is where the seconds are measured.
"""
from __future__ import annotations

import argparse
import gc
import time
from typing import Callable


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
    "line_list": lambda n: "Signed by the following countries:\n\n" + _repeat("Cuba\nChad\n", n),
    "vote_labels": lambda n: _repeat("In favour (3): Cuba, Chad. Against: Peru. ", n),
    "abbreviations": lambda n: _repeat("U.S. Mr. U.N. ", n),
    "dots": lambda n: _repeat(".", n),
    "open_brackets": lambda n: _repeat("(“'", n),
    "one_long_word": lambda n: _repeat("Cuba", n),
    "no_sentence_end": lambda n: _repeat("Cuba voiced support for China on Wednesday and ", n),
    "many_short_sentences": lambda n: _repeat("Cuba backed China on 3 May 2019. ", n),
    "many_paragraphs": lambda n: _repeat("Chad opposed it.\n\n", n),
    "spaces": lambda n: "Cuba" + " " * n + "supported China.",
}


def best_time(run: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.linear", description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20_000, help="characters of the small input")
    parser.add_argument("--factor", type=int, default=10, help="the large input is this many times larger")
    args = parser.parse_args(argv)
    from stance import parse_text

    parse_text("Cuba backed China on 3 May 2019.")   # warm-up: lazy tables, regex caches
    print(f"{'input':<22} {'small s':>9} {'large s':>9} {'ratio':>7}   (x{args.factor} input)")
    for name, build in ADVERSARIAL.items():
        small, large = build(args.small), build(args.small * args.factor)
        t_small = max(best_time(lambda: parse_text(small)), 1e-4)
        t_large = best_time(lambda: parse_text(large))
        print(f"{name:<22} {t_small:>9.4f} {t_large:>9.4f} {t_large / t_small:>7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
