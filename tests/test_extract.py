"""Document-level assembly: dates in context, headline inheritance, implicit targets, expansions."""
from stance import parse_text


def positions(text: str, basis=("named", "on_behalf_of_group", "bloc")):
    p = parse_text(text).positions
    p = p[p["basis"].isin(basis)]
    return {(r["country_iso3"] or r["group"], r["stance"], r["toward_iso3"]) for _, r in p.iterrows()}


def test_an_act_without_a_named_state_is_the_lead_actors():
    text = ("Published: 3 March 2023\n"
            "Iran seized a tanker in the Gulf on Thursday, officials said.\n"
            "Britain condemned the seizure and called it a breach of international law.\n"
            "France condemned the move.\n")
    got = positions(text)
    assert ("FRA", "oppose", "IRN") in got


def test_quoted_speaker_inherits_the_headline_stance():
    text = ("Dozens of countries back Serbia on Kosovo talks\n"
            "Published: 10 May 2023\n"
            "Many countries voiced support for Serbia's position at the meeting on Tuesday.\n"
            "\"We respect territorial integrity,\" the representative of Kenya said.\n")
    got = positions(text)
    assert ("KEN", "support", "SRB") in got
    dates = parse_text(text).positions
    assert set(dates[dates["country_iso3"] == "KEN"]["date"]) == {"2023-05-09"}


def test_bloc_speaker_is_expanded_to_members_on_that_date():
    text = ("Published: June 2, 2019\n"
            "The representative of Finland, speaking on behalf of the European Union, criticised Russia on Friday.\n")
    p = parse_text(text).positions
    members = set(p[(p["basis"] == "member_of_group") & (p["group"] == "EU")]["country_iso3"])
    assert "GBR" in members and "FIN" not in members and len(members) == 27
    assert ("EU", "oppose", "RUS") in positions(text)


def test_member_expansion_respects_the_date():
    text = ("Published: June 2, 2021\n"
            "Spain, on behalf of the European Union, criticised Russia on Friday.\n")
    p = parse_text(text).positions
    members = set(p[(p["basis"] == "member_of_group")]["country_iso3"])
    assert "GBR" not in members and len(members) == 26


def test_undated_article_stays_undated():
    text = "Chile expressed concern about the border closure by Peru.\n"
    t = parse_text(text)
    assert (t.positions["date"] == "").all() and (t.positions["date_precision"] == "none").all()
    assert (t.events["date_basis"] == "none").all()


def test_context_date_carries_to_following_sentences_but_not_from_history():
    text = ("Published: 12 April 2024\n"
            "On Wednesday, Ghana criticised Togo over the border incident.\n"
            "Benin later voiced support for Togo.\n"
            "In 1998 the two countries signed a treaty.\n"
            "Nigeria urged Togo to show restraint.\n")
    p = parse_text(text).positions.set_index("country_iso3")
    assert p.loc["GHA", "date"] == "2024-04-10" and p.loc["GHA", "date_basis"] == "relative"
    assert p.loc["BEN", "date"] == "2024-04-10" and p.loc["BEN", "date_basis"] == "inferred"
    assert p.loc["NGA", "date"] == "2024-04-10"


def test_count_claims_take_their_own_verbs():
    text = ("Published: 3 March 2022\n"
            "The assembly adopted a resolution condemning Russia on Wednesday.\n"
            "In all, 141 countries voted in favour of the text, five countries voted against it and 35 countries abstained.\n")
    c = parse_text(text).claims
    got = {(int(r["count"]), r["stance"], r["toward_iso3"]) for _, r in c.iterrows()}
    assert (141, "oppose", "RUS") in got
    assert (5, "support", "RUS") in got
    assert (35, "neutral", "RUS") in got


def test_a_claim_matching_a_known_letter_lists_its_signatories():
    text = ("Published: July 30, 2019\n"
            "Envoys from 50 countries signed a letter backing China's policies in Xinjiang, officials said on Friday.\n")
    p = parse_text(text).positions
    roster = p[p["basis"] == "roster"]
    assert roster["country_iso3"].nunique() == 50 and (roster["toward_iso3"] == "CHN").all()


