from stance.sentences import split_sentences


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


def test_splits_on_sentence_ends_and_keeps_offsets():
    text = "Canada spoke first. Mexico replied! Did Peru agree? Yes."
    assert spans(text) == ["Canada spoke first.", "Mexico replied!", "Did Peru agree?", "Yes."]


def test_abbreviations_and_initials_do_not_split():
    text = "The U.S. envoy met Mr. Lee on Jan. 5 in Seoul. Talks went on."
    assert spans(text) == ["The U.S. envoy met Mr. Lee on Jan. 5 in Seoul.", "Talks went on."]


def test_quotes_stay_with_their_sentence():
    text = "“We reject this,” the minister said. Others agreed."
    assert spans(text) == ["“We reject this,” the minister said.", "Others agreed."]


def test_offsets_are_absolute_inside_a_paragraph():
    text = "HEADER\nFirst one. Second one."
    out = split_sentences(text, 7, len(text))
    assert [text[a:b] for a, b in out] == ["First one.", "Second one."]
    assert out[0][0] == 7


def test_no_ends_a_sentence_unless_a_number_follows():
    from stance.sentences import split_sentences
    text = "Three states voted no. The rest abstained. Resolution No. 2334 passed."
    got = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert got == ["Three states voted no.", "The rest abstained.", "Resolution No. 2334 passed."]
