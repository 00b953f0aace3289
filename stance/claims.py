"""Count claims: "More than 100 countries", "nearly 80 countries", "Ambassadors from 50 countries".

These are the positions no map can show (the countries are not named), so they are kept as
their own table with the count, how it was qualified, and the range it allows.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12,
}
_QUALIFIERS = {
    "more than": "over", "over": "over", "upwards of": "over", "in excess of": "over",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "up to": "up_to", "as many as": "up_to", "fewer than": "up_to", "less than": "up_to",
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_COMPOUND = rf"(?:{'|'.join(_TENS)})[-‐ ](?:{'|'.join(_UNITS)})"   # "twenty-four", "thirty five"
_QUAL = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
QUALIFIER = _QUAL   # qualifiers and count words, shared with positions (a count before a demonym)
_NUMBER = r"(?:half\s+a|a|two|three|four|five|six|seven|eight|nine|ten)\s+dozen|\d{1,3}(?:,\d{3})*|\d+|" + _COMPOUND + "|" + "|".join(sorted(_WORDS, key=len, reverse=True))
NUMBER = _NUMBER
_NOUN = (
    r"(?:(?:(?-i:[A-Z]{2,6})|other|more|additional|further|western|african|asian|arab|european|latin\s+american|"
    r"islamic|muslim|developing|member|united\s+nations|un|u\.n\.|small|island|like-minded|union|gulf|nordic|baltic|"
    r"pacific|caribbean|central\s+asian|south\s+american|middle\s+eastern|neighbou?ring|allied|partner|commonwealth|"
    r"(?:security\s+)?council|"
    r"non-aligned|western-aligned|eurozone|donor|coalition|opec|nato|g20)\s+){0,3}"
    r"(?:countries|nations|states|governments|delegations|members|signatories|economies|allies)"
)
_PEOPLE = r"(?:ambassadors|representatives|envoys|diplomats|delegates|ministers|leaders|permanent\s+representatives)"
_CLAIM = re.compile(
    rf"\b(?:(?P<people>{_PEOPLE})\s+(?:from|of)\s+)?(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<num>{_NUMBER})(?:-odd)?\s+(?P<noun>{_NOUN})\b",
    re.IGNORECASE,
)
_NOUN_HINT = re.compile(r"countries|nations|states|governments|delegations|members|signatories|economies|allies",
                        re.IGNORECASE)
_COUNT_HINT = re.compile("|".join(sorted({w for key in _WORDS for w in key.split()} - {"a"}, key=len, reverse=True)),
                         re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|his|her|its|their|our)\s+$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(rf"\s*{_PEOPLE}\s+(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)


_TALLY_NUM = r"\d{1,3}|" + _COMPOUND + "|" + "|".join(sorted(list(_WORDS) + ["none", "nil", "zero"], key=len, reverse=True))
# "voted 25 to 6", "adopted by 141 votes to 5", "by a vote of 28-8", "a 19-17 vote"
_TALLY = re.compile(
    rf"\b(?:vot(?:e|ed|es|ing)|by|of|a|won|received|garnered|secured)\s+(?P<yes>{_TALLY_NUM})\s*(?:votes?\s+|in\s+favou?r\s*)?"
    rf"(?:to|-|–|—|against)\s*(?P<no>{_TALLY_NUM})(?!\s*(?:years?|months?|days?|per\s*cent|%))\b"
    rf"(?:\s+(?:votes?\s+)?(?:against\s+)?(?:vote\b)?)?"
    rf"(?:\s*(?:,|and|with|while)?\s*(?:and\s+|with\s+)?(?P<abstain>{_TALLY_NUM})\s+(?:abstentions?|abstaining|"
    rf"(?:countries\s+|members\s+|states\s+|nations\s+|delegations\s+)?abstained))?",
    re.IGNORECASE,
)
# "13 in favour, one against and one abstention", "with 35 abstentions", "five voted against"
_SIDE_COUNT = re.compile(
    rf"\b(?P<num>{_TALLY_NUM})\s+(?:votes?\s+|countries\s+|members\s+|member\s+states\s+|states\s+|nations\s+|"
    rf"delegations\s+|governments\s+|others\s+|(?:security\s+)?council\s+members\s+)?(?:\([^()]{{1,200}}\)\s*)?(?:(?:were\s+|voted\s+|voting\s+|cast\s+)?(?P<side>in\s+favou?r|against)|"
    rf"(?P<abst>abstentions?|abstained|abstaining)|votes?\s+(?P<vside>for|against)|(?:voted|voting)\s+(?P<yn>yes|no))\b",
    re.IGNORECASE,
)
# "the text won 187 votes", "received more than 140 votes": the votes a text drew are votes in favour
_VOTES_WON = re.compile(
    rf"\b(?:won|wins|received|receives|garnered|garners|drew|draws|secured|secures|got|gets|obtained|gathered|"
    rf"attracted|mustered)\s+(?:only\s+|just\s+)?(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_TALLY_NUM})\s+votes?\b"
    rf"(?!\s*(?:,\s*)?(?:to|against|-|–)\s)", re.IGNORECASE)
_VOTE_CONTEXT = re.compile(r"vot|abstain|abstention|ballot|in\s+favou?r|against", re.IGNORECASE)

# Cheap prechecks, as plain substring tests on the lower-cased sentence (one regex alternation tried at
# every character cost more than the patterns they guard). Every word `_NOUN_HINT` matches, every
# `_VOTE_CONTEXT` match contains one of `_VOTE_WORDS`, and every count `_CLAIM` and `_NUMBER_OF` read
# has a digit or one of `_NUMBER_WORDS` ("a dozen", "ten", "1,000").
_NOUN_WORDS = ("countries", "nations", "states", "governments", "delegations", "members", "signatories",
               "economies", "allies")
_VOTE_WORDS = ("vot", "abstain", "abstention", "ballot", "favo", "against")
_NUMBER_WORDS = tuple(sorted({w for key in _WORDS for w in key.split()} - {"a"}))
_DIGIT = re.compile(r"\d")
# The letters IGNORECASE matches to ASCII letters while str.lower() does not give them (the `re` docs):
# a sentence holding one is tested by the regex itself.
_REGEX_ONLY_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")
assert _NOUN_HINT.pattern == "|".join(_NOUN_WORDS)


def _names_any(text: str, start: int, end: int, words: tuple[str, ...], pattern: re.Pattern) -> bool:
    """Whether text[start:end] holds one of `words` in any case; `pattern` (case-insensitive, matching
    nothing without one of them) decides where the lower-cased slice would not be exact."""
    piece = text[start:end]
    if not piece.isascii() and any(ch in piece for ch in _REGEX_ONLY_FOLDS):
        return pattern.search(text, start, end) is not None
    low = piece.lower()
    return any(word in low for word in words)


def _may_count(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may hold a count claim: a noun `_CLAIM` ends on and a number."""
    return _names_any(text, start, end, _NOUN_WORDS, _NOUN_HINT) and (
        _DIGIT.search(text, start, end) is not None or _names_any(text, start, end, _NUMBER_WORDS, _COUNT_HINT))


