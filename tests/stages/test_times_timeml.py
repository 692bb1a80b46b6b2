"""TIMEX3 values of calendar units the TimeML guidelines list: centuries, decades after
"mid-", "the weekend", seasons read by tense, fiscal quarters."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article, Doc, TimeExpr
from eventwire.stages.s5_times.times import TimeStage


def times_of(text: str, published: date | None = date(2009, 7, 15)) -> list[TimeExpr]:
    doc = TimeStage()(Doc(article=Article(id="a", text=text, published=published)))
    return list(doc.times)


def values(text: str, published: date | None = date(2009, 7, 15)) -> dict[str, str]:
    return {t.span.of(text): t.value for t in times_of(text, published)}


@pytest.mark.parametrize(
    ("text", "span", "value", "interval"),
    [
        ("It was founded in the 19th century.", "the 19th century", "18",
         ("1800-01-01", "1899-12-31")),
        ("Its roots lie in the twentieth century.", "the twentieth century", "19",
         ("1900-01-01", "1999-12-31")),
        ("A war of the twenty-first century.", "the twenty-first century", "20",
         ("2000-01-01", "2099-12-31")),
        ("Rome in the 1st century.", "the 1st century", "00", ("0001-01-01", "0099-12-31")),
    ],
)  # fmt: skip
def test_times_century_is_its_first_two_digits(text, span, value, interval):
    (found,) = times_of(text)
    assert (found.span.of(text), found.type, found.value, found.interval) == (
        span,
        "DATE",
        value,
        interval,
    )


def test_times_century_adjective_and_a_century_of_years():
    assert values("It was a 21st-century war.") == {}
    assert values("It lasted a century.") == {"a century": "P100Y"}


def test_times_decade_after_mid():
    assert values("In the mid-1990s, prices rose; by the mid-90s it was over.") == {
        "mid-1990s": "199",
        "mid-90s": "199",
    }
    assert values("The A350-1000s and the 10-1990s code.") == {}


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Talks were held over the weekend.", date(2009, 7, 15), "2009-W28-WE"),  # a Wednesday
        ("He said at the weekend that he would go.", date(2009, 7, 13), "2009-W28-WE"),
        ("It rained during the weekend.", date(2009, 7, 18), "2009-W29-WE"),  # a Saturday
    ],
)
def test_times_the_weekend_is_the_one_just_past(text, published, value):
    (found,) = times_of(text, published)
    assert (found.value, found.anchor) == (value, "publication")
    assert found.interval is not None
    saturday = date.fromisoformat(found.interval[0])
    assert saturday.isoweekday() == 6


def test_times_the_weekend_in_the_story_frame_and_without_preposition():
    text = "On June 5, 2008, troops entered the town. Over the weekend they left."
    times = times_of(text)
    assert [(t.value, t.anchor) for t in times] == [("2008-06-05", None), ("2008-W23-WE", "t1")]
    assert values("The weekend edition sold well.") == {}
    assert values("It returns on the weekend of May 19.") == {"May 19": "2009-05-19"}
    assert values("Talks were held over the weekend.", None) == {"the weekend": "XXXX-WXX-WE"}


@pytest.mark.slow
def test_times_the_weekend_ahead_in_the_future(parsed_doc):
    doc = TimeStage()(parsed_doc("Talks will be held over the weekend .", "2009-07-15"))
    assert [t.value for t in doc.times] == ["2009-W29-WE"]


def test_times_season_with_the_after_any_preposition_of_time():
    assert values("The talks will resume after the summer.") == {"the summer": "2009-SU"}
    assert values("Fighting paused for the winter, and over the spring.") == {
        "the winter": "2009-WI",
        "the spring": "2009-SP",
    }
    assert values("A winter coat, the summer of love.") == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Fighting paused over the winter .", "2009-07-15", "2008-WI"),
        ("Fighting will pause over the winter .", "2009-07-15", "2009-WI"),
        ("The vote will be held in the spring .", "2009-11-15", "2010-SP"),
        ("The vote was held in the spring .", "2009-11-15", "2009-SP"),
        ("Snow fell in the winter .", "2010-01-20", "2009-WI"),
    ],
)
def test_times_season_year_follows_the_tense(parsed_doc, text, published, value):
    doc = TimeStage()(parsed_doc(text, published))
    assert [t.value for t in doc.times] == [value]


def test_times_fiscal_quarter_takes_fiscal_into_its_span():
    assert values("Sales rose in the fiscal fourth quarter of 2008.") == {
        "the fiscal fourth quarter of 2008": "2008-Q4"
    }


def test_times_year_before_a_hyphenated_measure_is_no_year():
    text = "The 2000-metre race and the 1500-strong force met in 2009-10 and by mid-2025."
    assert values(text) == {"2009": "2009", "mid-2025": "2025"}
    assert values("A 2009-born cow tested positive.") == {"2009": "2009"}


def test_times_vague_reference_in_capitals_inside_a_sentence_is_a_name():
    assert values("It opens under the Future Technology Week umbrella.") == {}
    assert values("We must plan for the future.") == {"the future": "FUTURE_REF"}
    assert values("Now, the firm employs 300.") == {"Now": "PRESENT_REF"}
    assert values("He named “the civil service.” Now, he leaves.") == {"Now": "PRESENT_REF"}


def test_times_tomorrow_after_an_article_is_the_future():
    text = "Together we may build a better tomorrow for mothers."
    (found,) = times_of(text)
    assert (found.value, found.interval, found.anchor) == (
        "FUTURE_REF",
        ("2009-07-15", None),
        "publication",
    )
    assert values("He will give an answer tomorrow.") == {"tomorrow": "2009-07-16"}
    assert values("Together we may build a better tomorrow.", None) == {"tomorrow": "FUTURE_REF"}


def test_times_noon_and_midnight_are_clock_times():
    assert values("The ceasefire took effect at midnight on Sunday.") == {
        "midnight on Sunday": "2009-07-12T24:00"
    }
    assert values("They met at noon; the midday news followed.") == {
        "noon": "2009-07-15T12:00",
        "midday": "2009-07-15T12:00",
    }
    (found,) = times_of("They met at noon.")
    assert found.type == "TIME"
    # the day set earlier in the sentence
    assert values("It was signed on 7/8/07 at noon.") == {
        "7/8/07": "2007-07-08",
        "noon": "2007-07-08T12:00",
    }


def test_times_month_after_mid():
    assert values("Talks resume in mid-October; by mid-May 2010 it was over.") == {
        "mid-October": "2009-10",
        "mid-May 2010": "2010-05",
    }


def test_times_set_word_before_an_amount_is_a_duration():
    (loss, year) = times_of("GM posts its first annual loss since 1992.")
    assert (loss.type, loss.value, year.value) == ("DURATION", "P1Y", "1992")
    (sales, daily) = times_of("It has annual sales of $3 billion and publishes daily.")
    assert [(t.type, t.value) for t in (sales, daily)] == [("DURATION", "P1Y"), ("SET", "P1D")]
    # what recurs, or is paid each period, is a SET
    assert [(t.type, t.value) for t in times_of("The annual meeting was held.")] == [("SET", "P1Y")]
    assert [(t.type, t.value) for t in times_of("It pays an annual fee and a monthly rent.")] == [
        ("SET", "P1Y"),
        ("SET", "P1M"),
    ]


def test_times_two_years_joined_by_a_hyphen_are_two_years():
    assert values("Output fell in 2009-2011, then in the 2012-13 season.") == {
        "2009": "2009",
        "2011": "2011",
        "2012": "2012",
    }
    assert values("Call 555-2009-2010 now.") == {"now": "PRESENT_REF"}


def test_times_the_quarter_is_the_quarter_just_named():
    text = "GM lost $6 billion in the first quarter of 2009. In the quarter, revenue fell."
    first, again = times_of(text)
    assert (again.span.of(text), again.value, again.anchor) == ("the quarter", "2009-Q1", first.id)
    assert values("Sales rose in the quarter.") == {}  # no quarter named: nothing guessed
    assert values("In the third quarter of 2008 they met in the French Quarter.") == {
        "the third quarter of 2008": "2008-Q3"
    }


def test_times_approximate_ago_is_one_date():
    assert values("He left more than two years ago; over a week ago it rained.") == {
        "more than two years ago": "2007",
        "over a week ago": "2009-W28",
    }


def test_times_fiscal_year_span():
    assert values("It lost money in fiscal year 2008 and in the 2009 fiscal year.") == {
        "fiscal year 2008": "2008",
        "2009 fiscal year": "2009",
    }


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The talks lasted half an hour.", "half an hour", "PT30M"),
        ("The strike lasted half a day.", "half a day", "PT12H"),
        ("The ban held for half a year.", "half a year", "P6M"),
        ("He spoke for an hour and a half.", "an hour and a half", "PT1.5H"),
        ("The war lasted two and a half years.", "two and a half years", "P2.5Y"),
    ],
)
def test_times_halves_by_timex3(text, span, value):
    assert values(text) == {span: value}


def test_times_a_possessive_weekday_is_the_day_alone():
    # TIMEX3 leaves the possessive out of the extent, as "this year's" is "this year"
    assert values("Tuesday's vote was close.") == {"Tuesday": "2009-07-14"}


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # next: the first such season to begin after the date; last: the last to end before
        ("The plant will open next spring.", date(2006, 1, 27), "2006-SP"),
        ("The plant will open next spring.", date(2006, 10, 10), "2007-SP"),
        ("Sales fell last summer.", date(2006, 10, 10), "2006-SU"),
        ("Sales fell last summer.", date(2006, 7, 1), "2005-SU"),
        ("It snowed last winter.", date(2006, 10, 10), "2005-WI"),
    ],
)
def test_times_next_and_last_seasons_are_the_nearest_ones(text, published, value):
    assert list(values(text, published).values()) == [value]
