"""One document (an article inside a file) to rows of events, positions and claims.

The sentence reader (`positions.analyse`) says who takes which stance toward whom in a
sentence; this module puts sentences in their document: the date each one speaks of (its own,
its list item's, or the running context), the headline stance that quoted speakers inherit,
pronoun subjects, and the expansion of blocs and known joint letters into their members.

A bloc's stance implies one `member_of_group` row per member on the roster of the date; those
rows are about three quarters of all positions. They are deduped here one by one as any
position (`_expand_bloc`), but carried as one `tables.MemberRows` record per expansion (the
shared cells once, the members' codes and sources as tuples, the first position id number),
which `tables.build` expands columnar: no dict per member row, a smaller pickle between
processes, and the same table as before.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Iterator

from . import blocs, countries, letters, people
from .composition import compose
from .claims import CountClaim, find_claims, find_tallies
from .dates import CONTEXT_DAYS, DatedDocument, SentenceDates, When, heading_for  # noqa: F401 (re-exported)
from .frames import VOTED_TEXT_NOUN, Motion, StateList, explained_vote, find_body_motion, sponsored_by_before, find_lists, find_motion, find_sponsor_acts, find_sponsored_motion, is_state_line, side_of_cue, sponsor_act_end, state_run, vote_stance
from .rules.vocabulary import words
from .positions import (_ADJECTIVAL, BLOC_BY_KIND, NAMED_NEXT, TERROR_ACT, Analysis, Cue, Mention, Statement, analyse, artefact_object, compose_cues, find_cues, same_act, text_subject,
                        verdict_text)
from .sentences import split_sentences
from .tables import MemberRows, PositionRows
from .topics import topic_of

MIN_WORDS = 4              # shorter paragraphs are headers, headings or navigation
_WORD = re.compile(r"[A-Za-z]{2,}")
_VERB = re.compile(
    r"\b(?:said|says|met|held|signed|announced|established|adopted|passed|visited|sent|"
    r"joined|concluded|organi[sz]ed|received|issued|published|presented|[a-z]{3,}ed)\b"
)
# the object right after the cue, also a noun the list stands in apposition to ("accused its main sponsors - A, B
# and C - of ...", "praised the co-sponsors, A, B and C,")
_DIRECT_OBJECT = re.compile(r"\s*(?:(?:its|their|the|his|her)\s+(?:[\w'’-]+\s+){0,2}?[\w-]+s\s*(?:,|[-–—])\s*"
                            r"|(?:(?:its|their|the|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:(?:from|against|to|in|with)\s+)?"
                            r"(?:the\s+)?)", re.IGNORECASE)
_BODY_OUTCOME = re.compile(r"\s+(?:(?:by|with|at|over|about|in)\s+)?(?:the|this|that|today's|its)\s+(?:[\w-]+\s+)?(?:decision|vote|outcome|adoption|result)\b",
                           re.IGNORECASE)
_MOTION_OBJECT = re.compile(r"\s+(?:(?:for|of|on|to)\s+)?(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?"
                            rf"(?:{words('voted_text')}|{words('inquiry')})\b", re.IGNORECASE)
_BLOC_ANAPHOR = re.compile(
    r"(?:(?:On|In|Later|Earlier|Meanwhile|Separately|Also)\b[^,.;]{0,90},\s+)?[\"“‘']?(?:(?:The|the)\s+"
    r"(?:group|bloc|grouping|movement|alliance|union|organi[sz]ation)\b|" + BLOC_BY_KIND + ")")
_UNNAMED_STATES_OBJECT = re.compile(
    r"\s+(?:(?:on|to|against|with|of)\s+)?[\"“‘]?(?:the\s+)?(?:(?:certain|some|other|several|western|european|unnamed|those|"
    r"these|a\s+few|a\s+handful\s+of|a\s+number\s+of)\s+)+(?:members|countries|states|nations|governments|powers|"
    r"delegations|sponsors|capitals)\b|\s+the\s+(?:West|sponsors|co-sponsors)\b"
    r"|\s+(?:upon\s+|on\s+)?(?:the\s+)?(?:international\s+community|world\s+community|all\s+(?:states|countries|nations))\b(?!\s+(?:in|of)\b)",
    re.IGNORECASE)
# "urged both sides to show restraint": the two parties of the story (see `_both_sides`)
_BOTH_SIDES = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?\s+to|"
    r"encourag(?:e|es|ed|ing)|told|tells|invit(?:e|es|ed|ing))\s+"
    r"(?:both\s+(?:sides|countries|parties|nations|governments|neighbou?rs|capitals)|"
    r"the\s+two\s+(?:sides|countries|parties|nations|governments|neighbou?rs|capitals|states))\b", re.IGNORECASE)
_MEDIA_OBJECT = re.compile(
    r"\s+(?:the|this|that|these|a|an)\s+(?:[\w-]+\s+){0,2}?(?:article|articles|story|stories|op-ed|editorial|coverage|piece|"
    r"documentary|broadcast|report|reports|reporting)\b[^.;]{0,40}?\b(?:(?:published|aired|broadcast|carried|run)\s+(?:by|in|on)|"
    r"(?:in|by)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*\s+(?:newspaper|magazine|daily|weekly|website|channel|outlet))\b", re.IGNORECASE)
_TERROR_OBJECT = re.compile(
    r"\s+(?:the|this|that|these|those|a|an|yesterday's|today's|[A-Z]\w+'s)?\s*(?:[\w-]+\s+){0,2}?"
    rf"{TERROR_ACT}\b")
# "condemned the Houthi attacks", "denounced Hamas": an armed group's acts, no state's
_ARMED_GROUP_OBJECT = re.compile(
    r"\s+(?:the\s+|this\s+|these\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?-i:" + words("armed_group") + r")(?:[’']s)?\b")
_APPLICATION_OBJECT = re.compile(r"\s+(?:the|its|their|this|that)\s+(?:[\w-]+\s+)?(?:bid|application|candidacy|request)\b",
                                 re.IGNORECASE)
_SUSPENDED_PASSIVE = re.compile(r"suspended$", re.IGNORECASE)
_BY_THE_SEVERAL = re.compile(
    r"\s+(?:the|this|that|their)\s+(?:[\w-]+\s+)?(?:decision|move|step|recognition|announcement|expulsions?|plan)s?\s+"
    r"(?:by|of)\s+(?:the|all|these|those)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:governments|countries|states|nations|capitals)\b", re.IGNORECASE)
_ALLEGATIONS = re.compile(r"\s+(?:the|these|such|those|all)\s+(?:[\w-]+\s+){0,2}?(?:allegations?|accusations?|claims?|charges?|"
                          r"remarks|comments|assertions?|reports?)\b", re.IGNORECASE)
_TWO_SIDES = re.compile(r"[\"“]?(?:(?:On|In)\b[^,.;]{0,40},\s+)?(?:The\s+two|Both)\s+(?:sides|countries|governments|leaders|"
                        r"nations|presidents|ministers|foreign\s+ministers)\b")
_CASE_NOUNS = words("court_case")
_CASE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_CASE_NOUNS}\s+(?:against|before|at)\b", re.IGNORECASE)
_CASE_BY_BEFORE = re.compile(rf"\b{_CASE_NOUNS}\s+(?:[\w-]+\s+){{0,3}}?(?:brought|filed|lodged|instituted)\s+by\s+(?:the\s+)?$",
                             re.IGNORECASE)
_CASE_OBJECT = re.compile(rf"\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_CASE_NOUNS}|proceedings)\b",
                          re.IGNORECASE)
_JUNTA_NOUNS = words("junta")
_JUNTA_AFTER = re.compile(rf"(?:[’']s)?\s+(?:new\s+|ruling\s+)?{_JUNTA_NOUNS}\b", re.IGNORECASE)
_JUNTA_OBJECT = re.compile(rf"\s+(?:on\s+|upon\s+|to\s+|with\s+)?the\s+(?:ruling\s+|new\s+)?{_JUNTA_NOUNS}\b", re.IGNORECASE)
_TWO_BLOCS = re.compile(r"[\"“]?(?:(?:On|In)\b[^,.;]{0,40},\s+)?(?:The\s+two|Both)\s+(?:organi[sz]ations|blocs|groupings|"
                        r"groups|bodies|alliances|unions)\b")
_DISASTER = re.compile(r"\b(?:earthquakes?|floods?|flooding|storms?|cyclones?|hurricanes?|typhoons?|wildfires?|"
                       r"landslides?|tsunami|natural\s+disasters?|loss\s+of\s+li(?:fe|ves))\b", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|in)\s+(?:the\s+)?$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+(?:the\s+)?", re.IGNORECASE)
_OWNER_HEAD = re.compile(
    r"\b(?:(?:Government|Embassy|High\s+Commission|Permanent\s+Mission|Mission|Consulate(?:-General|\s+General)?|"
    r"Presidency|Office\s+of\s+the\s+President|Permanent\s+Representative|Delegation)\s+of"
    # a statement page's head: "Joint statement by the Kingdom of Saudi Arabia on behalf of a group of countries"
    r"|(?:Joint\s+)?Statement\s+(?:delivered\s+|made\s+|read\s+(?:out\s+)?)?(?:by|of)"
    r"|(?:Ministry\s+of\s+(?:Foreign|External)\s+Affairs|Foreign\s+Ministry)(?:\s+of)?)\s+"
    r"(?:the\s+)?", re.IGNORECASE)
# "We call on the Government of Nicaragua to ...", "in a letter to the Embassy of Israel": an office addressed
# in a sentence, not the page's head naming whose page it is
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:on|upon|to|with|against|from|urges?|urged|urging|asks?|asked|press(?:es|ed)?|demands?|demanded|told|tells)"
    r"\s+(?:the\s+)?$", re.IGNORECASE)
_SPOKESPERSON_LABEL = re.compile(
    r"(?m)^[ \t]*(?:(?:Embassy|Mission|Consulate|Ministry|Foreign\s+Ministry|MFA|Chinese|Russian)\s+)?"
    r"Spokes(?:person|man|woman)(?:\s+(?-i:[A-Z])[\w-]+){0,3}[ \t]*:", re.IGNORECASE)
_DEMONYM_OFFICE = re.compile(
    r"\b(?-i:[A-Z])[\w'’-]+(?:[’']s)?\s+(?:Embassy|Mission|Consulate(?:-General)?|Foreign\s+Ministry|"
    r"Ministry\s+of\s+(?:Foreign|External)\s+Affairs)\b")
_OFFICE_SPOKESPERSON_HEAD = re.compile(
    r"\b(?-i:[A-Z])[\w'’-]+(?:[’']s)?\s+(?:Embassy|Mission|Consulate(?:-General)?|Foreign\s+Ministry|MFA)\s+"
    r"Spokes(?:person|man|woman)\b", re.IGNORECASE)
_OFFICE_SUBJECT = re.compile(
    # "2024-03-11 Minister welcomes ..." on an index of the ministry's own releases: a leading date, no article
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s+|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[-–—:]?\s*)?"
    r"[\"“‘']?(?:On\b[^,.;]{0,40},\s*)?(?:the\s+|(?=(?-i:[A-Z])))(?:(?:foreign|deputy|vice)\s+)?(?:ministry|minister|government|"
    r"embassy|mission|spokesperson|spokesman|spokeswoman)\b", re.IGNORECASE)
_STATE_OVER_OFFICE = re.compile(r"(?m)^[ \t]*(?P<state>[^\n|]{3,60}?)[ \t]*\n[ \t]*(?:\n[ \t]*)?"
                                r"(?i:ministry|embassy|permanent\s+mission|mission|government|consulate)\b")
_QUESTION_LABEL = re.compile(r"[ \t]*(?:Q|Question|Questioner|Journalist|Reporter)\b[^:：\n]{0,40}[:：]")
_ANSWER_OPENING = re.compile(r"(?m)^[ \t]*(?:A|Answer|Reply)[ \t]*[:：][ \t]*(?:(?:We\s+have\s+noted|As\s+I\s+said)[^.]*\.\s*)?(?:the\s+)?")
_OUR_NEXT_VERB = re.compile(r"(?:,\s*|\s)(?:and|but|while)\s+(?:we\s+|also\s+|would\s+|will\s+|further\s+)*$", re.IGNORECASE)
_COLLECTIVE_NOUNS = frozenset({"ministers", "leaders"})
_RETALIATION = re.compile(r"(?:recall|expel|summon|sever|cut|downgrad|suspend|sanction|impos)", re.IGNORECASE)
_SMALL_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_COUNTED_STATES = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:from|to|in|with|of|against|on)\s+(?:the\s+)?"
                             r"(?P<n>two|both|three|four|five)\s+(?:[\w-]+\s+)?(?:capitals|countries|states|governments|nations)\b",
                             re.IGNORECASE)
_LATER_CLAUSE = re.compile(r"\b(?:after|when|as|because|since|before|while|where|until|once)\b(?![^,]*,\s*$)", re.IGNORECASE)
_OWN_VERB_NEXT = re.compile(r"(?:\s*,[^,;]{0,80},)?\s+(?:(?:also|further|strongly|firmly|again|has|have|had)\s+)*")
_TEXT_NOUNS = frozenset({"statement", "declaration", "communique", "communiqué", "letter"})
_OFFICIAL_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "president", "embassy",
                             "ministry", "government", "delegation", "mission"})
_REPORTING = r"(?:said|says|told|tells|added|stated|argued|noted|insisted|warned|claimed|accused)"   # a report of speech
# "It is also called for ...", "They were condemned ...": the anaphoric subject undergoes the act, it does not do it
_PASSIVE_AFTER = re.compile(r"\s+(?:is|was|are|were|(?:has|have|had)\s+been)\s+(?:(?:\w+ly|also|further|again)\s+)?",
                            re.IGNORECASE)
_REPORTED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?" + _REPORTING + r"\b",
                             re.IGNORECASE)
_BODY_NOUNS = frozenset({"council", "bloc", "group", "grouping", "alliance", "union", "organisation", "organization"})
_ANAPHOR_AT = re.compile(
    r"(?:(?:On|In|By|Last|Earlier|Later|Meanwhile|Separately|Then|Also|Since|After|Before|Within)\b[^,.;\"“]{0,90}?,\s+)?"
    r"[\"“‘']?(?P<a>(?-i:He|She|It|They|he|she|it|they)|(?-i:The|the|Its|its|Their|their)\s+(?:foreign\s+)?(?P<noun>"
    r"ministers|ministry|spokesperson|spokesman|spokeswoman|government|embassy|ambassador|envoy|delegation|mission|"
    r"president|leaders|council|bloc|group|grouping|alliance|union|organisation|organization|"
    r"statement|declaration|communiqu[eé]|letter))\b"
    r"(?!\s+(?:of|for|in)\b)")
_SPEAKER_LABEL = re.compile(r"((?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3}):\s")
_WE_APPOSITION = re.compile(r"[\"“]?We\s*,\s+the\s+")   # "We, the Heads of State and Government of ...,"
# where "We, the ... of A, B and C," ends: a comma before the verb ("..., met in", "..., strongly condemn")
_APPOSITION_END = re.compile(r",\s+(?!(?:and|the|as|including|together|along)\b)(?-i:[a-z])")
_WE_OPENING = re.compile(r"[\"“]?((?-i:We|Our))\s+(?!,)")
_FIRST_PERSON = re.compile(r"(?:[A-Z][^:\n]{0,60}:\s*)?[\"“‘]?(?:We|Our|Ours)\b")
_OWN_VOTE_AFTER = re.compile(r"(?:[’']s)?\s+(?:veto|vetoes|vote|votes|abstention|draft|resolution|motion|text|bid)\b",
                             re.IGNORECASE)   # "Russian veto ends ...": the voter, not the text's subject
_SAID_AFTER = re.compile(r"[’']?s?\s*(?:said|says|told|added|stated|warned|insisted)\b", re.IGNORECASE)
_SWITCH = re.compile(r"(?:switch|shift|transfer)", re.IGNORECASE)
_TO_NEXT = re.compile(r"\s+to\s+(?:the\s+)?")
_ATTRIBUTIVE_TEXT = re.compile(r"(?:-(?:drafted|sponsored|proposed|led|backed))?\s+(?:draft|text|resolution)\b",
                               re.IGNORECASE)   # "the US draft", "the U.S.-drafted text": the sponsor's text
_FAIL_HINT = re.compile(r"fail|reject|defeat|did not pass|fell short|voted down", re.IGNORECASE)   # cheap gate
_TEXT_FAILED = re.compile(
    r"\b(?:failed\s+to\s+(?:adopt|pass|win|secure|garner|get|muster)|(?:was|were)\s+(?:rejected|defeated|voted\s+down)|"
    r"rejected\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:draft|text|resolution|motion)|did\s+not\s+pass|"
    r"(?:draft|text|resolution|motion|it)\s+failed\b|fell\s+short\s+of)", re.IGNORECASE)
# the object of a cue is an entity named that is no state: "relations with the self-proclaimed republic"
_ENTITY_OBJECT = re.compile(r"\s+(?:(?:with|of|from)\s+(?:the\s+)?(?:self-proclaimed\s+|self-declared\s+|so-called\s+)?"
                            r"(?-i:[A-Z])|(?:(?:with|of|from|to)\s+)?(?:the\s+)?(?:self-proclaimed|self-declared|so-called|"
                            r"breakaway)\b)", re.IGNORECASE)
_OTHER_TEXT = re.compile(r"\b(?:separate|rival|competing|alternative|another|second|different|its\s+own)\s+"
                         r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_VOTED_TEXT = re.compile(r"\b(?:the|this|that)\s+(?:draft\s+)?(?:text|draft|resolution)\b", re.IGNORECASE)
_ASKED_ABOUT = re.compile(
    r"\b(?:when|after\s+being|after\s+he\s+was|after\s+she\s+was|while)?\s*(?:asked|questioned)\s+"
    r"(?:to\s+comment\s+on|about|on|for\s+(?:a\s+)?(?:comment|response|reaction)\s+(?:on|to))\s+", re.IGNORECASE)
_LOCATIVE_AFTER_ASKED = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)   # "made ... in Munich, Germany": a place
_INCLUDED = re.compile(r"[^.;:]{0,30}?,?\s*\b(?:including|among\s+them|such\s+as|notably|led\s+by)\s+(?:the\s+)?",
                       re.IGNORECASE)
_GROUP_INCLUDING = re.compile(
    r"\b(?:on\s+behalf\s+of|speaking\s+for|for)\s+(?:(?:a\s+(?:core\s+|cross-regional\s+)?group\s+of|several|some|many|other)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:countries|states|nations|delegations)\s*,?\s*(?:including|among\s+them|such\s+as)"
    r"|the\s+(?:core\s+)?group\s+of)\s+(?:the\s+)?",   # "on behalf of the Core Group of Canada, Germany and ..."
    re.IGNORECASE)
_THE_DECISION = re.compile(r"\s+(?:the|this|that|their)\s+(?:[\w-]+\s+)?(?:decision|move|step|recognition|announcement|"
                           r"expulsions?|plan)\b", re.IGNORECASE)
_VOTE_WORD = re.compile(r"\bvot|\babstain|\bveto", re.IGNORECASE)
_WOULD_AFTER = re.compile(r"\s+(?:also\s+)?would\b", re.IGNORECASE)
_DREW_BACKING = re.compile(r"\b(?:won|wins|drew|draws|received|receives|gained|gains|secured|secures|got|gets|"
                           r"attracted|attracts|garnered|garners|had|has)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_SPONSORS = re.compile(rf"\b(?:{words('sponsor_verb')}|sponsors?|co-?sponsors?|penholders?|core\s+group)\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\b(?:among|them|those|these|the\s+\d+|the\s+[a-z]+\s+(?:were|are)|signatories\s+of)\b",
                             re.IGNORECASE)
# Who a statement page speaks for: its head ("Statement by Palau on behalf of ...") or its first-person
# opening ("I have the honour to deliver this statement on behalf of 66 countries").
_SPEAKS_FOR_HEAD = re.compile(
    r"(?:\b(?:Joint\s+)?Statement\s+(?:delivered\s+|made\s+|read\s+(?:out\s+)?)?(?:by|of)\s[^\n.]{0,80}?"
    r"|\b(?:I|We)\s+(?:have\s+the\s+hono(?:u)?r|am\s+(?:pleased|honou?red|delighted|privileged)|speak|deliver|make|read)"
    r"\b[^.\n]{0,80}?)\bon\s+behalf\s+of\s+(?:the\s+)?", re.IGNORECASE)
_GROUP_OF_STATES = re.compile(
    r"(?:a\s+(?:[\w-]+\s+)?group\s+of\s+(?:[\w-]+\s+)?|[\w-]+\s+)(?:countries|states|member\s+states|delegations|nations)\b",
    re.IGNORECASE)
_JUDGED_EVENT_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their|his|her|sunday's|saturday's|the\s+latest)\s+(?:[\w-]+\s+){0,2}?(?:election|elections|vote|"
    r"poll|polls|referendum|ballot|run-?off|re-?election)\s+(?:was|were|is|are|had\s+been|has\s+been|had\s+not\s+been|"
    r"was\s+not|were\s+not)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+by\s+(?:the|an?|its|their|his|her)\b", re.IGNORECASE)
_NO_OBJECT = re.compile(r"\s*(?:[,.;)]|and\b|$)")   # a verb with nothing after it: "with Israel opposed, and"
# "..., with only the United States and Israel opposed": the states of an absolute clause, right before its verb
_WITH_LIST_BEFORE = re.compile(r"\bwith\s+(?:only\s+)?(?:the\s+)?(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*"
                               r"(?:\s*,\s*|\s*,?\s+and\s+)?(?:the\s+)?){1,6}\s*$", re.IGNORECASE)
_REPORTED_BETWEEN = re.compile(r"\b" + _REPORTING + r"\b", re.IGNORECASE)
_VETO_OBJECT = re.compile(
    r"\s+(?:of\s+|at\s+|over\s+|to\s+)?(?:the|this|that|its|their|these|those)\s+(?:(?:double|second|latest|third|fourth)\s+)?"
    r"(?:vetoe?s?\b|(?:decision|move|moves)\s+to\s+(?:veto|block)\b)"
    # "disgusted that two council members had prevented the council from acting": the vetoers, unnamed
    r"|\s*[\"”]?\s*(?:that|how)\s+(?:the\s+)?(?:two|both|those|these|the)\s+(?:[\w-]+\s+){0,2}?(?:members|countries|"
    r"powers|states|nations)\s+(?:had\s+|have\s+|has\s+)?(?:prevented|blocked|vetoed|stopped|thwarted|killed)\b",
    re.IGNORECASE)
_VETO_SUBJECT = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:double|second|latest)\s+)?vetoe?s?\s+(?:(?:was|were|is|are|had\s+been|amounted\s+to)\s+"
    r"(?:a\s+|an\s+)?[\"“]?|(?:as\s+)?(?:a|an)\s+[\"“]?)?$", re.IGNORECASE)   # also "called the veto a shameful day"
# a count of states that sent word, with no cue of its own ("leaders of more than 30 countries had sent messages")
_MESSAGE_AFTER = re.compile(
    r"\s+(?:(?:had|have|has|also|all|already|quickly)\s+)*(?:sent|send|wrote|written|phoned|telephoned|called)\b"
    r"(?!\s+(?:for|on|upon)\b)", re.IGNORECASE)
_ON_BEHALF_BEFORE = re.compile(
    r"(?:on\s+behalf\s+of|in\s+the\s+name\s+of|(?:speaking|spoke|speaks)\s+for|representing)\s+(?:the\s+|a\s+group\s+of\s+)?$",
    re.IGNORECASE)


@dataclass
class Rows:
    """One document's rows; positions as dicts and bloc-member records (see the module docstring)."""

    events: list[dict] = field(default_factory=list)
    positions: PositionRows = field(default_factory=PositionRows)
    claims: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Headline:
    stance: str
    target: Mention | None
    topic: str
    vote: bool = False   # read from a vote or veto, or two sides in one title: a story of taking sides, not of backing


