"""A speaker's next act that the parser hangs inside what the speaker said
(stages/s2_parse/clauses.py): "said China was ready to help and called for a ceasefire"."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.api import make_article
from eventwire.model import Doc
from eventwire.pipeline import speaker_verbs
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


def parse(text: str):
    from eventwire.stages.s2_parse.nlp import ParseStage

    stage = ParseStage(speaker_verbs=speaker_verbs(Settings()))
    return stage(Doc(article=make_article(text))).parsed


def head_of(parsed, word: str) -> str:
    return next(t.head.text for t in parsed if t.text == word)


def test_a_speakers_call_after_a_state_it_reports_is_the_speakers():
    text = "The foreign minister said China was ready to help and called for a ceasefire."
    parsed = parse(text)
    assert head_of(parsed, "called") == "said"
    assert head_of(parsed, "and") == "said"
    # the reported clause ends before the speaker's next act
    assert parsed[5].right_edge.text == "help"


def test_the_and_goes_with_the_conjunct_past_its_own_adverb():
    text = "The minister said China was ready to help and also called for a ceasefire."
    parsed = parse(text)
    assert (head_of(parsed, "called"), head_of(parsed, "and")) == ("said", "said")


def test_a_conjunct_that_cannot_share_the_clauses_modal_is_the_speakers():
    text = "Merkel said Germany would send more troops and urged other NATO members to follow."
    assert head_of(parse(text), "urged") == "said"


def test_a_reported_narrative_keeps_its_conjuncts():
    # the clause's own acts, in its own form or going on from its verb, stay in it
    assert (
        head_of(parse("The spokesman said the army had killed ten and arrested five."), "arrested")
        == "killed"
    )
    text = "The spokesman said the two leaders met on Monday and agreed to resume talks."
    assert head_of(parse(text), "agreed") == "met"
    text = "The minister said the country was poor and needed more aid."
    assert head_of(parse(text), "needed") == "was"


def test_the_speaker_makes_the_call_and_the_quote_ends_before_it():
    text = "Kenya's foreign minister said Ethiopia was ready to talk and called for a ceasefire."
    result = eventwire.extract(text, published="2024-09-06")
    called = next(e for e in result.events if result.text_of(e.trigger) == "called")
    assert (called.plover_type, called.modality) == ("REQUEST", "occurred")
    assert [a.country for a in called.actors] == ["KEN"]
    contents = [result.text_of(q.span) for q in result.quotes]
    assert contents
    assert all("called" not in c for c in contents)
    text = "The Kenyan president said the attack was a crime and vowed to punish those responsible."
    vowed = next(e for e in eventwire.extract(text).events if e.trigger.of(text) == "vowed")
    assert [a.country for a in vowed.actors] == ["KEN"]
