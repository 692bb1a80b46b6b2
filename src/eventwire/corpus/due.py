"""Due times of commitments: which event times are deadlines, and the last day of each.

"by September 2025", "on 1 May", "during 2026" give the last day of the time they name
(2025-09-30, 05-01, 2026-12-31); "before September 2025" the day before it begins
(2025-08-31). The event time's interval says the range where the times stage gave one;
else the TIMEX3 value is read (a year, month, day, ISO week, quarter or half).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.model import EventTime

# Relations that make a planned event a commitment (the by, on, before, during).
DUE_RELATIONS = frozenset({"by", "on", "before", "during"})
# A later report may also move a due date with "until" ("postponed until 2026").
NEW_DUE_RELATIONS = DUE_RELATIONS | {"until"}
# Modalities that promise an event.
PROMISED = frozenset({"planned", "expected"})

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")


@dataclass(frozen=True, slots=True)
class Due:
    relation: str
    value: str
    start: str | None  # the interval as the event time gave it
    end: str | None
    deadline: date  # the last day it may happen on

    def to_dict(self) -> dict[str, object]:
        interval = None if self.start is None and self.end is None else [self.start, self.end]
        return {"relation": self.relation, "value": self.value, "interval": interval}


def value_range(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value names; None for other values."""
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    except ValueError:
        return None
    return None


def day_of(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def due_of(time: EventTime | None, *, relations: frozenset[str] = DUE_RELATIONS) -> Due | None:
    """The due time an event time sets, when it is a deadline; else None."""
    if time is None or time.relation not in relations:
        return None
    interval = time.interval or (None, None)
    first, last = day_of(interval[0]), day_of(interval[1])
    named = value_range(time.value)
    if first is None and named is not None:
        first = named[0]
    if last is None and named is not None:
        last = named[1]
    if time.relation == "before":
        deadline = None if first is None or first == date.min else first - timedelta(days=1)
    else:
        deadline = last
    if deadline is None or deadline == date.max:
        return None
    return Due(time.relation, time.value, interval[0], interval[1], deadline)
