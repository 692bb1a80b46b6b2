"""Resolve each place mention to one gazetteer entry, using the article around it.

A candidate's score adds a prior for its kind, its population (prominence), whether it is a
national capital, the kind the text names ("Anbar province"), the countries and admin1 areas
the article mentions elsewhere, and the places next to it ("Paris, Texas"; "Iraq's western
Anbar province"). Two passes: the first, without context, tells which countries and regions
the article is about; the second scores with that context.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.stages.s4_places.focus import Focus, dominant_admin1s, focus_of
from eventwire.stages.s4_places.gazetteer import Gazetteer, GazetteerEntry
from eventwire.stages.s4_places.gazetteer_sources import FACILITY_DESIGNATORS, facility_key
from eventwire.stages.s4_places.mentions import PlaceMention, is_prominent

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
POPULATION_WEIGHT = 0.7  # per order of magnitude
# An admin1 area earns its kind's prior in full from this many people, and none of it below a
# tenth of that: a parish of Jamaica is no stronger a reading of "Manchester" than a city.
ADMIN1_FULL_POPULATION = 1_000_000
CAPITAL_BONUS = 2.5
# A city of millions is what the name means almost anywhere ("Toronto", not Toronto, Ohio).
METROPOLIS_POPULATION = 1_000_000
METROPOLIS_BONUS = 1.0
PROJECT_BONUS = 3.5
# A large city that the name shares with the admin1 area around it is what news means by
# the name ("New York", "Kharkiv"): it takes the area's score plus this margin.
NAMESAKE_MARGIN = 0.5
NAMESAKE_POPULATION = 100_000
NO_POINT_PENALTY = 2.0
ALTERNATE_PENALTY = 1.5  # matched only by a multilingual alternate name ("Venice" for Dayton)
HINT_BONUS = 3.0
# An admin2 area named without its designator ("Atlantic" for Atlantic County) is a weaker
# reading than a town or a region of that name; hand-set, checked on GeoWebNews.
BARE_ADMIN2_PENALTY = 2.0
DOC_COUNTRY_BONUS = 1.5  # plus up to as much again by the country's share of the article
# An admin1 area the article's other places lie in: this, plus FOCUS_ADMIN1_BONUS times the
# share of those places (below country level) that lie in it, so a local paper's "Paris"
# stays in its state (focus.py). Hand-set so that a state holding all of an article's other
# places outweighs a capital's and a metropolis's bonuses over a small town (2.5 + 1.0 plus
# about 2 orders of magnitude of population less the country bonus); checked on GeoWebNews.
DOC_ADMIN1_BONUS = 1.5
FOCUS_ADMIN1_BONUS = 3.0
FOCUS_MIN_SHARE = 0.5
FOCUS_MAX_RATIO = 20
# Rounds of resolution after the first: each reads the focus from the previous round's
# readings, so names that are each ambiguous ("Paris" and "Lamar County") settle together.
FOCUS_ROUNDS = 2
NEAR_COUNTRY_BONUS = 1.5
NEAR_ADMIN1_BONUS = 3.0
COMMA_BONUS = 3.0  # "Paris, Texas": the next name is the candidate's admin1 or country
NEIGHBOUR_TOKENS = 8
# Names in one list ("England and Wales"; "Washington, New York and Boston") are of a kind
# with each other, and none of them contains another.
LIST_KIND_BONUS = 1.5
_AND = re.compile(r"\s*,?\s*(?:and|or|&|/)\s*$", re.IGNORECASE)
# Confidence of an unknown place (no gazetteer entry), of a lone candidate, and the span the
# margin between the two best candidates maps into.
UNKNOWN_CONFIDENCE = 0.2
LONE_CONFIDENCE = 0.9
FALLBACK_FACILITY_CONFIDENCE = 0.4
# A part of a place named by a compass word ("north west London", "South Florida") takes the
# point of the place; only a town or an admin area, whose parts lie near its point.
COMPASS_CONFIDENCE = 0.5
COMPASS_BASE_KINDS = frozenset({"city", "admin2", "admin1"})


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: GazetteerEntry | None
    kind: str
    confidence: float
    # the entry is a larger place standing in for the one named (a facility we know only the
    # town of, "north west London"): its point, country and admin1, not its name or id
    stand_in: bool = False


Candidate = tuple[GazetteerEntry, bool]  # the entry, and whether a strong name matched


def candidates(gazetteer: Gazetteer, mention: PlaceMention) -> tuple[list[Candidate], str | None]:
    """Entries the mention may name, and the kind of the place they stand in for when the
    gazetteer lacks the place itself (a facility, a compass part of a region), else None."""
    if mention.named_for:  # "Colorado State University": the point of Colorado
        named = gazetteer.lookup_strength(mention.named_for)
        return [(e, s) for e, s in named if s and e.kind != "facility"], "facility"
    key = facility_key(mention.text)
    if mention.kind_hint == "facility" or key:
        found = gazetteer.lookup_strength(key) if key else []
        facilities = [(e, s) for e, s in found if e.kind == "facility"]
        scheduled = [(e, s) for e, s in facilities if gazetteer.is_scheduled(e)]
        facilities = scheduled or facilities
        if facilities:
            return facilities, None
        core = mention.text
        for long, _short in FACILITY_DESIGNATORS:
            if core.lower().endswith(" " + long):
                core = core[: -len(long) - 1]
                break
        town = [(e, s) for e, s in gazetteer.lookup_strength(core) if e.kind != "facility"]
        return town, "facility"
    found = [(e, s) for e, s in gazetteer.lookup_strength(mention.text) if e.kind != "facility"]
    if not found and mention.core_kind:  # "Oaxaca State", "Birmingham City": the name alone
        core = mention.text.rsplit(None, 1)[0]
        found = [(e, s) for e, s in gazetteer.lookup_strength(core) if e.kind == mention.core_kind]
    if mention.label == "FAC":  # a building or a stadium is no town of the same name
        found = [(e, s) for e, s in found if s and is_prominent(e)]
    if not found and mention.label in ("FAC", "GPE", "LOC"):  # "Schiphol", "Heathrow"
        airports = gazetteer.lookup_strength(f"{mention.text} airport")
        found = [(e, s) for e, s in airports if gazetteer.is_scheduled(e)]
    base = compass_base(mention.text, gazetteer.words) if not found else None
    if base:
        named = gazetteer.lookup_strength(base)
        if any(e.kind not in COMPASS_BASE_KINDS and e.kind != "facility" for e, _ in named):
            return [], None  # "Western US", "South Venezuela": too large to stand in
        parts = [(e, s) for e, s in named if s and e.kind in COMPASS_BASE_KINDS]
        return [(e, s) for e, s in parts if is_prominent(e)], "region"
    return found, None


def compass_base(text: str, place_words: dict[str, frozenset[str]]) -> str | None:
    """The place a compass phrase names a part of ("London" of "north west London")."""
    words = text.split()
    compass = place_words.get("compass", frozenset())
    n = 0
    while n < len(words) - 1 and words[n].casefold() in compass:
        n += 1
    return " ".join(words[n:]) if n else None


@dataclass(slots=True)
class Context:
    focus: Focus
    texts: Sequence[str]  # per mention, its text (a mention is no evidence for itself)
    country_named: Sequence[bool]  # per mention, whether it is a country's name ("China")
    neighbours: list[list[GazetteerEntry]]  # per mention: candidates of the names near it
    comma_next: list[list[GazetteerEntry]]  # per mention: candidates of "X, <name>"
    # per mention: the kinds its list partners were read as ("California or Washington")
    list_kinds: list[set[str]] = field(default_factory=list)
    # admin1 areas that hold most of their country's people (England): no focus of their own
    dominant_admin1s: frozenset[tuple[str | None, str | None]] = frozenset()


def prior_score(entry: GazetteerEntry, mention: PlaceMention, *, strong: bool = True) -> float:
    score = 0.0 if strong else -ALTERNATE_PENALTY
    score += kind_prior(entry) + POPULATION_WEIGHT * math.log10(entry.population + 1)
    if entry.capital and strong:  # "Salisbury" is an old name of Harare, not Harare
        score += CAPITAL_BONUS
    elif entry.kind == "city" and entry.population >= METROPOLIS_POPULATION and strong:
        score += METROPOLIS_BONUS
    if entry.source == "eventwire":
        score += PROJECT_BONUS
    if entry.lat is None:
        score -= NO_POINT_PENALTY
    if mention.kind_hint and mention.kind_hint == entry.kind:
        score += HINT_BONUS
    if entry.kind == "admin2" and len(entry.name.split()) > len(mention.text.split()):
        score -= BARE_ADMIN2_PENALTY  # "Atlantic" for Atlantic County, "Shelby" for Shelby County
    return score


def kind_prior(entry: GazetteerEntry) -> float:
    prior = KIND_PRIOR.get(entry.kind, -1.0)
    if entry.kind == "admin1" and entry.source != "eventwire":
        scale = math.log10(max(entry.population, 1) * 10 / ADMIN1_FULL_POPULATION)
        prior *= min(1.0, max(0.0, scale))
    return prior


def context_score(
    entry: GazetteerEntry, i: int, context: Context, *, largest_namesake: int = 0
) -> float:
    """The bonus of the article around mention i; `largest_namesake`: the population of the
    largest town of the same name in the entry's country (the focus does not move a name from
    a city of 600,000 to a village in the article's state: "Louisville", "Portland")."""
    score = 0.0
    text = context.texts[i]
    share = context.focus.country_share(entry.country, text)
    if share:
        score += DOC_COUNTRY_BONUS * (1 + share)
    share = context.focus.admin1_share(entry.country, entry.admin1, text, others=True)
    if share and entry.population * FOCUS_MAX_RATIO >= largest_namesake:
        score += DOC_ADMIN1_BONUS
        if (
            share >= FOCUS_MIN_SHARE
            and not context.country_named[i]
            and (entry.country, entry.admin1) not in context.dominant_admin1s
        ):
            score += FOCUS_ADMIN1_BONUS * share
    for other in context.neighbours[i]:
        if other.kind == "country" and other.country == entry.country and entry.kind != "country":
            score += NEAR_COUNTRY_BONUS
            break
    for other in context.neighbours[i]:
        if other.kind == "admin1" and entry.kind != "admin1" and other.name == entry.admin1:
            score += NEAR_ADMIN1_BONUS
            break
    if context.list_kinds and entry.kind in context.list_kinds[i]:
        score += LIST_KIND_BONUS
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
    largest: dict[str | None, int] = {}
    for e, _ in found:
        # counties share names across states by design ("Montgomery County" in 18 states): a
        # local story's county is its state's, whatever the size of the others
        if e.kind == "city":
            largest[e.country] = max(largest.get(e.country, 0), e.population)
    scored = [
        (
            prior_score(e, mention, strong=s)
            + (context_score(e, i, context, largest_namesake=largest.get(e.country, 0))
               if context else 0.0),
            e,
        )
        for e, s in found
    ]  # fmt: skip
    # a large city named like the admin1 area around it outranks that area, and only it,
    # unless the text says it means the area ("Idlib province")
    admin1_score = {(e.country, e.name): score for score, e in scored if e.kind == "admin1"}
    scored = [
        (max(score, admin1_score[(e.country, e.admin1 or "")] + NAMESAKE_MARGIN), e)
        if is_namesake(e, admin1_score) and mention.kind_hint != "admin1"
        else (score, e)
        for score, e in scored
    ]
    scored.sort(key=lambda pair: -pair[0])
    return scored


