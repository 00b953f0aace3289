"""Property-based tests of the parser: hostile or random input never crashes it, and every
row it returns keeps the table invariants (offsets point at the evidence, dates are valid for
their precision, ISO codes are real, ids are unique and linked)."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import pycountry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance import Tables, parse_corpus, parse_text
from stance.reading import read_source
from stance.tables import BASES, COLUMNS, DATE_BASES, PRECISIONS, QUALIFIERS, STANCES

ISO3 = frozenset(country.alpha_3 for country in pycountry.countries)
ISO_COLUMNS = {
    "events": ("actor_iso3", "target_iso3"),
    "positions": ("country_iso3", "toward_iso3"),
    "claims": ("toward_iso3",),
}
ID_COLUMNS = {"documents": "doc_id", "events": "event_id", "positions": "position_id", "claims": "claim_id"}
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Tokens that exercise the date, country, group and count readers, mixed at random.
DATE_TOKENS = [
    "July 27", "27 July", "on Wednesday", "last Friday", "yesterday", "2019", "in 2019",
    "July 2019", "27 July 2019", "July 27, 2019", "Feb. 29, 2019", "29 February 2020",
    "31 April 2020", "2019-07-27", "2019-13-45", "0000", "9999", "1 January 0001",
    "Published: Nov 23, 2023 10:34 AM", "Updated: 2024-09-25", "last year", "next month",
    "May", "in May", "on 3 March", "this week", "earlier this month", "12/31/1999",
]
COUNTRY_TOKENS = [
    "China", "Cuban", "Cuba", "the United States", "U.S.", "Republic of Korea", "Korea",
    "Congo", "Georgia", "Niger", "Nigeria", "Hong Kong", "Taiwan", "Kosovo", "Palestine",
    "Côte d'Ivoire", "Türkiye", "the EU", "the European Union", "G77 and China",
    "on behalf of the African Group", "on behalf of", "the Non-Aligned Movement",
    "nearly 80 countries", "more than 120 member states", "over 1,000,000 countries",
    "between 30 and 40 countries", "0 countries", "-5 countries", "50 countries, including",
    "Next Article", "Belarus, Tajikistan and Qatar", "Chinese", "Beijing", "Brussels",
]
STANCE_TOKENS = [
    "supported", "voiced support for", "opposed", "voiced concern over", "condemned",
    "welcomed", "backed", "rejected", "expressed strong discontent over", "said", "called for",
    "urged", "signed a letter", "in support of", "against", "Xinjiang", "human rights",
]
FILLER = [".", ",", ";", ":", "\n", "\n\n", '"', "“", "”", "'", "(", ")", "the", "and", "of",
          "in", "a", "on", "Mr.", "U.N.", "-", "—", "…", "?", "!", "\t", "\r\n", "  "]
TOKENS = DATE_TOKENS + COUNTRY_TOKENS + STANCE_TOKENS + FILLER

token_text = st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join)
mixed_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=80
).map(lambda parts: "".join(p if i % 3 else p + " " for i, p in enumerate(parts)))
long_line = st.builds(
    lambda token, count, tail: (token + " ") * count + tail,
    st.sampled_from(TOKENS + ["1,2,3", "May", "Republic of the", "on behalf of the"]),
    st.integers(200, 2500),
    token_text,
)


# --- invariants ---------------------------------------------------------------------------


def _is_na(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _check_date(where: str, date: str, precision: str) -> None:
    assert precision in PRECISIONS, f"{where}: precision {precision!r}"
    if precision == "none":
        assert date == "", f"{where}: undated row has date {date!r}"
        return
    parsed = dt.date.fromisoformat(date)  # raises on an invalid date such as 2019-02-29
    assert parsed.isoformat() == date, f"{where}: {date!r} is not YYYY-MM-DD"
    if precision in ("month", "year"):
        assert parsed.day == 1, f"{where}: {precision} precision needs day 01 ({date})"
    if precision == "year":
        assert parsed.month == 1, f"{where}: year precision needs 01-01 ({date})"


def check_tables(tables: Tables, source: str) -> None:
    """Assert every invariant of the four tables against the parsed source text."""
    assert isinstance(tables, Tables)
    for name, columns in COLUMNS.items():
        df = getattr(tables, name)
        assert list(df.columns) == columns, name
        ids = df[ID_COLUMNS[name]]
        assert ids.is_unique, f"{name}: duplicate ids {ids[ids.duplicated()].tolist()}"
        assert (ids != "").all(), f"{name}: empty id"
    doc_ids = set(tables.documents["doc_id"])
    event_ids = set(tables.events["event_id"])
    for row in tables.documents.itertuples(index=False):
        if row.published:
            assert dt.date.fromisoformat(row.published).isoformat() == row.published
        if not _is_na(row.start) and not _is_na(row.end):
            assert 0 <= row.start <= row.end <= len(source), (row.start, row.end, len(source))
    for name in ("events", "positions", "claims"):
        df = getattr(tables, name)
        for row in df.to_dict("records"):
            where = f"{name} {row[ID_COLUMNS[name]]}"
            start, end = row["start"], row["end"]
            assert not _is_na(start) and not _is_na(end), f"{where}: missing offsets"
            assert 0 <= start <= end <= len(source), f"{where}: offsets {start}:{end} of {len(source)}"
            assert source[start:end] == row["text"], f"{where}: evidence != source[{start}:{end}]"
            _check_date(where, row["date"], row["date_precision"])
            assert row["date_basis"] in DATE_BASES, f"{where}: date_basis {row['date_basis']!r}"
            assert row["doc_id"] in doc_ids, f"{where}: unknown doc_id {row['doc_id']!r}"
            for column in ISO_COLUMNS[name]:
                code = row[column]
                assert code == "" or code in ISO3, f"{where}: {column} {code!r} is not ISO 3166"
            if name != "events":
                assert row["event_id"] == "" or row["event_id"] in event_ids, (
                    f"{where}: event_id {row['event_id']!r} not in events"
                )
            if name == "positions":
                assert row["stance"] in STANCES, f"{where}: stance {row['stance']!r}"
                assert row["basis"] in BASES, f"{where}: basis {row['basis']!r}"
            if name == "claims":
                assert row["stance"] in STANCES + ("",), f"{where}: stance {row['stance']!r}"
                assert row["qualifier"] in QUALIFIERS + ("",), f"{where}: {row['qualifier']!r}"
                low, high = row["count_low"], row["count_high"]
                if not _is_na(low) and not _is_na(high):
                    assert low <= high, f"{where}: count_low {low} > count_high {high}"


def check_text(text: str) -> Tables:
    tables = parse_text(text)
    check_tables(tables, text)
    return tables


def check_file(name: str, data: bytes) -> Tables:
    """Write `data` to a fresh folder as `name`, parse it as a corpus, check the invariants."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        tables = parse_corpus([path])
        source = read_source(path)
        check_tables(tables, source.text)
        assert len(tables.documents) >= 1  # even an unreadable file gets a documents row
        assert set(tables.documents["file"]) == {source.file}
        return tables


