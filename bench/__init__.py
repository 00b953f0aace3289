"""Benchmarks for stance: a seeded synthetic corpus, parse throughput (1 and N workers), a
dateparser + pycountry baseline, the parsed-table cache, and the dashboard's data path.

Run `python -m bench` (or `python -m bench --quick`); results go to BENCHMARKS.md.
"""
