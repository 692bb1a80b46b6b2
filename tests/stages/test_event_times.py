"""The event-time linker: each event gets the time attached to its trigger, or a marked
publication-date fallback."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.model import Article, Doc, Event, Span
from eventwire.stages.s5_times.times import TimeStage
from eventwire.stages.s8_links.event_times import FALLBACK_TRACE, EventTimeStage

pytestmark = pytest.mark.slow


def event(doc: Doc, trigger: str, *, modality: str = "occurred", nth: int = 0) -> Event:
    """An Event whose trigger is the nth occurrence of `trigger` in the parsed text."""
    text = doc.article.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    sentence = next(s for s in doc.parsed.sents if s.start_char <= start < s.end_char)
    return Event(
        id=f"e{start}",
        type="OTHER",
        plover_type="OTHER",
        mode=None,
        modality=modality,
        modality_cue=None,
        trigger=Span(start, start + len(trigger)),
        sentence=Span(sentence.start_char, sentence.end_char),
        actors=(),
        recipients=(),
        confidence=0.8,
        trace=("rule:x",),
    )


def link(doc: Doc, *events: Event) -> tuple[Event, ...]:
    return EventTimeStage()(replace(doc, events=events)).events


@pytest.fixture
def timed(parsed_doc):
    def make(text: str, published: str | None = "2024-09-06") -> Doc:
        return TimeStage()(parsed_doc(text, published))

    return make


def test_event_times_sample_deadlines_and_chain(timed, sample_text):
    doc = timed(sample_text)
    pull, erbil = link(
        doc,
        event(doc, "pull", modality="planned"),
        event(doc, "withdrawal", modality="planned", nth=2),
    )
    assert (pull.time.relation, pull.time.value) == ("by", "2025-09")
    # "after another year" is chained on "by September 2025": the deadline carries over.
    assert (erbil.time.relation, erbil.time.value) == ("by", "2026-09")
    assert erbil.time.time_id == next(t.id for t in doc.times if t.value == "2026-09")
    assert erbil.trace[-1] == f"time:{erbil.time.time_id}"


def test_event_times_sample_since_began_and_bare_month(timed, sample_text):
    doc = timed(sample_text)
    attacks, talks, announcement = link(
        doc,
        event(doc, "attacks", nth=1),
        event(doc, "talks", nth=1),
        event(doc, "announcement", modality="expected"),
    )
    assert (attacks.time.relation, attacks.time.value) == ("since", "2023-10-07")
    assert (talks.time.relation, talks.time.value) == ("began", "2024-01")
    assert (announcement.time.relation, announcement.time.value) == ("during", "2024-09")
    assert announcement.time.interval == ("2024-09-01", "2024-09-30")


@pytest.mark.parametrize(
    ("text", "trigger", "relation", "value"),
    [
        ("Rebels attacked the town before 3 May 2024 .", "attacked", "before", "2024-05-03"),
        ("Rebels attacked the town after 3 May 2024 .", "attacked", "after", "2024-05-03"),
        ("Rebels held the town until 3 May 2024 .", "held", "until", "2024-05-03"),
        ("Rebels attacked the town on 3 May 2024 .", "attacked", "on", "2024-05-03"),
        ("Rebels attacked the town during March 2024 .", "attacked", "during", "2024-03"),
        ("The strike ended in March 2024 .", "strike", "ended", "2024-03"),
        ("Rebels attacked the town from 2009 to 2011 .", "attacked", "during", "P2Y"),
        ("Rebels attacked the town between 2014 and 2016 .", "attacked", "during", "P2Y"),
    ],
)
def test_event_times_relations(timed, text, trigger, relation, value):
    doc = timed(text)
    (linked,) = link(doc, event(doc, trigger))
    assert (linked.time.relation, linked.time.value) == (relation, value)


def test_event_times_publication_fallback_is_marked(timed):
    doc = timed("Rebels attacked the town and officials condemned the attack .")
    (linked,) = link(doc, event(doc, "attacked"))
    assert linked.time.relation == "on"
    assert linked.time.value == "2024-09-06"
    assert linked.time.time_id is None
    assert linked.trace == ("rule:x", FALLBACK_TRACE)
    assert linked.confidence == pytest.approx(0.7)


def test_event_times_no_fallback_for_unrealised_events(timed):
    doc = timed("Rebels threatened to attack the town .")
    (linked,) = link(doc, event(doc, "attack", modality="threatened"))
    assert linked.time is None
    assert linked.confidence == 0.8


def test_event_times_no_fallback_without_publication_date(timed):
    doc = timed("Rebels attacked the town .", None)
    (linked,) = link(doc, event(doc, "attacked"))
    assert linked.time is None


def test_event_times_time_of_another_sentence_is_not_used(timed):
    doc = timed("Talks began in January 2024 . Rebels attacked the town .")
    (linked,) = link(doc, event(doc, "attacked"))
    assert linked.time.time_id is None
    assert FALLBACK_TRACE in linked.trace


def test_event_times_doc_without_events_is_unchanged():
    doc = Doc(article=Article(id="a", text="Nothing happened."))
    assert EventTimeStage()(doc) is doc


@pytest.mark.slow
@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # a definite later mention with a clause of its own dates the event
        ("The deal follows months of those talks, which began in March this year.",
         ("began", "2024-03")),
        # an indefinite one may be other talks: the publication fallback stays
        ("Other talks began in March this year.", ("on", "2024-09-06")),
    ],
)  # fmt: skip
def test_event_times_from_a_later_mention_of_the_event(second, expected):
    from eventwire.api import extract

    text = "Officials said technical talks with the US government have concluded.\n" + second
    doc = extract(text, published="2024-09-06")
    talks = next(e for e in doc.events if doc.text_of(e.trigger) == "talks")
    assert (talks.time.relation, talks.time.value) == expected
