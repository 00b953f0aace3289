"""The evidence view: the source text around a row's offsets, made safe to display.

Article text is untrusted, so it never goes through unsafe_allow_html. For the highlighted
view every ASCII punctuation character is backslash-escaped (CommonMark lets any of them be
escaped), which turns links, HTML, emphasis, LaTeX ($) and Streamlit directives (:x[...]) into
plain characters; only the highlight we add ourselves is markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CONTEXT_CHARS = 700
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SPACES = re.compile(r"[ \t]+")
_NEWLINES = re.compile(r"\n{2,}")


@dataclass(frozen=True)
class Snippet:
    """Text before, inside and after an evidence span, with whether it was cut."""

    before: str
    hit: str
    after: str
    cut_before: bool
    cut_after: bool


def snippet(text: str, start: object, end: object, context: int = CONTEXT_CHARS) -> Snippet:
    """Split `text` around [start, end) with `context` characters either side.

    Offsets are clamped to the text; missing or reversed offsets give an empty hit.
    """
    n = len(text)
    try:
        s = min(max(0, int(start)), n)
        e = min(max(s, int(end)), n)
    except (TypeError, ValueError):
        s = e = 0
    a, b = max(0, s - context), min(n, e + context)
    if a > 0:  # start the context at a word boundary
        space = text.find(" ", a, s)
        a = space + 1 if space >= 0 else a
    if b < n:
        space = text.rfind(" ", e, b)
        b = space if space >= 0 else b
    return Snippet(text[a:s], text[s:e], text[e:b], a > 0, b < n)


def md_escape(text: str) -> str:
    """Markdown that renders `text` literally (paragraph breaks kept, single newlines as breaks)."""
    out = _MD_SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = _SPACES.sub(" ", out)
    paragraphs = _NEWLINES.split(out)
    return "\n\n".join(p.replace("\n ", "\n").replace("\n", "  \n") for p in paragraphs)


def highlighted_markdown(sn: Snippet) -> str:
    """The snippet as markdown with the evidence span highlighted (and nothing else as markup)."""
    hit = md_escape(sn.hit).replace("\n\n", "  \n")
    hit_md = f":orange-background[**{hit.strip()}**]" if hit.strip() else ""
    lead = "… " if sn.cut_before else ""
    tail = " …" if sn.cut_after else ""
    return f"{lead}{md_escape(sn.before)}{hit_md}{md_escape(sn.after)}{tail}"


def resolve_source(file: str, folder: Path) -> Path | None:
    """Where a row's `file` lives: the articles folder by name (never outside it), else None."""
    name = Path(str(file).replace("\\", "/")).name
    if not name:
        return None
    candidate = (folder / name).resolve()
    try:
        candidate.relative_to(folder.resolve())
    except ValueError:
        return None
    return candidate if candidate.is_file() else None


def document_meta(documents: pd.DataFrame, doc_id: str) -> dict[str, str]:
    """The metadata row of one document as text (empty values dropped)."""
    rows = documents[documents["doc_id"] == doc_id]
    if rows.empty:
        return {}
    row = rows.iloc[0]
    keys = ("title", "published", "published_basis", "source", "url", "file", "encoding",
            "status", "error", "warning", "doc_id", "content_hash")
    return {k: str(row[k]) for k in keys if k in row and str(row[k]) not in ("", "<NA>", "nan")}
