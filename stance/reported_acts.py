"""Accusations made by reporting another state's wrongful act.

Wire copy on conflicts and disputes states an accusation as reported speech rather than with a
verb of accusing: "Ukraine said Russia had violated the truce", "Manila said Chinese coast guard
vessels fired water cannon at its supply boat", "Russian forces shelled residential districts
overnight, Kyiv said". The speaker opposes the state whose act it reports. No stance cue names
that (the verb is the act, not the stance), so the sentence reader finds no statement, or, worse,
takes the agent for a speaker.

The frame is narrow on purpose: a speech verb, then (optionally "that") the agent named at once
(a state, its capital, or its demonym or possessive with an armed or state unit: "Russian forces",
"Beijing's coast guard"), then the act verb with at most an auxiliary and an adverb in between.
A verb that is wrongful in itself ("violated", "interfered", "abducted") is enough; a verb of
force ("shelled", "struck", "seized") also needs a harmed object right after it: the speaker's own
("its", "our", the speaker named) or protected persons and places ("civilians", "a hospital").
So "The US said Israel had struck a command centre" gives nothing. Negated or hedged clauses
("had not violated", "could attack") do not match: no negation or modal fits between the agent and
the verb. The word lists are `data/vocabulary.csv` kinds `wrongful_act`, `force_act`,
`armed_unit` and `harmed_object`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .rules.automaton import PatternSet
from .rules.vocabulary import words

_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|stated|alleged|alleges|charged|claimed|insisted|insists|maintained|maintains|"
    r"announced|added|confirmed|reported|saying|adding|insisting|claiming|alleging|charging)"
    r"(?:\s+(?:on|late\s+on|early\s+on|last|this)\s+\w+|\s+(?:today|yesterday|tonight|earlier|later)|"
    r"\s+in\s+a\s+(?:[\w-]+\s+)?(?:statement|post|briefing|communiqu[ée]|note))*"
    r"(?:\s+that)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_UNIT = r"(?:\s+(?:[a-z]+\s+)?" + words("armed_unit") + r")"
_VERB_AFTER = re.compile(
    r"(?P<unit>" + _UNIT + r")?"
    r"(?:\s+(?:had|has|have|was|were|had\s+been|have\s+been|has\s+been|is|are|kept))?"
    r"(?:\s+(?:again|repeatedly|deliberately|also|now|once\s+again|recently|overnight|just|twice|systematically))?"
    r"\s+(?:(?P<wrong>" + words("wrongful_act") + r")|(?P<force>" + words("force_act") + r"))\b",
    re.IGNORECASE,
)
# every act verb, found with the automaton in one pass per document: most sentences have none
_ANY_ACT = PatternSet([("wrong", words("wrongful_act")), ("force", words("force_act"))])
_HARMED_AFTER = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?" + words("harmed_object") + r"\b", re.IGNORECASE
)
_SAID_BY_AFTER = re.compile(   # "..., Kyiv said." / "..., Ukraine's military said on Monday."
    r"[^.;:!?\"“”]{0,160}?,\s*(?:the\s+)?$"
)
_ATTRIBUTION_TAIL = re.compile(
    r"(?:[’']s?)?(?:\s+(?:[\w-]+\s+){0,3}?(?:ministry|military|army|government|office|spokes(?:man|woman|person)|"
    r"foreign\s+minister|officials?|authorities|embassy|mission|president|prime\s+minister))?"
    r"\s+(?:said|says|alleged|charged|claimed|added|reported)\b",
    re.IGNORECASE,
)
_WINDOW = 80
_ATTRIBUTION_REACH = 170   # `_SAID_BY_AFTER` spans at most 160 characters before the speaker


@dataclass(frozen=True)
class ReportedAct:
    """A reported wrongful act: `agent` (index into the sentence's mentions) did it, per `speaker`."""

    agent: int
    speaker: int | None     # index of the state speaking, None when the subject is a pronoun or office
    verb_start: int
    verb_end: int
    bare: bool = False      # no speech verb and no attribution: the act stated in the text's own voice


def _agent_fits(mention, unit: bool) -> bool:
    """A state or capital acts by itself; a demonym or possessive only through a unit ("Russian forces")."""
    if not mention.iso3:
        return False
    if mention.kind in ("name", "capital"):
        return True
    return unit and mention.kind in ("demonym", "possessive")


def _harmed(text: str, verb_end: int, end: int, speaker_iso3: str, agent_iso3: str, mentions,
            starts: list[int]) -> bool:
    if _HARMED_AFTER.match(text, verb_end, min(end, verb_end + _WINDOW)):
        return True
    j = bisect_left(starts, verb_end)
    if j >= len(mentions) or mentions[j].start - verb_end > 40 or not mentions[j].iso3:
        return False
    # the speaker's own ("struck Ukrainian positions" per Kyiv); with the speaker unnamed ("The ministry
    # said ..."), the state named as harmed, which the document context then makes the speaker or not
    return mentions[j].iso3 == speaker_iso3 if speaker_iso3 else mentions[j].iso3 != agent_iso3


def find_reported_acts(text: str, start: int, end: int, mentions: list, starts: list[int],
                       roles: dict[int, str]) -> list[ReportedAct]:
    """Reported wrongful acts in text[start:end], with the speaker when one is named (see module docstring).
    `starts` are the mentions' start offsets (the sentence analysis keeps them)."""
    if not mentions or next(_ANY_ACT.finditer(text, start, end), None) is None:
        return []   # one pass over the sentence spares the per-mention matching in the many without an act verb
    found: list[ReportedAct] = []
    for index, agent in enumerate(mentions):
        verb = _VERB_AFTER.match(text, agent.end, min(end, agent.end + _WINDOW))
        if verb is None or not _agent_fits(agent, verb.group("unit") is not None):
            continue
        wrong = verb.group("wrong") is not None
        verb_start = verb.start("wrong" if wrong else "force")
        left = text[max(start, agent.start - 60):agent.start]
        speaker: int | None = None
        said = _SPEECH_BEFORE.search(left)
        if said is not None:
            # the speaker: the nearest actor before the speech verb, within its clause; a pronoun or an
            # office ("The ministry said ...") leaves it to the document context
            said_at = agent.start - len(left) + said.start()
            k = index - 1
            while k >= 0 and mentions[k].start >= start and said_at - mentions[k].end <= 60 and roles.get(k) != "holder":
                k -= 1
            if k >= 0 and mentions[k].start >= start and said_at - mentions[k].end <= 60:
                if (mentions[k].iso3 or mentions[k].bloc) == agent.iso3:
                    continue   # "Russia said Russian forces had seized ...": a claim about itself
                speaker = k
        else:
            # the attribution after the act: "Russian forces shelled ..., Kyiv said."; with none, the act is
            # stated in the text's own voice (`bare`): a state's own page accuses, a wire story only reports
            if agent.start - start > 12:
                continue
            j = bisect_left(starts, verb.end())
            while j < len(mentions) and mentions[j].start < min(end, verb.end() + _ATTRIBUTION_REACH):
                m = mentions[j]
                if (m.iso3 or m.bloc) and m.iso3 != agent.iso3 and _SAID_BY_AFTER.match(text, verb.end(), m.start) and \
                        _ATTRIBUTION_TAIL.match(text, m.end, min(end, m.end + 60)):
                    speaker = j
                    break
                j += 1
            if speaker is None:
                if wrong:
                    found.append(ReportedAct(index, None, verb_start, verb.end(), bare=True))
                continue
        speaker_iso3 = mentions[speaker].iso3 if speaker is not None else ""
        if not wrong and not _harmed(text, verb.end(), end, speaker_iso3, agent.iso3, mentions, starts):
            continue
        found.append(ReportedAct(index, speaker, verb_start, verb.end()))
    return found
