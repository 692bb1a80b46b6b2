"""Rule handlers for expressions counted from another time: "last week", "the following
year", "two days ago", "after another year", durations, recurring times (SET) and vague
references (PAST_REF, PRESENT_REF, FUTURE_REF)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventwire.stages.s5_times.context import (
    DURATION_LEADS,
    GRAIN_OF_UNIT,
    PAST_REFS,
    Context,
    Reading,
    dated,
    timex_duration,
    unknown_value,
)
from eventwire.stages.s5_times.normalise import OutOfCalendar, Point, shift_date
from eventwire.stages.s5_times.timex import Candidate, load_lexicon, number_value

OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")


def unit_point(unit: str, ref: date) -> Point:
    day = Point.of_day(ref)
    if unit == "weekend":
        return Point.of_week(ref, code="WE")
    return day.coarsen(unit) if unit != "day" else day


def the_unit(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the end of the month": the present week, month, year or decade."""
    return rel_unit(replace(cand, groups={**cand.groups, "rel": "this"}), ctx)


# A clause right after "the last day", "the day after": the day is that of the clause's
# event ("the last day I saw her", "the day after she was last seen"), not one counted from
# the publication or the story's day.
CLAUSE_AFTER = re.compile(
    r"\s+(?:that|when|I|you|he|she|we|they|it|his|her|their|its|my|our)\s+(?!of\b)"
)


