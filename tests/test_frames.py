"""Lists of states, votes, vetoes, on-behalf-of and claims as news writes them (issue 8, section 2).

Every sentence here was written for these tests; none is taken from an article.
"""
from __future__ import annotations

import pytest

from stance.claims import find_claims, find_tallies
from stance.extract import _mentions
from stance.frames import find_lists, fuzzy_state, is_state_line, side_of_cue, vote_stance, Motion
from stance.pipeline import parse_text
from stance.positions import Mention

SCORED = ("named", "on_behalf_of_group", "signatory")


def rows(text: str) -> set[tuple[str, str, str]]:
    p = parse_text(text).positions
    p = p[p["basis"].isin(SCORED)]
    return set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))


def claims(text: str) -> set[tuple[int, str, str, str]]:
    c = parse_text(text).claims
    return set(zip(c["count"].astype(int), c["qualifier"], c["stance"], c["toward_iso3"]))


def groups(text: str) -> set[tuple[str, str, str]]:
    p = parse_text(text).positions
    p = p[p["basis"] == "bloc"]
    return set(zip(p["group"], p["stance"], p["toward_iso3"]))


# -- 1. lists of states ------------------------------------------------------------------------

def test_named_voters_against_a_text_critical_of_a_state_support_it():
    text = ("Assembly rebukes Moscow over annexation\n\n"
            "The Assembly adopted a resolution condemning Russia's attempted annexation of four regions. "
            "Belarus, Nicaragua, Syria and North Korea voted against it.")
    got = rows(text)
    assert {("BLR", "support", "RUS"), ("NIC", "support", "RUS"), ("SYR", "support", "RUS"),
            ("PRK", "support", "RUS")} <= got


def test_signatories_after_a_colon_take_the_statements_stance():
    text = ("Letter on Tibet\n\n"
            "Twenty governments expressed concern about China's policies in Tibet in a letter on Monday. "
            "The letter was signed by the following countries: Austria, Belgium, Denmark, Estonia and Ireland.")
    assert {(c, "concern", "CHN") for c in ("AUT", "BEL", "DNK", "EST", "IRL")} <= rows(text)


def test_joined_by_and_co_sponsored_by():
    text = ("Brazil condemned the attack on the embassy in Caracas, joined by Chile, Peru and Mexico. "
            "The draft, co-sponsored by Uruguay, Paraguay and Ecuador, condemned Venezuela's conduct.")
    got = rows(text)
    assert {("CHL", "oppose", "VEN"), ("PER", "oppose", "VEN"), ("MEX", "oppose", "VEN")} <= got
    assert {("URY", "oppose", "VEN"), ("PRY", "oppose", "VEN"), ("ECU", "oppose", "VEN")} <= got


def test_line_broken_list_with_bullets_numbers_and_footnote_marks():
    text = ("Joint statement on Eritrea\n\n"
            "Canada expressed concern over arbitrary detention in Eritrea on behalf of a group of states.\n\n"
            "The statement was joined by the following countries:\n\n"
            "1. Czechia*\n"
            "2. Holy See\n"
            "• Kazakstan\n"
            "Equatorial Guinea\n"
            "Guinea\n")
    got = rows(text)
    for iso3 in ("CZE", "VAT", "KAZ", "GNQ", "GIN"):
        assert (iso3, "concern", "ERI") in got, iso3


def test_short_forms_in_lists():
    text = ("UN Assembly text on Ukraine\n\n"
            "A resolution demanding that Russia withdraw was adopted. "
            "Voting against were the DPRK, Syria and Belarus, while the UAE, CAR and Lao PDR abstained.")
    got = rows(text)
    assert {("PRK", "support", "RUS"), ("SYR", "support", "RUS"), ("BLR", "support", "RUS")} <= got
    assert {("ARE", "neutral", "RUS"), ("CAF", "neutral", "RUS"), ("LAO", "neutral", "RUS")} <= got


def test_one_letter_misspellings_and_bare_congo_are_repaired_inside_lists():
    assert fuzzy_state("Kazakstan") == "KAZ"
    assert fuzzy_state("Azerbaidjan") is None or fuzzy_state("Azerbaidjan") == "AZE"
    assert fuzzy_state("Lithunia") == "LTU"
    assert fuzzy_state("Congo") == "COG"
    assert fuzzy_state("Paris") is None
    text = "Signatories: Angola, Congo, Kazakstan and Cuba."
    found = find_lists(text, 0, len(text), _mentions(text, 0, len(text)))
    assert [m.iso3 for m in found[0].members] == ["AGO", "COG", "KAZ", "CUB"]


def test_state_line():
    t = "3. Czechia*"
    assert is_state_line(t, 0, len(t), _mentions(t, 0, len(t)))
    t = "Related stories"
    assert not is_state_line(t, 0, len(t), _mentions(t, 0, len(t)))


# -- 2. votes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The text was adopted by 120 votes to 14, with 45 abstentions.", [(120, "for"), (14, "against"), (45, "abstain")]),
    ("It failed in a 16-19 vote with 12 abstentions.", [(16, "for"), (19, "against"), (12, "abstain")]),
    ("The Council voted 13 in favour, one against and one abstention.", [(13, "for"), (1, "against"), (1, "abstain")]),
    ("Nine voted against and 30 in favour.", [(9, "against"), (30, "for")]),
    ("The resolution passed by a recorded vote of 27 to 9, with 11 abstentions.", [(27, "for"), (9, "against"), (11, "abstain")]),
    ("The draft was passed unanimously.", []),
    ("He served from 2012 to 2016, against the odds.", []),
])
def test_tallies(sentence, expected):
    assert [(c.count, c.vote) for c in find_tallies(sentence, 0, len(sentence))] == expected


def test_tally_claims_take_the_stance_of_the_vote_on_the_text():
    text = ("Rights council opens inquiry into Belarus\n\n"
            "The Council adopted a resolution on the human rights situation in Belarus. "
            "It passed by 20 votes to 7, with 19 abstentions.")
    got = claims(text)
    assert {(20, "exact", "oppose", "BLR"), (7, "exact", "support", "BLR"), (19, "exact", "neutral", "BLR")} <= got


def test_recorded_vote_blocks_and_target_from_the_headline():
    text = ("UN rights body extends scrutiny of Myanmar\n\n"
            "The resolution was adopted on Friday.\n\n"
            "In favour (3): France, Japan, Mexico.\n\n"
            "Against (2): China, Cuba.\n\n"
            "Abstaining (2): India, Nepal.\n\n"
            "Absent: Gabon.")
    got = rows(text)
    assert {("FRA", "oppose", "MMR"), ("JPN", "oppose", "MMR"), ("MEX", "oppose", "MMR")} <= got
    assert {("CHN", "support", "MMR"), ("CUB", "support", "MMR")} <= got
    assert {("IND", "neutral", "MMR"), ("NPL", "neutral", "MMR")} <= got
    assert not any(r[0] == "GAB" for r in got)


