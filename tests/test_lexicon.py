"""The lexicon's first-letter dispatch finds exactly what one big alternation would."""
import re
from pathlib import Path

import pytest

from stance.firstchar import FirstCharMatcher, first_chars
from stance.lexicon import LEXICON, LEXICON_PATH, _rows
from stance.topics import topic_of

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "devset" / "articles").glob("*"))]


def reference(rows):
    return re.compile(r"\b(?:" + "|".join(f"(?P<{n}>{p})" for n, p in rows) + r")\b", re.IGNORECASE)


@pytest.mark.parametrize("kind", ["cue", "topic"])
def test_dispatch_matches_the_single_alternation(kind):
    rows = _rows(LEXICON_PATH)
    if kind == "cue":
        pairs = [("non", r["pattern"]) for r in rows if r["kind"] == "non_cue"] + [
            (r["label"], r["pattern"]) for r in rows if r["kind"] == "cue"]
    else:
        pairs = [(r["label"], r["pattern"]) for r in rows if r["kind"] == "topic"]
    named = [(f"g{i}", p) for i, (_, p) in enumerate(pairs)]
    big, fast = reference(named), FirstCharMatcher(named)
    for text in TEXTS:
        expected = [(m.start(), m.end(), m.lastgroup) for m in big.finditer(text)]
        got = [(m.start(), m.end(), m.lastgroup) for m in fast.finditer(text, 0, len(text))]
        assert got == expected


def test_first_chars_reads_the_parse_tree():
    assert first_chars("support(?:s|ed)?") == {"s"}
    assert first_chars("(?:a |an )?violation") == {"a", "v"}
    assert first_chars("(?<=to )back") == {"b"}
    assert first_chars(r"\w+ed") is None


def test_topics_by_priority():
    assert topic_of("Talks on Xinjiang and human rights") == "Xinjiang"
    assert topic_of("A statement on human rights") == "human rights"
    assert topic_of("Nothing here") == ""
