"""Shared pieces of time resolution: a `Reading` (a resolved expression before it gets an
id), the `Context` it is resolved in (publication date, the last dated expression, the parse),
and the calendar lookups the rule handlers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from eventwire.stages.s5_times.normalise import Point, duration_value
from eventwire.stages.s5_times.tense import tense_at
from eventwire.stages.s5_times.timex import Candidate, load_lexicon

# The calendar grain a count of units resolves to: "two weeks ago" -> a week.
GRAIN_OF_UNIT = {
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "decade",
}
# TIMEX3 counts decades and centuries in years ("two decades" -> P20Y, "a century" -> P100Y);
# an unknown number of them keeps the unit ("decades" -> PXDE), the only way to say it.
YEARS_IN_UNIT = {"decade": 10, "century": 100}
# Prepositions that make "the next year" a stretch of time rather than a calendar year.
DURATION_LEADS = frozenset({"over", "within", "during", "for", "in"})
PAST_REFS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "preceding": -1,
    "this": 0,
    "current": 0,
    "present": 0,
    "same": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}
QUARTER_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
# A month named without a year lies in the publication's year unless the tense says otherwise
# or it is more than this many months away (then the nearer year wins).
MAX_MONTHS_AWAY = 6
CURRENCY_BEFORE = re.compile(r"[$£€#]\s*$")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]")
# A sentence boundary between two expressions (a full stop before a capital, or a new line).
BOUNDARY = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘(])|\n+")
# A day the story has set ("On June 5, ...") is the frame of a bare weekday or part of the day
# in the same sentence or the next this many: "On June 5, troops entered the town. On Saturday
# they left" is June 7, whatever the publication date. Hand-set from reading news: farther
# back a bare weekday is more often the publication's week again.
FRAME_SENTENCES = 1


@dataclass(frozen=True, slots=True)
class Reading:
    """A resolved expression before it gets an id."""

    type: str
    value: str
    interval: tuple[str | None, str | None] | None
    anchor: str | None  # "publication", "previous" (the last dated expression) or None
    point: Point | None = None  # set for dates and times that later expressions may chain on


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    ref: date | None
    previous: tuple[str, Point] | None
    parsed: Any
    previous_end: int = 0
    # the last expression of the text at a day's grain (id, point) and where it ended
    last_day: tuple[str, Point] | None = None
    last_day_end: int = 0
    # the day named right after a clock time ("at 16:15 UTC, June 1st"): point and anchor
    day_after: tuple[Point, str | None] | None = None
    # the text writes its slashed dates day first ("30/04/2018" elsewhere in it), so
    # "02/05/2018" is 2 May
    day_first: bool = False

    def tense(self, cand: Candidate, *, futurate: bool = True) -> str | None:
        return tense_at(self.parsed, cand.start, cand.end, futurate=futurate)

    def before(self, cand: Candidate, width: int = 30) -> str:
        return self.text[max(0, cand.start - width) : cand.start]

    def same_sentence_day(self, cand: Candidate) -> tuple[Point, str] | None:
        """The last dated day before `cand` in its sentence ("Tuesday ... at 18:00 UTC")."""
        if self.previous is None or self.previous[1].grain != "day":
            return None
        between = self.text[self.previous_end : cand.start]
        if "\n" in between or SENTENCE_BREAK.search(between):
            return None
        return self.previous[1], self.previous[0]

    def frame_day(self, cand: Candidate) -> tuple[Point, str] | None:
        """The day the story has set for `cand`: the last day-grain expression, when it is in
        the same sentence or the FRAME_SENTENCES before, and is not the publication day."""
        if self.last_day is None:
            return None
        point, time_id = self.last_day[1], self.last_day[0]
        if self.ref is not None and point.date_value() == self.ref:
            return None
        between = self.text[self.last_day_end : cand.start]
        if len(BOUNDARY.findall(between)) > FRAME_SENTENCES:
            return None
        return point, time_id

    def day_base(self) -> tuple[Point | None, str]:
        """What "that day", "the same day", "the next day" count from: the last day the text
        has set, else the publication day."""
        if self.last_day is not None:
            return replace(self.last_day[1], clock=None), self.last_day[0]
        if self.ref is not None:
            return Point.of_day(self.ref), "publication"
        return None, "publication"

    def base(self) -> tuple[Point | None, str]:
        """The point a chained expression counts from: the last dated one, else publication."""
        if self.previous is not None:
            return self.previous[1], "previous"
        if self.ref is not None:
            return Point.of_day(self.ref), "publication"
        return None, "publication"


def timex_duration(n: float | None, unit: str) -> str:
    """The TIMEX3 duration value of n units: P3Y, P20Y (two decades), PT30M, PXDE."""
    if n is not None and unit in YEARS_IN_UNIT:
        return duration_value(n * YEARS_IN_UNIT[unit], "year")
    return duration_value(n, unit)


def dated(point: Point, anchor: str | None, *, kind: str = "DATE") -> Reading:
    return Reading(kind, point.value, point.interval, anchor, point)


def month_number(name: str) -> int:
    return load_lexicon().months[name.rstrip(".")]


def year_number(raw: str) -> int:
    digits = "".join(ch for ch in raw if ch.isdigit())
    year = int(digits)
    return year + (2000 if year < 50 else 1900) if len(digits) == 2 else year


def relative_year(rel: str, ref: date | None, ctx: Context) -> tuple[int | None, str]:
    """The year of "this year", "last year", "the previous year"..."""
    word = rel.split()[-2] if rel.split()[-1] == "year" else rel
    offset = PAST_REFS.get(word, 0)
    if word in ("previous", "following", "same"):
        base, anchor = ctx.base()
        return (None if base is None or base.year is None else base.year + offset), anchor
    return (None if ref is None else ref.year + offset), "publication"


def infer_year(month: int, day: int | None, cand: Candidate, ctx: Context) -> int | None:
    """The year of a month (and day) named without one, from the publication date and tense."""
    ref = ctx.ref
    if ref is None:
        return None
    year = ref.year
    here = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    tense = ctx.tense(cand)
    if tense == "past" and here > now:
        return year - 1
    if tense == "future" and here < now:
        behind = (ref.year * 12 + ref.month) - (year * 12 + month)
        if behind <= MAX_MONTHS_AWAY and ctx.tense(cand, futurate=False) is None:
            # a present that schedules ("the ban takes effect on March 18") names a day
            # ahead, but a day this close behind is more often the one it reports ("the
            # shooting comes after the killing on March 18")
            return year
        return year + 1
    if month - ref.month > MAX_MONTHS_AWAY:
        return year - 1  # "December" in a January report, said without a tense
    return year


def unknown_value(unit: str) -> str:
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "decade": "XXX",
        "century": "XX",
    }.get(unit, "XXXX")
