"""The extraction vocabulary (stance cues, topics, actor nouns, negations) from `data/lexicon.csv`.

Words live in a data file so an analyst can extend them without touching code; this module only
compiles them once, at import, into a few combined case-insensitive regexes.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.csv"


@dataclass(frozen=True)
class Lexicon:
    cue: re.Pattern[str]            # named groups support/oppose/concern/neutral, plus `non` to mask
    negation: re.Pattern[str]       # searched in the few words before a cue
    topic: re.Pattern[str]          # one named group per topic, in priority order
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

    cue_groups: dict[str, list[str]] = {}
    for label, pattern in by_kind.get("cue", []):
        cue_groups.setdefault(label, []).append(pattern)
    # Masking phrases come first so that "address concerns" is not read as a concern.
    parts = [f"(?P<non>{_alternation([p for _, p in by_kind.get('non_cue', [])])})"]
    parts += [f"(?P<{label}>{_alternation(pats)})" for label, pats in cue_groups.items()]
    cue = re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)

    topic_labels: dict[str, str] = {}
    topic_parts = []
    for index, (label, pattern) in enumerate(by_kind.get("topic", [])):
        name = f"t{index}"
        topic_labels[name] = label
        topic_parts.append(f"(?P<{name}>{pattern})")
    topic = re.compile(r"\b(?:" + "|".join(topic_parts) + r")\b", re.IGNORECASE)

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
    return Lexicon(cue, negation, topic, topic_labels, actor_noun, locative)


LEXICON = load()
STANCE_ORDER = ("support", "oppose", "concern", "neutral")
