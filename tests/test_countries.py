"""Country recognition: names, possessives, demonyms, capitals, blocks and speed."""
import pycountry
import pytest

from stance.countries import country_name, find_countries, is_state, iso3_for, state_codes

from .workcount import FACTOR, assert_linear


def found(text):
    return [(m.text, m.iso3, m.kind) for m in find_countries(text)]


def test_offsets_are_absolute_and_match_text():
    text = "Intro line.\nOfficials in Ankara said Türkiye's envoy met Kenyan diplomats."
    mentions = find_countries(text, 12)
    assert [(m.iso3, m.kind) for m in mentions] == [
        ("TUR", "capital"), ("TUR", "possessive"), ("KEN", "demonym")]
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_range_limits_search():
    text = "Chile and Peru and Ecuador"
    assert [m.iso3 for m in find_countries(text, 5, 15)] == ["PER"]


@pytest.mark.parametrize("text, expected", [
    ("Troops left South Sudan last year.", [("South Sudan", "SSD", "name")]),
    ("Sudan and South Sudan", [("Sudan", "SDN", "name"), ("South Sudan", "SSD", "name")]),
    ("the Democratic Republic of the Congo and the Republic of the Congo",
     [("the Democratic Republic of the Congo", "COD", "name"),
      ("the Republic of the Congo", "COG", "name")]),
    ("Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea",
     [("Papua New Guinea", "PNG", "name"), ("Guinea-Bissau", "GNB", "name"),
      ("Equatorial Guinea", "GNQ", "name"), ("Guinea", "GIN", "name")]),
    ("Niger is not Nigeria.", [("Niger", "NER", "name"), ("Nigeria", "NGA", "name")]),
    ("Dominica differs from the Dominican Republic",
     [("Dominica", "DMA", "name"), ("the Dominican Republic", "DOM", "name")]),
    ("Ivory Coast, also Côte d'Ivoire", [("Ivory Coast", "CIV", "name"), ("Côte d'Ivoire", "CIV", "name")]),
    ("Czechia (the Czech Republic)", [("Czechia", "CZE", "name"), ("the Czech Republic", "CZE", "name")]),
    ("Burma, now Myanmar", [("Burma", "MMR", "name"), ("Myanmar", "MMR", "name")]),
    ("Swaziland became Eswatini", [("Swaziland", "SWZ", "name"), ("Eswatini", "SWZ", "name")]),
    ("Holland or the Netherlands", [("Holland", "NLD", "name"), ("the Netherlands", "NLD", "name")]),
    ("Turkey or Türkiye", [("Turkey", "TUR", "name"), ("Türkiye", "TUR", "name")]),
])
def test_longest_match_and_variants(text, expected):
    assert found(text) == expected


def test_united_kingdom_forms():
    text = "Britain, Great Britain, the UK, the U.K., the United Kingdom and British officials"
    assert {m.iso3 for m in find_countries(text)} == {"GBR"}
    assert [m.text for m in find_countries(text)] == [
        "Britain", "Great Britain", "the UK", "the U.K.", "the United Kingdom", "British"]


def test_united_states_forms_and_case():
    text = "the United States, the U.S. and the US; American envoys. Let us go."
    assert found(text) == [("the United States", "USA", "name"), ("the U.S.", "USA", "name"),
                           ("the US", "USA", "name"), ("American", "USA", "demonym")]
    assert found("tell us about it") == []


def test_possessives_with_both_apostrophes():
    text = "Tajikistan's mission, China’s envoy, South Korea’s ministry, the Philippines' view"
    assert found(text) == [
        ("Tajikistan's", "TJK", "possessive"), ("China’s", "CHN", "possessive"),
        ("South Korea’s", "KOR", "possessive"), ("the Philippines'", "PHL", "possessive")]


def test_demonyms():
    text = "North Korean defectors, a South Korean agency, Cuban and Belgian diplomats, Chinese firms"
    assert found(text) == [
        ("North Korean", "PRK", "demonym"), ("South Korean", "KOR", "demonym"),
        ("Cuban", "CUB", "demonym"), ("Belgian", "BEL", "demonym"), ("Chinese", "CHN", "demonym")]


def test_korea_alone_is_ambiguous_but_formal_names_are_not():
    assert found("Korea was divided.") == []
    assert found("the Republic of Korea and the Democratic People's Republic of Korea") == [
        ("the Republic of Korea", "KOR", "name"),
        ("the Democratic People's Republic of Korea", "PRK", "name")]
    assert found("the DPRK replied") == [("the DPRK", "PRK", "name")]


def test_non_sovereign_places_are_not_states():
    text = "Hong Kong, Macau, Xinjiang, Tibet, Xizang, Greenland, Puerto Rico and Inner Mongolia"
    assert found(text) == []
    assert found("New Mexico and Northern Ireland") == []


def test_capitals_and_metonyms():
    text = "Seoul asked Beijing; Washington and Moscow disagreed. The Kremlin and the White House spoke."
    assert found(text) == [
        ("Seoul", "KOR", "capital"), ("Beijing", "CHN", "capital"),
        ("Washington", "USA", "capital"), ("Moscow", "RUS", "capital"),
        ("The Kremlin", "RUS", "capital"), ("the White House", "USA", "capital")]