@dataclass(frozen=True)
class CountClaim:
    start: int
    end: int
    text: str
    count: int
    qualifier: str
    count_low: int | None
    count_high: int | None
    subject: str
    vote: str = ""   # "for" | "against" | "abstain" when the count is part of a vote tally


def _number(raw: str) -> int | None:
    raw = " ".join(raw.lower().replace(",", "").split())
    if raw.endswith(" dozen"):
        head = raw[:-6]
        if head == "half a":
            return 6
        unit = 1 if head == "a" else _WORDS.get(head)
        return unit * 12 if unit else None
    if raw.isdigit():
        return int(raw)
    tens, _, unit = raw.replace("-", " ").replace("‐", " ").partition(" ")
    if unit and tens in _TENS and unit in _UNITS:
        return _WORDS[tens] + _WORDS[unit]
    return _WORDS.get(raw)


def count_range(count: int, qualifier: str) -> tuple[int | None, int | None]:
    """The interval a qualified count allows (None where it is open)."""
    if qualifier == "exact":
        return count, count
    if qualifier == "over":
        return count + 1, None
    if qualifier == "nearly":
        return math.floor(count * 0.9), max(count - 1, 0)
    if qualifier == "about":
        return math.floor(count * 0.9), math.ceil(count * 1.1)
    if qualifier == "at_least":
        return count, None
    return None, count  # up_to


_PART_OF = re.compile(rf"\b(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUMBER})\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|all\s+)?"
                      r"(?:[\w-]+[’']s\s+)?$",
                      re.IGNORECASE)
_NUMBER_OF = re.compile(
    rf"\bnumber\s+of\s+(?P<noun>countries|states|nations|governments|delegations|signatories|co-?sponsors|signing\s+states)\b"
    rf"[^.;]{{0,80}}?\b(?:rose|risen|grew|grown|increased|climbed|reached|jumped|(?:was|is|stood|stands)\s+(?:now\s+)?"
    rf"(?:at|up\s+from|down\s+from)|(?:was|is)\s+(?:now\s+)?)\s+(?:to\s+)?(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUMBER})\b"
    rf"(?!\s*(?:%|per\s*cent|percent))", re.IGNORECASE)
_SHARE_OF = re.compile(r"\b(?:half|a\s+third|one-third|two-thirds|two\s+thirds|a\s+quarter|three-quarters|"
                       r"a\s+majority|the\s+majority|majority|most|many|all|several|some|each|any)\s+of\s+(?:the\s+|its\s+|their\s+)?"
                       r"(?:[\w-]+[’']s\s+)?$",
                       re.IGNORECASE)
