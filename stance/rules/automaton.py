"""Many word patterns found in one Aho-Corasick pass, with the exact regex tried only at candidates.

The vocabulary (cues, topics) is a list of case-insensitive regexes, one per row of
`data/lexicon.csv`. Trying their alternation at every word of every sentence was the parser's
largest cost. Each pattern instead gives the literal prefixes every one of its matches must start
with (read from the regex's own parse tree: "st(?:and|ood) by" -> {"stand", "stood"}); one
`pyahocorasick` automaton finds those prefixes in a single pass over the lower-cased text, and the
row's own compiled regex is tried only where a prefix starts a word. The result is exactly what
one big alternation `\\b(?:p1|p2|...)\\b` would find (earlier rows win at the same position,
matches do not overlap): `tests/test_rules_automaton.py` checks that on every article we have.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator, NamedTuple

import ahocorasick

try:  # Python 3.11+
    import re._parser as _sre  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _sre  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_MAX_ANCHORS = 64      # alternatives expanded per pattern before stopping at a shorter prefix
_MAX_ANCHOR_LEN = 12   # long enough to be selective; longer prefixes buy nothing
_MAX_CLASS = 8         # a character class is expanded when it holds at most this many characters
_WORD_START = re.compile(r"\b\w")


def _extend(prefixes: list[tuple[str, bool]], items: list) -> list[tuple[str, bool]]:
    """Extend each open prefix (text, open) with the parsed items; closed prefixes stay as they are."""
    for op, av in items:
        if not any(is_open for _, is_open in prefixes):
            return prefixes
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            chars = [chr(av).lower()]
        elif op is _c.IN and all(kind in (_c.LITERAL, _c.RANGE) for kind, _ in av):
            chars = sorted({chr(x).lower() for kind, value in av
                            for x in ([value] if kind is _c.LITERAL else range(value[0], value[1] + 1))})
            if len(chars) > _MAX_CLASS:
                return _close(prefixes)
        elif op is _c.SUBPATTERN:
            prefixes = _extend(prefixes, list(av[-1]))
            continue
        elif op is _c.BRANCH:
            branches = [_extend(_only_open(prefixes), list(branch)) for branch in av[1]]
            prefixes = _dedupe(_closed(prefixes) + [p for b in branches for p in b])
            continue
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, body = av
            once = _extend(_only_open(prefixes), list(body))
            if lo == 0 and hi == 1:
                prefixes = _dedupe(prefixes + once)
            elif lo >= 1:
                prefixes = _close(once)   # at least one; what repeats after it is not followed
            else:
                prefixes = _close(_dedupe(prefixes + once))
            continue
        else:
            return _close(prefixes)   # any character, a category, a backreference: stop here
        prefixes = [(text + ch, True) if is_open else (text, False) for text, is_open in prefixes for ch in chars]
        if len(prefixes) > _MAX_ANCHORS or any(len(text) >= _MAX_ANCHOR_LEN for text, _ in prefixes):
            return _close(prefixes)
    return prefixes


def _only_open(prefixes):
    return [p for p in prefixes if p[1]]


def _closed(prefixes):
    return [p for p in prefixes if not p[1]]


def _close(prefixes):
    return _dedupe([(text, False) for text, _ in prefixes])


def _dedupe(prefixes):
    return list(dict.fromkeys(prefixes))


def anchors(pattern: str) -> set[str] | None:
    """Lower-case literal prefixes that every match of `pattern` starts with (None: none is known)."""
    found = {text for text, _ in _extend([("", True)], list(_sre.parse(pattern, re.IGNORECASE)))}
    if not found or "" in found:
        return None
    return found


@dataclass(frozen=True)
class Hit:
    """One match: text[start:end] matched the row called `name`."""

    start: int
    end: int
    name: str
    text: str


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _lower(text: str) -> str:
    """Lower case with the same length as `text` (a few characters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class _Scan(NamedTuple):
    """Anchors found in one whole text, grouped by the word start they begin at (ascending)."""

    starts: list[int]
    reach: list[int]                                   # the furthest end of an anchor at that start
    rows: list[list[int]]                              # every row index of those anchors, sorted
    parts: list[list[tuple[int, tuple[int, ...]]]]     # (anchor end, row indexes), one per anchor


_SIGMA = "\u03a3"   # the one capital whose lower case depends on context (final sigma)


class PatternSet:
    """Finds whole-word matches of named patterns, as one alternation would, in one automaton pass.

    `rows` are (name, pattern) pairs, in priority order. Patterns with no literal prefix (one
    starting with `\\w`, say) are tried at every word start; the vocabulary has none today.
    """

    def __init__(self, rows: list[tuple[str, str]], flags: int = re.IGNORECASE) -> None:
        self.names = [name for name, _ in rows]
        self._regex = [re.compile(f"(?:{pattern})\\b", flags) for _, pattern in rows]
        self._anywhere: list[int] = []
        by_anchor: dict[str, list[int]] = {}
        for index, (_, pattern) in enumerate(rows):
            found = anchors(pattern)
            if found is None:
                self._anywhere.append(index)
                continue
            for anchor in found:
                by_anchor.setdefault(anchor, []).append(index)
        self._automaton = ahocorasick.Automaton()
        for anchor, indexes in by_anchor.items():
            self._automaton.add_word(anchor, (len(anchor), tuple(indexes)))
        if by_anchor:
            self._automaton.make_automaton()
        self._has_words = bool(by_anchor)
        self._memo: tuple[str, _Scan | None] | None = None

    def candidates(self, text: str, start: int, end: int) -> dict[int, list[int]]:
        """Word starts in text[start:end] where some row may match -> its row indexes, sorted."""
        return {at: list(rows) for at, rows in self._candidates(text, start, end)}

    def _candidates(self, text: str, start: int, end: int) -> Iterator[tuple[int, list[int]]]:
        """(word start, sorted row indexes) in text[start:end], left to right (lists are shared: do not change)."""
        scan = None if self._anywhere else self._document_scan(text)
        if scan is None:
            yield from self._slice_candidates(text, start, end).items()
            return
        starts, reach, merged, parts = scan.starts, scan.reach, scan.rows, scan.parts
        for i in range(bisect_left(starts, start), len(starts)):
            at = starts[i]
            if at >= end:
                break
            if reach[i] <= end:
                yield at, merged[i]
                continue
            rows = {index for anchor_end, indexes in parts[i] if anchor_end <= end for index in indexes}
            if rows:
                yield at, sorted(rows)

    def _document_scan(self, text: str) -> _Scan | None:
        """Every anchor at a word start of the whole text, found once per text and kept for the next slice.

        Callers read one document as many slices (sentences, clause windows) of the same string, so
        one automaton pass over the document replaces one per slice. An anchor belongs to a slice
        when it lies wholly inside it; the word-start test already looks at the whole text.
        None for a text with a capital sigma, whose lower case depends on the letters after it: its
        slices are read alone.
        """
        memo = self._memo
        if memo is not None and memo[0] is text:
            return memo[1]
        if _SIGMA in text:
            self._memo = (text, None)
            return None
        by_start: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        if self._has_words:
            for last, (length, indexes) in self._automaton.iter(_lower(text)):
                at = last - length + 1
                ch = text[at]
                if not (ch.isalnum() or ch == "_"):
                    continue   # a word starts here (as `_is_word_char` reads it) or no row can match
                if at > 0:
                    ch = text[at - 1]
                    if ch.isalnum() or ch == "_":
                        continue
                found = by_start.get(at)
                if found is None:
                    by_start[at] = [(last + 1, indexes)]
                else:
                    found.append((last + 1, indexes))
        starts = sorted(by_start)
        reach: list[int] = []
        rows: list[list[int]] = []
        for at in starts:
            parts = by_start[at]
            if len(parts) == 1:   # the usual case: one anchor (its row indexes are sorted and distinct)
                reach.append(parts[0][0])
                rows.append(list(parts[0][1]))
            else:
                reach.append(max(anchor_end for anchor_end, _ in parts))
                rows.append(sorted({index for _, indexes in parts for index in indexes}))
        scan = _Scan(starts, reach, rows, [by_start[at] for at in starts])
        self._memo = (text, scan)   # one assignment: a reader sees a text with its own scan
        return scan

    def _slice_candidates(self, text: str, start: int, end: int) -> dict[int, list[int]]:
        """The candidates found by a pass over text[start:end] alone (patterns without a prefix, or a
        text with a capital sigma)."""
        found: dict[int, set[int]] = {}
        if self._has_words and end > start:
            low = _lower(text[start:end])
            for last, (length, indexes) in self._automaton.iter(low):
                at = start + last - length + 1
                if at > 0 and _is_word_char(text[at - 1]) or not _is_word_char(text[at]):
                    continue
                found.setdefault(at, set()).update(indexes)
        if self._anywhere:
            for word in _WORD_START.finditer(text, start, end):
                found.setdefault(word.start(), set()).update(self._anywhere)
        return {at: sorted(rows) for at, rows in sorted(found.items())}

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Non-overlapping matches in text[start:end], left to right."""
        end = len(text) if end is None else end
        pos = start
        for at, rows in self._candidates(text, start, end):
            if at < pos:
                continue
            for index in rows:
                match = self._regex[index].match(text, at, end)
                if match is not None and match.end() > at:
                    yield Hit(at, match.end(), self.names[index], match.group())
                    pos = match.end()
                    break
