"""Ranges of dates ("from 2009 to 2011"): the two dates and the DURATION between them."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article, Doc, TimeExpr
from eventwire.stages.s5_times.times import TimeStage


def times_of(text: str, published: date = date(2007, 6, 9)) -> list[TimeExpr]:
    doc = TimeStage()(Doc(article=Article(id="a", text=text, published=published)))
    return list(doc.times)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.span.of(text), t.type, t.value) for t in times_of(text)]


@pytest.mark.parametrize(
    ("text", "span", "value", "interval"),
    [
        ("It will get six jets from 2009 to 2011 .", "from 2009 to 2011", "P2Y",
         ("2009-01-01", "2011-12-31")),
        ("Then between 2014 and 2016 it takes six more.", "between 2014 and 2016", "P2Y",
         ("2014-01-01", "2016-12-31")),
        ("The strike lasted from March 2008 until June 2008.", "from March 2008 until June 2008",
         "P3M", ("2008-03-01", "2008-06-30")),
        ("They were away from 5 June 2008 through 8 June 2008.",
         "from 5 June 2008 through 8 June 2008", "P3D", ("2008-06-05", "2008-06-08")),
    ],
)  # fmt: skip
def test_times_range_is_a_duration_over_its_two_dates(text, span, value, interval):
    times = times_of(text)
    assert [t.type for t in times] == ["DURATION", "DATE", "DATE"]
    whole = times[0]
    assert (whole.span.of(text), whole.value, whole.interval) == (span, value, interval)
    # the two dates keep their own spans and values, in text order after the range
    assert [t.span.start for t in times] == sorted(t.span.start for t in times)
    assert times[1].span.start == whole.span.start + len(span.split()[0]) + 1


def test_times_range_renumbers_ids_and_anchors():
    text = "Sales fell from 2009 to 2011. The following year they rose."
    times = times_of(text)
    assert [t.id for t in times] == ["t1", "t2", "t3", "t4"]
    following = times[-1]
    assert following.value == "2012"
    assert following.anchor == "t3"  # "2011", the last dated expression before it


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell from 2011 to 2009 in the table.",  # backwards: no stretch
        "Sales fell in 2009 and 2011.",  # no range word
        "Sales fell from 2009 to June 2011.",  # different grains
        "Sales fell from 2009 , and to 2011 .",
    ],
)
def test_times_no_range_without_from_to_between_and(text):
    assert all(t.type == "DATE" for t in times_of(text))
