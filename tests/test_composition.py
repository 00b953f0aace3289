"""The one composition table (stance/composition.py)."""
from stance.composition import compose


def test_backing_a_text_takes_its_stance():
    assert compose("support", "oppose") == "oppose"
    assert compose("support", "concern") == "concern"


def test_opposing_a_text_critical_of_a_state_backs_it():
    assert compose("oppose", "oppose") == "support"
    assert compose("oppose", "concern") == "support"
    assert compose("oppose", "support") == "oppose"


def test_own_stances_do_not_compose():
    assert compose("concern", "oppose") == "concern"
    assert compose("neutral", "support") == "neutral"
    assert compose("withdraw", "oppose") == "withdraw"
    assert compose("oppose", None) == "oppose"
