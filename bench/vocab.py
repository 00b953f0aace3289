"""Word lists the synthetic-article generator draws from (benchmark data, not parser reference data).

Kept apart from `stance/data/` on purpose: the benchmark must not share the parser's lexicon,
or the synthetic text would only contain what the parser already knows.
"""
from __future__ import annotations

# (name as written in running text, demonym adjective, capital)
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("China", "Chinese", "Beijing"), ("the United States", "American", "Washington"),
    ("Russia", "Russian", "Moscow"), ("Belgium", "Belgian", "Brussels"),
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("the United Kingdom", "British", "London"), ("Japan", "Japanese", "Tokyo"),
    ("South Korea", "South Korean", "Seoul"), ("North Korea", "North Korean", "Pyongyang"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Cuba", "Cuban", "Havana"), ("Venezuela", "Venezuelan", "Caracas"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
    ("Australia", "Australian", "Canberra"), ("Uganda", "Ugandan", "Kampala"),
    ("Gambia", "Gambian", "Banjul"), ("Nigeria", "Nigerian", "Abuja"),
    ("Egypt", "Egyptian", "Cairo"), ("South Africa", "South African", "Pretoria"),
    ("Kenya", "Kenyan", "Nairobi"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Iran", "Iranian", "Tehran"), ("Turkey", "Turkish", "Ankara"),
    ("Saudi Arabia", "Saudi", "Riyadh"), ("Israel", "Israeli", "Jerusalem"),
    ("Belarus", "Belarusian", "Minsk"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("Poland", "Polish", "Warsaw"), ("Hungary", "Hungarian", "Budapest"),
    ("Tajikistan", "Tajik", "Dushanbe"), ("Kazakhstan", "Kazakh", "Astana"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"), ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("the Philippines", "Philippine", "Manila"),
    ("Indonesia", "Indonesian", "Jakarta"), ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Thailand", "Thai", "Bangkok"), ("Myanmar", "Myanmar", "Naypyidaw"),
    ("Sri Lanka", "Sri Lankan", "Colombo"), ("Nepal", "Nepali", "Kathmandu"),
    ("Switzerland", "Swiss", "Bern"), ("Sweden", "Swedish", "Stockholm"),
    ("Norway", "Norwegian", "Oslo"), ("the Netherlands", "Dutch", "The Hague"),
    ("Italy", "Italian", "Rome"), ("Spain", "Spanish", "Madrid"),
    ("Serbia", "Serbian", "Belgrade"), ("Greece", "Greek", "Athens"),
    ("Syria", "Syrian", "Damascus"), ("Iraq", "Iraqi", "Baghdad"),
    ("Algeria", "Algerian", "Algiers"), ("Morocco", "Moroccan", "Rabat"),
    ("Zimbabwe", "Zimbabwean", "Harare"), ("Nicaragua", "Nicaraguan", "Managua"),
    ("Bolivia", "Bolivian", "La Paz"), ("Chile", "Chilean", "Santiago"),
)

# (name as written, short form) of groups and blocs countries speak for or belong to.
BLOCS: tuple[tuple[str, str], ...] = (
    ("the European Union", "the EU"), ("the African Group", "the African Group"),
    ("the Non-Aligned Movement", "the NAM"), ("the Group of 77", "the G77"),
    ("the Association of Southeast Asian Nations", "ASEAN"),
    ("the Organization of Islamic Cooperation", "the OIC"),
    ("the Arab Group", "the Arab Group"), ("the Group of Seven", "the G7"),
    ("the Shanghai Cooperation Organisation", "the SCO"), ("BRICS", "BRICS"),
    ("the Group of Friends in Defense of the UN Charter", "the Group of Friends"),
    ("the Gulf Cooperation Council", "the GCC"), ("the Nordic countries", "the Nordic group"),
)

VENUES: tuple[str, ...] = (
    "the United Nations Human Rights Council", "the UN General Assembly", "the Security Council",
    "a press conference", "a regular briefing", "a ministerial meeting", "the annual summit",
    "a joint news conference", "the Third Committee", "a plenary session",
)

CITIES: tuple[str, ...] = (
    "Geneva", "New York", "Vienna", "Brussels", "Beijing", "Nairobi", "Bangkok", "Addis Ababa",
    "Jakarta", "Doha", "Istanbul", "Buenos Aires",
)

TOPICS: tuple[str, ...] = (
    "human rights", "Xinjiang", "Hong Kong", "Taiwan", "the South China Sea", "climate change",
    "nuclear non-proliferation", "the sanctions regime", "the ceasefire", "press freedom",
    "the death penalty", "maritime security", "refugees", "trade tariffs", "the peace process",
    "counter-terrorism", "food security", "the territorial dispute", "cyber security",
    "the humanitarian corridor",
)

SUPPORT_VERBS: tuple[str, ...] = (
    "voiced support for", "backed", "welcomed", "endorsed", "expressed solidarity with",
    "praised", "stood firmly with", "commended", "spoke in favour of", "applauded",
)
OPPOSE_VERBS: tuple[str, ...] = (
    "opposed", "condemned", "rejected", "criticized", "denounced", "rebuked",
    "lodged a stern protest with", "voted against", "deplored", "accused",
)
CONCERN_VERBS: tuple[str, ...] = (
    "expressed concern over", "voiced deep concern about", "raised concerns with",
    "said it was alarmed by", "called for restraint from", "urged",
)
SPEECH_VERBS: tuple[str, ...] = ("said", "stressed", "noted", "told reporters", "added", "emphasized")

OFFICIALS: tuple[str, ...] = (
    "foreign ministry spokesperson", "ambassador", "permanent representative", "deputy foreign minister",
    "foreign minister", "prime minister", "president", "envoy", "trade minister", "defence minister",
)

PEOPLE: tuple[str, ...] = (
    "Wang Lei", "Maria Santos", "John Whitfield", "Aiko Tanaka", "Olusegun Adeyemi", "Elena Petrova",
    "Carlos Mendes", "Fatima Al-Sayed", "Jamshed Rahimov", "Ingrid Larsen", "Rahul Mehta",
    "Nguyen Van Minh", "Sofia Kowalska", "Ahmed Benali", "Grace Mwangi", "Pierre Dubois",
)

FILLER: tuple[str, ...] = (
    "The statement came after weeks of negotiations among the delegations, which had struggled to "
    "agree on the wording of the final text.",
    "Observers said the outcome reflected a shift in the balance of opinion among member states.",
    "The issue has been on the agenda for several sessions and is expected to return next year.",
    "Officials declined to give further details, citing the confidential nature of the talks.",
    "Analysts noted that the vote was closer than in previous years, with a number of abstentions.",
    "The meeting was attended by diplomats, representatives of civil society and journalists.",
    "Several delegations asked for more time to consult their capitals before taking a position.",
    "The draft text was circulated to members late in the evening and revised twice overnight.",
    "A spokesperson for the secretariat said the procedure had followed the established rules.",
    "The discussion also touched on funding, staffing and the timetable for the next review.",
    "Local media reported that the decision was welcomed by business groups and trade unions.",
    "The report, which runs to more than two hundred pages, draws on interviews and satellite images.",
)

BOILERPLATE_TOP: tuple[str, ...] = (
    "Skip to Content", "Home World News", "Home Newsroom Local News", "Menu Search Subscribe",
    "Facebook Twitter WhatsApp Email", "Sign in | Register", "Latest News Politics Diplomacy",
)
BOILERPLATE_MID: tuple[str, ...] = (
    "- Advertisement -", "ADVERTISEMENT", "Related: More stories from this region",
    "Read more:", "Story continues below", "Share this article",
)
BOILERPLATE_END: tuple[str, ...] = (
    "Must Read", "Copyright 2024. All rights reserved.", "Follow us on social media",
    "Terms of Use | Privacy Policy | Contact", "Global Times", "Times of Central Asia",
    "Reporting by our correspondents; editing by the desk", "Subscribe to our newsletter",
)

WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
