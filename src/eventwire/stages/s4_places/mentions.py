"""Find place mentions in a parsed article: spaCy's GPE/LOC/FAC entities, plus names the
gazetteer knows that the parser missed or mislabelled (the small model tags Erbil as ORG and
cuts "airbase" off "Ain Al-Asad airbase"). Demonyms and adjectives ("Iraqi") are not places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.stages.s2_parse.tokens import token_lowers, token_texts
from eventwire.stages.s4_places.datelines import dateline_place
from eventwire.stages.s4_places.evidence import (
    has_place_context,
    in_list_with,
    inside_name,
    is_acronym,
    is_bare_abbreviation,
    knows_town,
    names_major,
    storm_tokens,
)
from eventwire.stages.s4_places.gazetteer import Gazetteer, GazetteerEntry
from eventwire.stages.s4_places.gazetteer_sources import FACILITY_DESIGNATORS, facility_key
from eventwire.stages.s4_places.institutions import institution_place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities of these labels become places only when the whole name is a prominent place.
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels of the names an institution named after a place may be given ("Colorado State
# University" as ORG, "Dubai World Cup" as EVENT, "Cavan Institute" as FAC).
INSTITUTION_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "EVENT"})
# Labels whose tokens the gazetteer scan leaves alone (names of people, works, laws...).
BLOCKING_LABELS = frozenset(
    {"PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "NORP", "LANGUAGE"}
)
# A city this populous (or a country, admin1 or project region) is "prominent": it may be
# taken from outside a GPE/LOC entity. Below it, a bare capitalised word is too often a
# surname or a common noun ("Mobile", "Reading"); tuned on GeoWebNews's general precision.
PROMINENT_POPULATION = 100_000
STRICT_POPULATION = 1_000_000
MAX_NAME_TOKENS = 5
# A one-word place cut out of a longer entity needs this many letters: "NC" of "NC Dinos" or
# "Mass" of "Easter Sunday Mass" is an abbreviation of a state, not a mention of it.
MIN_CUT_LETTERS = 5
# Rounds of the list rule: each may add the next name of a list ("A, B, C and D").
LIST_ROUNDS = 3
# a possessive the tagger may leave untagged ("New York’s" with a curly apostrophe)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token index
    end: int  # token index, exclusive
    text: str
    kind_hint: str | None  # admin1, admin2, city, region, facility, or None
    from_entity: bool
    label: str = ""  # the spaCy entity label it came from, if any
    # the kind its own last word names ("Oaxaca State", "Birmingham City"): the name without
    # that word is looked up when the whole is unknown
    core_kind: str | None = None
    # the place an institution's name is named after ("Colorado" of "Colorado State
    # University"): the whole name is one facility with that place's point
    named_for: str | None = None


def names_prominent(gazetteer: Gazetteer, text: str, *, strict: bool = False) -> bool:
    """Whether `text` is the canonical or curated name of a prominent place."""
    return any(
        strong and is_prominent(entry, strict=strict)
        for entry, strong in gazetteer.lookup_strength(text)
    )


def is_prominent(entry: GazetteerEntry, *, strict: bool = False) -> bool:
    """A country, admin1 area, project region or a large city; `strict`: no admin1 area and
    a city of a million (for a name the parser took for a person)."""
    if entry.kind == "country" or entry.source == "eventwire":
        return True
    if entry.kind == "admin1":
        return not strict
    floor = STRICT_POPULATION if strict else PROMINENT_POPULATION
    return entry.kind == "city" and (entry.capital or entry.population >= floor)


def trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in POSSESSIVES
        or doc[end - 1].is_punct
        or doc[end - 1].lower_ in ("and", "or", "of")  # "Grand and" cut short by the parser
    ):
        end -= 1
    return start, end


def span_text(doc: Any, start: int, end: int) -> str:
    return doc[start:end].text


def kind_hint(doc: Any, start: int, end: int, words: dict[str, frozenset[str]]) -> str | None:
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 2].lower_ if start >= 2 and doc[start - 1].lower_ == "of" else ""
    for role, kind in (
        ("admin1_designator", "admin1"),
        ("admin2_designator", "admin2"),
        ("city_designator", "city"),
        ("region_designator", "region"),
    ):
        if after in words.get(role, ()) or before in words.get(role, ()):
            return kind
    return None


DESIGNATOR_KINDS = (
    ("admin1_designator", "admin1"),
    ("admin2_designator", "admin2"),
    ("city_designator", "city"),
)


def core_kind(doc: Any, start: int, end: int, words: dict[str, frozenset[str]]) -> str | None:
    if end - start < 2:
        return None
    last = doc[end - 1].lower_
    compass = words.get("compass", frozenset())
    if all(t.lower_ in compass for t in doc[start : end - 1]):
        return None  # "North State Street": a compass word is no name of its own
    return next((kind for role, kind in DESIGNATOR_KINDS if last in words.get(role, ())), None)


def known_parts(doc: Any, gazetteer: Gazetteer, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a place entity the gazetteer does not know whole: split at commas
    ("Thruxton, Hampshire"), and cut to a prominent place it opens or closes when the other
    words are no designator or feature ("Mississippi State" stays; "St. Louis Police" and
    "north west London" are cut; "Washington Square" stays)."""
    if end - start < 2 or gazetteer.has(span_text(doc, start, end)):
        return [(start, end)]
    commas = [i for i in range(start, end) if doc[i].text == ","]
    if commas:  # every part must be a known name ("Washington, D.C." stays whole)
        bounds = zip([start, *(c + 1 for c in commas)], [*commas, end], strict=True)
        parts = [trim(doc, a, b) for a, b in bounds]
        if all(a < b and gazetteer.has(span_text(doc, a, b)) for a, b in parts):
            return parts
        if len(parts) == 2 and parts[0][0] < parts[0][1] and is_area(gazetteer, doc, *parts[1]):
            return parts  # "Donington Park, Leicestershire": a site, then where it is
        return [(start, end)]
    words = gazetteer.words
    keep = (
        words.get("feature", frozenset())
        | {w for role, _ in DESIGNATOR_KINDS for w in words.get(role, ())}
        | words.get("region_designator", frozenset())
    )
    designators = {w for role, _ in DESIGNATOR_KINDS for w in words.get(role, ())}
    sites = words.get("site", frozenset()) | words.get("feature", frozenset())
    for stop in range(end - 1, start + 1, -1):  # "Marathon County Sheriff": the county
        if doc[stop - 1].lower_ in designators and gazetteer.has(span_text(doc, start, stop)):
            if not any(t.lower_ in sites for t in doc[stop:end]):
                return [(start, stop)]
            break
    if any(t.lower_ in keep for t in doc[start:end]):
        return [(start, end)]
    compass = words.get("compass", frozenset())
    for n in range(end - start - 1, 0, -1):
        for a, b in ((start, start + n), (end - n, end)):
            rest = (b, end) if a == start else (start, a)
            joined = not doc[b - 1].whitespace_ if a == start else not doc[a - 1].whitespace_
            edges = (doc[a], doc[b - 1], doc[rest[0]], doc[rest[1] - 1])
            symbol = any(not any(c.isalnum() for c in t.text) for t in edges)
            if joined or symbol:  # "Miami-Dade", "Salt + Smoke"
                continue
            if any(all(t.lower_ in compass for t in doc[x:y]) for x, y in ((a, b), rest)):
                return [(start, end)]  # "South Florida", "Western US": a region of its own
            short = b - a == 1 and len(doc[a].text) < MIN_CUT_LETTERS  # "NC Dinos", "Mass"
            if not short and names_prominent(gazetteer, span_text(doc, a, b)):
                more = rest[1] - rest[0] and names_prominent(gazetteer, span_text(doc, *rest))
                return sorted([(a, b), rest]) if more else [(a, b)]
    return [(start, end)]


