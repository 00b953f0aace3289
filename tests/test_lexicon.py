"""The lexicon file: every row compiles, has a label it may have, and gives the automaton an anchor.

(That the automaton finds what one alternation would is checked in test_rules_automaton.py.)
"""
import re

from stance.lexicon import LEXICON, LEXICON_PATH, _rows
from stance.tables import STANCES as STANCE_ORDER
from stance.rules import anchors
from stance.topics import topic_of


def test_every_row_compiles_with_a_known_kind():
    kinds = {"cue", "non_cue", "verdict_cue", "topic", "negation", "actor_noun", "locative"}
    for row in _rows(LEXICON_PATH):
        assert row["kind"] in kinds, row
        re.compile(row["pattern"], re.IGNORECASE)
        if row["kind"] in ("cue", "verdict_cue"):
            assert row["label"] in STANCE_ORDER + ("withdraw",), row


def test_cues_and_topics_have_literal_anchors():
    """A row with no literal prefix is tried at every word: the vocabulary keeps none."""
    for row in _rows(LEXICON_PATH):
        if row["kind"] in ("cue", "non_cue", "verdict_cue", "topic"):
            assert anchors(row["pattern"]) is not None, row


def test_cue_labels_map_back_to_rows():
    labels = set(LEXICON.cue_labels.values())
    assert labels <= set(STANCE_ORDER) | {"withdraw", "non"}
    assert {"support", "oppose", "concern", "non"} <= labels


def test_topics_by_priority():
    assert topic_of("Talks on Xinjiang and human rights") == "Xinjiang"
    assert topic_of("A statement on human rights") == "human rights"
    assert topic_of("Nothing here") == ""
