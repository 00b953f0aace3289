"""Scanning text for date mentions: stated dates, bare years, months, weekdays, relative words."""
from __future__ import annotations

import datetime
import re

from .model import DateMention, _safe_date
from .vocabulary import (_COUNT_PREV, _MONTH_PREP, _MONTHS, _PATTERN, _TOKEN, _WEEKDAY_MOD, _WEEKDAYS,
                         _WORD_AFTER, _WORD_BEFORE, _YEAR_NEXT_VERB, _YEAR_PREV)

def _mention(text: str, s: int, e: int, y: int | None, mo: int | None, d: int | None,
             wd: int | None = None, rel: str | None = None) -> DateMention | None:
    """Build a raw mention; a stated year gives a stated date, a bad calendar date gives None."""
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None:
        if not 1 <= d <= 31:
            return None
        probe = _safe_date(y if y is not None else 2000, mo or 1, d)  # 2000: Feb 29 is fine
        if probe is None:
            return None
    date, precision, basis = None, "none", "none"
    if y is not None and rel is None:
        date = datetime.date(y, mo or 1, d or 1)
        precision = "day" if d is not None else "month" if mo is not None else "year"
        basis = "stated"
    return DateMention(s, e, text[s:e], y, mo, d, wd, rel, date, precision, basis)


def _word_before(text: str, pos: int, lo: int) -> str:
    m = _WORD_BEFORE.search(text, max(lo, pos - 24), pos)
    return m.group(1) if m else ""


