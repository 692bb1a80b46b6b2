"""The place stage: find place mentions, resolve each to a GeoNames-backed gazetteer entry
(coordinates, ISO alpha-3 country, admin1), and mark capitals and countries that stand for
their government (metonyms). Reads `doc.parsed`; adds `doc.places` ("p1", "p2", ...).

Unknown places keep their mention with null coordinates and a low confidence: coordinates are
never invented. A name only the parser calls a place, that the gazetteer does not know, is
kept only when the words around it or in it say it is a place (`is_unattested`). A street or
building the gazetteer lacks, or a village the text places ("Rathbeggan, near
Dunshaughlin"), takes the point of the place the text puts it in, and another unknown place
the article's own town, with `within` naming that place (see `sites.py`).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.model import Doc, Place, Span
from eventwire.stages.s4_places.evidence import has_place_context
from eventwire.stages.s4_places.gazetteer import Gazetteer
from eventwire.stages.s4_places.gazetteer_sources import load_gazetteer
from eventwire.stages.s4_places.mentions import PlaceMention, find_place_mentions
from eventwire.stages.s4_places.metonymy import is_metonym
from eventwire.stages.s4_places.resolution import Resolution, resolve_all
from eventwire.stages.s4_places.sites import (
    SITE_CONFIDENCE,
    focus_containers,
    is_site,
    site_containers,
)

log = logging.getLogger(__name__)

STAGE = "places/1"
# Labels whose names the gazetteer does not know are kept only with other evidence: tuned on
# GeoWebNews's tuning part, where 75 of 95 such GPE and LOC names kept were not places (FAC:
# 15 names fewer, 2 of them gold toponyms).
UNATTESTED_LABELS = frozenset({"GPE", "LOC", "FAC"})


class PlaceStage:
    name = "places"
    needs = frozenset({"parsed"})
    gives = frozenset({"places"})

    def __init__(
        self,
        *,
        lexicons: Path | None = None,
        cache_dir: Path | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        """`cache_dir`: where the gazetteer's compact file is kept (None: built in memory)."""
        if gazetteer is None:
            gazetteer = load_gazetteer(lexicons, cache_dir)
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if doc.parsed is None:
            return doc
        places = extract_places(doc.parsed, self.gazetteer)
        log.debug("%s: %d places", doc.article.id, len(places))
        return replace(doc, places=tuple(places))


def extract_places(parsed: Any, gazetteer: Gazetteer) -> list[Place]:
    mentions = find_place_mentions(parsed, gazetteer)
    sentence_of = [sentence_index(parsed, m) for m in mentions]
    between = [
        parsed[m.end : mentions[i + 1].start].text if i + 1 < len(mentions) else ""
        for i, m in enumerate(mentions)
    ]
    resolutions = resolve_all(gazetteer, mentions, sentence_of, between)
    places = [
        to_place(parsed, i, m, r, gazetteer.words)
        for i, (m, r) in enumerate(zip(mentions, resolutions, strict=True))
    ]
    words = gazetteer.words
    containers = site_containers(mentions, resolutions, sentence_of, between, words)
    unattested = {
        i
        for i, (m, r) in enumerate(zip(mentions, resolutions, strict=True))
        if r.entry is None and i not in containers and is_unattested(parsed, m, gazetteer)
    }
    skip = containers.keys() | unattested
    containers |= focus_containers(mentions, resolutions, between, skip, words)
    for i, j in containers.items():
        kind = "facility" if is_site(mentions[i], words) else places[i].kind
        places[i] = place_within(places[i], places[j], kind)
    return renumber([p for i, p in enumerate(places) if i not in unattested])


def is_unattested(parsed: Any, mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """Whether a name the gazetteer does not know, that the parser alone calls a place (GPE,
    LOC or FAC), has nothing else that says it is one: no locative word or place suffix around
    it (evidence.py), no "the" or "at" before it, no feature, site or compass word in it
    ("UConn", "Coincheck", "Guhdar, a Kurdish ..."; kept: "in Earlsheaton", "the Orinoco",
    "Tijuana River")."""
    if mention.label not in UNATTESTED_LABELS or mention.kind_hint or mention.named_for:
        return False
    words = gazetteer.words
    telling = words["feature"] | words["site"] | words["compass"]
    if any(t.lower_ in telling for t in parsed[mention.start : mention.end]):
        return False
    if mention.start > 0 and parsed[mention.start - 1].lower_ in ("the", "at"):
        return False
    return not has_place_context(parsed, gazetteer, mention.start, mention.end, label="")


def renumber(places: list[Place]) -> list[Place]:
    """Ids "p1", "p2", ... in order, `within` following its place's new id."""
    new_id = {p.id: f"p{i + 1}" for i, p in enumerate(places)}
    return [
        replace(p, id=new_id[p.id], within=new_id.get(p.within) if p.within else None)
        for p in places
    ]


def place_within(site: Place, town: Place, kind: str) -> Place:
    """A place the gazetteer lacks, given the point, country and admin1 of the place the text
    puts it in."""
    return replace(
        site,
        kind=kind,
        country=town.country,
        admin1=town.admin1,
        lat=town.lat,
        lon=town.lon,
        confidence=SITE_CONFIDENCE,
        within=town.id,
    )


def sentence_index(parsed: Any, mention: PlaceMention) -> int:
    return parsed[mention.start].sent.start


def to_place(
    parsed: Any,
    i: int,
    mention: PlaceMention,
    resolution: Resolution,
    words: dict[str, frozenset[str]],
) -> Place:
    first, last = parsed[mention.start], parsed[mention.end - 1]
    span = Span(first.idx, last.idx + len(last.text))
    entry = resolution.entry
    return Place(
        id=f"p{i + 1}",
        span=span,
        name=entry.name if entry and not resolution.stand_in else mention.text,
        kind=resolution.kind,
        country=entry.country if entry else None,
        admin1=entry.admin1 if entry else None,
        lat=entry.lat if entry else None,
        lon=entry.lon if entry else None,
        geonames_id=entry.geonames_id if entry and not resolution.stand_in else None,
        confidence=resolution.confidence,
        stage=STAGE,
        metonym=is_metonym(
            parsed,
            mention.start,
            mention.end,
            kind=resolution.kind,
            capital=bool(entry and entry.capital),
            words=words,
        ),
    )