def test_lists_in_brackets_after_a_tally():
    text = ("Council fails to act on Syria\n\n"
            "A draft resolution condemning Syria's use of chemical weapons received 11 votes in favour, "
            "two against (China and Russia) and two abstentions (Ethiopia and Kazakhstan).")
    got = rows(text)
    assert {("CHN", "support", "SYR"), ("RUS", "support", "SYR"),
            ("ETH", "neutral", "SYR"), ("KAZ", "neutral", "SYR")} <= got


def test_counts_with_their_states_in_brackets_before_the_verb():
    text = ("Council splits on Yemen text\n\n"
            "The Security Council voted on a draft resolution condemning Iran's arms transfers to Yemen. "
            "Ten members voted in favour, one (Russia) voted against, and two (Algeria, and China) abstained.")
    assert {("RUS", "support", "IRN"), ("DZA", "neutral", "IRN"), ("CHN", "neutral", "IRN")} <= rows(text)
    assert {(10, "exact", "oppose", "IRN"), (1, "exact", "support", "IRN"),
            (2, "exact", "neutral", "IRN")} <= claims(text)


def test_council_members_and_others_are_counted_voters():
    text = ("Council splits on Yemen text\n\n"
            "The Security Council voted on a draft resolution condemning Iran's arms transfers to Yemen. "
            "Four council members -- Algeria, China, Guyana and Russia -- voted against it and seven others abstained.")
    assert {(c, "support", "IRN") for c in ("DZA", "CHN", "GUY", "RUS")} <= rows(text)
    assert {(4, "exact", "support", "IRN"), (7, "exact", "neutral", "IRN")} <= claims(text)


def test_an_apposition_between_the_voters_and_their_vote():
    text = ("Council splits on Yemen text\n\n"
            "The Security Council voted on a draft resolution condemning Iran's arms transfers to Yemen. "
            "The UK and US, two permanent members with a veto, voted no.")
    assert {("GBR", "support", "IRN"), ("USA", "support", "IRN")} <= rows(text)


def test_a_state_in_another_clause_of_the_description_is_not_the_texts_target():
    text = ("Council fails to act on Sudan\n\n"
            "The draft on Sudan, which called for the release of detained aid workers, a pause in the fighting and "
            "a condemnation of the raids, as well as an affirmation of Chad's right to protect its border, "
            "was vetoed by Russia.")
    assert ("RUS", "support", "TCD") not in rows(text)


def test_a_verdict_on_a_text_named_by_its_sponsor_opposes_that_sponsor():
    text = ("Council votes on rival drafts\n\n"
            "The Security Council voted on a Russian draft resolution condemning Israel. "
            "Moscow called the US draft \"a politicised document\".")
    got = rows(text)
    assert ("RUS", "oppose", "USA") in got and ("RUS", "support", "ISR") not in got


def test_a_text_on_assistance_to_a_people_backs_their_state():
    text = ("Assembly adopts aid text\n\n"
            "By a recorded vote of 150 in favour to none against, with 5 abstentions (Israel, Nauru, Palau, "
            "Canada and the United States), it adopted a text on assistance to the Palestinian people.")
    assert {("ISR", "neutral", "PSE"), ("CAN", "neutral", "PSE")} <= rows(text)
    assert (150, "exact", "support", "PSE") in claims(text)


def test_co_sponsors_set_off_by_a_dash_vote_for_the_text():
    text = ("The Assembly adopted a resolution condemning human rights violations in Syria. Syria's delegate "
            "said its co-sponsors — Qatar, Jordan and Morocco — had interfered in Syria's affairs.")
    assert {("QAT", "oppose", "SYR"), ("JOR", "oppose", "SYR"), ("MAR", "oppose", "SYR")} <= rows(text)


def test_the_delegate_of_a_state_explains_its_vote():
    text = ("Third Committee approves text on Iran\n\n"
            "The Committee approved a draft resolution expressing concern about the human rights situation in Iran. "
            "The delegate of Japan said his country had voted in favour because of executions.")
    assert ("JPN", "oppose", "IRN") in rows(text)


def test_veto_of_a_critical_text_supports_its_target():
    text = "China and Russia vetoed a resolution that would have condemned Myanmar's military for the crackdown."
    assert {("CHN", "support", "MMR"), ("RUS", "support", "MMR")} <= rows(text)


def test_vote_sides_and_stances():
    assert side_of_cue("voted against") == "against"
    assert side_of_cue("vetoed") == "against"
    assert side_of_cue("abstained") == "abstain"
    assert side_of_cue("voted in favour") == "for"
    target = Mention(0, 4, "Iran", iso3="IRN")
    assert vote_stance("for", Motion("critical", target, 0)) == "oppose"
    assert vote_stance("against", Motion("critical", target, 0)) == "support"
    assert vote_stance("for", Motion("backing", target, 0)) == "support"
    assert vote_stance("abstain", Motion("backing", target, 0)) == "neutral"
    assert vote_stance("for", None) is None


# -- 3. statements ----------------------------------------------------------------------------

def test_acts_that_are_stances():
    assert ("EST", "oppose", "RUS") in rows("Estonia expelled three Russian diplomats on Tuesday.")
    assert ("DNK", "oppose", "IRN") in rows("Denmark summoned the Iranian ambassador over the arrests.")
    assert ("ESP", "support", "PSE") in rows("Spain formally recognised the State of Palestine on Tuesday.")
    assert ("KEN", "support", "ZAF") in rows("Kenya congratulated South Africa on the peaceful election.")


def test_sanctions_and_bans_on_counted_people_and_on_lists_with_a_bloc_inside():
    assert ("JPN", "oppose", "PRK") in rows("Japan imposed sanctions on 14 North Korean officials on Friday.")
    assert ("EU", "oppose", "BLR") in groups("The EU imposed sanctions on 25 Belarusian judges and 3 companies.")
    got = rows("In response, Minsk imposed food bans on Canada, the European Union, Iceland and Japan.")
    assert {("BLR", "oppose", c) for c in ("CAN", "ISL", "JPN")} <= got
    assert ("VEN", "oppose", "CHE") in rows(
        "Venezuela condemned the sanctions imposed by the European Union and Switzerland.")


def test_news_verbs_of_censure():
    assert ("RUS", "oppose", "USA") in rows("Russia's Foreign Ministry has censured fresh US sanctions.")
    assert ("CHN", "oppose", "JPN") in rows("China lambasted Japan over the release of treated water.")
    assert ("TUR", "oppose", "SWE") in rows("Turkey hit out at Sweden after the protest in Stockholm.")
    assert ("PRK", "oppose", "KOR") in rows("Pyongyang took aim at Seoul over the joint drills.")
    assert not rows("The blast in Kabul killed ten people, Afghanistan said.")