def test_no_roster_for_an_unrelated_claim():
    text = ("Published: July 30, 2023\n"
            "Some 50 countries backed Brazil's proposal on climate finance on Friday.\n")
    p = parse_text(text).positions
    assert (p["basis"] != "roster").all()


FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "extract"


def file_positions(name: str):
    from stance import parse_corpus

    t = parse_corpus([FIXTURES / name])
    p = t.positions[t.positions["basis"].isin(["named", "on_behalf_of_group", "bloc"])]
    return t, {(r["country_iso3"] or r["group"], r["stance"], r["toward_iso3"] or r["toward"]) for _, r in p.iterrows()}


def test_solidarity_article_with_relative_dates():
    t, got = file_positions("nordic_greenland.txt")
    assert {("NOR", "support", "DNK"), ("SWE", "support", "DNK"), ("FIN", "support", "DNK")} <= got
    assert ("DEU", "oppose", "USA") in got
    assert not any(holder == "RUS" for holder, _, _ in got)          # "declined to comment"
    nor = t.positions[t.positions["country_iso3"] == "NOR"].iloc[0]
    assert (nor["date"], nor["date_basis"]) == ("2025-01-13", "relative")  # "on Monday", published Tue 14 Jan
    assert "press freedom" not in set(t.positions["topic"])           # "told reporters" is not a topic


def test_incident_article_targets_the_state_behind_it():
    t, got = file_positions("shoal_water_cannon.txt")
    assert ("PHL", "oppose", "CHN") in got
    assert {("USA", "concern", "CHN"), ("JPN", "concern", "CHN"), ("AUS", "concern", "CHN")} <= got
    claim = t.claims.iloc[0]
    assert (int(claim["count"]), claim["qualifier"], claim["stance"], claim["toward_iso3"]) == (20, "nearly", "support", "PHL")


def test_co_holders_are_not_each_others_targets_and_anaphoric_counts_are_not_claims():
    t, got = file_positions("sahel_ecowas_undated.txt")
    for code in ("MLI", "BFA", "NER"):
        assert (code, "oppose", "Economic Community of West African States") in got
    assert not any(h in {"BFA", "NER"} and tw == "MLI" for h, _, tw in got)
    assert ("ECOWAS", "concern", "MLI") in got
    assert not any(h == "NGA" for h, _, _ in got)                      # "did not criticise"
    assert t.claims.empty                                             # "the three governments"
    assert (t.positions["date"] == "").all()


def test_backing_of_a_text_takes_the_stance_of_the_text_just_reported():
    text = ("Published: 9 May 2024\n"
            "On Tuesday the assembly adopted a resolution condemning Myanmar's military.\n"
            "The resolution was supported by 120 countries.\n")
    c = parse_text(text).claims
    assert {(int(r["count"]), r["stance"], r["toward_iso3"]) for _, r in c.iterrows()} == {(120, "oppose", "MMR")}


def _scored(text: str) -> set[tuple[str, str, str]]:
    p = parse_text(text).positions
    p = p[p["basis"].isin(["named", "on_behalf_of_group", "signatory"])]
    return set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))


def _holders_and_texts(text: str) -> list[tuple[str, str]]:
    p = parse_text(text).positions
    return list(zip(p["country_iso3"], p["text"]))


TRANSCRIPT = (
    "Regular Press Briefing by the Spokesperson\n\n"
    "Ministry of Foreign Affairs, Government of Nepal\n\n"
    "Question: Reports say Britain has criticised our new citizenship law. Your comment?\n\n"
    "Spokesperson: We believe the remarks by the UK are misplaced and unwarranted.\n\n"
    "Question: There are reports that Bhutan has moved troops near the border. Any comment?\n\n"
    "Spokesperson: We have seen the reports. We reject such moves outright.\n")


def test_words_by_a_state_judged_by_the_speaker_make_that_state_the_target():
    p = parse_text(TRANSCRIPT).positions
    judged = p[p["text"].str.contains("misplaced")]
    assert set(zip(judged["country_iso3"], judged["stance"], judged["toward_iso3"])) == {("NPL", "oppose", "GBR")}
    assert not any(holder == "GBR" and "misplaced" in text for holder, text in _holders_and_texts(TRANSCRIPT))


