"""Places found by position and by id, so that an event looks only at the places near it:
linking costs what an event's sentence and names hold, not events x places."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from eventwire.model import Place


class Places:
    """The places given, in text order for lookups by position; results keep the order
    the places were given in."""

    def __init__(self, places: Iterable[Place]) -> None:
        given = list(places)
        self.order = {id(p): n for n, p in enumerate(given)}
        self.by_id = {}
        for place in given:
            self.by_id.setdefault(place.id, place)
        self.places = sorted(given, key=lambda p: (p.span.start, p.span.end))
        self.starts = [p.span.start for p in self.places]

    def get(self, place_id: str | None) -> Place | None:
        return None if place_id is None else self.by_id.get(place_id)

    def inside(self, start: int, end: int) -> list[Place]:
        """Places within [start, end), in the order they were given."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        found = [p for p in self.places[lo:hi] if p.span.end <= end]
        return sorted(found, key=lambda p: self.order[id(p)])

    def starting_in(self, start: int, end: int) -> list[Place]:
        """Places that start within [start, end), in text order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.places[lo:hi]
