"""`python -m stance ...`: see stance.cli."""
import sys

from .cli import main

sys.exit(main())