def test_an_answer_with_no_state_named_is_about_the_state_the_question_just_named():
    got = _scored(TRANSCRIPT)
    assert ("NPL", "oppose", "BTN") in got


def test_the_two_organisations_are_the_last_two_blocs_named():
    text = ("Blocs meet in Doha\n\n"
            "Ministers of the Gulf Cooperation Council and the Arab League met in Doha on Sunday. "
            "The two organisations condemned Iran's seizure of the tanker.")
    p = parse_text(text).positions
    blocs_rows = p[p["basis"] == "bloc"]
    assert set(zip(blocs_rows["group"], blocs_rows["stance"], blocs_rows["toward_iso3"])) == {
        ("GCC", "oppose", "IRN"), ("ARAB_LEAGUE", "oppose", "IRN")}


def test_the_bloc_after_a_long_fronted_phrase_is_still_the_bloc_just_named():
    text = ("Gulf ministers meet\n\n"
            "The GCC on Monday welcomed Kuwait's mediation between the parties. "
            "In the closing communique of its ministerial council in Riyadh this week, the bloc reaffirmed "
            "the UAE's sovereignty over the three islands and rejected Iran's occupation of them.")
    p = parse_text(text).positions
    rows = p[p["basis"] == "bloc"]
    assert {("GCC", "support", "ARE"), ("GCC", "oppose", "IRN")} <= set(zip(rows["group"], rows["stance"], rows["toward_iso3"]))


def test_the_junta_is_the_state_whose_military_rulers_the_text_named():
    text = ("Mali junta expels Swedish envoy\n\n"
            "Mali's military rulers on Monday ordered the Swedish ambassador to leave within 72 hours. "
            "Sweden said the decision was regrettable. "
            "Norway and Denmark urged the junta to reconsider.")
    got = _scored(text)
    assert {("NOR", "concern", "MLI"), ("DNK", "concern", "MLI")} <= got
    assert ("NOR", "concern", "SWE") not in got


def test_the_envoy_a_state_gives_an_order_to_is_no_speaker():
    got = _scored("Expulsion\n\nGuinea's rulers gave the French envoy two days to leave, accusing Paris of interference.")
    assert ("GIN", "oppose", "FRA") in got
    assert not any(holder == "FRA" for holder, _, _ in got)


def test_dismissing_the_case_answers_the_state_that_brought_it():
    text = ("Which states have joined the genocide case?\n\n"
            "A growing number of states have moved to join Gambia's genocide case against Myanmar at the World Court. "
            "The Maldives was the first to apply to intervene, filing its request in November. "
            "Canada and the Netherlands followed. "
            "Myanmar has dismissed the case as baseless.")
    got = _scored(text)
    assert ("MMR", "oppose", "GMB") in got
    assert not any(h == "MMR" and t in ("MDV", "CAN", "NLD") for h, _, t in got)


def test_a_verdict_on_the_draft_joined_by_a_copula_is_on_the_text():
    text = ("Assembly condemns Syria\n\nNEW YORK, May 4, 2023 - The General Assembly adopted a resolution condemning "
            "Syria's use of chemical weapons by 96 votes to 12, with 40 abstentions.\n\nThe representative of "
            "Nicaragua said the text was politicised.\n\nSpeaking before the vote, Iran's delegate called the draft "
            "a provocation.\n\nSyria's representative said the draft was a provocation and urged delegations to "
            "vote no.\n")
    p = parse_text(text).positions
    found = set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))
    assert ("IRN", "support", "SYR") in found           # against a text critical of Syria: backs Syria
    assert not {r for r in found if r[0] == "SYR" and r[2] in ("NIC", "IRN")}   # not toward the last speakers



