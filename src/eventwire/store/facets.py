"""Counts over the events an `EventFilter` selects: by type, modality, place country and
event day (`event_stats`), the actors and who acts on whom (`actor_network`), and the places
(`place_counts`). One parameterised statement per count, on both engines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.store.base import EventFilter
from eventwire.store.query import selection
from eventwire.store.rows import OPEN_HI, OPEN_LO
from eventwire.store.sql import SqlStore

Counts = tuple[tuple[str | None, int], ...]


@dataclass(frozen=True, slots=True)
class EventStats:
    """How many matching events there are, and how many of each type, PLOVER type, modality,
    place country (None: no place, or a place without a country) and event day (the day the
    event time's interval starts; None: no event time, or an interval open at its start)."""

    total: int
    types: Counts
    plover_types: Counts
    modalities: Counts
    countries: Counts
    days: Counts

    def to_dict(self) -> dict[str, Any]:
        def listed(counts: Counts) -> list[dict[str, Any]]:
            return [{"value": value, "count": n} for value, n in counts]

        return {
            "total": self.total,
            "types": listed(self.types),
            "plover_types": listed(self.plover_types),
            "modalities": listed(self.modalities),
            "countries": listed(self.countries),
            "days": listed(self.days),
        }


@dataclass(frozen=True, slots=True)
class ActorCount:
    name: str
    country: str | None
    sector: str | None
    events: int  # matching events it takes part in, as actor or recipient
    as_actor: int
    as_recipient: int


@dataclass(frozen=True, slots=True)
class ActorLink:
    """`source` acts on `target` (kind "recipient"), or both act together ("co-actor"; the
    pair in name order), in `events` matching events."""

    source: str
    target: str
    kind: str
    events: int


@dataclass(frozen=True, slots=True)
class ActorNetwork:
    actors: tuple[ActorCount, ...]
    links: tuple[ActorLink, ...]  # between the actors listed only

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": [
                {
                    "name": a.name,
                    "country": a.country,
                    "sector": a.sector,
                    "events": a.events,
                    "as_actor": a.as_actor,
                    "as_recipient": a.as_recipient,
                }
                for a in self.actors
            ],
            "links": [
                {"source": x.source, "target": x.target, "kind": x.kind, "events": x.events}
                for x in self.links
            ],
        }


@dataclass(frozen=True, slots=True)
class PlaceCount:
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    events: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "events": self.events,
        }


def matching(store: SqlStore, where: EventFilter) -> tuple[str, list[Any]]:
    """A sub-select of the matching events' seq, article_seq, id and the columns counted."""
    source, clause, params, _ = selection(where, store.text_clause)
    columns = (
        "e.seq, e.article_seq, e.id, e.type, e.plover_type, e.modality, e.place_country, e.time_lo"
    )
    return f"SELECT {columns} {source} {clause}", params


def grouped(
    store: SqlStore,
    column: str,
    sub: str,
    params: list[Any],
    *,
    by_value: bool = False,
    where: str = "",
) -> Counts:
    order = "value" if by_value else "count(*) DESC, value"
    rows = store.all(
        f"SELECT {column} AS value, count(*) FROM ({sub}) m {where} "
        f"GROUP BY {column} ORDER BY {order}",
        params,
    )
    return tuple((value, int(n)) for value, n in rows)


def event_stats(store: SqlStore, where: EventFilter) -> EventStats:
    sub, params = matching(store, where)
    days = grouped(
        store,
        "m.time_lo",
        sub,
        params,
        by_value=True,
        where=f"WHERE m.time_lo IS NOT NULL AND m.time_lo <> '{OPEN_LO}' "
        f"AND m.time_lo <> '{OPEN_HI}'",
    )
    undated = store.count_events(where) - sum(n for _, n in days)
    return EventStats(
        total=store.count_events(where),
        types=grouped(store, "m.type", sub, params),
        plover_types=grouped(store, "m.plover_type", sub, params),
        modalities=grouped(store, "m.modality", sub, params),
        countries=grouped(store, "m.place_country", sub, params),
        days=days + (((None, undated),) if undated else ()),
    )


def actor_network(store: SqlStore, where: EventFilter, *, limit: int = 50) -> ActorNetwork:
    """The `limit` actors in most matching events, and the links between them."""
    sub, params = matching(store, where)
    rows = store.all(
        "SELECT x.name, x.country, x.sector, count(DISTINCT m.seq), "
        "sum(CASE WHEN x.side = 'actor' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN x.side = 'recipient' THEN 1 ELSE 0 END) "
        f"FROM ({sub}) m JOIN actors x ON x.article_seq = m.article_seq AND x.event_id = m.id "
        "GROUP BY x.name, x.country, x.sector "
        "ORDER BY count(DISTINCT m.seq) DESC, x.name LIMIT ?",
        [*params, limit],
    )
    actors = tuple(ActorCount(r[0], r[1], r[2], int(r[3]), int(r[4]), int(r[5])) for r in rows)
    names = sorted({a.name for a in actors})
    if not names:
        return ActorNetwork(actors, ())
    in_names = ", ".join("?" for _ in names)
    links = []
    for kind, condition in (
        ("recipient", "b.side = 'recipient'"),
        ("co-actor", "b.side = 'actor' AND a.name < b.name"),
    ):
        for source, target, n in store.all(
            f"SELECT a.name, b.name, count(DISTINCT m.seq) FROM ({sub}) m "
            "JOIN actors a ON a.article_seq = m.article_seq AND a.event_id = m.id "
            "JOIN actors b ON b.article_seq = m.article_seq AND b.event_id = m.id "
            f"WHERE a.side = 'actor' AND {condition} AND a.name <> b.name "
            f"AND a.name IN ({in_names}) AND b.name IN ({in_names}) "
            "GROUP BY a.name, b.name ORDER BY count(DISTINCT m.seq) DESC, a.name, b.name",
            [*params, *names, *names],
        ):
            links.append(ActorLink(source, target, kind, int(n)))
    return ActorNetwork(actors, tuple(links))


def place_counts(store: SqlStore, where: EventFilter, *, limit: int = 500) -> list[PlaceCount]:
    """The `limit` places (with coordinates) of most matching events."""
    source, clause, params, _ = selection(where, store.text_clause)
    glue = " AND " if clause else "WHERE "
    rows = store.all(
        "SELECT e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon, "
        f"count(*) {source} {clause}{glue}e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL "
        "GROUP BY e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon "
        "ORDER BY count(*) DESC, e.place_name LIMIT ?",
        [*params, limit],
    )
    return [PlaceCount(r[0], r[1], r[2], float(r[3]), float(r[4]), int(r[5])) for r in rows]


def count_upto(store: SqlStore, where: EventFilter, cap: int) -> int:
    """How many events match, counted no further than `cap` (a count that reaches it means
    "at least `cap`"): a page's total without scanning every match of a broad filter."""
    source, clause, params, _ = selection(where, store.text_clause)
    row = store.one(f"SELECT count(*) FROM (SELECT 1 AS one {source} {clause} LIMIT ?) m",
                    [*params, cap])  # fmt: skip
    return 0 if row is None else int(row[0])