def is_namesake(entry: GazetteerEntry, admin1s: dict[tuple[str | None, str], float]) -> bool:
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
    texts = [m.text for m in mentions]
    focus = focus_of(list(zip(texts, first, strict=True)))
    groups = list_groups(text_between)
    # "Springfield, Illinois, and Columbus, Ohio": a comma before a sure admin1 area or
    # country is "X, <where X is>" even inside a list
    inside_next = [
        text_between[i].strip() == ","
        and i + 1 < len(mentions)
        and first[i + 1] is not None
        and first[i + 1].kind in ("admin1", "country")
        for i in range(len(mentions))
    ]
    neighbours: list[list[GazetteerEntry]] = []
    comma_next: list[list[GazetteerEntry]] = []
    list_kinds: list[set[str]] = []
    for i, mention in enumerate(mentions):
        near: list[GazetteerEntry] = []
        kinds: set[str] = set()
        for j, other in enumerate(mentions):
            if j == i or sentence_of[j] != sentence_of[i]:
                continue
            contains = inside_next[min(i, j)] and abs(i - j) == 1
            if groups[j] == groups[i] is not None and not contains:  # alike, not containers
                kinds.update(e.kind for e in (first[j],) if e is not None)
                continue
            gap = max(other.start - mention.end, mention.start - other.end)
            if gap <= NEIGHBOUR_TOKENS:
                near.extend(e for e, _ in found[j])
        neighbours.append(near)
        list_kinds.append(kinds)
        comma = i + 1 < len(mentions) and text_between[i].strip() == ","
        following = comma and (groups[i] is None or inside_next[i])
        comma_next.append([e for e, _ in found[i + 1]] if following else [])
    country_named = [any(e.kind == "country" and s for e, s in f) for f in found]
    return Context(focus, texts, country_named, neighbours, comma_next, list_kinds)


