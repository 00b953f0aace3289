"""Frames: the shapes news gives to many states at once, read from a sentence's mentions.

A sentence reader (`positions.analyse`) handles "X condemned Y". Real pages more often name
states in bulk: a recorded vote ("In favour (28): Argentina, Armenia, ..."), a tally with the
abstainers in brackets ("three abstentions (China, India and Russia)"), a statement's
signatories ("signed by the following countries: ..."), states that "align themselves" with a
declaration, a veto. This module finds those shapes from the mention sequence and the words
around it; `extract` gives them their stance from the document (the text being voted, the
statement being signed).

Two kinds of frame:

* `StateList`: a run of states separated only by commas, "and", semicolons or line breaks,
  with the label or verb that says what the run did (`vote` with a side, or `sign`).
* `Motion`: a text being voted on, as the article describes it ("a resolution condemning X",
  "a draft on the human rights situation in X"): whether it is critical of or backs X.

Votes then compose with the motion (`vote_stance`): on a text critical of X, in favour =
oppose X, against = support X, abstaining = neutral; a veto is a vote against.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from . import countries
from .positions import Analysis, Mention, defended, territory_at_issue
from .rules.vocabulary import words

# What may stand between two items of a list of states.
# Leaders named with their states: "President Vucic of Serbia, Prime Minister of Greece Mitsotakis, ..."
_TITLES = (r"(?:President|Prime\s+Minister|Premier|Chancellor|King|Queen|Emir|Crown\s+Prince|Sultan|Foreign\s+Minister|"
           r"Minister\s+(?:of|for)\s+Foreign\s+Affairs|Head\s+of\s+State|Chair(?:man|woman)?\s+of\s+the\s+"
           r"(?:Presidency|Council\s+of\s+Ministers)(?:\s+of)?)")
_LEADER_GAP = (r"(?-i:[A-Z])[\w'’.-]+\s*(?=,)|\b" + _TITLES + r"\s+(?:(?-i:[A-Z])[\w'’.-]+\s+){0,3}?of\s+|\b"
               + _TITLES + r"\s+of\s+")
_SEPARATOR = re.compile(
    r"(?:\s|\([^()\n]{0,40}\)|,|;|/|&|\*+|†|\band\b|\bas\s+well\s+as\b|\bthe\b|\beven\b|[•·*\-–—]\s|\d{1,3}[.)]\s|"
    r"\b(?:(?:[\w-]+\s+){0,2}(?:countr(?:y|ies)|states?|members?)(?:\s+of\s+the\s+(?:[A-Z][\w-]*\s*){1,4})?)(?=[\s,:])|:)*",
    re.IGNORECASE,
)
_JOINED_OBJECT = re.compile(r"\bjoin(?:ed|s|ing)?\s*$", re.IGNORECASE)
_IN_DOING = re.compile(r"[\s,]+in\s+(?:[a-z]+ly\s+)?[a-z]+ing\b", re.IGNORECASE)
_ALIGN_ALL = re.compile(r"\balign(?:s|ed)?\s+themselves\s+with\b", re.IGNORECASE)
_LEADER_SEPARATOR = re.compile(r"(?:\s|,|\band\b|\bthe\b|" + _LEADER_GAP + r")*", re.IGNORECASE)
_TITLE = re.compile(r"\b" + _TITLES + r"\b", re.IGNORECASE)
# A label just before a list says how the listed states voted.
_VOTE_LABEL = re.compile(
    r"(?P<side>in\s+favou?r|yes(?:\s+votes)?|votes?\s+for|against|no\s+votes?|abstain(?:ing|ed|ers)?|abstentions?|"
    r"absent|not\s+voting|non-voting|did\s+not\s+(?:vote|take\s+part))"
    r"(?:\s+(?:were|was|included|include|came\s+from))?"
    r"\s*(?:\(\s*\d{1,3}\s*\))?\s*(?:[:(]|[-–—]\s)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# "the draft had won the backing of most of the Council (A, B, ...)": the text's voters in favour, in brackets
_BACKING_OF = re.compile(
    r"\b(?:draft|text|resolution|proposal|motion)\b[^.;:()]{0,40}?\b(?:won|drew|received|gained|secured|got|had|garnered)"
    r"\s+(?:the\s+)?(?:backing|support|votes?|approval)\s+of\s+[^.;:()]{0,50}?\(\s*(?:the\s+)?$", re.IGNORECASE)
# "voting in favour were A, B", "those who abstained were", "among those voting against:"
# "adopted by 24 votes to 9 (A, B, ...)": the states after the second number voted against.
_TALLY_AGAINST = re.compile(r"\b\d{1,3}\s+(?:votes?\s+)?(?:to|-|–)\s*\d{1,3}\s*(?:votes?\s*)?\(\s*(?:the\s+)?$", re.IGNORECASE)
_VOTE_LEAD = re.compile(
    r"(?:vot(?:ing|ed)\s+(?P<side>in\s+favou?r|for|yes|against|no)|(?P<abst>abstain(?:ing|ed)))"
    r"[^.:;]{0,40}?(?:were|was|included|include|:)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_SIGN_LEAD = re.compile(
    r"(?:(?:signed|co-?signed|endorsed|co-?sponsored|sponsored|supported|backed|joined|delivered|issued|adopted|"
    r"presented|read\s+out|put\s+forward|submitted|tabled|introduced|drafted)\s+(?:jointly\s+)?by"
    r"(?:\s+" + _TITLES + r"(?:\s+(?-i:[A-Z])[\w'’.-]+){0,3}?\s+of)?"
    r"(?:\s+(?:the\s+)?(?:following|representatives\s+of|delegations\s+of|the\s+governments\s+of))?"
    r"(?:\s+(?:\w+\s+)?(?:countries|states|delegations|governments|member\s+states|nations))?"
    r"|(?:signatories|co-?sponsors|sponsors|signers|signing\s+countries|supporters)\b[^.:]{0,40}?"
    r"(?:include[sd]?|are|were|comprised|comprise)"
    r"|\b(?:its|the|their|whose)\s+(?:main\s+|three\s+|two\s+|four\s+)?(?:co-?sponsors|sponsors|signatories)\s*(?:[-–—]|,\s*namely)"
    r"|following\s+(?:\w+\s+){0,2}(?:countries|states|delegations|governments|member\s+states|nations|members)\b[^.:]{0,60}?"
    r"|\b(?:countries|states|delegations|governments|signatories|co-?sponsors)(?:\s+\(\s*\d{1,3}\s*\))?\s*(?=:)"
    r"|\bjoined\s+by|\btogether\s+with|\balongside|\balong\s+with"
    r"|\bamong\s+(?:them|those|these|the\s+(?:\w+\s+)?(?:signatories|co-?sponsors|sponsors|supporters|backers|"
    r"countries|states|delegations))\b[^.:]{0,80}?\b(?:were|are|was|is)"
    r"|(?:^|[.;]\s+)(?:the|these|those)\s+(?:\d{1,3}|[a-z]+)(?:\s+(?:countries|states|nations|delegations|signatories))?"
    r"\s+(?:were|are|included|include)"
    r"|\b(?:list|group|letter|statement|text|initiative)\s+(?:included|includes|include)"
    r"|\b(?:countries|states|signatories|backers|supporters|critics)\s+(?:included|includes|include)"
    r"|\b(?:group|core\s+group|coalition|bloc)\s+of\s+(?:[\w-]+\s+){0,3}(?:countries|states|nations)\b[^.:;]{0,40}?"
    r"(?:\s[-–—]|:|\(|,\s*namely))"
    r"(?:\s*,?\s*(?:among\s+others|inter\s+alia|notably|in\s+particular)\s*,?)?\s*:?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# "delivering this statement on behalf of Canada, Denmark, ... and my own country, Australia"
_ON_BEHALF_LIST = re.compile(
    r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of)(?:\s+the\s+following\s+(?:\w+\s+)?(?:countries|states|delegations|"
    r"member\s+states|governments)\s*:?)?(?:\s+the)?\s*$",
    re.IGNORECASE,
)
_TO_INFINITIVE = re.compile(r"\s*,?\s*to\s+[a-z]+", re.IGNORECASE)
_JOINING = re.compile(r"\b(?:joined\s+by|together\s+with|alongside|along\s+with)\b", re.IGNORECASE)
_VOTE_IN_LEAD = re.compile(r"\bvot(?:ed|ing|e)\s+(?:in\s+favou?r|for|yes|against|no)\b|\babstain(?:ed|ing)?\b|\bvetoed\b|"
                           r"\b(?:countries|states|members|delegations|nations|votes?)\s+(?:in\s+favou?r|against)\b",
                           re.IGNORECASE)
# A list named as not doing what its sentence says: "absent from the list were ...", "did not sign: ..."
_NEGATED_LEAD = re.compile(
    r"\b(?:absent|not|never|except|excluding|without|neither|nor|declined|refused|withdr[a-z]+|missing|outside)\b",
    re.IGNORECASE,
)
# The parties to a pact sign it without taking a stance on anything: "the deal signed by A and B"
_PACT_BEFORE = re.compile(r"\b(?:agreements?|deals?|treaty|treaties|accords?|memorand(?:um|a)|pacts?|contracts?|"
                          r"ceasefire|truce|protocol|armistice)\b[^.;:,]{0,30}$", re.IGNORECASE)
# A verb right after a list says what the listed states did.
_TRAIL = re.compile(
    r"(?:\s*,)?\s*(?:\)\s*)?(?:\([^()]{0,40}\)\s*)?(?:(?:members?|both|all|each|which|who|as)\b[^,;.]{0,60},\s*)?"
    r"(?:(?:together|along)\s+with\s+[^.;:]{0,120}?,\s*)?"   # "..., together with Iceland and Norway, aligned"
    r"(?:,\s*)?(?:(?:have|has|had|also|all|each|both|then|later|"
    r"jointly|together|formally|officially)\s+)*"
    r"(?:(?:were|was|are|is)\s+among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:countries|states|nations|members|"
    r"delegations|governments|those|ones)\s+(?:that|who|which)\s+)?"   # "were among the five countries that voted against"
    r"(?P<verb>vot(?:ed|e)\s+(?:in\s+favou?r|for|yes)|vot(?:ed|e)\s+(?:against|no)|abstain(?:ed)?|vetoed|"
    r"align(?:ed)?\s+themselves|signed|co-?signed|co-?sponsored|sponsored|endorsed|joined|"
    r"were\s+among\s+the\s+(?:signatories|co-?sponsors)|are\s+among\s+the\s+(?:signatories|co-?sponsors)|"
    r"(?:were|was|are)\s+among\s+the\s+(?:\d+\s+)?(?:abstentions|abstainers))\b",
    re.IGNORECASE,
)
_RELATIVE_VOTE = re.compile(
    r"\s*,\s*(?:which|who)\s+(?:had\s+|has\s+|have\s+|also\s+)*"
    r"(?P<verb>vot(?:ed|e)\s+(?:in\s+favou?r|for|yes|against|no)|abstained|vetoed)\b",
    re.IGNORECASE,
)
_LIST_END = re.compile(r"[\s*†.,;]*")
_CLOSES = re.compile(r"[\s*†.,]*\)")
# States set beside a counted group: "35 countries abstained, including China", "four voted no - A, B and C".
_APPOSITION_LEAD = re.compile(
    r"(?:\b(?:including|among\s+them|such\s+as|namely|notably)|\s[-–—]|[^\W\d]:)\s*(?:the\s+)?$", re.IGNORECASE)
_JOINED_IN_VOTING = re.compile(
    r"[^.;]{0,80}?\bin\s+(?P<vote>voting\s+(?:no|against|yes|for|in\s+favou?r)|abstaining|vetoing)\b", re.IGNORECASE)
_STOP_BEFORE = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n")


@dataclass(frozen=True)
class StateList:
    """States named in one run, and what the run did: `vote` (with a side) or `sign`."""

    kind: str                 # "vote" | "sign"
    side: str                 # "for" | "against" | "abstain" | "" (sign)
    members: tuple[Mention, ...]
    start: int
    end: int
    label: str                # the words that gave the frame
    by: str = "lead"          # "lead": a label before the list; "trail": a verb after it


@dataclass(frozen=True)
class Motion:
    """A text being voted on or signed: `critical` of its target or `backing` it."""

    stance: str               # "critical" | "backing"
    target: Mention | None    # None: the description names no state ("deplores the repression of protesters")
    start: int
    cue_start: int = -1       # the description's own cue ("condemning"): the text's verb, not a speaker's


def _side(word: str) -> str:
    w = word.lower()
    if w.startswith(("in fav", "yes", "for")) or "favo" in w or w.endswith(("for", "yes")):
        return "for"
    if w.startswith(("against", "no")) or w.endswith(("against", "no", "vetoed")) or w == "vetoed":
        return "against"
    if w.startswith("abst"):
        return "abstain"
    return ""


def side_of_cue(cue_text: str) -> str:
    """The vote a cue casts: "voted against" -> against, "vetoed" -> against, "abstained" -> abstain."""
    w = " ".join(cue_text.lower().split())
    if w.startswith("veto"):
        return "against"
    if w.startswith(("block", "torpedo", "scupper", "derail")) and _TEXT_BLOCKED.search(w):
        return "against"   # "blocked a Security Council resolution", "torpedoed the EU statement": as a veto
    if w.startswith("abst"):
        return "abstain"
    if w.startswith("vot"):
        return "against" if (" against" in w or w.endswith(" no")) else "for"
    if w[:2] in ("sp", "ar", "ca", "lo") and _DEBATE_ON_TEXT.match(w):   # "spoke against the resolution": a side on the text
        return "against" if " against " in w else "for"
    return ""


_TEXT_BLOCKED = re.compile(r"\b(?:statement|declaration|resolution|text|draft|communiqu)")
_DEBATE_ON_TEXT = re.compile(r"(?:spoke|speaks|speaking|argued|argues|arguing|campaigned|lobbied)\s.*"
                             r"\b(?:it|them|resolutions?|drafts?|texts?|motions?)$")


def vote_stance(side: str, motion: Motion | None) -> str | None:
    """Stance toward the motion's target of a vote on it."""
    if motion is None or motion.target is None or not side:
        return None
    if side == "abstain":
        return "neutral"
    if motion.stance == "critical":
        return "oppose" if side == "for" else "support"
    return "support" if side == "for" else "oppose"


