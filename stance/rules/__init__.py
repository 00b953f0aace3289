"""The rule core's building blocks: matchers that find many vocabulary patterns in one pass.

The cascade a document goes through:

1. `stance.rules.automaton.PatternSet` finds the vocabulary of `data/lexicon.csv` (stance cues,
   masks, topics) in one Aho-Corasick pass per sentence, trying each row's regex only where its
   literal prefix starts a word; `stance.countries` and `stance.blocs` find states and blocs with
   a word trie (longest match).
2. `stance.frames` reads the shapes news uses to name many states at once (lists, recorded votes,
   signatory leads, the motion being voted on); `stance.positions` reads statements (holder, cue,
   target, on behalf of); `stance.claims` reads counts and tallies.
3. `stance.extract` puts sentences in their document (headline, lead actor, the resolution
   described earlier, dates) and builds the rows; `stance.composition` is the one table that
   composes a vote or a reaction with the motion's stance.
"""
from .automaton import Hit, PatternSet, anchors

__all__ = ["Hit", "PatternSet", "anchors"]