_NONE_OF = re.compile(r"\b(?:none|not\s+one|neither)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)


def find_claims(text: str, start: int, end: int) -> list[CountClaim]:
    """Count phrases about countries in text[start:end] (offsets absolute)."""
    claims: list[CountClaim] = []
    if not _may_count(text, start, end):
        return claims  # most sentences count no countries: skip the big pattern
    for match in _NUMBER_OF.finditer(text, start, end):
        # "the number of countries that co-signed the letter had risen to 50", "... was up from 23"
        count = _number(match.group("num"))
        if count is None or count < 2 or count > 250:
            continue
        qualifier = _QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
        low, high = count_range(count, qualifier)
        claims.append(CountClaim(match.start(), match.end(), match.group(), count, qualifier, low, high,
                                 re.sub(r"\s+", " ", match.group("noun").lower())))
    for match in _CLAIM.finditer(text, start, end):
        count = _number(match.group("num"))
        part = _PART_OF.search(text, max(start, match.start() - 40), match.start())
        if part is not None:
            # "around 145 of the 193 UN member states": the count is the part, the whole is the body's size
            count = _number(part.group("num"))
            qualifier = _QUALIFIERS.get((part.group("qual") or "").lower(), "exact")
            if count is None or count < 2:
                continue
            low, high = count_range(count, qualifier)
            claims.append(CountClaim(part.start(), match.end(), text[part.start():match.end()], count, qualifier, low,
                                     high, re.sub(r"\s+", " ", match.group("noun").lower())))
            continue
        if count is None or count < 2 or count > 250:
            continue  # "one country" is not a count claim; over 250 is not about states
        if _NONE_OF.search(text, max(start, match.start() - 16), match.start()):
            continue  # "none of the 13 African members backed it" counts those who did not
        if _SHARE_OF.search(text, max(start, match.start() - 45), match.start()):
            continue  # "over half of the 193 member states", "most of the 27": the whole, not those who acted
        if count <= 12 and not match.group("qual") and not match.group("people") and \
                _DEFINITE_BEFORE.search(text, max(start, match.start() - 8), match.start()):
            continue  # "the three governments" points back to states already named
        qualifier = _QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
        low, high = count_range(count, qualifier)
        noun = re.sub(r"\s+", " ", match.group("noun").lower())
        people = match.group("people")
        claim_start = match.start()
        if people:
            subject = f"{people.lower()} from {count} {noun}"
        else:
            before = _PEOPLE_AFTER.search(text, max(start, match.start() - 40), match.start())
            subject = noun
            if before:
                claim_start = before.start() + (len(before.group()) - len(before.group().lstrip()))
                subject = f"{before.group().strip().split()[0].lower()} from {count} {noun}"
        claims.append(CountClaim(claim_start, match.end(), text[claim_start:match.end()], count,
                                 qualifier, low, high, subject))
    return claims


def _tally_number(raw: str) -> int | None:
    raw = raw.lower()
    if raw in ("none", "nil", "zero"):
        return 0
    return _number(raw)


def find_tallies(text: str, start: int, end: int) -> list[CountClaim]:
    """Vote tallies as one exact claim per side ("for" | "against" | "abstain").

    Forms: "voted 25 to 6, with 16 abstentions", "adopted by 141 votes to 5, with 35
    abstentions", "a 19-17 vote with 11 abstentions", "13 in favour, one against and one
    abstention", "five voted against". Zero counts ("none against") give no claim.
    """
    out: list[CountClaim] = []
    if not _names_any(text, start, end, _VOTE_WORDS, _VOTE_CONTEXT) or not _VOTE_CONTEXT.search(text, start, end):
        return out
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, raw: str, vote: str, qualifier: str = "exact") -> None:
        count = _tally_number(raw)
        if count is None or count == 0 or count > 250:
            return
        if any(a <= s < b for a, b in taken):
            return
        taken.append((s, e))
        out.append(CountClaim(s, e, text[s:e], count, qualifier, *count_range(count, qualifier), "members", vote))

    for match in _TALLY.finditer(text, start, end):
        yes, no = _tally_number(match.group("yes")), _tally_number(match.group("no"))
        if yes is None or no is None or (match.group().lower().startswith(("of", "a ")) and "vote" not in match.group().lower()
                                          and not re.search(r"vote", text[max(start, match.start() - 20):match.end() + 12], re.I)):
            continue
        for group, vote in (("yes", "for"), ("no", "against"), ("abstain", "abstain")):
            if match.group(group) is not None:
                add(match.start(group), match.end(group), match.group(group), vote)
    for match in _SIDE_COUNT.finditer(text, start, end):
        if match.group("abst"):
            vote = "abstain"
        else:
            word = (match.group("side") or match.group("vside") or match.group("yn") or "").lower()
            vote = "against" if word in ("against", "no") else "for"
        add(match.start("num"), match.end(), match.group("num"), vote)
    for match in _VOTES_WON.finditer(text, start, end):
        qual = match.group("qual")
        add(match.start("qual") if qual else match.start("num"), match.end(), match.group("num"), "for",
            _QUALIFIERS[" ".join(qual.lower().split())] if qual else "exact")
    out.sort(key=lambda c: c.start)
    return out
