"""Dashboard evidence view: offsets, safe markdown, paths kept inside the articles folder."""
from __future__ import annotations

import re

from dashboard.evidence import (document_meta, highlighted_markdown, md_escape,
                                resolve_source, snippet)
from dashboard.paging import page, page_count
from tests.test_dashboard_model import hand_tables

TEXT = ("First paragraph about nothing.\n\nThe envoy of Ruritania backed the plan on 3 May. "
        "Then the talks ended.")


def test_snippet_splits_at_the_offsets():
    start = TEXT.index("The envoy")
    end = TEXT.index(" Then")
    sn = snippet(TEXT, start, end, context=1000)
    assert sn.hit == "The envoy of Ruritania backed the plan on 3 May."
    assert sn.before + sn.hit + sn.after == TEXT
    assert not sn.cut_before and not sn.cut_after


def test_snippet_context_is_cut_at_words_and_offsets_are_clamped():
    sn = snippet(TEXT, TEXT.index("The envoy"), TEXT.index(" Then"), context=10)
    assert sn.cut_before and sn.cut_after
    assert not sn.before.startswith(("aph", "ph")) and sn.hit.startswith("The envoy")
    bad = snippet(TEXT, 500, 10)
    assert bad.hit == "" and snippet(TEXT, None, None).hit == ""


def test_markdown_escape_renders_text_literally():
    nasty = "**bold** [link](javascript:alert(1)) <script>x</script> $x^2$ :red[y] # h"
    out = md_escape(nasty)
    # every ASCII punctuation character is escaped, so no markup survives
    assert re.search(r"(?<!\\)[*\[\]()<>$:#]", out) is None
    assert out.replace("\\", "") == nasty


def test_highlight_is_the_only_markup():
    sn = snippet("before <b>hit</b> after", 7, 17, context=100)
    md = highlighted_markdown(sn)
    assert md.startswith("before ") and ":orange-background[" in md
    assert "\\<b\\>hit\\<\\/b\\>" in md and md.endswith(" after")


def test_resolve_source_stays_in_the_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    outside = tmp_path.parent / "secret.txt"
    outside.write_text("y")
    assert resolve_source("a.txt", tmp_path) == (tmp_path / "a.txt").resolve()
    assert resolve_source("/some/where/a.txt", tmp_path) == (tmp_path / "a.txt").resolve()
    assert resolve_source("../secret.txt", tmp_path) is None
    assert resolve_source("missing.txt", tmp_path) is None
    assert resolve_source("", tmp_path) is None


def test_document_meta_drops_empty_values():
    meta = document_meta(hand_tables().documents, "c-1")
    assert meta["title"] == "Council session" and meta["published"] == "2024-09-25"
    assert "url" not in meta and document_meta(hand_tables().documents, "zz") == {}


def test_paging():
    import pandas as pd

    df = pd.DataFrame({"x": range(2500)})
    assert page_count(2500, 1000) == 3 and page_count(0, 1000) == 1
    assert page(df, 3, 1000)["x"].tolist() == list(range(2000, 2500))
    assert page(df, 99, 1000)["x"].iloc[0] == 2000 and page(df, 0, 1000)["x"].iloc[0] == 0