def test_switching_recognition_from_one_state_to_another():
    got = rows("Honduras switched its diplomatic recognition from Taipei to Beijing on Sunday.")
    assert {("HND", "oppose", "TWN"), ("HND", "support", "CHN")} <= got


def test_a_reported_clause_with_its_own_subject_is_not_the_reporters_stance():
    got = rows("Taiwan's foreign ministry confirmed the news, saying Kiribati had recognised Beijing.")
    assert ("KIR", "support", "CHN") in got and ("TWN", "support", "CHN") not in got


def test_a_blocs_secretary_general_speaks_for_it():
    assert ("GCC", "oppose", "IRN") in groups(
        "The Secretary-General of the Gulf Cooperation Council condemned the drone strike launched by Iran on Kuwait.")
    assert ("ASEAN", "concern", "MMR") in groups(
        "The Chair of ASEAN voiced concern over the violence in Myanmar.")


def test_condemning_a_violation_of_a_states_sovereignty_backs_that_state():
    got = groups("The Arab League condemned the raid as a flagrant violation of Lebanon's sovereignty.")
    assert ("ARAB_LEAGUE", "support", "LBN") in got and ("ARAB_LEAGUE", "oppose", "LBN") not in got


def test_a_law_called_incompatible_with_or_contrary_to_is_criticised():
    got = rows("In a joint statement, the foreign ministers of Norway and Finland said the law was incompatible "
               "with Hungary's obligations.")
    assert {("NOR", "oppose", "HUN"), ("FIN", "oppose", "HUN")} <= got
    assert ("IRL", "oppose", "ISR") in rows("Ireland said Israel's settlement plan was contrary to international law.")


def test_refraining_from_a_stance_gives_none_and_blocking_a_critical_text_backs_its_target():
    assert not rows("Beijing refrained from criticising Moscow over the strikes.")
    assert not rows("Brasilia avoided condemning Caracas by name.")
    got = rows("Hungary blocked a joint EU statement that would have criticised China over Hong Kong.")
    assert ("HUN", "support", "CHN") in got and ("HUN", "oppose", "CHN") not in got
    assert ("TUR", "oppose", "SWE") in rows("Turkey blocked Sweden's NATO bid for months.")
    assert not {r for r in rows("The draft condemned Syria's crackdown. France said those who blocked the text "
                                "bore a heavy responsibility.") if r[0] == "FRA" and r[1] == "support"}


def test_along_with_did_so_and_cases_brought_against_a_state():
    got = rows("Canada, along with Norway and Iceland, condemned Russia's annexation of Crimea.")
    assert {("CAN", "oppose", "RUS"), ("NOR", "oppose", "RUS"), ("ISL", "oppose", "RUS")} <= got
    assert ("BEL", "support", "PSE") in rows("Malta recognised Palestine on Tuesday, while Belgium did so in June.")
    assert ("GMB", "oppose", "MMR") in rows("The Gambia filed a case against Myanmar at the world court.")
    assert ("ZAF", "oppose", "ISR") in rows("South Africa took Israel to the International Court of Justice.")


def test_approving_a_bid_and_thanks_back_the_state():
    assert ("ISL", "support", "UKR") in rows("Iceland's parliament approved Ukraine's application for membership.")
    assert ("GRC", "support", "EGY") in rows("Greece expressed its appreciation to Egypt for the maritime deal.")
    assert ("NPL", "support", "IND") in rows("Nepal expressed gratitude to India for the relief flights.")


def test_suspension_by_a_bloc():
    assert ("ECOWAS", "oppose", "MLI") in groups("ECOWAS suspended Mali from its decision-making bodies after the coup.")
    assert ("AU", "oppose", "GAB") in groups("The African Union on Wednesday suspended Gabon a day after the coup.")
    assert {("ECOWAS", "oppose", "NER"), ("ECOWAS", "oppose", "GIN")} <= groups(
        "ECOWAS suspended Niger and Guinea on Thursday.")
    assert not groups("The EU suspended Aeroflot flights over the summer.")


def test_backing_an_act_against_a_state_in_a_relative_passive_opposes_it():
    got = groups("ECOWAS, which imposed sanctions on Mali that were endorsed by the African Union, met in Abuja.")
    assert ("AU", "oppose", "MLI") in got and ("AU", "support", "MLI") not in got


def test_situation_in_a_state_after_a_conflict_word():
    assert ("EU", "oppose", "NER") in groups("The European Union condemns the coup in Niger.")


def test_demonym_before_an_act_is_the_target():
    assert ("EGY", "oppose", "ISR") in rows("Egypt condemned the Israeli strikes on the camp.")


# -- 4. on behalf of --------------------------------------------------------------------------

def test_fronted_on_behalf_of_a_count():
    text = "Speaking on behalf of 48 countries, Venezuela's envoy defended Iran's right to its nuclear programme."
    assert ("VEN", "support", "IRN") in rows(text)
    assert (48, "exact", "support", "IRN") in claims(text)


def test_speaking_for_and_as_chair_of_a_bloc():
    text = "Malaysia, as chair of ASEAN, expressed concern over the violence in Myanmar."
    assert ("MYS", "concern", "MMR") in rows(text)
    assert ("ASEAN", "concern", "MMR") in groups(text)
    text = "Speaking for the Arab Group, Jordan condemned the Israeli raids."
    assert ("JOR", "oppose", "ISR") in rows(text)
    assert ("ARAB_LEAGUE", "oppose", "ISR") in groups(text)


def test_aligning_states_take_the_declarations_stance():
    text = ("The European Union condemns the repression in Belarus. The EU calls on the authorities to release "
            "all prisoners. The candidate countries Albania, Montenegro* and Ukraine, and the EFTA countries "
            "Iceland and Norway, members of the European Economic Area, align themselves with this declaration.")
    got = rows(text)
    assert {(c, "oppose", "BLR") for c in ("ALB", "MNE", "UKR", "ISL", "NOR")} <= got


# -- 5. claims ----------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, count, qualifier", [
    ("a group of 39 countries", 39, "exact"),
    ("some 40 states", 40, "about"),
    ("nearly two dozen countries", 24, "nearly"),
    ("more than 140 member states", 140, "over"),
    ("23 nations including Chad", 23, "exact"),
])
def test_counts_of_states(phrase, count, qualifier):
    found = find_claims(phrase, 0, len(phrase))
    assert [(c.count, c.qualifier) for c in found] == [(count, qualifier)]


@pytest.mark.parametrize("phrase", ["the 193-member Assembly", "the 15-member Council", "10 diplomats",
                                    "a 16-year history", "8 recommendations", "dozens of countries"])
def test_counts_of_other_things(phrase):
    assert find_claims(phrase, 0, len(phrase)) == []


# -- 6. no stance -------------------------------------------------------------------------------

def test_pages_that_name_many_states_without_a_stance():
    text = ("Medal table\n\n"
            "Kenya topped the standings with nine golds, ahead of Jamaica, Ethiopia and the United States. "
            "Donors including Japan, Norway and Germany pledged 1.2 billion dollars in aid for Yemen.")
    assert rows(text) == set()


