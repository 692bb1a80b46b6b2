"""Time stage: find TIMEX3 expressions and resolve them against the publication date.

Reads `doc.article.text`, `doc.article.published` and `doc.parsed` (for the tense that
decides whether a bare "Friday" or "June 18" lies before or after publication). Adds
`doc.times`: one `TimeExpr` per expression, in text order, with a TIMEX3 value, an interval
[earliest, latest] where the value has one, and its anchor: "publication" when resolved
against the publication date, the id of an earlier expression when the text chains them
("by September 2025 ... after another year" -> 2026-09), or None when absolute.

Without a publication date, relative expressions keep unresolved TIMEX3 forms ("XXXX-09",
"XXXX-XX-XX"); no year is ever invented. A timezone-aware publication datetime is read in its
own timezone: "today" is the publication's local calendar day. An expression that lands
outside the calendar (years 1-9999: "800000 days ago", "tomorrow" published 9999-12-31) is
clamped: PAST_REF ending 0001-01-01, or FUTURE_REF starting 9999-12-31, with a warning.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime

from eventwire.model import Doc, Span, TimeExpr
from eventwire.stages.s5_times import dates as cal
from eventwire.stages.s5_times import relative as rel
from eventwire.stages.s5_times.context import Context, Reading
from eventwire.stages.s5_times.normalise import OutOfCalendar, Point
from eventwire.stages.s5_times.ranges import add_ranges
from eventwire.stages.s5_times.timex import Candidate, find_candidates, load_lexicon

log = logging.getLogger(__name__)

STAGE = "times/1"


def reference_date(published: date | datetime | None) -> date | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()  # the local date in the datetime's own timezone
    return published


class TimeStage:
    name = "times"
    needs = frozenset({"parsed"})
    gives = frozenset({"times"})

    def __init__(self) -> None:
        load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        return replace(doc, times=tuple(find_times(doc)))


def find_times(doc: Doc) -> list[TimeExpr]:
    text = doc.article.text
    ref = reference_date(doc.article.published)
    times: list[TimeExpr] = []
    previous: tuple[str, Point] | None = None
    previous_end = 0
    last_day: tuple[str, Point] | None = None
    last_day_end = 0
    candidates = find_candidates(text)
    day_first = writes_day_first(candidates)
    for n, cand in enumerate(candidates):
        context = Context(
            text=text,
            ref=ref,
            previous=previous,
            parsed=doc.parsed,
            previous_end=previous_end,
            last_day=last_day,
            last_day_end=last_day_end,
            day_first=day_first,
        )
        if cand.rule == "clock" and n + 1 < len(candidates):
            context = replace(context, day_after=day_after(cand, candidates[n + 1], context))
        try:
            reading = resolve(cand, context)
        except OutOfCalendar as exc:
            reading = beyond_calendar(exc.direction, context)
            where = text[cand.start : cand.end]
            log.warning(
                "article %s: %r: %s; given as %s", doc.article.id, where, exc, reading.value
            )
        if reading is None:
            continue
        time_id = f"t{len(times) + 1}"
        anchor = reading.anchor
        if anchor == "previous":
            anchor = previous[0] if previous is not None else "publication"
        times.append(
            TimeExpr(
                time_id,
                Span(cand.start, cand.end),
                reading.type,
                reading.value,
                reading.interval,
                anchor,
                STAGE,
            )
        )
        if reading.point is not None and reading.point.year is not None and not compares(cand):
            previous = (time_id, reading.point)
            previous_end = cand.end
            if reading.point.grain == "day" and reading.point.day is not None:
                last_day, last_day_end = (time_id, reading.point), cand.end
    times = add_ranges(text, times)
    log.debug("article %s: %d time expressions", doc.article.id, len(times))
    return times


def compares(cand: Candidate) -> bool:
    """ "(fell 4% in the fiscal year) compared to the previous year ... the first nine months of
    the preceding fiscal year": a period named as the one before, to compare with; the next
    such expression counts from the same period again, not from this one."""
    rel = (cand.groups.get("rel") or "").lower()
    return cand.rule == "rel_unit" and "the" in cand.groups and rel in ("previous", "preceding")


def writes_day_first(candidates: list[Candidate]) -> bool:
    """Whether the text's slashed dates put the day first: one of them can only be read so
    ("30/04/2018") and none only the other way ("04/30/2018")."""
    slashed = [(int(c.groups["a"]), int(c.groups["b"])) for c in candidates
               if c.rule == "date_slash"]  # fmt: skip
    return any(a > 12 for a, _ in slashed) and not any(b > 12 for _, b in slashed)


def beyond_calendar(direction: int, ctx: Context) -> Reading:
    """The clamped reading of an expression outside years 1-9999: before its first day, or
    after its last."""
    anchor = "publication" if ctx.ref is not None else None
    if direction < 0:
        return Reading("DATE", "PAST_REF", (None, date.min.isoformat()), anchor)
    return Reading("DATE", "FUTURE_REF", (date.max.isoformat(), None), anchor)


# Day expressions that may follow a clock time and give it its day ("16:15 UTC, June 1st").
DAY_RULES = frozenset({"date_mdy", "date_dmy", "date_iso", "date_slash", "date_dot", "date_dm",
                       "date_rel_dm", "weekday", "deictic"})  # fmt: skip
CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?")


def day_after(
    clock: Candidate, following: Candidate, ctx: Context
) -> tuple[Point, str | None] | None:
    """The day a clock time is given right after it, resolved in the clock's context."""
    if following.rule not in DAY_RULES:
        return None
    if not CLOCK_THEN_DAY.fullmatch(ctx.text, clock.end, following.start):
        return None
    try:
        reading = resolve(following, ctx)
    except OutOfCalendar:
        return None
    point = reading.point if reading is not None else None
    if reading is None or point is None or point.grain != "day" or point.day is None:
        return None
    anchor = reading.anchor
    if anchor == "previous":
        anchor = ctx.previous[0] if ctx.previous is not None else "publication"
    return point, anchor


def resolve(cand: Candidate, ctx: Context) -> Reading | None:
    handler = HANDLERS[cand.rule]
    return handler(cand, ctx)


HANDLERS = {
    "date_mdy": cal.full_date,
    "date_dmy": cal.full_date,
    "date_iso": cal.full_date,
    "date_slash": cal.full_date,
    "date_dot": cal.full_date,
    "date_rel_dm": cal.day_month,
    "date_dm": cal.day_month,
    "month_year": cal.month_year,
    "month_rel": cal.month_rel,
    "month": cal.month_alone,
    "year": cal.year_alone,
    "old_year": cal.year_alone,
    "decade": cal.decade,
    "century": cal.century,
    "weekend": cal.weekend,
    "quarter": cal.quarter,
    "season": cal.season,
    "same_ago": rel.same_ago,
    "rel_unit": rel.rel_unit,
    "the_unit": rel.the_unit,
    "unit_rel": rel.unit_rel,
    "deictic": cal.deictic,
    "clock": cal.clock,
    "day_part": cal.day_part,
    "range_start": rel.duration,
    "weekday": cal.weekday,
    "ago": rel.ago,
    "another": rel.another,
    "duration": rel.duration,
    "bare_of": rel.bare_units,
    "the_years": rel.bare_units,
    "whole_unit": rel.whole_unit,
    "the_quarter": rel.the_quarter,
    "bare_after": rel.bare_units,
    "set": rel.recurring,
    "reference": rel.reference,
}