def test_a_group_spoken_for_without_a_cue_takes_the_speakers_own_stance():
    text = ("Geneva briefing\n\nGENEVA, October 4, 2019 - The Human Rights Council set up an inquiry into abuses in "
            "Nicaragua. Costa Rica presented the text, joined by Ecuador, Panama and Uruguay.\n\n"
            "Ecuador's delegate, speaking for the Lima Group, said the exodus had reached 100,000 people.\n")
    p = parse_text(text).positions
    assert ("ECU", "oppose", "NIC", "LIMA_GROUP") in set(zip(p["country_iso3"], p["stance"], p["toward_iso3"], p["group"]))
    assert ("oppose", "NIC") in set(zip(p[p["basis"] == "bloc"]["stance"], p[p["basis"] == "bloc"]["toward_iso3"]))


def test_a_sponsor_after_an_apposition_votes_for_the_text_not_for_a_later_clause():
    text = ("Council fails on Sudan\n\nNEW YORK, March 8, 2024 - Russia vetoed a draft resolution condemning attacks "
            "on civilians by Sudan's army.\n\nGhana, the only African member to speak, had introduced the text on "
            "behalf of the African Group after weeks of talks in which sponsors dropped any mention of sanctions "
            "to win Moscow over.\n")
    p = parse_text(text).positions
    ghana = set(zip(p[p["country_iso3"] == "GHA"]["stance"], p[p["country_iso3"] == "GHA"]["toward_iso3"],
                    p[p["country_iso3"] == "GHA"]["group"]))
    assert ghana == {("oppose", "SDN", "AFRICAN_GROUP")}


def test_the_three_capitals_are_the_states_just_reported():
    text = ("Recognition wave\n\nMADRID, May 28, 2024 - Spain, Ireland and Norway formally recognised the State of "
            "Palestine on Tuesday.\n\nIsrael recalled its ambassadors from the three capitals in protest.\n")
    p = parse_text(text).positions
    israel = set(zip(p[p["country_iso3"] == "ISR"]["stance"], p[p["country_iso3"] == "ISR"]["toward_iso3"]))
    assert israel == {("oppose", "ESP"), ("oppose", "IRL"), ("oppose", "NOR")}


def test_a_retaliation_in_a_story_of_backing_is_not_part_of_the_backing():
    text = ("Recognition wave\n\nMADRID, May 28, 2024 - Spain, Ireland and Norway formally recognised the State of "
            "Palestine on Tuesday.\n\nIsrael recalled its ambassadors in protest.\n")
    p = parse_text(text).positions
    assert ("support", "PSE") not in set(zip(p[p["country_iso3"] == "ISR"]["stance"], p[p["country_iso3"] == "ISR"]["toward_iso3"]))


def test_outrage_that_two_members_blocked_the_text_is_toward_the_vetoers():
    text = ("Double veto on Myanmar\n\nNEW YORK, June 2, 2023 - Russia and China vetoed a draft resolution "
            "condemning the junta in Myanmar.\n\nBritain's envoy said London was outraged that two permanent members "
            "had blocked the council once again.\n")
    p = parse_text(text).positions
    britain = set(zip(p[p["country_iso3"] == "GBR"]["stance"], p[p["country_iso3"] == "GBR"]["toward_iso3"]))
    assert {("oppose", "RUS"), ("oppose", "CHN")} <= britain


def test_a_cue_after_since_is_not_the_anaphoric_subjects():
    # one clause rule for "the statement ... since X did Y": the shared `_LATER_CLAUSE`, not a narrower copy
    text = ("Gulf statement on Eritrea\n\nDOHA, May 4, 2023 - Qatar issued a statement on the Horn of Africa on "
            "Tuesday.\n\nThe statement was the first since the Council imposed sanctions on Eritrea.\n")
    p = parse_text(text).positions
    assert ("QAT", "oppose", "ERI") not in set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))


def test_an_anaphoric_subject_of_a_passive_is_not_the_holder():
    # "It is also called for ...": the resolution asks; the envoy named before does not
    text = ("Assembly vote\n\nNEW YORK, March 2, 2023 - The Moldovan ambassador spoke. It is also called "
            "for the strengthening of the isolation of Russia.\n")
    assert ("MDA", "concern", "RUS") not in _scored(text)


def test_an_anaphoric_subject_of_an_adjective_keeps_its_voice():
    text = ("Summit in Brussels\n\nBRUSSELS, May 3, 2023 - The EU met on Monday. It was concerned about Chinese "
            "moves in the region.\n")
    assert ("EU", "concern", "CHN") in positions(text)


