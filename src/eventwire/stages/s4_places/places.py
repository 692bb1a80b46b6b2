"""The place stage: find place mentions, resolve each to a GeoNames-backed gazetteer entry
(coordinates, ISO alpha-3 country, admin1), and mark capitals and countries that stand for
their government (metonyms). Reads `doc.parsed`; adds `doc.places` ("p1", "p2", ...).

Unknown places keep their mention with null coordinates and a low confidence: coordinates are
never invented. A street or building the gazetteer lacks, or a village the text places
("Rathbeggan, near Dunshaughlin"), takes the point of the place the text puts it in, with
`within` naming that place (see `sites.py`).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.model import Doc, Place, Span
from eventwire.stages.s4_places.gazetteer import Gazetteer
from eventwire.stages.s4_places.gazetteer_sources import load_gazetteer
from eventwire.stages.s4_places.mentions import PlaceMention, find_place_mentions
from eventwire.stages.s4_places.metonymy import is_metonym
from eventwire.stages.s4_places.resolution import Resolution, resolve_all
from eventwire.stages.s4_places.sites import SITE_CONFIDENCE, is_site, site_containers

log = logging.getLogger(__name__)

STAGE = "places/1"


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
    for i, j in containers.items():
        kind = "facility" if is_site(mentions[i], words) else places[i].kind
        places[i] = place_within(places[i], places[j], kind)
    return places


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
