"""Deterministic synthetic news articles for the benchmarks.

Each article is a pure function of (seed, index): the 1k corpus is the first thousand files of
the 10k corpus, which is the first ten thousand of the 100k corpus, and every run (on any
machine, any PYTHONHASHSEED) writes the same bytes. The text mixes what the parser has to deal
with: several dateline styles and undated pages, relative weekdays, year-less and full dates,
country names, demonyms, blocs, "on behalf of" statements, count claims ("more than 100
countries"), quotes, site boilerplate, and listing pages with several articles on one page.
Articles are about 4 KB (3.3-5 KB of UTF-8, 4.1 KB on average).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path
from typing import Iterator

from . import vocab as V

GENERATOR_VERSION = "3"
DEFAULT_SEED = 20240925
_EPOCH = dt.date(2015, 1, 1)
_SPAN_DAYS = (dt.date(2025, 6, 30) - _EPOCH).days


class _Article:
    """Writes one article from a private random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.published = _EPOCH + dt.timedelta(days=rng.randrange(_SPAN_DAYS))

    # ------------------------------------------------------------ small pieces

    def pick(self, items: tuple) -> object:
        return items[self.r.randrange(len(items))]

    def country(self) -> tuple[str, str, str]:
        return self.pick(V.COUNTRIES)  # type: ignore[return-value]

    @staticmethod
    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]

    def earlier_date(self, max_days: int = 60) -> dt.date:
        return self.published - dt.timedelta(days=self.r.randint(1, max_days))

    def weekday_phrase(self) -> str:
        """A relative weekday ("on Tuesday", "last Friday") pointing into the past week."""
        day = self.published - dt.timedelta(days=self.r.randint(1, 6))
        name = V.WEEKDAYS[day.weekday()]
        return self.pick((f"on {name}", f"last {name}", f"on {name}", f"{name}"))  # type: ignore[return-value]

    def date_phrase(self) -> str:
        """One of many ways news text writes a date."""
        d = self.earlier_date(300)
        month = V.MONTHS[d.month - 1]
        style = self.r.randrange(10)
        if style == 0:
            return f"on {month} {d.day}"
        if style == 1:
            return f"on {d.day} {month}"
        if style == 2:
            return f"on {month} {d.day}, {d.year}"
        if style == 3:
            return f"on {d.day} {month} {d.year}"
        if style == 4:
            return f"in {month} {d.year}"
        if style == 5:
            return f"on {V.WEEKDAYS[d.weekday()]}, {month} {d.day}"
        if style == 6:
            return f"on {d.isoformat()}"
        if style == 7:
            short = month if len(month) <= 4 else month[:3] + "."
            return f"earlier this year, on {short} {d.day}"
        if style == 8:
            return f"as of {month} {d.day} evening"
        return self.weekday_phrase()

    # ------------------------------------------------------------ lines

    def dateline(self) -> str | None:
        p = self.published
        month = V.MONTHS[p.month - 1]
        hh, mm = self.r.randint(0, 23), self.r.randint(0, 59)
        style = self.r.randrange(7)
        if style == 0:
            h12 = hh % 12 or 12
            return f"Published: {month[:3]} {p.day}, {p.year} {h12}:{mm:02d} {'AM' if hh < 12 else 'PM'}"
        if style == 1:
            return f"{p.isoformat()} {hh:02d}:{mm:02d} Last Updated At:{(hh + 3) % 24:02d}:{mm:02d}"
        if style == 2:
            return f"Updated: {p.day} {month} {p.year}"
        if style == 3:
            return f"By {self.pick(V.PEOPLE)} | {month} {p.day}, {p.year}"
        if style == 4:
            return f"{V.WEEKDAYS[p.weekday()]}, {p.day} {month} {p.year}"
        if style == 5:
            return f"{p.day:02d}/{p.month:02d}/{p.year}"
        return None  # undated page: the parser must not invent a date

    def title(self) -> str:
        name, dem, _ = self.country()
        topic = self.pick(V.TOPICS)
        n = self.r.choice((30, 40, 50, 70, 80, 100, 140))
        forms = (
            f"Over {n} countries voice support for {name}'s position on {topic}",
            f"{dem} foreign ministry rejects claims over {topic}",
            f"{self.cap(name)} and partners clash over {topic} at UN",
            f"Ambassadors from {n} countries back {name} on {topic}",
            f"{dem} envoy urges dialogue on {topic}",
            f"{self.cap(self.pick(V.BLOCS)[0])} expresses concern over {topic}",
        )
        return self.cap(self.pick(forms))  # type: ignore[arg-type]

    def stance_sentence(self) -> str:
        a_name, a_dem, a_cap = self.country()
        b_name, b_dem, _ = self.country()
        topic = self.pick(V.TOPICS)
        verb = self.pick(self.pick((V.SUPPORT_VERBS, V.OPPOSE_VERBS, V.CONCERN_VERBS)))  # type: ignore[arg-type]
        when = self.date_phrase() if self.r.random() < 0.6 else self.weekday_phrase()
        subject = self.pick((
            a_name, f"the {a_dem} government", f"{a_dem} officials", f"{a_cap}",
            f"the {a_dem} {self.pick(V.OFFICIALS)} {self.pick(V.PEOPLE)}",
            f"the government of {a_name}",
        ))
        obj = self.pick((f"{b_name}'s position on {topic}", f"the {b_dem} proposal on {topic}",
                         f"{b_name} over {topic}", f"the resolution on {topic}"))
        forms = (
            f"{self.cap(subject)} {verb} {obj} {when}, the ministry {self.pick(V.SPEECH_VERBS)} in a statement.",
            f"{self.cap(when)}, {subject} {verb} {obj}.",
            f"At {self.pick(V.VENUES)} in {self.pick(V.CITIES)} {when}, {subject} {verb} {obj}.",
        )
        return self.pick(forms)  # type: ignore[return-value]

    def behalf_sentence(self) -> str:
        name, dem, _ = self.country()
        other, _, _ = self.country()
        member, _, _ = self.country()
        topic = self.pick(V.TOPICS)
        verb = self.pick(V.SUPPORT_VERBS + V.OPPOSE_VERBS)
        if self.r.random() < 0.6:
            n = self.r.choice((20, 45, 60, 70, 80, 90))
            q = self.pick(("nearly", "more than", "about", "over", "at least", ""))
            group = f"{q} {n} countries".strip() + f" including {member}" * (self.r.random() < 0.5)
        else:
            group = self.pick(V.BLOCS)[self.r.randrange(2)]
        return (f"The representative of {name}, speaking on behalf of {group}, {verb} "
                f"{other}'s position on {topic}, the {dem} delegation {self.pick(V.SPEECH_VERBS)}.")

    def bloc_list_sentence(self) -> str:
        parts = []
        for _ in range(self.r.randint(2, 3)):
            name, _, _ = self.country()
            parts.append(f"the representative of {name}, on behalf of {self.pick(V.BLOCS)[0]}")
        target, _, _ = self.country()
        return self.cap(", ".join(parts[:-1]) + f", and {parts[-1]}, {self.pick(V.SUPPORT_VERBS)} {target}’s position.")

    def claim_sentence(self) -> str:
        n = self.r.choice((15, 26, 37, 50, 64, 100, 120, 139))
        requests = self.r.choice((100, 350, 500, 600, 2000))
        q = self.pick(("More than", "Nearly", "Over", "About", "At least", "Up to", "Some", ""))
        name, _, _ = self.country()
        topic = self.pick(V.TOPICS)
        verb = self.pick(V.SUPPORT_VERBS + V.OPPOSE_VERBS)
        when = self.date_phrase()
        forms = (
            f"{q} {n} countries have {verb} {name}'s position on {topic} at a meeting held {when}.",
            f"Ambassadors from {n} countries co-signed a letter {when} that {verb} {name} on {topic}.",
            f"A joint statement {when} by {q.lower()} {n} states {verb} {name}'s stance on {topic}.",
            f"The ministry said it had received {q.lower()} {requests} requests for assistance {when}.",
        )
        return self.pick(forms).replace("  ", " ").strip()  # type: ignore[union-attr]

    def quote_sentence(self) -> str:
        name, dem, _ = self.country()
        topic = self.pick(V.TOPICS)
        person = self.pick(V.PEOPLE)
        office = self.pick(V.OFFICIALS)
        said = self.pick(V.SPEECH_VERBS)
        return (f"“We {self.pick(('firmly oppose', 'support', 'are deeply concerned about', 'reject'))} "
                f"any attempt to politicize {topic},” {person}, {office} of {name}, {said}. "
                f"“The {dem} side will continue to work with all parties.”")

    def anniversary_sentence(self) -> str:
        a, _, _ = self.country()
        b, _, _ = self.country()
        years = self.r.choice((20, 25, 30, 40, 50, 60, 70))
        start = self.published.year - years
        d = dt.date(start, self.r.randint(1, 12), self.r.randint(1, 28))
        return (f"On {d.day} {V.MONTHS[d.month - 1]} {d.year}, {a} established diplomatic relations with {b}. "
                f"{self.published.year} therefore marks {years} years of cooperation between the two countries.")

    def paragraph(self) -> str:
        # Weights keep bloc mentions (each implies dozens of member positions) about as frequent
        # as in the sample articles: ~60-80 positions per article, most of them implied.
        builders = (self.stance_sentence, self.behalf_sentence, self.claim_sentence, self.quote_sentence,
                    self.bloc_list_sentence, self.anniversary_sentence)
        chosen = self.r.choices(builders, weights=(8, 2, 4, 2, 0.4, 1), k=self.r.randint(1, 3))
        sentences = [build() for build in chosen]
        sentences += [self.pick(V.FILLER) for _ in range(self.r.randint(0, 2))]  # type: ignore[misc]
        self.r.shuffle(sentences)
        return " ".join(sentences)  # type: ignore[arg-type]

    # ------------------------------------------------------------ pages

    def single(self, target: int) -> str:
        lines = [self.pick(V.BOILERPLATE_TOP) for _ in range(self.r.randint(0, 2))]
        title = self.title()
        lines += [title, ""]
        stamp = self.dateline()
        if stamp:
            lines += [stamp, ""]
        if self.r.random() < 0.3:
            lines += [title, ""]  # repeated headline, as scraped pages often have
        size = sum(len(x) + 1 for x in lines)
        while size < target:
            para = self.paragraph()
            lines += [para, ""]
            size += len(para.encode("utf-8")) + 2
            if self.r.random() < 0.12:
                lines += [self.pick(V.BOILERPLATE_MID), ""]  # type: ignore[list-item]
        lines.append(self.pick(V.BOILERPLATE_END))  # type: ignore[arg-type]
        return "\n".join(lines)  # type: ignore[arg-type]

    def listing(self, target: int) -> str:
        """A newsroom page: dated headings ("22 Nov"), each with a short item, newest first."""
        site, _, _ = self.country()
        lines = [f"Embassy of {site} - Newsroom", self.pick(V.BOILERPLATE_TOP), "", "Local News", ""]
        day = self.published
        size = sum(len(x) + 1 for x in lines)
        while size < target:
            label = f"{day.day:02d} {V.MONTHS[day.month - 1][:3]}"
            para = self.paragraph()
            lines += [label, para]
            size += len(label) + len(para.encode("utf-8")) + 2
            day -= dt.timedelta(days=self.r.randint(3, 40))
        return "\n".join(lines)  # type: ignore[arg-type]

    def page(self) -> str:
        target = self.r.randint(3300, 4300)
        kind = self.r.random()
        if kind < 0.1:
            return self.listing(target)
        if kind < 0.2:
            # two articles on one page, separated by a teaser line
            first = self.single(target // 2)
            second = _Article(self.r).single(target - len(first))
            separator = self.pick(("Next Article", "Read Next", "— Next Story —", "Previous Article", "Must Read"))
            return f"{first}\n\n{separator}\n{second}"
        return self.single(target)


def article(index: int, seed: int = DEFAULT_SEED) -> str:
    """The synthetic article number `index` for `seed` (same text on every run)."""
    return _Article(random.Random(f"stance-bench:{seed}:{index}")).page()


def file_name(index: int) -> str:
    return f"{index:06d}.txt"


def write_corpus(folder: Path, n: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write articles 0..n-1 to `folder` and return their paths.

    Files of a previous run with the same seed and generator version are reused (a 100k corpus
    takes ~20 s to write); files edited by hand are not detected, delete the folder then.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "MANIFEST.json"
    have = 0
    if manifest.exists():
        try:
            info = json.loads(manifest.read_text())
            if info.get("seed") == seed and info.get("version") == GENERATOR_VERSION:
                have = int(info.get("count", 0))
        except (ValueError, OSError):
            have = 0
    paths = [folder / file_name(i) for i in range(n)]
    for i in range(n):
        if i >= have or not paths[i].exists():  # new, or removed since the last run
            paths[i].write_text(article(i, seed), encoding="utf-8")
    if n > have:
        tmp = folder / "MANIFEST.json.tmp"
        tmp.write_text(json.dumps({"seed": seed, "version": GENERATOR_VERSION, "count": n}))
        os.replace(tmp, manifest)
    return paths


def iter_articles(n: int, seed: int = DEFAULT_SEED) -> Iterator[str]:
    for i in range(n):
        yield article(i, seed)
