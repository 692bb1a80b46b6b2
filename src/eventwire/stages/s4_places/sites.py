"""Streets and buildings the gazetteer does not know, placed in the town the text puts them in.

A site ("Kamenné Square", "Jamsil Stadium", "City Hall") names no gazetteer entry, so on its
own it has no point. News nearly always says, or makes plain, which town it is in:

1. the place written right after it: "Kamenné Square in Bratislava", "Convention Centre,
   Dublin", "Atlantic Avenue in Garden City";
2. the place that owns it: "Seoul's Jamsil Stadium";
3. the town the article is about: of the towns in the country it names most, the one it names
   most often, the larger on a tie ("City Hall" in a story about Chicago that also names
   Park Ridge once); a facility named after a town counts for that town ("Belfast
   Magistrate's Court").

The site then takes that place's point, country and admin1, with a low confidence and
`within` set to that place's id, so a map shows it in its town and a reader sees the point is
the town's. An unknown village or district is placed only by the first rule, with a comma,
"in", "near" or "outside" ("Rathbeggan, near Dunshaughlin"). A name with a natural feature in
it (a river, a mountain range) keeps a null point, and so does any unknown place the text
puts nowhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from eventwire.stages.s4_places.mentions import PlaceMention
from eventwire.stages.s4_places.resolution import Resolution

SITE_CONFIDENCE = 0.3
# the kinds of place a site may sit in: a country or a region is too coarse to stand for it
CONTAINER_KINDS = frozenset({"city", "admin2", "admin1"})
# text between a site and the place after it that puts the site in that place
_INSIDE = re.compile(r"\s*(?:,|in|at|near|outside|on|of|,\s*in)\s*", re.IGNORECASE)
_OWNER = re.compile(r"\s*['’]s\s*")
# text between an unknown village or district and the place after it that puts it there
_NEAR = re.compile(r"\s*(?:,|in|near|outside|,\s*near|,\s*outside)\s*", re.IGNORECASE)


def is_site(mention: PlaceMention, words: dict[str, frozenset[str]]) -> bool:
    """Whether the mention's name is a street or building: a site word after its first word
    ("Eglinton Avenue West"), or first before "of" ("Embassy of Armenia")."""
    names = mention.text.casefold().split()
    sites = words.get("site", frozenset())
    if len(names) < 2:
        return False
    return any(w in sites for w in names[1:]) or (names[0] in sites and names[1] == "of")


def is_settlement(mention: PlaceMention, words: dict[str, frozenset[str]]) -> bool:
    """Whether an unknown name may be a village or district: no street, building or natural
    feature word in it (a river or a mountain range is no point in the town beside it)."""
    features = words.get("feature", frozenset()) | words.get("site", frozenset())
    return not any(w in features for w in mention.text.casefold().split())


def has_point(resolution: Resolution) -> bool:
    entry = resolution.entry
    return entry is not None and entry.lat is not None and resolution.kind in CONTAINER_KINDS


def names_town(resolution: Resolution) -> bool:
    """Whether a resolution is a town with a point, or a facility named after one and given
    its point ("Belfast Magistrate's Court")."""
    entry = resolution.entry
    if entry is None or entry.lat is None or entry.kind != "city":
        return False
    return resolution.kind == "city" or (resolution.stand_in and resolution.kind == "facility")


def focus_town(resolutions: Sequence[Resolution]) -> int | None:
    """The mention number of the article's own town: of the towns in the country the article
    names most, the one it names most often, the larger on a tie."""
    countries = Counter(r.entry.country for r in resolutions if r.entry and r.entry.country)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    towns = [
        i
        for i, r in enumerate(resolutions)
        if names_town(r) and r.entry and r.entry.country == country
    ]
    if not towns:
        return None
    counts = Counter(resolutions[i].entry for i in towns)
    top = max(counts, key=lambda e: (counts[e], e.population))
    return next(i for i in towns if resolutions[i].entry == top)


def site_containers(
    mentions: Sequence[PlaceMention],
    resolutions: Sequence[Resolution],
    sentence_of: Sequence[int],
    text_between: Sequence[str],
    words: dict[str, frozenset[str]],
) -> dict[int, int]:
    """For each unknown site (and each unknown village the text places), the number of the
    mention whose place it sits in."""
    out: dict[int, int] = {}
    focus = focus_town(resolutions)
    for i, mention in enumerate(mentions):
        if resolutions[i].entry is not None:
            continue
        after = i + 1
        placed_after = (
            after < len(mentions)
            and sentence_of[after] == sentence_of[i]
            and has_point(resolutions[after])
        )
        if not is_site(
            mention, words
        ):  # a village the text places: "Rathbeggan, near Dunshaughlin"
            if placed_after and is_settlement(mention, words) and _NEAR.fullmatch(text_between[i]):
                out[i] = after
            continue
        inside = after < len(mentions) and bool(_INSIDE.fullmatch(text_between[i]))
        if placed_after and inside:
            out[i] = after
            continue
        before = i - 1
        if (
            before >= 0
            and _OWNER.fullmatch(text_between[before])
            and has_point(resolutions[before])
        ):
            out[i] = before
            continue
        # "Zorvan Square in Slovakia": the article's own town only if it is in that country
        said = resolutions[after].entry if inside else None
        if focus is not None and (said is None or said.country == country_of(resolutions, focus)):
            out[i] = focus
    return out


def country_of(resolutions: Sequence[Resolution], i: int) -> str | None:
    entry = resolutions[i].entry
    return entry.country if entry else None


def focus_containers(
    mentions: Sequence[PlaceMention],
    resolutions: Sequence[Resolution],
    text_between: Sequence[str],
    skip: Collection[int],
    words: dict[str, frozenset[str]],
) -> dict[int, int]:
    """For each other unknown place (a district, a village, a river the gazetteer lacks:
    "in River North", "the Tijuana River"), the article's own town, when it has one: an
    unknown place in a story about one town is most often in or near it. Not for a site
    (placed by `site_containers`), a place the text puts in another country ("Qelvor
    Heights in Slovakia" in a story about Vienna), or a compass part of a country or a
    continent ("Western US"), which is no part of a town."""
    focus = focus_town(resolutions)
    if focus is None:
        return {}
    compass = words.get("compass", frozenset())
    out: dict[int, int] = {}
    for i, mention in enumerate(mentions):
        if resolutions[i].entry is not None or i in skip or is_site(mention, words):
            continue
        if mention.text.split()[0].casefold() in compass:
            continue
        said = (
            resolutions[i + 1].entry
            if i + 1 < len(mentions) and _INSIDE.fullmatch(text_between[i])
            else None
        )
        if said is None or said.country == country_of(resolutions, focus):
            out[i] = focus
    return out
