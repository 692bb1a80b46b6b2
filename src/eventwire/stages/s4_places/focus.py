"""The geographic focus of an article: the countries and admin1 areas its places point to.

A local paper's "Paris", "Columbia" or "Springfield" is the one in its own state; a story
about Yorkshire means the Overton there. The focus is counted over the article's distinct
place names (a name said ten times counts once), each read as in the first pass of
resolution: a town or an admin2 area points to its admin1 area and its country, an admin1
area to itself and its country, a country to itself. A mention is never its own evidence:
its own name is left out of the focus it is scored against.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventwire.stages.s4_places.gazetteer import Gazetteer, GazetteerEntry, place_key

# Kinds of reading whose admin1 area counts towards the focus (a country names none).
SUB_COUNTRY = frozenset({"admin1", "admin2", "city", "facility"})
# An admin1 area holding more than this share of its country's people (England) is no focus.
DOMINANT_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Focus:
    """Per distinct name, the country and admin1 area its reading points to."""

    points: dict[str, tuple[str | None, tuple[str, str] | None]] = field(default_factory=dict)
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)

    def country_share(self, country: str | None, name: str) -> float:
        """The share of the other names in `country`, against the most named country (1.0 for
        the country most of them are in)."""
        if country is None:
            return 0.0
        counts = self.countries
        top = max(counts.values(), default=0)
        return counts[country] / top if top else 0.0

    def admin1_share(
        self, country: str | None, admin1: str | None, name: str, *, others: bool = False
    ) -> float:
        """The share of the names below country level that lie in this admin1 area (`others`:
        of the names other than `name`)."""
        if country is None or admin1 is None:
            return 0.0
        counts = self.without(name)[1] if others else self.admin1s
        total = sum(counts.values())
        return counts[(country, admin1)] / total if total else 0.0

    def without(self, name: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        own = self.points.get(place_key(name))
        if own is None:
            return self.countries, self.admin1s
        countries, admin1s = Counter(self.countries), Counter(self.admin1s)
        if own[0] is not None:
            countries[own[0]] -= 1
        if own[1] is not None:
            admin1s[own[1]] -= 1
        return countries, admin1s


def focus_of(readings: list[tuple[str, GazetteerEntry | None]]) -> Focus:
    """The focus of (mention text, reading) pairs; None readings and repeated names count
    once at most (the first sure reading of a name)."""
    points: dict[str, tuple[str | None, tuple[str, str] | None]] = {}
    for text, entry in readings:
        key = place_key(text)
        if entry is None or key in points or entry.country is None:
            continue
        admin1 = None
        if entry.kind in SUB_COUNTRY and entry.admin1:
            admin1 = (entry.country, entry.admin1)
        points[key] = (entry.country, admin1)
    countries: Counter[str] = Counter(c for c, _ in points.values() if c)
    admin1s: Counter[tuple[str, str]] = Counter(a for _, a in points.values() if a)
    return Focus(points, countries, admin1s)


def dominant_admin1s(
    gazetteer: Gazetteer, found: list[list[tuple[GazetteerEntry, bool]]]
) -> frozenset[tuple[str | None, str | None]]:
    """Of the admin1 areas the candidates lie in, those holding more than DOMINANT_SHARE of
    their country's people (England in the United Kingdom): a focus on them says no more
    than the country does."""
    areas = {(e.country, e.admin1) for f in found for e, _ in f if e.admin1}
    out = set()
    for country, admin1 in areas:
        nation = gazetteer.country(country)
        area = next(
            (
                e
                for e in gazetteer.lookup(admin1 or "")
                if e.kind == "admin1" and e.country == country
            ),
            None,
        )
        if (
            nation
            and area
            and nation.population
            and area.population > DOMINANT_SHARE * nation.population
        ):
            out.add((country, admin1))
    return frozenset(out)