def _lead_text(text: str, sentence_start: int, first: int) -> str:
    """The words before a list: in its sentence, or, for a list that opens a paragraph, the label above it."""
    lo = max(0, first - 160)
    opens = _ITEM_MARK.fullmatch(text, sentence_start, first) is not None   # the list opens its sentence
    if not opens:
        lo = max(lo, sentence_start)
    lead = _ITEM_MARK_END.sub("", text[lo:first]).rstrip()
    cut = None
    for cut in _STOP_BEFORE.finditer(lead):
        pass
    if cut is not None and opens:
        lead = lead[cut.end():]
    return lead


_ITEM_MARK = re.compile(r"\s*(?:\d{1,3}[.)]|[•·*\-–—])?\s*(?:the\s+)?", re.IGNORECASE)
_ITEM_MARK_END = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)]|[•·*\-–—])\s*$")   # an item mark opening the list's line


_STATE_KINDS = ("name", "possessive")
_SINGLE_LEAD = re.compile(r"[:(]\s*(?:\d{1,3}[.)]\s*)?(?:the\s+)?$|^\s*$", re.IGNORECASE)


def _runs(text: str, mentions: list[Mention], start: int, end: int) -> list[list[Mention]]:
    """Maximal runs of states separated only by list separators (unknown names repaired)."""
    runs: list[list[Mention]] = []
    current: list[Mention] = []
    states = [m for m in mentions if m.iso3 and m.kind in _STATE_KINDS]
    for m in states:
        if current:
            gap_start, gap_end = current[-1].end, m.start
            gap = _SEPARATOR.match(text, gap_start, gap_end)
            if gap is not None and gap.end() == gap_end and "\n\n\n" not in text[gap_start:gap_end]:
                current.append(m)
                continue
            if gap_end - gap_start <= 120 and _TITLE.search(text, gap_start, gap_end) and \
                    _LEADER_SEPARATOR.fullmatch(text, gap_start, gap_end):
                current.append(m)   # "Serbia, President Sandu of Moldova": leaders listed with their states
                continue
            repaired = _repair_gap(text, gap_start, gap_end)
            if repaired is not None:
                current.extend(repaired)
                current.append(m)
                continue
            runs.append(current)
        current = [m]
    if current:
        tail_end = end
        while tail_end > current[-1].end and text[tail_end - 1] in " \t\n*†.,;":
            tail_end -= 1
        repaired = _repair_gap(text, current[-1].end, tail_end) if tail_end > current[-1].end else None
        if repaired is not None:   # a misspelled last item: "..., Venezuela, Kyrgyztan"
            current.extend(repaired)
        runs.append(current)
    return runs


