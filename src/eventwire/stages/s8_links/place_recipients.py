"""Countries for an event's recipients and actors from its places, as PLOVER codes them.

PLOVER codes the recipient of a domestic event by the country it happens in when the text
names no other: protesters in Kirkuk demonstrate against Iraq's government; a curfew in Cizre
coerces Turkey's people; a visit to Amman is received by Jordan. So an event of these kinds
whose recipients have no country takes the country of its place (set by event_places):
- PROTEST, COERCE, MOBILIZE: the place's country (a protest's recipient is its government);
- ASSAULT and THREATEN: the place's country, for targets the text gives no country
  ("killed 23 people in Tel Aviv", "threatened to resume attacks in Israel");
- CONSULT in mode visit or host: the host country's government.

And for actors and recipients:
- one named after a place, with no country of its own ("Darfur rebels", "Gaza militants"),
  takes the country of the place inside its name, and one followed by the place it is in
  ("police in Kirkuk", "residents of Idlib") that place's country;
- an ethnic group ("ethnic Albanians in south Serbia") is coded, as PLOVER does, by the
  country it lives in: the event's place, when the text gives one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.model import Actor, Event, Place
from eventwire.stages.s8_links.place_index import Places

DOMESTIC = frozenset({"PROTEST", "COERCE", "MOBILIZE", "ASSAULT", "THREATEN"})
VISIT_MODES = frozenset({"visit", "host"})
GOVERNMENT_RECIPIENT = frozenset({"PROTEST", "CONSULT"})
PLACE_KINDS = frozenset({"country", "admin1", "admin2", "city", "facility", "region"})


def locate_actors(event: Event, places: Places, text: str) -> Event:
    """Countries for actors and recipients from the places inside their names, and for
    ethnic groups from the event's place."""
    place = places.get(event.place)

    def located(actor: Actor) -> Actor:
        if actor.span is None:
            return actor
        name = text[actor.span.start : actor.span.end].lower()
        ethnic = name.startswith("ethnic ") or " ethnic " in name
        if ethnic and place is not None and place.country and place.country != actor.country:
            return replace(actor, country=place.country, rule=f"{actor.rule}+ethnic-place")
        if actor.country is not None:
            return actor
        span = actor.span
        inside = [
            p for p in places.inside(span.start, span.end) if p.country and p.kind != "country"
        ]
        if inside:
            return replace(actor, country=inside[0].country, rule=f"{actor.rule}+named-place")
        after = place_after(span.end, places, text)
        if after is not None:
            return replace(actor, country=after.country, rule=f"{actor.rule}+place-after")
        return actor

    actors = tuple(located(a) for a in event.actors)
    recipients = tuple(located(r) for r in event.recipients)
    if actors == event.actors and recipients == event.recipients:
        return event
    return replace(event, actors=actors, recipients=recipients)


# what joins a group to the place it is in: "police in Kirkuk", "rebels in Aleppo",
# "residents of Idlib" ("from" is left out: "expulsions of their diplomats from Russia" is
# where they leave, not where they are from)
PLACE_LINK = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")


def place_after(end: int, places: Places, text: str) -> Place | None:
    """The place named right after an actor's phrase, joined by "in" or "of"."""
    for place in places.starting_in(end, end + 12):
        if place.country and PLACE_LINK.fullmatch(text[end : place.span.start]):
            return place
    return None


def with_place_recipient(event: Event, place: Place | None) -> Event:
    """The event, with the country of its place (as its own phrase names it) as recipient
    where PLOVER codes it so."""
    if place is None or place.country is None or place.kind not in PLACE_KINDS:
        return event
    if any(r.country for r in event.recipients):
        return event
    visit = event.type == "CONSULT" and event.mode in VISIT_MODES
    if not (event.type in DOMESTIC or visit):
        return event
    if visit and any(a.country == place.country for a in event.actors):
        return event  # a visit inside one's own country has no foreign host
    sector = "GOV" if event.type in GOVERNMENT_RECIPIENT else None
    recipient = Actor(
        name=place.name, country=place.country, sector=sector, span=place.span, rule="place"
    )
    return replace(
        event,
        recipients=(*event.recipients, recipient),
        trace=(*event.trace, f"recipient:place:{place.id}"),
    )
