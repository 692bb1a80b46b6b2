"""Tests of headline case: Title Case lines reach the parser with their common words lowered."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.pipeline import headline_names, headline_words
from eventwire.settings import Settings
from eventwire.stages.s2_parse.truecase import truecase_headlines

# the words the pipeline gives the parse stage: event triggers, word classes, sector words
WORDS = headline_words(Settings())


def test_title_case_headline_common_words_are_lowered_names_kept():
    got = truecase_headlines("Kenya Leader Criticizes Ethiopia's Response to Crisis", WORDS)
    assert got.startswith("Kenya leader criticizes Ethiopia's")


def test_truecase_lowers_only_stop_words_without_lexicon_words():
    got = truecase_headlines("Kenya Leader Criticizes Ethiopia's Response to Crisis")
    assert got == "Kenya Leader Criticizes Ethiopia's Response to Crisis"


def test_acronyms_and_sentence_case_lines_are_left_alone():
    got = truecase_headlines("U.N. Provides Aid After Mudslides", WORDS)
    assert got == "U.N. provides aid after Mudslides"  # no lexicon word: kept
    text = "The Leader of the House spoke in Nairobi on Monday."
    assert truecase_headlines(text) == text


def test_a_word_the_article_writes_in_lower_case_is_lowered_in_its_headline():
    text = "Kenya Leader Slams Zorvan Response\nThe response was weak, the leader said."
    words = truecase_headlines(text).splitlines()[0].split()
    assert (words[0], words[3], words[4]) == ("Kenya", "Zorvan", "response")


def test_the_words_of_a_known_name_stay_as_written():
    names = headline_names(Settings())
    got = truecase_headlines("Security Council Condemns Attack On Kenyan Border Post", WORDS, names)
    assert got.startswith("Security Council condemns attack on Kenyan border post")
    # the same words apart are common words
    got = truecase_headlines("Kenyan Council Discusses Security Of Border", WORDS, names)
    assert got.startswith("Kenyan council discusses security of border")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_truecasing_changes_only_the_case_of_ascii_letters(text):
    got = truecase_headlines(text)
    assert len(got) == len(text)
    assert all(a == b or (b.isascii() and a == b.lower()) for a, b in zip(got, text, strict=True))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("headline", "category", "actor"),
    [
        ("Kenya Leader Criticizes Ethiopia's Response to Crisis", "ACCUSE", "KEN"),
        ("Ethiopia Threatens To Expel Kenyan Diplomats", "THREATEN", "ETH"),
        # a name of common words keeps its actor ("security council" was no body)
        ("Security Council Condemns Attack On Kenyan Border Post", "ACCUSE", "IGO"),
    ],
)
def test_title_case_headline_gives_its_event(headline, category, actor):
    from eventwire.api import extract

    doc = extract(headline)
    assert any(
        e.plover_type == category and actor in {a.country for a in e.actors} for e in doc.events
    )
    for place in doc.places:  # spans still point at the article's own text
        assert doc.text_of(place.span) in headline