def is_area(gazetteer: Gazetteer, doc: Any, start: int, end: int) -> bool:
    """Whether tokens [start, end) name a country or an admin area."""
    text = span_text(doc, start, end)
    return any(
        strong and e.kind in ("country", "admin1", "admin2")
        for e, strong in gazetteer.lookup_strength(text)
    )


def extend(doc: Any, gazetteer: Gazetteer, start: int, end: int) -> tuple[int, int, str | None]:
    """Grow a name over a facility designator ("airbase"), a designator that is part of a
    known name ("Gaza Strip", "Kurdistan region") or a compass word opening a known region."""
    lowers = token_lowers(doc)
    for long, _short in FACILITY_DESIGNATORS:
        n = len(long.split())
        if end + n <= len(doc) and " ".join(lowers[end : end + n]) == long:
            return start, end + n, "facility"
    words = gazetteer.words
    designator = end < len(doc) and doc[end].lower_ in words.get("region_designator", ())
    if designator and gazetteer.has(span_text(doc, start, end + 1)):
        return start, end + 1, None
    # a name the parser cut short ("Rio Grande" of "Rio Grande do Sul", "Krasnodar" of
    # "Krasnodar Krai"): the longer form must be a name the gazetteer knows
    for n in (2, 1):
        stop = end + n
        plain = stop <= len(doc) and not any(t.is_punct or t.is_space for t in doc[end:stop])
        if (
            plain
            and doc[stop - 1].text[:1].isupper()
            and gazetteer.has(span_text(doc, start, stop))
        ):
            return start, stop, None
    # a name the parser split at a hyphen or a comma that the gazetteer knows whole
    # ("Gilgit-Baltistan", "Washington, D.C.")
    if end + 1 < len(doc) and doc[end].text in ("-", ",") and doc[end + 1].text[:1].isupper():
        joined = doc[end].text == "," or not (doc[end - 1].whitespace_ or doc[end].whitespace_)
        whole = span_text(doc, start, end + 2)
        if joined and any(strong for _, strong in gazetteer.lookup_strength(whole)):
            return start, end + 2, None
    compass_before = start > 0 and doc[start - 1].lower_ in words.get("compass", ())
    if compass_before and gazetteer.has(span_text(doc, start - 1, end)):
        return start - 1, end, None
    if start > 2 and doc[start - 2].text == "-":  # "north-east" split in three tokens
        compass = doc[start - 3 : start].text.lower()
        if compass in words.get("compass", ()) and gazetteer.has(span_text(doc, start - 3, end)):
            return start - 3, end, None
    return start, end, None


