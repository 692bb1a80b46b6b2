"""Attribution: events get the sources whose statements hold them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.model import Doc, Event, Span
from eventwire.stages.s6_sources.sources import SourceStage
from eventwire.stages.s8_links.attribution import AttributionStage


def event_at(doc: Doc, words: str, event_id: str) -> Event:
    """An Event whose trigger is the first occurrence of `words` in the article."""
    start = doc.article.text.index(words)
    trigger = Span(start, start + len(words))
    return Event(
        id=event_id,
        type="OTHER",
        plover_type="OTHER",
        mode=None,
        modality="asserted",
        modality_cue=None,
        trigger=trigger,
        sentence=trigger,
        actors=(),
        recipients=(),
        confidence=0.5,
        trace=("test",),
    )


@pytest.fixture(scope="module")
def sourced_sample(parsed_doc, sample_text) -> Doc:
    return SourceStage()(parsed_doc(sample_text, "2024-09-06"))


def names(doc: Doc, ids: tuple[str, ...]) -> list[tuple[str, str | None, int | None]]:
    by_id = {s.id: s for s in doc.sources}
    return [(by_id[i].kind, by_id[i].name, by_id[i].count) for i in ids]


@pytest.mark.slow
def test_attribution_sample_plan_goes_to_reuters_and_officials(sourced_sample) -> None:
    events = (
        event_at(sourced_sample, "agreed", "e1"),
        event_at(sourced_sample, "came to an agreement", "e2"),
    )
    doc = AttributionStage()(replace(sourced_sample, events=events))
    for event in doc.events:
        got = names(doc, event.attributed_to)
        assert got[0] == ("outlet", "Reuters", None)
        assert {("anonymous", None, 5), ("anonymous", None, 2), ("anonymous", None, 3)} <= set(got)


@pytest.mark.slow
def test_attribution_sample_talks_go_to_alaaldin(sourced_sample) -> None:
    doc = AttributionStage()(
        replace(sourced_sample, events=(event_at(sourced_sample, "concluded", "e1"),))
    )
    assert names(doc, doc.events[0].attributed_to) == [("named", "Farhad Alaaldin", None)]


@pytest.mark.slow
def test_attribution_direct_quote_goes_to_speaker(sourced_sample) -> None:
    doc = AttributionStage()(
        replace(sourced_sample, events=(event_at(sourced_sample, "announce it", "e1"),))
    )
    assert names(doc, doc.events[0].attributed_to)[0] == ("anonymous", None, 1)


@pytest.mark.slow
def test_attribution_late_narration_falls_to_outlet_alone(sourced_sample) -> None:
    doc = AttributionStage()(
        replace(sourced_sample, events=(event_at(sourced_sample, "70 attacks", "e1"),))
    )
    assert names(doc, doc.events[0].attributed_to) == [("outlet", "Reuters", None)]


@pytest.mark.slow
def test_attribution_without_outlet_leaves_narration_unattributed(parsed_doc) -> None:
    text = (
        "Rebels attacked a convoy near the border on Monday.\n"
        "The governor said troops had been sent."
    )
    doc = SourceStage()(parsed_doc(text, "2024-01-01"))
    events = (event_at(doc, "attacked", "e1"), event_at(doc, "sent", "e2"))
    doc = AttributionStage()(replace(doc, events=events))
    assert doc.events[0].attributed_to == ()
    [speaker] = doc.events[1].attributed_to
    assert next(s for s in doc.sources if s.id == speaker).name == "governor"


def test_attribution_stage_declares_needs() -> None:
    stage = AttributionStage()
    assert stage.needs == {"body", "sources", "attributions", "events"}
    assert stage.gives == {"attribution"}


@pytest.mark.slow
def test_attribution_event_in_a_prediction_goes_to_who_predicts(parsed_doc) -> None:
    text = (
        "Rebels attacked a convoy near the border on Monday, Reuters reported.\n"
        "Several analysts predict that the army will withdraw from the region by June."
    )
    doc = SourceStage()(parsed_doc(text, "2024-01-01"))
    events = (event_at(doc, "attacked", "e1"), event_at(doc, "withdraw", "e2"))
    doc = AttributionStage()(replace(doc, events=events))
    by_id = {s.id: s for s in doc.sources}
    assert [by_id[i].name for i in doc.events[0].attributed_to] == ["Reuters"]
    [analysts] = doc.events[1].attributed_to
    assert doc.text_of(by_id[analysts].span) == "Several analysts"


@pytest.mark.slow
def test_attribution_speaker_of_an_attribution_does_not_back_narration(parsed_doc) -> None:
    text = (
        "According to the Reuters news agency, troops left the base on Friday.\n"
        "Many analysts believe the move will anger Tehran.\n"
        "The base was handed to local forces."
    )
    doc = SourceStage()(parsed_doc(text, "2024-01-01"))
    doc = AttributionStage()(replace(doc, events=(event_at(doc, "handed", "e1"),)))
    assert names(doc, doc.events[0].attributed_to) == [("outlet", "Reuters", None)]