_TIGHT_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?:the\s+)?", re.IGNORECASE)


def state_run(text: str, mentions: list[Mention], first: Mention, through_blocs: bool = False,
              stop: frozenset[int] | set[int] = frozenset()) -> list[Mention]:
    """`first` and the states listed right after it ("Madrid, Dublin and Oslo"), by commas and "and" only.

    `through_blocs`: a bloc inside the list is an item that is not returned ("on the US, the European Union,
    Australia and Norway"). `stop`: starts of mentions that end the list (a state opening its own clause)."""
    run, end = [first], first.end
    for m in mentions:
        if m.start < end or (m.iso3 and m.iso3 in {r.iso3 for r in run}):
            continue
        if m.start in stop or not (m.iso3 or (through_blocs and m.bloc)) or \
                not _TIGHT_SEPARATOR.fullmatch(text, end, m.start):
            break
        end = m.end
        if m.iso3:
            run.append(m)
    return run


_GAP_TOKEN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'’.-]*){0,3}")


def _repair_gap(text: str, lo: int, hi: int) -> list[Mention] | None:
    """Items between two listed states that the name index missed ("Congo", "Kazakstan"), else None."""
    if hi - lo > 60 or hi <= lo:
        return None
    found: list[Mention] = []
    pos = lo
    while pos < hi:
        sep = _SEPARATOR.match(text, pos, hi)
        if sep is not None and sep.end() > pos:
            pos = sep.end()
            continue
        token = _GAP_TOKEN.match(text, pos, hi)
        if token is None:
            return None
        iso3 = fuzzy_state(token.group())
        if iso3 is None:
            return None
        found.append(Mention(token.start(), token.end(), token.group(), iso3=iso3, kind="name"))
        pos = token.end()
    return found or None


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    """Names of states (6+ letters) and each with one letter deleted, for one-edit misspellings."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()

    def put(key: str, iso3: str) -> None:
        if index.get(key, iso3) != iso3:
            ambiguous.add(key)
        index[key] = iso3

    for iso3 in countries.state_codes():
        for name in {countries.country_name(iso3)}:
            key = name.casefold()
            if len(key) < 6:
                continue
            put(key, iso3)
            for i in range(len(key)):
                put(key[:i] + key[i + 1:], iso3)
    for key in ambiguous:
        index.pop(key, None)
    index["congo"] = "COG"   # in UN vote lists a bare "Congo" is the Republic of the Congo
    return index


def fuzzy_state(word: str) -> str | None:
    """The state a listed name means when it is one edit from a state's name ("Kazakstan")."""
    if len(word) > 60:
        return None
    key = " ".join(word.split()).casefold()
    index = _fuzzy_index()
    if key in index:
        return index[key]
    if len(key) < 6:
        return None
    for i in range(len(key)):
        hit = index.get(key[:i] + key[i + 1:])
        if hit is not None:
            return hit
    return None


