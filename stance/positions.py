"""Who takes which stance toward whom in one sentence.

A rule-based reading of news prose: find the stance cue (a verb or noun from the lexicon), the
actors before it (the holders: states or blocs acting or speaking), the state after it whose
policy is at issue (the target), and any bloc or count the holder speaks "on behalf of".
Rules, not a statistical model: every row must be explainable from its sentence, and the tool
runs offline at thousands of articles per second.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from .claims import NUMBER, QUALIFIER
from .composition import compose
from .lexicon import LEXICON
from .reported_acts import find_reported_acts
from .rules.vocabulary import vocabulary_words, words
from .territories import find_territory


@dataclass(frozen=True)
class Mention:
    """A state or bloc named in the text (offsets absolute)."""

    start: int
    end: int
    text: str
    iso3: str = ""   # set for states
    bloc: str = ""   # set for blocs
    kind: str = ""   # name | possessive | demonym | capital | bloc | person | anaphor ("we", "the ministers")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    stance: str
    verdict: bool = False   # a verdict on a text ("politically motivated"): the speaker's, never the text's content


@dataclass
class Statement:
    """One holder's stance in a sentence; `stance` is None when it must come from context."""

    holder: Mention
    stance: str | None
    cue: Cue | None
    target: Mention | None
    group: Mention | None = None        # bloc spoken for ("on behalf of the African Group")
    group_count: bool = False           # spoke for "N countries" rather than a named bloc
    artefact: str = ""                  # "text" ("backed the statement") or "act" ("condemned the launch")


@dataclass
class Analysis:
    """Everything the document assembler needs from one sentence."""

    start: int
    end: int
    statements: list[Statement] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    target: Mention | None = None       # the sentence's main target (for claims)
    stance: str | None = None           # the sentence's main stance (for claims)
    speaker_without_cue: bool = False   # a holder speaks but no cue says how (inherit)
    act_in_own_voice: bool = False      # "The Philippine side has repeatedly intruded ...": the page's own charge
    pronoun_subject: bool = False       # "He said ...", "The ministry urged ..."
    negated: bool = False               # a cue was present but negated ("did not join")
    actors: list[Mention] = field(default_factory=list)   # mentions able to act, in order
    withdrawn: list[Mention] = field(default_factory=list)  # holders that withdrew a signature or support
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)        # mention starts, for bisection
    cue_starts: list[int] = field(default_factory=list)

    def target_between(self, text: str, lo: int, hi: int) -> Mention | None:
        """The first state that can be a target in text[lo:hi], within one clause."""
        hi = _clause_end(text, lo, hi)
        j = bisect_left(self.starts, lo)
        for index in range(j, min(len(self.mentions), j + _SCAN)):
            mention = self.mentions[index]
            if mention.start >= hi:
                break
            if self.roles.get(index) in ("holder", "target"):
                return mention
        return None


_FOR_GROUP = (
    r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|speaking\s+for|representing|"
    r"as\s+(?:the\s+)?(?:current\s+|rotating\s+)?(?:chair|chairman|chairwoman|president|presidency|coordinator|"
    r"co-?ordinator|holder\s+of\s+the\s+presidency)\s+of)\s+"
)
_ON_BEHALF = re.compile(
    _FOR_GROUP + r"(?:the\s+)?(?:(?:member\s+)?(?:states|countries|members)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_INCLUDING = re.compile(
    r"\b(?:including|such\s+as|among\s+them|like|among\s+which|especially|particularly|notably|"
    r"in\s+particular)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z])\w")   # "Mexico's Andres ...", not "Gabon's former colonial power"
_SPEAKER_FOR = re.compile(
    r"\b(?:spokes(?:person|man|woman)|representatives?|envoys?|delegates?|delegations?|commissioner|"
    r"high\s+representative)\s+for\s+(?:the\s+)?$", re.IGNORECASE)
_TITLE_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,3}")   # the title between a state's adjective and its leader's name
_OBJECT_VERB = re.compile(   # a verb whose object is the state or person named next
    r"\b(?:sent|sends|told|tells|urged|urges|called|calls|congratulated|congratulates|thanked|thanks|met|meets|"
    r"phoned|invited|invites|received|receives|hosted|hosts|warned|warns|asked|asks|accused|accuses|praised|"
    r"criticised|criticized|blamed|gave|gives|handed|offered|wished|assured|assures|visited|visits|"
    r"accusing|urging|telling|warning|blaming|thanking|praising|criticising|criticizing|congratulating)\s+(?:the\s+)?$",
    re.IGNORECASE)
_STANCE_NOUN_AFTER = re.compile(
    r"\s+(?:(?:strong|swift|firm|sharp|repeated|continued|unequivocal|public)\s+)?(?:condemnation|criticism|support|"
    r"rejection|backing|opposition|protest|recognition|endorsement|denunciation|objection|concerns?)\b",
    re.IGNORECASE)
_CO_HOLDER = re.compile(r"\b(?:joined\s+by|together\s+with|alongside|along\s+with)\s+(?:the\s+)?$", re.IGNORECASE)
_ALONG_WITH = re.compile(r"\s*,\s*along\s+with\s+(?:the\s+)?", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|;|and|,\s*and|as\s+well\s+as)?\s*(?:the\s+)?", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_MEDIA_AFTER = re.compile(r"\s+(?:state\s+|state-run\s+|national\s+|mainstream\s+|local\s+)?(?:media|press|newspapers?|"
                          r"outlets?|journalists?|reporters?|broadcasters?|television|tabloids?)\b", re.IGNORECASE)
