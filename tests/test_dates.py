"""Tests for stance.dates: finding date mentions and resolving them from the text's own evidence."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from stance.dates import DateMention, analyse_dates, find_dates, heading_for

from .workcount import assert_linear

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dates"
D = dt.date


def lines(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Paragraph spans = non-empty lines."""
    hi = len(text) if hi is None else hi
    return [(m.start() + lo, m.end() + lo) for m in re.finditer(r"[^\n]+", text[lo:hi])]


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans = blocks separated by blank lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


def article(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def analyse(text: str, override: dt.date | None = None):
    return analyse_dates(text, lines(text), override)


def by_text(doc, text: str, nth: int = 0) -> DateMention:
    found = [m for m in doc.mentions if m.text == text]
    assert len(found) > nth, f"{text!r} not among {[m.text for m in doc.mentions]}"
    return found[nth]


def check_offsets(text: str, mentions: list[DateMention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.text


# --------------------------------------------------------------------------- the sample corpus

def test_000_published_and_relatives():
    text = article("000")
    doc = analyse(text)
    assert doc.published is not None
    assert doc.published.date == D(2023, 11, 23) and doc.published.basis == "stated"
    assert doc.published.text.startswith("Nov 23, 2023")
    wed = by_text(doc, "Wednesday")
    assert (wed.date, wed.precision, wed.basis, wed.relative) == (D(2023, 11, 22), "day", "relative", "weekday")
    octo = by_text(doc, "October this year")
    assert (octo.date, octo.precision, octo.basis) == (D(2023, 10, 1), "month", "relative")
    check_offsets(text, doc.mentions)


@pytest.mark.parametrize("split", [lines, blocks])
def test_001_dated_list_without_publication_date(split):
    text = article("001")
    doc = analyse_dates(text, split(text))
    assert doc.published is None
    heads = [h.text for h in doc.headings]
    assert heads == ["22 Nov", "10 Oct", "20 May", "14 May", "02 May", "02 Apr", "09 Mar",
                     "18 Feb", "29 Jan", "27 Jan"]
    assert all(h.date is not None and h.date.year == 2021 and h.basis == "inferred" for h in doc.headings)
    assert doc.headings[0].date == D(2021, 11, 22)
    friday = by_text(doc, "Friday, May 21")
    assert (friday.weekday, friday.date, friday.basis) == (4, D(2021, 5, 21), "inferred")
    assert by_text(doc, "4 March").date == D(2021, 3, 4)
    stated = by_text(doc, "25 October 1971")
    assert (stated.date, stated.basis, stated.precision) == (D(1971, 10, 25), "stated", "day")
    assert by_text(doc, "2021").basis == "stated"
    # heading_for: the item that starts with "09 Mar" governs "On 4 March"
    assert heading_for(doc, by_text(doc, "4 March").start).text == "09 Mar"
    assert heading_for(doc, 0) is None
    check_offsets(text, doc.mentions)


def _parts_002(text: str) -> list[list[tuple[int, int]]]:
    cut = text.index("Next Article")
    spans = lines(text)
    return [[p for p in spans if p[1] <= cut], [p for p in spans if p[0] >= cut]]


def test_002_two_articles_each_with_own_dateline():
    text = article("002")
    first, second = _parts_002(text)
    doc1 = analyse_dates(text, first)
    assert doc1.published.date == D(2024, 9, 25)
    assert doc1.published.text.startswith("2024-09-25 17:21")
    assert by_text(doc1, "Tuesday").date == D(2024, 9, 24)
    assert not any("57" in m.text for m in doc1.mentions)  # "the 57th regular session"
    doc2 = analyse_dates(text, second)
    assert doc2.published.date == D(2024, 9, 27)
    fri = by_text(doc2, "Friday")
    assert (fri.date, fri.basis) == (D(2024, 9, 27), "relative")  # published on a Friday
    assert not any("13,000" in m.text or "63.1" in m.text for m in doc2.mentions)
    assert by_text(doc2, "2021").precision == "year"


def test_003_no_dates_at_all():
    text = article("003")
    doc = analyse(text)
    assert doc.published is None
    assert all(m.date is None for m in doc.mentions)
    assert doc.headings == []


def test_004_floor_from_past_reference():
    text = article("004")
    doc = analyse(text)
    assert doc.published is None
    for day in (27, 12, 26):
        m = by_text(doc, f"July {day}")
        assert (m.date, m.basis, m.precision) == (D(2019, 7, day), "inferred", "day")
    assert by_text(doc, "August 2018").basis == "stated"


def test_why_hand_written_a_library_invents_the_year():
    """dateparser (the benchmark baseline) fills a missing year with the current one, ignores the
    weekday and gives no offsets; our resolution uses the text's own evidence."""
    dateparser = pytest.importorskip("dateparser")
    from dateparser.search import search_dates

    guessed = dateparser.parse("Friday, May 21")
    assert guessed.year == dt.date.today().year  # invented from the clock, not the text
    text = article("004")
    found = search_dates(text, languages=["en"]) or []
    july = [d for s, d in found if "July 27" in s]
    assert july and july[0].year == dt.date.today().year != 2019
    assert by_text(analyse(text), "July 27").date == D(2019, 7, 27)
    assert by_text(analyse(article("001")), "Friday, May 21").date.weekday() == 4


# --------------------------------------------------------------------------- formats

@pytest.mark.parametrize("snippet, ymd, precision", [
    ("Nov 23, 2023", (2023, 11, 23), "day"),
    ("November 23, 2023", (2023, 11, 23), "day"),
    ("23 November 2023", (2023, 11, 23), "day"),
    ("Sept. 5, 2022", (2022, 9, 5), "day"),
    ("5th of March 2020", (2020, 3, 5), "day"),
    ("2024-09-25", (2024, 9, 25), "day"),
    ("2024-09-25 17:21", (2024, 9, 25), "day"),
    ("2024-09-25T17:21:00Z", (2024, 9, 25), "day"),
    ("25/09/2024", (2024, 9, 25), "day"),
    ("09/25/2024", (2024, 9, 25), "day"),
    ("August 2018", (2018, 8, 1), "month"),
    ("MAY 5, 2021", (2021, 5, 5), "day"),
    ("Tuesday, 3 December 2019", (2019, 12, 3), "day"),
])
def test_stated_formats(snippet, ymd, precision):
    text = f"The accord was signed {snippet} in the capital."
    (m,) = find_dates(text)
    assert m.text == snippet and text[m.start:m.end] == snippet
    assert (m.date, m.precision, m.basis) == (D(*ymd), precision, "stated")


def test_weekday_prefix_is_recorded():
    (m,) = find_dates("The vote is set for Thursday, March 3, 2022 at noon.")
    assert (m.weekday, m.year, m.month, m.day) == (3, 2022, 3, 3)


def test_ambiguous_numeric_dates_are_skipped():
    assert find_dates("Filed on 05/09/2024 by the clerk.") == []


@pytest.mark.parametrize("text", ["Posted 2024/03/12 14:00", "Posted 2024.03.12", "Posted 12-Mar-2024 09:30"])
def test_year_first_numeric_and_hyphenated_day_month_year(text):
    (m,) = find_dates(text)
    assert (m.date, m.precision) == (dt.date(2024, 3, 12), "day")


def test_bare_years_in_context():
    text = "In 1989 the treaty was adopted. Since 2020, talks stalled. 2021 is therefore a special year."
    assert [(m.text, m.precision) for m in find_dates(text)] == [
        ("1989", "year"), ("2020", "year"), ("2021", "year")]
    assert [m.text for m in find_dates("Growth slowed in mid-2022.")] == ["2022"]


@pytest.mark.parametrize("text", [
    "Other countries may join the group later.",
    "Thousands joined a protest march through the city.",
    "The resolution passed by a 2-1 vote.",
    "It cited Resolution 2758 of the General Assembly.",
    "Call the embassy on +86 10 6532 2021 for help.",
    "The COVID-19 outbreak and the G20 summit were discussed.",
    "The fund holds $4.5 billion and returned 13,000 fugitives.",
    "The 57th session of the council opened.",
    "Exactly 2021 people attended, and 4 members abstained.",
    "Prime Minister Theresa May spoke to May, who replied.",
    "The 1990s were turbulent; 2,021 votes were cast; 2021.5 is not a year.",
])
def test_false_positives(text):
    assert find_dates(text) == []


def test_day_month_without_year_and_sentence_stop():
    text = "The deadline is 4 March. A ruling came on 11 Nov."
    got = [(m.text, m.month, m.day, m.year) for m in find_dates(text)]
    assert got == [("4 March", 3, 4, None), ("11 Nov.", 11, 11, None)]


def test_invalid_calendar_dates_are_not_dates():
    assert find_dates("It happened on February 30, 2023 and on 31 Nov 2022.") == []


def test_window_offsets_are_absolute():
    text = "Intro on 5 May 2020.\nBody text: talks on July 8, 2021 ended."
    body = text.index("Body")
    (m,) = find_dates(text, body)
    assert m.start > body and text[m.start:m.end] == "July 8, 2021"
    assert find_dates(text, 0, body)[0].text == "5 May 2020"


# --------------------------------------------------------------------------- publication date

@pytest.mark.parametrize("header, expected", [
    ("Published: Nov 23, 2023 10:34 AM", D(2023, 11, 23)),
    ("Posted on March 3, 2022", D(2022, 3, 3)),
    ("Updated: 2022-03-03 08:00", D(2022, 3, 3)),
    ("Date: 14 July 2020", D(2020, 7, 14)),
    ("2024-09-25 17:21 Last Updated At:22:17", D(2024, 9, 25)),
    ("BEIJING, June 2, 2021 (Xinhua) -- Officials met to review a long agenda of trade issues "
     "and agreed to continue the talks in the coming weeks.", D(2021, 6, 2)),
])
def test_dateline_variants(header, expected):
    text = f"Ministers meet on trade\n{header}\nThe ministers met on Monday to discuss tariffs."
    doc = analyse(text)
    assert doc.published is not None and doc.published.date == expected
    assert doc.published.basis == "stated"
    assert doc.published not in doc.mentions
    monday = by_text(doc, "Monday")
    assert monday.date is not None and monday.date <= expected and monday.date.weekday() == 0


def test_body_sentence_is_not_a_dateline():
    text = "Relations\nOn 25 October 1971, Belgium established relations with China.\nThe talks on Wednesday."
    doc = analyse(text)
    assert doc.published is None
    wed = by_text(doc, "Wednesday")
    assert (wed.date, wed.precision, wed.basis) == (None, "none", "none")


def test_override_wins():
    text = "Published: Nov 23, 2023\nThe envoy spoke on Monday."
    doc = analyse(text, D(2024, 2, 7))  # a Wednesday
    assert doc.published.date == D(2024, 2, 7) and doc.published.basis == "stated"
    assert by_text(doc, "Monday").date == D(2024, 2, 5)
    assert by_text(doc, "Nov 23, 2023").basis == "stated"  # the line is now an ordinary mention


# --------------------------------------------------------------------------- relative dates

PUB_FRIDAY = "Published: March 3, 2023\n"  # 2023-03-03 is a Friday


@pytest.mark.parametrize("sentence, mention, expected", [
    ("The talks ended on Friday.", "Friday", D(2023, 3, 3)),    # the anchor's own weekday: that day
    ("The talks ended on Tuesday.", "Tuesday", D(2023, 2, 28)),
    ("The talks will resume on Friday.", "Friday", D(2023, 3, 10)),
    ("The envoys will meet on Monday.", "Monday", D(2023, 3, 6)),
    ("They meet again next Friday.", "next Friday", D(2023, 3, 10)),
    ("They met last Friday.", "last Friday", D(2023, 2, 24)),
    ("It was announced today.", "today", D(2023, 3, 3)),
    ("It was announced yesterday.", "yesterday", D(2023, 3, 2)),
])
def test_relative_weekdays_and_days(sentence, mention, expected):
    doc = analyse(PUB_FRIDAY + sentence)
    m = by_text(doc, mention)
    assert (m.date, m.precision, m.basis) == (expected, "day", "relative")


@pytest.mark.parametrize("sentence, mention, expected, precision, relative", [
    ("Exports rose this year.", "this year", D(2023, 1, 1), "year", "this_year"),
    ("Exports fell last year.", "last year", D(2022, 1, 1), "year", "last_year"),
    ("Prices rose earlier this month.", "earlier this month", D(2023, 3, 1), "month", "this_month"),
    ("A vote is due next month.", "next month", D(2023, 4, 1), "month", "next_month"),
    ("By June this year, talks resumed.", "June this year", D(2023, 6, 1), "month", "this_year"),
    ("In October last year, talks began.", "October last year", D(2022, 10, 1), "month", "last_year"),
])
def test_relative_periods(sentence, mention, expected, precision, relative):
    doc = analyse(PUB_FRIDAY + sentence)
    m = by_text(doc, mention)
    assert (m.date, m.precision, m.basis, m.relative) == (expected, precision, "relative", relative)


def test_relative_without_publication_date_stays_unresolved():
    doc = analyse("The ministers met on Tuesday and again yesterday. Trade grew this year.")
    assert [m.relative for m in doc.mentions] == ["weekday", "yesterday", "this_year"]
    assert all((m.date, m.precision, m.basis) == (None, "none", "none") for m in doc.mentions)


def test_usa_today_is_a_name():
    assert find_dates("The story ran in USA Today and was widely shared.") == []


# --------------------------------------------------------------------------- year inference

def test_publication_year_for_month_day():
    doc = analyse("Published: Sept. 14, 2022\nThe deal was signed on July 2 in Geneva.")
    m = by_text(doc, "July 2")
    assert (m.date, m.basis, m.precision) == (D(2022, 7, 2), "inferred", "day")


def test_december_event_in_january_article_is_previous_year():
    doc = analyse("Posted on January 10, 2024\nThe summit held on December 28 set new goals.")
    assert by_text(doc, "December 28").date == D(2023, 12, 28)


def test_future_january_event_in_december_article_is_next_year():
    doc = analyse("Published: Dec 20, 2023\nThe leaders will meet on January 5 in Hanoi.")
    assert by_text(doc, "January 5").date == D(2024, 1, 5)


def test_month_only_mentions_follow_publication_year():
    doc = analyse("Published: 15 January 2024\nTalks began in December and resumed in early January.")
    dec, jan = by_text(doc, "December"), by_text(doc, "January")
    assert (dec.date, dec.precision, dec.basis) == (D(2023, 12, 1), "month", "inferred")
    assert jan.date == D(2024, 1, 1)


def test_last_month_name_is_before_publication():
    doc = analyse("Published: 2023-09-12\nThe ministers first met last October.")
    assert by_text(doc, "October").date == D(2022, 10, 1)


def test_weekday_consistency_picks_the_year():
    # No publication date; the latest stated reference (2017) is a floor; the text allows 2017 and
    # 2018; June 3 was a Saturday in 2017 and a Sunday in 2018: exactly one year fits.
    doc = analyse("The council was created in 2015 and reformed in 2017.\n"
                  "On Saturday, June 3, the council met again.")
    assert by_text(doc, "Saturday, June 3").date == D(2017, 6, 3)


def test_weekday_alone_past_an_open_floor_stays_undated():
    # Only "2015" is stated: June 3 is a Saturday in 2017, 2023, ... - the text does not say which.
    doc = analyse("The council was created in 2015.\nOn Saturday, June 3, the council met again.")
    assert by_text(doc, "Saturday, June 3").date is None


def test_weekday_consistency_with_publication_year():
    # Published Jan 2023: "Friday, December 30" is 2022-12-30 (a Friday), not 2023.
    doc = analyse("Published: Jan 4, 2023\nOn Friday, December 30, the office closed early.")
    assert by_text(doc, "Friday, December 30").date == D(2022, 12, 30)


def test_leap_day_with_weekday():
    doc = analyse("The programme began in 2018 and grew in 2019.\nOn Saturday, February 29, volunteers gathered.")
    assert by_text(doc, "Saturday, February 29").date == D(2020, 2, 29)


def test_leap_day_in_publication_year():
    doc = analyse("Published: March 5, 2024\nThe treaty was signed on February 29 in Oslo.")
    assert by_text(doc, "February 29").date == D(2024, 2, 29)


def test_floor_from_latest_explicit_date():
    doc = analyse("Reports first surfaced in November 2016.\nOn 3 February the panel published its findings.")
    m = by_text(doc, "3 February")
    assert (m.date, m.basis) == (D(2017, 2, 3), "inferred")


def test_anniversary_points_to_the_year():
    text = ("The two countries established ties on 14 March 1972.\n"
            "Leaders will mark the 50th anniversary together.\n"
            "On May 5 the foreign ministers met in Rome.")
    doc = analyse(text)
    assert by_text(doc, "May 5").date == D(2022, 5, 5)


def test_no_evidence_means_no_date():
    doc = analyse("The meeting took place on July 27 and on May 21 in Geneva.")
    for m in doc.mentions:
        assert (m.date, m.precision, m.basis) == (None, "none", "none")
    assert doc.mentions[0].month == 7 and doc.mentions[0].day == 27


def test_a_stated_weekday_alone_gives_no_year():
    # Without an anchor or a stated year, "Friday, May 21" fits 2021, 2027, 2010, ...: undated
    # (the clock is not evidence).
    doc = analyse("The meeting took place on July 27 and on Friday, May 21, in Geneva.")
    assert by_text(doc, "July 27").date is None
    friday = by_text(doc, "Friday, May 21")
    assert (friday.date, friday.precision, friday.basis) == (None, "none", "none")


def test_weekdays_in_a_list_without_a_year_stay_undated():
    text = ("News\n16 Mar\nThe office will be closed on Friday, 18 March.\n"
            "09 Mar\nOn Tuesday, March 8, the envoy met officials.\n"
            "30 Nov\nA reception took place.\n")
    doc = analyse(text)
    assert all(h.date is None for h in doc.headings)


def test_weekdays_in_a_list_fix_the_year_within_the_text_span():
    # The page states 2022 (its span: 2022-2023); 18 March is a Friday and 8 March a Tuesday only in 2022.
    text = ("Embassy news, 2022\n16 Mar\nThe office will be closed on Friday, 18 March.\n"
            "09 Mar\nOn Tuesday, March 8, the envoy met officials.\n"
            "30 Nov\nA reception took place.\n")
    doc = analyse(text)
    assert [h.date for h in doc.headings] == [D(2022, 3, 16), D(2022, 3, 9), D(2021, 11, 30)]


def test_stated_year_is_kept_even_with_other_evidence():
    doc = analyse("Published: May 2, 2024\nThe tribunal ruled on 12 July 2016.")
    m = by_text(doc, "12 July 2016")
    assert (m.date, m.basis) == (D(2016, 7, 12), "stated")


# --------------------------------------------------------------------------- dated lists

def test_newest_first_list_crosses_new_year():
    text = ("Press releases\n10 Jan\nThe minister visited Oslo.\n28 Dec\nYear-end statement.\n"
            "03 Nov\nOn 1 November the embassy reopened.\n")
    doc = analyse(text, D(2024, 1, 15))
    assert [h.date for h in doc.headings] == [D(2024, 1, 10), D(2023, 12, 28), D(2023, 11, 3)]
    assert by_text(doc, "1 November").date == D(2023, 11, 1)


def test_oldest_first_list_anchored_on_weekday_and_explicit_year():
    text = (FIXTURES / "oldest_first_list.txt").read_text(encoding="utf-8")
    doc = analyse_dates(text, blocks(text))
    assert [h.text for h in doc.headings] == ["18 Dec", "05 Jan", "14 Feb"]
    assert [h.date for h in doc.headings] == [D(2019, 12, 18), D(2020, 1, 5), D(2020, 2, 14)]
    assert all(h.basis == "inferred" for h in doc.headings)
    assert by_text(doc, "Tuesday, January 7").date == D(2020, 1, 7)
    assert by_text(doc, "2 March").date == D(2020, 3, 2)
    assert heading_for(doc, text.index("spring")).text == "14 Feb"


def test_list_headings_with_stated_year_anchor_the_rest():
    text = "News\n12 Mar 2019\nTalks.\n02 Jan\nMore talks.\n15 Dec\nEven more.\n"
    doc = analyse(text)
    assert doc.published is None  # the first list heading is not a dateline
    assert [h.date for h in doc.headings] == [D(2019, 3, 12), D(2019, 1, 2), D(2018, 12, 15)]
    assert [h.basis for h in doc.headings] == ["stated", "inferred", "inferred"]


def test_bare_date_line_is_the_dateline_of_an_ordinary_article():
    text = "Talks resume\n12 March 2019\nThe delegations met on Monday and will meet again on 2 April.\n"
    doc = analyse(text)
    assert doc.published.date == D(2019, 3, 12) and doc.headings == []
    assert by_text(doc, "Monday").date == D(2019, 3, 11)
    assert by_text(doc, "2 April").date == D(2019, 4, 2)


def test_list_without_evidence_stays_unresolved():
    text = "Notices\n22 Nov\nThe office is closed.\n10 Oct\nNew opening hours.\n"
    doc = analyse(text)
    assert len(doc.headings) == 2
    assert all(h.date is None and h.basis == "none" for h in doc.headings)


# --------------------------------------------------------------------------- robustness and speed

def test_bad_input():
    with pytest.raises(TypeError):
        find_dates(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyse_dates(b"bytes", [])  # type: ignore[arg-type]
    doc = analyse_dates("", [])
    assert doc.published is None and doc.mentions == [] and doc.headings == []
    doc = analyse_dates("On 5 May 2020.", [(-10, 1000), (5, 2)])  # out-of-range spans are clipped
    assert [m.text for m in doc.mentions] == ["5 May 2020"]


@pytest.mark.parametrize("unit", ["1234567890", "12,", "2021,", "May ", "May 1 ", "Friday, ", "in 2021 "])
def test_adversarial_input_is_linear(unit):
    small, big = unit * (20_000 // len(unit)), unit * (200_000 // len(unit))
    assert_linear(lambda: analyse_dates(small, [(0, len(small))]), lambda: analyse_dates(big, [(0, len(big))]),
                  unit)


# --------------------------------------------------------------------------- more edge cases

def test_byline_dateline():
    doc = analyse("Ports reopen\nBy Jane Roe | Nov 2, 2022\nThe ports reopened on Monday.")
    assert doc.published.date == D(2022, 11, 2)
    assert by_text(doc, "Monday").date == D(2022, 10, 31)


def test_future_target_year_is_not_a_floor():
    doc = analyse("The plan runs until 2090.\nThe board met on July 27 to review it.")
    assert by_text(doc, "2090").basis == "stated"
    assert by_text(doc, "July 27").date is None


def test_far_weekday_fit_does_not_override_publication_year():
    # 2023-05-21 is a Sunday; the nearest Monday, May 21 is years away: keep the publication year.
    doc = analyse("Published: June 1, 2023\nOn Monday, May 21, the court sat.")
    assert by_text(doc, "Monday, May 21").date == D(2023, 5, 21)


def test_month_day_with_ordinal_and_weekday_first():
    (m,) = find_dates("The forum opens on Friday 21st May with a keynote.")
    assert (m.text, m.weekday, m.month, m.day) == ("Friday 21st May", 4, 5, 21)
    (m,) = find_dates("The forum opens on May 21st with a keynote.")
    assert (m.text, m.month, m.day) == ("May 21st", 5, 21)


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["May", "March", "21", "2021", "Friday", ",", " ", "\n", "of", "on", "last", "today",
           "this year", "Nov.", "2024-09-25", "12/31/2020", "-", "th", "in", "the", "Published:", "1971",
           "29", "Feb", "ago", "50th anniversary", "past 50 years", ":", "10:34 AM", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.booleans())
def test_fuzz_never_crashes_and_offsets_hold(pieces, with_override):
    text = " ".join(pieces)
    doc = analyse_dates(text, blocks(text), D(2022, 6, 1) if with_override else None)
    check_offsets(text, doc.mentions)
    check_offsets(text, doc.headings)
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)
    for m in doc.mentions:
        assert m.precision in ("day", "month", "year", "none")
        assert m.basis in ("stated", "relative", "inferred", "none")
        assert (m.date is None) == (m.precision == "none") == (m.basis == "none")


def test_extreme_override_does_not_crash():
    text = "Notes\n02 Jan\nThe office met on Friday, on 3 March and in December.\n15 Dec\nClosed."
    for override in (D(1, 1, 1), D(9999, 12, 31)):
        doc = analyse(text, override)
        check_offsets(text, doc.mentions)


def test_markdown_dateline_with_a_trailing_label():
    doc = analyse("# Title\n\n*Published 2 September 2021 · Analysis*\n\nOn 8 July, the council met.")
    assert doc.published is not None and doc.published.date == D(2021, 9, 2)
    assert by_text(doc, "8 July").date == D(2021, 7, 8)


def test_a_plain_this_year_frames_the_story_and_dates_no_event():
    from stance.pipeline import parse_text
    text = ("Council renews Belarus mandate\n\nGENEVA, April 4, 2023 - The Human Rights Council on Tuesday renewed "
            "the mandate of its expert on Belarus. Canada, which holds no seat this year, condemned Belarus's crackdown.\n\n"
            "Earlier this year, Lithuania condemned the arrests of journalists in Belarus.")
    dates = set(parse_text(text).events["date"])
    assert "2023-01-01" in dates                    # "earlier this year" dates its happening
    events = parse_text(text).events
    canada = events[events["text"].str.contains("holds no seat")]
    assert len(canada) and set(canada["date_precision"]) == {"day"}  # the running date, not the year


def test_clause_is_the_stretch_between_stops():
    """`relative._clause` (spelled out for speed) agrees with the plain reading: from after the last
    stop in the `width` characters before pos to the first stop in the `width` characters after it."""
    import random

    from stance.dates.relative import _clause

    def reference(text, pos, lo, hi=None, width=80):
        a = max(lo, pos - width)
        chunk = text[a:pos]
        cut = max(chunk.rfind(c) for c in ".!?;\n")
        if cut >= 0:
            a += cut + 1
        b = min(len(text) if hi is None else hi, pos + width)
        stops = [i for i in (text.find(c, pos, b) for c in ".!?;\n") if i >= 0]
        return a, min(stops) if stops else b

    rng = random.Random(3)
    for text in ["a. b! c? d; e\nf", "no stops at all here", "..;;!!??\n\n", "",
                 "He said on Friday. They will meet; later! Or? Yes\nNo. " * 5]:
        for _ in range(500):
            pos, lo = rng.randrange(len(text) + 5), rng.randrange(len(text) + 5)
            hi, width = rng.choice([None, rng.randrange(len(text) + 5)]), rng.choice([0, 3, 80, 160])
            assert _clause(text, pos, lo, hi, width) == reference(text, pos, lo, hi, width)
