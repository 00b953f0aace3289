"""The shared word lists: every kind is read by the rules, and a kind compiles to one alternation."""
import re
from pathlib import Path

import pytest

from stance.rules.vocabulary import kinds, words

SOURCE = Path(__file__).resolve().parent.parent / "stance"


def test_every_kind_in_the_file_is_read_by_some_rule():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py"))
    for kind in kinds():
        assert f"words('{kind}')" in code or f'words("{kind}")' in code, kind


def test_a_kind_is_one_alternation_with_flexible_spaces():
    pattern = re.compile(rf"\b{words('inquiry')}\b", re.IGNORECASE)
    assert pattern.search("at a special   session on Burundi").group() == "special   session"
    assert pattern.fullmatch("fact-finding mission")
    assert not pattern.search("a sessional paper")


def test_an_unknown_kind_is_an_error_not_an_empty_pattern():
    with pytest.raises(KeyError):
        words("no_such_kind")
