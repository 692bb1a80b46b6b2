"""What the words around a name say about it: that it is a place whatever the parser called
it, or that it is a storm.

The small parser often calls a town a person or an organisation ("to Cirencester from
Gloucester and Cheltenham", "Barry, who was from Dewsbury", "the Kent-based outfit"). A name
the gazetteer knows, that is not prominent enough to be taken on its own (see `mentions.py`),
is taken when the text says it is a place:

- a locative preposition before it ("in", "near", "from", "to"...; `locative_lead` in
  words.tsv). "to" and "from" (`person_lead`) also take people: they count only for a name
  the parser did not call a person;
- a hyphenated place word after it ("Kent-based", "Ohio-born"; `place_suffix`);
- a comma and the admin1 area or country it lies in after it ("Klamath Falls, Oregon");
- a list it shares with places already found ("Žilina, Nitra, Prešov and Košice").

No town is taken from inside a longer capitalised name ("Kendale Lakes Elementary School")
or from a short acronym ("CHU") unless it is a country, a project region or an area or
city of a million people.

A name after a storm word ("Hurricane Harvey", "hurricanes Harvey, Irma and Maria") is no
place, and neither is the rest of its list.
"""

from __future__ import annotations

from typing import Any

from eventwire.stages.s4_places.gazetteer import Gazetteer, place_key

# Kinds a name taken on the strength of its context may be read as: a town or an admin area.
EVIDENCE_KINDS = frozenset({"city", "admin1", "admin2"})
LIST_WORDS = frozenset({",", "and", "or", "&"})
# A city or admin1 area this populous stays a place inside a longer name or as an acronym.
MAJOR_POPULATION = 1_000_000
# The longest state abbreviation in letters ("Calif.", "Mass.") that needs a town before it.
ABBREVIATION_LETTERS = 5
# How much longer than an abbreviation its name is ("Calif." of California: twice).
ABBREVIATION_RATIO = 1.5
# How many tokens after a comma the container's name may take ("Klamath Falls, Oregon";
# "Nelson, British Columbia").
CONTAINER_TOKENS = 3


def knows_town(gazetteer: Gazetteer, text: str) -> bool:
    """Whether a canonical or curated name of a town or admin area is `text`."""
    return any(strong and e.kind in EVIDENCE_KINDS for e, strong in gazetteer.lookup_strength(text))


def has_place_context(
    doc: Any, gazetteer: Gazetteer, start: int, end: int, *, label: str = ""
) -> bool:
    """Whether the words just before or after tokens [start, end) make them a place."""
    words = gazetteer.words
    if start > 0:
        lead = doc[start - 1].lower_
        person_lead = lead in words.get("person_lead", frozenset())
        if lead in words.get("locative_lead", frozenset()) and not (
            person_lead and label == "PERSON"
        ):
            return True
    if (
        end + 1 < len(doc)
        and doc[end].text in ("-", "–")
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in words.get("place_suffix", frozenset())
    ):
        return True
    return contained_after(doc, gazetteer, start, end)


def contained_after(doc: Any, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """ "Klamath Falls, Oregon": a comma, then the admin1 area or country of one of the
    name's towns."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    towns = [e for e, strong in gazetteer.lookup_strength(doc[start:end].text) if strong]
    for n in range(CONTAINER_TOKENS, 0, -1):
        stop = end + 1 + n
        if stop > len(doc) or not all(t.text[:1].isupper() for t in doc[end + 1 : stop]):
            continue
        for container in gazetteer.lookup(doc[end + 1 : stop].text):
            if container.kind == "admin1" and any(
                t.admin1 == container.name and t.country == container.country for t in towns
            ):
                return True
            if container.kind == "country" and any(
                t.country == container.country and t.kind != "country" for t in towns
            ):
                return True
    return False


def in_list_with(doc: Any, start: int, end: int, taken: list[bool]) -> bool:
    """Whether the name is joined by a comma, "and" or "or" to a place already taken."""
    before = start - 1
    while before >= 0 and doc[before].lower_ in LIST_WORDS:
        before -= 1
    after = end
    while after < len(doc) and doc[after].lower_ in LIST_WORDS:
        after += 1
    joined_before = before < start - 1 and before >= 0 and taken[before]
    joined_after = after > end and after < len(doc) and taken[after]
    return joined_before or joined_after


def storm_tokens(doc: Any, words: dict[str, frozenset[str]]) -> set[int]:
    """Tokens naming storms: the names after a storm word, and the rest of their list."""
    storms = words.get("storm_word", frozenset())
    out: set[int] = set()
    for token in doc:
        if token.lower_ not in storms:
            continue
        i = token.i + 1
        while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].lower_ in LIST_WORDS):
            out.add(i)
            i += 1
    return out


def is_acronym(text: str) -> bool:
    """A short word in capitals ("CHU", "MoD"): an acronym more often than a town (not an
    abbreviation with stops: "D.C.", "La.")."""
    return (
        len(text) <= 4
        and "." not in text
        and text[:1].isupper()
        and sum(c.isupper() for c in text) >= 2
    )


def is_bare_abbreviation(doc: Any, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """Whether a short word in title case ("La", "Mass.", "Miss", "Ga") reads as a state only
    as an abbreviation of its longer name, with no town and comma before it: news writes
    "Slidell, La.", "HELENA, Mont." or "moved to Calif.", so "La Niña", "Easter Vigil
    Mass." and "Miss Abdhou" are no states. A name that is the area's own name ("Iowa",
    "Anbar") and abbreviations in capitals ("BC", "SC") are not asked."""
    if end - start != 1:
        return False
    text = doc[start].text
    letters = text.rstrip(".")
    if not (letters.isalpha() and letters.istitle() and len(letters) <= ABBREVIATION_LETTERS):
        return False
    entries = gazetteer.lookup(text)
    if not entries or not all(e.kind == "admin1" and abbreviates(letters, e.name) for e in entries):
        return False
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].text[:1].isupper():
        return False
    return not has_place_context(doc, gazetteer, start, end)  # "moved to Calif."


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is an abbreviation of `name`: its letters in order, from the first,
    in a name at least half as long again ("Mass" of Massachusetts, "Ga" of Georgia; not
    "Anbar" of Al Anbār)."""
    letters = [c for c in place_key(name) if c.isalpha()]
    wanted = short.casefold()
    if not letters or letters[0] != wanted[:1] or len(letters) < ABBREVIATION_RATIO * len(wanted):
        return False
    rest = iter(letters)
    return all(c in rest for c in wanted)


def names_major(gazetteer: Gazetteer, text: str) -> bool:
    """A country, a project region, an admin1 area of a million people or a city of a
    million: a name that stays a place inside a longer name ("Air Canada", "FrontCounter
    BC") or written as an acronym ("EU")."""
    return any(
        strong
        and (
            e.kind == "country"
            or e.source == "eventwire"
            or (e.kind in ("admin1", "city") and e.population >= MAJOR_POPULATION)
        )
        for e, strong in gazetteer.lookup_strength(text)
    )


def inside_name(doc: Any, i: int, taken: list[bool]) -> bool:
    """Whether token i continues a capitalised name the scan did not take ("Lakes" of
    "Kendale Lakes Elementary School", "Quarter" of "French Quarter"): a place there is part
    of another name."""
    if i == 0 or taken[i - 1]:
        return False
    before = doc[i - 1]
    sentence_start = before.is_sent_start or (i >= 2 and doc[i - 2].is_punct)
    return before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ") and not sentence_start