def rel_unit(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    rel, unit = g["rel"].lower(), g["unit"].lower()
    the = "the" in g
    if the and rel in ("last", "first", "same") and CLAUSE_AFTER.match(ctx.text, cand.end):
        return None
    # "the past year", "in the last decade": the stretch up to publication (TimeML's
    # DURATION); "the last week of March" is a part of March, "last week" a calendar week
    stretch = rel in ("past", "last") and unit not in ("day", "weekend")
    # "the last school year", "the last fiscal year" are the one before, not a stretch
    stretch = stretch and not OF_AFTER.match(ctx.text, cand.end) and "kind" not in g
    if the and (
        (rel in ("next", "coming") and cand.lead in DURATION_LEADS)
        or stretch
        or (rel in ("past", "last") and cand.lead in ("over", "within", "during"))
    ):
        return duration_reading(1, unit if unit != "weekend" else "week", rel, cand, ctx)
    chained = the and rel in ("previous", "preceding", "following", "same", "next")
    step = "week" if unit == "weekend" else unit
    if chained:
        base, anchor = ctx.day_base() if unit == "day" else ctx.base()
        if base is None or base.year is None:
            return Reading("DATE", unknown_value(unit), None, None)
        point = base.coarsen(step) if step != "day" or base.grain == "day" else base
    else:
        anchor = "publication"
        if ctx.ref is None:
            return Reading("DATE", unknown_value(unit), None, None)
        point = unit_point(unit, ctx.ref)
    point = point.shift(PAST_REFS[rel], step)
    if unit == "weekend":
        point = replace(point, code="WE")
    return dated(point, anchor)


def unit_rel(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    unit = g["unit"].lower()
    if g["dir"].lower() in ("before", "after") and CLAUSE_AFTER.match(ctx.text, cand.end):
        return None
    offset = -1 if g["dir"].lower() in ("before", "earlier", "previous", "prior") else 1
    base, anchor = ctx.day_base() if unit == "day" else ctx.base()
    if base is None or base.year is None:
        return Reading("DATE", unknown_value(unit), None, None)
    point = base.coarsen(unit) if unit != "day" else base
    return dated(point.shift(offset, unit), anchor)


def whole_unit(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the entire year", "that day", "later in the day": the last dated expression's unit;
    a day is the last day the text has set, else the publication day."""
    unit = (cand.groups.get("unit") or cand.groups["unit2"]).lower()
    base, anchor = ctx.day_base() if unit == "day" else ctx.base()
    if base is not None and finer(unit, base.grain) and ctx.ref is not None:
        # "(in March) ... earlier in the week": a month holds no one week; the story's
        # week is the publication's
        base, anchor = Point.of_day(ctx.ref), "publication"
    if base is None or base.year is None:
        return Reading("DATE", unknown_value(unit), None, None)
    if unit == "time":
        point = base
    else:
        point = base.coarsen(unit) if unit != "day" or base.grain != "day" else base
    return dated(point, anchor)


GRAINS = ("day", "week", "month", "quarter", "year", "decade")


def finer(unit: str, grain: str) -> bool:
    """Whether a unit is finer than a grain, so that the grain holds many of it."""
    if unit not in GRAINS or grain not in GRAINS:
        return False
    return GRAINS.index(unit) < GRAINS.index(grain)


# The prepositions that make "the quarter" the period a report is about ("sales rose in the
# quarter"); without one ("the quarter-final", "the quarter of its dealers") it is no time.
QUARTER_LEADS = frozenset({"in", "for", "during", "over", "through", "throughout"})


def the_quarter(cand: Candidate, ctx: Context) -> Reading | None:
    """ "in the quarter": the quarter the text has just named ("GM lost $6 billion in the first
    quarter of 2009 ... In the quarter, revenue fell"); without one, nothing is guessed."""
    if cand.lead not in QUARTER_LEADS or "Quarter" in ctx.text[cand.start : cand.end]:
        return None  # "the French Quarter": a name
    if ctx.previous is None or ctx.previous[1].grain != "quarter":
        return None
    return dated(ctx.previous[1], "previous")


def same_ago(cand: Candidate, ctx: Context) -> Reading | None:
    unit = cand.groups["unit"].lower()
    base, anchor = ctx.base()
    if base is None or base.year is None:
        return Reading("DATE", unknown_value(unit), None, None)
    point = base if unit in ("period", "time") else base.coarsen(unit)
    return dated(point.shift(-1, "year"), anchor)


def ago(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    unit = load_lexicon().units[g["unit"].lower()]
    direction = (g.get("dir") or g["dir2"]).lower().split()[0]
    if "num" not in g and (g["unit"].lower() == unit or direction not in ("ago", "from")):
        return None  # "day ago", "years later": only "years ago" says when without a number
    n = number_value(g["num"]) if "num" in g else None
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("ago", "from"):
        base: Point | None = None if ctx.ref is None else Point.of_day(ctx.ref)
        anchor = "publication"
    else:
        base, anchor = ctx.base()
    grain = GRAIN_OF_UNIT.get(unit, "day")
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor)
    if base is None or base.year is None:
        return Reading("DATE", unknown_value(grain), None, None)
    if anchor == "publication" or base.grain == "day":
        start = base.date_value()
        assert start is not None
        moved = Point.of_day(shift_date(start, sign * n, unit))
        point = moved if grain == "day" else moved.coarsen(grain)
    else:
        point = base.shift(sign * n, unit)
    return dated(point, anchor)


def another(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    unit = load_lexicon().units[g["unit"].lower()]
    n = number_value(g.get("num") or "1") or 1
    if cand.lead == "within":
        return duration_reading(n, unit, None, cand, ctx)
    base, anchor = ctx.base()
    if base is None or base.year is None:
        return Reading("DATE", unknown_value(unit), None, None)
    moved = base.shift(n, unit)
    if anchor == "publication" and unit in GRAIN_OF_UNIT:
        moved = moved.coarsen(GRAIN_OF_UNIT[unit])  # "in another year" is not a precise day
    return dated(moved, anchor)


def duration_reading(
    n: float | None, unit: str, rel: str | None, cand: Candidate, ctx: Context
) -> Reading:
    value = timex_duration(n, unit)
    forward = rel in ("next", "coming", "following") or (rel is None and cand.lead == "within")
    backward = rel in ("past", "last", "previous")
    if ctx.ref is None or n is None or not (forward or backward):
        return Reading("DURATION", value, None, None)
    try:
        other: date | None = shift_date(ctx.ref, n if forward else -n, unit)
    except OutOfCalendar:
        other = None  # a window past the calendar's end: open on that side
    ends = (ctx.ref, other) if forward else (other, ctx.ref)
    interval = (iso(ends[0]), iso(ends[1]))
    return Reading("DURATION", value, interval, "publication")


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def duration(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    unit = load_lexicon().units[g["unit"].lower()]
    raw = g.get("num")
    n = number_value(raw) if raw else None
    if raw and n is None:
        return None
    if g["unit"][:1].isupper():
        return None  # "914 Second Avenue", "Three Rivers Day": a name, not a unit
    if raw and raw.lower() in ("a", "an") and g["unit"].lower() != unit:
        n = None  # "a months-long strike": the article of a vague duration
    if raw and raw.lower() in ("a", "an") and unit == "second":
        return None  # "a second" is an ordinal far more often than a duration
    if unit == "quarter" and raw and raw.lower() in ("a", "an") and cand.lead is None:
        return None  # "about a quarter of its dealers" is a fraction
    if unit == "quarter" and FRACTION_OF.match(ctx.text, cand.end):
        return None  # "one-quarter of renters", "three quarters of the vote"
    if unit == "quarter" and (cand.lead == "by" or "-quarter" in ctx.text[cand.start : cand.end]):
        return None  # "fell by nearly one-quarter", "a one-quarter stake": a fraction
    # "$ 40 million a year" is a rate; "$350 billion over a decade", "in 1989, following a
    # month-long trial" are stretches of time, their preposition says
    a_unit = bool(raw) and raw.lower() in ("a", "an") and cand.lead is None and "approx" not in g
    if a_unit and set_context(ctx.before(cand)):
        return Reading("SET", timex_duration(1, unit), None, None)
    if n is not None and ("half" in g or "half2" in g):
        n += 0.5  # "two and a half years", "an hour and a half"
    if "halfa" in g:
        n = 0.5  # "half an hour": PT30M
    rel = (g.get("rel") or "").lower() or None
    if rel in ("first", "final"):
        rel = None
    if "vague" in g and g["vague"].lower().startswith(("the past", "the last")):
        rel = "past"
    elif "vague" in g and g["vague"].lower().startswith(("the next", "the coming")):
        rel = "next"
    return duration_reading(n, unit, rel, cand, ctx)


# "quarter(s) of" something other than a span of time is a fraction ("a quarter of an hour",
# "three quarters of a century" are times)
FRACTION_OF = re.compile(
    r"\s+of\s+(?!(?:an?|the)\s+(?:hour|century|year|day|mile)\b)", re.IGNORECASE
)


def set_context(before: str) -> bool:
    """True after an amount: "15 a year", "$ 40 million a year" (a rate, so a SET)."""
    words = before.split()[-3:]
    return any(any(ch.isdigit() for ch in w) for w in words) or (
        bool(words) and words[-1] in ("times", "twice", "once")
    )


def bare_units(cand: Candidate, ctx: Context) -> Reading | None:
    unit = load_lexicon().units[cand.groups["unit"].lower()]
    return Reading("DURATION", timex_duration(None, unit), None, None)


def recurring(cand: Candidate, ctx: Context) -> Reading | None:
    """A SET, by TIMEX3's values: "every week" P1W, "every two years" P2Y, "every other
    week" P2W, "every few days" PXD, "every Monday" / "on Mondays" XXXX-WXX-1, "every
    morning" XXXX-XX-XXTMO, "every summer" XXXX-SU, "every March" XXXX-03, "daily" P1D."""
    g = cand.groups
    lex = load_lexicon()
    if "word" in g:
        if g["word"][:1].isupper() and not sentence_start(ctx.before(cand)):
            return None  # "Daily Mail", "The Weekly Standard": a name
        if is_noun_of_its_own(cand, ctx):
            return None  # "the Trend weekly reported", "told the regional daily": a paper
        value = lex.sets[g["word"].lower()]
        following = NEXT_WORD.match(ctx.text, cand.end)
        if following is not None and following.group(1).lower() in lex.amounts:
            return Reading("DURATION", value, None, None)  # "annual loss": a year's loss
        return Reading("SET", value, None, None)
    day = g.get("wd") or g.get("wds")
    part = g.get("part") or g.get("part2")
    clock = f"T{lex.day_parts[part.lower()]}" if part else ""
    if day:
        value = f"XXXX-WXX-{lex.weekdays[day]}{clock}"
    elif part:
        value = f"XXXX-XX-XX{clock}"
    elif "season" in g:
        value = f"XXXX-{lex.seasons[g['season'].lower()]}"
    elif "mon" in g:
        value = f"XXXX-{lex.months[g['mon'].rstrip('.')]:02d}"
    elif "fqunit" in g:  # "twice a week": the period (TimeML puts the count in freq)
        value = timex_duration(1, lex.units[g["fqunit"].lower()])
    elif g["unit"].lower() == "weekend":
        value = "XXXX-WXX-WE"
    else:
        unit = lex.units[g["unit"].lower()]
        raw = g.get("num") or "1"
        n = None if "vague" in g else 2 if raw.lower() == "other" else number_value(raw)
        value = timex_duration(n, unit)
    return Reading("SET", value, None, None)


def is_noun_of_its_own(cand: Candidate, ctx: Context) -> bool:
    """Whether a set word is a noun with its own article ("the weekly", "a regional daily"):
    a publication. As a modifier ("a daily basis", "the annual meeting") the article is its
    noun's."""
    if ctx.parsed is None:
        return False
    span = ctx.parsed.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    return any(c.dep_ == "det" and c.i < span[0].i for c in span[0].children)


# "soon" and "shortly" point ahead of the publication only from the present or the future:
# "police soon arrested him", "ESPN reported shortly thereafter" count from a past time.
AHEAD_OF_NOW = frozenset({"soon", "very soon", "shortly"})
# "as soon as" joins two clauses: a signal, no time of its own.
AS_SOON_AS = re.compile(r"\bas\s+$", re.IGNORECASE)
AS_AFTER = re.compile(r"\s+as\b", re.IGNORECASE)


def sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \t\"“”'‘’(")
    return not stripped or stripped[-1] in ".!?\n:"


def reference(cand: Candidate, ctx: Context) -> Reading | None:
    words = cand.groups["ref"] or ""
    if any(w[:1].isupper() for w in words.split()) and not sentence_start(ctx.before(cand)):
        return None  # "the Future Technology Week": a name, as a set word in capitals is
    key = " ".join(words.lower().split())
    if key in AHEAD_OF_NOW:
        if AS_SOON_AS.search(ctx.before(cand, 8)) and AS_AFTER.match(ctx.text, cand.end):
            return None
        if ctx.tense(cand) == "past":
            return None
    value = load_lexicon().references[key]
    if ctx.ref is None:
        return Reading("DATE", value, None, None)
    now = ctx.ref.isoformat()
    interval = {"PAST_REF": (None, now), "PRESENT_REF": (now, now), "FUTURE_REF": (now, None)}
    return Reading("DATE", value, interval[value], "publication")
