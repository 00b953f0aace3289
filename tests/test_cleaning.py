"""split_documents: article parts, titles, boilerplate removal and exact offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from stance.cleaning import DocumentPart, split_documents

from .workcount import FACTOR, assert_linear

ROOT = Path(__file__).resolve().parent
ARTICLES = ROOT.parent / "data" / "articles"
FIXTURES = ROOT / "fixtures" / "cleaning"


def sample(prefix: str) -> str:
    return next(ARTICLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def texts(text: str, part: DocumentPart) -> list[str]:
    return [text[a:b] for a, b in part.paragraphs]


def check_offsets(text: str, parts: list[DocumentPart]) -> None:
    """Every span is exact: stripped, non-empty, inside its part, in order."""
    for number, part in enumerate(parts, 1):
        assert part.part == number
        assert 0 <= part.start < part.end <= len(text)
        last = -1
        for a, b in part.paragraphs:
            piece = text[a:b]
            assert piece and piece == piece.strip(), repr(piece)
            assert "\n" not in piece and "\r" not in piece
            assert part.start <= a < b <= part.end and a > last
            last = b
        if part.title_span is not None:
            a, b = part.title_span
            assert text[a:b] == part.title
            assert (a, b) not in part.paragraphs
        else:
            assert part.title == ""


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_sample_offsets_are_exact(path):
    text = path.read_text(encoding="utf-8")
    parts = split_documents(text)
    assert parts
    check_offsets(text, parts)


def test_002_splits_into_two_articles_without_repeated_headlines():
    text = sample("002")
    parts = split_documents(text)
    assert [p.title for p in parts] == [
        "Over 100 countries voice support for China's just position on human rights",
        "Anti-corruption body GlobE Network passes Beijing consensus",
    ]
    for part in parts:
        body = texts(text, part)
        assert part.title not in body
        assert len(body) == len(set(body))
        assert not any(line in ("Next Article", "Recommended Articles") for line in body)
        assert not any(line.startswith("Skip to Content") for line in body)
    assert texts(text, parts[0])[0] == "2024-09-25 17:21 Last Updated At:22:17"     # header kept
    assert texts(text, parts[1])[0] == "2024-09-27 21:30 Last Updated At:22:07"
    assert parts[0].end < parts[1].start


def test_003_title_is_not_the_breadcrumb_and_ads_are_gone():
    text = sample("003")
    [part] = split_documents(text)
    assert not part.title.startswith("Home")
    assert part.title.startswith("Chinese foreign ministry denies")
    body = texts(text, part)
    assert "- Advertisement -" not in body and "Must Read" not in body
    assert not any(line.startswith("HomeWorld") for line in body)
    assert any(line.startswith("The South Korean government is fully dedicated") for line in body)


def test_000_banner_kept_once_and_dateline_kept():
    text = sample("000")
    [part] = split_documents(text)
    body = texts(text, part)
    assert body.count("Website of Embassy of China in Belgium") == 1
    assert body[0] == "Published: Nov 23, 2023 10:34 AM"
    assert part.title.startswith("Chinese Embassy in Belgium calls for")


def test_three_stories_with_varied_separators_and_furniture():
    text = (FIXTURES / "three_stories.txt").read_text(encoding="utf-8")
    parts = split_documents(text)
    check_offsets(text, parts)
    assert [p.title for p in parts] == [
        "Ghana and Togo agree to reopen their shared border",
        "Brazil pledges funds for Amazon patrols",
        "Japan and South Korea hold first summit in years",
    ]
    everything = [line for p in parts for line in texts(text, p)]
    for furniture in ("Skip to main content", "Home > World > Africa", "Share this article",
                      "Facebook | Twitter | WhatsApp", "NEXT STORY »", "Read Next", "Related Articles",
                      "- Advertisement -", "* * *", "Print", "Daily Meridian",
                      "Click to share on Telegram (Opens in new window)",
                      "Brazilian senate debates forest code", "Amazon fires fall for a second year"):
        assert furniture not in everything, furniture
    assert not any("cookie" in line for line in everything)
    # the headline repeated at the end of the first story is dropped; datelines stay
    assert [texts(text, p)[0] for p in parts] == ["Published: 14 June 2022", "June 15, 2022",
                                                  "Updated: 16 June 2022"]
    # a body sentence after the teaser list is kept, and "* * *" did not split story three
    assert any(line.startswith("Environment groups said") for line in texts(text, parts[1]))
    assert texts(text, parts[2])[-1].startswith("Both governments expressed concern")


def test_markdown_heading_front_matter_and_decoration():
    text = (FIXTURES / "briefing.md").read_text(encoding="utf-8")
    [part] = split_documents(text)
    check_offsets(text, [part])
    assert part.title == "Denmark backs Greenland fishing deal"
    body = texts(text, part)
    assert body[0] == "date: 2021-08-09"                        # header line for the date reader
    assert "# Denmark backs Greenland fishing deal" not in body   # repeat of the title
    assert "**Advertisement**" not in body and "---" not in body
    assert not any(line.startswith(("![", "[Read more]", "tags:", "title:")) for line in body)
    assert "## Reaction" in body
    assert "The European Union welcomed the *arrangement*, officials said." in body


def test_markdown_heading_title_span_excludes_hashes():
    text = "# Peru and Bolivia sign lake accord #\n\nPeru said on Friday it backs the Titicaca accord.\n"
    [part] = split_documents(text)
    assert part.title == "Peru and Bolivia sign lake accord"
    assert text[part.title_span[0]:part.title_span[1]] == part.title


def test_separator_rule_of_dashes_does_not_split():
    text = "Ministers meet in Oslo\n\nFirst section of the report text follows here.\n\n---\n\n" \
           "Second section continues the same article here.\n"
    parts = split_documents(text)
    assert len(parts) == 1
    assert texts(text, parts[0]) == ["First section of the report text follows here.",
                                     "Second section continues the same article here."]


def test_crlf_line_endings_keep_exact_offsets():
    text = ("Seoul voices concern\r\n\r\nPublished: May 3, 2021\r\n\r\n"
            "South Korea voiced concern on Monday over the missile test.\r\n\r\n"
            "Advertisement\r\n\r\nSeoul voices concern\r\n")
    [part] = split_documents(text)
    check_offsets(text, [part])
    assert part.title == "Seoul voices concern"
    assert texts(text, part) == ["Published: May 3, 2021",
                                 "South Korea voiced concern on Monday over the missile test."]
    old_mac = text.replace("\r\n", "\r")
    [part] = split_documents(old_mac)
    check_offsets(old_mac, [part])
    assert len(part.paragraphs) == 2


def test_no_title_when_the_page_is_only_body_text():
    text = ("The foreign ministers of Chile, Peru and Ecuador met in Lima on Thursday and said they "
            "would coordinate their positions ahead of the regional summit next month in Quito.\n"
            "Chile said it supported a joint statement on fisheries.\n")
    [part] = split_documents(text)
    assert part.title == "" and part.title_span is None
    assert len(part.paragraphs) == 2


def test_dateline_first_means_no_title():
    text = "Published: March 3, 2022\nCanada voiced concern over Iran's programme on Tuesday.\n"
    [part] = split_documents(text)
    assert part.title == ""
    assert texts(text, part) == ["Published: March 3, 2022",
                                 "Canada voiced concern over Iran's programme on Tuesday."]


def test_single_sentence_is_text_not_a_title():
    text = "Officials in Canada said on Monday that they oppose the plan."
    [part] = split_documents(text)
    assert part.title == ""
    assert part.paragraphs == [(0, len(text))]


def test_site_name_above_headline_is_not_the_title():
    text = "Global Monitor\nArgentina protests British naval exercise\nArgentina lodged a protest on Monday.\n"
    [part] = split_documents(text)
    assert part.title == "Argentina protests British naval exercise"


def test_only_boilerplate_gives_no_parts():
    text = "Advertisement\n\nShare\nFacebook Twitter WhatsApp\nRead more\nSubscribe to our newsletter\n" \
           "Recommended Articles\n* * *\nNext Article\nPrint\nEmail\n"
    assert split_documents(text) == []
    assert split_documents("") == []
    assert split_documents("   \n\t\r\n") == []


def test_bad_input_types_give_no_parts():
    assert split_documents(None) == []          # type: ignore[arg-type]
    assert split_documents(b"bytes") == []      # type: ignore[arg-type]


def test_breadcrumbs_dropped_but_similar_headlines_kept():
    text = ("Home » World » Europe\nNews / Politics / Asia\n"
            "Home Office rejects appeal by Albanian ministry\n"
            "The British Home Office said on Monday it rejected the appeal from Albania.\n")
    [part] = split_documents(text)
    assert part.title == "Home Office rejects appeal by Albanian ministry"
    assert texts(text, part) == ["The British Home Office said on Monday it rejected the appeal from Albania."]


def test_teaser_run_ends_at_a_sentence():
    text = ("Mali and Niger sign security pact\nThe two governments signed the pact on Friday.\n"
            "Must Read\nSenegal elects new parliament\nGuinea delays referendum\n"
            "Niger said the pact would be reviewed every two years by both sides.\n")
    [part] = split_documents(text)
    body = texts(text, part)
    assert "Senegal elects new parliament" not in body and "Guinea delays referendum" not in body
    assert body[-1].startswith("Niger said the pact")


def test_repeated_long_sentences_are_kept_but_short_lines_once():
    sentence = ("Both delegations repeated that they support the ceasefire and will continue talks under "
                "the auspices of the African Union next week.")
    text = f"Talks continue\n{sentence}\nKey facts\n{sentence}\nKey facts\n"
    [part] = split_documents(text)
    body = texts(text, part)
    assert body.count(sentence) == 2
    assert body.count("Key facts") == 1


def test_teaser_part_after_separator_is_dropped():
    text = ("Fiji hosts Pacific forum\nFiji opened the Pacific forum in Suva on Monday with twelve leaders.\n"
            "Next Article\nSamoa names new envoy\n")
    parts = split_documents(text)
    assert [p.title for p in parts] == ["Fiji hosts Pacific forum"]


def test_very_long_single_line_is_linear():
    text = "word " * 200_000 + "end."          # about 1 MB on one line
    parts = split_documents(text)
    assert len(parts) == 1 and parts[0].paragraphs == [(0, len(text))]
    assert split_documents(" " * 1_000_000) == []
    assert split_documents("-" * 1_000_000) == []
    for unit, n in (("word ", 20_000), (" ", 100_000), ("-", 100_000)):
        assert_linear(lambda: split_documents(unit * n + "end."),
                      lambda: split_documents(unit * (n * FACTOR) + "end."), repr(unit))


def test_many_lines_scale_linearly():
    line = "Short repeated navigation line\n"
    parts = split_documents(line * 30_000)
    # one line repeated: no body under a headline, so the line itself is the (single) paragraph
    assert len(parts) == 1 and parts[0].title == "" and parts[0].paragraphs == [(0, len(line) - 1)]
    assert_linear(lambda: split_documents(line * 3_000), lambda: split_documents(line * 30_000), "lines")
