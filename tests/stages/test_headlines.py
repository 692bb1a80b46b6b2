"""Headline verbs the parser missed (stages/s2_parse/headlines.py): a line parsed with no verb
is parsed again with its likely verb in the past tense, keeping the article's words."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.api import make_article
from eventwire.model import Doc
from eventwire.pipeline import event_verbs, headline_words
from eventwire.settings import Settings
from eventwire.stages.s2_parse.headlines import ends_as_sentence, past_tense, third_person_base

pytestmark = pytest.mark.slow

VERBS = frozenset({"denounce", "launch", "return", "sign", "bomb", "force", "try", "ban"})


def parse(text: str):
    from eventwire.stages.s2_parse.nlp import ParseStage

    settings = Settings()
    stage = ParseStage(headline_words=headline_words(settings), event_verbs=event_verbs(settings))
    return stage, stage(Doc(article=make_article(text))).parsed


def test_headline_forms():
    assert third_person_base("denounces", VERBS) == "denounce"
    assert third_person_base("launches", VERBS) == "launch"
    assert third_person_base("tries", VERBS) == "try"
    assert third_person_base("actions", VERBS) is None
    assert third_person_base("press", VERBS | {"pre"}) is None  # "-ss" is no third person
    assert past_tense("denounce", {}) == "denounced"
    assert past_tense("try", {}) == "tried"
    assert past_tense("ban", {"ban": "banned"}) == "banned"
    assert past_tense("bomb", {}) == "bombed"


def test_a_verbless_headline_gets_its_verb_and_keeps_its_words():
    text = "Kenya Denounces Actions By Ethiopia\n\nNAIROBI - The talks went on, officials said."
    _, parsed = parse(text)
    assert parsed.text.lower() == text.lower()  # the article's length (a headline truecased)
    verb = next(t for t in parsed if t.lower_ == "denounces")
    assert (verb.pos_, verb.lemma_, verb.dep_) == ("VERB", "denounce", "ROOT")
    assert {c.text for c in verb.children if c.dep_ == "nsubj"} == {"Kenya"}
    result = eventwire.extract(text)
    [event] = [e for e in result.events if result.text_of(e.trigger) == "Denounces"]
    assert event.plover_type == "ACCUSE"
    assert [a.country for a in event.actors] == ["KEN"]
    assert [r.country for r in event.recipients] == ["ETH"]


def test_a_plural_subject_before_a_base_form_is_no_verb():
    _, parsed = parse("Kenya Rebels Return Seized Property as Part of Peace Accord")
    words = {t.lower_: t for t in parsed}
    assert words["return"].pos_ == "VERB"
    assert words["rebels"].pos_ != "VERB"


def test_a_line_with_a_verb_or_no_event_verb_is_left_as_parsed():
    from eventwire.stages.s2_parse.nlp import ParseStage

    plain = ParseStage(headline_words=headline_words(Settings()))
    for text in [
        "Photos Of The Week From Around The World",
        "Kenya denounced actions by Ethiopia on Monday.",
        # a base form needs words after it: the line ends in its noun
        "Over Half of Kenya Teachers Now Out on Wildcat Strike",
    ]:
        _, parsed = parse(text)
        before = plain(Doc(article=make_article(text))).parsed
        assert [(t.pos_, t.dep_, t.head.i) for t in parsed] == [
            (t.pos_, t.dep_, t.head.i) for t in before
        ]


def test_batches_repair_headlines_as_single_articles_do():
    stage, _ = parse("x")
    texts = ["Kenya Denounces Actions By Ethiopia", "Kenya, Ethiopia Sign Aid Package Today"]
    docs = [Doc(article=make_article(t)) for t in texts]
    batch = [d.parsed for d in stage.pipe(docs)]
    single = [stage(d).parsed for d in docs]
    for got, want in zip(batch, single, strict=True):
        assert [(t.pos_, t.dep_, t.head.i) for t in got] == [
            (t.pos_, t.dep_, t.head.i) for t in want
        ]
    assert any(t.pos_ == "VERB" for t in batch[1])


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Curfew lifted in Nairobi", False),
        ("Kenya: Widespread Torture During Government Occupation", False),
        ('Minister: "We Will Not Surrender"', False),  # a quotation that closes a headline
        ("The talks ended on Monday.", True),
        ('He said: "No."', True),
        ("He said: `` No . ''", True),  # MEANTIME's tokens, spaces between them
        ("Is it over?", True),
        ("... the grassroots program. (Zen Trinidad/PNA)", True),  # a credit
    ],
)
def test_ends_as_sentence_tells_a_headline_from_a_sentence(text, ends):
    assert ends_as_sentence(text) is ends