def test_capital_inside_a_longer_name_is_skipped():
    text = "The Beijing Consensus, the Washington Post and the Moscow Times; George Washington."
    assert found(text) == []
    assert found("A forum in Beijing on Friday.") == [("Beijing", "CHN", "capital")]


def test_datelines_are_not_positions():
    text = "BISHKEK (TCA) — Kyrgyz officials met.\nSEOUL, May 3 - talks\nOfficials in Bishkek agreed."
    assert found(text) == [("Kyrgyz", "KGZ", "demonym"), ("Bishkek", "KGZ", "capital")]


def test_headline_capitals_still_match_names():
    assert found("CHINA AND SOUTH KOREA SIGN DEAL") == [("CHINA", "CHN", "name"), ("SOUTH KOREA", "KOR", "name")]


def test_lower_case_common_words_are_not_countries():
    assert found("roast turkey, fine china, a guinea pig, chad the intern") == []


def test_state_codes_are_real_and_complete():
    codes = state_codes()
    assert len(codes) == 196  # 193 UN members + Holy See, Palestine, Taiwan
    for code in codes:
        assert pycountry.countries.get(alpha_3=code) is not None
    assert is_state("PSE") and is_state("VAT") and is_state("TWN")
    assert not is_state("HKG") and not is_state("GRL") and not is_state("PRI")


def test_every_state_is_found_by_its_display_name():
    missing = [c for c in state_codes()
               if [m.iso3 for m in find_countries(f"Talks with {country_name(c)} resumed.")] != [c]
               and not country_name(c).startswith("Congo")]
    assert missing == []


@pytest.mark.parametrize("code, name", [
    ("CHN", "China"), ("USA", "United States"), ("KOR", "South Korea"), ("RUS", "Russia"),
    ("IRN", "Iran"), ("TZA", "Tanzania"), ("VEN", "Venezuela"), ("BOL", "Bolivia"), ("SYR", "Syria"),
    ("LAO", "Laos"), ("VNM", "Vietnam"), ("MDA", "Moldova"), ("PRK", "North Korea"),
    ("PSE", "Palestine"), ("COD", "Congo (DRC)")])
def test_country_name(code, name):
    assert country_name(code) == name


def test_country_name_unknown_code():
    with pytest.raises(KeyError):
        country_name("XXX")


@pytest.mark.parametrize("name, code", [
    ("china", "CHN"), ("The Netherlands", "NLD"), ("Korea, Republic of", "KOR"),
    ("Syrian Arab Republic", "SYR"), ("UK", "GBR"), ("State of Palestine", "PSE"),
    ("Cote d’Ivoire", "CIV"), ("CHN", "CHN"), ("Korea", None), ("Hong Kong", None), ("", None)])
def test_iso3_for(name, code):
    assert iso3_for(name) == code


def test_bad_input():
    with pytest.raises(TypeError):
        find_countries(None)
    assert find_countries("") == []
    assert find_countries("China", 10, 3) == []


@pytest.mark.parametrize("build", [
    lambda n: "Republic of the " * (n // 16), lambda n: "U." * (n // 2), lambda n: "China'" * (n // 6),
    lambda n: "A" * n, lambda n: "China" + " " * n + "x",
], ids=["republic_of_the", "U.", "China'", "AAAA", "spaces"])
def test_linear_on_adversarial_input(build):
    assert_linear(lambda: find_countries(build(30_000)), lambda: find_countries(build(30_000 * FACTOR)),
                  build(16)[:16])


def test_slashed_dateline_cities_are_places_not_actors():
    from stance.countries import find_countries
    text = "VILNIUS/RIGA/TALLINN, May 2 - Estonia expelled a diplomat."
    assert [c.iso3 for c in find_countries(text, 0, len(text))] == ["EST"]


def test_document_scan_matches_a_pass_over_each_slice_alone():
    """`PhraseIndex.scan` reads a document's capitalised words once and visits only those that can
    start a phrase; on any slice it must give what a word-by-word pass over that slice gives."""
    import random
    from pathlib import Path

    from stance import blocs, countries, people

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "data" / "articles").glob("*.txt")) + sorted((root / "tests" / "devset" / "articles").glob("*"))
    texts = [p.read_text(encoding="utf-8") for p in paths[:40]]
    texts += ["U.S.A. and the U.S.’s allies; TÜRKİYE's envoy. China’s", "People's Republic of China", "xChina China",
              "Chinaware from Francewide Indiana", "AntiChina and ProFrance"]
    rng = random.Random(11)
    for index in (countries._index()[0], blocs._index(), people._index()):
        for text in texts:
            starts = [rng.randrange(len(text)) for _ in range(30)]
            starts += [text.find(" ", a) + 1 for a in starts]   # most slices are sentences: they begin at a word
            spans = [(0, len(text))] + [(a, min(len(text), a + rng.randrange(1, 400))) for a in starts]
            words = [m.start() for m in countries._START.finditer(text)][:60]
            spans += [(0, min(len(text), w + cut)) for w in words for cut in (1, 4, 5, 6)]   # a slice ending inside a word
            spans += [(min(len(text), w + cut), len(text)) for w in words for cut in (3, 4)]   # or beginning inside one
            for a, b in spans:
                assert list(index.scan(text, a, b)) == list(index._scan_slice(text, a, b)), (a, b)
