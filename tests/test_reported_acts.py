"""stance/reported_acts.py: a state reporting another state's wrongful act accuses it."""
import pytest

from tests.test_positions import positions_of, read


@pytest.mark.parametrize("text,expected", [
    # a wrongful verb is enough
    ("Georgia said on Friday that Russia had violated its airspace twice.", ("GEO", "oppose", "RUS", "")),
    ("The Serbian foreign ministry says Albanian police have breached the agreement.", ("SRB", "oppose", "ALB", "")),
    ("Caracas said the United States had interfered in the vote.", ("VEN", "oppose", "USA", "")),
    ("Kenya said in a statement that Somali militias had abducted two aid workers.", ("KEN", "oppose", "SOM", "")),
    # a verb of force needs the speaker's own or protected persons and places as its object
    ("Hanoi said Chinese coast guard vessels had rammed its fishing boats.", ("VNM", "oppose", "CHN", "")),
    ("Lebanon said Israeli jets had struck residential buildings in the south.", ("LBN", "oppose", "ISR", "")),
    ("Sudan said Chadian troops had opened fire on Sudanese positions.", ("SDN", "oppose", "TCD", "")),
    # a bloc reports too
    ("The EU said Belarus had orchestrated the crossings.", ("EU", "oppose", "BLR", "")),
])
def test_a_reported_act_is_an_accusation(text, expected):
    assert expected in read(text)


def test_the_attribution_after_the_act():
    assert ("TJK", "oppose", "KGZ", "") in read(
        "Kyrgyz border guards shelled villages near the frontier on Sunday, Tajikistan's foreign ministry said.")


@pytest.mark.parametrize("text", [
    "The Dutch government said Belgium had struck a deal with the unions.",     # no harmed object
    "Pakistan said India had not violated the truce.",                           # negated
    "India said Pakistani forces could attack the post again.",                 # hedged
    "Moscow said Russian troops had seized the village.",                       # a claim about itself
    "Chile said it had detained two Peruvian fishermen.",                       # the speaker's own act
])
def test_no_accusation(text):
    assert not [r for r in read(text) if r[1] == "oppose" and r[2]]


def test_an_office_subject_takes_the_document_speaker():
    text = ("Armenia protests border fire\n\nYEREVAN, May 4, 2023 - Armenia's defence ministry issued a statement "
            "on Thursday.\n\nThe ministry said Azerbaijani units had fired on its positions near Sotk.\n")
    assert ("ARM", "oppose", "AZE") in positions_of(text)


def test_an_act_stated_on_a_ministry_page_is_the_ministry_s_charge():
    page = ("Ministry of Foreign Affairs of the People's Republic of China\n\n"
            "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on April 2, 2025\n\n"
            "Question: Manila says its boats were blocked again. What is your comment?\n\n"
            "Answer: The Philippine side has repeatedly intruded into waters near the reef.\n")
    assert ("CHN", "oppose", "PHL") in positions_of(page)


def test_an_act_stated_in_a_wire_story_is_only_reported():
    story = ("Truce frays\n\nKYIV, March 3, 2025 (Wire) - Talks resumed in Riyadh on Monday.\n\n"
             "Russian forces violated the truce overnight.\n")
    assert not [r for r in positions_of(story) if r[2] == "RUS"]


@pytest.mark.parametrize("text,expected", [
    # the act is itself a cue ("interfering in its internal affairs"): the speaker accuses its agent
    ("Nicaragua said the United States was meddling in its internal affairs.", ("NIC", "oppose", "USA")),
    # a participle of speech after the speaker's own untargeted protest: the protest is at the agent
    ("Thailand protested, saying Cambodian troops had crossed into its territory.", ("THA", "oppose", "KHM")),
    ("Tehran rejected the charges, saying Washington was interfering in its internal affairs.", ("IRN", "oppose", "USA")),
])
def test_an_act_reported_after_a_speech_participle_or_as_a_cue(text, expected):
    assert expected in positions_of("T\n\n" + text)


def test_a_backing_speaker_keeps_its_own_stance():
    # "welcomed ..., saying Israel had struck ...": no protest of the speaker's to aim; no row is invented
    assert ("USA", "oppose", "ISR") not in positions_of("T\n\nThe US welcomed the talks, saying Israel had struck a command centre.")