def is_demonym(doc: Any, gazetteer: Gazetteer, start: int, end: int) -> bool:
    text = span_text(doc, start, end)
    if gazetteer.demonym_country(text) and not gazetteer.has(text):
        return True
    if text.lower() in gazetteer.words["demonym"]:
        return True
    return all(t.pos_ == "ADJ" for t in doc[start:end]) and not gazetteer.has(text)


def find_place_mentions(doc: Any, gazetteer: Gazetteer) -> list[PlaceMention]:
    taken = [False] * len(doc)
    blocked = [False] * len(doc)
    found: list[PlaceMention] = []

    storms = storm_tokens(doc, gazetteer.words)
    pending: list[tuple[int, int, str]] = []  # towns the text has not yet shown to be places

    # surnames the article gives people ("Bill Holland" ... "Holland covered the case"): a
    # place of that name needs a locative word or a place suffix around it
    surnames = {
        e[-1].text
        for e in doc.ents
        if e.label_ == "PERSON"
        and len(e) > 1
        and e[-1].text.istitle()  # not "US" of a misread "Trump US"
        and not any(t.lower_ == "of" for t in e)  # "King Abdullah of Jordan"
    }

    def is_surname(start: int, end: int) -> bool:
        return (
            end - start == 1
            and doc[start].text in surnames
            and not has_place_context(doc, gazetteer, start, end)
        )

    def take(
        start: int, end: int, *, from_entity: bool, label: str = "", named_for: str | None = None
    ) -> None:
        if named_for is None:
            start, end, facility = extend(doc, gazetteer, start, end)
        else:
            facility = "facility"
        if any(taken[start:end]) or any(i in storms for i in range(start, end)):
            return
        if is_bare_abbreviation(doc, gazetteer, start, end):  # "La Niña", "Miss Abdhou"
            return
        if is_surname(start, end):  # "Bill Holland" ... "Holland recalled"
            return
        if not any(t.text[:1].isupper() for t in doc[start:end]):
            return  # no proper name: "the south city", "red states", "mosques"
        for i in range(start, end):
            taken[i] = True
        text = span_text(doc, start, end)
        hint = facility or kind_hint(doc, start, end, gazetteer.words)
        core = core_kind(doc, start, end, gazetteer.words)
        found.append(PlaceMention(start, end, text, hint, from_entity, label, core, named_for))

    def is_place(text: str) -> bool:
        return names_prominent(gazetteer, text) and not gazetteer.demonym_country(text)

    dateline = dateline_place(doc, lambda text: knows_town(gazetteer, text) or is_place(text))
    if dateline is not None:  # "OKLAHOMA CITY The Latest on..."
        take(*dateline, from_entity=False)
    person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if len(e) > 1}
    in_org = [False] * len(doc)
    for ent in doc.ents:
        start, end = trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        text = span_text(doc, start, end)
        words = gazetteer.words
        named = None
        if ent.label_ in INSTITUTION_LABELS:  # the words first: a lookup costs more
            named = institution_place(doc, start, end, words, is_place)
            named = None if named is None or gazetteer.has(text) else named
        if named is not None:  # "Colorado State University": one facility, whole
            take(start, end, from_entity=True, label=ent.label_, named_for=span_text(doc, *named))
        elif ent.label_ in PLACE_LABELS:
            if is_demonym(doc, gazetteer, start, end) or text.lower() in words["compass"]:
                continue
            # a name the parser calls a place but uses elsewhere for a person ("Modi")
            if not gazetteer.has(text) and all(t.text in person_words for t in doc[start:end]):
                continue
            for n, (a, b) in enumerate(known_parts(doc, gazetteer, start, end)):
                # the area after a site's comma is an area ("Donington Park, Leicestershire")
                area = n > 0 and ent.label_ == "FAC" and is_area(gazetteer, doc, a, b)
                take(a, b, from_entity=True, label="GPE" if area else ent.label_)
        elif ent.label_ in OTHER_LABELS:
            names_place = names_prominent(gazetteer, text, strict=ent.label_ == "PERSON")
            names_place = names_place and text.lower() not in words["not_a_name"]
            names_place = names_place and not (end - start == 1 and text in person_words)
            names_place = names_place and not (
                is_acronym(text) and not names_major(gazetteer, text)
            )
            if ent.label_ == "NORP":
                names_place = names_place and gazetteer.demonym_country(text) is None
            names_place = names_place and not is_demonym(doc, gazetteer, start, end)
            town = not names_place and may_be_town(doc, gazetteer, start, end, person_words)
            shown = town and has_place_context(doc, gazetteer, start, end, label=ent.label_)
            listed = [] if names_place or shown else listed_places(doc, gazetteer, start, end)
            if names_place or shown:
                take(start, end, from_entity=True, label=ent.label_)
            elif listed:
                # "shelled Kharkiv and Kyiv", tagged as one WORK_OF_ART: each name a place
                for a, b in listed:
                    take(a, b, from_entity=True, label=ent.label_)
            elif town:
                pending.append((start, end, ent.label_))
            elif ent.label_ in BLOCKING_LABELS:
                for i in range(ent.start, ent.end):
                    blocked[i] = True
            elif ent.label_ == "ORG":
                for i in range(ent.start, ent.end):
                    in_org[i] = True
    scan(doc, gazetteer, taken, blocked, in_org, take, pending)
    for _ in range(LIST_ROUNDS):  # "Žilina, Nitra, Prešov and Košice": a list of places
        count = len(found)
        for start, end, label in pending:
            if not any(taken[start:end]) and in_list_with(doc, start, end, taken):
                take(start, end, from_entity=bool(label), label=label)
        if len(found) == count:
            break
    found.sort(key=lambda m: m.start)
    return found


