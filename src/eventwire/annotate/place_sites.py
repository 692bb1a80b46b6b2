"""Streets and buildings the gazetteer does not know, placed in the town the text puts them in.

A site ("Kamenné Square", "Jamsil Stadium", "City Hall") names no gazetteer entry, so on its
own it has no point. News nearly always says, or makes plain, which town it is in:

1. the place written right after it: "Kamenné Square in Bratislava", "Convention Centre,
   Dublin", "Atlantic Avenue in Garden City";
2. the place that owns it: "Seoul's Jamsil Stadium";
3. the town the article is about: of the towns in the country it names most, the one it names
   most often, the larger on a tie ("City Hall" in a story about Chicago that also names
   Park Ridge once).

The site then takes that place's point, country and admin1, with a low confidence and
`within` set to that place's id, so a map shows it in its town and a reader sees the point is
the town's. A name that is not a site (an unknown village, a river) keeps a null point, and so
does a site with no town to put it in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from eventwire.annotate.place_mentions import PlaceMention, place_words
from eventwire.annotate.place_resolution import Resolution

SITE_CONFIDENCE = 0.3
# the kinds of place a site may sit in: a country or a region is too coarse to stand for it
CONTAINER_KINDS = frozenset({"city", "admin2", "admin1"})
# text between a site and the place after it that puts the site in that place
_INSIDE = re.compile(r"\s*(?:,|in|at|near|outside|on|of|,\s*in)\s*", re.IGNORECASE)
_OWNER = re.compile(r"\s*['’]s\s*")


def is_site(mention: PlaceMention) -> bool:
    """Whether the mention's name is a street or building: a site word after its first word
    ("Eglinton Avenue West"), or first before "of" ("Embassy of Armenia")."""
    words = mention.text.casefold().split()
    sites = place_words().get("site", frozenset())
    if len(words) < 2:
        return False
    return any(w in sites for w in words[1:]) or (words[0] in sites and words[1] == "of")


def has_point(resolution: Resolution) -> bool:
    entry = resolution.entry
    return entry is not None and entry.lat is not None and resolution.kind in CONTAINER_KINDS


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
        if r.kind == "city" and has_point(r) and r.entry and r.entry.country == country
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
) -> dict[int, int]:
    """For each unknown site, the number of the mention whose place it sits in."""
    out: dict[int, int] = {}
    focus = focus_town(resolutions)
    for i, mention in enumerate(mentions):
        if resolutions[i].entry is not None or not is_site(mention):
            continue
        after = i + 1
        if (
            after < len(mentions)
            and sentence_of[after] == sentence_of[i]
            and _INSIDE.fullmatch(text_between[i])
            and has_point(resolutions[after])
        ):
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
        if focus is not None:
            out[i] = focus
    return out
