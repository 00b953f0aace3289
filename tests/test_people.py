"""People who stand for their state (stance/people.py, data/leaders.csv)."""
from __future__ import annotations

from stance.people import find_people
from stance.pipeline import parse_text


def names(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.iso3) for p in find_people(text)]


def test_full_names_accents_and_unambiguous_surnames():
    assert names("Andres Manuel Lopez Obrador spoke.") == [("Andres Manuel Lopez Obrador", "MEX")]
    assert ("Erdogan", "TUR") in names("Erdogan said on Monday.")
    assert ("Wang Yi", "CHN") in names("Foreign Minister Wang Yi told reporters.")


def test_common_words_are_not_people():
    assert names("The Council met in May to discuss the hague rules.") == []


def test_a_leader_is_read_like_the_state():
    p = parse_text("Kenya's President William Ruto congratulated Lula on his victory.").positions
    assert ("KEN", "support", "BRA") in set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))