@pytest.mark.parametrize("sentence", [
    "India declined to condemn the invasion of Ukraine by Russia.",
    "Brazil did not sign the statement criticising China.",
    "Would Turkey condemn Israel if asked?",
])
def test_negations_and_questions_give_no_row(sentence):
    assert rows(sentence) == set()


def test_opposing_an_act_done_to_a_state_backs_that_state():
    assert ("BLR", "support", "IRN") in rows(
        "Belarus rejected interference in Iran's internal affairs under the pretext of human rights.")
    assert ("KWT", "support", "QAT") in rows("Kuwait condemned the attacks on Qatar.")


def test_a_list_right_after_its_statement_takes_that_statement():
    text = ("Duelling statements on Tibet\n\n"
            "Sweden voiced concern about China's policies in Tibet on behalf of 20 countries. "
            "Norway, Finland and Denmark were among the signatories. "
            "Laos then spoke on behalf of 40 countries, rejecting interference in China's internal affairs. "
            "Supporters named in the text included Cambodia, Cuba and Nepal.")
    got = rows(text)
    assert {("NOR", "concern", "CHN"), ("FIN", "concern", "CHN"), ("DNK", "concern", "CHN")} <= got
    assert {("KHM", "support", "CHN"), ("CUB", "support", "CHN"), ("NPL", "support", "CHN")} <= got
    assert ("LAO", "support", "CHN") in got


def test_sponsors_of_a_described_text_vote_for_it_and_among_the_countries_that_voted():
    text = ("Council renews experts on Nicaragua\n\n"
            "The resolution, which condemns the crackdown in Nicaragua, was presented by Chile on behalf of a core "
            "group of four countries - Canada, Chile, Ecuador and Peru. "
            "It passed with 21 votes in favour. Cuba and Eritrea were among the five countries that voted against.")
    got = rows(text)
    assert {("CAN", "oppose", "NIC"), ("ECU", "oppose", "NIC"), ("PER", "oppose", "NIC")} <= got
    assert {("CUB", "support", "NIC"), ("ERI", "support", "NIC")} <= got


def test_a_vote_in_a_relative_clause():
    text = ("Rights council acts on Iran\n\n"
            "The resolution on the human rights situation in Iran was adopted. "
            "Brazil, which voted in favour, said it was worried. India, which abstained, said nothing more.")
    got = rows(text)
    assert ("BRA", "oppose", "IRN") in got and ("IND", "neutral", "IRN") in got


def test_a_list_of_targets_right_after_the_cue():
    got = rows("Israel recalled its ambassadors from Madrid, Dublin and Oslo for consultations.")
    assert {("ISR", "oppose", "ESP"), ("ISR", "oppose", "IRL"), ("ISR", "oppose", "NOR")} <= got
    got = rows("Britain, on behalf of the Core Group of Canada, Germany and Malawi, voiced concern about Sri Lanka.")
    assert ("GBR", "concern", "DEU") not in got


def test_hypotheticals_give_no_row():
    assert rows("Malta might recognise Palestine if the circumstances were right.") == set()


def test_a_place_occupied_by_a_state_points_at_the_occupier():
    text = "The European Union condemned the staging of the vote in parts of Ukraine occupied by Russian forces."
    assert ("EU", "oppose", "RUS") in groups(text)


def test_we_on_a_ministry_page_is_the_ministry_state():
    text = ("Ministry of Foreign Affairs of the Republic of Ghana\n\n"
            "Press briefing by the spokesperson\n\n"
            "Spokesperson: We reject the allegations made by Burkina Faso, which have no basis in fact.")
    assert ("GHA", "oppose", "BFA") in rows(text)


def test_we_on_a_statement_page_is_the_state_delivering_it_for_its_group():
    counted = ("Joint statement on cooperation with the special procedures\n\n"
               "Statement delivered by H.E. Mr Tomas Kalnins, Permanent Representative of Estonia\n\n"
               "3 October 2023\n\nThank you, Mr President.\n\n"
               "I have the honour to deliver this statement on behalf of 58 countries.\n\n"
               "We welcome the decision of Chile to extend a standing invitation to every mandate holder.")
    p = parse_text(counted).positions
    assert ("EST", "support", "CHL", "on_behalf_of_group") in set(
        zip(p["country_iso3"], p["stance"], p["toward_iso3"], p["basis"]))
    assert (58, "exact", "support", "CHL") in claims(counted)
    bloc = ("Statement by Jordan on behalf of the Arab Group\n\nItem 7, general debate\n\nMr. President,\n\n"
            "We condemn the demolition of Palestinian homes by Israel in the occupied West Bank.")
    assert ("JOR", "oppose", "ISR") in rows(bloc)
    assert ("ARAB_LEAGUE", "oppose", "ISR") in groups(bloc)


def test_a_call_on_the_international_community_targets_no_state():
    text = ("Statement by Jordan on behalf of the Arab Group\n\nMr. President,\n\n"
            "The Arab Group condemns the continued Israeli aggression on Gaza. "
            "We call on the international community to ensure accountability.")
    assert not {r for r in rows(text) if r[1] == "concern"}
    assert ("JOR", "concern", "ISR") in rows(text.replace("the international community", "Israel"))


def test_a_spokesperson_for_a_bloc_speaks_for_it():
    assert ("EU", "support", "FRA") in groups(
        "In Brussels, a spokesperson for the European Union said the bloc stood in full solidarity with France.")


def test_countries_in_favour_together_with_a_list():
    text = ("Council rejects debate on Xinjiang\n\n"
            "A motion to hold a debate on the human rights situation in Xinjiang, China, failed. "
            "The 17 countries in favour were mostly European, together with Japan, Honduras and Somalia.")
    assert {("JPN", "oppose", "CHN"), ("HND", "oppose", "CHN"), ("SOM", "oppose", "CHN")} <= rows(text)


def test_the_object_of_a_verb_is_not_a_holder():
    got = rows("Kazakhstan sent Putin a message of congratulations on his re-election.")
    assert ("KAZ", "support", "RUS") in got and not any(r[0] == "RUS" for r in got)


def test_nominalised_stance_and_calls_for_calm():
    assert ("JPN", "oppose", "PRK") in rows("Japan's condemnation of North Korea's missile launch was swift.")
    p = parse_text("Qatar and Kuwait called for calm on all sides.").positions
    assert set(zip(p["country_iso3"], p["stance"])) == {("QAT", "neutral"), ("KWT", "neutral")}


def test_passive_with_coordinated_agents():
    got = rows("North Korea launched a missile on Monday. The launch was condemned by South Korea and Japan.")
    assert {("KOR", "oppose", "PRK"), ("JPN", "oppose", "PRK")} <= got and ("KOR", "oppose", "JPN") not in got


