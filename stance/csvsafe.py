"""CSV output that is safe to open in a spreadsheet (no formula injection).

Article text is untrusted: a sentence such as ``=HYPERLINK("http://x","y") Cuba said ...``
lands verbatim in the ``text`` column, and Excel / LibreOffice / Google Sheets would run it
as a formula when the CSV is opened. Following OWASP ("CSV Injection"), every text cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a
single quote, which spreadsheets show as text. We also treat leading whitespace before a
trigger and the full-width forms (＝ ＋ － ＠) as triggers, because some spreadsheet
importers trim or fold them.

Numbers stay numbers: numeric dtype columns are never touched, and a text cell that is a
plain number ("-5", "+3.2", "1e-3") is left as is, since a spreadsheet reads it as a value.
Header labels are neutralised the same way when writing.

Everything is vectorised (one ``str.match`` per text column), so 100k-row downloads are
fast.

Why not `defusedcsv` (3.0, read before choosing): it wraps the standard `csv` writer and
escapes cell by cell in Python as rows are written, while these tables are written by
`DataFrame.to_csv` after one vectorised pass per column; and it covers less: a cell starting
with a tab or a carriage return, whitespace before a trigger, or a full-width trigger passes
through, and it rewrites every `|` in a flagged cell as `\|`, which would change the evidence
sentence. The atomic write is the shared `stance.atomic` helper.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd

from .atomic import atomic_write

# A cell is dangerous when it starts with a tab / CR, or (after optional whitespace) with
# one of the formula triggers. Character classes only: linear, no backtracking.
_TRIGGERS = "=+\\-@\uff1d\uff0b\uff0d\uff20"
DANGEROUS = re.compile(rf"^(?:[\t\r]|\s*[{_TRIGGERS}])")
# A plain decimal number (ASCII digits only), which spreadsheets read as a value.
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
QUOTE = "'"
_FIRST_CHARS = list("\t\r=+-@\uff1d\uff0b\uff0d\uff20")


def is_dangerous(cell: object) -> bool:
    """True when a single cell would be read as a formula by a spreadsheet."""
    return (
        isinstance(cell, str)
        and DANGEROUS.match(cell) is not None
        and PLAIN_NUMBER.fullmatch(cell) is None
    )


def _neutralise_cell(cell: object) -> object:
    return QUOTE + cell if is_dangerous(cell) else cell  # type: ignore[operator]


def _is_text_column(series: pd.Series) -> bool:
    dtype = series.dtype
    return (
        pd.api.types.is_object_dtype(dtype)
        or pd.api.types.is_string_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
    )


def _neutralise_series(series: pd.Series) -> pd.Series:
    """Return the series with dangerous string cells prefixed by a quote.

    A cheap first-character test picks the few candidate cells; the regexes only run there.
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    try:  # object columns: .str works on the string cells and gives NaN elsewhere
        first = series.str[:1]
    except AttributeError:  # no string cells at all (e.g. an all-None object column)
        return series
    candidate = (first.isin(_FIRST_CHARS) | first.str.isspace()).fillna(False)
    positions = np.flatnonzero(candidate.to_numpy(dtype=bool))
    if positions.size == 0:
        return series
    cells = series.iloc[positions]
    danger = cells.str.match(DANGEROUS.pattern) & ~cells.str.fullmatch(PLAIN_NUMBER.pattern)
    hits = danger.fillna(False).to_numpy(dtype=bool)
    if not hits.any():
        return series
    values = series.to_numpy(dtype=object, copy=True)
    values[positions[hits]] = (QUOTE + cells[hits].astype(str)).to_numpy(dtype=object)
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of `df` whose text cells cannot be run as spreadsheet formulas."""
    out = df.copy()
    for position, (_, column) in enumerate(out.items()):
        if _is_text_column(column):
            out.isetitem(position, _neutralise_series(column))
    return out


_HEADER_QUOTED = re.compile(r'[",\r\n]|^$')


def _safe_header(df: pd.DataFrame) -> list[str]:
    return [str(_neutralise_cell(str(label))) for label in df.columns]


def _arrow_column(series: pd.Series):
    import pyarrow as pa

    try:
        return pa.array(series, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):  # mixed objects: as text
        return pa.array(series.map(lambda v: v if v is None or v is pd.NA else str(v)), type=pa.string(),
                        from_pandas=True)


def csv_bytes(df: pd.DataFrame, header: bool = True) -> bytes:
    """Neutralised CSV as UTF-8 bytes (no index, columns in the order given, CRLF line ends),
    written by pyarrow.csv (text cells quoted, missing values empty); `header=False` for the
    second and later chunks of a streamed table."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    safe = neutralise(df)
    names = _safe_header(df)
    table = pa.Table.from_arrays([_arrow_column(safe.iloc[:, i]) for i in range(safe.shape[1])], names=names)
    plain = not any(_HEADER_QUOTED.search(n) for n in names)  # plain labels stay unquoted
    buffer = io.BytesIO()
    pacsv.write_csv(table, buffer, pacsv.WriteOptions(include_header=header, eol="\r\n",
                                                      quoting_header="none" if plain else "needed"))
    return buffer.getvalue()


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Neutralised CSV as UTF-8 bytes with a header (see `csv_bytes`)."""
    return csv_bytes(df, header=True)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a neutralised CSV atomically: temp file in the same folder, fsync, replace.

    A reader (or a crash) never sees a half-written file: it sees the old file or the new one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, to_csv_bytes(df))


_ZIP_NAME_BAD = re.compile(r"[^A-Za-z0-9_.-]+")


def _zip_member(name: str) -> str:
    """A flat, harmless member name: no directories, no leading dots (zip-slip safe)."""
    cleaned = _ZIP_NAME_BAD.sub("_", str(name)).lstrip(".") or "table"
    return f"{cleaned}.csv"


def zip_tables(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """One ZIP archive holding NAME.csv for every table, each neutralised."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, df in tables.items():
            member = _zip_member(name)
            stem, count = member[:-4], 2
            while member in used:
                member = f"{stem}-{count}.csv"
                count += 1
            used.add(member)
            archive.writestr(member, to_csv_bytes(df))
    return buffer.getvalue()
