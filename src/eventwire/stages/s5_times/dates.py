"""Rule handlers for calendar expressions: full and partial dates, months, years, decades,
quarters, seasons, weekdays, clock times and today/yesterday/tomorrow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.stages.s5_times.context import (
    CURRENCY_BEFORE,
    QUARTER_ORDINALS,
    Context,
    Reading,
    dated,
    infer_year,
    month_number,
    relative_year,
    year_number,
)
from eventwire.stages.s5_times.normalise import Point, check_year, shift_date
from eventwire.stages.s5_times.timex import Candidate, load_lexicon


def full_date(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    if cand.rule == "date_slash":
        first, second = int(g["a"]), int(g["b"])
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        month = int(g["mon"]) if g["mon"].isdigit() else month_number(g["mon"])
        day = int("".join(ch for ch in g["day"] if ch.isdigit()))
    try:
        point = Point.of_day(date(year_number(g["year"]), month, day))
    except ValueError:
        return None
    return dated(point, None)


def day_month(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    month = month_number(g.get("mon") or g["mon2"])
    day = int("".join(ch for ch in (g.get("day") or g["day2"]) if ch.isdigit()))
    if "rel" in g:
        year, anchor = relative_year(g["rel"], ctx.ref, ctx)
    else:
        year, anchor = infer_year(month, day, cand, ctx), "publication"
    if year is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", None, None)
    try:
        return dated(Point.of_day(date(check_year(year), month, day)), anchor)
    except ValueError:
        return None


def month_year(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    return dated(Point("month", year_number(g["year"]), month_number(g["mon"])), None)


def month_rel(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    month = month_number(g.get("mon") or g["mon2"])
    if "rel" in g:
        year, anchor = relative_year(g["rel"], ctx.ref, ctx)
    else:
        year, anchor = infer_year(month, None, cand, ctx), "publication"
        if year is not None and ctx.ref is not None:
            rel = g["rel2"].lower()
            if rel == "last" and (year, month) >= (ctx.ref.year, ctx.ref.month):
                year -= 1
            elif rel in ("next", "coming") and (year, month) <= (ctx.ref.year, ctx.ref.month):
                year += 1
    return dated(Point("month", year, month), anchor if year is not None else None)


def month_alone(cand: Candidate, ctx: Context) -> Reading | None:
    name = cand.groups["mon"]
    lex = load_lexicon()
    if name.rstrip(".") not in lex.months or (
        len(name.rstrip(".")) <= 4 and name not in ("June", "July", "May")
    ):
        return None  # abbreviations are too ambiguous alone
    if name in lex.ambiguous_months and cand.lead is None and "modifier" not in cand.groups:
        return None
    month = month_number(name)
    if "ofrel" in cand.groups:  # "October of next year": the year is its own expression
        year, _ = relative_year(cand.groups["ofrel"] + " year", ctx.ref, ctx)
    else:
        year = infer_year(month, None, cand, ctx)
    return dated(Point("month", year, month), "publication" if year is not None else None)


def year_alone(cand: Candidate, ctx: Context) -> Reading | None:
    if CURRENCY_BEFORE.search(ctx.before(cand, 4)):
        return None  # "$ 2008" (tokenised text) is an amount
    return dated(Point("year", year_number(cand.groups["year"])), None)


def decade(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    century = int(g["c"]) if "c" in g else (20 if g["d"] == "0" else 19)
    return dated(Point("decade", century * 100 + int(g["d"]) * 10), None)


def quarter(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    if "q" in g:
        n, grain, raw_year, rel = int(g["q"]), "quarter", g.get("year2"), None
    else:
        grain = g["unit"].lower()
        n = QUARTER_ORDINALS[g["ord"].lower()]
        raw_year, rel = g.get("year"), g.get("rel")
        if grain == "half":
            n = 1 if n == 1 else 2
    anchor: str | None = None
    if raw_year:
        year: int | None = year_number(raw_year)
    elif rel:
        year, anchor = relative_year(rel, ctx.ref, ctx)
    else:
        year = None if ctx.ref is None else ctx.ref.year
        anchor = "publication"
        if ctx.ref is not None and ctx.tense(cand) == "past" and n > (ctx.ref.month - 1) // 3 + 1:
            year = ctx.ref.year - 1
    if grain == "half":
        point = Point("half", year, 1 if n == 1 else 7, code=f"H{n}")
    else:
        point = Point("quarter", year, 3 * n - 2, code=f"Q{n}")
    return dated(point, anchor if year is not None else None)


def season(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    code = load_lexicon().seasons[g["season"].lower()]
    if (
        "year" not in g
        and "rel" not in g
        and cand.lead not in ("in", "during", "by", "until", "since", "through")
    ):
        return None
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    anchor: str | None = None
    if "year" in g:
        year: int | None = year_number(g["year"])
    else:
        year, anchor = (None if ctx.ref is None else ctx.ref.year), "publication"
        rel = (g.get("rel") or "").lower()
        if year is not None:
            year += {"last": -1, "next": 1}.get(rel, 0)
    return dated(Point("season", year, start_month, code=code), anchor if year else None)


def deictic(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    word = (g.get("word") or g.get("this") or "").lower()
    part = (g.get("part") or g.get("part2") or "").lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    if word == "tonight":
        part = "night"
    clock = f"T{load_lexicon().day_parts[part]}" if part else None
    if word == "last" and part != "night":
        offset = 0  # "last evening" is the evening before; rare, treated as the same day
    if ctx.ref is None:
        return Reading("TIME" if clock else "DATE", "XXXX-XX-XX" + (clock or ""), None, None)
    point = Point.of_day(shift_date(ctx.ref, offset, "day"), clock=clock)
    return dated(point, "publication", kind="TIME" if clock else "DATE")


def weekday_point(name: str, rel: str | None, cand: Candidate, ctx: Context) -> Point | None:
    wd = load_lexicon().weekdays[name]
    if ctx.ref is None:
        return Point("day", None, weekday=wd)
    today = ctx.ref.isoweekday()
    future = rel in ("next", "coming") or (rel is None and ctx.tense(cand) == "future")
    if future:
        ahead = (wd - today) % 7
        if rel in ("next", "coming") and ahead == 0:
            ahead = 7
        return Point.of_day(shift_date(ctx.ref, ahead, "day"))
    back = (today - wd) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    return Point.of_day(shift_date(ctx.ref, -back, "day"))


def weekday(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    point = weekday_point(g["wd"], (g.get("rel") or "").lower() or None, cand, ctx)
    if point is None:
        return None
    part = (g.get("part") or "").lower()
    if part:
        point = replace(point, clock=f"T{load_lexicon().day_parts[part]}")
    anchor = "publication" if point.year is not None else None
    return dated(point, anchor, kind="TIME" if part else "DATE")


def clock(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    hour, minute = int(g["h"]), int(g.get("mi") or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    tz = g.get("tz", "").upper()
    suffix = "Z" if tz in ("UTC", "GMT", "Z") else ""
    clock_value = f"T{hour:02d}:{minute:02d}{suffix}"
    day_word = g.get("wd1") or g.get("wd2")
    day: Point | None
    anchor = "publication"
    earlier = ctx.same_sentence_day(cand) if day_word is None else None
    if earlier is not None:
        day, anchor = earlier
    elif day_word is None or day_word.lower() in ("today", "tonight"):
        day = None if ctx.ref is None else Point.of_day(ctx.ref)
    elif day_word.lower() in ("yesterday", "tomorrow"):
        offset = -1 if day_word.lower() == "yesterday" else 1
        day = None if ctx.ref is None else Point.of_day(shift_date(ctx.ref, offset, "day"))
    else:
        day = weekday_point(day_word, None, cand, ctx)
    if day is None or day.year is None:
        return Reading("TIME", "XXXX-XX-XX" + clock_value, None, None)
    return dated(replace(day, clock=clock_value), anchor, kind="TIME")
