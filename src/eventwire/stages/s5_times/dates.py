"""Rule handlers for calendar expressions: full and partial dates, months, years, decades,
quarters, seasons, weekdays, clock times and today/yesterday/tomorrow."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

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
        day_first = first > 12 or (ctx.day_first and second <= 12)
        month, day = (second, first) if day_first else (first, second)
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
        if year is not None and "wdp" in g:
            year = year_of_weekday(year, month, day, load_lexicon().weekdays[g["wdp"]])
    if year is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", None, None)
    try:
        return dated(Point.of_day(date(check_year(year), month, day)), anchor)
    except ValueError:
        return None


def year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year nearest `year` in which the day falls on the weekday said with it ("Saturday,
    March 31" in a January report is the March ahead when last March's 31st was a Friday);
    `year` itself when none of the three years around it agrees."""
    for candidate in (year, year - 1, year + 1):
        try:
            if date(candidate, month, day).isoweekday() == weekday:
                return candidate
        except ValueError:
            continue  # February 29 in a year that has none
    return year


def month_year(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    point = Point("month", year_number(g["year"]), month_number(g["mon"]))
    return dated(week_of_month(point, cand), None)


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
    point = week_of_month(Point("month", year, month), cand)
    return dated(point, anchor if year is not None else None)


def month_alone(cand: Candidate, ctx: Context) -> Reading | None:
    name = cand.groups["mon"]
    lex = load_lexicon()
    if name.rstrip(".") not in lex.months or name.rstrip(".") in lex.month_abbreviations:
        return None  # abbreviations are too ambiguous alone
    if name in lex.ambiguous_months and cand.lead is None and "modifier" not in cand.groups:
        return None
    month = month_number(name)
    if "ofrel" in cand.groups:  # "October of next year": the year is its own expression
        year, _ = relative_year(cand.groups["ofrel"] + " year", ctx.ref, ctx)
    else:
        year = infer_year(month, None, cand, ctx)
    point = week_of_month(Point("month", year, month), cand)
    return dated(point, "publication" if year is not None else None)


WEEK_OF = re.compile(r"(?:the\s+)?(first|second|third|fourth|last|final)\s+week\s+of")
DAY_OF = re.compile(r"(?:the\s+)?(first|last|final)\s+day\s+of")
WEEK_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}


