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