_TEXT_SPONSOR_BEFORE = re.compile(
    rf"\b{words('voted_text')}s?\b[^.;]{{0,60}}?\b{words('sponsor_verb')}\s+(?:jointly\s+)?by\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_LIST = re.compile(r"\b(?:in|at|near|from)\s+(?:[a-z]+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s*$")
_PREP_BEFORE = re.compile(
    r"\b(?:with|to|from|against|about|over|toward|towards|on|for|between|among|than|into|upon|onto|versus|"
    r"regarding|concerning|vis-à-vis)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ON_BEHALF_COUNT = re.compile(
    r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|(?:speaking|spoke|speaks)\s+for|representing)\s+(?:a\s+group\s+of\s+)?"
    r"(?:some\s+|nearly\s+|over\s+|more\s+than\s+|about\s+|almost\s+|around\s+)?"
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)[\s-]+(?:[a-z]+\s+)?(?:countries|states|nations|delegations|member))",
    re.IGNORECASE,
)
_SITUATION_IN = re.compile(
    r"\b(?:situation|crackdowns?|detentions?|arrests?|executions?|repression|violence|abuses|violations|"
    r"(?:enforced\s+)?disappearances?|abductions?|torture|imprisonment|jailing|harassment|intimidation|censorship|"
    r"evictions?|demolitions?|death\s+sentences?|"
    r"persecution|treatment|killings?|conditions|restrictions|closure|blockade|coup(?:\s+d[’']\s?[eé]tat)?|"
    r"takeover|seizure\s+of\s+power|unrest|crisis|elections?|referendum|fighting|war|conflict|hostilities|"
    r"bombing|bombardment|shelling|offensive|strikes?|attacks?|atrocities|massacres?|famine|desecrations?|"
    r"burnings?|discrimination)\b[^.;]{0,60}?"
    r"\bin\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}?(?:(?-i:[A-Z])[\w'’-]*,\s*)?$",
    re.IGNORECASE,
)
_ON_BEHALF_AFTER_CUE = re.compile(
    r",\s*(?:delivered|read(?:\s+out)?|made|issued|presented|voiced|expressed|speaking|acting)\s+"
    r"(?:on\s+behalf\s+of|for|in\s+the\s+name\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
# "Russia's Dmitry Polyanskiy accused ...": a state's person, named and acting (not in the people index)
_NAMED_PERSON_ACTS = re.compile(r"\s+(?-i:[A-Z][a-z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){1,2},?\s+"
                                r"(?:(?:also|later|then|has|had|on\s+\w+day)\s+)?(?-i:[a-z]+ed|said|says|told|urged|warned)\b")
_ENVOY_OF_OBJECT = re.compile(
    r"\b(?:summon(?:ed|s|ing)?|call(?:ed|s|ing)?\s+in|expel(?:led|s|ling)?|ordered\s+out|declared|handed|told)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:ambassadors?|envoys?|charg[eé]s?\s+d['’]affaires|diplomats?|heads?\s+of\s+mission|high\s+commissioners?|"
    r"representatives?|consuls?|attach[eé]s?)\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
_WITH_BEFORE = re.compile(r",\s*with\s+(?:only\s+)?(?:the\s+)?$", re.IGNORECASE)
_VOTING_AFTER = re.compile(r"(?:\s*(?:,|,?\s+and)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*){0,3}"
                           r"\s+(?:abstaining|voting\s+(?:against|for|in\s+favou?r|yes|no)|casting\s+(?:a|the)\s+"
                           r"(?:lone\s+|only\s+|sole\s+)?(?:veto|vote|no\s+vote)|opposed(?=\s*(?:[,.;)]|and\b|$)))\b",
                           re.IGNORECASE)
_OBJECT_PAIR = re.compile(r"(?:\s+(?:member\s+)?(?:countries|states|nations|members))?(?:\s*,\s*and\s+|\s+and\s+|\s+or\s+|\s*,\s*)"
                          r"(?:the\s+)?", re.IGNORECASE)
_OBJECT_PAIR_TAIL = re.compile(r"\s*(?:[,.;:)\"”]|$|(?:and|or|in|on|at|to|from|over|since|after|as|for|with|by|during|amid)\b)", re.IGNORECASE)
_PLACE_PAIR = re.compile(r"(?:\s*,\s*and\s+|\s+and\s+|\s+or\s+)(?:the\s+)?", re.IGNORECASE)
_WE_THE = re.compile(r"[\"“‘]\s*We\s*,\s+the\s+")
_NOMINAL_OBJECT = re.compile(r"\s+(?:of|for|over|at|toward|towards|to|with|against|on)\b", re.IGNORECASE)
_CLAUSE_BETWEEN = re.compile(r",\s*(?:when|as|after|while|where|because|since|before|but|saying|adding|noting|stating|"
                             r"explaining|claiming)\b|;|\bwhen\b", re.IGNORECASE)
_WHICH_BEFORE = re.compile(r",\s*(?:which|that|whom)\s+(?:the\s+)?$", re.IGNORECASE)
_GROUP_OF = re.compile(r"\b(?:core\s+group|group|coalition|alliance|troika|quartet|quad)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_FOR_FRONTED = re.compile(r"\s*[\"“]?For\s+(?:the\s+)?")
_ADJECTIVAL = ("oppos", "support", "commit", "determin", "satisf", "disappoint", "pleas", "delight", "outrag",
               "shock", "dismay", "sadden", "encourag", "interest", "prepar", "resolv", "united", "against", "misguid",
               "bias", "politici", "unbalanc", "concern", "alarm", "worri", "trouble", "perturb")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:(?:\w+ly|also|further|again)\s+)?$", re.IGNORECASE)
_CONCERN_VERBS = ("call", "urg", "ask")   # "is called for", "were urged": a passive; "was concerned": an adjective
_PASSIVE_BY = re.compile(r"^\s*(?:\w+\s+){0,2}?by\s+(?:the\s+)?$"
                         r"|^\s*(?:\w+\s+){0,2}?to\s+the\s+$", re.IGNORECASE)   # "was summoned to the Turkish ministry"
_STATE_NOUN_OF = re.compile(
    r"(?:\b(?:the|a|an|this|that)\s+)?(?:(?-i:[A-Z])[\w-]*\s+|tiny\s+|small\s+|oil-rich\s+|landlocked\s+)?"
    r"(?:nation|country|kingdom|republic|emirate|sultanate|principality|island\s+nation|island\s+state|archipelago)"
    r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_OF = re.compile(
    r"\b(?:representatives?|ambassadors?|envoys?|delegates?|observers?|embassy|embassies|governments?|ministry|ministers?|"
    r"foreign\s+ministers?|presidents?|prime\s+ministers?|king|leaders?|missions?|delegations?|heads\s+of\s+state|"
    r"spokesperson|spokesman|spokeswoman|authorities|officials?|head|chief|"
    r"permanent\s+representative|deputy\s+permanent\s+representative|people|parliament|"
    r"secretary[-\s]general|chair(?:man|woman|person)?|high\s+representative|commission|summit|council|"
    r"foreign\s+affairs|state)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSTED_TO = re.compile(
    r"\b(?:ambassador|envoy|representative|mission|embassy|delegation|consul|delegates?)\s+(?:to|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OCCUPIED_PART_OF = re.compile(r"\boccupied\s+(?:territor(?:y|ies)|regions?|areas?|parts?|lands?)\s+of\s+(?:the\s+)?$",
                               re.IGNORECASE)
_WORDS_BY = re.compile(r"\b(?:statements?|remarks|comments|claims|allegations|accusations|criticism|report|"
                       r"references?|observations)\s+(?:made\s+|issued\s+)?by\s+(?:the\s+)?$", re.IGNORECASE)
_JUDGED_AFTER = re.compile(r"(?:\s+(?:side|government|authorities|ministry|embassy|officials?|foreign\s+minister))?"
                           r"(?:\s+(?:\w+\s+){0,3}?(?:on|about|regarding)\s+[^,.;]{1,40}?)?\s+(?:is|are|was|were|"
                           r"has\s+been|have\s+been|remains?)\b", re.IGNORECASE)
_INTERLOCUTOR = re.compile(r"\b(?:speaking|talking|conferring)\s+(?:by\s+(?:tele)?phone\s+|on\s+the\s+(?:tele)?phone\s+)?"
                           r"with\s+(?:the\s+)?$|\bin\s+a\s+(?:(?:tele)?phone\s+|video\s+)?(?:call|conversation)\s+with\s+(?:the\s+)?$",
                           re.IGNORECASE)
_COUNTERPART_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?counterparts?\b", re.IGNORECASE)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_CAPITAL_VERB = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:has\s+|have\s+|had\s+|is\s+|was\s+|will\s+|would\s+|also\s+|"
    r"on\s+\w+\s+|[a-z]+ly\s+)?"
    r"(?:said|says|say|told|stated|announced|[a-z]+ed|[a-z]+s)\b"
    r"|\s*(?:,\s*|\s+and\s+)(?:the\s+)?[A-Z]"   # one of a list of subjects: "Tokyo, Seoul and Washington condemn"
)
_SPEECH = re.compile(
    r"\b(?:said|says|told|stated|stress(?:ed|es)|emphasi[sz](?:ed|es)|noted|added|argued|"
    r"insisted|declared|maintained|reiterated|spoke|speaking|underlined|pointed\s+out|"
    r"expressed|voiced|signed|co-signed|joined|wrote|writes|writing|tweeted|posted|phoned|telephoned|"
    r"called(?!\s+(?:for|on|upon|off)\b))\b",
    re.IGNORECASE,
)
# "the 15-nation bloc", "leaders of the regional bloc": a bloc named by what it is, not by its name
BLOC_BY_KIND = (r"(?:(?:[Ll]eaders|[Hh]eads\s+of\s+(?:state|government)|(?:[Ff]oreign\s+)?[Mm]inisters|[Mm]embers)\s+of\s+)?"
                r"[Tt]he\s+(?:(?:\d+|[a-z]+)-(?:nation|member|country|state|strong)\s+|(?:regional|continental|pan-African|"
                r"West\s+African|Southeast\s+Asian|Gulf|Arab|European|African|economic|military|western|security)\s+){1,2}"
                r"(?:bloc|group|grouping|alliance|union|organi[sz]ation|community)\b")
_PRONOUN_START = re.compile(BLOC_BY_KIND + "|"
    r"(?:(?:On|In|By|Last|Earlier|Later|Meanwhile|Separately|Then|Also|Since|After|Before|Within)\b"
    r"(?:[^,.;]{0,30}?,?|[^.;]{0,90}?,)\s+"
    r"(?:it|he|she|they|the\s+(?:bloc|group|grouping|alliance|union|organi[sz]ation|body|council|ministry|"
    r"government|embassy|mission|delegation))\b|"
    r"(?:Meanwhile|Separately|Later|Earlier|Also|However|Instead),\s+(?:it|he|she|they)\b)|"
    r"[\"“‘']?(?:He|She|It|They|His|Her|Its|Their|The\s+(?:minister|ministry|spokes(?:person|man|woman)|"
    r"government|embassy|ambassador|envoy|delegation|statement|mission|president|prime\s+minister|bloc|group|grouping|alliance|union|"
    r"diplomat|official|country|state))\b"
)
_QUOTE_ATTRIBUTION = re.compile(
    r"[”\"’']\s*,?\s*(?:he|she|they|the\s+\w+)\s+(?:said|added|told|stressed)\b", re.IGNORECASE
)
_ARTIFACT = re.compile(r"\b(?:resolution|motion|statement|letter|declaration|draft|text|decision)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:(]")
_CLAUSE_START = re.compile(
    r"(?:^|[;:]\s*|,\s*(?:and|but|while|whereas)\s+|\s(?:and|but|while|whereas)\s+|\bthat\s+|[“\"]\s*|"
    r"\b(?:after|before|when|since|because|although|though|once|until)\s+)"
    r"(?:the\s+)?$"
)
_CLAUSE_END = re.compile(
    r"[;:]|,\s*(?:and|but|while|which|who|saying|noting|adding|citing|with)\b|\s(?:and|but)\s+(?:said|says|added|"
    r"called|urged|stressed|told|warned|insisted)\b|\s+but\s+|,\s*(?:the|a)\s+\w+\s+said\b"
)
_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\b[^,]*,")
_OBJECT_HEAD = (r"[\"”’]?\s*(?:(?:of|for|on|to|against|with)\s+)?(?:the|this|that|its|their|his|her|a|an|these|those)?\s*"
                r"(?:[\w-]+\s+){0,2}?")   # also after a quoted verb: "it \"categorically rejects\" the ruling"
_TEXT_OBJECT = re.compile(  # a text that itself takes a stance: backing it takes that stance
    _OBJECT_HEAD + r"(?:vote|resolution|statement|letter|text|motion|declaration|draft|communiqu[eé]|"
    rf"initiative|proposal|plan|{words('inquiry')}|"
    # "the adoption of the resolution", not "the adoption of the law" (a state's act)
    r"(?:adoption|passage)\b(?!\s+of\s+(?:the\s+|a\s+|its\s+|this\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:law|laws|act|bill|legislation|constitution|amendments?|decree)\b))\b",
    re.IGNORECASE,
)
_ACT_OBJECT = re.compile(  # an act by the state in focus: the stance is toward that state
    _OBJECT_HEAD + r"(?:decision|move|vetoe?s?|double\s+veto|launch|test|tests|expulsions?|step|announcement|measures?|actions?|"
    r"remarks|comments|accusations?|report|switch|law|ban|strikes?|attacks?|incursion|invasion|sanctions|"
    r"deportations?|ruling|verdict|sentence|arrests?|detention|executions?|crackdown|policy|policies|visit|trip)\b",
    re.IGNORECASE,
)
_GOVERNED_IN = re.compile(
    r"\b(?:authorities|government|officials|leadership|military|junta|regime|rulers|leaders)\s+in\s+$",
    re.IGNORECASE,
)

_ACT_AFTER = re.compile(
    r"\s+[\"“‘']?(?:[a-z-]+\s+)?(?:court(?:[’']s)?\s+(?:verdict|ruling|decision|sentence)|(?:air\s*)?strikes?|attacks?|aggression|occupation|invasion|incursions?|bombing|"
    r"bombardment|shelling|raids?|offensive|actions?|policies|policy|measures|decisions?|moves?|steps|crackdown|blockade|"
    r"activit(?:y|ies)|intrusions?|coercion|pressure|harassment|intimidation|abuses|atrocities|build-?up|"
    r"(?:war\s+)?crimes|genocide|killings?|massacres?|violence|reports?|statements?|accusations|allegations|comments|"
    r"criticism|rhetoric|propaganda|"
    r"settlements?|annexation|missiles?|launch(?:es)?|tests?|nuclear\s+programme|nuclear\s+program|"
    r"forces|troops|military\s+operations?|operations?|threats?|provocations?|claims|remarks|sanctions|"
    r"tariffs|law|ban|elections?|referendums?|polls?|vote|reply|response|note|position|stance|demands?|claim|interference|meddling|violations|behaviou?r|conduct|expansion|deployment|drills|"
    r"exercises|restrictions|repression|campaign|vetoe?s?|offers?|proposals?|plans?|initiatives?|mediation|"
    r"requests?|bids?|application|candidacy|peace\s+plan|"
    r"independence|sovereignty|territorial\s+integrity|statehood)\b"
)
_BEFORE = 40  # characters of left context the prefix rules look at


_FOR_HINTS = ("behalf", " for ", "name of", "represent")


def _speaks_for_count(text: str, lo: int, hi: int) -> bool:
    """ "on behalf of 55 countries", "speaking for some 40 states" in text[lo:hi]."""
    window = text[lo:hi]
    if not any(h in window for h in _FOR_HINTS):
        return False   # the common case, decided without the regex
    return _ON_BEHALF_COUNT.search(window) is not None


_VOTED_NOUN = re.compile(rf"\b(?:{words('voted_text')}|vetoe?)s?\b", re.IGNORECASE)
_TEXT_BEFORE_VERDICT = re.compile(
    r"\b(?:said|says|called|calling|described|describing|termed|branded|considered|deemed|found)\s+(?:that\s+)?"
    rf"(?:the|this|that|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{words('voted_text')}|vetoe?)s?\s+"
    r"(?:(?:was|is|were|are|as|had\s+been|would\s+be)\s+)?(?:[\w-]+\s+){0,2}?[\"“‘']?(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE)


_JUDGED_COPULA = re.compile(r"\s(?:was|is|were|are|as|be|a|an)\s", re.IGNORECASE)


def verdict_text(text: str, cue: Cue) -> re.Match[str] | None:
    """The text (or veto) a verdict cue is passed on ("called the resolution 'politically motivated'",
    "said the veto was shameful"), else None. Any other cue is a verdict on the text only when a copula
    or an article joins them ("called the draft a provocation", "said the text was unacceptable"), not
    when it is the text's own verb ("said the resolution condemned ...")."""
    found = _TEXT_BEFORE_VERDICT.search(text, max(0, cue.start - 70), cue.start)
    if found is None or cue.verdict:
        return found
    noun = _VOTED_NOUN.search(found.group())
    return found if noun is not None and _JUDGED_COPULA.search(found.group(), noun.end() - 1) else None


_IN_NAME = re.compile(r"(?-i:[A-Z])[\w'’-]*\s+$")
_NAME_GOES_ON = re.compile(r"\s+(?-i:[A-Z])[a-z]")
_LOWER_WORD = re.compile(r"\b(?-i:[a-z])[a-z]{3,}\b")


_ATTACHED_WORD = re.compile(r"[^\W\d_]+$")
_VERB_PREFIXES = frozenset({"re", "co", "pre", "un", "non", "anti", "counter", "over", "under", "self", "mis", "out"})


def find_cues(text: str, start: int, end: int) -> tuple[list[Cue], bool]:
    """Stance cues in text[start:end], dropping negated ones; also whether any was negated."""
    cues: list[Cue] = []
    negated = False
    title_case: bool | None = None
    for match in LEXICON.cue.finditer(text, start, end):
        stance = LEXICON.cue_labels.get(match.name)
        if stance == "non" or stance is None:
            continue
        if match.text[:1].isupper() and match.start > start and _IN_NAME.search(text, max(start, match.start - 30), match.start) \
                and _NAME_GOES_ON.match(text, match.end):
            if title_case is None:
                title_case = len(_LOWER_WORD.findall(text, start, min(end, start + 200))) < 3
            if not title_case:
                continue   # "the paramilitary Rapid Support Forces": a word of a name, not a cue
        if match.start > start and text[match.start - 1] in "-‐" and match.text.lower().endswith("ed"):
            attached = _ATTACHED_WORD.search(text, max(start, match.start - 20), match.start - 1)
            if attached is not None and attached.group().lower() not in _VERB_PREFIXES:
                continue   # "the army-backed government", "the Saudi-led coalition": an adjective, no one's stance
        window_start = max(start, match.start - 45)
        window = text[window_start:match.start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end():]
        if LEXICON.negation.search(window):
            negated = True
            continue
        cue = Cue(match.start, match.end, match.text, stance, match.name in LEXICON.verdicts)
        if cue.verdict and verdict_text(text, cue) is None:
            continue   # a verdict counts only when passed on a text ("said the draft was biased")
        cues.append(cue)
    return cues, negated


# A count before a demonym ("sanctions on 11 Iranian officials", "expelled several Russian diplomats") says
# how many; the words before it say what the state's people are to the sentence.
_COUNT_TAIL = re.compile(
    rf"(?:\b(?:{QUALIFIER}|another|a\s+further)\s+)?\b(?:{NUMBER}|several|dozens\s+of|scores\s+of|hundreds\s+of)\s+$",
    re.IGNORECASE)


_RECALLED_ENVOY = re.compile(r"\brecall(?:s|ed|ing)?\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:ambassadors?|envoys?|high\s+commissioners?|charg[\w-]*)\s+(?:to|in)\s+(?:the\s+)?$", re.IGNORECASE)
_UNNAMED_INCLUDING = re.compile(
    r"\b(?:delegations|speakers|countries|states|nations|governments|members|others|participants|allies|partners|"
    r"capitals|donors)\s*,?\s*(?:including|among\s+them|such\s+as|notably|in\s+particular)\s+(?:those\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE)
_OWN_POST_IN = re.compile(r"\b(?:its|their|our)\s+(?:[\w-]+\s+)?(?:embassy|consulate|mission|diplomats?|nationals|citizens|"
                          r"troops|peacekeepers|soldiers|ships?|vessels?)\s+in\s+(?:the\s+)?(?:[\w'’-]+,\s*)?$", re.IGNORECASE)
_AIMED_AT = re.compile(r"\b(?:out|back|aim|swipe|swipes|jab|jabs)\s+at\s+(?:the\s+)?$", re.IGNORECASE)


_RELATIVE_PASSIVE = re.compile(r"\b(?:that|which)\s+(?:were|was|had\s+been|have\s+been|has\s+been|are|is)\s+(?:\w+ly\s+)?$",
                               re.IGNORECASE)
_WHO_BEFORE = re.compile(r"\b(?:leaders|countries|states|governments|nations|those|others)\s+(?:who|that)\s+"
                         r"(?:had\s+|have\s+|has\s+|also\s+|quickly\s+|publicly\s+)*$", re.IGNORECASE)
_INCLUDED_AFTER = re.compile(
    r"\b(?:included|include|includes|were)\s+(?:the\s+)?(?:(?:leaders?|presidents?|prime\s+ministers?|governments?|"
    r"foreign\s+ministers?|heads?\s+of\s+(?:state|government)|those|that)\s+of\s+(?:the\s+)?)?", re.IGNORECASE)


_SPLICE = re.compile(r"\s*,\s*(?:the\s+)?")
_SPLICE_BEFORE = re.compile(r",\s*(?:the\s+)?$")


def _comma_spliced(text: str, mentions: list[Mention], cues: list[Cue], cue_starts: list[int],
                   holders: set[int]) -> set[int]:
    """States that open a comma-spliced clause between two verbs ("US condemns, China defends X"): right
    after one cue and a comma, right before their own cue."""
    found: set[int] = set()
    if len(cues) < 2:
        return found
    for j, m in enumerate(mentions):
        if j in holders or not (m.iso3 or m.bloc) or m.start < cues[0].end or m.kind not in ("name", "capital", "bloc"):
            continue
        after = bisect_left(cue_starts, m.end)
        if after < len(cues) and 0 < cues[after].start - m.end <= 2 and _SPLICE_BEFORE.search(
                text, max(cues[0].end, m.start - 8), m.start):
            found.add(j)
    return found


def _share_spliced_objects(text: str, statements: list[Statement]) -> None:
    """A verb spliced before another subject shares that clause's object ("US condemns, China defends
    North Korea launch": both are about North Korea), unless it has its own."""
    by_start = {st.holder.start: st for st in statements}
    for n, st in enumerate(statements):
        if st.cue is None:
            continue
        gap = _SPLICE.match(text, st.cue.end)
        nxt = by_start.get(gap.end()) if gap is not None else None
        if nxt is None or nxt is st or nxt.target is None:
            continue
        if st.target is None or st.target.start == nxt.holder.start:
            statements[n] = Statement(st.holder, st.stance, st.cue, nxt.target, st.group, st.group_count, st.artefact)


# a capitalised name right after a cue: a named entity, which is no state unless a state mention starts there
NAMED_NEXT = re.compile(r"\s+(?:the\s+)?(?:self-proclaimed\s+|self-declared\s+|so-called\s+)?(?-i:[A-Z])")
TIES_WITH_NAMED = re.compile(r"\s+with\s+(?:the\s+)?(?:self-proclaimed\s+|self-declared\s+|so-called\s+)?(?-i:[A-Z])")
_ACT_NOUN = (r"\s*[\"“]?(?:The|This|That|Their|Its|the)\s+(?:[\w-]+\s+)?(?:move|decision|step|announcement|plan|launch|"
             r"test|strike|attack|law|ban|measure|expulsion|recognition|visit|deal|agreement|remarks|comments)s?\b")
_ACT_SUBJECT = re.compile(_ACT_NOUN + r"[^.;]{0,40}?\b(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\b")
_ACT_PROMPTED = re.compile(_ACT_NOUN + r"[^.;,]{0,40}?$")   # "The visit prompted an angry response from China"
_COMMA_VERB = re.compile(r",\s*$")   # "suspends relations with Sahrawi republic, backs Moroccan autonomy plan"
_AND_PASSIVE = re.compile(r"\b(?:and|but)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_MUTUAL = re.compile(r"(?:restor|resum|normali|re-?establish|establish|upgrad)\w*\s+(?:full\s+|formal\s+|their\s+|its\s+)?"
                     r"(?:diplomatic\s+)?(?:relations|ties)\b", re.IGNORECASE)


def _mutual_targets(statements: list[Statement]) -> None:
    """Two states that restore, resume or establish ties together ("Egypt and Qatar restored diplomatic ties")
    each back the other."""
    pair = [n for n, st in enumerate(statements) if st.cue is not None and st.target is None and _MUTUAL.match(st.cue.text)]
    if len(pair) != 2 or statements[pair[0]].cue is not statements[pair[1]].cue:
        return
    a, b = statements[pair[0]], statements[pair[1]]
    if a.holder.iso3 and b.holder.iso3 and a.holder.iso3 != b.holder.iso3:
        statements[pair[0]] = Statement(a.holder, a.stance, a.cue, b.holder, a.group, a.group_count, a.artefact)
        statements[pair[1]] = Statement(b.holder, b.stance, b.cue, a.holder, b.group, b.group_count, b.artefact)


_AGENT_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_JOINT_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
_DEMONYM_AND = re.compile(r"\s+and\s+")


_CALLED_THE_ACT = re.compile(r"\b(?:called|calls|termed|terms|described|describes|branded|brands|deemed|deems)\s+"
                             r"(?:that|the|this|such\s+a|its)\s+(?:decision|move|step|measure|act|action)\s+(?:\w+\s+)?$",
                             re.IGNORECASE)


def _verdict_on_the_act_before(text: str, statements: list[Statement], start: int) -> None:
    """ "Algiers severed relations with Rabat; Morocco called that decision unjustified": a verdict on the act
    just reported in the sentence is toward the state that did it."""
    for n, st in enumerate(statements):
        if st.target is not None or st.cue is None or st.stance not in ("oppose", "support", "concern") or \
                not _CALLED_THE_ACT.search(text, max(start, st.cue.start - 50), st.cue.start):
            continue
        actor = next((x.holder for x in reversed(statements[:n]) if x.cue is not None and x.cue.end <= st.holder.start
                      and x.holder.iso3 and x.holder.iso3 != st.holder.iso3), None)
        if actor is not None:
            statements[n] = replace(st, target=actor)


def _joint_actors(text: str, statements: list[Statement], mentions: list[Mention], starts: list[int]) -> None:
    """An act of two states is a stance toward both: "condemned the strikes by Israel and the United States",
    "Israeli and American strikes". The statement toward the first is repeated toward each joint actor."""
    for st in list(statements):
        target = st.target
        if target is None or not target.iso3 or st.stance is None:
            continue
        by = _AGENT_BY.search(text, max(0, target.start - 12), target.start) if target.kind == "name" else None
        if by is None and target.kind != "demonym":
            continue
        j = bisect_left(starts, target.end)
        joint, previous = [], target
        while j < len(mentions) and len(joint) < 4:
            m = mentions[j]
            if m.kind != target.kind or not m.iso3 or m.iso3 in (st.holder.iso3, target.iso3):
                break
            gap = (_DEMONYM_AND if target.kind == "demonym" else _JOINT_GAP).fullmatch(text, previous.end, m.start)
            if gap is None:
                break
            joint.append(m)
            previous = m
            j += 1
        if joint and target.kind == "demonym" and not _ACT_AFTER.match(text, previous.end, previous.end + 40):
            continue   # "Israeli and American officials": people, not a joint act
        for m in joint:
            statements.append(replace(st, target=m))


_TERRITORY_OF = re.compile(r"\b(?:in|of|on|against|into|over|across|throughout|inside|about|regarding|concerning)\s+$", re.IGNORECASE)
_ARMED_GROUP = re.compile(r"(?-i:" + words("armed_group") + r")\b")


def territory_at_issue(text: str, lo: int, hi: int, statement: bool = True) -> Mention | None:
    """ "condemned the bombardment of Gaza", "concern over the camps in Xinjiang": a stance on what happens in
    a territory (`territories`) is toward the state whose conduct is at issue there. Not "rockets fired from
    Gaza" nor an armed group's act ("the attack by Hamas in Gaza"), and never for backing ("aid to Gaza").
    A text's own description (`statement=False`: "a draft condemning Hamas and demanding a ceasefire in
    Gaza", see `frames.find_motion`) takes the territory it names whatever else it condemns."""
    place = find_territory(text, lo, hi)
    if place is None or statement and (not _TERRITORY_OF.search(text, max(lo, place.start - 12), place.start)
                                       or _ARMED_GROUP.search(text, lo, place.start)):
        return None
    return Mention(place.start, place.end, place.text, iso3=place.iso3, kind="territory")


def _listed_after_state(mentions: list[Mention], index: int, text: str) -> bool:
    """ "from Dublin, Madrid and Oslo": a state after another state and a comma is the next item of a list, not
    the country of a town ("in Lyon, France"); the caller checks that no verb of its own follows ("in Geneva,
    Switzerland, Peru criticised ...")."""
    if not index:
        return False
    before = mentions[index - 1]
    return bool(before.iso3) and before.iso3 != mentions[index].iso3 and \
        text[before.end:mentions[index].start].strip() == ","


def _left(text: str, sentence_start: int, offset: int) -> str:
    return text[max(sentence_start, offset - _BEFORE):offset]


def _is_agentive(text: str, mention: Mention, sentence_start: int, sentence_end: int) -> bool:
    """Whether the mention can act (a government), not just be talked about."""
    after = text[mention.end:min(sentence_end, mention.end + 60)]
    if mention.kind in ("bloc", "name", "person"):
        return True
    if mention.kind in ("possessive", "demonym"):
        return LEXICON.actor_noun.match(after) is not None or (
            mention.kind == "possessive" and _NAMED_PERSON_ACTS.match(after) is not None)
    if mention.kind == "capital":
        return _CAPITAL_VERB.match(after) is not None or bool(_CLAUSE_START.search(text[max(sentence_start, mention.start - 30):mention.start]))
    return False


def classify(text: str, mentions: list[Mention], start: int, end: int, first_cue: int) -> dict[int, str]:
    """Role of each mention (by index): holder | target | place | member | group | other."""
    roles: dict[int, str] = {}
    for index, mention in enumerate(mentions):
        if mention.kind == "anaphor":
            roles[index] = "holder"     # "We", "The ministers" standing for the voice they refer to (see extract)
            continue
        left = _left(text, start, mention.start)
        if mention.kind == "demonym" and left[-1:] == " " and left[-2:-1].isalnum():
            count = _COUNT_TAIL.search(left)
            if count is not None:
                left = left[:count.start()]
        named_as = _STATE_NOUN_OF.search(left) if left.endswith(("of ", "of the ", "of\n")) else None
        if named_as is not None and not left[:named_as.start()].strip(" \t\"“-–—"):
            # "The Pacific nation of Nauru has ...", "The Kingdom of Bahrain condemned ...": the subject itself
            left = ""
        if index == 0 and mention.start - start <= 2 and text.startswith(":", mention.end):
            # "Myanmar: UN rights chief alarmed": a headline's topic label; "Mao Ning: We oppose ...": the speaker
            roles[index] = "holder" if mention.kind == "person" else "other"
        elif mention.kind == "demonym" and _MEDIA_AFTER.match(text, mention.end, min(end, mention.end + 30)):
            roles[index] = "other"      # "the British media", "Chinese state media": outlets, not the state
        elif mention.kind in ("name", "capital") and _FROM_BEFORE.search(left) and \
                _RELATIVE_ACT_AFTER.match(text, mention.end, min(end, mention.end + 60)):
            roles[index] = "holder"     # "drew a furious response from Beijing, which recalled its ambassador"
        elif mention.kind == "name" and _TOPIC_NOUN_AFTER.match(text, mention.end, min(end, mention.end + 40)):
            roles[index] = "other"      # "the Taiwan question", "the Korea issue": a subject, not a party
        elif _listed_after_state(mentions, index, text) and roles.get(index - 1) in ("place", "target") and \
                _OBJECT_PAIR_TAIL.match(text, mention.end, min(end, mention.end + 12)):
            roles[index] = roles[index - 1]     # "in Iran, North Korea", "from Dublin, Madrid and Oslo": list items
        elif index and left.rstrip().endswith("(") and (mention.iso3 or mention.bloc) == (
                mentions[index - 1].iso3 or mentions[index - 1].bloc):
            roles[index] = roles[index - 1]     # an apposition repeats the same actor: "the OIC (Organization ...)"
        elif mention.kind in ("name", "capital") and _WITH_BEFORE.search(left) and \
                _VOTING_AFTER.match(text, mention.end, min(end, mention.end + 80)):
            roles[index] = "holder"     # "adopted 14-0, with the United States abstaining": a voter, not a partner
        elif _ON_BEHALF.search(left) or (mention.bloc and mention.start - start <= 10 and _FOR_FRONTED.fullmatch(left)):
            roles[index] = "group"      # also "For the Arab Group, Egypt called on ..."
        elif mention.start < first_cue and index and roles.get(index - 1) == "holder" and \
                _ALONG_WITH.fullmatch(text, mentions[index - 1].end, mention.start):
            roles[index] = "holder"     # "Japan, along with South Korea and Australia, condemned ...": co-subjects
        elif left.endswith(("by ", "by the ")) and _TEXT_SPONSOR_BEFORE.search(left) and \
                not text.startswith((" on behalf", ", on behalf", " in the name"), mention.end):
            # "The draft, put forward by the UAE, called for ...": the text speaks, not its sponsor (who
            # votes for it, `frames.find_sponsor_acts`); one tabling it on behalf of a group stays its voice
            roles[index] = "other"
        elif ("by" in left or "with" in left or "along" in left) and _CO_HOLDER.search(left) or (
                index and roles.get(index - 1) == "member" and mention.kind in ("name", "possessive")
                and _LIST_GAP.fullmatch(text, mentions[index - 1].end, mention.start)
                and not (mention.kind == "possessive" and LEXICON.actor_noun.match(text, mention.end))):
            roles[index] = "member"     # "X condemned the attack, joined by Chile, Peru and Mexico": not targets
        elif mention.start < first_cue and _UNNAMED_INCLUDING.search(left):
            roles[index] = "holder"     # "Several delegations, including those of Germany and Canada, expressed ..."
        elif mention.start < first_cue and (_INCLUDING.search(left) or _GROUP_OF.search(left)):
            roles[index] = "member"     # also "on behalf of the Core Group of Canada, Germany and ..."
        elif _GOVERNED_IN.search(left) or ("for" in left and _SPEAKER_FOR.search(left)):
            roles[index] = "holder"     # "the military authorities in Burkina Faso", "a spokesperson for the EU"
        elif left.endswith(("of ", "of the ", "from ", "from the ")) and _ENVOY_OF_OBJECT.search(left):
            roles[index] = "target"     # "summoned the ambassadors of Belgium": the state whose envoy is called in
        elif left.endswith(("to ", "to the ", "in ", "in the ")) and _RECALLED_ENVOY.search(left):
            roles[index] = "target"     # "recalled its ambassador to Paris": the state it is recalled from
        elif left.endswith(("of ", "of the ")) and _OCCUPIED_PART_OF.search(left) and \
                not _OCCUPIED_BY.match(text, mention.end, min(end, mention.end + 60)):
            roles[index] = "other"      # "elections in the occupied territories of Ukraine": the occupier is at issue
        elif left.endswith(("by ", "by the ")) and _WORDS_BY.search(left) and _JUDGED_AFTER.match(text, mention.end, end):
            roles[index] = "target"     # "the statement by the US is misplaced": the author of words being judged
        elif left.endswith(("at ", "at the ")) and _AIMED_AT.search(left):
            roles[index] = "target"     # "hit out at Sweden", "took aim at Washington": not a place
        elif _against_hint(left) and _AGAINST_TARGET.search(left):
            roles[index] = "target"     # "interference in China's internal affairs", "attacks on Qatar"
        elif _POSTED_TO.search(left) or (LEXICON.locative.search(left) and not _AT_ACT.search(left) if mention.kind ==
                                         "possessive" else LEXICON.locative.search(left)) or (_PLACE_LIST.search(left) and not mention.bloc
):
            roles[index] = "place"
        elif index and roles.get(index - 1) == "place" and mention.kind == "name" and \
                _PLACE_PAIR.fullmatch(text, mentions[index - 1].end, mention.start):
            roles[index] = "place"      # "in Sweden and Denmark": the second is a place too
        elif index and mention.start > first_cue and roles.get(index - 1) == "target" and \
                mention.kind in ("name", "capital") and _OBJECT_PAIR.fullmatch(text, mentions[index - 1].end, mention.start) \
                and _OBJECT_PAIR_TAIL.match(text, mention.end, min(end, mention.end + 12)):
            roles[index] = "target"     # "attacks on GCC countries and Jordan and calls on ...": a second object
        elif mention.kind == "demonym" and (_ACT_AFTER.match(text, mention.end, min(end, mention.end + 40)) or (
                index + 1 < len(mentions) and mentions[index + 1].kind == "demonym"
                and _DEMONYM_AND.fullmatch(text, mention.end, mentions[index + 1].start)
                and _ACT_AFTER.match(text, mentions[index + 1].end, min(end, mentions[index + 1].end + 40)))):
            roles[index] = "target"     # "the Israeli strikes", "Russian aggression", "Israeli and US strikes"
        elif mention.kind == "demonym" and _COUNTERPART_AFTER.match(text, mention.end, min(end, mention.end + 30)):
            roles[index] = "target"     # "called his Qatari counterpart to express support": the one addressed
        elif mention.kind == "demonym" and LEXICON.actor_noun.match(text, mention.end) is None:
            roles[index] = "other"      # "Chinese citizens", "North Korean defectors"
        elif _OF_BEFORE.search(left) and not _AGENT_OF.search(left):
            roles[index] = "target"     # "the sovereignty of China"
        elif left.endswith(("to ", "to the ")) and _ACCORDING_TO.search(left):
            roles[index] = "holder"     # "according to the Russian foreign ministry": the source speaks
        elif left.endswith(("with ", "with the ")) and _INTERLOCUTOR.search(left):
            roles[index] = "other"      # "speaking by phone with the French president": whom one talks to, no target
        elif _PREP_BEFORE.search(left) or (mention.kind in ("person", "name", "capital", "demonym", "possessive")
                                           and _OBJECT_VERB.search(left)):
            roles[index] = "target"     # "talks with China", "accusations against Canada", "sent Putin a message"
        elif mention.kind == "possessive" and _STANCE_NOUN_AFTER.match(text, mention.end, min(end, mention.end + 40)):
            roles[index] = "holder"     # "Japan's condemnation of ...": the nominalised stance's holder
        elif mention.kind == "person" and index and roles.get(index - 1) == "target" and \
                mentions[index - 1].kind in ("demonym", "possessive") and mentions[index - 1].iso3 == mention.iso3 and \
                _TITLE_GAP.fullmatch(text, mentions[index - 1].end, mention.start):
            roles[index] = "target"     # "told Ukrainian President Volodymyr Zelenskiy that ...": the one told
        elif mention.start < first_cue and index and roles.get(index - 1) == "holder" and \
                mention.kind in ("possessive", "demonym", "capital") and \
                _LIST_GAP.fullmatch(text, mentions[index - 1].end, mention.start) and \
                _NAME_AFTER.match(text, mention.end):
            roles[index] = "holder"     # coordinated subjects: "Chile's Gabriel Boric and Mexico's president"
        elif _is_agentive(text, mention, start, end) or (
                mention.kind in ("possessive", "demonym") and index + 1 < len(mentions)
                and mentions[index + 1].kind == "person" and mentions[index + 1].start - mention.end <= 2):
            roles[index] = "holder"     # also "Chile's Gabriel Boric": a state's leader named
        else:
            roles[index] = "target"     # "China's position"
    return roles


def _clause_opens_before(text: str, holder: Mention, cue: Cue, mentions: list[Mention], holders: list[int],
                         position: int) -> bool:
    """Whether a later holder opens a clause of its own before the cue ("A and B voiced similar objections,
    while C welcomed ..."): then the cue is that holder's. Only the holders before the cue are looked at."""
    for k in range(position + 1, len(holders)):
        h = holders[k]
        if mentions[h].start >= cue.start:
            return False
        if _CLAUSE_BETWEEN.search(text, holder.end, mentions[h].start):
            return True
    return False


def _nominal_owner(text: str, mentions: list[Mention], starts: list[int], cue: Cue) -> Mention | None:
    """The possessive that owns a stance noun right after it ("Havana's support", "Japan's condemnation")."""
    k = bisect_left(starts, cue.start) - 1
    if k < 0:
        return None
    m = mentions[k]
    if 0 <= cue.start - m.end <= 3 and (m.kind == "possessive" or m.text.endswith(("'s", "’s"))) \
            and _STANCE_NOUN_AFTER.match(text, m.end, cue.end + 1) is not None:
        return m
    return None


def _own_object_end(text: str, cue: Cue, cues: list[Cue], cue_starts: list[int], limit: int, start: int, end: int) -> int:
    """Where the cue's own object ends: at a second verb of the same subject that has an object of its own
    ("condemns the attack in Quetta and supports Pakistan's efforts": Pakistan is the second verb's), else
    the sentence end. Two verbs sharing one object ("condemned and denounced Russia") share its end."""
    k = bisect_left(cue_starts, cue.end)
    while k < len(cues) and cues[k].start < limit:
        later = cues[k]
        if later.stance != "withdraw" and (_AND_VERB.search(text, max(start, later.start - 60), later.start)
                                           or _COMMA_VERB.search(text, max(start, later.start - 3), later.start)):
            between = text[cue.end:later.start]   # also "welcomed the deal, urging North Korea to comply"
            return later.start if len(between.split()) >= 3 or between.rstrip().endswith(",") else end
        k += 1
    return end


_SAME_ACT = re.compile(
    r"(?:\s*,\s*(?:which|who)\b[^,;.]{0,50},)?\s+(?:(?:also|then|later|soon|quickly|had|has|have|too)\s+)*"
    r"(?:did\s+the\s+same|do\s+the\s+same|does\s+the\s+same|followed\s+suit|follow\s+suit|follows\s+suit|"
    r"did\s+so|does\s+so|do\s+so|done\s+so|"
    r"followed(?=\s+(?:within|minutes|hours|moments|shortly|soon|quickly|closely|later|close\s+behind)\b|\s*[,.;])|"
    r"took\s+the\s+same\s+(?:step|decision|course)|taken\s+the\s+same\s+(?:step|decision)|"
    r"(?:echoed|echoes|echo|repeated|repeats|joined|join|joins)\s+(?:the|that|this|these|those)\s+(?:calls?|appeals?|"
    r"concerns?|criticism|condemnation|demands?|warnings?)|"
    r"(?:voiced|voices|expressed|expresses|raised|raises|shared|shares|made|makes)\s+(?:very\s+)?(?:similar|the\s+same)\s+"
    r"(?:objections?|concerns?|criticism|complaints?|reservations|demands?|calls?|warnings?))\b", re.IGNORECASE)


_CO_SUBJECT_GAP = re.compile(r"\s*(?:,\s*|,?\s+and\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}")


def _co_subjects_ends(text: str, mentions: list[Mention], holders: list[int]) -> list[int]:
    """Where the subjects each holder opens end: "Rwandan President Paul Kagame and Ethiopian Prime Minister
    Abiy Ahmed followed" has four holder mentions joined by titles and "and", one verb after the last.
    One backward pass, so a long list of states costs one look per gap."""
    ends = [mentions[i].end for i in holders]
    for position in range(len(holders) - 2, -1, -1):
        if _CO_SUBJECT_GAP.fullmatch(text, ends[position], mentions[holders[position + 1]].start):
            ends[position] = ends[position + 1]
    return ends


def same_act(text: str, offset: int, end: int) -> bool:
    """Whether the words after a state say it did what was just reported ("did the same", "followed suit")."""
    return _SAME_ACT.match(text, offset, min(end, offset + 60)) is not None


_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")


def _cue_objects(text: str, cues: list[Cue], mentions: list[Mention], starts: list[int]) -> set[int]:
    """Mentions that are a cue's direct object, with the states listed right after them."""
    found: set[int] = set()
    for cue in cues:
        j = bisect_left(starts, cue.end)
        if j >= len(mentions) or not _OBJECT_GAP.fullmatch(text, cue.end, mentions[j].start):
            continue
        found.add(j)
        while j + 1 < len(mentions) and _LIST_GAP.fullmatch(text, mentions[j].end, mentions[j + 1].start):
            j += 1
            found.add(j)
    return found


def compose_cues(first: Cue, text: str, cues: list[Cue], target: Mention | None,
                 cue_starts: list[int] | None = None) -> str:
    """Stance toward the target when the cue bears on an artefact ("voted for a resolution condemning X")."""
    if target is None:
        return first.stance
    starts = cue_starts if cue_starts is not None else [c.start for c in cues]
    k = bisect_left(starts, first.end)
    if k >= len(cues) or cues[k].start >= target.start or cues[k].verdict:
        return first.stance
    artifact = _ARTIFACT.search(text, first.end, cues[k].start)
    if artifact is None and first.stance == "concern" and cues[k].stance in ("support", "oppose") \
            and _URGED_OTHERS_TO.fullmatch(text, first.end, cues[k].start):
        return cues[k].stance   # "urged Islamic states to cut relations with Israel": the act urged, toward Israel
    if artifact is None or artifact.start() - first.end > 60 or _NOT_OBJECT_GAP.search(text, first.end, artifact.start()):
        return first.stance   # '"This is a provocation," the ministry said in a statement, "and we urge ..."'
    return compose(first.stance, cues[k].stance)


_URGED_OTHERS_TO = re.compile(r"\s+(?:(?:on|upon)\s+)?(?:the\s+|all\s+|other\s+|fellow\s+)?(?:[\w-]+\s+){0,3}?"
                              r"(?:states|countries|nations|governments|members|world|community|partners|allies|council)"
                              r"\s+to\s+(?:\w+ly\s+)?", re.IGNORECASE)
_NOT_OBJECT_GAP = re.compile(r"[\"“”’;]|\b(?:said|says|told|added|according)\b", re.IGNORECASE)
_AGAINST_TARGET = re.compile(   # an act done to the state named next: opposing it defends that state
    r"(?:\b(?:interference|interfering|meddling|intervention|intervening)\s+in\s+(?:the\s+)?"
    r"(?:(?:internal|domestic)\s+affairs\s+of\s+(?:the\s+)?)?"
    r"|\b(?:attacks?|pressure|campaigns?|sanctions?|accusations?|allegations?|slander|smears?|hostility|threats?|"
    r"aggression|provocations?|(?:air\s*|missile\s+|drone\s+)?strikes?|bombings?|shelling|raids?|assaults?|"
    r"curbs|tariffs|duties|restrictions|(?:export\s+)?controls|embargo(?:es)?|bans?)"
    r"\s+(?:on|against|toward|towards|targeting|aimed\s+at)\s+(?:the\s+)?"
    r"|\b(?:smear(?:ing)?|slander(?:ing)?|demoni[sz](?:e|ing)|isolat(?:e|ing)|pressur(?:e|ing)|criticism\s+of)\s+(?:the\s+)?"
    r"|\b(?:targeting|singling\s+out|naming\s+and\s+shaming|politici[sz]ation|stigmati[sz]ation)\s+of\s+(?:the\s+)?"
    r"|\b(?:threats?|attempts?|plans?)\s+(?:to|of)\s+[^.;]{0,40}?[\"”’]?\s*(?:against|on|targeting)\s+(?:the\s+)?"
    # "the accusation of genocide against Israel", "allegations of forced labour levelled at China"
    r"|\b(?:accusations?|allegations?|charges?|claims?)\s+of\s+[^.;,]{0,40}?[\"”’]?\s*"
    r"(?:against|(?:level+ed|made|directed)\s+(?:at|against))\s+(?:the\s+)?"
    # "the so-called 'assessment' on Xinjiang, China": a text about the state, dismissed
    r"|\bso-called\s+[\"“‘']?[\w -]{1,40}?[\"”’']?\s+(?:on|about|against|of|regarding|concerning|into)\s+"
    r"(?:(?-i:[A-Z])[\w-]*,?\s+){0,2}(?:the\s+)?)$",
    re.IGNORECASE,
)
_OWN_AFFAIRS = re.compile(r"[’']s?\s+(?:own\s+)?internal\s+(?:affairs?|matters?)\b", re.IGNORECASE)


_AND_VERB = re.compile(r"(?:,\s*|\s+)(?:and|but|while)\s+(?:(?:also|then|later|promptly|will|would|has|have|had|to|"
                       r"instead|immediately|formally)\s+){0,2}"
                       # "... and reaffirmed their unwavering support for Ukraine": a light verb before a stance noun
                       r"(?:(?:re)?affirm(?:ed|s)?|express(?:ed|es)?|voic(?:ed|es)|reiterat(?:ed|es)|pledg(?:ed|es)|"
                       r"offer(?:ed|s)|renew(?:ed|s))?\s*(?:(?:their|its|his|her|our|the)\s+)?(?:[a-z]+\s+){0,2}$",
                       re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)
_RELATIVE_ACT_AFTER = re.compile(r"\s*,\s*(?:which|who)\s+(?:(?:has|had|have|also|then|promptly|immediately|quickly)\s+)*"
                                 r"[a-z]+ed\b", re.IGNORECASE)
_AT_ACT = re.compile(r"\b(?:at|over)\s+$", re.IGNORECASE)   # "dismay at Mali's expulsion of ...": its act, not a place
_TOPIC_NOUN_AFTER = re.compile(
    r"\s+(?:question|issue|problem|file|dossier)s?\b"
    r"|\s+(?:is|are|remains?)\s+(?:an?\s+|purely\s+|solely\s+)*(?:internal\s+affairs?|inalienable\s+part|integral\s+part)\b",
    re.IGNORECASE)
_RECEIVES = re.compile(
    r"\b(?:gets?|got|receiv(?:e|es|ed|ing)|wins?|won|gain(?:s|ed)?|enjoy(?:s|ed)?|secur(?:e|es|ed)|drew|draws?|drawing|"
    r"prompt(?:s|ed|ing)|spark(?:s|ed|ing)|trigger(?:s|ed|ing)|provok(?:e|es|ed|ing)|elicit(?:s|ed|ing)|"
    r"garner(?:s|ed)?|lost|loses?)\s+(?:(?:the|a|an|strong|firm|full|fresh|new|rare|more|some|broad|swift|sharp|"
    r"harsh|immediate|fierce|stern|angry|widespread|international|furious)\s+){0,2}$",
    re.IGNORECASE)
_FROM_AGENT = re.compile(r"\s*(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)
_OCCUPIED_BY = re.compile(
    r"\s*(?:,\s*)?(?:(?:that|which)\s+(?:is|are|was|were)\s+)?(?:still\s+|illegally\s+|temporarily\s+)?"
    r"(?:occupied|controlled|annexed|seized|held|administered)\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
_THAT_STATE = re.compile(r"\s*(?:that|which)\s+(?:the\s+)?", re.IGNORECASE)
_OCCUPIER_VERB = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?(?:occupied|occupies|annexed|seized|controls|"
                            r"controlled|holds|held)\b", re.IGNORECASE)
_AGAINST_HINTS = ("inter", "meddl", "attack", "pressur", "campaign", "sanction", "accus", "allegation", "slander",
                  "smear", "hostil", "threat", "aggress", "provoc", "demoni", "isolat", "critic", "so-called",
                  "target", "singling", "shaming", "politici", "stigmati", "strike", "bomb", "shell", "raid", "assault",
                  "curb", "tariff", "dut", "restrict", "control", "embargo", "ban")


def _against_hint(left: str) -> bool:
    """Cheap test before `_AGAINST_TARGET`: most left contexts name no act done to a state."""
    low = left.lower()
    return any(h in low for h in _AGAINST_HINTS)


def defended(text: str, cue: Cue, target: Mention | None, stance: str) -> str:
    """ "rejected interference in China's internal affairs", "condemned the attacks on Qatar": support.

    Opposing an act done to a state backs that state; so does calling a matter its internal affair.
    """
    if stance == "oppose" and cue.text[:8].lower() == "sanction" and \
            _ENDING_BEFORE.search(text, max(0, cue.start - 30), cue.start):
        return "support"   # "said lifting the sanctions would open a new chapter": ending them backs the state
    if target is None or stance not in ("oppose", "concern", "support") or target.kind == "territory":
        return stance   # "urged an end to the attacks on Gaza": the territory stands for the state doing them
    if stance == "support":
        # "welcomed the new sanctions on Russia", "backed strikes against the Houthis' sponsor Iran": backing an act
        # done to a state opposes it; backing its end ("backed the lifting of sanctions on Iran") does not
        between = text[max(cue.end, target.start - 80):target.start] if target.start >= cue.end else ""
        if between and _against_hint(between) and _AGAINST_TARGET.search(between) and not _ENDING.search(between):
            return "oppose"
        return stance
    if cue.text[:3].lower() == "den":
        return stance   # "Russia denied interfering in Moldova's affairs": the one said to have done it answers
    # the act is named before the state whether the cue comes first ("rejected the accusations against
    # China") or last ("said the accusations against China were unfounded")
    between = text[max(cue.end, target.start - 80):target.start] if target.start >= cue.end \
        else text[max(0, target.start - 80):target.start]
    if _against_hint(between) and _AGAINST_TARGET.search(between):
        if stance == "concern" and target.start >= cue.end and cue.text.lower().startswith(_CALLS) \
                and not _ENDING.search(between):
            return "oppose"   # "called for tougher sanctions on Iran": the act asked for is against Iran
        return "support"      # "condemned the attacks on Qatar", "called for an end to the embargo on Cuba"
    if target.start >= cue.end and _DISMISSED_AFTER.match(text, target.end) \
            and _CHARGE_BEFORE.search(text, max(0, cue.start - 30, target.start - 80), target.start):
        return "support"   # "said the accusations against China were unfounded": the charge dismissed
    if _OWN_AFFAIRS.match(text, target.end - 2 if text[target.end - 2:target.end] in ("'s", "’s") else target.end):
        return "support"
    if _AFFAIRS_OF.search(text, max(0, target.start - 40), target.start):
        return "support"   # "Xinjiang and Hong Kong are internal affairs of China, and ... oppose politicizing"
    if _terror_hint(between) and _TERROR_IN.search(between):
        return "support"   # "condemns the terrorist attack in Kerman, Iran": sympathy with the state struck
    if _VIOLATION.search(text, max(cue.start, target.start - 60), target.start) and _SOVEREIGN_AFTER.match(text, target.end):
        return "support"   # "a blatant violation of Qatar's sovereignty": the state whose sovereignty is violated
    return stance


_CALLS = ("call", "urg", "demand", "press", "appeal", "push", "ask", "seek", "sought")   # a call for an act
# "an end to the sanctions on Cuba", "lifting the embargo": asking for (or backing) an act to stop
_ENDING = re.compile(r"\b(?:end|ending|ended|halt|halting|stop|stopping|lift|lifting|lifted|removal|remove|removing|"
                     r"cessation|easing|ease|suspension|suspending|withdrawal|withdrawing|repeal|repealing|scrapping|"
                     r"scrap|reversal|reverse|rollback|roll\s+back)\b", re.IGNORECASE)
_ENDING_BEFORE = re.compile(_ENDING.pattern + r"\s+(?:of\s+|to\s+)?(?:the\s+|its\s+|all\s+|these\s+|those\s+)?$",
                            re.IGNORECASE)
_MEMBERSHIP_FOR = re.compile(r"\s+(?:membership|accession|entry)\s+(?:for|of|by)\s+(?:the\s+)?", re.IGNORECASE)
_CHARGE_BEFORE = re.compile(r"\b(?:accusations?|allegations?|charges?|claims?|sanctions?|attacks?|strikes?|measures?)"
                            r"\s+(?:of\s+[^.;,]{0,40}?\s+)?(?:against|on|targeting|(?:level+ed|directed|made)\s+(?:at|against))"
                            r"\s+(?:the\s+)?$", re.IGNORECASE)
_DISMISSED_AFTER = re.compile(r"(?:[’']s?)?\s+(?:(?:were|was|are|is|as|had\s+been|have\s+been|remain(?:s|ed)?)\s+)?"
                              r"(?:(?:entirely|completely|totally|wholly|utterly|simply|both)\s+)?"
                              r"(?:unfounded|baseless|groundless|unjustified|unjustifiable|unwarranted|false|fabricated|"
                              r"absurd|illegal|illegitimate|unlawful)\b", re.IGNORECASE)
_VIOLATION = re.compile(r"\b(?:violat(?:ion|ions|ed|es|ing)|breach(?:es|ed)?|infring(?:ement|ed|es|ing)|"
                        r"encroachment|assault|attack)\s+(?:of|on|upon)?\s*(?:the\s+)?$", re.IGNORECASE)
_SOVEREIGN_AFTER = re.compile(r"(?:[’']s)?\s+(?:(?:national|territorial|maritime)\s+)?(?:sovereignty|territorial\s+integrity|"
                              r"territory|airspace|borders?|independence|integrity|waters)\b", re.IGNORECASE)


_TERROR_HINTS = tuple(sorted({w.split()[0][:5].lower() for w in vocabulary_words("terror_act")}))


def _terror_hint(window: str) -> bool:
    """Cheap test before `_TERROR_IN`: the first letters of every word of the kind."""
    low = window.lower()
    return any(h in low for h in _TERROR_HINTS)


TERROR_ACT = words("terror_act")   # shared with extract: condemning such an act sides with the state struck
_TERROR_IN = re.compile(
    rf"\b{TERROR_ACT}\b[^.;]{{0,60}}?\b(?:in|on|against|at|near|targeting)\s+(?:[\w'’-]+,?\s+){{0,3}}?(?:the\s+)?$",
    re.IGNORECASE)


_AFFAIRS_OF = re.compile(r"\b(?:internal|domestic)\s+(?:affairs?|matters?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def artefact_object(text: str, cue: Cue, end: int) -> str:
    """What the cue bears on when it is not a state: "text" ("backed the statement"), "act" ("condemned the launch") or ""."""
    hi = min(end, cue.end + 60)
    if cue.text[:3].lower() == "vot" or _TEXT_OBJECT.match(text, cue.end, hi):  # one votes on a text
        return "text"
    return "act" if _ACT_OBJECT.match(text, cue.end, hi) else ""


def text_subject(text: str, start: int, cue: Cue) -> bool:
    """Whether the sentence's subject, before the cue, is a text ("The resolution was supported by ...")."""
    return cue.start - start < 60 and bool(_TEXT_OBJECT.match(text, start, cue.start))


def _clause_end(text: str, offset: int, end: int) -> int:
    """Where the clause starting at offset ends (searched within a bounded window)."""
    match = _CLAUSE_END.search(text, offset, min(end, offset + 400))
    return match.start() if match else end


_QUOTE_OPEN = "“\"‘"
_QUOTE_CLOSE = re.compile(r"[”\"’]\s*,?\s+(?=\S)")


_AFTER_ATTRIBUTION = re.compile(
    r",\s*(?:adding|saying|noting|stressing|warning|and\s+(?:added|said|warned)|as|while|after|because|when|who\s+(?:added|said))\b",
    re.IGNORECASE)


def _attributed_quote_end(text: str, start: int, end: int) -> int | None:
    """Where the quote ends in a sentence made of a quote and its attribution, else None."""
    if start >= end or text[start] not in _QUOTE_OPEN:
        return None
    close = _QUOTE_CLOSE.search(text, start + 4, end)
    if close is None or not _SPEECH.search(text, close.end(), min(end, close.end() + 80)):
        return None
    return close.end()


def _cue_for(text: str, holder: Mention, cues: list[Cue], cue_starts: list[int]) -> Cue | None:
    """The holder's own cue: the first after it, passing over a relative clause ("X, which backs Y, condemned")."""
    i = bisect_left(cue_starts, holder.end)
    if i >= len(cues):
        return None
    relative = _RELATIVE.match(text, holder.end, min(len(text), holder.end + _WINDOW))
    if relative:
        k = bisect_left(cue_starts, relative.end())
        if k < len(cues):
            return cues[k]
    return cues[i]


_SCAN = 8          # candidates looked at when searching a target: keeps a sentence linear
_WINDOW = 400      # characters searched for a clause end or a speech verb


def analyse(text: str, start: int, end: int, mentions: list[Mention]) -> Analysis:
    """Read one sentence text[start:end] given the states and blocs named in it (sorted by start).

    Every search is bounded (by bisection over offsets, a few candidates, or a character
    window), so a pathological sentence of thousands of names still reads in linear time.
    """
    result = Analysis(start, end)
    cues, result.negated = find_cues(text, start, end)
    result.cues = cues
    cue_starts = [c.start for c in cues]
    starts = [m.start for m in mentions]
    first_cue = cues[0].start if cues else end
    last_cue = cues[-1].start if cues else -1
    roles = classify(text, mentions, start, end, first_cue)
    result.pronoun_subject = bool(_PRONOUN_START.match(text, start)) or bool(
        _QUOTE_ATTRIBUTION.search(text, start, min(end, start + _WINDOW))
    )
    result.actors = [m for i, m in enumerate(mentions) if roles[i] == "holder"]
    result.mentions, result.roles, result.starts, result.cue_starts = mentions, roles, starts, cue_starts

    # "“We urge Azerbaijan to ...,” a US spokesman said": the speaker is named after the quote,
    # the stance and its target inside it.
    quote_end = _attributed_quote_end(text, start, end)
    if quote_end is not None and _WE_THE.match(text, start, end):
        quote_end = None   # '"We, the G7 Foreign Ministers of A, B and C, condemn ...," the statement said': they speak
    attribution_end = end
    if quote_end is not None:
        for i, m in enumerate(mentions):
            if m.start < quote_end and roles[i] == "holder":
                roles[i] = "target"
        result.actors = [m for i, m in enumerate(mentions) if roles[i] == "holder"]

    def opens_clause(m: Mention) -> bool:
        if _WITH_BEFORE.search(text, max(start, m.start - 12), m.start) and _VOTING_AFTER.match(text, m.end, min(end, m.end + 80)):
            return True   # "..., with the United States abstaining": an absolute clause of its own
        opener = _CLAUSE_START.search(text[max(start, m.start - 30):m.start])
        if opener is None:
            return False
        if opener.group().lstrip().startswith("and") and not opener.group().startswith(","):
            # "... from Madrid, Dublin and Oslo for consultations": a bare "and" opens a clause only when
            # the state's own verb follows closely
            k = bisect_left(cue_starts, m.end)
            return k < len(cues) and cues[k].start - m.end <= 40
        return True

    did_same: set[int] = set()   # states that "did the same" as the act just reported
    if quote_end is not None:
        # the speaker named in the attribution, not a state in a clause after it ("..., adding that Lithuania ...")
        after = _AFTER_ATTRIBUTION.search(text, quote_end, end)
        attribution_end = after.start() if after is not None else end
        holders = [i for i, m in enumerate(mentions)
                   if roles[i] == "holder" and quote_end <= m.start < attribution_end]
    else:
        objects = _cue_objects(text, cues, mentions, starts)   # "expect Sweden and Finland to ...": objects
        holders = [
            i for i, m in enumerate(mentions)
            if roles[i] == "holder" and (m.start < first_cue or (last_cue > m.end and opens_clause(m) and i not in objects))
        ]
        listed: set[int] = set()   # "..., and Saudi Arabia, Jordan and Egypt hailed them": the list's other subjects
        for i in holders:
            if i in listed:
                continue   # already walked (one pass over a list, however long)
            j = i + 1
            while j < len(mentions) and roles[j] == "holder" and j not in objects and \
                    _LIST_GAP.fullmatch(text, mentions[j - 1].end, mentions[j].start):
                listed.add(j)
                j += 1
        holders = sorted(set(holders) | listed)
        spliced = _comma_spliced(text, mentions, cues, cue_starts, set(holders))
        if spliced:   # "US condemns, China defends North Korea launch": each verb has its own subject
            holders = sorted(set(holders) | spliced)
            for i in spliced:
                roles[i] = "holder"
        if cues:
            # "..., and Nicaragua did the same", "days after Spain, Ireland and Norway took the same step"
            for i, m in enumerate(mentions):
                if i in holders or m.start < first_cue or not (m.iso3 or m.bloc) or not same_act(text, m.end, end):
                    continue
                run = [i]
                while run[0] > 0 and mentions[run[0] - 1].iso3 and \
                        _LIST_GAP.fullmatch(text, mentions[run[0] - 1].end, mentions[run[0]].start):
                    run.insert(0, run[0] - 1)
                for k in run:
                    roles[k] = "holder"
                holders = sorted(set(holders) | set(run))
                did_same.update(run)
    passive_by: list[int] = []
    if cues:
        j = bisect_left(starts, cues[0].end)
        while j < len(mentions) and mentions[j].start - cues[0].end <= 40:
            gap = text[cues[0].end:mentions[j].start]
            if roles[j] in ("holder", "target") and _PASSIVE_BY.match(gap) and (
                    "by" in gap or cues[0].text[:6].lower() == "summon"):   # "is opposed to the Dutch measures": no agent
                passive_by.append(j)
                while j + 1 < len(mentions) and _LIST_GAP.fullmatch(text, mentions[j].end, mentions[j + 1].start) \
                        and roles.get(j + 1) in ("holder", "target"):
                    j += 1
                    passive_by.append(j)   # "was condemned by South Korea and Japan"
                break
            j += 1
    # "was criticised by Peru" names the critic; "was concerned by China's moves" names the cause.
    passive = bool(cues) and (cues[0].stance != "concern" or cues[0].text.lower().startswith(_CONCERN_VERBS)) and bool(
        _PASSIVE_AUX.search(text, max(start, cues[0].start - 25), cues[0].start))
    passive = passive or (not holders and bool(passive_by) and cues[0].stance != "concern")
    if passive_by and passive:
        # "Chile was criticised by Peru": the agent after "by" holds the stance, the subject is its target.
        for i in holders:
            roles[i] = "target"
        holders = passive_by
    elif passive and holders and cues[0].text.split()[0].lower().endswith("ed") and not cues[0].verdict \
            and not cues[0].text.lower().startswith(_ADJECTIVAL):
        # "200 Russian employees have been expelled from Europe": the subject suffered the act; no agent is named
        for i in holders:
            if mentions[i].start < cues[0].start:
                roles[i] = "target"
        holders = [i for i in holders if mentions[i].start > cues[0].start]
    received = False
    if cues and not passive and _RECEIVES.search(text, max(start, cues[0].start - 30), cues[0].start):
        # "Russia gets support from China", "Kyiv wins the backing of Warsaw": the giver holds the stance
        j = bisect_left(starts, cues[0].end)
        if j < len(mentions) and roles[j] in ("holder", "target") and \
                _FROM_AGENT.fullmatch(text, cues[0].end, mentions[j].start):
            agents = [j]
            while j + 1 < len(mentions) and _LIST_GAP.fullmatch(text, mentions[j].end, mentions[j + 1].start):
                j += 1
                agents.append(j)
            for i in holders:
                roles[i] = "target"
            for i in agents:
                roles[i] = "holder"
            holders, received = agents, True
    if not holders and cues:
        # "Speaking for the European Union, the bloc's delegation condemned ...": no state speaks,
        # the group spoken for holds the stance itself.
        holders = [i for i, m in enumerate(mentions) if roles[i] == "group" and m.bloc and m.end <= cues[0].start][:1]
        for i in holders:
            roles[i] = "holder"
    holder_set = set(holders)
    first_target = next((i for i, m in enumerate(mentions) if roles[i] == "target"), None)

    def target_in(lo: int, hi: int, exclude: set[str]) -> Mention | None:
        hi = _clause_end(text, lo, hi)
        j, seen = bisect_left(starts, lo), 0
        while j < len(mentions) and mentions[j].start < hi and seen < _SCAN:
            m = mentions[j]
            if j not in holder_set and roles[j] in ("holder", "target"):
                seen += 1
                if (m.iso3 or m.bloc) not in exclude:
                    return m
            j += 1
        return None

    def target_before(offset: int, exclude: set[str]) -> Mention | None:
        if first_target is None:
            return None
        j, seen = first_target, 0
        while j < len(mentions) and mentions[j].start < offset and seen < _SCAN:
            m = mentions[j]
            if j not in holder_set and roles[j] == "target":
                seen += 1
                if (m.iso3 or m.bloc) not in exclude:
                    return m
            j += 1
        return None

    def situation_in(lo: int, hi: int, exclude: set[str]) -> Mention | None:
        """A state where the act at issue happens: "concern over the detention of journalists in Belarus"."""
        hi = _clause_end(text, lo, hi)
        j = bisect_left(starts, lo)
        while j < len(mentions) and mentions[j].start < hi and j - bisect_left(starts, lo) < _SCAN:
            m = mentions[j]
            if roles[j] == "place" and m.iso3 and m.iso3 not in exclude and \
                    _SITUATION_IN.search(text, max(lo, m.start - 80), m.start) and \
                    not _OWN_POST_IN.search(text, max(lo, m.start - 40), m.start):
                return m   # not "the attack on its embassy in Kabul": the holder's own post, not the host's act
            j += 1
        return None

    def occupier(m: Mention | None, exclude: set[str]) -> Mention | None:
        """ "the vote in parts of Ukraine occupied by Russian forces": the occupier is the one at issue."""
        if m is None:
            return None
        match = _OCCUPIED_BY.match(text, m.end, min(end, m.end + 60))
        if match is None:
            # "the territories of Ukraine that Russia has temporarily occupied": the occupier named before its verb
            rel = _THAT_STATE.match(text, m.end, min(end, m.end + 20)) \
                if "that" in text[m.end:m.end + 8] or "which" in text[m.end:m.end + 9] else None
            if rel is not None:
                j = bisect_left(starts, rel.end())
                if j < len(mentions) and mentions[j].start == rel.end() and mentions[j].iso3 \
                        and mentions[j].iso3 not in exclude and mentions[j].iso3 != m.iso3 \
                        and _OCCUPIER_VERB.match(text, mentions[j].end, min(end, mentions[j].end + 50)):
                    return mentions[j]
            return m
        j = bisect_left(starts, match.end())
        if j < len(mentions) and mentions[j].start - match.end() <= 2 and mentions[j].iso3 \
                and mentions[j].iso3 not in exclude:
            return mentions[j]
        return m

    if cues:
        first = cues[0]
        target = occupier(target_in(first.end, end, set()) or target_before(first.start, set())
                          or situation_in(first.end, end, set()), set())
        if target is None and first.stance in ("oppose", "concern"):
            target = territory_at_issue(text, first.end, _clause_end(text, first.end, end))
        result.target = target
        result.stance = defended(text, first, target, compose_cues(first, text, cues, target, cue_starts)) \
            if first.stance != "withdraw" else None

    # co-subjects of one verb ("Chile's Gabriel Boric and Mexico's president congratulated ...") are not
    # each other's target: holders joined only by list separators (or a possessive and its leader's name)
    partners: dict[int, set[str]] = {}
    chain: list[int] = []
    for i in holders:
        if chain and not _LIST_GAP.fullmatch(text, mentions[chain[-1]].end, mentions[i].start):
            chain = []
        chain.append(i)
        members = {mentions[k].iso3 or mentions[k].bloc for k in chain}
        for k in chain:
            partners[k] = members
    subject_ends: list[int] = []   # computed when first needed (see `_co_subjects_ends`)
    for position, index in enumerate(holders):
        holder = mentions[index]
        following = holders[position + 1] if position + 1 < len(holders) else None
        next_holder = mentions[following].start if following is not None else end
        cue = _cue_for(text, holder, cues, cue_starts) or (
            cues[0] if cues and (passive or received or (quote_end is not None and cues[0].start < quote_end)) else None)
        if passive and index in passive_by and cues[0].end <= holder.start:
            # "The move was hailed by Algeria and condemned by Morocco": Algeria hailed it; "China's call for
            # restraint was criticised by Ukraine": the verb right before the agent, not a cue in the subject
            k = bisect_left(cue_starts, holder.start) - 1
            cue = cues[k] if k > 0 and _PASSIVE_BY.match(text[cues[k].end:holder.start]) else cues[0]
        if cue is not None and following is not None and holder.end <= mentions[following].start < cue.start \
                and not (passive or received or quote_end is not None) \
                and (mentions[following].iso3 or mentions[following].bloc) not in partners.get(index, set()) | {
                    holder.iso3 or holder.bloc} and (_CLAUSE_BETWEEN.search(text, holder.end, mentions[following].start) or (
                    0 <= cue.start - mentions[following].end <= 3 and _WHICH_BEFORE.search(
                        text, max(holder.end, mentions[following].start - 12), mentions[following].start))):
            # "Beijing won the numbers game ..., when Cuba read out a statement in support": Cuba's cue;
            # "Israel said it received a request from Syria, which Damascus denied": Damascus's
            cue = None
        elif cue is not None and not (passive or received or quote_end is not None) \
                and _clause_opens_before(text, holder, cue, mentions, holders, position):
            cue = None   # "Turkey and Indonesia voiced similar objections, while Israel welcomed ...": Israel's cue
        elif cue is not None and cue.start > holder.end and (owner := _nominal_owner(text, mentions, starts, cue)) \
                is not None and owner.start >= holder.end and (owner.iso3 or owner.bloc) not in partners.get(
                    index, set()) | {holder.iso3 or holder.bloc}:
            continue   # "Poland said the vote reflected Havana's support for Moscow": Havana's stance, reported
        limit = min(next_holder, cue.start) if cue and cue.start > holder.end else next_holder
        group = None
        j = bisect_left(starts, holder.end)
        while j < len(mentions) and mentions[j].start < limit:
            if roles[j] == "group":
                group = mentions[j]
                break
            j += 1
        if group is None and position == 0:
            # fronted: "Speaking on behalf of the Arab Group, Egypt said ..."
            j = bisect_left(starts, holder.start) - 1
            while j >= 0 and holder.start - mentions[j].end <= 200:
                if roles[j] == "group":
                    group = mentions[j]
                    break
                j -= 1
        if group is None and cue is not None and cue.start > holder.end:
            # "Cameroon's rejection of the session, delivered on behalf of the African Group"
            j = bisect_left(starts, cue.end)
            while j < len(mentions) and mentions[j].start < min(next_holder, cue.end + 100):
                if roles[j] == "group" and _ON_BEHALF_AFTER_CUE.search(text, cue.end, mentions[j].start):
                    group = mentions[j]
                    break
                j += 1
        group_count = group is None and _speaks_for_count(text, holder.end, min(limit, holder.end + _WINDOW))
        if group is None and not group_count and position == 0:
            group_count = _speaks_for_count(text, max(start, holder.start - 200), holder.start)
        own = {holder.iso3 or holder.bloc}
        own |= partners.get(index, set())
        if cue is not None and cue.stance == "withdraw":
            result.withdrawn.append(holder)
            continue
        if cue is not None:
            bound = _own_object_end(text, cue, cues, cue_starts, next_holder, start, end)
            if (holder.kind == "possessive" or holder.text.endswith(("'s", "’s"))) and 0 <= cue.start - holder.end <= 3 \
                    and not _NOMINAL_OBJECT.match(text, cue.end) \
                    and not cue.text.lower().endswith((" to", " for", " of", " with", " against", " over")):
                bound = cue.end   # "Moscow's praise was matched by a message from Kyiv": the praise names no object
            target = occupier(target_in(cue.end, bound, own) or target_before(cue.start, own)
                              or situation_in(cue.end, bound, own), own)
            if target is not None and target.bloc and not target.iso3:
                # "rejected EU sanctions on Russia": the bloc acts; the state its act is aimed at is the one defended
                k = bisect_left(starts, target.end)
                aimed = mentions[k] if k < len(mentions) and mentions[k].iso3 and mentions[k].start - target.end <= 60 else None
                if aimed is not None and aimed.iso3 not in own and (_against_hint(text[target.end:aimed.start]) and
                                                                  _AGAINST_TARGET.search(text, target.end, aimed.start)
                                                                  or _MEMBERSHIP_FOR.fullmatch(text, target.end, aimed.start)):
                    target = aimed   # also "would never accept NATO membership for Ukraine": the state that would join
            if target is None and cue.stance in ("oppose", "concern"):
                target = territory_at_issue(text, cue.end, _clause_end(text, cue.end, bound))
            lowered = cue.text.lower()
            named = TIES_WITH_NAMED.match(text, cue.end, end) if lowered.endswith(("relations", "ties")) else (
                NAMED_NEXT.match(text, cue.end, end) if lowered.endswith(" from") else None)
            if named is not None and (target is None or not target.start <= named.end() - 1 < target.end):
                target = None   # "suspends relations with Sahrawi republic, backs ...": the entity named is no state
            if target is None and quote_end is not None and attribution_end < end:
                # '"We condemn this," a spokesman said, adding that China would be held responsible'
                target = next((m for m in mentions[bisect_left(starts, attribution_end):]
                               if m.iso3 and m.iso3 not in own), None)
            stance = defended(text, cue, target, compose_cues(cue, text, cues, target, cue_starts))
            artefact = artefact_object(text, cue, end) if target is None else ""
            if target is None and not artefact and (passive and _ACT_SUBJECT.match(text, start, cue.start) or
                                                    received and _ACT_PROMPTED.match(text, start, cue.start)):
                artefact = "act"   # "The move was hailed by Algeria": the act just reported is the object
            result.statements.append(Statement(holder, stance, cue, target, group, group_count, artefact))
            # a second verb of the same subject: "established relations with China and cut ties with Taiwan"
            k = bisect_left(cue_starts, cue.end)
            while k < len(cues) and cues[k].start < next_holder:
                later = cues[k]
                k += 1
                if later.stance == "withdraw" or not (_AND_VERB.search(text, max(start, later.start - 60), later.start)
                                                      or _COMMA_VERB.search(text, max(start, later.start - 3), later.start)) \
                        or text[later.end:later.end + 4].lower() == " by ":
                    continue   # "... and condemned by Morocco": a passive with its own agent, not a second verb
                second = target_in(later.end, end, own)
                if second is not None and second.start > later.end and (target is None or (second.iso3 or second.bloc) != (
                        target.iso3 or target.bloc)) and second.start - later.end <= 40:
                    result.statements.append(Statement(holder, defended(text, later, second, later.stance), later,
                                                       second, group, group_count))
                break
        elif group is not None or group_count or _SPEECH.search(text, holder.end, min(end, holder.end + _WINDOW)) \
                or index in did_same or same_act(text, holder.end, end) \
                or same_act(text, (subject_ends := subject_ends or _co_subjects_ends(text, mentions, holders))[position], end):
            result.speaker_without_cue = True
            target = target_in(holder.end, end, own)
            result.statements.append(Statement(holder, None, None, target, group, group_count))
    for st in result.statements:
        if st.target is None and st.cue is not None and st.stance == "oppose" and holders and \
                0 <= st.cue.start - st.holder.end <= 3 and \
                _WHICH_BEFORE.search(text, max(start, st.holder.start - 12), st.holder.start):
            # "Israel said it had received a request from Syria, which Damascus denied": denies the speaker
            first = mentions[holders[0]]
            if first.start < st.holder.start and (first.iso3 or first.bloc) != (st.holder.iso3 or st.holder.bloc):
                st.target = first
    _verdict_on_the_act_before(text, result.statements, start)
    _share_spliced_objects(text, result.statements)
    _mutual_targets(result.statements)
    _joint_actors(text, result.statements, mentions, starts)
    spoken = {st.holder.start for st in result.statements}
    # "Leaders who congratulated Trump included A and B": the states listed hold the relative clause's cue
    for cue in cues:
        if cue.stance == "withdraw" or not _WHO_BEFORE.search(text, max(start, cue.start - 30), cue.start):
            continue
        included = _INCLUDED_AFTER.search(text, cue.end, min(end, cue.end + 120))
        if included is None:
            continue
        target = target_in(cue.end, included.start(), set()) or situation_in(cue.end, included.start(), set())
        j = bisect_left(starts, included.end())
        previous = None
        for k in range(j, min(len(mentions), j + _SCAN)):
            m = mentions[k]
            if previous is None and m.start - included.end() > 40 or previous is not None and not (
                    _LIST_GAP.fullmatch(text, previous.end, m.start) or roles.get(k) == "holder"):
                break   # the list that follows "included" ("... included Egyptian President X and Polish President Y")
            previous = m
            if m.start not in spoken and m.iso3 and (target is None or m.iso3 != target.iso3):
                result.statements.append(Statement(m, cue.stance, cue, target))
                spoken.add(m.start)
        break
    # A later passive with its agent: "The draft, which would have condemned X, was vetoed by China".
    for n, cue in enumerate(cues[1:], 1):
        coordinated = passive and n == 1 and _AND_PASSIVE.search(text, max(start, cue.start - 12), cue.start)
        if cue.stance == "withdraw" or not (_PASSIVE_AUX.search(text, max(start, cue.start - 25), cue.start) or coordinated):
            continue
        j = bisect_left(starts, cue.end)
        if j < len(mentions) and mentions[j].start - cue.end <= 40 and mentions[j].start not in spoken \
                and (mentions[j].iso3 or mentions[j].bloc) and _PASSIVE_BY.match(text[cue.end:mentions[j].start]):
            agents = [mentions[j]]
            while j + 1 < len(mentions) and _LIST_GAP.fullmatch(text, mentions[j].end, mentions[j + 1].start):
                j += 1
                agents.append(mentions[j])
            stance, target = cue.stance, None
            if _RELATIVE_PASSIVE.search(text, max(start, cue.start - 30), cue.start):
                # "imposed sanctions on Niger that were supported by the AU": backing that act opposes Niger
                prior = [st for st in result.statements if st.cue is not None and st.cue.end <= cue.start
                         and st.target is not None and st.stance is not None]
                if prior:
                    stance, target = compose(cue.stance, prior[-1].stance), prior[-1].target
            artefact = "act" if target is None and _ACT_SUBJECT.match(text, start, cue.start) else ""
            for agent in agents:
                if target is None or (agent.iso3 or agent.bloc) != (target.iso3 or target.bloc):
                    result.statements.append(Statement(agent, stance, cue, target, artefact=artefact))
    _add_as_did(text, result)
    _add_reported_acts(text, result)
    return result


_AS_DID = re.compile(r",?\s+as\s+(?:did|have|has|had|do|does)\s+(?:the\s+)?$", re.IGNORECASE)


def _add_as_did(text: str, result: Analysis) -> None:
    """ "China and Russia abstained, as did India, Bangladesh and Nepal": the states listed after "as did"
    take the statement just made, cue, stance and target."""
    if not result.statements:
        return
    mentions = result.mentions
    spoken = {st.holder.start for st in result.statements if st.cue is not None}
    for j, m in enumerate(mentions):
        if not m.iso3 or m.start in spoken or "as" not in text[max(result.start, m.start - 12):m.start]:
            continue
        if not _AS_DID.search(text, max(result.start, m.start - 20), m.start):
            continue
        model = next((st for st in reversed(result.statements) if st.holder.end <= m.start and st.cue is not None), None)
        if model is None:
            return
        run = [m]
        k = j + 1
        while k < len(mentions) and mentions[k].iso3 and _LIST_GAP.fullmatch(text, mentions[k - 1].end, mentions[k].start):
            run.append(mentions[k])
            k += 1
        listed = {member.start for member in run}
        result.statements = [st for st in result.statements if st.cue is not None or st.holder.start not in listed]
        for st in result.statements:
            if st.target is not None and st.target.start in listed:
                st.target = None   # the states after "as did" act too; they are no one's target (the model's too)
        for member in run:
            if member.start not in spoken and (model.target is None or member.iso3 != model.target.iso3):
                result.statements.append(Statement(member, model.stance, model.cue, model.target, model.group,
                                                   model.group_count, model.artefact))
                spoken.add(member.start)
        return


def _add_reported_acts(text: str, result: Analysis) -> None:
    """ "Ukraine said Russia had violated the truce": the speaker opposes the state whose act it reports
    (`reported_acts`). A speaker already read as opposing that state, or taking a stance of its own in the
    sentence, keeps its reading; a pronoun or office subject gets the act as the sentence's only cue."""
    mentions = result.mentions
    for act in find_reported_acts(text, result.start, result.end, mentions, result.starts, result.roles):
        agent = mentions[act.agent]
        cue = Cue(act.verb_start, act.verb_end, text[act.verb_start:act.verb_end], "oppose")
        if act.speaker is None:
            if not result.statements and not result.cues:
                result.cues, result.cue_starts = [cue], [cue.start]
                result.stance, result.target = "oppose", agent
                result.act_in_own_voice = act.bare
            elif act.bare and len(result.statements) == 1 and result.statements[0].holder.start == agent.start \
                    and result.statements[0].cue is None:
                result.statements = []   # the agent is no speaker: "The US side has interfered ..."
                result.speaker_without_cue = False
                result.cues, result.cue_starts = [cue], [cue.start]
                result.stance, result.target = "oppose", agent
                result.act_in_own_voice = True
            continue
        speaker = mentions[act.speaker]

        def is_the_act(st: Statement) -> bool:   # "said the US was interfering in its internal affairs": the act is the cue
            return st.cue is not None and st.cue.start <= act.verb_start < st.cue.end
        own = [i for i, st in enumerate(result.statements)
               if st.holder.start == speaker.start and st.cue is not None and not is_the_act(st)]
        if own:
            for i in own:   # "Armenia protested, saying Azerbaijani troops had crossed ...": the protest is at the agent
                st = result.statements[i]
                if st.target is None and st.stance in ("oppose", "concern") and st.group is None:
                    result.statements[i] = replace(st, target=agent)
            continue
        result.statements = [st for st in result.statements
                             if (st.cue is not None and not is_the_act(st)) or st.holder.start not in (speaker.start, agent.start)]
        result.statements.append(Statement(speaker, "oppose", cue, agent))
        result.speaker_without_cue = any(st.cue is None for st in result.statements)
