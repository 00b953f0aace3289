"""The Aho-Corasick pattern set finds exactly what one big alternation would."""
import random
import re
from pathlib import Path

import pytest

from stance.lexicon import LEXICON_PATH, _rows
from stance.rules import PatternSet, anchors

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "devset" / "articles").glob("*"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "news" / "dev" / "articles").glob("*"))[:40]]


def reference(rows):
    return re.compile(r"\b(?:" + "|".join(f"(?P<{n}>{p})" for n, p in rows) + r")\b", re.IGNORECASE)


def lexicon_rows(kind):
    rows = _rows(LEXICON_PATH)
    if kind == "cue":
        pairs = [("non", r["pattern"]) for r in rows if r["kind"] == "non_cue"] + [
            (r["label"], r["pattern"]) for r in rows if r["kind"] == "cue"] + [
            (r["label"], r["pattern"]) for r in rows if r["kind"] == "verdict_cue"]
    else:
        pairs = [(r["label"], r["pattern"]) for r in rows if r["kind"] == "topic"]
    return [(f"g{i}", p) for i, (_, p) in enumerate(pairs)]


def found(matcher, text, start, end):
    return [(h.start, h.end, h.name) for h in matcher.finditer(text, start, end)]


@pytest.mark.parametrize("kind", ["cue", "topic"])
def test_same_matches_as_the_single_alternation(kind):
    named = lexicon_rows(kind)
    big, fast = reference(named), PatternSet(named)
    for text in TEXTS:
        expected = [(m.start(), m.end(), m.lastgroup) for m in big.finditer(text)]
        assert found(fast, text, 0, len(text)) == expected


@pytest.mark.parametrize("kind", ["cue", "topic"])
def test_same_matches_inside_a_slice(kind):
    """Sentences are read as text[start:end] of the whole document: word starts see the text before."""
    named = lexicon_rows(kind)
    big, fast = reference(named), PatternSet(named)
    rng = random.Random(7)
    for text in TEXTS[:30]:
        for _ in range(20):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.randrange(1, 400))
            expected = [(m.start(), m.end(), m.lastgroup) for m in big.finditer(text, a, b)]
            assert found(fast, text, a, b) == expected, (a, b)


def test_earlier_rows_win_and_matches_do_not_overlap():
    rows = [("short", "back"), ("long", "back(?:ed|ing)"), ("two", "backed the")]
    hits = list(PatternSet(rows).finditer("They backed the plan and back it."))
    assert [(h.name, h.text) for h in hits] == [("long", "backed"), ("short", "back")]


def test_whole_words_only():
    rows = [("cue", "condemn(?:s|ed)?")]
    assert [h.text for h in PatternSet(rows).finditer("uncondemned, condemned; condemns")] == ["condemned", "condemns"]
    assert [h.text for h in PatternSet(rows).finditer("uncondemned condemnation condemned")] == ["condemned"]


def test_patterns_without_a_literal_prefix_are_tried_at_every_word():
    rows = [("any", r"\w+ly condemned")]
    assert [h.text for h in PatternSet(rows).finditer("It strongly condemned the raid")] == ["strongly condemned"]


def test_case_and_lookbehind():
    rows = [("b", "(?<=to )back"), ("s", "SUPPORT(?:s|ed)?")]
    hits = [(h.name, h.text) for h in PatternSet(rows).finditer("Supported. Agreed to back it; go back")]
    assert hits == [("s", "Supported"), ("b", "back")]


def test_anchors_read_the_parse_tree():
    assert anchors("support(?:s|ed)?") == {"support", "supports", "supported"}
    assert anchors("(?:a |an )?violation") == {"violation", "a violation", "an violation"}
    assert anchors("(?<=to )back") == {"back"}
    assert anchors("recogni[sz]e") == {"recognise", "recognize"}
    assert anchors(r"\w+ed") is None
    assert anchors("(?:x)?") is None   # may match empty: no anchor


def test_text_that_grows_when_lower_cased():
    rows = [("cue", "condemn(?:s|ed)?")]
    text = "İstanbul: Türkiye condemned it"   # "İ" lower-cases to two characters
    assert [(h.start, h.text) for h in PatternSet(rows).finditer(text)] == [(text.index("condemned"), "condemned")]


def test_a_text_with_a_capital_sigma_is_read_slice_by_slice():
    """Final sigma: "ΟΔΟΣ".lower() ends in "ς" but a slice ending at the Σ may not; such a text is not
    scanned as a whole, and its slices find what the alternation finds in them."""
    rows = [("g0", "οδος"), ("g1", "οδοσ"), ("g2", "back")]
    big, fast = reference(rows), PatternSet(rows)
    text = "ΟΔΟΣ back ΟΔΟΣΑ back"
    for a in range(len(text)):
        for b in range(a, len(text) + 1):
            assert found(fast, text, a, b) == [(m.start(), m.end(), m.lastgroup) for m in big.finditer(text, a, b)], (a, b)
