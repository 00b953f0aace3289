"""Joint letters: dated signatories and matching counted claims."""
import datetime as dt

import pycountry
import pytest

from stance.letters import letters, match_letter, signatories

SUPPORT = "XINJIANG_2019_SUPPORT"
CRITICS = "XINJIANG_2019_CRITICS"


def codes(letter_id, on):
    return {m.iso3 for m in signatories(letter_id, on)}


def test_support_letter_after_late_joiners():
    after = codes(SUPPORT, dt.date(2019, 7, 27))
    assert len(after) == 50
    assert {"BLR", "TJK", "YEM", "UZB"} <= after
    assert "QAT" not in after


def test_support_letter_initial_signatories():
    first = codes(SUPPORT, dt.date(2019, 7, 13))
    assert len(first) == 37
    assert "QAT" in first
    assert "UZB" not in first  # joined 2019-07-26
    assert "YEM" not in first  # unknown date: counted from the final count (2019-07-26)


def test_qatar_withdrawal_and_final_list():
    assert "QAT" not in codes(SUPPORT, dt.date(2019, 7, 18))
    assert len(signatories(SUPPORT, None)) == 50
    assert signatories(SUPPORT, dt.date(2019, 7, 1)) == []


def test_critics_letter():
    assert len(codes(CRITICS, dt.date(2019, 7, 8))) == 22
    assert {"AUS", "CAN", "JPN", "GBR"} <= codes(CRITICS, None)


def test_match_support_claim():
    found = match_letter("support", "CHN", "Xinjiang", dt.date(2019, 7, 27), 50)
    assert found is not None and found.id == SUPPORT
    assert match_letter("support", "CHN", "Xinjiang", dt.date(2019, 7, 12), 37).id == SUPPORT
    assert match_letter("support", "CHN", "", dt.date(2019, 8, 2), 50,
                        text="Envoys backed the vocational centres in Xinjiang").id == SUPPORT


def test_no_match_out_of_window_or_wrong_count_or_stance():
    assert match_letter("support", "CHN", "Xinjiang", dt.date(2023, 10, 1), 50) is None
    assert match_letter("support", "CHN", "Xinjiang", dt.date(2019, 7, 27), 80) is None
    assert match_letter("oppose", "CHN", "Xinjiang", dt.date(2019, 7, 27), 50) is None
    assert match_letter("support", "USA", "Xinjiang", dt.date(2019, 7, 27), 50) is None
    assert match_letter("support", "CHN", "Hong Kong", dt.date(2019, 7, 27), 50) is None


def test_match_critics_claim_with_concern_or_oppose():
    assert match_letter("concern", "CHN", "Xinjiang", dt.date(2019, 7, 10), 22).id == CRITICS
    assert match_letter("oppose", "CHN", "Xinjiang camps", dt.date(2019, 7, 10), None).id == CRITICS


def test_catalogue_is_valid():
    for letter in letters():
        assert letter.source.startswith("http")
        assert pycountry.countries.get(alpha_3=letter.toward_iso3)
        for m in signatories(letter.id, None):
            assert pycountry.countries.get(alpha_3=m.iso3) is not None


def test_unknown_letter():
    with pytest.raises(KeyError):
        signatories("NOPE", None)
