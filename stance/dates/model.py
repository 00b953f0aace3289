"""What the date package hands out (mentions, dated documents), its settings, calendar helpers."""
from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    """One date expression: offsets into the text, what it states, and what it resolves to."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    relative: str | None
    date: datetime.date | None
    precision: str
    basis: str


@dataclass(frozen=True)
class DateSettings:
    """Everything date resolution may depend on besides the text: never the clock.

    latest: no inferred date may fall after this day (None: no such cap). Give
        `DateSettings(latest=date.today())` to reproduce a clock-bound reading on purpose.
    pub_window_days: a year-less month-day more than this many days after the reference date
        belongs to the previous year.
    weekday_years: how far (in years) from the expected year a stated weekday may move it.
    context_days: an earlier date carries over to later sentences within this distance.
    own_weekday: what "on Friday" means in a report anchored on a Friday. "anchor" (default):
        that day, as dated reports use it (the dev set's annotators read it so every time);
        "today": that day only when the context says so ("today", "this morning", a publication
        line with a time of day), else a week earlier.
    """

    latest: datetime.date | None = None
    pub_window_days: int = 61
    weekday_years: int = 14
    context_days: int = 60
    own_weekday: str = "anchor"

    def after_latest(self, day: datetime.date) -> bool:
        return self.latest is not None and day > self.latest


DEFAULT_SETTINGS = DateSettings()


@dataclass
class DatedDocument:
    """Publication date, resolved body mentions and list-item headings of one document.

    `anchor` is the date relative mentions were resolved against: the publication date, else
    a dated dateline ("GENEVA, July 26 (Xinhua) --") whose year the text gives; `place` is the
    dateline's place ("GENEVA"), "" when there is none.
    """

    published: DateMention | None
    mentions: list[DateMention]
    headings: list[DateMention]
    anchor: DateMention | None = None
    place: str = ""
    settings: DateSettings = DEFAULT_SETTINGS




# --------------------------------------------------------------------------- calendar helpers

def _safe_date(y: int, mo: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        return None


def _resolved(m: DateMention, *, date: datetime.date, precision: str, basis: str) -> DateMention:
    """A copy of m with its resolution (faster than dataclasses.replace)."""
    return DateMention(m.start, m.end, m.text, m.year, m.month, m.day, m.weekday, m.relative,
                       date, precision, basis)


def _period_start(m: DateMention) -> datetime.date:
    return datetime.date(m.year, m.month or 1, m.day or 1)  # type: ignore[arg-type]