def _outside_state_names(found: list[Mention], states: list) -> list[Mention]:
    """Blocs not inside a state's longer name ("the Commonwealth of Australia" is no Commonwealth). Both
    lists are in text order; one pass keeps the furthest end of the state names started so far."""
    kept, k, furthest = [], 0, -1
    for b in found:
        while k < len(states) and states[k].start <= b.start:
            furthest = max(furthest, states[k].end)
            k += 1
        if furthest <= b.end:
            kept.append(b)
    return kept


def _mentions(text: str, start: int, end: int) -> list[Mention]:
    """States and blocs named in text[start:end]; a bloc name hides the state names inside it."""
    states = countries.find_countries(text, start, end)
    found = [Mention(b.start, b.end, b.text, bloc=b.bloc_id, kind="bloc") for b in blocs.find_blocs(text, start, end)]
    if found and states:
        found = _outside_state_names(found, states)
    bloc_starts = [b.start for b in found]
    for c in states:
        k = bisect_left(bloc_starts, c.end) - 1   # the last bloc starting before this name ends
        if k >= 0 and found[k].end > c.start:
            continue  # a state's name inside a bloc's name ("Organization of American States")
        found.append(Mention(c.start, c.end, c.text, iso3=c.iso3, kind=c.kind))
    taken = sorted((m.start, m.end) for m in found)
    taken_starts = [a for a, _ in taken]
    for p in people.find_people(text, start, end):
        k = bisect_left(taken_starts, p.end) - 1
        if k >= 0 and taken[k][1] > p.start:
            continue   # overlaps a state's or bloc's name
        found.append(Mention(p.start, p.end, p.text, iso3=p.iso3, kind="person"))
    found.sort(key=lambda m: m.start)
    return found


_IT_OBJECT = re.compile(r"\s+it\b(?!\s+(?:is|was|would|will|had|has)\b)", re.IGNORECASE)


def _untargeted_text(motion: Motion | None) -> bool:
    """A text the article described that is aimed at no state (see `_OTHER_TEXT`)."""
    return motion is not None and motion.target is None and motion.start >= 0


def _claim_row(base: dict, claim: CountClaim, stance: str, toward: str) -> dict:
    """A claims-table row: the sentence's base fields and the count's."""
    base.update({"count": claim.count, "qualifier": claim.qualifier, "count_low": claim.count_low,
                 "count_high": claim.count_high, "subject": claim.subject, "stance": stance,
                 "toward_iso3": toward, "group": ""})
    return base


def _name(mention: Mention | None) -> str:
    if mention is None:
        return ""
    return blocs.bloc_name(mention.bloc) if mention.bloc else countries.country_name(mention.iso3)


