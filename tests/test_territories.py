"""Territories standing for the state whose conduct a text about them addresses."""
from stance.frames import find_motion
from stance.extract import _mentions
from stance.pipeline import parse_text
from stance.positions import analyse
from stance.territories import find_territory


def test_the_table_finds_aliases_and_longest_names_first():
    text = "aid convoys entered the Gaza Strip and the occupied Syrian Golan"
    gaza = find_territory(text, 0, len(text))
    assert (gaza.text, gaza.name, gaza.iso3) == ("the Gaza Strip", "Gaza", "ISR")
    golan = find_territory(text, gaza.end, len(text))
    assert (golan.name, golan.iso3) == ("Golan", "ISR")
    assert find_territory("Gazan families", 0, 14) is None   # whole words only


def motion_of(text: str):
    analysis = analyse(text, 0, len(text), _mentions(text, 0, len(text)))
    return find_motion(text, 0, len(text), analysis)


def test_a_text_critical_of_what_happens_in_a_territory_is_critical_of_the_state_at_issue():
    motion = motion_of("Malta voted for a resolution demanding an immediate ceasefire in Gaza.")
    assert (motion.stance, motion.target.iso3) == ("critical", "ISR")
    motion = motion_of("Serbia abstained on a text on the human rights situation in Crimea.")
    assert (motion.stance, motion.target.iso3) == ("critical", "RUS")


def test_votes_on_such_a_text_are_stances_toward_that_state():
    p = parse_text("The United States vetoed a draft resolution calling for a humanitarian truce in Gaza. "
                   "Brazil, China and France voted in favour, while the United Kingdom abstained.").positions
    rows = set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))
    assert {("USA", "support", "ISR"), ("BRA", "oppose", "ISR"), ("GBR", "neutral", "ISR")} <= rows


def test_a_territory_named_in_passing_or_in_a_backing_text_is_no_target():
    p = parse_text("Egypt welcomed a resolution supporting relief flights to Gaza.").positions
    assert "ISR" not in set(p["toward_iso3"])
    p = parse_text("Jordan sent aid to the West Bank on Monday.").positions
    assert p.empty


def read(text: str):
    analysis = analyse(text, 0, len(text), _mentions(text, 0, len(text)))
    return [(st.holder.iso3, st.stance, st.target.iso3 if st.target else "") for st in analysis.statements]


def test_condemning_or_worrying_about_what_happens_in_a_territory_is_toward_the_state_at_issue():
    assert read("Turkey condemned the bombardment of Gaza on Monday.") == [("TUR", "oppose", "ISR")]
    assert read("Canada voiced concern over the detention camps in Xinjiang.") == [("CAN", "concern", "CHN")]
    assert read("Ukraine denounced the annexation of Crimea.") == [("UKR", "oppose", "RUS")]


def test_no_state_at_issue_for_acts_from_a_territory_by_armed_groups_or_for_backing():
    assert read("Egypt condemned the rockets fired from Gaza.") == [("EGY", "oppose", "")]
    assert read("Qatar condemned the raid by Hamas in the Gaza Strip.") == [("QAT", "oppose", "")]
    assert read("Jordan welcomed the aid deliveries to Gaza.") == [("JOR", "support", "")]
    # a state named in the clause comes first
    assert read("Chile condemned Iran's strikes in the Golan.") == [("CHL", "oppose", "IRN")]


def test_the_occupied_territories_of_a_state_put_the_occupier_at_issue_not_the_state():
    p = parse_text("Statement\n\nPoland condemned the sham referendums held in the temporarily occupied "
                   "territories of Ukraine.").positions
    got = set(zip(p["country_iso3"], p["stance"], p["toward_iso3"]))
    assert ("POL", "oppose", "RUS") in got and ("POL", "oppose", "UKR") not in got
    p = parse_text("Statement\n\nFinland voiced concern over arrests in the occupied regions of Georgia.").positions
    assert set(zip(p["country_iso3"], p["stance"], p["toward_iso3"])) == {("FIN", "concern", "RUS")}
