"""Resolve each place mention to one gazetteer entry, using the article around it.

A candidate's score adds a prior for its kind, its population (prominence), whether it is a
national capital, the kind the text names ("Anbar province"), the countries and admin1 areas
the article mentions elsewhere, and the places next to it ("Paris, Texas"; "Iraq's western
Anbar province"). Two passes: the first, without context, tells which countries and regions
the article is about; the second scores with that context.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.annotate.gazetteer import Gazetteer, GazetteerEntry
from eventwire.annotate.gazetteer_sources import FACILITY_DESIGNATORS, facility_key
from eventwire.annotate.place_mentions import PlaceMention, is_prominent

# Calibration: hand-set, then checked on GeoWebNews's accuracy@161km and the sample article.
# A country outranks a same-named city unless the article's context clearly points to the city;
# a national capital outranks a same-named admin1 area ("Washington"); a project entry wins
# over a same-named package entry ("Gaza Strip" the region rather than the admin1 area).
KIND_PRIOR = {
    "country": 3.0,
    "region": 2.5,
    "admin1": 1.5,
    "city": 0.0,
    "facility": 0.0,
    "admin2": -0.5,
    "other": -1.0,
}
POPULATION_WEIGHT = 0.5  # per order of magnitude
CAPITAL_BONUS = 2.5
PROJECT_BONUS = 3.5
# A large city that the name shares with the admin1 area around it is what news means by
# the name ("New York", "Kharkiv"); without this the larger admin1 area always wins.
NAMESAKE_BONUS = 2.0
NAMESAKE_POPULATION = 100_000
NO_POINT_PENALTY = 2.0
ALTERNATE_PENALTY = 1.5  # matched only by a multilingual alternate name ("Venice" for Dayton)
HINT_BONUS = 3.0
DOC_COUNTRY_BONUS = 1.5  # plus up to as much again by the country's share of the article
DOC_ADMIN1_BONUS = 1.5
NEAR_COUNTRY_BONUS = 1.5
NEAR_ADMIN1_BONUS = 3.0
COMMA_BONUS = 3.0  # "Paris, Texas": the next name is the candidate's admin1 or country
NEIGHBOUR_TOKENS = 8
# Confidence of an unknown place (no gazetteer entry), of a lone candidate, and the span the
# margin between the two best candidates maps into.
UNKNOWN_CONFIDENCE = 0.2
LONE_CONFIDENCE = 0.9
FALLBACK_FACILITY_CONFIDENCE = 0.4


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: GazetteerEntry | None
    kind: str
    confidence: float


Candidate = tuple[GazetteerEntry, bool]  # the entry, and whether a strong name matched


def candidates(gazetteer: Gazetteer, mention: PlaceMention) -> tuple[list[Candidate], bool]:
    """Entries the mention may name, and whether they stand in for a facility we lack."""
    if mention.kind_hint == "facility":
        key = facility_key(mention.text)
        found = gazetteer.lookup_strength(key) if key else []
        facilities = [(e, s) for e, s in found if e.kind == "facility"]
        if facilities:
            return facilities, False
        core = mention.text
        for long, _short in FACILITY_DESIGNATORS:
            if core.lower().endswith(" " + long):
                core = core[: -len(long) - 1]
                break
        return [(e, s) for e, s in gazetteer.lookup_strength(core) if e.kind != "facility"], True
    found = [(e, s) for e, s in gazetteer.lookup_strength(mention.text) if e.kind != "facility"]
    if not found and mention.core_kind:  # "Oaxaca State", "Birmingham City": the name alone
        core = mention.text.rsplit(None, 1)[0]
        found = [(e, s) for e, s in gazetteer.lookup_strength(core) if e.kind == mention.core_kind]
    if mention.label == "FAC":  # a building or a stadium is no town of the same name
        found = [(e, s) for e, s in found if s and is_prominent(e)]
    return found, False


@dataclass(slots=True)
class Context:
    countries: Counter[str]
    admin1s: set[str]
    neighbours: list[list[GazetteerEntry]]  # per mention: candidates of the names near it
    comma_next: list[list[GazetteerEntry]]  # per mention: candidates of "X, <name>"


def prior_score(entry: GazetteerEntry, mention: PlaceMention, *, strong: bool = True) -> float:
    score = 0.0 if strong else -ALTERNATE_PENALTY
    score += KIND_PRIOR.get(entry.kind, -1.0) + POPULATION_WEIGHT * math.log10(entry.population + 1)
    if entry.capital and strong:  # "Salisbury" is an old name of Harare, not Harare
        score += CAPITAL_BONUS
    if entry.source == "eventwire":
        score += PROJECT_BONUS
    if entry.lat is None:
        score -= NO_POINT_PENALTY
    if mention.kind_hint and mention.kind_hint == entry.kind:
        score += HINT_BONUS
    return score


def context_score(entry: GazetteerEntry, i: int, context: Context) -> float:
    score = 0.0
    if entry.country and context.countries:
        share = context.countries[entry.country] / max(context.countries.values())
        if share:
            score += DOC_COUNTRY_BONUS * (1 + share)
    if entry.admin1 in context.admin1s:
        score += DOC_ADMIN1_BONUS
    for other in context.neighbours[i]:
        if other.kind == "country" and other.country == entry.country and entry.kind != "country":
            score += NEAR_COUNTRY_BONUS
            break
    for other in context.neighbours[i]:
        if other.kind == "admin1" and entry.kind != "admin1" and other.name == entry.admin1:
            score += NEAR_ADMIN1_BONUS
            break
    for other in context.comma_next[i]:
        if (other.kind == "admin1" and other.name == entry.admin1) or (
            other.kind == "country" and other.country == entry.country and entry.kind != "country"
        ):
            score += COMMA_BONUS
            break
    return score


def rank(
    found: list[Candidate], mention: PlaceMention, i: int, context: Context | None
) -> list[tuple[float, GazetteerEntry]]:
    admin1s = {(e.country, e.name) for e, _ in found if e.kind == "admin1"}
    scored = [
        (
            prior_score(e, mention, strong=s)
            + (context_score(e, i, context) if context else 0.0)
            + (NAMESAKE_BONUS if is_namesake(e, admin1s) else 0.0),
            e,
        )
        for e, s in found
    ]
    scored.sort(key=lambda pair: -pair[0])
    return scored


def is_namesake(entry: GazetteerEntry, admin1s: set[tuple[str | None, str]]) -> bool:
    return (
        entry.kind == "city"
        and entry.population >= NAMESAKE_POPULATION
        and (entry.country, entry.admin1 or "") in admin1s
    )


def confidence_of(scored: list[tuple[float, GazetteerEntry]]) -> float:
    if len(scored) == 1:
        return LONE_CONFIDENCE
    gap = scored[0][0] - scored[1][0]
    return round(0.5 + 0.45 * (1 - math.exp(-gap)), 3)


def build_context(
    mentions: Sequence[PlaceMention],
    found: list[list[Candidate]],
    first: list[GazetteerEntry | None],
    sentence_of: Sequence[int],
    text_between: Sequence[str],
) -> Context:
    countries: Counter[str] = Counter()
    admin1s: set[str] = set()
    for entry in first:
        if entry is None:
            continue
        if entry.country:
            countries[entry.country] += 1
        if entry.admin1:
            admin1s.add(entry.admin1)
    neighbours: list[list[GazetteerEntry]] = []
    comma_next: list[list[GazetteerEntry]] = []
    for i, mention in enumerate(mentions):
        near: list[GazetteerEntry] = []
        for j, other in enumerate(mentions):
            if j != i and sentence_of[j] == sentence_of[i]:
                gap = max(other.start - mention.end, mention.start - other.end)
                if gap <= NEIGHBOUR_TOKENS:
                    near.extend(e for e, _ in found[j])
        neighbours.append(near)
        following = i + 1 < len(mentions) and text_between[i].strip() == ","
        comma_next.append([e for e, _ in found[i + 1]] if following else [])
    return Context(countries, admin1s, neighbours, comma_next)


def resolve_all(
    gazetteer: Gazetteer,
    mentions: Sequence[PlaceMention],
    sentence_of: Sequence[int],
    text_between: Sequence[str],
) -> list[Resolution]:
    """One resolution per mention. `text_between[i]` is the text from mention i to i + 1."""
    found_pairs = [candidates(gazetteer, m) for m in mentions]
    found = [pair[0] for pair in found_pairs]
    first: list[GazetteerEntry | None] = []
    for i, mention in enumerate(mentions):
        scored = rank(found[i], mention, i, None)
        # only confident first-pass readings set the context
        sure = bool(scored) and (len(scored) == 1 or confidence_of(scored) >= 0.7)
        first.append(scored[0][1] if sure else None)
    context = build_context(mentions, found, first, sentence_of, text_between)
    out: list[Resolution] = []
    for i, mention in enumerate(mentions):
        scored = rank(found[i], mention, i, context)
        if not scored:
            kind = "facility" if mention.label == "FAC" else mention.kind_hint or "other"
            out.append(Resolution(None, kind, UNKNOWN_CONFIDENCE))
            continue
        entry = scored[0][1]
        if found_pairs[i][1]:  # a facility we only know the town of
            out.append(Resolution(entry, "facility", FALLBACK_FACILITY_CONFIDENCE))
            continue
        out.append(Resolution(entry, entry.kind, confidence_of(scored)))
    return out
