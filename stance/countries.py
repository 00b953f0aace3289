"""Country recognition: names, possessives, demonyms and capitals of states, with offsets.

ISO codes and official names come from pycountry; the states we recognise, their display names,
aliases, demonyms, capitals and metonyms ("the Kremlin") live in `data/states.csv` and
`data/country_aliases.csv`. Matching is one regex pass over capitalised words plus a trie walk
(longest match wins), so the cost is linear in the text whatever the number of aliases.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pycountry

DATA = Path(__file__).parent / "data"

KINDS = ("name", "possessive", "demonym", "capital")
_KIND_RANK = {"name": 0, "capital": 1, "metonym": 2, "demonym": 3}
_MAX_TOKENS = 12  # no alias is longer; bounds every trie walk

# A capitalised word: where an alias may start. Kept to a plain character class so the regex
# engine can skip ahead fast; apostrophes and dotted abbreviations are handled in `scan`.
_START = re.compile(r"[A-ZÀ-ÖØ-Þ]\w*")
_JOINERS = "'’ʻ."
# Any word inside an alias ("of", "the", "People's", "D.C.", "77").
_WORD = re.compile(r"(?:[A-Za-z]\.){2,6}|\w+(?:['’ʻ]\w+)*")
# What may separate two words of one alias: spaces (one line break at most), a hyphen,
# or the period of an abbreviation ("St. Lucia").
_NEXT = re.compile(
    r"(?:\.?[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\.?\r?\n[ \t\u00a0]*|[-‐])"
    r"((?:[A-Za-z]\.){2,6}|\w+(?:['’ʻ]\w+)*)"
)
_POSSESSIVE_SUFFIXES = ("'s", "’s", "'S", "’S")
_ARTICLES = ("the ", "The ", "THE ")

# Datelines ("BISHKEK (TCA) —", "GENEVA —", "BEIJING, Sept. 25") are places, not positions.
_SLASHED_CITIES = re.compile(r"(?:(?-i:[A-Z][A-Z .'-]+)/)+")
_DATELINE_AFTER = re.compile(r"[ \t\u00a0]*(?:\(|—|–|-|,|/(?-i:[A-Z]{3,})(?:[ \t\u00a0]*[(—–,-]|/))")
# After a title-case place at a line start: a date and/or an agency in brackets, then a dash or colon.
_TITLE_DATELINE_AFTER = re.compile(
    r"(?:,[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"[ \t]*\((?-i:[A-Z])[\w .&/-]{1,24}\)[ \t]*(?:[:—–]|--?)"
    r"|,[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?[ \t]*(?:[—–]|--?)[ \t]"
)
_CAPITALISED_AFTER = re.compile(r"[ \t\u00a0]+[A-ZÀ-ÖØ-Þ]")
# Capitalised words that may stand before a capital at the start of a sentence.
_SENTENCE_WORDS = frozenset(
    """In At From To And But Then When While Meanwhile On For With By Of The Both Also As After
    Before Since Until Unlike Like If Yet So Today Yesterday Tomorrow Now Later Earlier However
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec Both Neither Only Even Why How What Where Who Whether Though Although Because
    Once Instead Still Moreover Besides Thus Hence""".split()
)


def _fold(word: str) -> str:
    """A word as the name index keys it: normalised and case-folded, with the Turkish dotted capital
    ("TÜRKİYE") folding to a plain i as its lowercase spelling does."""
    return _norm(word).casefold().replace("i\u0307", "i")


@dataclass(frozen=True)
class CountryMention:
    """A state named in the text; start/end are absolute offsets, text == source[start:end]."""

    start: int
    end: int
    text: str
    iso3: str
    kind: str  # "name", "possessive", "demonym" or "capital" (capital cities and metonyms)


@dataclass(frozen=True)
class _Entry:
    iso3: str  # "" for a blocked phrase ("Hong Kong", "Korea"): consumes the span, no mention
    kind: str  # name | demonym | capital | metonym | skip
    article: bool  # the alias is usually written with "the" ("the Netherlands")


def _norm(token: str) -> str:
    return token.replace("’", "'").replace("ʻ", "'")


class PhraseIndex:
    """Leftmost-longest matcher for a fixed set of phrases over word tokens.

    The first word must appear as written (or in capitals, for headlines and datelines); later
    words match case-insensitively. Values are opaque to the index. Reused by `stance.blocs`.
    """

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self.max_tokens = 0
        self._memo: tuple[str, tuple[list[int], list[int]]] | None = None

    @staticmethod
    def tokens(phrase: str) -> list[str]:
        return [m.group() for m in _WORD.finditer(phrase)]

    def add(self, phrase: str, value: Any, merge=None) -> None:
        """Index `phrase`; when it is already there, `merge(old, new)` decides (default: keep old)."""
        words = self.tokens(phrase)
        if not words:
            return
        self.max_tokens = max(self.max_tokens, len(words))
        self._memo = None
        firsts = {_norm(words[0]), _norm(words[0]).upper()}
        for first in firsts:
            node = self._root.setdefault(first, {})
            for word in words[1:]:
                node = node.setdefault(_fold(word), {})
            if "" in node and node[""] != value:
                node[""] = merge(node[""], value) if merge else node[""]
            else:
                node[""] = value

    def scan(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, Any, bool]]:
        """Yield (start, end, value, possessive) for non-overlapping longest matches.

        A document is scanned sentence by sentence, three indexes at a time (states, blocs, people),
        so the capitalised words of the whole text and the few of them that can start a phrase of
        this index are found once per text (`_document_words`, `_openers`); a slice visits only
        those. A capitalised word that starts no phrase and is not followed by a joiner changes
        nothing, so skipping it gives exactly the matches of a word-by-word pass over the slice.
        """
        words = _document_words(text)
        starts, ends = words.starts, words.ends
        j = bisect_right(starts, start) - 1
        if j >= 0 and starts[j] < start < ends[j]:
            yield from self._scan_slice(text, start, end)   # the slice begins inside a word: read it alone
            return
        opener_starts, opener_ends = self._openers(text, words)
        last_end = start
        for k in range(bisect_left(opener_starts, start), len(opener_starts)):
            s, e = opener_starts[k], opener_ends[k]
            if e > end:
                break   # the word runs past the slice: read below, cut at its end
            last_end, found = self._step(text, s, e, text[s:e], start, end, last_end)
            if found is not None:
                yield found
        j = bisect_left(starts, end) - 1
        if j >= 0 and starts[j] >= start and ends[j] > end:
            last_end, found = self._step(text, starts[j], end, text[starts[j]:end], start, end, last_end)
            if found is not None:
                yield found

    def _openers(self, text: str, words: _Words) -> tuple[list[int], list[int]]:
        """Spans of the text's capitalised words that may start a phrase of this index: the word is
        a first word here (before the possessive is read) or a joiner follows it ("People's", "U.S.")."""
        memo = self._memo
        if memo is not None and memo[0] is text:
            return memo[1]
        root = self._root
        picked = [i for i, tok in enumerate(words.tokens) if words.joined[i] or tok in root]
        spans = ([words.starts[i] for i in picked], [words.ends[i] for i in picked])
        self._memo = (text, spans)
        return spans

    def _scan_slice(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, Any, bool]]:
        """`scan` by a word-by-word pass over text[start:end] alone."""
        last_end = start
        for m in _START.finditer(text, start, end):
            last_end, found = self._step(text, m.start(), m.end(), m.group(), start, end, last_end)
            if found is not None:
                yield found

    def _step(self, text: str, s: int, e: int, tok: str, start: int, end: int,
              last_end: int) -> tuple[int, tuple[int, int, Any, bool] | None]:
        """Read the capitalised word text[s:e] (== tok) of the slice: (the new last end, a match or None)."""
        if s < last_end or (s > start and (text[s - 1].isalnum() or text[s - 1] in "'’ʻ_")):
            return last_end, None
        root = self._root
        if e < end and text[e] in _JOINERS:  # "People's", "China’s", "U.S."
            word = _WORD.match(text, s, end)
            e = word.end()
            tok = _norm(word.group())
            last_end = e  # later capitals inside this token ("U.S.A.") are not starts
        best: tuple[int, Any, bool] | None = None
        if "İ" in tok:
            tok = tok.replace("İ", "I")   # "TÜRKİYE": the Turkish dotted capital, upper-cased as plain I
        node = root.get(tok)
        if tok.endswith(_POSSESSIVE_SUFFIXES):
            stem = root.get(tok[:-2])
            if stem is not None and "" in stem:
                best = (e, stem[""], True)
        if node is not None:
            if "" in node:
                best = (e, node[""], False)
            best = self._walk(text, node, e, end, best)
        if best is None:
            return last_end, None
        e, value, possessive = best
        if not possessive:
            e, possessive = _trailing_possessive(text, e, end)
        return e, (s, e, value, possessive)

    def _walk(self, text, node, pos, end, best):
        for _ in range(self.max_tokens):
            if len(node) == ("" in node):  # a leaf: nothing longer to find
                break
            nxt = _NEXT.match(text, pos, end)
            if nxt is None:
                break
            key = _fold(nxt.group(1))
            child = node.get(key)
            if child is None:
                if key.endswith("'s"):
                    stem = node.get(key[:-2])
                    if stem is not None and "" in stem:
                        best = (nxt.end(), stem[""], True)
                break
            node, pos = child, nxt.end()
            if "" in node:
                best = (pos, node[""], False)
        return best


@dataclass(frozen=True)
class _Words:
    """The capitalised words (`_START` matches) of one whole text, with what `PhraseIndex.scan` asks of them."""

    starts: list[int]
    ends: list[int]
    tokens: list[str]     # the word, the Turkish dotted capital read as I
    joined: list[bool]    # a joiner follows the word ("China’s", "U.S.")


_words_memo: tuple[str, _Words] | None = None


def _document_words(text: str) -> _Words:
    """`_Words` of the text, kept for its next slice (the last text only)."""
    global _words_memo
    memo = _words_memo
    if memo is not None and memo[0] is text:
        return memo[1]
    spans = [m.span() for m in _START.finditer(text)]
    size = len(text)
    tokens = [text[s:e] for s, e in spans]
    words = _Words([s for s, _ in spans], [e for _, e in spans],
                   [tok.replace("İ", "I") if "İ" in tok else tok for tok in tokens],
                   [e < size and text[e] in _JOINERS for _, e in spans])
    _words_memo = (text, words)
    return words


def _trailing_possessive(text: str, e: int, end: int) -> tuple[int, bool]:
    """"U.S.'s" and "the Philippines'" (apostrophe after a final s)."""
    if e < end and text[e] in "'’":
        nxt = text[e + 1] if e + 1 < end else ""
        if nxt in ("s", "S") and (e + 2 >= end or not text[e + 2].isalnum()):
            return e + 2, True
        if text[e - 1] in "sS" and not (nxt.isalnum() or nxt == "_"):
            return e + 1, True
    return e, False


def _merge(old: _Entry, new: _Entry) -> _Entry:
    if old.iso3 != new.iso3:
        if not old.iso3 or not new.iso3:  # an explicit block wins
            return old if not old.iso3 else new
        return _Entry("", "skip", old.article or new.article)  # one alias, two states: ambiguous
    kind = min(old.kind, new.kind, key=lambda k: _KIND_RANK.get(k, 9))
    return _Entry(old.iso3, kind, old.article or new.article)


def _strip_article(alias: str) -> tuple[str, bool]:
    if alias[:4].lower() == "the ":
        return alias[4:], True
    return alias, False


@lru_cache(maxsize=1)
def _states() -> dict[str, tuple[str, str]]:
    """iso3 -> (display name, status) for every code we treat as a state."""
    states: dict[str, tuple[str, str]] = {}
    with open(DATA / "states.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if pycountry.countries.get(alpha_3=row["iso3"]) is None:
                raise ValueError(f"states.csv: {row['iso3']} is not an ISO 3166-1 alpha-3 code")
            states[row["iso3"]] = (row["name"], row["status"])
    return states


def _alias_rows() -> Iterator[tuple[str, str, str]]:
    """(alias, iso3, kind) from the CSV, plus pycountry's names of each state."""
    states = _states()
    with open(DATA / "country_aliases.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso3 = row["iso3"]
            if iso3 and iso3 not in states:
                raise ValueError(f"country_aliases.csv: {iso3} is not a state in states.csv")
            yield row["alias"], iso3, row["kind"]
    for iso3 in states:
        country = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name and not any(ch in name for ch in ",()"):
                yield name, iso3, "name"


def _lookup_key(name: str) -> str:
    return " ".join(_norm(name).split()).casefold()


@lru_cache(maxsize=1)
def _index() -> tuple[PhraseIndex, dict[str, str]]:
    index = PhraseIndex()
    lookup: dict[str, str] = {}
    blocked: set[str] = set()
    for alias, iso3, kind in _alias_rows():
        bare, article = _strip_article(alias)
        index.add(bare, _Entry(iso3, kind, article), _merge)
        for key in {_lookup_key(alias), _lookup_key(bare)}:
            if not iso3 or lookup.get(key, iso3) != iso3:
                blocked.add(key)
            lookup[key] = iso3
    for iso3, (name, _status) in _states().items():
        lookup.setdefault(_lookup_key(name), iso3)
        lookup.setdefault(_lookup_key(iso3), iso3)
        country = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                lookup.setdefault(_lookup_key(value), iso3)
                lookup.setdefault(_lookup_key(_strip_article(value)[0]), iso3)
    for key in blocked:
        lookup.pop(key, None)
    return index, lookup


def _is_dateline(text: str, s: int, e: int, start: int, end: int) -> bool:
    """ "BISHKEK (TCA) —", "MOSCOW, Feb. 24 (TASS) --", "Beijing, Oct 8 (APP):": a place, not an actor."""
    line_start = text.rfind("\n", start, s) + 1
    if line_start < start:
        line_start = start
    before = text[line_start:s].strip()
    if before and not (before.endswith("/") and _SLASHED_CITIES.fullmatch(before)):   # "MADRID/DUBLIN/OSLO -"
        return False
    if text[s:e].isupper():
        return _DATELINE_AFTER.match(text, e, end) is not None
    return _TITLE_DATELINE_AFTER.match(text, e, min(end, e + 60)) is not None


def _inside_longer_name(text: str, s: int, e: int, start: int, end: int) -> bool:
    """"Beijing Consensus", "Washington Post", "George Washington": a capital inside a name."""
    if _CAPITALISED_AFTER.match(text, e, end):
        return True
    i = s
    while i > start and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == s or i == start or not text[i - 1].isalpha():
        return False
    j = i
    while j > start and (text[j - 1].isalnum() or text[j - 1] in "'’."):
        j -= 1
    word = text[j:i].rstrip(".")
    return bool(word) and word[0].isupper() and word not in _SENTENCE_WORDS


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Mentions of states in text[start:end], left to right, with absolute offsets."""
    if not isinstance(text, str):
        raise TypeError(f"find_countries expects str, got {type(text).__name__}")
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    index, _ = _index()
    mentions: list[CountryMention] = []
    for s, e, entry, possessive in index.scan(text, start, end):
        if not entry.iso3:
            continue
        kind = entry.kind
        if kind == "capital":
            core_end = e - 2 if possessive and text[e - 2] in "'’" else e
            if _is_dateline(text, s, core_end, start, end):
                continue
            if _inside_longer_name(text, s, core_end, start, end):
                continue
        if entry.article and kind in ("name", "metonym") and s - 4 >= start:
            if text[s - 4:s] in _ARTICLES and (s - 4 == start or not text[s - 5].isalnum()):
                s -= 4
        if kind == "metonym":
            kind = "capital"
        elif kind == "name" and possessive:
            kind = "possessive"
        mentions.append(CountryMention(s, e, text[s:e], entry.iso3, kind))
    return mentions


@lru_cache(maxsize=1024)
def country_name(iso3: str) -> str:
    """Short display name ("South Korea", "Congo (DRC)"); pycountry's name for other codes.

    Cached: every position row names its state (and its target), a few hundred codes in all."""
    code = (iso3 or "").upper()
    state = _states().get(code)
    if state:
        return state[0]
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        raise KeyError(f"unknown ISO 3166-1 alpha-3 code: {iso3!r}")
    return getattr(country, "common_name", None) or country.name


def is_state(iso3: str) -> bool:
    """True for UN members, the two UN observer states (Holy See, Palestine) and Taiwan."""
    return isinstance(iso3, str) and iso3.upper() in _states()


def state_codes() -> list[str]:
    """All codes `is_state` accepts, sorted."""
    return sorted(_states())


def iso3_for(name: str) -> str | None:
    """Exact (case-insensitive) lookup of a name, alias, demonym, capital or ISO3 code."""
    if not isinstance(name, str):
        return None
    key = _lookup_key(name)
    if not key:
        return None
    _, lookup = _index()
    found = lookup.get(key)
    if found is None and key.startswith("the "):
        found = lookup.get(key[4:])
    return found or None