def listed_places(doc: Any, gazetteer: Gazetteer, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a name that is a list ("Kharkiv and Kyiv", "Gaza, Rafah and Khan
    Younis"), when every part is a prominent place; else none. A list that is itself one
    place's name ("Trinidad and Tobago") is taken whole before this is asked."""
    parts: list[tuple[int, int]] = []
    first = start
    for i in range(start, end + 1):
        if i == end or doc[i].text in {",", "and", "or", "&"}:
            if first < i:
                parts.append((first, i))
            first = i + 1
    if len(parts) < 2:
        return []
    if all(names_prominent(gazetteer, span_text(doc, a, b)) for a, b in parts):
        return parts
    return []


def may_be_town(
    doc: Any, gazetteer: Gazetteer, start: int, end: int, person_words: set[str]
) -> bool:
    """Whether a name not prominent enough alone names a town or admin area the gazetteer
    knows, and is neither a word the article writes in lower case, nor a person's name it
    uses, nor a demonym, nor a short acronym ("CHU")."""
    text = span_text(doc, start, end)
    if text.lower() in gazetteer.words["not_a_name"] or is_demonym(doc, gazetteer, start, end):
        return False
    if end - start == 1 and (text in person_words or is_acronym(text)):
        return False
    if end - start == 1 and text.lower() in token_texts(doc):
        return False
    return knows_town(gazetteer, text)


def scan(
    doc: Any,
    gazetteer: Gazetteer,
    taken: list[bool],
    blocked: list[bool],
    in_org: list[bool],
    take: Any,
    pending: list[tuple[int, int, str]],
) -> None:
    """Longest-match the gazetteer over runs of proper nouns outside any taken entity. Inside
    an organisation's name only a country or a large city counts; a word the article also
    writes in lower case is no name. A smaller town counts where the words around it say it
    is a place (evidence.py); one they do not is left in `pending` for the list rule."""
    lower_words = {t.text for t in doc if t.text.islower()}
    i = 0
    while i < len(doc):
        if taken[i] or blocked[i] or not is_name_token(doc[i]):
            i += 1
            continue
        for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
            window = doc[i : i + n]
            if any(taken[j] or blocked[j] for j in range(i, i + n)):
                continue
            if not is_name_token(window[-1]):
                continue
            if inside_name(doc, i, taken) and not names_major(gazetteer, window.text):
                continue
            text = window.text
            _, stop, facility = extend(doc, gazetteer, i, i + n)
            if facility and gazetteer.lookup(facility_key(doc[i:stop].text) or ""):
                take(i, i + n, from_entity=False)
                break
            if n == 1 and (
                window[0].lower_ in lower_words
                or window[0].lower_ in gazetteer.words["not_a_name"]
                or (is_acronym(text) and not names_major(gazetteer, text))
            ):
                continue
            if names_prominent(gazetteer, text) and not is_demonym(doc, gazetteer, i, i + n):
                take(i, i + n, from_entity=False)
                break
            if not in_org[i] and may_be_town(doc, gazetteer, i, i + n, set()):
                if has_place_context(doc, gazetteer, i, i + n):
                    take(i, i + n, from_entity=False)
                    break
                pending.append((i, i + n, ""))
        i += 1


def is_name_token(token: Any) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()