def test_internationally_recognised_territory_is_no_recognition():
    text = ("Text adopted\n\nNEW YORK, Oct 12, 2022 - Peru voted in favour of the resolution. In the text, Moscow is "
            "required to give up the annexations, and insists on the withdrawal of its forces from the "
            "internationally recognized Georgian territory.\n")
    assert not {r for r in _scored(text) if r[0] == "RUS"}


def test_a_stance_reads_no_territory_past_its_own_sentence():
    # the object of "called for" ends with its sentence: a region named in a later paragraph is not its target
    text = ("Council debate\n\nGENEVA, June 22, 2021 - Laos called for an inquiry into the matter.\n\nOther "
            "delegations spoke of the camps in Xinjiang.\n")
    assert ("LAO", "concern", "CHN") not in _scored(text)


def test_bloc_members_are_one_record_expanded_columnar_as_their_rows():
    """A bloc's member rows are carried as one `MemberRows` per expansion and built columnar; the table
    equals the one from each row as a dict (ids, order, names, sources) and the dedupe is per member."""
    import datetime
    import pickle

    import pandas as pd

    from stance import blocs, countries, tables
    from stance.pipeline import parse_rows
    from stance.reading import SourceFile

    text = ("Published: June 2, 2021\n"
            "The representative of Finland, speaking on behalf of the European Union, criticised Russia on Friday.\n"
            "On 3 March 2019 the European Union had also criticised Russia.\n"
            "The European Union criticised Hungary on Friday.\n"
            "ASEAN expressed concern over China on Friday.\n")
    src = SourceFile(path="eu.txt", file="eu.txt", text=text, status="ok", error="", encoding="utf-8", kind="text",
                     meta={}, content_hash="x")
    rows = parse_rows(src)
    records = [item for item in rows.positions.items if isinstance(item, tables.MemberRows)]
    assert [r.shared["group"] for r in records] == ["EU", "EU", "EU", "ASEAN"]
    assert len(rows.positions) == len(list(rows.positions)) == sum(len(r) for r in records) + \
        sum(not isinstance(item, tables.MemberRows) for item in rows.positions.items)

    built = tables.build(rows).positions
    per_row = tables.frame(list(rows.positions), tables.COLUMNS["positions"])   # one dict per row, as before
    pd.testing.assert_frame_equal(built, per_row, check_exact=True)
    again = tables.build(pickle.loads(pickle.dumps(rows))).positions   # rows cross processes as records
    pd.testing.assert_frame_equal(again, built, check_exact=True)
    assert list(built["position_id"]) == [f"eu-1-p{n}" for n in range(1, len(built) + 1)]

    members = built[built["basis"] == "member_of_group"]
    first = members[members["event_id"] == "eu-1-e1"]
    roster = blocs.members("EU", datetime.date(2021, 5, 28))
    assert list(first["country_iso3"]) == [m.iso3 for m in roster if m.iso3 != "FIN"]   # the speaker is skipped
    assert list(first["source"]) == [m.source for m in roster if m.iso3 != "FIN"]
    assert list(members["country"]) == [countries.country_name(c) for c in members["country_iso3"]]
    # 2019: the members that held the position already are dropped; Finland (the speaker before) and
    # Britain (a member then) are new
    assert list(members[members["event_id"] == "eu-1-e2"]["country_iso3"]) == ["FIN", "GBR"]
    toward_hungary = members[members["toward_iso3"] == "HUN"]
    assert len(toward_hungary) == 26 and "HUN" not in set(toward_hungary["country_iso3"])   # never its own target
    assert list(members[members["group"] == "ASEAN"]["country_iso3"]) == \
        [m.iso3 for m in blocs.members("ASEAN", datetime.date(2021, 5, 28))]


