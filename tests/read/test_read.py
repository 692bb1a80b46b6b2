"""Reading articles: clear errors for bad input, dates and languages."""

from datetime import date, datetime, timedelta

import pytest

from eventwire.api import make_article
from eventwire.errors import InputError
from eventwire.read.text import MAX_TEXT_CHARS, article_id, decode, parse_published

ENGLISH = "Iraq and the United States have agreed on a plan for the withdrawal of forces."


def test_make_article_refuses_empty_text():
    with pytest.raises(InputError, match="empty"):
        make_article("  \n\t ")


def test_decode_refuses_binary_bytes():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_decode_refuses_non_utf8():
    with pytest.raises(InputError, match="UTF-8"):
        decode("Caf\u00e9 au lait".encode("latin-1"))


def test_make_article_refuses_text_over_the_limit():
    with pytest.raises(InputError, match="limit"):
        make_article("word " * (MAX_TEXT_CHARS // 5 + 10))


def test_make_article_refuses_control_character_soup():
    with pytest.raises(InputError, match="binary"):
        make_article("abc\x01\x02\x03\x04def" * 50)


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement irakien et les États-Unis se sont mis d'accord sur un plan de retrait "
        "des forces américaines du pays dans les deux prochaines années, selon des responsables.",
        "Die irakische Regierung und die Vereinigten Staaten haben sich auf einen Plan zum Abzug "
        "der amerikanischen Truppen aus dem Land innerhalb von zwei Jahren geeinigt, so Beamte.",
        "اتفقت الحكومة العراقية والولايات المتحدة على خطة لانسحاب القوات الأمريكية من البلاد",
    ],
)
def test_make_article_refuses_another_language(text):
    with pytest.raises(InputError, match="English"):
        make_article(text)


def test_make_article_accepts_english_and_records_the_language():
    assert make_article(ENGLISH).language == "en"


@pytest.mark.parametrize("bad", ["06/09/2024", "2024-13-01", "yesterday", "2024-09-06T25:00"])
def test_parse_published_refuses_malformed_dates(bad):
    with pytest.raises(InputError, match="ISO 8601"):
        parse_published(bad)


def test_parse_published_keeps_timezones():
    value = parse_published("2024-09-06T14:30:00+03:00")
    assert isinstance(value, datetime)
    assert value.utcoffset() == timedelta(hours=3)
    assert parse_published("2024-09-06T11:30:00Z").utcoffset() == timedelta(0)
    assert parse_published("2024-09-06") == date(2024, 9, 6)
    assert parse_published(None) is None


def test_article_id_ignores_case_and_whitespace_but_not_words():
    assert article_id("Troops  withdrew.\n") == article_id("troops withdrew.")
    assert article_id("Troops withdrew.") != article_id("Troops advanced.")
