"""The bundled sample article against its hand annotation (samples/iraq-withdrawal.gold.json):
every required event with the right type, actors, modality, count and time, and nothing the
annotation's must_not list forbids."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.model import PLOVER_TYPES

pytestmark = pytest.mark.slow

# The annotation says "asserted" for what our modality list calls "occurred".
MODALITY = {"asserted": "occurred"}
RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE"}


@pytest.fixture(scope="module")
def result(sample_text):
    return eventwire.extract(sample_text, published="2024-09-06")


def required_events(gold):
    return [e for e in gold["events"] if e["required"] and e["type"] in PLOVER_TYPES]


def matching_event(result, gold_event):
    text = result.article.text
    start = text.index(gold_event["evidence"])
    end = start + len(gold_event["evidence"])
    found = [
        e
        for e in result.events
        if start <= e.trigger.start and e.trigger.end <= end and e.type == gold_event["type"]
    ]
    assert found, f"no {gold_event['type']} event in {gold_event['evidence']!r}"
    return found[0]


def test_sample_has_every_required_event(result, sample_gold):
    assert len(required_events(sample_gold)) == 6
    for gold_event in required_events(sample_gold):
        matching_event(result, gold_event)


def test_sample_required_events_have_the_gold_modality(result, sample_gold):
    for gold_event in required_events(sample_gold):
        event = matching_event(result, gold_event)
        expected = MODALITY.get(gold_event["modality"], gold_event["modality"])
        assert event.modality == expected, gold_event["id"]


def test_sample_required_events_have_the_gold_actors(result, sample_gold):
    for gold_event in required_events(sample_gold):
        event = matching_event(result, gold_event)
        countries = {a.country for a in event.actors}
        if gold_event["type"] in RECIPROCAL:
            countries |= {a.country for a in event.recipients}
        wanted = gold_event.get("actors") or [gold_event["actor"]]
        for actor in wanted:
            if len(actor) == 3 and actor.isupper():
                assert actor in countries, (gold_event["id"], countries)
        if "actor_sponsor" in gold_event:
            assert gold_event["actor_sponsor"] in {a.sponsor for a in event.actors}
        if "recipient" in gold_event:
            assert gold_event["recipient"] in {a.country for a in event.recipients}


def test_sample_counts_and_deadlines(result, sample_gold):
    for gold_event in required_events(sample_gold):
        event = matching_event(result, gold_event)
        if "count" in gold_event:
            assert event.count is not None
            assert event.count.min == gold_event["count"]["min"]
        gold_time = gold_event.get("time")
        # the talks' start ("which began in January this year") comes from the next sentence,
        # through its mention of "those talks"
        if gold_time:
            assert event.time is not None, gold_event["id"]
            assert (event.time.relation, event.time.value) == (
                gold_time["relation"],
                gold_time["value"],
            ), gold_event["id"]


def test_sample_nothing_withdrawn_yet(result):
    assert not [e for e in result.events if e.type == "RETREAT" and e.modality == "occurred"]


def test_sample_no_event_from_link_lines(result, sample_gold):
    text = result.article.text
    for rule in sample_gold["must_not"]:
        if "evidence" not in rule:
            continue
        start = text.index(rule["evidence"])
        line_end = text.find("\n", start)
        end = len(text) if line_end == -1 else line_end
        assert not [e for e in result.events if start <= e.trigger.start < end], rule["rule"]


def test_sample_every_event_is_attributed(result):
    assert result.sources
    for event in result.events:
        assert event.attributed_to, event.id


def test_sample_events_happen_at_the_gold_places(result, sample_gold):
    places = {p.id: p for p in result.places}
    for gold_event in required_events(sample_gold):
        if "place" not in gold_event:
            continue
        event = matching_event(result, gold_event)
        assert event.place is not None, gold_event["id"]
        place = places[event.place]
        assert place.country == gold_event["place_country"]
        gold_words = set(gold_event["place"].lower().replace("-", " ").split())
        written = f"{place.name} {result.text_of(place.span)}".lower()
        name_words = set(written.replace("-", " ").split())
        assert gold_words & name_words - {"air", "base", "al"}, (gold_event["id"], place.name)
