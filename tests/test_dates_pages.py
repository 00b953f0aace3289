"""Dates as real pages write them: publication lines, datelines, relative dates, years (issue 9).

Every sentence here is written for these tests. Weekdays were checked with datetime.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from stance import parse_text
from stance.dates import DateSettings, analyse_dates, find_dates
from stance.pipeline import parse_source
from stance.reading import read_source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dates"
D = dt.date


def lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def analyse(text: str, override: dt.date | None = None, settings: DateSettings | None = None):
    return analyse_dates(text, lines(text), override, *( [settings] if settings else []))


def mention(doc, text: str):
    found = [m for m in doc.mentions if m.text == text]
    assert found, f"{text!r} not among {[m.text for m in doc.mentions]}"
    return found[0]


# --------------------------------------------------------------------------- publication lines

@pytest.mark.parametrize("header, expected", [
    ("Published: 14 February 2022", D(2022, 2, 14)),
    ("Published on: Feb 14, 2022, 08:15", D(2022, 2, 14)),
    ("Updated: 2024-10-23", D(2024, 10, 23)),
    ("Last Updated At: Oct 23, 2024 17:02", D(2024, 10, 23)),
    ("date 2019-07-11", D(2019, 7, 11)),
    ("Oct 7, 2020 | 10:12 AM", D(2020, 10, 7)),
    ("Thursday, June 18, 2021", D(2021, 6, 18)),
    ("By Staff Reporter | 26 March 2018", D(2018, 3, 26)),
    ("Xinhua | 2021-06-18 10:31:05", D(2021, 6, 18)),
    ("20220527", D(2022, 5, 27)),
    ("Posted: 20220527", D(2022, 5, 27)),
    ("23/11/2023", D(2023, 11, 23)),          # day first, unambiguous
    ("11/23/2023", D(2023, 11, 23)),          # month first, unambiguous
    ("26.03.2018", D(2018, 3, 26)),
])
def test_publication_line_forms(header, expected):
    doc = analyse(f"Ports reopen after the strike\n{header}\nThe ports reopened after a week of talks between the unions.")
    assert doc.published is not None and doc.published.date == expected


def test_published_is_preferred_to_updated():
    doc = analyse("Ports reopen\nUpdated: 2024-10-25\nPublished: 2024-10-23\nThe ports reopened after talks.")
    assert doc.published.date == D(2024, 10, 23)
    doc = analyse("Ports reopen\nPublished: 2024-10-23 | Updated: 2024-10-25\nThe ports reopened after talks.")
    assert doc.published.date == D(2024, 10, 23)


def test_ambiguous_numeric_date_needs_the_page():
    text = "Ports reopen\n05/09/2024\nThe ports reopened after a week of talks."
    assert analyse(text).published is None                      # 5 Sept or May 9: not said
    dmy = "Ports reopen\n05/09/2024\nThe ports reopened; the strike had begun on 28/08/2024."
    assert analyse(dmy).published.date == D(2024, 9, 5)         # the page writes day first
    mdy = "Ports reopen\n05/09/2024\nThe ports reopened on May 9, 2024 after talks began."
    assert analyse(mdy).published.date == D(2024, 5, 9)         # the page's other date decides


def test_dotted_numeric_dates_are_day_first_unless_the_page_says_otherwise():
    text = "Ports reopen\n05.09.2024\nThe ports reopened after a week of talks."
    assert analyse(text).published.date == D(2024, 9, 5)        # 5 September: dots are written day first
    mdy = "Ports reopen\n05.09.2024\nThe ports reopened on May 9, 2024 after talks began."
    assert analyse(mdy).published.date == D(2024, 5, 9)         # the page's own words still decide


def test_site_today_in_the_banner_yields_to_the_date_under_the_headline():
    text = ("Tuesday, December 1, 2026\nHome | World | Asia\n"
            "Foreign ministers agree on a new round of talks\n"
            "By Staff Reporter | 26 March 2018\n"
            "The foreign ministers met on Monday and agreed to meet again next month.")
    doc = analyse(text)
    assert doc.published.date == D(2018, 3, 26)
    assert mention(doc, "Monday").date == D(2018, 3, 26)      # 2018-03-26 is a Monday: the same day
    assert mention(doc, "next month").date == D(2018, 4, 1)


def test_tweet_embed_is_not_the_publication_date():
    text = ("Minister thanks partners\n"
            "We thank our partners for their support. — Foreign Office (@ForeignOfficeXY) October 7, 2020\n"
            "Published: October 9, 2020\nThe minister thanked partners on Wednesday.")
    doc = analyse(text)
    assert doc.published.date == D(2020, 10, 9)


def test_copyright_year_is_never_the_publication_date():
    doc = analyse("Ports reopen\n© 2024 Harbour News\nThe ports reopened on Friday.")
    assert doc.published is None
    assert mention(doc, "Friday").date is None


def test_compact_digits_in_the_body_are_not_dates():
    assert not [m for m in find_dates("The parcel 20220527 was lost.") if m.day]


# --------------------------------------------------------------------------- datelines

@pytest.mark.parametrize("opening, place, anchor", [
    ("GENEVA, July 26 (Xinhua) -- ", "GENEVA", D(2019, 7, 26)),
    ("UNITED NATIONS, March 2 (Reuters) - ", "UNITED NATIONS", D(2019, 3, 2)),
    ("BISHKEK (TCA) \u2014 ", "BISHKEK", None),
    ("Beijing, Oct 8 (APP): ", "Beijing", D(2019, 10, 8)),
    ("MOSCOW, Feb. 24 (TASS) -- ", "MOSCOW", D(2019, 2, 24)),
])
def test_datelines_give_the_place_and_the_anchor(opening, place, anchor):
    text = ("Envoys meet on the water dispute\nPublished: 2019-11-20\n"
            if anchor is None else "Envoys meet on the water dispute\n")
    text += opening + "The envoys of the two states met on the dispute, the agency said. The talks began on 2 January 2019."
    doc = analyse(text)
    assert doc.place == place
    if anchor is not None:
        # The year comes from the day-precise date earlier that year: an anchor, not a publication date.
        assert doc.anchor is not None and doc.anchor.date == anchor
        assert doc.published is None


def test_dateline_with_a_stated_year_is_the_publication_date():
    doc = analyse("Envoys meet\nWASHINGTON, Oct. 8, 2021 (Reuters) - The envoys met on Thursday in the city.")
    assert doc.place == "WASHINGTON" and doc.published.date == D(2021, 10, 8)
    assert mention(doc, "Thursday").date == D(2021, 10, 7)


def test_dateline_year_from_a_bare_year_is_not_taken():
    doc = analyse("Envoys meet\nGENEVA, July 26 (Xinhua) -- The sanctions imposed in 2009 were lifted on Friday.")
    assert doc.anchor is None and doc.published is None


def test_dateline_anchors_relative_dates():
    text = ("Envoys meet\nPublished: 2021-06-19\n"
            "GENEVA, June 18 (Xinhua) -- The envoys met yesterday and will meet again on Monday.")
    doc = analyse(text)
    assert doc.anchor.date == D(2021, 6, 18)
    assert mention(doc, "yesterday").date == D(2021, 6, 17)
    assert mention(doc, "Monday").date == D(2021, 6, 21)


def test_undated_dateline_without_year_evidence_stays_undated():
    doc = analyse("Envoys meet\nGENEVA, July 26 (Xinhua) -- The envoys met on Friday in the city.")
    assert doc.place == "GENEVA" and doc.published is None
    assert mention(doc, "Friday").date is None


@pytest.mark.parametrize("opening", [
    "GENEVA, July 26 (Xinhua) -- ", "UNITED NATIONS, March 2 (Reuters) - ", "BISHKEK (TCA) \u2014 ",
    "Beijing, Oct 8 (APP): ", "Kabul, March 3 -- ",
    "MOSCOW, Feb. 24 (TASS) -- ",
])
def test_dateline_place_is_never_a_position(opening):
    text = ("Envoys meet\nPublished: 2019-10-09\n" + opening +
            "Canada expressed concern about the situation in Myanmar on Tuesday.")
    t = parse_text(text)
    holders = set(t.positions.country_iso3)
    targets = set(t.positions.toward_iso3)
    for iso in ("CHE", "CHN", "RUS", "KGZ", "USA"):
        assert iso not in holders and iso not in targets, (opening, t.positions[["country_iso3", "toward_iso3"]])
    assert "CAN" in holders


# --------------------------------------------------------------------------- relative dates

PUB = "Talks\nPublished: Wednesday, March 8, 2023\n"   # 2023-03-08 is a Wednesday


@pytest.mark.parametrize("sentence, text, expected, precision", [
    ("The ministers met yesterday.", "yesterday", D(2023, 3, 7), "day"),
    ("The ministers met last night.", "last night", D(2023, 3, 7), "day"),
    ("The ministers spoke this morning.", "this morning", D(2023, 3, 8), "day"),
    ("The ministers met on Monday night.", "Monday", D(2023, 3, 6), "day"),
    ("Earlier on Friday the ministers met.", "Friday", D(2023, 3, 3), "day"),
    ("The ministers met on Tuesday.", "Tuesday", D(2023, 3, 7), "day"),
    ("The ministers met on Wednesday.", "Wednesday", D(2023, 3, 8), "day"),        # the anchor's own weekday
    ("The ministers will meet on Friday.", "Friday", D(2023, 3, 10), "day"),
    ("Exports fell last month.", "last month", D(2023, 2, 1), "month"),
    ("Exports fell earlier this month.", "earlier this month", D(2023, 3, 1), "month"),
    ("A vote is due later this year.", "later this year", D(2023, 1, 1), "year"),
])
def test_relative_forms(sentence, text, expected, precision):
    doc = analyse(PUB + sentence)
    m = mention(doc, text)
    assert (m.date, m.precision, m.basis) == (expected, precision, "relative")


def test_week_only_references_stay_undated():
    doc = analyse(PUB + "The ministers met last week and will meet again next week.")
    assert all("week" not in m.text for m in doc.mentions)
    t = parse_text(PUB + "Canada and Mexico met last week and will meet again next week.")
    assert set(t.events.date) <= {"2023-03-08", ""}


@pytest.mark.parametrize("sentence, expected", [
    ("The ministers met on Wednesday.", D(2023, 3, 1)),          # own weekday: a week back ...
    ("The ministers met today, Wednesday.", D(2023, 3, 8)),      # ... unless the text says today
])
def test_own_weekday_only_when_today_setting(sentence, expected):
    doc = analyse(PUB + sentence, settings=DateSettings(own_weekday="today"))
    assert mention(doc, "Wednesday").date == expected


def test_timestamped_publication_is_a_same_day_report():
    doc = analyse("Talks\nPublished: 2023-03-08 21:30\nThe ministers met on Wednesday.",
                  settings=DateSettings(own_weekday="today"))
    assert mention(doc, "Wednesday").date == D(2023, 3, 8)


# --------------------------------------------------------------------------- years

def test_no_anchor_no_evidence_is_undated():
    doc = analyse("Talks\nThe ministers met on 12 May and again on Friday, June 3.")
    assert all(m.date is None and m.precision == "none" for m in doc.mentions)


def test_missing_year_from_the_text_own_evidence():
    doc = analyse("Talks\nThe accord was signed in March 2016. The ministers met again on 12 May in Paris.")
    assert mention(doc, "12 May").date == D(2016, 5, 12)


def test_weekday_picks_a_year_only_when_one_fits_the_span():
    # floor 2016-03: 2016 and 2017 allowed; Friday, June 3 is 2016 only.
    doc = analyse("Talks\nThe accord was signed in March 2016. On Friday, June 3, the ministers met.")
    assert mention(doc, "Friday, June 3").date == D(2016, 6, 3)
    # floor 2018: June 3 is a Sunday in 2018, a Monday in 2019: nothing fits, undated
    doc = analyse("Talks\nThe accord was signed in March 2018. On Friday, June 3, the ministers met.")
    assert mention(doc, "Friday, June 3").date is None


def test_settings_latest_caps_inference():
    doc = analyse("Talks\nThe accord was signed in March 2016. The ministers met again on 12 May in Paris.",
                  settings=DateSettings(latest=D(2016, 4, 1)))
    assert mention(doc, "12 May").date is None


# --------------------------------------------------------------------------- heading then date

def test_heading_then_date_txt():
    t = parse_text("Brussels\n\nOn 4 March 2021, the European Union expressed concern about China.")
    assert list(t.events.date) == ["2021-03-04"]
    assert set(t.positions.date) == {"2021-03-04"}


def test_heading_then_date_html():
    t = parse_source(read_source(FIXTURES / "heading_then_date.html"))
    assert list(t.events.date) == ["2021-03-04"]
    assert set(t.positions.date) == {"2021-03-04"}


def test_html_metadata_through_htmldate_and_banner_date_is_ignored():
    src = read_source(FIXTURES / "jsonld_published.html")
    assert src.meta["published"] == "2021-06-18"             # JSON-LD datePublished (original, not modified)
    t = parse_source(src)
    assert t.documents.published.tolist() == ["2021-06-18"]
    assert "2026-12-01" not in set(t.events.date)            # the site's "today" in its banner
    assert "2021-06-17" in set(t.events.date)                # "met on Thursday"


def test_source_line_with_pipes_is_a_publication_line_not_a_breadcrumb():
    text = ("Home | China | World | Business\n\n"
            "Envoys of 30 countries back Beijing in letter\n\n"
            "Source: Newswire | 2019-07-12 23:40:15 | Editor: desk\n\n"
            "GENEVA, July 12 -- Ambassadors of 30 countries on Friday backed China in a letter.")
    assert parse_text(text).documents["published"].tolist() == ["2019-07-12"]


@pytest.mark.parametrize("sentence, expected", [
    ("Nauru will recognise China, its government announced on Monday.", "2024-01-15"),   # the verb dated is past
    ("The Council has a meeting scheduled for Thursday on the launch.", "2024-01-18"),
    ("Diplomats said the meeting would take place on Monday.", "2024-01-22"),
])
def test_past_verb_before_a_weekday_wins_over_a_future_elsewhere(sentence, expected):
    t = parse_text("Published: 16 January 2024\n\n" + sentence)
    assert expected in set(t.events["date"])


def test_index_headings_with_a_time_and_a_source_label_date_their_items():
    from stance.pipeline import parse_text
    text = ("Archive: envoy recalls\n\nUpdated 15 September 2023. Newest first.\n\n"
            "14.09.2023 - 08:45 [ Andes Wire ]\n\nPeru recalls ambassador from Mexico\n\n"
            "Lima condemned Mexico's remarks on its government.\n\n"
            "28.03.2023, 17:05 (Gulf Desk)\n\nBahrain condemns Iran's seizure of a tanker\n\n"
            "Manama denounced Iran's seizure of the vessel.\n\n"
            "11.01.2023 - 09:00 [ Andes Wire ]\n\nChile welcomes Bolivia's release of detainees\n\n"
            "Santiago welcomed Bolivia's decision to free the detainees.\n")
    events = parse_text(text).events
    by_text = {row.text[:12]: row.date for row in events.itertuples()}
    assert by_text["Peru recalls"] == "2023-09-14"
    assert by_text["Bahrain cond"] == "2023-03-28"
