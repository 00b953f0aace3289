import pytest

from stance.claims import count_range, find_claims


def one(text: str):
    found = find_claims(text, 0, len(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,count,qualifier", [
    ("More than 100 countries have voiced support", 100, "over"),
    ("over 40 nations signed", 40, "over"),
    ("speaking on behalf of nearly 80 countries", 80, "nearly"),
    ("almost seventy states backed it", 70, "nearly"),
    ("about 30 countries abstained", 30, "about"),
    ("at least 12 governments objected", 12, "at_least"),
    ("as many as 25 delegations walked out", 25, "up_to"),
    ("a letter signed by 22 countries", 22, "exact"),
    ("some 45 member states", 45, "about"),
])
def test_counts_and_qualifiers(text, count, qualifier):
    claim = one(text)
    assert (claim.count, claim.qualifier) == (count, qualifier)
    assert text[claim.start:claim.end] == claim.text


def test_people_from_countries_is_one_claim_with_its_subject():
    claim = one("Ambassadors from 50 countries to the UN co-signed a letter")
    assert claim.count == 50 and claim.qualifier == "exact"
    assert claim.subject == "ambassadors from 50 countries"
    assert claim.text == "Ambassadors from 50 countries"


def test_ranges_are_ordered():
    for qualifier in ("exact", "over", "nearly", "about", "at_least", "up_to"):
        low, high = count_range(80, qualifier)
        if low is not None and high is not None:
            assert low <= high
    assert count_range(100, "over") == (101, None)
    assert count_range(50, "exact") == (50, 50)


def test_not_claims():
    for text in ("13,000 fugitives were returned", "one country objected", "the 57th session",
                 "9 billion U.S. dollars", "in 2019 countries met"):
        assert find_claims(text, 0, len(text)) == [], text


def test_counts_of_states_named_by_their_bloc_or_alliance():
    from stance.claims import find_claims
    def found(t):
        return [(c.count, c.qualifier) for c in find_claims(t, 0, len(t))]
    assert found("By Friday at least nine European Union members had expelled envoys.") == [(9, "at_least")]
    assert found("Eleven NATO allies condemned the test.") == [(11, "exact")]
    assert found("Some 20 neighbouring countries shut their airspace.") == [(20, "about")]
    assert found("The president and his two allies left early.") == []


def test_a_part_of_a_whole_counts_the_part():
    from stance.claims import find_claims
    text = "By May, around 140 of the 193 UN member states recognised Palestine; 12 out of 27 EU countries did."
    got = [(c.count, c.qualifier) for c in find_claims(text, 0, len(text))]
    assert got == [(140, "about"), (12, "exact")]


def test_a_group_spoken_for_takes_the_stance_of_the_sentence_after():
    from stance.pipeline import parse_text
    text = ("Duel at the UN\n\n"
            "The reply came from the Dutch ambassador, who spoke for 31 countries and said the law was imposed "
            "without consultation. The group urged Beijing to reconsider.")
    c = parse_text(text).claims
    assert set(zip(c["count"].astype(int), c["stance"], c["toward_iso3"])) == {(31, "concern", "CHN")}


def test_the_number_of_signatories_rising_to_n_is_a_claim():
    from stance.pipeline import parse_text
    text = ("Letter backing Cuba\n\n"
            "Thirty countries signed a letter supporting Cuba on Monday. "
            "By Friday the number of countries that had signed the letter had risen to 41, diplomats said. "
            "The number of signatories was up from 25 last year.")
    c = parse_text(text).claims
    assert {41, 25} <= set(c["count"].astype(int))
    assert set(c[c["count"].astype(int) == 41]["toward_iso3"]) == {"CUB"}


def test_a_share_of_a_whole_is_not_a_count_of_those_who_acted():
    for text in ("Over half of the 193 member states voted for the text.",
                 "More than a third of the Council's 47 members backed the motion.",
                 "Most of the 27 EU states condemned the decision."):
        assert find_claims(text, 0, len(text)) == [], text
    text = "Around 145 of the 193 member states voted for the text."
    assert [(c.count, c.qualifier) for c in find_claims(text, 0, len(text))] == [(145, "about")]


def test_a_count_of_states_that_sent_word_joins_a_story_of_backing():
    from stance.pipeline import parse_text
    c = parse_text("Leaders congratulate Ruto\n\nAn aide said heads of state of some 40 countries had sent "
                   "messages by Wednesday.").claims
    assert list(zip(c["count"].astype(int), c["stance"], c["toward_iso3"])) == [(40, "support", "KEN")]
    c = parse_text("Beijing condemns Manila over reef clash\n\nAn aide said some 40 countries had sent "
                   "messages by Wednesday.").claims
    assert c.empty or set(c["stance"]) <= {""}


def test_a_tally_on_a_text_nobody_described_counts_voters_toward_no_state():
    from stance.pipeline import parse_text
    text = ("Council vote fails\n\nThe draft, put forward by Malta and co-sponsored by nearly 60 member states, "
            "also called for access for aid convoys. It drew 12 votes in favour (Algeria, Brazil, Chile, Ecuador, "
            "France, Guyana, Japan, Malta, Mozambique, Sierra Leone, Slovenia and Switzerland), two against and one abstention.")
    t = parse_text(text)
    got = set(zip(t.claims["count"].astype(int), t.claims["stance"], t.claims["toward_iso3"]))
    assert {(12, "support", ""), (2, "oppose", ""), (1, "neutral", ""), (60, "support", "")} <= got
    assert not {row for row in got if row[2]}   # not the first voter, not the sponsor
    p = t.positions
    assert ("MLT", "concern") not in set(zip(p["country_iso3"], p["stance"]))   # the text calls, not its sponsor


def test_prechecks_agree_with_the_patterns_they_stand_for():
    """The substring prechecks of `find_claims` and `find_tallies` pass every slice their regexes would
    (the noun test is the same test), also with the letters only IGNORECASE folds ("SİX", "ſtates")."""
    import random
    from pathlib import Path

    from stance import claims

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "articles").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "devset" / "articles").glob("*"))]
    texts += ["About SİX ſtates and ſeven countrıes voted; twenty-one nations abſtained, 3 in favour",
              "Forty MEMBERS voted in\tfavor; İn favour were ten", "none of the K states"]
    rng = random.Random(5)
    for text in texts:
        spans = [(0, len(text))]
        for _ in range(40):
            a = rng.randrange(len(text))
            spans.append((a, min(len(text), a + rng.randrange(1, 300))))
        for a, b in spans:
            noun = claims._NOUN_HINT.search(text, a, b) is not None
            assert claims._names_any(text, a, b, claims._NOUN_WORDS, claims._NOUN_HINT) == noun
            if claims._VOTE_CONTEXT.search(text, a, b):
                assert claims._names_any(text, a, b, claims._VOTE_WORDS, claims._VOTE_CONTEXT)
            if claims._CLAIM.search(text, a, b) or claims._NUMBER_OF.search(text, a, b):
                assert claims._may_count(text, a, b)


def test_a_part_of_a_body_named_by_its_possessive_counts_the_part():
    """ "9 of the Council's 15 members": nine acted; fifteen is the body's size."""
    claim = one("The text won the votes of 9 of the Council's 15 members")
    assert (claim.count, claim.qualifier) == (9, "exact")
    claim = one("eleven out of the assembly's 20 members objected")
    assert claim.count == 11
