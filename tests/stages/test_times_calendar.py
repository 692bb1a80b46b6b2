"""The time stage at the calendar's edges: counts that run past years 1-9999, and publication
dates at its ends, give clamped values instead of failing the article (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Article, Doc, TimeExpr
from eventwire.stages.s5_times.normalise import OutOfCalendar, Point, shift_date
from eventwire.stages.s5_times.times import TimeStage

PUBLISHED = date(2024, 9, 6)
BEFORE = ("PAST_REF", (None, "0001-01-01"))
AFTER = ("FUTURE_REF", ("9999-12-31", None))


def times_of(text: str, published: date | None = PUBLISHED) -> dict[str, TimeExpr]:
    doc = TimeStage()(Doc(article=Article(id="a", text=text, published=published)))
    return {t.span.of(text): t for t in doc.times}


def value(t: TimeExpr) -> tuple[str, tuple[str | None, str | None] | None]:
    return t.value, t.interval


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The dynasty began 800000 days ago.", "800000 days ago", BEFORE),
        ("The dynasty began 200000 weeks ago.", "200000 weeks ago", BEFORE),
        ("The lease ends 5000000 days from now.", "5000000 days from now", AFTER),
        ("The town was founded 3000 years ago.", "3000 years ago", BEFORE),
        ("The town was founded 3,000 years ago.", "3,000 years ago", BEFORE),
        ("It began " + "9" * 400 + " years ago.", "9" * 400 + " years ago", BEFORE),
        ("By September 2025, and after another 9000 years.", "another 9000 years", AFTER),
    ],
)
def test_issue_16_counts_past_the_calendar_are_clamped(text, span, expected):
    assert value(times_of(text)[span]) == expected


def test_issue_16_a_window_past_the_calendar_stays_open_on_that_side():
    t = times_of("The deal holds within the next 5000000 days.")["the next 5000000 days"]
    assert (t.type, t.value, t.interval) == ("DURATION", "P5000000D", ("2024-09-06", None))


def test_issue_16_thousands_separator_is_one_number():
    # "3,000 years ago" was read as "000 years ago", the publication year
    assert times_of("The pact lasts 3,000 years.")["3,000 years"].value == "P3000Y"
    assert "000 years ago" not in times_of("It was founded 3,000 years ago.")


def test_issue_16_publication_on_the_calendar_last_day():
    got = times_of(
        "He will resign tomorrow or next year, on 1 January next year; talks were held "
        "last week, this week and this decade.",
        date(9999, 12, 31),
    )
    assert value(got["tomorrow"]) == AFTER
    assert value(got["next year"]) == AFTER
    assert value(got["1 January next year"]) == AFTER
    assert value(got["last week"]) == ("9999-W51", ("9999-12-20", "9999-12-26"))
    # the calendar's last ISO week runs past 9999-12-31: its interval stops there
    assert value(got["this week"]) == ("9999-W52", ("9999-12-27", "9999-12-31"))
    assert value(got["this decade"]) == ("999", ("9990-01-01", "9999-12-31"))


def test_issue_16_publication_on_the_calendar_first_day():
    got = times_of(
        "He resigned on Friday, yesterday and last week; this decade began.", date(1, 1, 1)
    )
    assert value(got["Friday"]) == BEFORE
    assert value(got["yesterday"]) == BEFORE
    assert value(got["last week"]) == BEFORE
    assert value(got["this decade"]) == ("000", ("0001-01-01", "0009-12-31"))


def test_issue_16_calendar_arithmetic_says_which_side():
    with pytest.raises(OutOfCalendar) as before:
        shift_date(date(2024, 9, 6), -800_000, "day")
    with pytest.raises(OutOfCalendar) as after:
        Point("year", 9999).shift(1, "year")
    assert (before.value.direction, after.value.direction) == (-1, 1)
    assert isinstance(before.value, ArithmeticError)


EXPRESSIONS = st.sampled_from(
    [
        "{n} days ago", "{n} weeks ago", "{n} months ago", "{n} years ago", "{n} decades ago",
        "{n} days from now", "{n} years from now", "in another {n} years", "after another {n} days",
        "within the next {n} days", "over the past {n} years", "tomorrow", "yesterday",
        "on Friday", "next week", "last month", "this weekend", "next year", "last decade",
        "the following year", "7 October last year", "the first quarter", "this winter",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    published=st.dates(),
    expression=EXPRESSIONS,
    n=st.one_of(st.integers(0, 10**7), st.integers(0, 10**40)),
)
def test_issue_16_any_count_and_publication_date_resolve(published, expression, n):
    text = f"By September 2025 the talks ended. It happened {expression.format(n=n)}, they said."
    doc = TimeStage()(Doc(article=Article(id="a", text=text, published=published)))
    for t in doc.times:
        for end in t.interval or ():
            if end is not None:
                date.fromisoformat(end[:10])