def test_a_government_addressed_in_a_joint_statement_is_not_the_pages_owner():
    """"We urge the Government of Eritrea to ..." names whom the statement addresses: "we" stay the
    speaker and the signatories, and the signatories' concern is toward Eritrea, not toward the
    state that read the statement out."""
    text = ("Joint statement on Eritrea\n\n"
            "GENEVA, 4 July 2024 - Read out by Belgium on behalf of a group of 40 countries. "
            "We are gravely concerned about reports of enforced disappearances in Eritrea. "
            "We urge the Government of Eritrea to free all journalists held without charge.\n\n"
            "Signatories: Austria, Denmark, Ireland, Slovenia.\n")
    got = _scored(text)
    assert ("BEL", "concern", "ERI") in got
    assert {("AUT", "concern", "ERI"), ("DNK", "concern", "ERI"), ("IRL", "concern", "ERI"),
            ("SVN", "concern", "ERI")} <= got
    assert not any(holder == "ERI" for holder, _, _ in got)
    assert not any(toward == "BEL" for _, _, toward in got)


def test_a_page_headed_by_a_government_is_still_its_owners():
    text = ("Press release\n\nMinistry of Foreign Affairs, Government of Fiji\n\n"
            "We strongly condemn the attack on the convoy in Vanuatu's waters by Indonesia. "
            "We call on all sides to show restraint.\n")
    assert ("FJI", "oppose", "IDN") in _scored(text)


def test_a_list_in_apposition_to_the_object_is_each_a_target_not_a_holder():
    """ "accused its main sponsors - Ghana, Kenya and Peru - of ...": the three are whom the speaker
    accuses; they take no stance toward one another."""
    got = _scored("Envoy hits back\n\nVenezuela's delegate accused the draft's main sponsors — Ghana, Kenya and Peru — "
                  "of meddling in its affairs.\n")
    assert {("VEN", "oppose", "GHA"), ("VEN", "oppose", "KEN"), ("VEN", "oppose", "PER")} <= got
    assert not any(holder in ("GHA", "KEN", "PER") for holder, _, _ in got)
    got = _scored("Envoy hits back\n\nSerbia praised the co-sponsors, Hungary, Greece and Cyprus, for their help.\n")
    assert {("SRB", "support", "HUN"), ("SRB", "support", "GRC"), ("SRB", "support", "CYP")} <= got


def test_lifting_sanctions_backs_the_state_they_were_on():
    """Ending a sanction is the opposite of imposing one, whether the state is named in the clause or
    comes from the story ("the sanctions" already told of)."""
    assert ("SDN", "support", "TCD") in _scored(
        "Talks go on\n\nSudan's envoy said lifting the sanctions on Chad would help the whole region.\n")
    assert ("USA", "oppose", "TCD") in _scored(
        "Talks go on\n\nThe United States sanctions Chad over the raids.\n")


def _claims(text: str) -> set[tuple[int, str, str]]:
    c = parse_text(text).claims
    return set(zip(c["count"], c["stance"], c["toward_iso3"]))


_VETOED = ("Council text fails\n\nRussia on Tuesday vetoed a draft Security Council resolution that would have "
           "condemned Mali's expulsion of the peacekeepers.\n\n")


def test_the_backing_a_text_drew_is_a_vote_for_it():
    """ "The draft, tabled by X and Y, won the backing of 13 ..." describes the vote, not the draft's content:
    the sponsors and the 13 are for a text critical of Mali."""
    text = _VETOED + "The draft, tabled by Ireland and Ghana, won the backing of 13 of the council's 15 members.\n"
    got = _scored(text)
    assert {("IRL", "oppose", "MLI"), ("GHA", "oppose", "MLI"), ("RUS", "support", "MLI")} <= got
    assert not any(stance == "support" for holder, stance, _ in got if holder in ("IRL", "GHA"))
    assert (13, "oppose", "MLI") in _claims(text)


def test_it_would_after_a_text_is_the_texts_content_not_a_voice():
    got = _scored(_VETOED + "The draft, tabled by Ireland and Ghana, was put to a vote on Tuesday. "
                  "It would have demanded that Bamako reverse the expulsion.\n")
    assert not any(stance == "concern" for _, stance, _ in got)


def test_calling_the_veto_a_disgrace_opposes_the_vetoer():
    got = _scored(_VETOED + "France's envoy called the veto a shameful day for the council.\n")
    assert ("FRA", "oppose", "RUS") in got
    assert ("FRA", "support", "MLI") not in got
