"""Download bytes: exactly the filtered rows, contract column order, spreadsheet-safe CSV."""
from __future__ import annotations

import io
import json
import zipfile
from typing import Mapping

import pandas as pd

from stance.csvsafe import to_csv_bytes, zip_tables

from .model import TABLE_NAMES, TableSet, shown


def table_csv(df: pd.DataFrame, table: str) -> bytes:
    """CSV of a filtered table: its rows in view order, the contract columns in contract order
    (plus `group_name`, the bloc's or letter's name, right after the `group` id).

    Dates are the ISO strings of the tables ("YYYY-MM-DD" or ""), never reformatted.
    """
    return to_csv_bytes(shown(df, table).reset_index(drop=True))


def all_tables_zip(view: TableSet, query: Mapping[str, object] | None = None) -> bytes:
    """One ZIP with documents/events/positions/claims CSVs of the view, plus the filters used."""
    tables = {name: shown(getattr(view, name), name) for name in TABLE_NAMES}
    payload = zip_tables(tables)
    if query is None:
        return payload
    buffer = io.BytesIO(payload)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("filters.json", json.dumps(dict(query), indent=2, sort_keys=True))
    return buffer.getvalue()