def _bare_year_ok(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Is a lone 4-digit number a year here ("in 1989", "2021 is ...") rather than a count?"""
    prev = _word_before(text, s, lo)
    k = s - 1
    while k >= lo and text[k] in " \t\u00a0":
        k -= 1
    prev_char = text[k] if k >= lo else "\n"
    if prev_char.isdigit():
        return False  # phone numbers, digit groups
    nxt = _WORD_AFTER.match(text, e, hi)
    next_word = nxt.group(1) if nxt else ""
    after = text[e:e + 1] if e < hi else "\n"
    if prev_char == "-":
        return text[max(lo, s - 4):s].lower() == "mid-"  # "mid-2022"; not "2-2021"
    if prev.lower() in _YEAR_PREV and prev_char.isalpha():
        return True
    if prev.lower() in _COUNT_PREV:
        return False
    initial = prev_char in ".!?\n\"'\u201c\u2018(" or k < lo
    if initial and next_word.lower() in _YEAR_NEXT_VERB and after in " \t,":
        return True
    if after in ".,;:)!?\n" or text.startswith("'s", e) or text.startswith("\u2019s", e):
        return initial or (prev[:1].islower() and prev_char.isalpha()) or prev_char == ","
    return False


def _scan(text: str, lo: int, hi: int, order: str | None = None) -> list[DateMention]:
    """Mentions in text[lo:hi]; `order` ("dmy"/"mdy") reads numeric dates like 05/09/2024."""
    out: list[DateMention] = []
    done = lo
    match = _PATTERN.match
    for tok in _TOKEN.finditer(text, lo, hi):
        p = tok.start()
        if p < done:
            continue
        word = tok.group()
        if word[0].isdigit():
            if len(word) - len(word.lstrip("0123456789")) not in (1, 2, 4):
                continue
        elif word.lower() not in _MONTHS and word.lower() not in _WEEKDAYS:
            continue
        m = match(text, p, hi)
        if m is None:
            continue
        mention = _interpret(text, m, lo, hi, order)
        if mention is not None:
            out.append(mention)
            done = m.end()
        elif m.lastgroup in ("K0", "K1", "K2", "K3"):
            done = m.end()  # "31 Nov 2022", "05/09/2024": no date inside either
    rel = _scan_relative(text, lo, hi)
    if rel:
        spans = [(x.start, x.end) for x in out]
        out.extend(r for r in rel if not any(a < r.end and r.start < b for a, b in spans))
        out.sort(key=lambda x: x.start)
    return out


def _scan_relative(text: str, lo: int, hi: int) -> list[DateMention]:
    """today, yesterday, last night, this morning, this year, earlier this month, ... (substring search, fast)."""
    low = text[lo:hi].lower()
    out = []
    for key in ("day", "tomorrow", "year", "month", "night", "morning", "afternoon", "evening"):
        i = low.find(key)
        while i >= 0:
            j = i + len(key)
            rel = None
            if key == "day":
                if low.endswith("to", 0, i):
                    rel, i = "today", i - 2
                elif low.endswith("yester", 0, i):
                    rel, i = "yesterday", i - 6
            elif key == "tomorrow":
                rel = "tomorrow"
            elif key == "night" and low.endswith("to", 0, i):
                rel, i = "today", i - 2                              # tonight
            elif key in ("night", "morning", "afternoon", "evening"):
                which = low[max(0, i - 5):i]
                if which == "last " and key in ("night", "evening"):
                    rel, i = "yesterday", i - 5                      # last night = the day before
                elif which == "this " and key != "night":
                    rel, i = "today", i - 5                          # this morning
            else:
                which = low[max(0, i - 5):i]
                if which in ("this ", "last ", "next "):
                    rel, i = f"{which[:4]}_{key}", i - 5
            if rel and (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                s, e = lo + i, lo + j
                if rel.startswith("this_"):
                    for lead in ("earlier ", "later "):
                        if low.endswith(lead, 0, i):
                            s -= len(lead)
                if not (rel == "today" and text[s] == "T" and _word_before(text, s, lo)[:1].isupper()):
                    # ("USA Today", "China Today" are names)
                    out.append(DateMention(s, e, text[s:e], None, None, None, None, rel, None,
                                           "none", "none"))
            i = low.find(key, j)
    return out


def _interpret(text: str, m: re.Match, lo: int, hi: int, order: str | None = None) -> DateMention | None:
    g = m.group
    kind = m.lastgroup
    s, e = m.start(), m.end()
    if kind == "K0":
        return _mention(text, s, e, int(g("iy")), int(g("im")), int(g("id")))
    if kind == "K1":
        a, b = int(g("sa")), int(g("sb"))
        if a > 12 >= b or (order == "dmy" and a <= 12 and b <= 12):
            return _mention(text, s, e, int(g("sy")), b, a)
        if b > 12 >= a or (order == "mdy" and a <= 12 and b <= 12):
            return _mention(text, s, e, int(g("sy")), a, b)
        return None
    if kind == "K2":
        wd = _WEEKDAYS[g("aw").lower()] if g("aw") else None
        y = int(g("ay")) if g("ay") else None
        e = _trim_time(text, m, "ay", "ad")
        return _mention(text, s, e, y, _MONTHS[g("am").lower()], int(g("ad")), wd)
    if kind == "K3":
        wd = _WEEKDAYS[g("bw").lower()] if g("bw") else None
        if g("bm2"):   # 12-Mar-2024
            e = _trim_time(text, m, "by2", "bm2")
            return _mention(text, s, e, int(g("by2")), _MONTHS[g("bm2").lower()], int(g("bd")), wd)
        y = int(g("by")) if g("by") else None
        e = _trim_time(text, m, "by", "bm")
        return _mention(text, s, e, y, _MONTHS[g("bm").lower()], int(g("bd")), wd)
    if kind == "K4":
        which = g("rr")
        return _mention(text, s, e, None, _MONTHS[g("rm").lower()], None, None, f"{which}_year")
    if kind == "K5":
        return _mention(text, s, e, int(g("cy")), _MONTHS[g("cm").lower()], None)
    if kind == "K6":
        word = g("em")
        prev = _word_before(text, s, lo).lower()
        if prev not in _MONTH_PREP:
            return None
        if word in ("May", "MAY", "March", "MARCH") and prev in ("of", "to", "and", "by", "from"):
            return None  # "Theresa May", "a long march": too ambiguous after these words
        return _mention(text, s, e, None, _MONTHS[word.lower()], None)
    if kind == "K7":
        prev = _word_before(text, s, lo)
        if prev.lower() in _WEEKDAY_MOD and text[s - 1] in " \t\u00a0":
            s = text.rfind(prev, lo, s)
        return _mention(text, s, e, None, None, None, _WEEKDAYS[g("wd").lower()], "weekday")
    if kind == "K8":
        if not _bare_year_ok(text, s, e, lo, hi):
            return None
        return _mention(text, s, e, int(g("yy")), None, None)
    return None


def _trim_time(text: str, m: re.Match, ygroup: str, last: str) -> int:
    """End of the mention: a time is kept only after a stated year ("Nov 23, 2023 10:34 AM")."""
    if m.group(ygroup):
        return m.end()
    end = m.end(last)
    if last == "ad":
        return end + (2 if text[end:end + 2] in ("st", "nd", "rd", "th") else 0)
    if len(m.group(last)) <= 4 and text.startswith(".", end):
        end += 1  # "22 Nov." - abbreviation dot; "4 March." - sentence full stop stays out
    return end


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Raw (unresolved) mentions in text[start:end], offsets absolute.

    Mentions with a stated year already carry their stated date; the others have date None.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates expects str, got {type(text).__name__}")
    n = len(text)
    lo = max(0, min(start, n))
    hi = n if end is None else max(lo, min(end, n))
    return _scan(text, lo, hi)




_NUMERIC = re.compile(r"(?<![\d/.-])([0-3]?\d)([/.-])([0-3]?\d)\2((?:19|20)\d\d)(?![\d/]|[.-]\d)")
# Every `_NUMERIC` date holds a separator and a year ("/2024"). Starting with a character set, this
# lets the engine skip ahead; `_NUMERIC` starts with a lookbehind and is tried at every character.
_NUMERIC_HINT = re.compile(r"[/.-](?:19|20)\d\d")


def numeric_order(text: str, spans: list[tuple[int, int]], stated: list[DateMention]) -> str | None:
    """How the page writes numeric dates: "dmy", "mdy", or None when it does not say.

    A numeric date with a part over 12 ("23/11/2023") settles the order for the page unless
    another contradicts it; otherwise an ambiguous "05/09/2024" is settled when exactly one of
    its two readings is a date the page also writes in words. Dates written with dots and nothing to
    settle them are read day first ("12.03.2024"), the convention wherever dates are dotted.
    """
    dmy = mdy = False
    ambiguous: list[tuple[int, int, int]] = []
    dotted = True   # every ambiguous date written "05.03.2024": the day-first convention of the pages that dot dates
    for s, e in spans:
        if _NUMERIC_HINT.search(text, s, e) is None:
            continue
        for m in _NUMERIC.finditer(text, s, e):
            a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if a > 12 >= b >= 1:
                dmy = True
            elif b > 12 >= a >= 1:
                mdy = True
            elif 1 <= a <= 12 and 1 <= b <= 12 and a != b:
                ambiguous.append((a, b, y))
                dotted = dotted and m.group(2) == "."
    if dmy != mdy:
        return "dmy" if dmy else "mdy"
    if dmy or not ambiguous:
        return None
    known = {m.date for m in stated if m.date is not None and m.precision == "day"}
    votes = set()
    for a, b, y in ambiguous:
        as_dmy, as_mdy = _safe_date(y, b, a) in known, _safe_date(y, a, b) in known
        if as_dmy != as_mdy:
            votes.add("dmy" if as_dmy else "mdy")
    if len(votes) == 1:
        return votes.pop()
    return "dmy" if dotted and not votes else None