_LINE_DECOR = re.compile(r"^[\s•·*\-–—]*(?:\d{1,3}[.)]\s*)?|[\s*†.,;]*$")


def is_state_line(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether a short line names one state and nothing else ("Albania", "3. Czechia*", "Congo")."""
    if end - start > 80:
        return False
    line = _LINE_DECOR.sub("", text[start:end])
    if not line:
        return False
    states = [m for m in mentions if m.iso3 and m.kind in _STATE_KINDS]
    if len(states) == 1:
        rest = _LINE_DECOR.sub("", (text[start:states[0].start] + " " + text[states[0].end:end]).strip())
        return not rest or _SEPARATOR.fullmatch(rest) is not None
    return not states and fuzzy_state(line) is not None


def find_lists(text: str, start: int, end: int, mentions: list[Mention]) -> list[StateList]:
    """Lists of states in text[start:end] with a label or verb saying what they did."""
    out: list[StateList] = []
    align = _ALIGN_ALL.search(text, start, end)
    if align is not None:
        # "The candidate countries A, B and C, the potential candidate D, and the EFTA countries E and F ...
        # align themselves with this declaration": every state named before the verb
        states = [m for m in mentions if m.iso3 and m.kind in _STATE_KINDS and m.start < align.start()]
        if len(states) >= 2:
            return [StateList("sign", "", tuple(states), states[0].start, states[-1].end, align.group(), "trail")]
    for run in _runs(text, mentions, start, end):
        first, last = run[0], run[-1]
        relative = _RELATIVE_VOTE.match(text, last.end, min(end, last.end + 60))
        if relative is not None:   # "Brazil, which voted in favour, said ..."
            verb = relative.group("verb")
            out.append(StateList("vote", side_of_cue(verb), tuple(run), first.start, last.end, verb, "trail"))
            continue
        trail = _TRAIL.match(text, last.end, min(end, last.end + 80))
        apposition = _APPOSITION_LEAD.search(text, max(start, first.start - 30), first.start)
        if apposition is not None and trail is None:
            voted = None
            for voted in _VOTE_IN_LEAD.finditer(text, max(start, apposition.start() - 150), apposition.start()):
                pass
            if voted is not None and not _STOP_BEFORE.search(text, voted.end(), apposition.start()):
                side = side_of_cue(voted.group()) or _side(voted.group().split()[-1])
                if side:   # "Only four countries joined Russia in voting against it - A, B, C and D"
                    out.append(StateList("vote", side, tuple(run), first.start, last.end, voted.group(), "lead"))
                    continue
        if len(run) == 1 and trail is None and not _SINGLE_LEAD.search(text, max(start, first.start - 40), first.start):
            continue   # one state alone is a list only after "Against (1):" or "one against ("
        lead = _lead_text(text, start, first.start)
        label = _VOTE_LABEL.search(lead)
        if label is not None and label.group().rstrip().endswith("(") and not _CLOSES.match(text, last.end, end):
            label = None   # "36 abstentions (Belarus cast the only vote against)": not a list of abstainers
        if label is not None:
            side = _side(label.group("side"))
            if side:   # "absent", "not voting": no stance
                out.append(StateList("vote", side, tuple(run), first.start, last.end, label.group().strip()))
            continue
        label = _BACKING_OF.search(lead)
        if label is not None and _CLOSES.match(text, last.end, end):
            out.append(StateList("vote", "for", tuple(run), first.start, last.end, label.group().strip()))
            continue
        label = _TALLY_AGAINST.search(lead)
        if label is not None:
            out.append(StateList("vote", "against", tuple(run), first.start, last.end, label.group().strip()))
            continue
        label = _VOTE_LEAD.search(lead)
        if label is not None:
            side = "abstain" if label.group("abst") else _side(label.group("side"))
            out.append(StateList("vote", side, tuple(run), first.start, last.end, label.group().strip()))
            continue
        if trail is not None:
            verb = " ".join(trail.group("verb").lower().split())
            if verb.startswith("join"):
                joined_vote = _JOINED_IN_VOTING.match(text, trail.end(), min(end, trail.end() + 120))
                if joined_vote is not None:   # "A and B joined the United States in voting no"
                    verb = joined_vote.group("vote")
            if "abstention" in verb or "abstainer" in verb:
                if len(run) >= 2:             # "... were among the abstentions"
                    out.append(StateList("vote", "abstain", tuple(run), first.start, last.end, verb, "trail"))
            elif verb.startswith(("vot", "abst", "veto")):
                bracketed = (text[max(start, first.start - 8):first.start].rstrip().endswith("(")
                             and trail.group().lstrip().startswith(")"))
                if len(run) >= 2 or apposition is not None or bracketed:   # one state voting is read by the
                    # sentence reader, unless it is set beside a counted group: "140 countries, including Serbia,
                    # voted in favour", "one (Russia) voted against"
                    out.append(StateList("vote", side_of_cue(verb), tuple(run), first.start, last.end, verb, "trail"))
            elif len(run) >= 2 or verb.startswith("align"):
                out.append(StateList("sign", "", tuple(run), first.start, last.end, verb, "trail"))
            continue
        if _JOINED_OBJECT.search(lead) and _IN_DOING.match(text, last.end, end):
            # "France and Belgium joined Canada, Australia and Portugal in announcing their recognition"
            out.append(StateList("sign", "", tuple(run), first.start, last.end, "joined"))
            continue
        behalf = _ON_BEHALF_LIST.search(lead) if len(run) >= 2 else None
        if behalf is not None:   # the states a joint statement is read for are its signatories
            out.append(StateList("sign", "", tuple(run), first.start, last.end, behalf.group().strip()))
            continue
        label = _SIGN_LEAD.search(lead)
        if label is not None and _NEGATED_LEAD.search(lead, max(0, label.start() - 60)):
            continue
        if label is not None and _PACT_BEFORE.search(lead, max(0, label.start() - 50), label.start()) and \
                label.group().lstrip().lower().startswith(("signed", "co-signed", "cosigned")):
            continue   # "the peace agreement signed by Armenia and Azerbaijan": the parties to a pact, not a statement's
        if label is not None and label.group().lstrip().lower().startswith("along") and \
                _TO_INFINITIVE.match(text, last.end, end):
            label = None   # "one of a few countries, along with A and B, to recognise ...": a description, no act
        if label is not None and _JOINING.search(label.group()):
            voted = None
            for voted in _VOTE_IN_LEAD.finditer(lead):
                pass
            if voted is not None:   # "A and B voted against, joined by C, D and E"
                side = side_of_cue(voted.group()) or _side(voted.group().split()[-1])
                out.append(StateList("vote", side or "for", tuple(run), first.start, last.end, label.group().strip()))
                continue
        if label is not None and (len(run) >= 2 or label.group().rstrip().endswith(":")):
            out.append(StateList("sign", "", tuple(run), first.start, last.end, label.group().strip()))
        elif label is None and len(run) >= 3 and (not lead or lead[-1] in ".!?") \
                and _ITEM_MARK.fullmatch(text, start, first.start) and _LIST_END.fullmatch(text, last.end, end):
            # a paragraph that is only a list of states, as under a joint statement: its signatories
            out.append(StateList("sign", "", tuple(run), first.start, last.end, ""))
    return out


_MOTION_NOUN = re.compile(
    r"\b(?:(?:draft\s+)?resolutions?|drafts?|texts?|motions?|measures?|joint\s+statements?|statements?|"
    r"(?:joint\s+)?letters?|declarations?|proposals?|communiqu[eé]s?|bills?)\b",
    re.IGNORECASE,
)
_ASSISTANCE_TO = re.compile(
    r"\s*(?:on|for|concerning|entitled\s+[\"“]?)\s*(?:(?:economic|humanitarian|international|special|emergency)\s+)*"
    r"(?:assistance|aid|support|solidarity|help|relief)\s+(?:to|with|for)\s+(?:the\s+)?", re.IGNORECASE)
_SITUATION = re.compile(
    r"\s*(?:(?:that|which)\s+(?:would\s+have\s+|would\s+|had\s+)?)?(?:on|about|regarding|concerning|addressing)\s+"
    r"(?:the\s+)?(?:(?:human\s+rights\s+|humanitarian\s+|security\s+|political\s+)?situation\s+(?:of\s+human\s+rights\s+)?"
    r"in|human\s+rights\s+(?:situation\s+)?in|(?:the\s+)?(?:human\s+rights\s+)?(?:abuses|violations|crimes)\s+(?:in|by)|"
    r"(?!behalf\b)(?:[^.;:,()]{0,100}?|[“\"][^”\"]{0,100}?)\b(?:in|of|about|on|against))\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_PREDICATE = re.compile(r"(?:\s*,[^,.;]{1,60},)?"   # "the draft, put forward by Britain, won ...": an apposition first
                        r"(?:\s+(?:was|is|were|are|had\s+been|has\s+been|seemed|looked)\s+(?:\w+\s+){0,2}?(?:of\s+)?[\"“‘']?"
                        # "the draft had won the backing of most members": support the text drew, not its content
                        r"|\s+(?:(?:had|has|have)\s+)?(?:won|wins|drew|draws|received|receives|gained|gains|secured|"
                        r"secures|got|gets|enjoyed|enjoys|attracted|attracts|garnered)\s+(?:the\s+)?(?:[\w-]+\s+)?)",
                        re.IGNORECASE)
_OWN_ACT = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:(?:its|their)\s+|(?:[\w-]+\s+)(?:it|they)\s+(?:had\s+|has\s+)?[a-z]+ed\b)",
    re.IGNORECASE,
)


def _own_act_agent(text: str, cue_end: int, end: int, noun_start: int, analysis: Analysis) -> Mention | None:
    """ "a resolution condemning its invasion", "the referendums it organised": the act's agent is the subject."""
    match = _OWN_ACT.match(text, cue_end, min(end, cue_end + 70))
    if match is None:
        return None
    j = bisect_left(analysis.starts, cue_end)
    if j < len(analysis.mentions) and analysis.mentions[j].start < match.end():
        return None   # a state is named before the pronoun: "condemning Russia's ... its"
    subject = next((m for m in analysis.actors if m.end <= noun_start and m.iso3), None)
    return subject


def _next_state(lo: int, hi: int, analysis: Analysis) -> Mention | None:
    """The first state named in text[lo:hi] ("calling for an election in Venezuela")."""
    j = bisect_left(analysis.starts, lo)
    while j < len(analysis.mentions) and analysis.mentions[j].start < hi:
        if analysis.mentions[j].iso3 and analysis.roles.get(j) != "member":
            return analysis.mentions[j]
        j += 1
    return None


_VERDICT_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|term(?:s|ed|ing)?|brand(?:s|ed|ing)?|"
                             r"dismiss(?:es|ed|ing)?)\s+(?:the|this|that|its)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def find_motion(text: str, start: int, end: int, analysis: Analysis) -> Motion | None:
    """The text being voted on, when the sentence describes it: "a resolution condemning X's ...".

    The description must follow the noun closely (within 80 characters, before the clause
    ends); a cue there gives the direction (condemning, deploring, calling on -> critical;
    welcoming, supporting -> backing) and the first state after it the target. "On the
    (human rights) situation in X" is critical of X.
    """
    for noun in _MOTION_NOUN.finditer(text, start, end):
        if _VERDICT_BEFORE.search(text, max(start, noun.start() - 40), noun.start()):
            continue   # "calling the resolution 'politically motivated'": a verdict on the text, not its content
        hi = min(end, noun.end() + 80)
        k = bisect_left(analysis.cue_starts, noun.end())
        while k < len(analysis.cues) and analysis.cues[k].start < hi and side_of_cue(analysis.cues[k].text):
            k += 1   # "a draft was vetoed by Russia which was aimed at condemning ...": the vote is not the text
        if k < len(analysis.cues) and analysis.cues[k].start < hi and not side_of_cue(analysis.cues[k].text) \
                and not analysis.cues[k].verdict \
                and not analysis.cues[k].text.lower().startswith("in favo"):
            cue = analysis.cues[k]
            between = text[noun.end():cue.start]
            if len(between) <= 50 and not re.search(r"[.;]|\b(?:said|says|after|before|when|while)\b", between) \
                    and not _PREDICATE.fullmatch(between):   # "the Russian text was unacceptable": said of it, not in it
                near = _next_state(cue.end, min(end, cue.end + 100), analysis)
                if near is not None and re.search(r"[,;:]", text[cue.end:near.start]):
                    near = None   # "condemns the crackdown in Nicaragua": the state within the cue's phrase
                far = analysis.target_between(text, cue.end, end) or _next_state(cue.end, min(end, cue.end + 150), analysis)
                if far is not None and far.start - cue.end > 100 and re.search(r"[,;:]", text[cue.end:far.start]):
                    far = None   # "calling for the release of hostages, ... and a recognition of Israel's right": another clause's
                if cue.stance in ("oppose", "concern") and near is None:
                    # "a resolution demanding a ceasefire in Gaza": the state whose conduct is at issue there,
                    # unless a state is named first ("... in Gaza by 14 votes, with the US abstaining" is no target)
                    place = _territory_at_issue(text, cue.end, min(end, cue.end + 100))
                    if place is not None and (far is None or place.start < far.start):
                        far = place
                target = _own_act_agent(text, cue.end, end, noun.start(), analysis) or near or far
                if cue.stance in ("support", "oppose", "concern") and (target is None or target.iso3):
                    # "a draft voicing concern at threats against Venezuela" backs Venezuela
                    stance = defended(text, cue, target, cue.stance)
                    return Motion("backing" if stance == "support" else "critical", target, noun.start(), cue.start)
        j = bisect_left(analysis.starts, noun.end())
        if j < len(analysis.mentions):
            m = analysis.mentions[j]
            if m.iso3 and m.start < min(end, noun.end() + 120) and _SITUATION.match(text[noun.end():m.start]):
                # UN titles run long: "on the situation of human rights of Rohingya Muslims and other minorities in"
                return Motion("critical", m, noun.start())
            if m.iso3 and m.start < hi and _ASSISTANCE_TO.fullmatch(text, noun.end(), m.start):
                return Motion("backing", m, noun.start())   # "a text on assistance to the Palestinian people"
        place = _territory_at_issue(text, noun.end(), hi)
        if place is not None and _SITUATION.match(text[noun.end():place.start]):
            return Motion("critical", place, noun.start())   # "a text on the human rights situation in Xinjiang"
    return None


def _territory_at_issue(text: str, lo: int, hi: int) -> Mention | None:
    """A territory named before the clause ends, as the state whose conduct is at issue there (`territories`)."""
    stop = _CLAUSE_STOP.search(text, lo, hi)
    return territory_at_issue(text, lo, stop.start() if stop else hi, statement=False)


_CLAUSE_STOP = re.compile(r"[.;:]|\b(?:said|says|while|but|after|before|when)\b")


_BODY_SUBJECT = re.compile(   # the UN body or the text itself as the subject of the cue that follows
    r"(?:\b(?:the|this)\s+(?:(?:UN|U\.N\.|United\s+Nations)\s+)?(?:General\s+Assembly|Assembly|"
    r"(?:Security\s+|Human\s+Rights\s+)?Council|(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee|Committee|"
    r"world\s+body|(?:draft\s+)?(?:resolution|text|draft|decision))|\bit)"
    r"\s+(?:would\s+(?:also\s+|further\s+)?|also\s+|further\s+|again\s+|then\s+|strongly\s+|today\s+|"
    r"(?:has|had|would\s+have)\s+)*(?:express(?:ed|es)?\s+(?:its\s+)?(?:[\w-]+\s+){0,2})?$",
    re.IGNORECASE)


def find_body_motion(text: str, start: int, end: int, analysis: Analysis) -> Motion | None:
    """A text described by what the body adopting it does: "the Assembly demanded that X halt ...", "the text
    would have the Council condemn X", "it condemned X's ...". A sentence with no state speaking whose cue's
    subject is the Assembly, a Council, a Committee or the text is the text's own stance toward its target."""
    if not analysis.cues or analysis.statements:
        return None
    cue = analysis.cues[0]
    if cue.stance not in ("support", "oppose", "concern") or side_of_cue(cue.text):
        return None
    if _BODY_SUBJECT.search(text, max(start, cue.start - 80), cue.start) is None:
        return None
    target = _next_state(cue.end, min(end, cue.end + 150), analysis)
    if target is None:
        return None
    return Motion("backing" if cue.stance == "support" else "critical", target, cue.start, cue.start)


_SUBMITS = re.compile(
    r"\s+(?:has\s+|had\s+|on\s+\w+\s+)?(?:submitted|tabled|introduced|proposed|drafted|put\s+forward|presented|"
    r"circulated)\s+(?:a|an|its|their)\s+(?:own\s+|new\s+|rival\s+|revised\s+)?(?:draft\s+)?(?:resolution|draft|text)s?\b",
    re.IGNORECASE)
_SPONSORED_NOUN = re.compile(r"(?:[’']s|-(?:drafted|sponsored|proposed|backed|led))\s+(?:own\s+|rival\s+)?(?:draft\s+)?"
                             r"(?:resolution|draft|text)s?\b", re.IGNORECASE)


_SPONSOR_ACT = re.compile(
    r"(?:\s*,\s*(?:which|who)\b[^,;.]{0,80},|\s*,\s*(?:the|a|an|one|itself)\s[^,;.]{0,60},|\s*,)?"
    r"\s+(?:(?:has|had|have|also|jointly|formally|then)\s+)*"
    rf"(?:{words('sponsor_verb')}|{words('sponsor_participle')}|penned)\s+"
    rf"(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{words('voted_text')}|proposal)s?\b",
    re.IGNORECASE)


_JOINED_BY = re.compile(r"\s*,\s*(?:who\s+was\s+|which\s+was\s+)?joined\s+by\s+(?:the\s+)?", re.IGNORECASE)


_SPONSORED_BY = re.compile(
    rf"\b{words('sponsor_verb')}\s+"
    r"(?:jointly\s+)?by\s+(?:the\s+)?(?:(?:representatives?|delegations?|delegates?|ambassadors?)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:more\s+than|over|some|nearly|almost|about|around|at\s+least)\s+)?$",
    re.IGNORECASE)


_EXPLAINED_VOTE = re.compile(
    r"[\"“]?(?:Explaining|In\s+explanation\s+of|Speaking\s+in\s+explanation\s+of)\s+(?:her|his|its|their|the)\s+"
    r"(?:(?:delegation|country|government)[’']s\s+)?(?:(?P<abst>abstention|decision\s+to\s+abstain)|"
    r"(?:vote|decision\s+to\s+vote)\s+(?P<side>in\s+favou?r|for|against))\b[^,]{0,60},\s*", re.IGNORECASE)


def explained_vote(text: str, start: int, end: int, analysis: Analysis) -> tuple[Mention, str] | None:
    """ "Explaining her delegation's vote in favour, the representative of Japan said ...": the state named
    right after the opening clause cast that vote (for | against | abstain)."""
    if "xplain" not in text[start:start + 40] and "xplanation" not in text[start:start + 50]:
        return None
    match = _EXPLAINED_VOTE.match(text, start, end)
    if match is None:
        return None
    first = _next_state(match.end(), min(end, match.end() + 60), analysis)
    if first is None:
        return None
    side = "abstain" if match.group("abst") else ("against" if "against" in match.group("side").lower() else "for")
    return first, side


VOTED_TEXT_NOUN = re.compile(rf"\b{words('voted_text')}s?\b", re.IGNORECASE)


def sponsored_by_before(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] ends with a sponsor's passive ("introduced by the representative of", "co-sponsored by")."""
    return _SPONSORED_BY.search(text, lo, hi) is not None


def sponsor_act_end(text: str, offset: int, end: int) -> int | None:
    """Where the sponsoring verb phrase right after a state ends ("..., the only Arab member, had introduced
    the text"), else None."""
    act = _SPONSOR_ACT.match(text, offset, end)
    return act.end() if act is not None else None


def find_sponsor_acts(text: str, start: int, end: int, analysis: Analysis) -> list[Mention]:
    """States that present or co-sponsor the text already described ("Argentina presented the text",
    "Canada, which is not a member, co-sponsored the draft", "Britain and France tabled the resolution"):
    a text's sponsors vote for it. Each listed state before the verb is one."""
    found: list[Mention] = []
    mentions = analysis.mentions
    for j, m in enumerate(mentions):
        if not m.iso3 or m.kind == "demonym":
            continue
        passive = _SPONSORED_BY.search(text, max(start, m.start - 80), m.start) \
            if "by" in text[max(start, m.start - 40):m.start] else None
        if passive is not None and VOTED_TEXT_NOUN.search(text, max(start, passive.start() - 160), passive.start()):
            # "a draft ..., introduced by the representative of Canada", "tabled by Britain and France"
            after = [x for x in mentions[j:] if x.iso3]
            found.extend(x for x in state_run(text, after, m) if x not in found)
            continue
        if analysis.roles.get(j) not in ("holder", "target"):
            continue
        act = _SPONSOR_ACT.match(text, m.end, end)
        if act is None:
            continue
        run, k = [m], j
        while k > 0 and mentions[k - 1].iso3 and _TIGHT_SEPARATOR.fullmatch(text, mentions[k - 1].end, mentions[k].start):
            k -= 1
            run.insert(0, mentions[k])
        joined = _JOINED_BY.match(text, act.end(), end)   # "presented the text, joined by Colombia"
        if joined is not None:
            after = [x for x in mentions[j + 1:] if x.start >= joined.end()]
            if after and after[0].start == joined.end() and after[0].iso3:
                run += state_run(text, after, after[0])
        found.extend(x for x in run if x not in found)
    return found


def find_sponsored_motion(text: str, start: int, end: int, analysis: Analysis) -> Motion | None:
    """A text the article describes only by its sponsor ("Russia submitted a resolution", "a Russian-drafted
    text", "China's draft"): voting for it backs the sponsor."""
    for m in analysis.mentions:
        if not m.iso3:
            continue
        found = _SUBMITS.match(text, m.end, end) if m.kind in ("name", "capital") else None
        if found is None and m.kind in ("possessive", "demonym"):
            found = _SPONSORED_NOUN.match(text, m.end - 2 if m.kind == "possessive" else m.end, end)
        if found is not None:
            return Motion("backing", m, m.start)
    return None