# --- parse_text ---------------------------------------------------------------------------


@FAST
@given(st.text(max_size=3000))
def test_random_unicode(text: str) -> None:
    check_text(text)


@FAST
@given(token_text)
def test_date_and_country_token_soup(text: str) -> None:
    check_text(text)


@FAST
@given(mixed_text)
def test_tokens_mixed_with_random_unicode(text: str) -> None:
    check_text(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_line)
def test_very_long_lines(text: str) -> None:
    check_text(text)


@FAST
@given(
    st.lists(
        st.builds(
            lambda country, verb, target, date: f"{country} {verb} {target} {date}.",
            st.sampled_from(COUNTRY_TOKENS),
            st.sampled_from(STANCE_TOKENS),
            st.sampled_from(COUNTRY_TOKENS),
            st.sampled_from(DATE_TOKENS + [""]),
        ),
        min_size=1,
        max_size=15,
    ).map(" ".join),
    st.sampled_from(["", "Published: 2023-11-23\n\n", "Title line\nJuly 27, 2019\n\n"]),
)
def test_sentence_shaped_soup(body: str, head: str) -> None:
    check_text(head + body)


def test_plain_sentences_still_find_positions() -> None:
    # Guard against the invariants passing only because the parser returns nothing.
    text = (
        "Cuba voiced support for China on Wednesday, July 27, 2019.\n\n"
        "Nearly 80 countries opposed the motion.\n"
    )
    tables = check_text(text)
    assert len(tables.positions) >= 1
    assert "CUB" in set(tables.positions["country_iso3"])


