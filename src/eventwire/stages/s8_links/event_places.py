"""Give each event the place where it happened. Reads `doc.places`, `doc.events` and the
parse; sets `Event.place` to a Place id.

The place is a non-metonym place attached to the trigger: inside the trigger's syntactic
subtree behind a locative preposition ("pull out of the Ain Al-Asad airbase in Iraq's
western Anbar province"); failing that, any non-metonym place in the event's sentence. Among
several, the most specific kind wins (facility > city > admin2 > admin1 > region > country),
then the one nearest the trigger. A metonym ("Washington said") is an actor, never a place.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from eventwire.budget import check_budget
from eventwire.data import read_rows
from eventwire.model import Doc, Event, Place, Span
from eventwire.stages.s2_parse.tokens import tokens_in
from eventwire.stages.s8_links.place_index import Places
from eventwire.stages.s8_links.place_recipients import locate_actors, with_place_recipient

SPECIFICITY = {
    "facility": 0,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "country": 5,
    "other": 6,
}
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "from",
        "near",
        "of",
        "on",
        "inside",
        "outside",
        "into",
        "across",
        "throughout",
        "around",
        "within",
        "to",
        "over",
        "along",
        "off",
    }
)


# Within the place's noun phrase ("Anbar" of "Iraq's western Anbar province").
NOUN_PHRASE_DEPS = frozenset({"compound", "poss", "appos", "conj", "nmod"})
# Links from the preposition up to the trigger that stay in the trigger's clause.
PATH_DEPS = frozenset({"prep", "pobj", "prt", "advmod", "dobj", "conj", "appos"})
MAX_PATH = 8
# Dependency labels of a place that modifies a noun instead of naming a location.
MODIFIER_DEPS = frozenset({"compound", "npadvmod", "amod", "nmod", "poss"})


class EventPlaceStage:
    name = "event_places"
    needs = frozenset({"parsed", "places", "events"})
    gives = frozenset({"event_places"})

    def __call__(self, doc: Doc) -> Doc:
        if not doc.events or not doc.places or doc.parsed is None:
            return doc
        places = Places(p for p in doc.places if not p.metonym)
        all_places = Places(doc.places)
        events = []
        for event in doc.events:
            check_budget()
            linked = locate_actors(
                link_event(doc.parsed, event, places), all_places, doc.article.text
            )
            place = places.get(linked.place)
            # a place of the sentence's reporting clause ("..., officials in Nairobi said")
            # is where it was said, not where the event happened: no recipient from it
            said = place is not None and in_reporting_clause(doc.parsed, place)
            events.append(with_place_recipient(linked, None if said else place))
        return replace(doc, events=tuple(events))


def link_event(parsed: Any, event: Event, places: Places) -> Event:
    if event.place is not None:
        return event
    trigger = tokens_in(parsed, event.trigger.start, event.trigger.end)
    if not trigger:
        return event
    # a dependency path never leaves its sentence: only the trigger's sentence's places
    sentence = trigger[0].sent
    # the event's own actor is not where it happens, even when the places stage did not take
    # it for a metonym ("Russia accused Ukraine of attacking a power plant": Ukraine attacks)
    doers = [a.span for a in event.actors if a.span is not None]

    def is_doer(place: Place) -> bool:
        return any(d.start <= place.span.start and place.span.end <= d.end for d in doers)

    near = places.inside(sentence.start_char, sentence.end_char)
    attached = [p for p in near if not is_doer(p) and is_attached(parsed, p, trigger)]
    in_sentence = [
        p
        for p in places.inside(event.sentence.start, event.sentence.end)
        if not is_doer(p) and not is_modifier(parsed, p)
    ]
    for pool in (attached, in_sentence):
        if pool:
            best = min(
                pool, key=lambda p: (SPECIFICITY.get(p.kind, 6), distance(p.span, event.trigger))
            )
            return replace(event, place=best.id)
    return event


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """The reporting verbs (data/sources/cues.tsv, shared with the sources stage)."""
    return frozenset(row.cell(0) for row in read_rows("sources", "cues.tsv"))


def in_reporting_clause(parsed: Any, place: Place) -> bool:
    """Whether the place's nearest verb is a reporting verb: "officials in Nairobi said"."""
    tokens = tokens_in(parsed, place.span.start, place.span.end)
    if not tokens:
        return False
    token = min(tokens, key=lambda t: len(list(t.ancestors)))
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor.lemma_.lower() in reporting_verbs()
    return False


def is_attached(parsed: Any, place: Place, trigger: list[Any]) -> bool:
    """Whether the place is the object of a locative preposition that hangs from the trigger,
    through other prepositional phrases and objects only ("pull out of the airbase in Iraq's
    western Anbar province"; "withdrawal of forces from the region's capital, Erbil")."""
    tokens = tokens_in(parsed, place.span.start, place.span.end)
    if not tokens:
        return False
    heads = {t.i for t in trigger}
    token = min(tokens, key=lambda t: len(list(t.ancestors)))
    while token.dep_ in NOUN_PHRASE_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj" or not is_locative(token.head):
        return False
    node = token.head
    for _ in range(MAX_PATH):
        if node.i in heads or node.head.i in heads:
            return True
        if node.dep_ not in PATH_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


def is_locative(prep: Any) -> bool:
    if prep.lower_ == "of":  # "out of"
        return prep.head.lower_ == "out"
    return prep.lower_ in LOCATIVE


def is_modifier(parsed: Any, place: Place) -> bool:
    """A place that only modifies a noun ("Iran-backed militias", "US bases", "Iraq's
    prime minister") says nothing of where an event in its sentence happened."""
    tokens = tokens_in(parsed, place.span.start, place.span.end)
    if not tokens:
        return True
    root = min(tokens, key=lambda t: len(list(t.ancestors)))
    return root.dep_ in MODIFIER_DEPS


def distance(a: Span, b: Span) -> int:
    return abs(a.start - b.start)