def test_the_ministry_on_its_own_page():
    text = ("Ministry of Foreign Affairs Republic of Poland\n\n"
            "Ministry news\n\n"
            "24 February 2023 — One year since the invasion\n"
            "On the anniversary, the Ministry again condemned Russia's unprovoked aggression against Ukraine.")
    assert ("POL", "oppose", "RUS") in rows(text)


def test_joined_in_voting_no_among_the_abstentions_and_no_text_no_vote_rows():
    text = ("Assembly adopts text on Syria\n\n"
            "The Assembly adopted a resolution condemning Syria's use of chemical weapons. "
            "Iran, Nicaragua and Cuba joined Russia in voting no. India, Brazil and Mexico were among the abstentions.")
    got = rows(text)
    assert {("IRN", "support", "SYR"), ("NIC", "support", "SYR"), ("CUB", "support", "SYR")} <= got
    assert {("IND", "neutral", "SYR"), ("BRA", "neutral", "SYR"), ("MEX", "neutral", "SYR")} <= got
    # a vote on a text the article never describes, about no state, gives no row
    assert rows("Austria, Guatemala and Nauru joined the United States in voting no on the ceasefire.") == set()


def test_allies_are_not_each_others_target_later_and_a_headline_label_is_no_holder():
    text = ("Myanmar: rights chief alarmed\n\n"
            "Britain, France and Germany issued a joint statement condemning the junta's attacks on civilians. "
            "\"We urge the regime to stop,\" the statement said.")
    got = rows(text)
    assert not any(r[0] == "MMR" for r in got)
    assert ("DEU", "concern", "GBR") not in got and ("FRA", "concern", "GBR") not in got


# -- states set beside a counted group -----------------------------------------------------------

def test_states_beside_a_counted_vote_take_the_vote():
    text = ("Assembly censures Minsk\n\n"
            "The Assembly passed a text condemning Belarus for the forced landing of a passenger jet. "
            "Some 98 delegations, among them Lithuania, voted for it. "
            "Just three countries sided with Minsk in voting no - Eritrea, Nicaragua and Cuba. "
            "Forty countries abstained, including Vietnam, while others stayed away.")
    got = rows(text)
    assert {("LTU", "oppose", "BLR"), ("ERI", "support", "BLR"), ("NIC", "support", "BLR"),
            ("CUB", "support", "BLR"), ("VNM", "neutral", "BLR")} <= got
    assert claims(text) >= {(98, "about", "oppose", "BLR"), (3, "exact", "support", "BLR"),
                            (40, "exact", "neutral", "BLR")}


def test_a_count_voting_takes_the_motions_stance_not_a_state_named_after_it():
    text = ("The council adopted a resolution deploring Iran's treatment of protesters. "
            "Twenty-four members voted in favour, joined later by Chile. ")
    assert (24, "exact", "oppose", "IRN") in claims(text)


def test_the_same_count_on_two_dates_is_two_claims():
    text = ("On 3 May 2023 the council rejected a draft condemning Syria's use of chemical arms; 11 members voted for it. "
            "On 9 June 2024 a second draft condemning Syria failed again, and again 11 members voted for it.")
    c = parse_text(text).claims
    assert len(c[(c["count"] == 11) & (c["stance"] == "oppose")]) == 2


def test_states_a_statement_is_read_on_behalf_of_are_its_signatories():
    text = ("Joint statement on Nicaragua\n\n"
            "I have the honour to read this statement on behalf of Chile, Costa Rica, Ecuador, Paraguay "
            "and my own country, Uruguay. We are alarmed by the arbitrary arrests of opposition figures in Nicaragua.")
    assert {("CHL", "concern", "NIC"), ("CRI", "concern", "NIC"), ("ECU", "concern", "NIC"),
            ("PRY", "concern", "NIC"), ("URY", "concern", "NIC")} <= rows(text)


def test_a_paragraph_that_only_lists_states_signs_the_statement_above_it():
    text = ("Joint statement delivered on behalf of a group of countries\n\n"
            "Mr. President, we firmly oppose the politicisation of human rights and reject the so-called "
            "\"report\" on Tibet, China, which relies on hearsay.\n\n"
            "Thank you.\n\n"
            "Cambodia,Laos,Pakistan,Zimbabwe,Venezuela,Kyrgyztan")
    got = rows(text)
    assert {("KHM", "support", "CHN"), ("PAK", "support", "CHN"), ("ZWE", "support", "CHN"),
            ("VEN", "support", "CHN"), ("KGZ", "support", "CHN")} <= got
    assert not any(stance != "support" for _, stance, _ in got)


def test_a_list_of_states_with_no_statement_gives_no_rows():
    text = ("Medal table after day three\n\n"
            "Kenya, Ethiopia, Jamaica, Norway\n\n"
            "Kenya leads with four golds, ahead of Ethiopia.")
    assert rows(text) == set()


def test_a_criticised_state_answering_is_not_the_statement_its_critics_signed():
    text = ("Forty states signed a letter that condemned abuses in Eritrea's prisons. "
            "Asmara rejects the allegations made by Germany. "
            "The signatories include Belgium, Austria and even Ghana.")
    got = rows(text)
    assert {("BEL", "oppose", "ERI"), ("AUT", "oppose", "ERI"), ("GHA", "oppose", "ERI")} <= got
    assert not any(target == "DEU" and holder != "ERI" for holder, _, target in got)


def test_counts_of_united_nations_member_states():
    text = "Nearly 60 United Nations member states on Tuesday criticised Iran's execution of protesters."
    assert (60, "nearly", "oppose", "IRN") in claims(text)


def test_a_text_vetoed_before_it_is_described_keeps_its_description():
    text = ("Moscow blocks council text\n\n"
            "A council draft was blocked by a Russian veto that was meant to condemn Russia's strikes on Ukrainian ports, "
            "while Brazil, Gabon and India abstained.")
    got = rows(text)
    assert {("BRA", "neutral", "RUS"), ("GAB", "neutral", "RUS"), ("IND", "neutral", "RUS")} <= got
    assert ("RUS", "oppose", "UKR") not in got   # the draft condemns, not Russia


def test_a_state_that_gets_support_from_another_is_its_target():
    assert rows("Serbia gets support from Hungary over Kosovo talks.") == {("HUN", "support", "SRB")}
    assert rows("Moldova wins the backing of Romania and Poland for its bid.") == {
        ("ROU", "support", "MDA"), ("POL", "support", "MDA")}


def test_a_text_known_only_by_its_sponsor_backs_the_sponsor():
    text = ("On Friday, China submitted a resolution to the council on cooperation in the South China Sea. "
            "China and Pakistan voted in favour, while the other thirteen members abstained, saying the Chinese text "
            "was one-sided.")
    got = rows(text)
    assert ("PAK", "support", "CHN") in got
    assert not any(stance == "oppose" for _, stance, _ in got)


