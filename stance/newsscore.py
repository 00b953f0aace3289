"""Score parsed tables against gold written in the annotation format used for real articles.

The project's news dev and check sets (`tests/news/dev`, `tests/news/check`) are annotated the
way articles the project has never seen are annotated (the conventions the shared scorer reads):
one JSON per article with `published`, `events`, `positions`, `claims`, `groups` and their
`*_allowed` lists. This module applies the same definitions, so a figure printed here means the
same as one measured on unseen pages:

- published: the distinct publication dates of the file's documents against the gold's; a
  date in `published_allowed` is neither a hit nor a false one.
- event dates: a gold date is found when some predicted date starts with it (precision is the
  gold's: "2018-08" is matched by any day of that month); a predicted date that matches no gold
  date and is not allowed (`events_allowed`, publication dates) is false.
- positions: rows with a state and basis named / on_behalf_of_group / signatory, as distinct
  (state, stance, toward). A gold entry is found when a row has its state, one of its stances
  (`stance`, `stance_alt`) and its target (any target when the gold's is null). Rows left over
  are false unless their state is in `positions_allowed`.
- claims: (count, qualifier) pairs, each used once; a predicted count that is allowed or equals
  a gold count is not false.
- groups: bloc rows (no state, a group) matched by bloc name, stance and target; rows of a bloc
  the gold names or allows are not false.

Overall is the micro-average over all five. Written for this project (the shared scorer is not
read at run time); `tests/test_newsscore.py` pins each definition.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

CATEGORIES = ("published", "event dates", "positions", "claims", "groups")
SCORED_BASES = ("named", "on_behalf_of_group", "signatory", "")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- bloc names

_EXTRA_NAMES = {   # common names the bloc file spells differently, and groups that are one bloc
    "arab group": "ARAB_LEAGUE", "group of arab states": "ARAB_LEAGUE", "arab states": "ARAB_LEAGUE",
    "league of arab states": "ARAB_LEAGUE", "group of african states": "AFRICAN_GROUP",
    "african group at the un": "AFRICAN_GROUP", "organization of islamic cooperation": "OIC",
    "group of friends in defense of the charter of the united nations": "GOF_UN_CHARTER",
    "group of friends in defence of the charter of the united nations": "GOF_UN_CHARTER",
    "group of friends in defence of the un charter": "GOF_UN_CHARTER",
    "european union and its member states": "EU", "group of 20": "G20", "group of 77": "G77",
    "shanghai cooperation organization": "SCO", "caribbean community": "CARICOM",
    "un": "UN", "united nations": "UN",
}


def _norm_group(name: str) -> str:
    name = " ".join(str(name or "").replace("’", "'").replace("_", " ").lower().split())
    return name[4:] if name.startswith("the ") else name


@lru_cache(maxsize=1)
def _group_ids() -> dict[str, str]:
    from .blocs import _catalogue

    ids: dict[str, str] = dict(_EXTRA_NAMES)
    for bloc_id, (name, aliases) in _catalogue().items():
        for alias in (bloc_id, name, *aliases):
            ids.setdefault(_norm_group(alias), bloc_id)
    return ids


def canonical_group(name: str) -> str:
    """A bloc's id from any of its names or its id ("the EU", "European Union", "EU" -> "EU")."""
    norm = _norm_group(name)
    return _group_ids().get(norm, norm)


def same_group(a: str, b: str) -> bool:
    """Two names of one bloc: same id, or one normalised name inside the other."""
    ca, cb = canonical_group(a), canonical_group(b)
    return bool(ca) and bool(cb) and (ca == cb or ca.lower() in cb.lower() or cb.lower() in ca.lower())


# ---------------------------------------------------------------- one file

def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _count(value: Any) -> int | None:
    try:
        return int(float(_text(value).replace(",", "")))
    except ValueError:
        return None


def _date_hit(predicted: str, gold: str) -> bool:
    return bool(predicted) and bool(gold) and predicted[: len(gold)] == gold


def _day(date: str) -> str:
    return date + "-01" * (2 - date.count("-"))


