"""Calendar points at a granularity, their TIMEX3 values, intervals and arithmetic.

A `Point` is a calendar unit: a year, a quarter, a month, an ISO week, a day (optionally
with a clock time or a part of the day), a season, a half-year or a decade. Its `year` is
None when the text gives no year and no publication date supplies one: such a point prints
with X placeholders ("XXXX-09", "XXXX-XX-XX") and has no interval; nothing here invents a
year.

The calendar ends where Python's dates do, at years 1 and 9999. Arithmetic that would leave
it ("800000 days ago", "tomorrow" published 9999-12-31) raises `OutOfCalendar`, which says
on which side; the time stage turns it into a clamped value (PAST_REF before 0001-01-01,
FUTURE_REF after 9999-12-31) rather than failing the article.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import MAXYEAR, MINYEAR, date, timedelta

GRAINS = ("decade", "year", "half", "quarter", "season", "month", "week", "day")

# Grains whose points move month by month.
MONTHLY_GRAINS = frozenset({"month", "quarter", "half", "season", "day"})

UNIT_CODES = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
# A unit in whole smaller ones, for less than one of it: half a day is 12 hours.
SMALLER_UNITS = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60),
                 "minute": ("second", 60)}  # fmt: skip
# Units counted in another unit's code: a fortnight is two weeks.
UNIT_FACTORS = {"fortnight": 2}


class OutOfCalendar(ArithmeticError):
    """A point placed or moved outside years 1-9999: `direction` is -1 before the calendar's
    start, +1 after its end."""

    def __init__(self, direction: int) -> None:
        side = f"before the year {MINYEAR}" if direction < 0 else f"after the year {MAXYEAR}"
        super().__init__(f"the date falls {side}")
        self.direction = direction


def check_year(year: int) -> int:
    """The year, when the calendar holds it; else OutOfCalendar."""
    if year < MINYEAR:
        raise OutOfCalendar(-1)
    if year > MAXYEAR:
        raise OutOfCalendar(1)
    return year


@dataclass(frozen=True, slots=True)
class Point:
    grain: str  # one of GRAINS
    year: int | None
    month: int | None = None  # also the first month of a quarter, half or season
    day: int | None = None
    week: int | None = None  # ISO week number (grain "week")
    weekday: int | None = None  # 1-7, for a weekday whose date is unknown
    code: str | None = None  # quarter "Q3", half "H1", season "SU", weekend "WE"
    clock: str | None = None  # "T18:00", "T18:00Z", "TMO", "TNI"

    @classmethod
    def of_day(cls, d: date, *, clock: str | None = None) -> Point:
        return cls("day", d.year, d.month, d.day, clock=clock)

    @classmethod
    def of_week(cls, d: date, *, code: str | None = None) -> Point:
        year, week, _ = d.isocalendar()
        return cls("week", year, week=week, code=code, month=d.month, day=d.day)

    @property
    def value(self) -> str:
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.grain == "decade":
            return y[:3]
        if self.grain == "year":
            return y
        if self.grain in ("half", "quarter", "season"):
            return f"{y}-{self.code}"
        if self.grain == "week":
            wk = "WXX" if self.year is None else f"W{self.week:02d}"
            return f"{y}-{wk}" + (f"-{self.code}" if self.code else "")
        mm = "XX" if self.month is None else f"{self.month:02d}"
        if self.grain == "month":
            return f"{y}-{mm}"
        if self.day is None and self.weekday is not None:
            return f"{y}-WXX-{self.weekday}"
        dd = "XX" if self.day is None else f"{self.day:02d}"
        return f"{y}-{mm}-{dd}" + (self.clock or "")

    @property
    def interval(self) -> tuple[str, str] | None:
        first, last = self.bounds()
        if first is None or last is None:
            return None
        return first.isoformat(), last.isoformat()

    def bounds(self) -> tuple[date | None, date | None]:
        if self.year is None:
            return None, None
        y = self.year - self.year % 10 if self.grain == "decade" else self.year
        check_year(y + 9 if self.grain == "decade" else y)  # the decade "000" holds years 1-9
        if self.grain == "decade":
            return date(max(y, MINYEAR), 1, 1), date(min(y + 9, MAXYEAR), 12, 31)
        if self.grain == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if self.grain == "week":
            monday = date.fromisocalendar(y, self.week or 1, 1)
            if self.code == "WE":
                return days_after(monday, 5), days_after(monday, 6)
            return monday, days_after(monday, 6)
        if self.month is None:
            return None, None
        if self.grain in ("half", "quarter", "season"):
            span = {"half": 6, "quarter": 3, "season": 3}[self.grain]
            return date(y, self.month, 1), month_end(*add_months(y, self.month, span - 1))
        if self.grain == "month":
            return date(y, self.month, 1), month_end(y, self.month)
        if self.day is None:
            return None, None
        d = date(y, self.month, self.day)
        return d, d

    def date_value(self) -> date | None:
        """The first day of the point, when it is known."""
        return self.bounds()[0]

    def shift(self, n: int | float, unit: str) -> Point:
        """The point moved by n units, at its own granularity ("2025-09" + 1 year = "2026-09");
        OutOfCalendar when that leaves years 1-9999."""
        if self.year is None:
            return self
        try:
            moved = self.moved(n, unit)
            moved.bounds()  # OutOfCalendar when it lies outside
        except (OverflowError, ValueError) as exc:
            raise OutOfCalendar(-1 if n < 0 else 1) from exc
        return moved

    def moved(self, n: int | float, unit: str) -> Point:
        assert self.year is not None
        steps = int(n) * UNIT_FACTORS.get(unit, 1)
        if unit in ("year", "decade", "century"):
            years = steps * {"year": 1, "decade": 10, "century": 100}[unit]
            moved = replace(self, year=self.year + years)
            if self.grain == "day" and self.month == 2 and self.day == 29:
                moved = replace(moved, day=min(29, calendar.monthrange(moved.year, 2)[1]))
            return moved
        if unit in ("month", "quarter") and self.grain in MONTHLY_GRAINS:
            months = steps * (3 if unit == "quarter" else 1)
            y, m = add_months(self.year, self.month or 1, months)
            moved = replace(self, year=y, month=m)
            if self.grain == "quarter":
                moved = replace(moved, code=f"Q{(m - 1) // 3 + 1}")
            if self.grain == "day" and self.day is not None:
                moved = replace(moved, day=min(self.day, calendar.monthrange(y, m)[1]))
            return moved
        if unit in ("week", "fortnight", "day", "night") and self.grain in ("day", "week"):
            start = self.date_value()
            if start is None:
                return self
            days = steps * (1 if unit in ("day", "night") else 7)
            if self.grain == "week":
                return Point.of_week(start + timedelta(days=days), code=self.code)
            return Point.of_day(start + timedelta(days=days), clock=self.clock)
        return self

    def coarsen(self, grain: str) -> Point:
        """The enclosing unit at a coarser grain (a day -> its month, its year, its week)."""
        if self.year is None or grain == self.grain:
            return replace(self, grain=grain) if self.year is None else self
        start = self.date_value()
        if start is None:
            return self
        if grain == "week":
            return Point.of_week(start)
        if grain == "month":
            return Point("month", start.year, start.month)
        if grain == "quarter":
            q = (start.month - 1) // 3
            return Point("quarter", start.year, 3 * q + 1, code=f"Q{q + 1}")
        if grain == "decade":
            return Point("decade", start.year - start.year % 10)
        return Point("year", start.year)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    """The month's last day (9999-12-31 for a month past it: a season running over)."""
    if year > MAXYEAR:
        return date.max
    return date(year, month, calendar.monthrange(year, month)[1])


