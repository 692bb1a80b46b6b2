"""Ranges: "from 2009 to 2011", "between 2014 and 2016", "from March to June".

TimeML reads such a range as the two dates it joins and the stretch between them, a
DURATION whose begin and end points are those dates; MEANTIME gives that duration its own
span over the whole range, its opening word included ("from 2009 to 2011": "from" is part
of the range, not a preposition relating it to an event). The time stage keeps both dates
and adds the duration over them, valued by the count of units between the two ends at
their common grain ("from 2009 to 2011" -> P2Y, "from March to June" -> P3M, "from June 5
to June 8" -> P3D), with the interval from the first day of the first date to the last
day of the second.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date

from eventwire.model import Span, TimeExpr

# the words that open a range before its first date, and the word that joins it to its second
RANGE_JOINS = {"from": r"to|until|till|through|thru", "between": r"and"}
BEFORE_FIRST = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)
GRAIN_OF_VALUE = (
    ("year", re.compile(r"\d{4}")),
    ("month", re.compile(r"\d{4}-\d\d")),
    ("day", re.compile(r"\d{4}-\d\d-\d\d")),
)
UNIT_CODES = {"year": "Y", "month": "M", "day": "D"}


def value_grain(value: str) -> str | None:
    return next((grain for grain, form in GRAIN_OF_VALUE if form.fullmatch(value)), None)


def units_between(first: str, last: str, grain: str) -> int:
    """How many years, months or days the second value lies after the first."""
    if grain == "year":
        return int(last) - int(first)
    if grain == "month":
        (y1, m1), (y2, m2) = (map(int, v.split("-")) for v in (first, last))
        return (y2 * 12 + m2) - (y1 * 12 + m1)
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def range_between(text: str, first: TimeExpr, last: TimeExpr, stage: str) -> TimeExpr | None:
    """The DURATION of "from <first> to <last>" or "between <first> and <last>", when the two
    are dates at the same grain (year, month or day) and the second comes after the first."""
    if first.type != "DATE" or last.type != "DATE":
        return None
    opener = BEFORE_FIRST.search(text, max(0, first.span.start - 10), first.span.start)
    if opener is None:
        return None
    joins = RANGE_JOINS[opener.group(1).lower()]
    if not re.fullmatch(rf"\s+(?:{joins})\s+", text[first.span.end : last.span.start], re.I):
        return None
    grain = value_grain(first.value)
    if grain is None or grain != value_grain(last.value):
        return None
    count = units_between(first.value, last.value, grain)
    if count <= 0:
        return None
    interval = None
    if first.interval is not None and last.interval is not None:
        interval = (first.interval[0], last.interval[1])
    return TimeExpr(
        "",
        Span(opener.start(1), last.span.end),
        "DURATION",
        f"P{count}{UNIT_CODES[grain]}",
        interval,
        None,
        stage,
    )


def add_ranges(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """The times with a DURATION added before each range's first date (it starts earlier, at
    "from" or "between"), ids renumbered in text order (t1, t2, ...) and anchors following
    their expressions' new ids."""
    ranges: dict[str, TimeExpr] = {}
    for first, last in itertools.pairwise(times):
        found = range_between(text, first, last, first.stage)
        if found is not None:
            ranges[first.id] = found
    if not ranges:
        return times
    ordered: list[TimeExpr] = []
    for time in times:
        if time.id in ranges:
            ordered.append(ranges[time.id])
        ordered.append(time)
    new_ids = {id(t): f"t{n}" for n, t in enumerate(ordered, 1)}
    renamed = {t.id: new_ids[id(t)] for t in times}
    return [
        replace(t, id=new_ids[id(t)], anchor=renamed.get(t.anchor or "", t.anchor)) for t in ordered
    ]