def week_of_month(point: Point, cand: Candidate) -> Point:
    """ "the last week of March 2009" -> 2009-W13: the ISO week of the month's first, second,
    ... or last Thursday (a week belongs to the month that holds most of its days)."""
    modifier = cand.groups.get("modifier") or ""
    if point.year is not None and point.month is not None:
        day = DAY_OF.fullmatch(modifier)
        if day is not None:  # "the last day of March 2009": 2009-03-31
            first_day = date(point.year, point.month, 1)
            if day.group(1) == "first":
                return Point.of_day(first_day)
            return Point.of_day(shift_date(first_day, 1, "month") - timedelta(days=1))
    found = WEEK_OF.fullmatch(modifier)
    if found is None or point.year is None or point.month is None:
        return point
    first = date(point.year, point.month, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    thursdays = [thursday + timedelta(weeks=k) for k in range(5)]
    thursdays = [d for d in thursdays if d.month == point.month]
    return Point.of_week(thursdays[WEEK_ORDINALS[found.group(1)]])


def year_alone(cand: Candidate, ctx: Context) -> Reading | None:
    if CURRENCY_BEFORE.search(ctx.before(cand, 4)):
        return None  # "$ 2008" (tokenised text) is an amount
    return dated(Point("year", year_number(cand.groups["year"])), None)


# "in his 60s", "their early twenties": an age, not a decade of the calendar
AGE_BEFORE = re.compile(
    r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE
)


def decade(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    if "c" not in g and AGE_BEFORE.search(ctx.before(cand)):
        return None
    century = int(g["c"]) if "c" in g else (20 if g["d"] == "0" else 19)
    return dated(Point("decade", century * 100 + int(g["d"]) * 10), None)


def century(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the 19th century", "the twenty-first century": TIMEX3 gives a century its first two
    digits ("18" is 1800-1899, "20" 2000-2099)."""
    raw = " ".join((cand.groups["ord"] or "").lower().split())
    digits = "".join(ch for ch in raw if ch.isdigit())
    n = int(digits) if digits else load_lexicon().ordinals[raw]
    if not 1 <= n <= 100:
        return None  # "the 0th century"; the calendar ends in 9999
    first = (n - 1) * 100
    interval = (date(max(first, 1), 1, 1).isoformat(), date(first + 99, 12, 31).isoformat())
    return Reading("DATE", f"{n - 1:02d}", interval, None)


# What a quarter or half "of" may be part of and still be the calendar's ("the first
# quarter of the fiscal year ending March 31"); "the first half of the show" is no time.
OF_A_YEAR = re.compile(
    r"\s+of\s+(?:(?:the|this|that|its|their|our|a)\s+)?"
    r"(?:(?:fiscal|financial|calendar|current|previous|following|same|coming)\s+)*year\b",
    re.IGNORECASE,
)
OF_SOMETHING = re.compile(r"\s+of\s", re.IGNORECASE)


def quarter(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    after = ctx.text[cand.end : cand.end + 60]
    if OF_SOMETHING.match(after) and not OF_A_YEAR.match(after):
        return None  # "the first half of the show", "the second quarter of the game"
    if "q" in g:
        n, grain, raw_year, rel = int(g["q"]), "quarter", g.get("year2"), None
    else:
        grain = g["unit"].lower()
        n = QUARTER_ORDINALS[g["ord"].lower()]
        raw_year, rel = g.get("year"), g.get("rel")
        if grain == "half":
            n = 1 if n == 1 else 2
    anchor: str | None = None
    if (g.get("ord") or "").lower() == "last" and not (raw_year or rel) and ctx.ref is not None:
        # "profits fell last quarter", "in the last half": the one before the publication's,
        # as "the previous quarter"; only "the last quarter of 2023" is the year's fourth
        if grain == "half":
            y, h = (ctx.ref.year, 1) if ctx.ref.month > 6 else (ctx.ref.year - 1, 2)
            return dated(Point("half", y, 1 if h == 1 else 7, code=f"H{h}"), "publication")
        this = Point.of_day(ctx.ref).coarsen("quarter")
        return dated(this.moved(-1, "quarter"), "publication")
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


# The prepositions that make a season without a year or "this"/"last" a time ("in spring");
# with "the" ("after the summer", "over the winter") any preposition of time does.
SEASON_LEADS = frozenset({"in", "during", "by", "until", "since", "through"})
SEASON_LEADS_WITH_THE = SEASON_LEADS | {"after", "before", "over", "throughout", "till", "for"}


def season(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    code = load_lexicon().seasons[g["season"].lower()]
    leads = SEASON_LEADS_WITH_THE if "the" in g else SEASON_LEADS
    if "year" not in g and "rel" not in g and cand.lead not in leads:
        return None
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    anchor: str | None = None
    if "year" in g:
        year: int | None = year_number(g["year"])
    else:
        year, anchor = (None if ctx.ref is None else ctx.ref.year), "publication"
        rel = (g.get("rel") or "").lower()
        if year is not None and ctx.ref is not None and rel in ("last", "next"):
            year += named_season_shift(rel, start_month, ctx.ref.month)
        if year is not None and ctx.ref is not None and rel in ("", "early", "late"):
            year += season_year_shift(start_month, ctx.ref.month, ctx.tense(cand))
    return dated(Point("season", year, start_month, code=code), anchor if year else None)


def named_season_shift(rel: str, start_month: int, month: int) -> int:
    """The year shift of "next spring" (the first spring to begin after the date) or "last
    summer" (the last one to end before it): said in January, next spring is this year's
    and last summer last year's; said in October, last summer is this year's. A winter
    takes the year of its December."""
    if rel == "next":
        return 0 if start_month > month else 1
    if start_month == 12:
        return -2 if month <= 2 else -1  # in January the winter of the December before is on
    return 0 if start_month + 2 < month else -1


def season_year_shift(start_month: int, month: int, tense: str | None) -> int:
    """-1, 0 or 1: which year's season a bare one is, by the tense ("fighting paused over
    the winter", said in July, is the winter before). A winter (December to February) said
    in January or February is the one it is, unless the clause is in the future."""
    if start_month == 12 and month <= 2 and tense != "future":
        return -1
    if tense == "past" and start_month > month:
        return -1
    if tense == "future" and start_month + 2 < month:
        return 1
    return 0


# "tomorrow", "yesterday" and "today" as nouns after an article, alone or with an adjective
# of hope ("a better tomorrow", "our brighter tomorrow"): TimeML values them as the vague
# future, past or present, not a day ("an answer tomorrow" keeps the day).
GENERIC_DEICTIC = {"tomorrow": "FUTURE_REF", "yesterday": "PAST_REF", "today": "PRESENT_REF"}
ARTICLE_BEFORE = re.compile(
    r"\b(?:a|an|the|our|their)\s+(?:(?:better|brighter|bright|new|safer|greener)\s+)?$", re.I
)
REF_INTERVALS = {
    "FUTURE_REF": lambda now: (now, None),
    "PAST_REF": lambda now: (None, now),
    "PRESENT_REF": lambda now: (now, now),
}


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
    if not part and word in GENERIC_DEICTIC and ARTICLE_BEFORE.search(ctx.before(cand)):
        # "a better tomorrow", "the world of today": the future or the present, not a day
        value = GENERIC_DEICTIC[word]
        now = None if ctx.ref is None else ctx.ref.isoformat()
        interval = None if now is None else REF_INTERVALS[value](now)
        return Reading("DATE", value, interval, None if now is None else "publication")
    if ctx.ref is None:
        return Reading("TIME" if clock else "DATE", "XXXX-XX-XX" + (clock or ""), None, None)
    point = Point.of_day(shift_date(ctx.ref, offset, "day"), clock=clock)
    return dated(point, "publication", kind="TIME" if clock else "DATE")


def weekday_point(
    name: str, rel: str | None, cand: Candidate, ctx: Context
) -> tuple[Point, str | None]:
    """The day a weekday names, and its anchor: with no "last"/"next", the one nearest the
    day the story has just set ("On June 5 ... On Saturday" -> June 7; see
    `Context.frame_day`), else the publication's, before or after it by the tense."""
    wd = load_lexicon().weekdays[name]
    frame = ctx.frame_day(cand) if rel is None else None
    if frame is not None:
        start = frame[0].date_value()
        assert start is not None
        ahead = (wd - start.isoweekday() + 3) % 7 - 3  # -3..3: the nearest such day
        return Point.of_day(shift_date(start, ahead, "day")), frame[1]
    if ctx.ref is None:
        return Point("day", None, weekday=wd), None
    today = ctx.ref.isoweekday()
    future = rel in ("next", "coming") or (rel is None and ctx.tense(cand) == "future")
    if future:
        ahead = (wd - today) % 7
        if rel in ("next", "coming") and ahead == 0:
            ahead = 7
        return Point.of_day(shift_date(ctx.ref, ahead, "day")), "publication"
    back = (today - wd) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    return Point.of_day(shift_date(ctx.ref, -back, "day")), "publication"


# "the Sunday Times", "the Tuesday Club": a weekday after "the" that starts a name
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)")


def starts_a_name(cand: Candidate, ctx: Context) -> bool:
    following = NAME_AFTER.match(ctx.text, cand.end)
    if following is None or not THE_BEFORE.search(ctx.before(cand, 8)):
        return False
    lex = load_lexicon()
    word = following.group(0).strip()
    return word not in lex.months and word not in lex.weekdays


def weekday(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    if "rel" not in g and "part" not in g and starts_a_name(cand, ctx):
        return None
    point, anchor = weekday_point(g["wd"], (g.get("rel") or "").lower() or None, cand, ctx)
    part = (g.get("part") or "").lower()
    if part:
        point = replace(point, clock=f"T{load_lexicon().day_parts[part]}")
    return dated(point, anchor, kind="TIME" if part else "DATE")


# The prepositions that make "the weekend" a time ("over the weekend", "at the weekend"):
# without one it is a noun of its own ("the weekend edition").
WEEKEND_LEADS = frozenset(
    {"over", "during", "at", "on", "for", "through", "throughout", "until", "till", "by",
     "after", "before", "since"}
)  # fmt: skip
SATURDAY = 6


def weekend(cand: Candidate, ctx: Context) -> Reading | None:
    """ "over the weekend": the weekend nearest the day the story has set
    (`Context.frame_day`), as a bare weekday is; else the publication's: on a weekday, the
    coming weekend when the clause is in the future, else the one just past."""
    if cand.lead not in WEEKEND_LEADS:
        return None
    frame = ctx.frame_day(cand)
    if frame is not None:
        start = frame[0].date_value()
        assert start is not None
        ahead = (SATURDAY - start.isoweekday() + 3) % 7 - 3  # -3..3: the nearest Saturday
        return dated(Point.of_week(shift_date(start, ahead, "day"), code="WE"), frame[1])
    if ctx.ref is None:
        return Reading("DATE", "XXXX-WXX-WE", None, None)
    weekday_number = ctx.ref.isoweekday()
    if weekday_number >= SATURDAY or ctx.tense(cand) == "future":
        ahead = SATURDAY - weekday_number  # the weekend it is, or the coming one
    else:
        ahead = -(weekday_number + 1)  # back to the Saturday before
    return dated(Point.of_week(shift_date(ctx.ref, ahead, "day"), code="WE"), "publication")


DAY_PART_LEADS = frozenset({"in", "by", "during", "through", "throughout", "until", "till"})


def day_part(cand: Candidate, ctx: Context) -> Reading | None:
    """ "in the morning", "in morning trading": that part of the last day the text has set,
    else of the publication day (`Context.day_base`)."""
    if cand.lead not in DAY_PART_LEADS:
        return None  # "the morning after", "a morning walk": no time of its own
    clock = f"T{load_lexicon().day_parts[cand.groups['part'].lower()]}"
    day, anchor = ctx.day_base()
    if day is None:
        return Reading("TIME", "XXXX-XX-XX" + clock, None, None)
    return dated(replace(day, clock=clock), anchor, kind="TIME")


def clock(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.groups
    if "named" in g:  # TIMEX3: noon is T12:00, midnight the end of its day, T24:00
        g = {**g, "h": "24" if g["named"].lower() == "midnight" else "12", "mi": "00"}
    hour, minute = int(g["h"] or 0), int(g.get("mi") or 0)
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
    anchor: str | None = "publication"
    earlier = ctx.same_sentence_day(cand) if day_word is None else None
    if day_word is None and ctx.day_after is not None:  # "at 16:15 UTC, June 1st"
        day, anchor = ctx.day_after
    elif earlier is not None:
        day, anchor = earlier
    elif day_word is None or day_word.lower() in ("today", "tonight"):
        day = None if ctx.ref is None else Point.of_day(ctx.ref)
    elif day_word.lower() in ("yesterday", "tomorrow"):
        offset = -1 if day_word.lower() == "yesterday" else 1
        day = None if ctx.ref is None else Point.of_day(shift_date(ctx.ref, offset, "day"))
    else:
        day, anchor = weekday_point(day_word, None, cand, ctx)
    if day is None or day.year is None:
        return Reading("TIME", "XXXX-XX-XX" + clock_value, None, None)
    return dated(replace(day, clock=clock_value), anchor, kind="TIME")