def test_leaders_listed_with_their_states_are_signatories():
    text = ("Summit backs Armenia\n\n"
            "The declaration, which reaffirmed support for Armenian sovereignty, was signed by President Macron of France, "
            "Chancellor Scholz of Germany, Prime Minister of Greece Mitsotakis, and President Stubb of Finland.")
    assert {("FRA", "support", "ARM"), ("DEU", "support", "ARM"), ("GRC", "support", "ARM"),
            ("FIN", "support", "ARM")} <= rows(text)


def test_every_state_before_align_themselves_takes_the_declaration():
    text = ("The European Union condemns the detention of opposition leaders in Georgia.\n\n"
            "The candidate countries Montenegro, Serbia and Albania, the potential candidate Bosnia and Herzegovina, "
            "and the EFTA countries Iceland and Norway, members of the European Economic Area, align themselves "
            "with this declaration.")
    assert {("MNE", "oppose", "GEO"), ("SRB", "oppose", "GEO"), ("ALB", "oppose", "GEO"),
            ("BIH", "oppose", "GEO"), ("ISL", "oppose", "GEO"), ("NOR", "oppose", "GEO")} <= rows(text)


def test_states_named_inside_a_counted_group_do_what_it_did():
    text = ("Envoys of 12 countries including Norway and the Netherlands, who urged the release of jailed "
            "activists by Egypt, were summoned, the ministry said.")
    assert {("NOR", "concern", "EGY"), ("NLD", "concern", "EGY")} <= rows(text)
    assert (12, "exact", "concern", "EGY") in claims(text)


def test_states_joined_in_doing_something_did_it_too():
    text = ("Slovenia and Ireland joined Spain, Norway and Malta in recognising the State of Palestine on Tuesday.")
    assert {("SVN", "support", "PSE"), ("IRL", "support", "PSE"), ("ESP", "support", "PSE"),
            ("NOR", "support", "PSE"), ("MLT", "support", "PSE")} <= rows(text)


def test_the_decision_of_several_states_is_each_of_theirs():
    text = ("Chile, Colombia and Mexico said on Monday they would recognise the State of Palestine. "
            "Israel condemned the decision.")
    assert {("ISR", "oppose", "CHL"), ("ISR", "oppose", "COL"), ("ISR", "oppose", "MEX")} <= rows(text)


def test_aid_pledges_and_money_appeals_take_no_stance():
    text = ("Donors pledge $2 billion for Sudan\n\n"
            "Japan pledged $90 million at the conference on Monday as the United Nations issued an appeal for "
            "$4 billion. Qatar, the host, said it was its role to support the neighbouring countries hosting refugees.\n\n"
            "- Norway: Norway has pledged 400 million kroner.\n- Canada: Canada will commit $60 million.")
    assert rows(text) == set()
    assert claims(text) == set()


def test_speaking_of_the_veto_is_not_casting_one():
    text = ("Council fails to adopt text condemning Myanmar's junta\n\n"
            "The draft, which would have condemned Myanmar's military for the coup, was vetoed by China. "
            "Speaking after the vote, the representative of Ireland said the veto was a dark moment for the Council.")
    got = rows(text)
    assert ("CHN", "support", "MMR") in got
    assert not any(holder == "IRL" and stance == "support" for holder, stance, _ in got)


def test_a_title_repeating_the_bodys_count_is_one_claim():
    text = ("More than 60 countries back Morocco's plan\n\n"
            "On Monday more than 60 countries voiced support for Morocco's autonomy plan at the United Nations.")
    c = parse_text(text).claims
    assert len(c[(c["count"] == 60) & (c["stance"] == "support")]) == 1


def test_the_states_that_present_or_cosponsor_a_text_vote_for_it():
    text = ("Rights body orders inquiry into Nicaragua\n\n"
            "The Council voted on Monday to set up a panel of experts to investigate repression in Nicaragua. "
            "Chile presented the text, joined by Colombia. "
            "Spain, which holds no seat this year, co-sponsored the draft. "
            "Peru and Ecuador had tabled the resolution.")
    got = rows(text)
    assert {("CHL", "oppose", "NIC"), ("COL", "oppose", "NIC"), ("ESP", "oppose", "NIC"),
            ("PER", "oppose", "NIC"), ("ECU", "oppose", "NIC")} <= got


def test_speaking_against_the_text_is_a_side_taken_on_it_not_on_the_last_speaker():
    text = ("Rights body orders inquiry into Nicaragua\n\n"
            "The Council voted on Monday to set up a panel of experts to investigate repression in Nicaragua. "
            "Bolivia sided with Managua. "
            "Cuba and Venezuela also spoke against the resolution. "
            "Canada and Norway urged support for the text.")
    got = rows(text)
    assert {("CUB", "support", "NIC"), ("VEN", "support", "NIC"),
            ("CAN", "oppose", "NIC"), ("NOR", "oppose", "NIC")} <= got
    assert ("CUB", "oppose", "NIC") not in got


def test_dismissing_a_states_own_text_opposes_that_state():
    text = ("Dueling statements in Geneva\n\n"
            "Australia read a statement criticising Iran. "
            "Australian officials dismissed the Iranian text as a distraction.")
    assert ("AUS", "oppose", "IRN") in rows(text)
    assert ("AUS", "support", "IRN") not in rows(text)


def test_a_count_of_those_who_did_not_back_a_text_is_no_claim():
    text = ("Inquiry into Nicaragua approved\n\n"
            "The Council voted to set up a panel on Nicaragua. "
            "None of the 12 Latin American members had backed it, delegates said.")
    assert not {c for c in claims(text) if c[0] == 12}


def test_what_the_assembly_does_in_the_text_is_the_texts_stance():
    text = ("Committee backs rights of the Sahrawi people\n\n"
            "By the text, the Assembly would call on Morocco to release political prisoners. "
            "Approved by a vote of 90 in favour to 4 against (Gabon, Senegal and Comoros), the draft goes to the plenary.")
    got = rows(text)
    assert {("GAB", "support", "MAR"), ("SEN", "support", "MAR"), ("COM", "support", "MAR")} <= got
    assert (90, "exact", "oppose", "MAR") in claims(text)


def test_explanations_of_vote_take_sides_on_the_text():
    text = ("Committee approves text on rights in Myanmar\n\n"
            "The Third Committee approved a draft resolution on the situation of human rights in Myanmar by a "
            "recorded vote of 88 in favour to 21 against, with 60 abstentions. "
            "The representative of Sweden, introducing the text, said the crisis had deepened. "
            "Laos's delegate said the draft was biased and counterproductive. "
            "Speaking after the vote, the representative of Japan welcomed its adoption.")
    got = rows(text)
    assert {("SWE", "oppose", "MMR"), ("LAO", "support", "MMR"), ("JPN", "oppose", "MMR")} <= got
    assert ("LAO", "oppose", "MMR") not in got


