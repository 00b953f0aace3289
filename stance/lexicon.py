"""The extraction vocabulary (stance cues, topics, actor nouns, negations) from `data/lexicon.csv`.

Words live in a data file so an analyst can extend them without touching code; this module only
compiles them once, at import: cues and topics into `rules.PatternSet` automata, the few
context patterns (negations, actor nouns, locatives) into combined case-insensitive regexes.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .rules.automaton import PatternSet

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.csv"


@dataclass(frozen=True)
class Lexicon:
    cue: PatternSet           # one named group per cue row
    cue_labels: dict[str, str]      # group name -> support | oppose | concern | neutral | withdraw | non
    verdicts: frozenset[str]        # group names of verdicts on a text ("politically motivated"): never its content
    negation: re.Pattern[str]       # searched in the few words before a cue
    topic: PatternSet         # one named group per topic row, in priority order
    topic_labels: dict[str, str]    # group name -> topic label
    actor_noun: re.Pattern[str]     # a government noun right after a demonym or possessive
    locative: re.Pattern[str]       # a preposition right before a place that is not an actor


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def load(path: Path = LEXICON_PATH) -> Lexicon:
    """Compile the lexicon file into regexes."""
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(path):
        by_kind.setdefault(row["kind"], []).append((row["label"], row["pattern"]))

    # One named group per row ("g3"), mapped back to its label: the stance, or "non" for a mask.
    # Masks come first so that "address concerns" is not read as a concern.
    labels: dict[str, str] = {}
    cue_rows: list[tuple[str, str]] = []
    verdicts: set[str] = set()
    for kind, label, pattern in [("non_cue", "non", p) for _, p in by_kind.get("non_cue", [])] + \
            [("cue", lb, p) for lb, p in by_kind.get("cue", [])] + \
            [("verdict_cue", lb, p) for lb, p in by_kind.get("verdict_cue", [])]:
        name = f"g{len(cue_rows)}"
        labels[name] = label
        if kind == "verdict_cue":
            verdicts.add(name)
        cue_rows.append((name, pattern))
    cue = PatternSet(cue_rows)

    topic_labels: dict[str, str] = {}
    topic_rows: list[tuple[str, str]] = []
    for index, (label, pattern) in enumerate(by_kind.get("topic", [])):
        name = f"t{index}"
        topic_labels[name] = label
        topic_rows.append((name, pattern))
    topic = PatternSet(topic_rows)

    negation = re.compile(
        r"\b(?:" + _alternation([p for _, p in by_kind.get("negation", [])]) + r")\b",
        re.IGNORECASE,
    )
    actor_noun = re.compile(
        r"(?:\s+(?:[A-Z][\w-]*\s+){0,2})?\s*(?:" + _alternation([p for _, p in by_kind.get("actor_noun", [])]) + r")\b",
        re.IGNORECASE,
    )
    locative = re.compile(
        r"\b(?:" + _alternation([p for _, p in by_kind.get("locative", [])]) + r")\s+(?:the\s+)?(?:[a-z]+(?:ern|ing)\s+)?$",
        re.IGNORECASE,
    )
    return Lexicon(cue, labels, frozenset(verdicts), negation, topic, topic_labels, actor_noun, locative)


LEXICON = load()