def test_empty_and_whitespace_text() -> None:
    for text in ("", " ", "\n\n\n", "\ufeff", "\x00", "\u2028\u2029"):
        tables = check_text(text)
        assert len(tables.events) == len(tables.positions) == len(tables.claims) == 0


def test_lone_surrogates_and_odd_code_points() -> None:
    # Lone surrogates cannot be stored; parse_text reads each as U+FFFD (one for one, offsets kept).
    text = "Cuba \ud800 supported China \udfff on 3 March 2021. \U0010ffff \ufffe"
    tables = parse_text(text)
    check_tables(tables, text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd"))
    assert "CUB" in set(tables.positions["country_iso3"])


# --- parse_corpus on files -------------------------------------------------------------------

TAGS = ["p", "div", "span", "h1", "h2", "li", "td", "a", "b", "article", "section", "blockquote"]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner: f"<{tag}{attrs}>{''.join(inner)}</{tag}>",
        st.sampled_from(TAGS),
        st.sampled_from(["", ' class="x"', ' id="a" data-x=\'1\'', " onclick=alert(1)", ' href="javascript:x"']),
        st.lists(children, max_size=4),
    )


HTML_LEAVES = st.one_of(
    token_text,
    st.text(max_size=30),
    st.sampled_from([
        "<br>", "<br/>", "<hr>", "&amp;", "&nbsp;", "&#x41;", "&#128512;", "&bogus;", "&#0;",
        "&#xD800;", "<!-- comment -->", "<!-- unclosed", "<![CDATA[x]]>", "<script>var a='<p>';</script>",
        "<style>p{}</style>", "<title>China backs Cuba</title>", "<", ">", "</p>", "<p", "<img src=x onerror=alert(1)>",
        '<meta name="date" content="2019-07-27">', '<time datetime="2019-07-27">July 27</time>',
        "<?xml version='1.0'?>", "<!DOCTYPE html>", "<table><tr><td>Cuba</td><td>China</td></tr></table>",
    ]),
)
html_doc = st.recursive(HTML_LEAVES, _element, max_leaves=40).map(
    lambda body: f"<html><head><title>t</title></head><body>{body}</body></html>"
)


@FILES
@given(html_doc)
def test_random_html_file(html: str) -> None:
    check_file("page.html", html.encode("utf-8"))


@FILES
@given(st.text(max_size=1500), st.sampled_from(["page.html", "page.htm"]))
def test_random_text_as_html_file(text: str, name: str) -> None:
    check_file(name, text.encode("utf-8", "surrogatepass"))


@FILES
@given(
    st.one_of(token_text, mixed_text),
    st.sampled_from(["a.txt", "a.md"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
    st.booleans(),
)
def test_text_files_in_many_encodings(text: str, name: str, encoding: str, crlf: bool) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding, errors="replace")
    check_file(name, data)


@FILES
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_random_bytes_file(data: bytes, name: str) -> None:
    check_file(name, data)


def test_deeply_nested_html_file() -> None:
    depth = 3000
    html = "<div>" * depth + "Cuba voiced support for China on 27 July 2019." + "</div>" * depth
    tables = check_file("deep.html", html.encode())
    assert (tables.documents["status"] == "ok").all()