def test_a_verdict_word_not_passed_on_a_text_is_no_stance_and_no_description():
    text = ("Talks on the border resume\n\n"
            "Officials in Armenia said the coverage of the talks was biased. "
            "Azerbaijan's foreign ministry called the resolution politically motivated.")
    assert not {r for r in rows(text) if r[0] == "ARM"}


def test_rejecting_a_session_on_a_state_for_a_bloc_backs_that_state_for_the_bloc():
    text = ("Council holds special session on Burundi\n\n"
            "The Council met on Friday at a special session on Burundi requested by the European Union. "
            "Egypt's rejection of the session, delivered on behalf of the African Group, opened the debate. "
            "The group called on Burundi to cooperate nonetheless.")
    assert ("EGY", "support", "BDI") in rows(text)
    got = groups(text)
    assert ("AFRICAN_GROUP", "support", "BDI") in got
    assert ("AFRICAN_GROUP", "concern", "BDI") in got   # "the group" is the bloc spoken for, not Egypt
    assert ("EGY", "concern", "BDI") not in rows(text)


def test_a_veto_in_the_lead_is_no_headline_stance_for_quiet_speakers():
    text = ("China vetoes draft on Myanmar\n\n"
            "China vetoed a Council draft on Tuesday that would have condemned the junta's crackdown in Myanmar. "
            "France's ambassador said Paris would now take the matter to the Assembly. "
            "\"China has abused its veto,\" Britain's envoy said.")
    got = rows(text)
    assert not {r for r in got if r[0] == "FRA"}
    assert ("GBR", "oppose", "CHN") in got and ("GBR", "support", "CHN") not in got


def test_sponsors_named_by_passive_and_counted_cosponsors_vote_for_the_text():
    text = ("Committee approves text on Eritrea\n\n"
            "The Committee approved a draft on the situation of human rights in Eritrea, introduced by the "
            "representative of Finland on behalf of the European Union and co-sponsored by more than 40 countries, "
            "including Canada and Australia.")
    got = rows(text)
    assert {("FIN", "oppose", "ERI"), ("CAN", "oppose", "ERI"), ("AUS", "oppose", "ERI")} <= got
    assert (40, "over", "oppose", "ERI") in claims(text)
    assert ("EU", "oppose", "ERI") in groups(text)


def test_explanations_of_vote_and_rejecting_the_targeting_of_a_state():
    text = ("Committee approves text on Syria\n\n"
            "The Committee approved a draft on the situation of human rights in Syria by 90 votes to 14.\n\n"
            "Explaining her delegation's vote in favour, the representative of Ireland said the abuses were documented. "
            "Explaining his abstention, the delegate of Nepal said dialogue worked better. "
            "Cuba's delegate said her country rejected the selective targeting of Syria.")
    got = rows(text)
    assert {("IRL", "oppose", "SYR"), ("NPL", "neutral", "SYR"), ("CUB", "support", "SYR")} <= got


def test_fronted_for_a_bloc_and_an_agreement_between_two_states():
    text = ("Geneva roundup\n\n"
            "For the African Group, Nigeria called on Sudan to protect civilians. "
            "As chair of ASEAN, Malaysia welcomed the border accord between Thailand and Cambodia.")
    got = rows(text)
    assert ("NGA", "concern", "SDN") in got and ("AFRICAN_GROUP", "concern", "SDN") in groups(text)
    assert {("MYS", "support", "THA"), ("MYS", "support", "KHM")} <= got


def test_states_named_in_a_group_spoken_for_take_the_speakers_stance():
    text = ("Rival statements in Geneva\n\n"
            "Speaking on behalf of a group of countries including Cuba, Laos and Nicaragua, Iran's envoy "
            "condemned Canada's treatment of indigenous children.")
    got = rows(text)
    assert {("CUB", "oppose", "CAN"), ("LAO", "oppose", "CAN"), ("NIC", "oppose", "CAN")} <= got


def test_a_text_voicing_concern_at_threats_against_a_state_backs_it():
    text = ("Rival drafts on Cuba fail\n\n"
            "The Chinese draft, which voiced concern at \"threats to use force\" against Cuba, fell short. "
            "Britain, France and Japan voted no. "
            "The Cuban foreign minister thanked China for its support.")
    got = rows(text)
    assert {("GBR", "oppose", "CUB"), ("FRA", "oppose", "CUB"), ("JPN", "oppose", "CUB")} <= got
    assert ("CUB", "support", "CHN") in got


def test_an_agentless_suspension_in_a_bloc_story_is_the_blocs():
    text = ("Bloc suspends Niger after coup\n\n"
            "ABUJA - ECOWAS on Thursday suspended Niger from all its decision-making bodies. "
            "ECOWAS also condemned the detention of the president. "
            "Burkina Faso was suspended in January after its own coup.")
    assert ("ECOWAS", "oppose", "BFA") in groups(text)


def test_the_core_group_of_listed_states_speaks_and_is_not_the_target():
    text = ("Council renews Sri Lanka text\n\n"
            "Introducing it, Britain's minister, on behalf of the Core Group of Canada, Germany and Malawi, said the "
            "group remained concerned and called on Sri Lanka to protect civil society.")
    got = rows(text)
    assert {("GBR", "concern", "LKA"), ("CAN", "concern", "LKA"), ("DEU", "concern", "LKA"), ("MWI", "concern", "LKA")} <= got
    assert not {r for r in got if r[2] == "CAN"}


def test_states_a_holder_joined_in_an_act_did_the_same_act():
    from stance.pipeline import parse_text
    text = ("Assembly condemns Russia's annexation\n\nChina, India and Pakistan abstained. "
            "Brazil joined France and Germany in condemning the referendums.")
    p = parse_text(text).positions
    got = set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))
    assert {("BRA", "oppose", "RUS"), ("FRA", "oppose", "RUS"), ("DEU", "oppose", "RUS")} <= got
    assert ("FRA", "neutral", "RUS") not in got


def test_the_parties_to_a_pact_are_not_signatories_of_a_statement():
    text = "Japan welcomed the peace agreement signed by Armenia and Azerbaijan on Friday."
    assert rows(text) == {("JPN", "support", "ARM"), ("JPN", "support", "AZE")}
    # a statement signed by states still gives its signatories
    assert rows("The statement, signed by Canada, Chile and Peru, condemned Venezuela.") == {
        ("CAN", "oppose", "VEN"), ("CHL", "oppose", "VEN"), ("PER", "oppose", "VEN")}


def test_states_in_brackets_after_the_backing_a_draft_won_voted_for_it():
    text = ("The United States vetoed a draft resolution demanding that Russia withdraw from Ukraine. "
            "The draft had won the backing of most of the Council (Albania, Ireland, Norway and Mexico), "
            "while India abstained.")
    got = rows(text)
    assert {("ALB", "oppose", "RUS"), ("IRL", "oppose", "RUS"), ("NOR", "oppose", "RUS"), ("MEX", "oppose", "RUS"),
            ("IND", "neutral", "RUS")} <= got
    # the backing the text drew is no text backing the first state in the brackets
    assert not any(row[2] == "ALB" for row in got)


