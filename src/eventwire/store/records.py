"""Stored events as the pipeline gave them: the `Event` record itself (every offset, the
modality cue, attribution, count and trace), its place and its article, for outputs in the
eventwire/1 event shape (the HTTP API). `Store.events` gives the flat `EventRow`s that
`query` and `export` print; this reads the same matching events, page by page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.model import Article, Event, Place
from eventwire.store.base import EventFilter
from eventwire.store.rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    article_from,
    event_from,
    named,
    place_from,
)
from eventwire.store.sql import SqlStore

# The article's metadata and text; the body's spans are not needed here.
ARTICLE_FIELDS = tuple(c for c in ARTICLE_COLUMNS if c not in {"body"})


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One stored event with its article (text included: offsets point into it) and its
    place record (None when the event has no place)."""

    article: Article
    event: Event
    place: Place | None
    duplicate_of: str | None  # the article this one is a near-duplicate copy of


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def stored_events(store: SqlStore, where: EventFilter) -> Iterator[StoredEvent]:
    """The events `store.events(where)` selects, in the same order, as records."""
    for keys in store.event_keys(where):
        yield from events_of(store, keys)


def events_of(store: SqlStore, keys: Sequence[int]) -> list[StoredEvent]:
    """The events with these keys (`events.seq`), in key order."""
    event_cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    place_cols = ", ".join(f"p.{c}" for c in PLACE_COLUMNS)
    rows = store.all(
        f"SELECT {event_cols}, {place_cols} FROM events e LEFT JOIN places p "
        "ON p.article_seq = e.article_seq AND p.id = e.place_id "
        f"WHERE e.seq IN ({marks(keys)}) ORDER BY e.seq",
        list(keys),
    )
    if not rows:
        return []
    n_event = len(EVENT_COLUMNS)
    events = [named(EVENT_COLUMNS, r[:n_event]) for r in rows]
    places = [None if r[n_event] is None else named(PLACE_COLUMNS, r[n_event:]) for r in rows]
    article_seqs = sorted({e["article_seq"] for e in events})
    articles: dict[int, tuple[Article, str | None]] = {}
    for seq, original, *cols in store.all(
        f"SELECT a.seq, d.original_id, {', '.join(f'a.{c}' for c in ARTICLE_FIELDS)} "
        "FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id "
        f"WHERE a.seq IN ({marks(article_seqs)})",
        article_seqs,
    ):
        article, _ = article_from({**named(ARTICLE_FIELDS, cols), "body": "[]"})
        articles[seq] = (article, original)
    actors = actors_of(store, [(e["article_seq"], e["id"]) for e in events])
    out = []
    for event, place in zip(events, places, strict=True):
        article, original = articles[event["article_seq"]]
        record = event_from(event, actors.get((event["article_seq"], event["id"]), []))
        out.append(
            StoredEvent(article, record, None if place is None else place_from(place), original)
        )
    return out


def actors_of(
    store: SqlStore, events: Sequence[tuple[int, str]]
) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """The actor rows (actors and recipients) of these (article seq, event id) pairs."""
    out: dict[tuple[int, str], list[dict[str, Any]]] = {}
    wanted = set(events)
    article_seqs = sorted({a for a, _ in wanted})
    event_ids = sorted({e for _, e in wanted})
    # Two IN lists an index on (article_seq, event_id) can probe; pairs not asked for are
    # dropped below.
    for row in store.all(
        f"SELECT {', '.join(ACTOR_COLUMNS)} FROM actors "
        f"WHERE article_seq IN ({marks(article_seqs)}) AND event_id IN ({marks(event_ids)})",
        [*article_seqs, *event_ids],
    ):
        actor = named(ACTOR_COLUMNS, row)
        pair = (actor["article_seq"], actor["event_id"])
        if pair in wanted:
            out.setdefault(pair, []).append(actor)
    return out


@dataclass(frozen=True, slots=True)
class EventPoint:
    """What a timeline or a map draws of an event: a few of `EventRow`'s fields, named as
    there, read in one statement per page (no actors, no text)."""

    article_id: str
    event_id: str
    type: str
    modality: str
    trigger: str
    time: str | None
    time_start: str | None
    time_end: str | None
    place: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


POINT_COLUMNS = (
    "a.id, e.id, e.type, e.modality, e.trigger_text, e.time_value, e.time_start, e.time_end, "
    "e.place_name, e.place_lat, e.place_lon"
)


def event_points(store: SqlStore, where: EventFilter) -> Iterator[EventPoint]:
    """The events `store.events(where)` selects, in the same order, as points."""
    for keys in store.event_keys(where):
        rows = store.all(
            f"SELECT {POINT_COLUMNS} FROM events e JOIN articles a ON a.seq = e.article_seq "
            f"WHERE e.seq IN ({marks(keys)}) ORDER BY e.seq",
            list(keys),
        )
        yield from (EventPoint(*row) for row in rows)


def article_ids(store: SqlStore, refs: Sequence[str]) -> dict[str, str]:
    """The stored article id behind each input reference that stories and the ledger name
    (`corpus_articles.ref`: a JSON Lines record's id, else the article id); where two
    articles share one, the current version stored last."""
    wanted = sorted(set(refs))
    if not wanted:
        return {}
    rows = store.all(
        "SELECT c.ref, a.id FROM corpus_articles c JOIN articles a ON a.seq = c.article_seq "
        f"WHERE c.ref IN ({marks(wanted)}) ORDER BY a.is_current, a.seq",
        wanted,
    )
    return {ref: article_id for ref, article_id in rows}