def score_file(gold: Mapping, documents: Iterable[Mapping], events: Iterable[Mapping],
               positions: Iterable[Mapping], claims: Iterable[Mapping], misses: list[str] | None = None) -> dict[str, Tally]:
    """Tallies per category for one article file."""
    name = gold.get("file", "")
    note = misses.append if misses is not None else (lambda _m: None)
    out = {c: Tally() for c in CATEGORIES}

    pub = {_text(d.get("published"))[:10] for d in documents if _text(d.get("published"))}
    gold_pub, ok_pub = set(gold.get("published") or []), set(gold.get("published_allowed") or [])
    out["published"] = Tally(len(pub & gold_pub), len(pub - gold_pub - ok_pub), len(gold_pub - pub))
    for d in sorted(gold_pub - pub):
        note(f"{name}: published {d} missing")
    for d in sorted(pub - gold_pub - ok_pub):
        note(f"{name}: published {d} not expected")

    dates = {_text(e.get("date")) for e in events if _text(e.get("date"))}
    gold_dates = [e["date"] for e in gold.get("events", [])]
    found = [g for g in gold_dates if any(_date_hit(p, g) for p in dates)]
    allowed = {_day(d) for d in [*gold.get("events_allowed", []), *gold_pub, *ok_pub]}
    extra = sorted(p for p in dates if p[:10] not in allowed and not any(_date_hit(p, g) for g in gold_dates))
    out["event dates"] = Tally(len(found), len(extra), len(gold_dates) - len(found))
    for g in gold_dates:
        if g not in found:
            note(f"{name}: event date {g} missing")
    for p in extra:
        note(f"{name}: event date {p} not expected")

    rows = {(_text(p.get("country_iso3")), _text(p.get("stance")), _text(p.get("toward_iso3")))
            for p in positions if _text(p.get("country_iso3")) and _text(p.get("basis")) in SCORED_BASES}
    used: set[tuple[str, str, str]] = set()
    tally = out["positions"]
    for g in gold.get("positions", []):
        stances = {g["stance"], *g.get("stance_alt", [])}
        hits = {r for r in rows if r[0] == g["country_iso3"] and r[1] in stances
                and (not g.get("toward_iso3") or r[2] == g["toward_iso3"])}
        if hits:
            tally.tp += 1
            used |= hits
        else:
            tally.fn += 1
            note(f"{name}: position {g['country_iso3']} {g['stance']} toward {g.get('toward_iso3')} missing")
    ok_states = {a["country_iso3"] for a in gold.get("positions_allowed", [])}
    for r in sorted(rows - used):
        if r[0] not in ok_states:
            tally.fp += 1
            note(f"{name}: position {r} not expected")

    predicted = [(_count(c.get("count")), (_text(c.get("qualifier")) or "exact").lower()) for c in claims]
    predicted = [c for c in predicted if c[0] is not None]
    gold_claims = gold.get("claims", [])
    gold_counts = {g["count"] for g in gold_claims}
    ok_counts = {a["count"] for a in gold.get("claims_allowed", [])}
    taken: set[int] = set()
    tally = out["claims"]
    for g in gold_claims:
        index = next((i for i, c in enumerate(predicted) if i not in taken and c == (g["count"], g["qualifier"])), None)
        if index is None:
            tally.fn += 1
            note(f"{name}: claim {g['qualifier']} {g['count']} missing")
        else:
            taken.add(index)
            tally.tp += 1
    for i, c in enumerate(predicted):
        if i not in taken and c[0] not in ok_counts and c[0] not in gold_counts:
            tally.fp += 1
            note(f"{name}: claim {c} not expected")

    blocs = [p for p in positions if not _text(p.get("country_iso3")) and _text(p.get("group"))]
    matched: set[int] = set()
    tally = out["groups"]
    for g in gold.get("groups", []):
        stances = {g["stance"], *g.get("stance_alt", [])}
        hits = {i for i, p in enumerate(blocs) if same_group(_text(p["group"]), g["group"])
                and _text(p.get("stance")) in stances and (not g.get("toward_iso3") or _text(p.get("toward_iso3")) == g["toward_iso3"])}
        if hits:
            tally.tp += 1
            matched |= hits
        else:
            tally.fn += 1
            note(f"{name}: bloc {g['group']} {g['stance']} toward {g.get('toward_iso3')} missing")
    names = [a["group"] for a in gold.get("groups_allowed", [])] + [g["group"] for g in gold.get("groups", [])]
    for i, p in enumerate(blocs):
        if i not in matched and not any(same_group(_text(p["group"]), n) for n in names):
            tally.fp += 1
            note(f"{name}: bloc {p['group']} {p.get('stance')} not expected")
    return out


# ---------------------------------------------------------------- a folder

def load_news_gold(folder: Path) -> list[dict]:
    """The gold files of a news set (`folder/gold/*.json`), in name order."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder, "gold").glob("*.json"))]


def _by_file(frame: pd.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    if frame is None or frame.empty:
        return out
    for row in frame.to_dict("records"):
        out.setdefault(Path(_text(row.get("file"))).name, []).append(row)
    return out


def score_tables(tables: Any, golds: list[dict], misses: list[str] | None = None) -> dict[str, Tally]:
    """Tallies per category (and "overall") of parsed tables against a list of gold files."""
    docs, events = _by_file(tables.documents), _by_file(tables.events)
    positions, claims = _by_file(tables.positions), _by_file(tables.claims)
    total = {c: Tally() for c in CATEGORIES}
    for gold in golds:
        f = Path(gold["file"]).name
        for category, tally in score_file(gold, docs.get(f, []), events.get(f, []), positions.get(f, []),
                                          claims.get(f, []), misses).items():
            total[category].add(tally)
    overall = Tally()
    for tally in total.values():
        overall.add(tally)
    total["overall"] = overall
    return total


def score_news_set(folder: Path, misses: list[str] | None = None) -> dict[str, Tally]:
    """Parse a news set's articles and score them."""
    from . import parse_corpus

    golds = load_news_gold(folder)
    paths = [Path(folder, "articles", Path(g["file"]).name) for g in golds]
    return score_tables(parse_corpus([p for p in paths if p.is_file()]), golds, misses)


def format_tallies(title: str, tallies: Mapping[str, Tally]) -> str:
    lines = [title, f"{'category':<12} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'f1':>6}"]
    for category, tally in tallies.items():
        p, r, f = tally.prf()
        if category == "overall":
            lines.append("-" * len(lines[1]))
        lines.append(f"{category:<12} {tally.tp:>5} {tally.fp:>5} {tally.fn:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    return "\n".join(lines)
