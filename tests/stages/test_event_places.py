"""Tests of the event-place linker, on hand-built events over real parsed text."""

from __future__ import annotations

import pytest

from eventwire.model import Doc, Event, Span, replace


def make_event(doc: Doc, trigger: str, *, event_id: str = "e1", nth: int = 0) -> Event:
    text = doc.article.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    span = Span(start, start + len(trigger))
    sentence = next(s for s in doc.parsed.sents if s.start_char <= start < s.end_char)
    return Event(
        id=event_id,
        type="RETREAT",
        plover_type="RETREAT",
        mode=None,
        modality="occurred",
        modality_cue=None,
        trigger=span,
        sentence=Span(sentence.start_char, sentence.end_char),
        actors=(),
        recipients=(),
        confidence=0.9,
        trace=("test",),
    )


@pytest.fixture(scope="module")
def link(parsed_doc):
    from eventwire.stages.s4_places.places import PlaceStage
    from eventwire.stages.s8_links.event_places import EventPlaceStage

    places, linker = PlaceStage(), EventPlaceStage()

    def run(text: str, *triggers: str) -> tuple[Doc, list[str | None]]:
        doc = places(parsed_doc(text))
        events = tuple(make_event(doc, t, event_id=f"e{i}") for i, t in enumerate(triggers))
        doc = linker(replace(doc, events=events))
        by_id = {p.id: doc.text_of(p.span) for p in doc.places}
        return doc, [by_id.get(e.place) if e.place else None for e in doc.events]

    return run


def test_event_place_stage_declares_its_needs_and_gives():
    from eventwire.stages.s8_links.event_places import EventPlaceStage

    assert EventPlaceStage.name == "event_places"
    assert EventPlaceStage.needs == frozenset({"parsed", "places", "events"})
    assert EventPlaceStage.gives == frozenset({"event_places"})


def test_event_place_stage_leaves_docs_without_events_alone():
    from eventwire.api import make_article
    from eventwire.stages.s8_links.event_places import EventPlaceStage

    doc = Doc(article=make_article("Nothing happened."))
    assert EventPlaceStage()(doc) is doc


@pytest.mark.slow
def test_event_places_sample_withdrawal_is_at_the_airbase(link, sample_text):
    _, found = link(sample_text, "pull out", "withdrawal of remaining")
    assert found == ["Ain Al-Asad airbase", "Erbil"]


@pytest.mark.slow
def test_event_places_metonym_actor_is_never_the_place(link):
    _, found = link("Washington said it struck targets in Syria on Monday.", "struck")
    assert found == ["Syria"]


@pytest.mark.slow
def test_event_places_no_place_when_only_a_metonym(link):
    _, found = link("Moscow rejected the plan on Monday.", "rejected")
    assert found == [None]


@pytest.mark.slow
def test_event_places_prefers_the_most_specific_attached_place(link):
    _, found = link("Militants attacked a checkpoint in Kirkuk in northern Iraq.", "attacked")
    assert found == ["Kirkuk"]


@pytest.mark.slow
def test_event_places_falls_back_to_the_sentence(link):
    _, found = link("In Nairobi, police dispersed the protesters with tear gas.", "dispersed")
    assert found == ["Nairobi"]


@pytest.mark.slow
def test_event_places_the_events_own_actor_is_not_its_place():
    import eventwire

    result = eventwire.extract("Russia accused Ukraine of attacking a power plant.")
    attack = next(e for e in result.events if result.text_of(e.trigger) == "attacking")
    assert [a.country for a in attack.actors] == ["UKR"]
    assert attack.place is None  # Ukraine is who attacks, not where
    assert "UKR" not in {r.country for r in attack.recipients}
