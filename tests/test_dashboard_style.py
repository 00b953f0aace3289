"""Hover text worked out per distinct text gives what it gives row by row."""
from __future__ import annotations

import pandas as pd

from dashboard.style import HOVER_TEXT_CHARS, _hover_text, hover_text


def test_hover_text_of_repeated_texts_matches_row_by_row():
    long = "word " * 80 + "<b>&\"quoted\"</b>"
    s = pd.Series(["a  b", long, None, "a  b", long, "", long, "x"] * 3, index=range(10, 34),
                  dtype="str")
    got, want = hover_text(s), _hover_text(s, HOVER_TEXT_CHARS, 70)
    assert got.tolist() == want.tolist()
    assert got.index.equals(s.index) and got.dtype == want.dtype
    assert hover_text(s.iloc[:0]).tolist() == []
    distinct = pd.Series([f"text {i}" for i in range(5)])
    assert hover_text(distinct).tolist() == _hover_text(distinct, HOVER_TEXT_CHARS, 70).tolist()


def test_the_row_by_row_helpers_give_what_the_columnwise_ones_give():
    import numpy as np
    from dashboard.style import basename, basename_one, date_label, date_one, escape_html, escape_one
    texts = pd.Series(['a "b" <c> & d', None, np.nan, "plain", 7], dtype=object)
    assert [escape_one(t) for t in texts] == escape_html(texts).tolist()
    dates = pd.DataFrame({"d": ["2019-07-27", "2019-07-01", "2019-01-01", None, "2020-02-02"],
                          "p": ["day", "month", "year", None, "day"], "b": ["stated", "", "inferred", None, None]})
    assert [date_one(*row) for row in dates.itertuples(index=False)] == date_label(dates.d, dates.p, dates.b).tolist()
    paths = pd.Series(["a/b/c.txt", "c:\\x\\y.html", "z.txt", None], dtype=object)
    assert [basename_one(p) for p in paths] == basename(paths).tolist()