def days_after(d: date, days: int) -> date:
    """The day `days` after `d`, or 9999-12-31 for the last week of the calendar."""
    return date.max if d > date.max - timedelta(days=days) else d + timedelta(days=days)


def shift_date(d: date, n: int | float, unit: str) -> date:
    """A date moved by n units (fractions of years and months are rounded to months);
    OutOfCalendar when that leaves years 1-9999."""
    if unit in TIME_UNITS:
        return d
    try:
        return moved_date(d, n, unit)
    except (OverflowError, ValueError) as exc:
        raise OutOfCalendar(-1 if n < 0 else 1) from exc


def moved_date(d: date, n: int | float, unit: str) -> date:
    if unit in ("year", "decade", "century", "month", "quarter"):
        per = {"year": 12, "decade": 120, "century": 1200, "month": 1, "quarter": 3}[unit]
        y, m = add_months(d.year, d.month, round(n * per))
        return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    days = {"day": 1, "night": 1, "week": 7, "fortnight": 14}[unit]
    return d + timedelta(days=round(n * days))


def duration_value(n: int | float | None, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT30M, P2.5Y, PXM (n None: an unknown number of units); less
    than one unit in whole smaller ones where they divide it ("half an hour": PT30M)."""
    count = n * UNIT_FACTORS.get(unit, 1) if n is not None else None
    if count is not None and 0 < count < 1 and unit in SMALLER_UNITS:
        smaller, times = SMALLER_UNITS[unit]
        if float(count * times).is_integer():
            return duration_value(count * times, smaller)
    code = UNIT_CODES[unit]
    if count is None or not math.isfinite(count):
        amount = "X"
    elif float(count).is_integer():
        amount = str(int(count))
    else:
        amount = f"{count:g}"
    return f"PT{amount}{code}" if unit in TIME_UNITS else f"P{amount}{code}"