def list_groups(text_between: Sequence[str]) -> list[int | None]:
    """Per mention, the number of the list of names it belongs to, or None. Names joined by
    "and", "or", "&" or "/" make a list, and so do commas in a run that one of those closes
    ("Washington, New York and Boston"); a comma alone is no list ("Paris, Texas")."""
    groups: list[int | None] = [None] * (len(text_between))
    i = 0
    while i < len(text_between):
        j = i
        while j < len(text_between) - 1 and (
            _AND.fullmatch(text_between[j]) or text_between[j].strip() == ","
        ):
            j += 1
        links = text_between[i:j]
        if any(_AND.fullmatch(t) for t in links):
            for k in range(i, j + 1):
                groups[k] = i
        i = j + 1
    return groups


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
    context.dominant_admin1s = dominant_admin1s(gazetteer, found)
    for _ in range(FOCUS_ROUNDS - 1):
        readings = [(scored[0][1] if scored else None) for scored in
                    (rank(found[i], m, i, context) for i, m in enumerate(mentions))]  # fmt: skip
        context.focus = focus_of(list(zip(context.texts, readings, strict=True)))
    out: list[Resolution] = []
    for i, mention in enumerate(mentions):
        scored = rank(found[i], mention, i, context)
        if not scored:
            kind = "facility" if mention.label == "FAC" else mention.kind_hint or "other"
            out.append(Resolution(None, kind, UNKNOWN_CONFIDENCE))
            continue
        entry = scored[0][1]
        stand_in = found_pairs[i][1]
        if stand_in:  # a facility we only know the town of; a compass part of a place
            confidence = (
                FALLBACK_FACILITY_CONFIDENCE if stand_in == "facility" else COMPASS_CONFIDENCE
            )
            out.append(Resolution(entry, stand_in, confidence, stand_in=True))
            continue
        out.append(Resolution(entry, entry.kind, confidence_of(scored)))
    return out