class DocumentExtractor:
    """Walks one document's sentences in order and collects its rows."""

    def __init__(self, text: str, doc_id: str, file: str, paragraphs: list[tuple[int, int]],
                 title_span: tuple[int, int] | None, dated: DatedDocument) -> None:
        self.text, self.doc_id, self.file = text, doc_id, file
        self.paragraphs, self.title_span, self.dated = paragraphs, title_span, dated
        self.paragraph_starts = [p_start for p_start, _ in paragraphs]
        self.rows = Rows()
        self.dates = SentenceDates(dated)   # the date helpers (stance.dates.context)
        self.anchor = self.dates.anchor
        self.context: When = self.anchor
        self.last_holder: Mention | None = None
        self.last_bloc: Mention | None = None    # the bloc last speaking or spoken for: who "the group" is
        self.bloc_tally: dict[str, list] = {}    # bloc -> [statements it held, its mention]
        self.asked_states: list[Mention] = []     # states the last question named ("Has Canada shared ...?")
        self.asked_at = -10                        # and the sentence it was
        self.pending_claims: list[tuple[CountClaim, dict, int]] = []   # (claim, row base, sentence): awaiting a stance
        self.recent_holders: list[Mention] = []   # the last states that held statements: who "the two sides" are
        self.recent_blocs: list[Mention] = []     # the last blocs named: who "the two organisations" are
        self.junta: Mention | None = None         # the state whose military rulers the text last named
        self.case_filer: Mention | None = None    # the state whose court case the text last named
        self.recent_targets: list[Mention] = []   # the last states statements were toward: whom "both sides" are
        self.we_voices: list[Mention] = []        # who "we" are after "We, the G7 Foreign Ministers of ...,"
        self.text_sponsors: list[Mention] = []    # the states that presented the text last described
        self.last_person: Mention | None = None
        self.last_speakers: list[Mention] = []    # the holders of the last statement reported: whose "the statement" is   # the last known official named ("Nasser Kanaani"): who "the spokesman" is
        self.seen_positions: set[tuple] = set()
        self.seen_claims: set[tuple] = set()
        self.doc_topic = ""
        self.headline: Headline | None = None
        self.pending_roster: list[dict] = []   # roster rows found while reading claims
        self.lead_actor: Mention | None = None
        self.lead_subject: Mention | None = None   # the first state the lead is about (not an actor)
        self.title_state: Mention | None | bool = None   # the first state the title names (False: none)
        self._analyses: dict[tuple[int, int], Analysis] = {}
        self._topics: dict[tuple[int, int], str] = {}
        self.last_stance: tuple[str, Mention] | None = None   # the latest stance read, for "the text"
        self.motion: Motion | None = None       # the text being voted on, as last described
        self.motion_failed = False              # and whether it was rejected or failed to pass
        self.stance_tally: dict[tuple[str, str], list] = {}   # (stance, target) -> [count, order, target]
        self.untargeted_stance: str | None = None   # the first stance read with no state named
        self.sentence_index = 0                       # sentences read so far
        self.previous_states: list[Mention] = []      # states the sentence before named (the last three)
        self.previous_all: set[str] = set()           # and all of them
        self.page_owner: Mention | None | bool = None  # the state whose page this is (False: none)
        self.owner_speaks_for: tuple[Mention | None, bool] | None = None   # see _spoken_for
        self.allies: dict[str, set[str]] = {}          # states that spoke together earlier in the article
        self.vetoers: list[Mention] = []               # the states of the last veto reported ("the veto" is theirs)
        self.vetoed: Motion | None = None              # the text they vetoed
        self.sentence_mentions: list[Mention] = []    # the sentence being read, and its mention starts
        self.sentence_starts: list[int] = []
        self.last_stance_at = -10                     # the sentence that gave last_stance
        self.pending_lists: list[tuple[StateList, dict]] = []   # signatories waiting for their statement's stance
        self.untargeted: list[tuple[str, str, int]] = []   # (holder, stance, sentence start) the last sentence left open
        self.last_critic: dict[str, Mention] = {}        # state -> the last state that opposed or worried about it
        self.held: dict[str, tuple[str, Mention]] = {}   # state -> its last stance toward a state (named or listed)
        self.criticised: set[str] = set()             # states opposed or worried about so far (rows and claims)

    def _topic(self, s: int, e: int) -> str:
        """The sentence's topic, computed once (the title and lead are asked several times)."""
        key = (s, e)
        found = self._topics.get(key)
        if found is None:
            found = self._topics[key] = topic_of(self.text, s, e)
        return found

    def _analyse(self, s: int, e: int, mentions: list[Mention]) -> Analysis:
        """The sentence's reading, computed once (the title and lead are read several times)."""
        key = (s, e)
        found = self._analyses.get(key)
        if found is None:
            found = self._analyses[key] = analyse(self.text, s, e, mentions)
        return found

    # -- dates (stance.dates.context) ---------------------------------------------------------
    def _own_dates(self, start: int, end: int) -> list[When]:
        return self.dates.own_dates(start, end)

    def _near_anchor(self, when: When) -> bool:
        return self.dates.near_anchor(when)

    def _date_for(self, start: int, own: list[When]) -> When:
        return self.dates.date_for(start, own, self.context)

    # -- headline -----------------------------------------------------------------------------
    def _read_headline(self, sentences: list[tuple[int, int, list[Mention]]]) -> None:
        """The stance the article is about: a holder's stance toward another state in the title or lead."""
        candidates = []
        if self.title_span:
            s, e = self.title_span
            candidates.append((s, e, _mentions(self.text, s, e)))
        candidates.extend(sentences[:2])
        for s, e, mentions in candidates:
            analysis = self._analyse(s, e, mentions)
            sides = {c.stance for c in analysis.cues}
            # "53 countries back Beijing ..., 27 object": a duel of two sides, not a story of backing
            contested = "support" in sides and bool(sides & {"oppose", "concern"})
            voted = None
            for st in analysis.statements:
                side = side_of_cue(st.cue.text) if st.cue is not None else ""
                if side:
                    # a vote or veto takes its stance from the text voted on (see `_votes`), not from its words
                    voted = voted or find_motion(self.text, s, e, analysis) or False
                    stance = vote_stance(side, voted or None)
                    if stance and voted.target.iso3 and voted.target.iso3 != st.holder.iso3:
                        self.headline = Headline(stance, voted.target, self._topic(s, e), vote=True)
                        return
                    if stance:
                        continue   # "Russia vetoed a draft condemning its annexation": no stance toward another
                if st.stance and st.target is not None and st.target.iso3 and st.target.iso3 != st.holder.iso3:
                    self.headline = Headline(st.stance, st.target, self._topic(s, e), vote=contested)
                    return
            if not analysis.statements and analysis.stance and analysis.target is not None and analysis.target.iso3:
                # "The Council rejected a draft calling for a ceasefire in Gaza": a body's vote on a text is a
                # story of taking sides, like a contested one
                voted = contested or find_motion(self.text, s, e, analysis) is not None
                self.headline = Headline(analysis.stance, analysis.target, self._topic(s, e), vote=voted)
                return

    def _title_bloc(self) -> None:
        """A bloc that speaks in the title ("ASEAN ministers voice concern over ...") is who "the ministers" and
        "they" are in a body that never names it again ("Southeast Asian foreign ministers ... They also called")."""
        if not self.title_span:
            return
        s, e = self.title_span
        voice = next((st.holder for st in self._analyse(s, e, _mentions(self.text, s, e)).statements
                      if st.holder.bloc and not st.holder.iso3), None)
        if voice is not None:
            self.last_bloc = self.last_holder = voice

    # -- rows -----------------------------------------------------------------------------------
    def run(self) -> Rows:
        sentences: list[tuple[int, int, list[Mention]]] = []
        run: list[tuple[int, int]] = []   # consecutive lines that each name a state: one list

        def close_run() -> None:
            if len(run) >= 2:
                lo, hi = run[0][0], run[-1][1]
                sentences.append((lo, hi, _mentions(self.text, lo, hi)))
            run.clear()

        for p_start, p_end in self.paragraphs:
            line_mentions = _mentions(self.text, p_start, p_end) if p_end - p_start <= 80 else []
            if line_mentions and is_state_line(self.text, p_start, p_end, line_mentions) or \
                    p_end - p_start <= 40 and not line_mentions and is_state_line(self.text, p_start, p_end, []):
                run.append((p_start, p_end))   # "12. Czech Republic", "United States of America"
                continue
            if len(_WORD.findall(self.text, p_start, p_end)) < MIN_WORDS:
                close_run()
                if ":" in self.text[p_start:p_end] and any(m.iso3 for m in line_mentions):
                    sentences.append((p_start, p_end, line_mentions))   # "Against (2): China, Cuba."
                continue
            close_run()
            mentions = line_mentions if p_end - p_start <= 80 else _mentions(self.text, p_start, p_end)
            starts = [m.start for m in mentions]
            for s, e in split_sentences(self.text, p_start, p_end):
                sentences.append((s, e, mentions[bisect_left(starts, s):bisect_left(starts, e)]))
        close_run()
        if self.title_span:
            self.doc_topic = self._topic(*self.title_span)
        if not self.doc_topic:
            self.doc_topic = next((t for t in (self._topic(s, e) for s, e, _ in sentences) if t), "")
        self._read_headline(sentences)
        self._read_lead(sentences)
        self._title_bloc()

        current_heading = None
        for s, e, mentions in sentences:
            heading = heading_for(self.dated, s)
            first_in_item = heading is not None and heading is not current_heading
            current_heading = heading
            self._sentence(s, e, mentions, first_in_item)
        if self.title_span:
            s, e = self.title_span
            self._sentence(s, e, _mentions(self.text, s, e), False, title=True)
        for row in self._flush_lists(self._statement_stance(None)):
            # signatories whose statement's stance came only from the headline or an earlier sentence
            row["event_id"] = self.rows.events[-1]["event_id"] if self.rows.events else ""
            row["position_id"] = f"{self.doc_id}-p{len(self.rows.positions) + 1}"
            self.rows.positions.append(row)
        return self.rows

    def _sentence(self, s: int, e: int, mentions: list[Mention], first_in_item: bool, title: bool = False) -> None:
        self.sentence_index += 1
        self.sentence_mentions, self.sentence_starts = mentions, [m.start for m in mentions]
        if not mentions and not title and not first_in_item and self._nothing_to_read(s, e):
            self.previous_states, self.previous_all = [], set()
            return
        analysis = self._analyse(s, e, mentions)
        if not title:
            analysis = self._in_our_voice(s, e, mentions, analysis)
            analysis = self._anaphor_voice(s, e, mentions, analysis)
        try:
            self._read_sentence(s, e, mentions, first_in_item, title, analysis)
        finally:
            if not title:
                self.previous_states = [m for m in mentions if m.iso3][-3:]
                self.last_person = next((m for m in reversed(mentions) if m.kind == "person"), self.last_person)
                self.previous_all = {m.iso3 for m in mentions if m.iso3}
                filer = next((m for m in mentions if m.iso3 and m.kind in ("possessive", "name", "capital") and (
                    m.kind == "possessive" and _CASE_AFTER.match(self.text, m.end)
                    or _CASE_BY_BEFORE.search(self.text, max(s, m.start - 50), m.start))), None)
                if filer is not None:
                    self.case_filer = filer   # "South Africa's case against Israel": whose case "the case" is
                ruled = next((m for m in mentions if m.iso3 and m.kind != "person" and _JUNTA_AFTER.match(self.text, m.end)), None)
                if ruled is not None:
                    self.junta = ruled   # "Niger's military rulers", "the Malian junta": whom "the junta" is from now on
                named_blocs = [m for m in mentions if m.bloc and m.kind == "bloc"]
                if named_blocs:
                    self.recent_blocs = (self.recent_blocs + named_blocs)[-4:]

    def _in_our_voice(self, s: int, e: int, mentions: list[Mention], analysis: Analysis) -> Analysis:
        """A communiqué's "we": "We, the G7 Foreign Ministers of Canada, France, ...," names who speaks; its
        later sentences opening with "We" or "Our" are theirs ("We urge North Korea to ..."). The sentence is
        read again with the first voice standing at "We"; the other voices share its statements."""
        if _WE_APPOSITION.match(self.text, s, e):
            closing = _APPOSITION_END.search(self.text, s, e)
            voices: list[Mention] = []
            for m in mentions:
                if m.start < (closing.start() if closing else e) and (m.iso3 or m.bloc) and m.kind != "person" and \
                        all((v.iso3, v.bloc) != (m.iso3, m.bloc) for v in voices):
                    voices.append(m)
            if voices:
                self.we_voices = voices
            return analysis
        we = _WE_OPENING.match(self.text, s, e) if self.we_voices and not analysis.statements else None
        if we is None:
            return analysis
        return self._read_in_voices(s, e, mentions, we.start(1), we.end(1), self.we_voices) or analysis

    def _read_in_voices(self, s: int, e: int, mentions: list[Mention], lo: int, hi: int,
                        voices: list[Mention]) -> Analysis | None:
        """The sentence read again with the first voice standing at text[lo:hi] ("We", "The ministers"); every
        other voice shares the statements it holds. None when the standing voice holds none."""
        first = voices[0]
        standing = Mention(lo, hi, self.text[lo:hi], first.iso3, first.bloc, "anaphor")
        found = analyse(self.text, s, e, sorted([standing] + [m for m in mentions if not lo <= m.start < hi],
                                                key=lambda m: m.start))
        ours = [st for st in found.statements if st.holder is standing]
        if not ours:
            return None
        for voice in voices[1:]:
            other = Mention(lo, hi, standing.text, voice.iso3, voice.bloc, "anaphor")
            found.statements.extend(replace(st, holder=other) for st in ours)
        return found

    def _cue_in_later_clause(self, s: int, e: int, analysis: Analysis) -> bool:
        """ "The statement comes three months after the Council tightened sanctions on Eritrea": the cue is in a
        clause of its own, after the anaphoric subject's verb, so it is not the subject's."""
        found = _ANAPHOR_AT.match(self.text, s, e)
        return found is not None and _LATER_CLAUSE.search(self.text, found.end("a"), analysis.cues[0].start) is not None

    def _the_text_speaks(self, s: int, e: int) -> bool:
        """ "It would have demanded that the junta ...", "It would also call on ...": after a text voted on, "it"
        with "would" is what the text says (or would have said), no state's voice."""
        if self.motion is None:
            return False
        found = _ANAPHOR_AT.match(self.text, s, e)
        return found is not None and found.group("a").lower() == "it" and \
            _WOULD_AFTER.match(self.text, found.end("a"), e) is not None

    def _passive_anaphor(self, s: int, e: int, analysis: Analysis) -> bool:
        """ "It is also called for ...", "They were condemned ...": the anaphoric subject undergoes the act, so it is
        not the holder; "It was concerned about ..." is an adjective and stays the subject's own voice."""
        found = _ANAPHOR_AT.match(self.text, s, e)
        return found is not None and bool(analysis.cues) and \
            _PASSIVE_AFTER.fullmatch(self.text, found.end("a"), analysis.cues[0].start) is not None and \
            not analysis.cues[0].text.lower().startswith(_ADJECTIVAL)

    def _person_pronoun_for_a_state(self, s: int, e: int) -> bool:
        """ "He said ..." when the last holder was a bare state or capital ("after Moscow dismissed ...") and no
        person was named since: "he" is someone the text names without his state, not that state."""
        holder = self.last_holder
        return holder is not None and holder.kind in ("name", "capital") and \
            (found := _ANAPHOR_AT.match(self.text, s, e)) is not None and found.group("a").lower() in ("he", "she") and \
            (self.last_person is None or self.last_person.iso3 != holder.iso3)

    def _anaphor_voice(self, s: int, e: int, mentions: list[Mention], analysis: Analysis) -> Analysis:
        """A sentence whose subject is "It", "He", "The ministers" or (after a bloc) "The council" is read again
        with the holder it refers to standing there, so each of its verbs keeps its own object ("The council
        condemned the attacks and expressed its solidarity with Saudi Arabia")."""
        if analysis.statements or not analysis.cues or self.last_holder is None:
            return analysis
        found = _ANAPHOR_AT.match(self.text, s, e)
        if found is None or self._person_pronoun_for_a_state(s, e):
            return analysis
        if self._the_text_speaks(s, e):
            return analysis
        holder = self.last_holder
        if not holder.bloc and self.last_bloc is not None and _BLOC_ANAPHOR.match(self.text, s, min(e, s + 120)):
            holder = self.last_bloc   # "The group called for ..." after "on behalf of the African Group"
        noun = (found.group("noun") or "").lower()
        voices = [holder]
        if noun in _TEXT_NOUNS:
            # "The statement, issued after a meeting in Oslo, also condemned ...": its authors, just reported;
            # only when the text's own verb is the cue ("The statement comes after the Council tightened ..." is not)
            if not self.last_speakers or not _OWN_VERB_NEXT.fullmatch(self.text, found.end("a"), analysis.cues[0].start):
                return analysis
            voices = self.last_speakers
            holder = voices[0]
        if noun in _OFFICIAL_NOUNS and holder.bloc:
            # "The spokesman rejected the EU measures" after "Nasser Kanaani made the announcement ...": a state's
            # official, the one last named, not the bloc that acted
            if self.last_person is None:
                return analysis
            holder = self.last_person
        if noun in _COLLECTIVE_NOUNS and self.last_bloc is not None:
            holder = self.last_bloc   # "The leaders demanded ..." in a story of a bloc's summit
        if noun in _BODY_NOUNS | _COLLECTIVE_NOUNS and not holder.bloc:
            return analysis   # "The council adopted ..." after states spoke: the Security Council, no state's voice
        if self._passive_anaphor(s, e, analysis):
            return analysis
        if _REPORTED_AFTER.match(self.text, found.end("a"), e):
            return analysis   # "Its ambassador told the Council that the group opposed ...": the clause has its own subject
        return self._read_in_voices(s, e, mentions, found.start("a"), found.end("a"), [holder, *voices[1:]]) or analysis

    def _nothing_to_read(self, s: int, e: int) -> bool:
        """A sentence naming no state or bloc, with no cue, count, tally or date of its own, gives no row and
        changes no context but the open stances of the sentence before ("The issue was not discussed.").
        Read it in full only when it might; that keeps filler cheap (see BENCHMARKS.md)."""
        if self.pending_roster:
            return False
        cues, negated = find_cues(self.text, s, e)
        if cues or negated or find_tallies(self.text, s, e) or find_claims(self.text, s, e) or self._own_dates(s, e):
            return False
        self.untargeted = []
        return True

    def _read_sentence(self, s: int, e: int, mentions: list[Mention], first_in_item: bool, title: bool,
                       analysis: Analysis) -> None:
        own_motion = find_motion(self.text, s, e, analysis)
        if own_motion is None and not title and (self.motion is None or self.motion.target is None):
            own_motion = find_body_motion(self.text, s, e, analysis)   # "the Assembly demanded that Israel ..."
        if own_motion is None and self.motion is None and not title:
            own_motion = find_sponsored_motion(self.text, s, e, analysis)   # "Russia submitted a resolution"
        if own_motion is not None and own_motion.target is None and _OTHER_TEXT.search(
                self.text, max(s, own_motion.start - 40), own_motion.start):
            pass   # "A separate Russian text calling for an end to all military activity": not the article's text
        elif own_motion is not None and own_motion.target is None:
            focus = self._focus()
            own_motion = Motion(own_motion.stance, focus, own_motion.start, own_motion.cue_start) \
                if focus is not None else None
        if own_motion is not None and not title:
            self.motion = own_motion
            self.motion_failed = False
        if not title and self.motion is not None and _FAIL_HINT.search(self.text, s, e) and \
                _TEXT_FAILED.search(self.text, s, e):
            self.motion_failed = True   # "The Council rejected a Russian-drafted resolution ...", "the text failed"
        motion = own_motion or self._doc_motion()
        lists = [] if title else find_lists(self.text, s, e, mentions)
        question = self.text[s:e].rstrip("\"”’' )").endswith("?")
        if (question or self._in_question(s)) and not title:
            # also "Question: There are reports that China renamed places. Any comment?": the asker's sentences
            named = [m for m in mentions if m.iso3]
            if named:
                self.asked_states = named
                self.asked_at = self.sentence_index
        statements = [] if question else self._votes(self._junta_objects(self._resolve_statements(analysis, s, e)), motion)
        if own_motion is not None and own_motion.cue_start >= 0 and VOTED_TEXT_NOUN.match(self.text, own_motion.start) \
                and any(side_of_cue(c.text) for c in analysis.cues):
            # "a draft was vetoed by Russia which was aimed at condemning ...": the text condemns, not its voters
            statements = [st for st in statements if st.cue is None or st.cue.start != own_motion.cue_start]
        if not question:
            statements = self._sponsors(s, e, analysis, statements, motion)
            statements = self._explained_vote(s, e, analysis, statements, motion)
        labelled = {m.iso3 for frame in lists if frame.by == "lead" for m in frame.members}
        if labelled:   # "Voting against were A, B and C, while D abstained": the label says what A-C did
            statements = [st for st in statements if st.holder.iso3 not in labelled]
        tallies = find_tallies(self.text, s, e)
        counted = [c for c in find_claims(self.text, s, e)
                   if not any(t.count == c.count and t.start < c.end and c.start < t.end + 40 for t in tallies)]
        claims = sorted(counted + tallies, key=lambda c: c.start)
        own = [] if title else self._own_dates(s, e)
        when = self._date_for(s, own) if not title else When(self.anchor.date, self.anchor.precision,
                                                            "inferred" if self.anchor.date else "none")
        topic = self._topic(s, e) or self.doc_topic
        signed = next((f for f in lists if f.kind == "sign"), None)
        list_stance = self._statement_stance(analysis, signed) if signed is not None else None
        claim_rows = self._claim_rows(claims, analysis, statements, s, e, when, topic, motion, list_stance, title)
        position_rows = self._position_rows(statements, s, e, when, topic) + self.pending_roster
        position_rows += self._asked_about(s, e, mentions, when, topic)
        position_rows += self._spoken_for_members(statements, s, e, when, topic)
        self.untargeted = [] if title else [
            (st.holder.iso3, st.stance, s) for st in statements
            if st.holder.iso3 and st.target is None and st.stance in ("support", "oppose", "concern")]
        if not question:
            position_rows += self._list_rows(lists, analysis, statements, motion, self._base(s, e, when, topic))
        self.pending_roster = []

        actor, target = self._event_parties(analysis, statements, bool(claims))
        wanted = bool(position_rows or claim_rows or own or first_in_item)
        if wanted and not (title and not (position_rows or claim_rows)):
            events = own if len(own) > 1 else [when]
            if first_in_item:
                # The first sentence of a dated list item also stands for the item's own date.
                item = When.of(heading_for(self.dated, s), "inferred")
                if item.date and item.date not in {w.date for w in events}:
                    events = events + [item]
            first_id = ""
            for index, event_when in enumerate(events):
                event_id = f"{self.doc_id}-e{len(self.rows.events) + 1}"
                first_id = first_id or event_id
                cue = statements[0].cue if statements and statements[0].cue else (analysis.cues[0] if analysis.cues else None)
                verb = _VERB.search(self.text, actor.end if actor else s, e)
                self.rows.events.append({
                    "event_id": event_id, "doc_id": self.doc_id, "file": self.file,
                    "date": event_when.date, "date_precision": event_when.precision, "date_basis": event_when.basis,
                    "actor": _name(actor) if actor else (claims[0].text if claims else ""),
                    "actor_iso3": actor.iso3 if actor else "",
                    "action": (statements[0].stance if statements else (cue.stance if cue else (verb.group() if verb else ""))),
                    "target": _name(target), "target_iso3": target.iso3 if target else "",
                    "topic": topic, "text": self.text[s:e], "start": s, "end": e,
                })
            positions = self.rows.positions
            for row in position_rows:
                if isinstance(row, MemberRows):   # ids numbered on, counting every member row
                    row.shared["event_id"], row.shared["position_id"], row.first = first_id, "", len(positions) + 1
                else:
                    row["event_id"] = first_id
                    row["position_id"] = f"{self.doc_id}-p{len(positions) + 1}"
                positions.append(row)
            for row in claim_rows:
                row["event_id"] = first_id
                row["claim_id"] = f"{self.doc_id}-c{len(self.rows.claims) + 1}"
                self.rows.claims.append(row)

        if own and not title:
            latest = own[-1]
            if latest.precision in ("day", "month") and self._near_anchor(latest):
                self.context = latest
        targeted = [st for st in statements if st.stance and st.target is not None and not self._is_reply(st)]
        self.criticised.update(self._criticised_by(position_rows + claim_rows))
        speakers = {st.holder.iso3 or st.holder.bloc for st in analysis.statements if st.cue is not None}
        if len(speakers) > 1:   # "Britain, France and Germany issued a joint statement ...": allies from now on
            for member in speakers:
                self.allies.setdefault(member, set()).update(speakers - {member})
        if self.untargeted_stance is None and not title and analysis.stance in ("support", "oppose", "concern") \
                and analysis.target is None:
            self.untargeted_stance = analysis.stance
        for st in targeted:
            if st.stance in ("oppose", "concern") and st.target.iso3 and st.holder.iso3 and not title:
                self.last_critic[st.target.iso3] = st.holder   # "Some Canadian ministers have smeared Russia"
            if st.target.iso3 and st.stance in ("support", "oppose", "concern") and not title:
                if st.holder.iso3:
                    self.held[st.holder.iso3] = (st.stance, st.target)
                key = (st.stance, st.target.iso3)
                seen = self.stance_tally.setdefault(key, [0, len(self.stance_tally), st.target])
                seen[0] += 1
        if targeted:
            self.last_stance = (targeted[0].stance, targeted[0].target)
            self.last_stance_at = self.sentence_index
        elif analysis.stance and analysis.target is not None and not any(self._is_reply(st) for st in statements) \
                and not (analysis.cues and _BY_AGENT.match(self.text, analysis.cues[0].end, analysis.target.start + 1)):
            # (not "The statement was endorsed by the head of the Arab League": the agent, no target)
            self.last_stance = (analysis.stance, analysis.target)
            self.last_stance_at = self.sentence_index
        spoken_for = [st.group for st in statements if st.group is not None] + \
            [st.holder for st in statements if st.holder.bloc]
        if spoken_for:
            self.last_bloc = spoken_for[-1]   # "the group" from now on
        for st in statements:
            if st.holder.bloc:
                self.bloc_tally.setdefault(st.holder.bloc, [0, st.holder])[0] += 1
        holders = [st.holder for st in statements if st.holder.iso3 or st.holder.bloc]
        self.recent_holders = (self.recent_holders + [h for h in holders if h.iso3])[-6:]
        if holders:
            self.last_holder = holders[-1]
            self.last_speakers = [h for k, h in enumerate(holders) if h.kind != "person" and all(
                (h.iso3, h.bloc) != (x.iso3, x.bloc) for x in holders[:k])]
        elif analysis.statements:
            self.last_holder = analysis.statements[-1].holder
        elif analysis.actors and not analysis.pronoun_subject:
            self.last_holder = analysis.actors[0]   # "Azerbaijan's foreign minister responded." then "he added"

    def _resolve_statements(self, analysis: Analysis, s: int, e: int) -> list[Statement]:
        """Fill stances from the headline, implicit targets from the article's focus, pronouns from the last holder."""
        out: list[Statement] = []
        headline = self.headline
        co_holders = {st.holder.iso3 or st.holder.bloc for st in analysis.statements}
        demands = [st for st in analysis.statements if st.cue is not None and 0 <= st.cue.start - st.holder.end <= 3
                   and st.cue.text.lower().startswith(("should ", "must "))]
        for st in analysis.statements:
            own_id = st.holder.iso3 or st.holder.bloc
            if st in demands:
                # "Pakistan should end cross-border terrorism[, India said]", "India said Pakistan must stop ...": a
                # demand made of the subject by the speaker named with it, else by the page's owner or the last holder
                attributed = next((x.holder for x in analysis.statements if x is not st and (x.cue is None or x.cue is st.cue)
                                   and (x.holder.iso3 or x.holder.bloc) != own_id), None)
                if attributed is None and st.target is not None and st.target.start > st.cue.end and \
                        _SAID_AFTER.match(self.text, st.target.end, e):
                    attributed = st.target
                speaker = attributed or self._owner() or self.last_holder
                if speaker is not None and (speaker.iso3 or speaker.bloc) != own_id and \
                        (attributed is not None or (speaker.iso3 or speaker.bloc) not in co_holders):
                    out.append(Statement(speaker, "concern", st.cue, st.holder))
                continue
            if demands and (st.cue is None or any(st.cue is d.cue for d in demands)):
                continue   # the speaker of a demand is read with the demand
            if st.stance is None and self._did_the_same(st.holder, e):
                # "Nicaragua did the same in 2021", "days after Spain and Norway took the same step": the act just reported
                earlier = next((x for x in out if x.stance and x.target is not None), None)
                stance, target = (earlier.stance, earlier.target) if earlier is not None else (
                    self.last_stance if self.last_stance is not None else (None, None))
                if stance is not None and target is not None and target.iso3 and target.iso3 != own_id:
                    out.append(Statement(st.holder, stance, None, target, st.group, st.group_count))
                continue
            if st.stance is None:
                # A speaker with no cue of their own is read as part of the article's story only where
                # the story is one of backing, or the speaker speaks for a group: elsewhere (a veto
                # debate, a dispute) speakers quoted without a cue take many sides.
                inherits = st.group is not None or st.group_count or (
                    headline is not None and headline.stance == "support" and not headline.vote)
                held = self.held.get(st.holder.iso3) if st.group is not None and st.holder.iso3 else None
                if held is not None and (headline is None or headline.target is None):
                    # "Peru's delegate, speaking for the Lima Group, said ..." after Peru joined the text: the
                    # state speaks for the group as it stood itself
                    out.append(Statement(st.holder, held[0], None, held[1], st.group, st.group_count))
                    continue
                if not inherits or headline is None or headline.target is None or headline.target.iso3 == own_id:
                    continue
                target = headline.target if st.target is None or st.target.iso3 == own_id else st.target
                out.append(Statement(st.holder, headline.stance, None, target, st.group, st.group_count))
            elif st.target is None and st.cue is not None and headline is not None and headline.target is not None \
                    and headline.target.iso3 and headline.target.iso3 != own_id and st.stance in ("oppose", "concern") \
                    and _JUDGED_EVENT_BEFORE.search(self.text, max(s, st.cue.start - 70), st.cue.start):
                # "the election was neither free nor fair" in a story of congratulations: a verdict on the event
                # the story is about, so on the state that held it, not a share in the story's backing
                out.append(Statement(st.holder, st.stance, st.cue, headline.target, st.group, st.group_count, "act"))
            elif st.target is None and st.cue is not None and (named := self._states_counted_back(st, own_id)):
                # "Israel recalled its ambassadors from the three capitals" after "Spain, Ireland and Norway
                # recognised ...": the states just reported, when the count fits
                out.extend(Statement(st.holder, st.stance, st.cue, m, st.group, st.group_count, "act") for m in named)
            elif st.target is None and headline is not None and headline.target is not None \
                    and headline.target.iso3 != own_id and st.stance in ("oppose", "concern") \
                    and headline.stance == "support" and not headline.vote and st.group is None and not st.artefact \
                    and not (st.cue is not None and _RETALIATION.match(st.cue.text)) \
                    and not (st.cue is not None and _ENTITY_OBJECT.match(self.text, st.cue.end, st.cue.end + 60)):
                # A speaker quoted in an article about backing X, opposing no named state,
                # is read as part of that backing ("opposes any politicisation").
                out.append(Statement(st.holder, headline.stance, st.cue, headline.target, None, False))
            elif st.target is None and st.cue is not None and self.vetoers and \
                    st.cue.stance in ("support", "oppose", "concern") and self._bears_on_veto(st.cue, s):
                # "France condemned the veto", "said the double veto was shameful": toward the states that cast it
                for vetoer in self.vetoers:
                    if vetoer.iso3 != own_id and vetoer.iso3 not in co_holders:
                        out.append(Statement(st.holder, st.cue.stance, st.cue, vetoer, st.group, st.group_count, "act"))
            else:
                resolved = self._implicit_target(st, co_holders)
                if st.target is None and resolved.target is not None and any(
                        x is not st and x.holder.iso3 == st.holder.iso3 and x.target is not None
                        and x.target.iso3 == resolved.target.iso3 for x in analysis.statements):
                    continue   # "welcomed the deal, urging North Korea to comply": North Korea is the second verb's
                out.append(resolved)
        owner = self._owner()
        if not analysis.statements and analysis.cues and analysis.stance is not None and owner is not None \
                and _FIRST_PERSON.match(self.text, s, min(e, s + 80)):
            # "We have already rejected the allegations" on a ministry's or an embassy's own page
            first = self._owner_statement(owner, analysis)
            later = self._our_second_verbs(owner, analysis, e)
            if later and first.target is not None and first.target.start >= later[0].cue.start:
                out.append(replace(first, target=None))   # the state named is the later verb's, not this one's
            else:
                out.append(self._implicit_target(first))
            out.extend(later)
            return out
        if not analysis.statements and analysis.act_in_own_voice and owner is not None and analysis.target is not None \
                and analysis.target.iso3 != owner.iso3:
            # "The Philippine side has repeatedly intruded into ..." in a ministry's answer: the page's own charge
            out.append(Statement(owner, "oppose", analysis.cues[0], analysis.target))
            return out
        if not analysis.statements and analysis.cues and analysis.stance is not None and owner is not None \
                and _OFFICE_SUBJECT.match(self.text, s, min(e, s + 80)):
            # "The Ministry again condemned ..." on the ministry's own page
            out.append(self._implicit_target(self._owner_statement(owner, analysis)))
            return out
        bloc = self._bloc_in_focus() if not analysis.statements and analysis.cues and analysis.target is not None \
            and analysis.target.iso3 and _SUSPENDED_PASSIVE.match(analysis.cues[0].text) else None
        if bloc is not None:
            # "Mali was suspended in May" in a story about the bloc: the bloc suspended it
            out.append(Statement(bloc, analysis.stance, analysis.cues[0], analysis.target))
            return out
        pair = self._two_sides() if not analysis.statements and analysis.cues and analysis.stance is not None \
            and _TWO_SIDES.match(self.text, s, min(e, s + 80)) else None
        if pair is None and not analysis.statements and analysis.cues and analysis.stance is not None \
                and _TWO_BLOCS.match(self.text, s, min(e, s + 80)):
            pair = self._two_blocs()   # "The two organisations also urged ...": the last two blocs named
        if pair is not None:
            # "The two sides also called on Iran to ..." after a visit or talks between two states: both of them
            for holder in pair:
                out.append(self._implicit_target(Statement(holder, analysis.stance, analysis.cues[0], analysis.target
                                                           if analysis.target is not None and analysis.target.iso3
                                                           not in {p.iso3 for p in pair} else None), set(p.iso3 for p in pair)))
            return out
        if not analysis.statements and analysis.cues and analysis.pronoun_subject and self.last_holder is not None \
                and analysis.stance is not None and not self._person_pronoun_for_a_state(s, e) \
                and not self._cue_in_later_clause(s, e, analysis) and not self._passive_anaphor(s, e, analysis) \
                and not _BY_AGENT.match(self.text, analysis.cues[0].end) and not self._the_text_speaks(s, e):
            # (not "The statement was also endorsed by the secretary-general of ...": a passive with its own agent)
            holder = self.last_holder
            if not holder.bloc and self.last_bloc is not None and _BLOC_ANAPHOR.match(self.text, s, min(e, s + 120)):
                holder = self.last_bloc   # "The group called for ..." after "on behalf of the African Group"
            own_id = holder.iso3 or holder.bloc
            target = analysis.target if analysis.target is not None and (analysis.target.iso3 or analysis.target.bloc) != own_id else None
            out.append(self._implicit_target(Statement(holder, analysis.stance, analysis.cues[0], target)))
        return out

    def _states_counted_back(self, st: Statement, own_id: str) -> list[Mention]:
        """The states "the three capitals" / "both countries" after the cue stand for: the last statement's
        holders, if there are exactly that many and the holder is not one of them; else none."""
        found = _COUNTED_STATES.match(self.text, st.cue.end, st.cue.end + 60)
        if found is None:
            return []
        speakers = [h for h in self.last_speakers if h.iso3]
        count = _SMALL_COUNTS.get(found.group("n").lower(), 0)
        if count != len(speakers) or any(h.iso3 == own_id for h in speakers):
            return []
        return speakers

    def _bears_on_veto(self, cue: Cue, s: int) -> bool:
        """Whether the cue's object ("condemned the veto", "the decision to block the text", "regretted the
        outcome" of the vetoed vote) or its subject ("the veto was shameful") is the veto just reported."""
        if _VETO_OBJECT.match(self.text, cue.end, cue.end + 60) or \
                _VETO_SUBJECT.search(self.text, max(s, cue.start - 40), cue.start):
            return True
        # "regretted the outcome" of the vote on the text that was vetoed
        vetoed, motion = self.vetoed, self._doc_motion()
        return vetoed is not None and motion is not None and vetoed.target is not None and motion.target is not None \
            and vetoed.target.iso3 == motion.target.iso3 and _BODY_OUTCOME.match(self.text, cue.end, cue.end + 40) is not None

    def _did_the_same(self, holder: Mention, e: int) -> bool:
        """Whether the holder, or the list of states it opens, "did the same" / "took the same step"."""
        k = bisect_left(self.sentence_starts, holder.start)
        run = state_run(self.text, [m for m in self.sentence_mentions[k:k + 20] if m.iso3], holder) if holder.iso3 else [holder]
        return same_act(self.text, run[-1].end, e)

    def _junta_objects(self, statements: list[Statement]) -> list[Statement]:
        """ "Germany urged the junta to reverse course" after "Niger's military rulers ...": the junta is the
        state it rules, not the state the sentence or the story last named."""
        if self.junta is None:
            return statements
        out = []
        for st in statements:
            if st.cue is not None and st.holder.iso3 != self.junta.iso3 and \
                    _JUNTA_OBJECT.match(self.text, st.cue.end) and (st.target is None or st.target.start < st.cue.end
                                                                    or st.target.iso3 == self.junta.iso3):
                st = replace(st, target=self.junta)
            out.append(st)
        return out

    def _two_blocs(self) -> tuple[Mention, Mention] | None:
        """The two blocs "the two organisations" are: the last two distinct blocs named."""
        seen: list[Mention] = []
        for m in reversed(self.recent_blocs):
            if all(m.bloc != x.bloc for x in seen):
                seen.append(m)
            if len(seen) == 2:
                return seen[1], seen[0]
        return None

    def _two_sides(self) -> tuple[Mention, Mention] | None:
        """The two states "the two sides" are: the last two distinct states that held a statement."""
        seen: list[Mention] = []
        for m in reversed(self.recent_holders):
            if m.iso3 and all(m.iso3 != x.iso3 for x in seen):
                seen.append(m)
            if len(seen) == 2:
                return seen[1], seen[0]
        return None

    def _bloc_in_focus(self) -> Mention | None:
        """The bloc the story is about: the one holding most statements so far (the first on a tie)."""
        if not self.bloc_tally:
            return None
        return max(self.bloc_tally.values(), key=lambda c: c[0])[1]

    def _our_second_verbs(self, owner: Mention, analysis: Analysis, e: int) -> list[Statement]:
        """ "We call on the media to ... and we thank the Government of the United Kingdom for its support":
        each later verb of "we" with a state of its own after it is a statement of its own."""
        out: list[Statement] = []
        for k in range(1, len(analysis.cues)):
            cue = analysis.cues[k]
            if cue.stance not in ("support", "oppose", "concern") or \
                    not _OUR_NEXT_VERB.search(self.text, max(analysis.cues[k - 1].end, cue.start - 30), cue.start):
                continue
            hi = analysis.cues[k + 1].start if k + 1 < len(analysis.cues) else e
            target = analysis.target_between(self.text, cue.end, hi)
            if target is not None and target.iso3 and target.iso3 != owner.iso3 and \
                    all(target.iso3 != st.target.iso3 for st in out if st.target is not None):
                out.append(Statement(owner, cue.stance, cue, target))
        return out

    def _in_question(self, s: int) -> bool:
        """Whether text[s:] lies in a paragraph a transcript labels as a question ("Q:", "Question:")."""
        k = bisect_right(self.paragraph_starts, s) - 1
        return k >= 0 and _QUESTION_LABEL.match(self.text, self.paragraphs[k][0]) is not None

    def _owner_statement(self, owner: Mention, analysis: Analysis) -> Statement:
        """The page owner's own stance. Defending itself ("stop the groundless accusations against China" on
        China's page) opposes its accusers; a stance with no state named ("We firmly reject this") answers
        the last state that criticised it."""
        target, stance = analysis.target, analysis.stance
        if target is not None and target.iso3 == owner.iso3:
            target, stance = None, ("oppose" if stance == "support" else stance)
        if target is None and stance == "oppose" and self.sentence_index - self.asked_at <= 3:
            # "Q: China has renamed places in Arunachal Pradesh. Any comment? A: We reject such attempts":
            # the answer is about the state the question just named
            target = next((m for m in self.asked_states if m.iso3 != owner.iso3), None)
        if target is None and stance == "oppose":   # a rejection answers the critic; a worry need not
            target = self.last_critic.get(owner.iso3)
        if target is None and stance == "oppose" and _ALLEGATIONS.match(self.text, analysis.cues[0].end):
            # "We have already rejected the allegations" after "Has Canada shared any evidence?": the asker's subject
            target = next((m for m in self.asked_states if m.iso3 != owner.iso3), None)
        group, counted = self._spoken_for()
        return Statement(owner, stance, analysis.cues[0], target, group, counted)

    def _spoken_for(self) -> tuple[Mention | None, bool]:
        """Whom the page owner's statement is delivered for, from the page's head or its first-person
        opening: a bloc ("on behalf of the Arab Group") or a number of states ("on behalf of 66 countries",
        "a group of countries"); (None, False) when it speaks for itself."""
        if self.owner_speaks_for is None:
            found: tuple[Mention | None, bool] = (None, False)
            match = _SPEAKS_FOR_HEAD.search(self.text, 0, min(len(self.text), 3000))
            if match is not None:
                bloc = next((m for m in _mentions(self.text, match.end(), min(len(self.text), match.end() + 80))
                             if m.bloc and m.start - match.end() <= 4), None)
                if bloc is not None:
                    found = (bloc, False)
                elif _GROUP_OF_STATES.match(self.text, match.end()):
                    found = (None, True)
            self.owner_speaks_for = found
        return self.owner_speaks_for

    def _owner(self) -> Mention | None:
        """The state whose page this is ("Ministry of External Affairs, Government of India", "Embassy of
        the Russian Federation"), from the page's head: who "we" are in its statements and answers."""
        if self.page_owner is None:
            head_end = (self.paragraphs[0][0] if self.paragraphs else 0) + 300
            head_start = max(0, (self.paragraphs[0][0] if self.paragraphs else 0) - 600)
            found = None
            for match in _OWNER_HEAD.finditer(self.text, head_start, min(len(self.text), head_end)):
                if _ADDRESSED_BEFORE.search(self.text, max(head_start, match.start() - 30), match.start()):
                    continue
                found = next((m for m in _mentions(self.text, match.end(), match.end() + 60)
                              if m.iso3 and m.start - match.end() <= 4), None)
                if found is not None:
                    break
            if found is None:
                # "Chinese Embassy Spokesperson's Remarks on ...": the office's spokesperson heads the page
                for match in _OFFICE_SPOKESPERSON_HEAD.finditer(self.text, head_start, min(len(self.text), head_end)):
                    found = next((m for m in _mentions(self.text, match.start(), match.end())
                                  if m.iso3 and m.kind in ("demonym", "possessive", "name")), None)
                    if found is not None:
                        break
            if found is None and _SPOKESPERSON_LABEL.search(self.text):
                # a transcript ("Embassy Spokesperson: We have noted ...") naming "the Chinese Embassy"
                for match in _DEMONYM_OFFICE.finditer(self.text, 0, min(len(self.text), 3000)):
                    found = next((m for m in _mentions(self.text, match.start(), match.end())
                                  if m.iso3 and m.kind in ("demonym", "possessive", "name")), None)
                    if found is not None:
                        break
            if found is None:
                found = self._state_over_office(head_start, head_end)
            if found is None:
                found = self._answering_state()
            self.page_owner = found or False
        return self.page_owner or None

    def _state_over_office(self, lo: int, hi: int) -> Mention | None:
        """A page head of a line that is only a state's name over an office's line ("REPUBLIC OF TÜRKİYE" /
        "MINISTRY OF FOREIGN AFFAIRS"): the state whose office it is."""
        for match in _STATE_OVER_OFFICE.finditer(self.text, lo, min(len(self.text), hi)):
            line = match.group("state")
            found = _mentions(self.text, match.start("state"), match.end("state"))
            if len(found) == 1 and found[0].iso3 and len(line.strip()) - len(found[0].text) <= 16:
                return found[0]
        return None

    def _answering_state(self) -> Mention | None:
        """In a question-and-answer transcript ("Q: ... A: China opposes ..."), the state that answers: the
        one at least two answers open with; it is who "we" are in the others."""
        counts: dict[str, list] = {}
        for match in _ANSWER_OPENING.finditer(self.text):
            first = next((m for m in _mentions(self.text, match.end(), min(len(self.text), match.end() + 40))
                          if m.iso3 and m.start - match.end() <= 12 and m.kind in ("name", "demonym", "possessive")), None)
            if first is not None:
                counts.setdefault(first.iso3, [0, first])[0] += 1
        for p_start, p_end in self.paragraphs:
            # "Mao Ning: We firmly oppose ...": a known spokesperson's label opens the answer
            label = _SPEAKER_LABEL.match(self.text, p_start, p_end)
            if label is None:
                continue
            person = next((m for m in _mentions(self.text, p_start, label.end(1)) if m.kind == "person"), None)
            if person is not None:
                counts.setdefault(person.iso3, [0, person])[0] += 1
        best = max(counts.values(), key=lambda c: c[0], default=None)
        return best[1] if best is not None and best[0] >= 2 else None

    def _implicit_target(self, st: Statement, co_holders: set[str] = frozenset()) -> Statement:
        """A stance with no state named is about the article's focus.

        Backing a text ("welcomed the resolution") takes the text's stance toward its target;
        condemning an act ("the launch", "the decision") is toward the state that did it, the
        lead's actor; otherwise the stance is toward the headline's target or the lead's actor.
        """
        if st.cue is not None and st.cue.verdict and st.target is not None and st.target.start < st.cue.start:
            # "... respect Ethiopia's sovereignty, while Russia called the text 'counterproductive'": the verdict
            # is on the text, not on the state named before it
            st = Statement(st.holder, st.stance, st.cue, None, st.group, st.group_count, "text")
        if st.target is not None or st.stance is None:
            return st
        if _untargeted_text(self.motion) and (st.artefact == "text" or st.cue is not None and _IT_OBJECT.match(
                self.text, st.cue.end) and 0 <= st.cue.start - self.motion.start < 600):
            return st   # "supported it" of a text just described as aimed at no state
        if st.cue is not None and _UNNAMED_STATES_OBJECT.match(self.text, st.cue.end, st.cue.end + 80):
            return st   # "accused the Western members of the Council": states the text does not name
        critic = self.last_critic.get(st.holder.iso3) if st.holder.iso3 and st.stance == "oppose" else None
        if critic is not None and st.cue is not None and _ALLEGATIONS.match(self.text, st.cue.end, st.cue.end + 60) \
                and critic.iso3 not in co_holders:
            # "Armenia accused Azerbaijan of ethnic cleansing. Baku rejected the accusation.": it answers its critic
            return Statement(st.holder, "oppose", st.cue, critic, st.group, st.group_count, st.artefact)
        if st.cue is not None and st.cue.text.lower().endswith(" from") and \
                NAMED_NEXT.match(self.text, st.cue.end, st.cue.end + 60):
            return st   # "distance itself from the Sahrawi republic": a named entity that is no state
        if st.cue is not None and _ARMED_GROUP_OBJECT.match(self.text, st.cue.end, st.cue.end + 60):
            return st   # "condemned the Houthi attacks on shipping": the group's act, not the focus state's
        if st.cue is not None and _MEDIA_OBJECT.match(self.text, st.cue.end, st.cue.end + 120):
            return st   # "rejects the biased article published by The Guardian": an outlet's piece, no state's act
        if st.cue is not None and _DISASTER.search(self.text, st.cue.end, st.cue.end + 80):
            return st   # "saddened by the loss of lives in the earthquake": grief at no state's act
        entity = _ENTITY_OBJECT.match(self.text, st.cue.end, st.cue.end + 60) if st.cue is not None else None
        if entity is not None and entity.end() - 1 != st.holder.start:
            # "suspended its relations with the self-proclaimed Sahrawi republic": an entity named, not a state
            # (not "drew an angry response from China": the holder itself)
            return st
        own = {st.holder.iso3 or st.holder.bloc, *co_holders}   # partners in one statement are not each other's target
        own |= self.allies.get(st.holder.iso3 or st.holder.bloc, set())   # nor are partners of an earlier one
        if st.cue is not None and self.case_filer is not None and self.case_filer.iso3 not in own \
                and _CASE_OBJECT.match(self.text, st.cue.end, st.cue.end + 60):
            # "Israel has dismissed the case as baseless" after "South Africa's genocide case against Israel"
            return Statement(st.holder, st.stance, st.cue, self.case_filer, st.group, st.group_count, "act")
        headline_target = self.headline.target if self.headline is not None else None
        stance = st.stance
        motion = self.motion
        if motion is not None and motion.target is not None and st.cue is not None \
                and _BODY_OUTCOME.match(self.text, st.cue.end, st.cue.end + 40) \
                and motion.target.iso3 not in own:
            # "welcomed the decision", "regretted the outcome" after a vote: toward the text's target; after a
            # text failed, the outcome is its failure ("disappointed by the result" of a critical text's defeat)
            inner = "support" if (motion.stance == "backing") != self.motion_failed else "oppose"
            return Statement(st.holder, compose(st.stance, inner), st.cue, motion.target,
                             st.group, st.group_count, st.artefact)
        named_text = _MOTION_OBJECT.match(self.text, st.cue.end, st.cue.end + 60) \
            if st.artefact == "text" and st.cue is not None else None
        if named_text is None and st.cue is not None and st.cue.stance in ("support", "oppose"):
            # "said the draft was biased", "called the resolution 'politically motivated'": a verdict on the text
            named_text = verdict_text(self.text, st.cue)
        if named_text is not None:
            # "spoke against the resolution", "urged support for the text": toward the voted text's target,
            # not the stance last reported; "dismissed the Chinese text": its sponsor's text, which backs it
            sponsor = next((m for m in self.sentence_mentions if named_text.start() <= m.start < named_text.end()
                            and m.iso3 and m.iso3 not in own and (m.kind in ("demonym", "possessive") or
                                                                   _ATTRIBUTIVE_TEXT.match(self.text, m.end))), None)
            voted = Motion("backing", sponsor, sponsor.start) if sponsor is not None else motion or self._doc_motion()
            if voted is not None and voted.target is not None and voted.target.iso3 not in own:
                inner = "support" if voted.stance == "backing" else "oppose"
                return Statement(st.holder, compose(st.stance, inner), st.cue, voted.target,
                                 st.group, st.group_count, st.artefact)
            if voted is not None and voted.target is not None and voted.stance == "critical" and st.stance == "oppose":
                # "Sri Lanka said the resolution was politically motivated": a state rejecting a text aimed at
                # itself answers the text's sponsor, if the article named one, else no state
                sponsor = next((m for m in reversed(self.text_sponsors) if m.iso3 and m.iso3 not in own), None)
                return Statement(st.holder, "oppose", st.cue, sponsor, st.group, st.group_count, st.artefact)
        if st.cue is not None and _APPLICATION_OBJECT.match(self.text, st.cue.end, st.cue.end + 40):
            # "blocked the application" after "Venezuela's bid to join ...": the applicant the sentence before names
            order = [*reversed(self.previous_states), self.lead_actor, headline_target]
        elif st.artefact == "act":
            # the act's author: the lead's actor, the headline's target, else a state the sentence
            # before names ("... Missile Launch by North Korea" above "Japan condemned the launch")
            order = [self.lead_actor, headline_target, *reversed(self.previous_states)]
        elif st.artefact == "text" and self.last_stance is not None and self.last_stance[0] != "neutral":
            # (an abstention just reported is no text's stance: "welcomed the vote" after "Brazil abstained")
            # "The text had the backing of ...": the text is the one just reported.
            inner, text_target = self.last_stance
            if (text_target.iso3 or text_target.bloc) in own:
                return st
            return Statement(st.holder, compose(st.stance, inner), st.cue, text_target,
                             st.group, st.group_count, st.artefact)
        elif st.artefact == "text" and self.headline is not None:
            stance = compose(st.stance, self.headline.stance)
            order = [headline_target]
        else:
            order = [headline_target, self.lead_actor]
        target = next((m for m in order if m is not None and (m.iso3 or m.bloc) not in own and not m.bloc), None)
        if target is None:
            return st
        stance = stance if target is headline_target else st.stance
        if stance in ("oppose", "concern") and st.cue is not None and _TERROR_OBJECT.match(self.text, st.cue.end):
            focus = self._focus()
            if focus is None or focus.iso3 != target.iso3:
                return st   # a terrorist attack is no act of the state the story happens to name last
            stance = "support"   # "condemned the terrorist attack" in a story about the state struck: sympathy
        return Statement(st.holder, stance, st.cue, target, st.group, st.group_count, st.artefact)

    def _read_lead(self, sentences: list[tuple[int, int, list[Mention]]]) -> None:
        """The lead's first actor: whose acts the article reports ("North Korea fired ...")."""
        if self.dated.headings:
            return  # a list of unrelated dated items has no single lead
        for s, e, mentions in sentences[:2]:
            analysis = self._analyse(s, e, mentions)
            self.lead_subject = next((m for i, m in enumerate(analysis.mentions)
                                      if m.iso3 and analysis.roles.get(i) in ("target", "place")), None)
            if self.lead_subject is not None:
                break
        for s, e, mentions in sentences[:3]:
            analysis = self._analyse(s, e, mentions)
            if analysis.actors:
                self.lead_actor = analysis.actors[0]
                return

    def _criticised_by(self, rows: list[dict | MemberRows]) -> Iterator[str]:
        """The states rows oppose or worry about, from holders not criticised themselves, read lazily
        while `criticised` grows. A member record counts as its rows: its only target is added when
        any member is not criticised (its members are never its target, so adding it changes
        nothing for the next member)."""
        for row in rows:
            if isinstance(row, MemberRows):
                shared = row.shared
                if shared["stance"] in ("oppose", "concern") and shared["toward_iso3"] \
                        and any(m not in self.criticised for m in row.iso3):
                    yield shared["toward_iso3"]
            elif row["stance"] in ("oppose", "concern") and row["toward_iso3"] \
                    and row.get("country_iso3") not in self.criticised:
                yield row["toward_iso3"]

    def _event_parties(self, analysis: Analysis, statements: list[Statement], has_claims: bool) -> tuple[Mention | None, Mention | None]:
        """Who acts in the sentence and toward whom, for the events table."""
        if statements:
            return statements[0].holder, statements[0].target
        if has_claims or not analysis.actors:
            return None, analysis.target
        actor = analysis.actors[0]
        target = analysis.target or next(
            (m for m in analysis.actors[1:] if m.start > actor.end and m.iso3 != actor.iso3), None)
        return actor, target

    def _base(self, s: int, e: int, when: When, topic: str) -> dict:
        return {"doc_id": self.doc_id, "file": self.file, "date": when.date, "date_precision": when.precision,
                "date_basis": when.basis, "topic": topic, "text": self.text[s:e], "start": s, "end": e}

    def _position(self, base: dict, iso3: str, stance: str, target: Mention | None, basis: str,
                  group: str, source: str = "") -> dict | None:
        toward = target.iso3 if target is not None else ""
        if iso3 and iso3 == toward:
            return None
        if stance != "neutral" and target is None and basis in ("named", "on_behalf_of_group", "signatory"):
            # backing, opposing or worrying about nothing named says nothing a user can place on the
            # map or in the relations view ("X rejected the accusations" with no accuser in sight)
            return None
        # A state speaking for a group and the same state named again is one position.
        key = (iso3, group if basis in ("bloc", "member_of_group", "roster") else "", stance, toward,
               "named" if basis in ("named", "on_behalf_of_group") else basis)
        if key in self.seen_positions:
            return None
        self.seen_positions.add(key)
        self._note_target(target)
        return {**base, "country_iso3": iso3, "country": countries.country_name(iso3) if iso3 else "",
                "stance": stance, "toward_iso3": toward, "toward": _name(target), "basis": basis,
                "group": group, "source": source}

    def _note_target(self, target: Mention | None) -> None:
        """The states positions were last toward, most recent last, each once: whom "both sides" are."""
        toward = target.iso3 if target is not None else ""
        if toward and (not self.recent_targets or self.recent_targets[-1].iso3 != toward):
            self.recent_targets = [m for m in self.recent_targets if m.iso3 != toward][-5:] + [target]

    def _expand_bloc(self, base: dict, bloc_id: str, stance: str, target: Mention | None, when: When,
                     skip: set[str]) -> list[MemberRows]:
        """The bloc's members on the date taking its stance: one `MemberRows` record, or none when each
        member is skipped, is the target or holds this position already. The checks are `_position`'s
        for basis "member_of_group", member by member; only the row dicts are left out."""
        toward = target.iso3 if target is not None else ""
        seen = self.seen_positions
        codes: list[str] = []
        sources: list[str] = []
        for member in blocs.members(bloc_id, when.as_date()):
            iso3 = member.iso3
            if iso3 in skip or iso3 == toward:
                continue
            key = (iso3, bloc_id, stance, toward, "member_of_group")
            if key in seen:
                continue
            seen.add(key)
            codes.append(iso3)
            sources.append(member.source)
        if not codes:
            return []
        self._note_target(target)
        shared = {**base, "country_iso3": "", "country": "", "stance": stance, "toward_iso3": toward,
                  "toward": _name(target), "basis": "member_of_group", "group": bloc_id, "source": ""}
        return [MemberRows(shared, tuple(codes), tuple(sources))]

    def _position_rows(self, statements: list[Statement], s: int, e: int, when: When,
                       topic: str) -> list[dict | MemberRows]:
        base = self._base(s, e, when, topic)
        rows: list[dict | MemberRows] = []
        speakers = {st.holder.start for st in statements   # states that open their own clause ("France regretted it")
                    if st.cue is not None and 0 < st.cue.start - st.holder.end <= 3}
        for st in statements:
            assert st.stance is not None
            holder = st.holder
            if holder.bloc:
                for target in [st.target] + self._target_list(st, s, e, speakers):   # "suspended Mali and Guinea"
                    row = self._position(base, "", st.stance, target, "bloc", holder.bloc)
                    rows += [row] if row else []
                    rows += self._expand_bloc(base, holder.bloc, st.stance, target, when, set())
                continue
            group = st.group.bloc if st.group is not None else ""
            basis = "on_behalf_of_group" if (st.group is not None or st.group_count) else "named"
            both = self._both_sides(st, e, statements)   # "urged both sides to ...": each of the two parties
            if st.target is None and both:
                st = Statement(holder, st.stance, st.cue, both.pop(0), st.group, st.group_count, st.artefact)
            row = self._position(base, holder.iso3, st.stance, st.target, basis, group)
            rows += [row] if row else []
            for other in self._target_list(st, s, e, speakers) + self._target_allies(st, s, e) + self._between_pair(st) \
                    + both:
                # "recalled its ambassadors from Madrid, Dublin and Oslo": each listed state is a target
                row = self._position(base, holder.iso3, st.stance, other, basis, group)
                rows += [row] if row else []
            switched_to = self._switched_to(st)
            if switched_to is not None:   # "switched recognition from Taiwan to China": backs China
                row = self._position(base, holder.iso3, "support", switched_to, basis, group)
                rows += [row] if row else []
            if group:
                row = self._position(base, "", st.stance, st.target, "bloc", group)
                rows += [row] if row else []
                rows += self._expand_bloc(base, group, st.stance, st.target, when, {holder.iso3})
        return rows

    def _target_allies(self, st: Statement, s: int, e: int) -> list[Mention]:
        """A target taken from an earlier sentence where it acted with others ("Ireland, Norway and Spain
        recognised Palestine." then "Israel denounced the decision"): the others are targets too."""
        target = st.target
        if target is None or not target.iso3 or s <= target.start < e or st.stance == "neutral" or st.cue is None \
                or not _THE_DECISION.match(self.text, st.cue.end, min(e, st.cue.end + 40)):
            return []
        before = self.previous_all
        plural = _BY_THE_SEVERAL.match(self.text, st.cue.end, min(e, st.cue.end + 80))
        if plural is not None:   # "welcomed the decision by the three governments": all of them, however far back
            before = before | self.allies.get(target.iso3, set()) | {target.iso3}
        if target.iso3 not in before:
            return []
        own = {st.holder.iso3} | self.allies.get(st.holder.iso3, set())
        return [Mention(target.start, target.end, target.text, iso3=iso3, kind="name")
                for iso3 in sorted((self.allies.get(target.iso3, set()) & before) - own - {target.iso3})
                if countries.is_state(iso3)]

    def _target_list(self, st: Statement, s: int, e: int, speakers: set[int] = frozenset()) -> list[Mention]:
        """The other states of the list the target opens, right after its cue ("condemned Russia and
        Belarus", "recalled its ambassadors from Madrid, Dublin and Oslo")."""
        target = st.target
        if target is None or st.cue is None:
            return []
        if target.bloc and not target.iso3:
            pass   # "sanctions imposed by the European Union and Britain": the states beside the bloc
        elif not target.iso3 or not 0 <= target.start - st.cue.end <= 40 \
                or not _DIRECT_OBJECT.fullmatch(self.text, st.cue.end, target.start):
            return []
        k = bisect_left(self.sentence_starts, target.start)
        # a bloc inside the list is an item, not a state; a state opening its own clause ends the list
        # ("condemned the strike on Syria, France regretted it")
        run = state_run(self.text, self.sentence_mentions[k + 1:k + 40], target, through_blocs=True, stop=speakers)
        return [m for m in run[1:] if m.iso3 != st.holder.iso3]

    def _switched_to(self, st: Statement) -> Mention | None:
        """The state a switch of recognition or ties goes to ("switched ties from Taiwan to China")."""
        if st.cue is None or st.stance != "oppose" or st.target is None or not _SWITCH.match(st.cue.text):
            return None
        to = _TO_NEXT.match(self.text, st.target.end)
        if to is None:
            return None
        return next((m for m in self.sentence_mentions if m.start == to.end() and m.iso3
                     and m.iso3 != st.holder.iso3), None)

    def _both_sides(self, st: Statement, e: int, statements: list[Statement]) -> list[Mention]:
        """ "urged both sides to show restraint", "called on the two countries to talk": the two parties of
        the story, the states named in this sentence first, then those the last statements were toward.
        Only the two that are not the holder; none unless two are known."""
        if st.cue is None or not st.holder.iso3:
            return []
        speakers = [x.holder for x in statements if x.holder.iso3]
        later = [h.start for h in speakers if h.start > st.holder.end]
        hi = min([e, st.cue.end + 80, *later])   # within the holder's own clause: not "..., while Russia urged both sides"
        if _BOTH_SIDES.search(self.text, st.cue.start, hi) is None:
            return []
        voices = {h.iso3 for h in speakers}
        pair: list[Mention] = []
        for m in [*self.sentence_mentions, *reversed(self.recent_targets)]:
            if m.iso3 and m.iso3 not in voices and all(m.iso3 != p.iso3 for p in pair):
                pair.append(m)
                if len(pair) == 2:
                    return [p for p in pair if st.target is None or p.iso3 != st.target.iso3]
        return []

    def _between_pair(self, st: Statement) -> list[Mention]:
        """ "welcomed the ceasefire between Thailand and Cambodia": the second party is a target as well."""
        target = st.target
        if target is None or not target.iso3 or not _BETWEEN_BEFORE.search(self.text, max(0, target.start - 10), target.start):
            return []
        k = bisect_left(self.sentence_starts, target.start)
        after = [m for m in self.sentence_mentions[k + 1:k + 3] if m.iso3]
        if after and _AND_GAP.fullmatch(self.text, target.end, after[0].start) and after[0].iso3 != st.holder.iso3:
            return [after[0]]
        return []

    # -- frames: votes, lists of states --------------------------------------------------------
    def _doc_motion(self) -> Motion | None:
        """The text last described, else a text critical of the state the article is about (texts put to
        a vote at the UN mostly are): see `_focus`."""
        if self.motion is not None:
            return self.motion
        focus = self._focus()
        return Motion("critical", focus, -1) if focus is not None else None

    def _focus(self) -> Mention | None:
        """The state the article is about: the headline's target, else the first state its title names."""
        if self.title_state is None and self.title_span:
            s, e = self.title_span
            title = self._analyse(s, e, _mentions(self.text, s, e))
            # the first state the title is about, not one acting in it ("US vetoes ...")
            self.title_state = next((m for i, m in enumerate(title.mentions)
                                     if m.iso3 and title.roles.get(i) != "holder"
                                     and not _OWN_VOTE_AFTER.match(self.text, m.end)), False)
        if self.title_state:
            return self.title_state
        if self.headline is not None and self.headline.target is not None and self.headline.target.iso3:
            return self.headline.target
        return self.lead_subject   # "a statement on the conflict in northern Ethiopia"

    def _votes(self, statements: list[Statement], motion: Motion | None) -> list[Statement]:
        """A vote, veto or abstention takes its stance from the text voted on, toward that text's target;
        with no text known, a vote says nothing a user can place (no row)."""
        vetoers = [st.holder for st in statements if st.cue is not None and st.holder.iso3
                   and st.cue.text[:4].lower() == "veto" and st.holder.end <= st.cue.start
                   and not _REPORTED_BETWEEN.search(self.text, st.holder.end, st.cue.start)]   # not "X said Russia had vetoed"
        if vetoers:
            self.vetoers, self.vetoed = vetoers, motion
        if motion is None or motion.target is None:
            return [st for st in statements if st.cue is None or not side_of_cue(st.cue.text)]
        out = []
        for st in statements:
            side = side_of_cue(st.cue.text) if st.cue is not None else ""
            if not side and st.cue is not None and st.cue.text.lower() == "opposed" and \
                    _NO_OBJECT.match(self.text, st.cue.end) and \
                    _WITH_LIST_BEFORE.search(self.text, max(0, st.cue.start - 120), st.cue.start):
                side = "against"   # "187 in favour, with the United States and Israel opposed": a vote cast
            stance = vote_stance(side, motion)
            if stance is None:
                out.append(st)
            elif (st.holder.iso3 or st.holder.bloc) != motion.target.iso3:
                out.append(Statement(st.holder, stance, st.cue, motion.target, st.group, st.group_count, "text"))
        return out

    def _sponsors(self, s: int, e: int, analysis: Analysis, statements: list[Statement],
                  motion: Motion | None) -> list[Statement]:
        """The statements plus the states that present or co-sponsor the text described ("Argentina presented
        the text"): they vote for it, toward its target; one speaking for a bloc ("introduced the text on
        behalf of the Arab League") does so for the bloc. A sponsor's cue in a later clause of someone else
        ("... after talks in which sponsors dropped any reference to sanctions") is not its stance."""
        if motion is None or motion.target is None:
            return statements
        stance = vote_stance("for", motion)
        sponsors = find_sponsor_acts(self.text, s, e, analysis)
        if sponsors:
            self.text_sponsors = sponsors   # whom a state rejecting the text answers (see `_implicit_target`)
        for m in sponsors:
            act_end = sponsor_act_end(self.text, m.end, e)
            if act_end is not None:
                statements = [st for st in statements if st.holder.start != m.start or st.cue is None
                              or st.cue.start < act_end or not _LATER_CLAUSE.search(self.text, act_end, st.cue.start)]
        spoken = {st.holder.iso3 for st in statements if st.stance is not None}
        groups = {st.holder.iso3: st for st in analysis.statements if st.group is not None or st.group_count}
        out = list(statements)
        for m in sponsors:
            if m.iso3 in spoken or m.iso3 == motion.target.iso3:
                continue
            spoke_for = groups.get(m.iso3)
            out.append(Statement(m, stance, None, motion.target, spoke_for.group if spoke_for else None,
                                 spoke_for.group_count if spoke_for else False, "text"))
        return out

    def _explained_vote(self, s: int, e: int, analysis: Analysis, statements: list[Statement],
                        motion: Motion | None) -> list[Statement]:
        """An explanation of vote gives the explainer's vote on the text; it replaces what its words would say."""
        found = explained_vote(self.text, s, e, analysis)
        stance = vote_stance(found[1], motion) if found is not None else None
        if stance is None or found[0].iso3 == motion.target.iso3:
            return statements
        voter = found[0]
        return [st for st in statements if st.holder.iso3 != voter.iso3] + [
            Statement(voter, stance, None, motion.target, artefact="text")]

    def _asked_about(self, s: int, e: int, mentions: list[Mention], when: When, topic: str) -> list[dict]:
        """A stance with no target, then "(he said) when asked to comment on a statement by A and B": toward A and B."""
        if not self.untargeted:
            return []
        asked = _ASKED_ABOUT.search(self.text, s, e)
        if asked is None:
            return []
        first = next((m for m in mentions if m.start >= asked.end() and m.iso3 and m.start - asked.end() <= 120
                      and not _LOCATIVE_AFTER_ASKED.search(self.text, max(asked.end(), m.start - 4), m.start)), None)
        if first is None:
            return []
        named = state_run(self.text, [m for m in mentions if m.start >= first.start], first)
        rows: list[dict] = []
        for holder, stance, opened in self.untargeted:
            base = self._base(opened, e, when, topic)   # the evidence: the stance and the question it answers
            for m in named:   # "a joint statement made by the Republic of Korea, the United States and Japan"
                row = self._position(base, holder, stance, m, "named", "")
                if row:
                    rows.append(row)
        return rows

    def _is_reply(self, st: Statement) -> bool:
        """A criticised state answering its critics ("Beijing rejects the allegations"): not the statement reported."""
        iso3 = st.holder.iso3
        return bool(iso3) and st.stance == "oppose" and iso3 in self.criticised

    def _statement_stance(self, analysis: Analysis | None, frame: StateList | None = None) -> tuple[str, Mention] | None:
        """The stance a list of signatories takes: its sentence's, else the statement last reported, else the headline's."""
        if analysis is not None and analysis.stance in ("support", "oppose", "concern") and analysis.target is not None \
                and analysis.target.iso3 and (frame is None or frame.by != "lead" or analysis.target not in frame.members):
            return analysis.stance, analysis.target
        if frame is not None and self.last_stance is not None and not frame.label.startswith("align") and (
                _BACK_REFERENCE.search(frame.label) or self.sentence_index - self.last_stance_at <= 1):
            # "Among them were ...", "The 27 were ...", or a list right after its statement: the group just reported
            return self.last_stance
        if self.stance_tally:
            # the statement's stance: what the article's speakers said most (first said on a tie)
            (stance, _iso3), (_n, _first, target) = min(self.stance_tally.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
            return stance, target
        if self.last_stance is not None:
            return self.last_stance
        if self.headline is not None and self.headline.target is not None:
            return self.headline.stance, self.headline.target
        focus = self._focus()
        if self.untargeted_stance is not None and focus is not None:
            # "the signatories were gravely concerned by the violence": about the state the article is about
            return self.untargeted_stance, focus
        return None

    def _list_rows(self, lists: list[StateList], analysis: Analysis, statements: list[Statement],
                   motion: Motion | None, base: dict) -> list[dict]:
        """Rows (basis `signatory`) for states listed as voters or signatories."""
        rows: list[dict] = []
        spoken = {st.holder.iso3 for st in statements if st.stance is not None}
        for frame in lists:
            if frame.kind == "vote":
                stance = vote_stance(frame.side, motion)
                if stance is None or motion is None:
                    continue
                rows += self._member_rows(base, frame, stance, motion.target, set())   # a voter may also speak
                continue
            if motion is not None and motion.target is not None and (_SPONSORS.search(
                    self.text, max(base["start"], frame.start - 200), frame.start) or
                    frame.by == "trail" and _SPONSORS.search(frame.label)) and (
                    motion.start >= 0 or _VOTED_TEXT.search(self.text, base["start"], base["end"])):
                # the sponsors of a text vote for it: "presented by Colombia on behalf of ... - A, B, C"
                rows += self._member_rows(base, frame, vote_stance("for", motion), motion.target, spoken)
                continue
            joined = next((st for st in statements if frame.label.startswith("join") and st.holder.end <= frame.start
                           and st.stance in ("support", "oppose", "concern") and st.target is not None
                           and st.target.iso3 and all(st.target.iso3 != m.iso3 for m in frame.members)), None)
            # "Brazil joined France and Germany in condemning the referendums": they did what Brazil did
            found = (joined.stance, joined.target) if joined is not None else self._statement_stance(analysis, frame)
            if found is None:
                self.pending_lists.append((frame, base))   # "The signatories ... expressed concern" may follow
                continue
            if found[1] is not None and found[1].iso3 and any(m.iso3 == found[1].iso3 for m in frame.members):
                continue   # "Israel accused its sponsors - Egypt, Jordan and Tunisia - of ...": the list is the object
            rows += self._member_rows(base, frame, found[0], found[1], spoken)
        if self.pending_lists and analysis.stance in ("support", "oppose", "concern") and analysis.target is not None:
            rows += self._flush_lists((analysis.stance, analysis.target))
        return rows

    def _flush_lists(self, found: tuple[str, Mention] | None) -> list[dict]:
        rows: list[dict] = []
        if found is not None:
            for frame, base in self.pending_lists:
                rows += self._member_rows(base, frame, found[0], found[1], set())
        self.pending_lists = []
        return rows

    def _member_rows(self, base: dict, frame: StateList, stance: str, target: Mention, skip: set[str]) -> list[dict]:
        rows = []
        for member in frame.members:
            if member.iso3 in skip:
                continue
            row = self._position(base, member.iso3, stance, target, "signatory", "")
            if row:
                rows.append(row)
                if stance in ("support", "oppose", "concern") and target is not None and target.iso3:
                    self.held[member.iso3] = (stance, target)
        return rows

    def _claim_stance(self, claim: CountClaim, following: int, analysis: Analysis, statements: list[Statement],
                      s: int, e: int, motion: Motion | None = None) -> tuple[str | None, Mention | None]:
        """What a counted group did and toward whom: its own verb, else its speaker's, else the sentence's."""
        if sponsored_by_before(self.text, max(s, claim.start - 40), claim.start):
            # "co-sponsored by more than 60 countries": they vote for the text, toward its target if it is known
            if motion is not None and motion.target is not None:
                return vote_stance("for", motion), motion.target
            if self.last_stance is None and self.headline is None:
                return "support", None
        if _ON_BEHALF_BEFORE.search(self.text, max(s, claim.start - 30), claim.start):
            speaker = next((st for st in statements if st.group_count), None)
            if speaker is not None:
                return speaker.stance, speaker.target
        if claim.vote:
            cue = Cue(claim.start, claim.end, claim.text, {"for": "support", "against": "oppose"}.get(claim.vote, "neutral"))
            if self.last_stance is None and self.headline is None or _untargeted_text(motion):
                # a tally on a text nobody described, or on one described as aimed at no state ("a separate text
                # calling for an end to all military activity"): how many voted, toward no state
                return cue.stance, None
            artefact = "text"
        else:
            k = bisect_left(analysis.cue_starts, claim.end)
            if k < len(analysis.cues) and analysis.cues[k].start < following:
                cue = analysis.cues[k]
            else:
                b = bisect_left(analysis.cue_starts, claim.start) - 1
                cue = analysis.cues[b] if b >= 0 and analysis.cues[b].end <= claim.start else None
            if cue is None:
                if statements:
                    return statements[0].stance, statements[0].target
                return None, None
            artefact = "text" if cue.start < claim.start and text_subject(self.text, s, cue) else artefact_object(self.text, cue, e)
        if cue.stance == "withdraw":
            return None, None
        voted = vote_stance(side_of_cue(cue.text), motion)
        if voted is None and artefact == "text" and cue.stance == "support" and cue.start < claim.start and \
                _DREW_BACKING.search(self.text, max(s, cue.start - 30), cue.start):
            # "the draft won the backing of 12 of the council's 15 members": they are for the text
            voted = vote_stance("for", motion)
        if voted is not None:   # "143 countries voted in favour of the resolution": the text's stance
            return voted, motion.target
        # a tally's own brackets name its voters, not its target ("13 votes in favour (Albania, Brazil, ...)")
        target = None if claim.vote else analysis.target_between(self.text, cue.end, following if cue.start >= claim.end else e)
        if target is None and cue.start < claim.start:
            target = analysis.target if analysis.stance == cue.stance else None
        if target is not None:
            return compose_cues(cue, self.text, analysis.cues, target, analysis.cue_starts), target
        holder = Mention(claim.start, claim.end, claim.text)
        filled = self._implicit_target(Statement(holder, cue.stance, cue, None, artefact=artefact))
        return filled.stance, filled.target

    def _claim_rows(self, claims: list[CountClaim], analysis: Analysis, statements: list[Statement],
                    s: int, e: int, when: When, topic: str, motion: Motion | None = None,
                    list_stance: tuple[str, Mention] | None = None, title: bool = False) -> list[dict]:
        rows: list[dict] = []
        for index, claim in enumerate(claims):
            following = claims[index + 1].start if index + 1 < len(claims) else e
            voted = vote_stance(claim.vote, motion) if claim.vote else None
            if voted is not None and motion is not None:
                stance, target = voted, motion.target
            else:
                stance, target = self._claim_stance(claim, following, analysis, statements, s, e, motion)
            if stance is None and list_stance is not None:
                stance, target = list_stance   # "signed by ambassadors from 22 countries: A, B, ..."
            if stance is None and claim.text[:10].lower() == "number of ":
                # "the number of countries that co-signed the letter had risen to 50": the statement's signers
                found = self._statement_stance(analysis)
                if found is not None:
                    stance, target = found
            headline = self.headline
            if stance is None and not title and headline is not None and headline.stance == "support" \
                    and not headline.vote and headline.target is not None and _MESSAGE_AFTER.match(self.text, claim.end, e):
                # in a story of backing, states that sent word join it, as a speaker without a cue does
                stance, target = headline.stance, headline.target
            if stance is None:
                if not title and _ON_BEHALF_BEFORE.search(self.text, max(s, claim.start - 40), claim.start):
                    # "who spoke for 27 countries and said ..." then "The group urged Beijing to ...": the stance follows
                    self.pending_claims.append((claim, self._base(s, e, when, topic), self.sentence_index))
                continue
            toward = target.iso3 if target is not None else ""
            # the same count on another day, or on another text put to the vote, is another claim
            key = (claim.count, claim.qualifier, stance, toward, when.date,
                   motion.start if motion is not None and motion.start >= 0 and not title and (
                       claim.vote or _VOTE_WORD.search(self.text, claim.start, following)) else -1)
            if key in self.seen_claims or (title and key[:4] in {k[:4] for k in self.seen_claims}):
                continue   # the title repeats a count the body gave (the body's date is the event's)
            self.seen_claims.add(key)
            row = _claim_row(self._base(s, e, when, topic), claim, stance, toward)
            self.pending_roster.extend(self._included_rows(claim, following, row, stance, target))
            letter = letters.match_letter(stance, toward, topic, when.as_date(), claim.count, self.text[s:e])
            if letter is not None:
                row["group"] = letter.id
                self._roster_rows(letter, row, target, when)
            rows.append(row)
        return rows + self._flush_claims(analysis, when)

    def _flush_claims(self, analysis: Analysis, when: When) -> list[dict]:
        """Counted groups spoken for whose stance a following sentence gives ("The group urged ...")."""
        waiting = [p for p in self.pending_claims if self.sentence_index - p[2] <= 2]
        self.pending_claims = waiting
        if not waiting or analysis.stance not in ("support", "oppose", "concern") or analysis.target is None \
                or not analysis.target.iso3:
            return []
        # claims of this very sentence gave no stance here: they keep waiting
        self.pending_claims = [p for p in waiting if p[2] == self.sentence_index]
        rows = []
        for claim, base, index in waiting:
            if index == self.sentence_index:
                continue
            key = (claim.count, claim.qualifier, analysis.stance, analysis.target.iso3, when.date, -1)
            if key in self.seen_claims:
                continue
            self.seen_claims.add(key)
            rows.append(_claim_row(dict(base), claim, analysis.stance, analysis.target.iso3))
        return rows

    def _spoken_for_members(self, statements: list[Statement], s: int, e: int, when: When, topic: str) -> list[dict]:
        """ "Speaking on behalf of a group of countries including Russia, Belarus and Iran, China's envoy called
        for ...": the states named in the group spoken for take the speaker's stance (basis `signatory`)."""
        if not statements or not any(w in self.text[s:e] for w in ("including", "among them", "such as", "roup of")):
            return []
        lead = _GROUP_INCLUDING.search(self.text, s, e)
        if lead is None:
            return []
        speaker = next((st for st in statements if st.stance and st.target is not None and st.holder.iso3
                        and (0 <= st.holder.start - lead.end() <= 250 or 0 <= lead.start() - st.holder.end <= 60)), None)
        if speaker is None:
            return []
        base = self._base(s, e, when, topic)
        rows = []
        for member in self._listed_from(lead.end()):
            if member.iso3 in (speaker.holder.iso3, speaker.target.iso3):
                continue
            row = self._position(base, member.iso3, speaker.stance, speaker.target, "signatory", "")
            if row:
                rows.append(row)
        return rows

    def _included_rows(self, claim: CountClaim, following: int, base: dict, stance: str,
                       target: Mention | None) -> list[dict]:
        """States named inside a counted group ("ambassadors of 10 countries including Germany and the United
        States, who appealed ...") did what the group did."""
        lead = _INCLUDED.match(self.text, claim.end, min(following, claim.end + 60))
        if lead is None:
            return []
        rows = []
        for member in self._listed_from(lead.end()):
            row = self._position(base, member.iso3, stance, target, "signatory", "")
            if row:
                rows.append(row)
                if stance in ("support", "oppose", "concern") and target is not None and target.iso3:
                    self.held[member.iso3] = (stance, target)
        return rows

    def _listed_from(self, offset: int) -> list[Mention]:
        """The states listed from `offset` in the sentence being read ("including A, B and C"), if a state starts there."""
        k = bisect_left(self.sentence_starts, offset)
        if k >= len(self.sentence_mentions) or self.sentence_mentions[k].start != offset \
                or not self.sentence_mentions[k].iso3:
            return []
        return state_run(self.text, self.sentence_mentions[k:], self.sentence_mentions[k])

    def _roster_rows(self, letter: "letters.Letter", claim_row: dict, target: Mention | None, when: When) -> None:
        base = {k: claim_row[k] for k in ("doc_id", "file", "date", "date_precision", "date_basis", "topic", "text", "start", "end")}
        pending = []
        for member in letters.signatories(letter.id, when.as_date()):
            row = self._position(base, member.iso3, letter.stance, target, "roster", letter.id, member.source)
            if row:
                pending.append(row)
        self.pending_roster.extend(pending)