def test_regretting_the_result_of_a_vote_a_critical_text_lost_is_against_its_target():
    text = ("The Security Council on Monday rejected a Russian-drafted resolution condemning Israel's strikes. "
            "The text received five votes in favour and four against, with six abstentions. "
            "Russian envoy Vassily Nebenzia said his delegation was deeply disappointed by the result.")
    got = rows(text)
    assert ("RUS", "concern", "ISR") in got and ("RUS", "support", "ISR") not in got
    adopted = ("The Security Council on Monday adopted a resolution condemning Israel's strikes by 14 votes to none, "
               "with the United States abstaining. Algeria welcomed the outcome.")
    got = rows(adopted)
    assert ("DZA", "oppose", "ISR") in got and ("USA", "neutral", "ISR") in got
    assert not any(row[2] == "USA" for row in got)   # the abstainer after ", with" is no target


def test_votes_on_a_separate_text_aimed_at_no_state_are_toward_no_state():
    text = ("The Security Council adopted a resolution condemning Iran's attacks on Gulf states. "
            "A separate Russian text calling for an end to all military activity in the region failed, with four "
            "votes in favour, two against and nine abstentions. Russia, China, Pakistan and Somalia supported it.")
    assert not any(row[2] == "IRN" for row in rows(text) if row[0] in ("RUS", "CHN", "PAK", "SOM"))
    assert {(n, s, t) for n, _, s, t in claims(text) if n in (4, 9)} == {(4, "support", ""), (9, "neutral", "")}


def test_voters_in_an_absolute_clause_after_the_tally():
    text = ("The Assembly adopted a text condemning Russia's annexation by 100 votes to 11, "
            "with Belarus and Syria voting against.")
    assert {("BLR", "support", "RUS"), ("SYR", "support", "RUS")} <= rows(text)
    text = "The Council adopted a resolution condemning Iran's attacks by 13 votes to none, with China abstaining."
    assert ("CHN", "neutral", "IRN") in rows(text)
    # "with" a state that does not vote is no voter
    assert not any(r[0] == "MEX" for r in rows("Canada condemned Iran's attacks, with Mexico's backing."))


def test_a_bloc_speaking_in_the_title_is_who_they_are_in_the_body():
    text = ("ASEAN ministers voice concern over China's island building\n\n"
            "Southeast Asian foreign ministers on Thursday voiced concern over the land reclamation. "
            "They also called on North Korea to comply with Security Council resolutions.")
    assert ("ASEAN", "concern", "PRK") in groups(text)
    # a state in the title is not taken for the body's "they"
    text = "China criticises Japan\n\nOfficials met on Monday. They also called on North Korea to comply."
    assert not groups(text) and ("CHN", "concern", "PRK") not in rows(text)


def test_a_long_un_title_still_names_the_state_it_is_about():
    text = ("The General Assembly adopted a resolution on the situation of human rights of Rohingya Muslims and "
            "other minorities in Myanmar by 132 votes to 9, with 31 abstentions. "
            "Bangladesh, which hosts a million refugees, welcomed the adoption.")
    assert ("BGD", "oppose", "MMR") in rows(text)


@pytest.mark.parametrize("sentence, expected", [
    ("Last year the text won 188 votes.", [(188, "for", "exact")]),
    ("The draft received more than 140 votes in the Assembly.", [(140, "for", "over")]),
    ("The motion won 93 votes to 24, with 58 abstentions.", [(93, "for", "exact"), (24, "against", "exact"),
                                                             (58, "abstain", "exact")]),
    ("The party won 40 seats and 12 votes were spoiled.", []),
])
def test_votes_a_text_won_are_votes_in_favour(sentence, expected):
    assert [(c.count, c.vote, c.qualifier) for c in find_tallies(sentence, 0, len(sentence))] == expected


def test_states_opposed_in_an_absolute_clause_after_a_tally_voted_against():
    text = ("Assembly urges end to blockade of Cuba\n\n"
            "The Assembly adopted a resolution condemning the embargo imposed by the United States on Cuba. "
            "It won 185 votes, with only the United States and Israel opposed and Brazil abstaining.")
    got = rows(text)
    assert ("ISR", "support", "USA") in got and ("BRA", "neutral", "USA") in got
    assert ("ISR", "oppose", "USA") not in got


def test_a_stance_noun_owned_by_another_state_is_reported_not_taken():
    # the speaker reports Havana's backing of Moscow; it backs no one itself
    got = rows("After the vote\n\nPoland said its vote reflected Havana's support for Moscow's war.")
    assert not any(holder == "POL" for holder, _, _ in got)


def test_welcoming_the_vote_after_an_abstention_takes_the_texts_stance_not_the_abstentions():
    text = ("Assembly expels Belarus from rights body\n\n"
            "The General Assembly on Monday suspended Belarus from the Human Rights Council. "
            "Argentina abstained, saying the matter belonged in Geneva. "
            "Lithuania welcomed the vote.")
    got = rows(text)
    assert ("LTU", "oppose", "BLR") in got
    assert ("LTU", "neutral", "BLR") not in got


def test_a_verdict_on_the_resolution_is_not_its_content():
    from tests.test_territories import motion_of
    # "was an act of interference ...": said of the text, not what the text does to Havana
    assert motion_of("Cuba's delegate said the resolution was an act of interference in the internal affairs "
                     "of a sovereign state and that Havana would never accept it.") is None
    assert motion_of("The resolution condemning interference in the internal affairs of Cuba passed.").target.iso3 == "CUB"


def test_states_named_before_the_sponsors_label_vote_for_the_text():
    text = ("US vetoes Gaza ceasefire call\n\nNEW YORK, November 20, 2024 - The United States vetoed a Security "
            "Council resolution demanding an immediate ceasefire in Gaza.\n\nSlovenia, Guyana and Malta were among "
            "the co-sponsors.\n")
    assert {("SVN", "oppose", "ISR"), ("GUY", "oppose", "ISR"), ("MLT", "oppose", "ISR")} <= rows(text)


def test_states_after_as_did_share_the_vote():
    text = ("Assembly backs Syria inquiry\n\nNEW YORK, May 3, 2024 - The General Assembly adopted a resolution "
            "condemning abuses in Syria by 90 votes to 12.\n\nBrazil and Mexico abstained, as did Kenya, Ghana "
            "and Chile.\n\nPoland voted in favour, as did the Netherlands.\n")
    got = rows(text)
    assert {("KEN", "neutral", "SYR"), ("GHA", "neutral", "SYR"), ("CHL", "neutral", "SYR"),
            ("NLD", "oppose", "SYR")} <= got
    assert not [r for r in got if r[2] in ("KEN", "GHA", "CHL", "NLD")]
