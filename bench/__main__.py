"""`python -m bench`: run every benchmark and write BENCHMARKS.md (see bench/run.py)."""
from .run import main

raise SystemExit(main())
