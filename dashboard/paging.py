"""Page through big tables instead of sending every row to the browser."""
from __future__ import annotations

import pandas as pd

PAGE_SIZE = 1000
# Rows the Overview lists under the map and the timeline (undated events, count claims,
# positions of blocs as a whole): an overview, whose full tables are on Evidence & tables.
# Fetched from the store by row number, each listed row costs a probe of the whole table,
# so a short list keeps a narrow view's Overview fast (200 of 1,000 rows: about 120 ms less
# at 1M events).
OVERVIEW_ROWS = 200


def page_count(rows: int, size: int = PAGE_SIZE) -> int:
    """Number of pages (at least 1, so an empty table still has a page)."""
    return max(1, -(-rows // size))


def page(df: pd.DataFrame, number: int, size: int = PAGE_SIZE) -> pd.DataFrame:
    """Rows of page `number` (1-based, clamped to the valid range)."""
    number = min(max(1, int(number)), page_count(len(df), size))
    return df.iloc[(number - 1) * size: number * size]
