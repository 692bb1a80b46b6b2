"""`EventView` <-> `story_events` rows: the linker's view of each stored event, kept so that
later articles compare with it without rebuilding the event from its tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from eventwire.corpus.features import EventView, day
from eventwire.store.base import Store
from eventwire.store.sql import SqlStore

VIEW_COLUMNS = (
    "event_seq", "story", "article_seq", "current", "score", "type", "lemma", "mode", "modality",
    "actors", "actor_countries", "recipients", "recipient_countries", "place",
    "place_country", "place_lat", "place_lon", "time_lo", "time_hi", "fallback", "published",
    "words", "origins",
)  # fmt: skip
# The columns read back into a view (its story beside it).
READ_COLUMNS = ("event_seq", "story", "article_seq", *VIEW_COLUMNS[5:-1])


def joined(words: frozenset[str]) -> str:
    return " ".join(sorted(words))


def split(text: str | None) -> frozenset[str]:
    return frozenset(text.split()) if text else frozenset()


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def view_row(view: EventView, *, story: int, score: float | None, origins: str,
             current: bool = True) -> tuple[Any, ...]:  # fmt: skip
    return (
        view.seq, story, view.article_seq, int(current), score, view.type, view.lemma, view.mode,
        view.modality, joined(view.actors), joined(view.actor_countries),
        joined(view.recipients), joined(view.recipient_countries), view.place,
        view.place_country, view.lat, view.lon, iso(view.time_lo), iso(view.time_hi),
        int(view.fallback), iso(view.published), joined(view.words), origins,
    )  # fmt: skip


def view_from(row: Sequence[Any]) -> tuple[EventView, int]:
    """A view and its story from a row of READ_COLUMNS."""
    r = dict(zip(READ_COLUMNS, row, strict=True))
    view = EventView(
        seq=int(r["event_seq"]), article_seq=int(r["article_seq"]), type=r["type"],
        lemma=r["lemma"], mode=r["mode"], modality=r["modality"], actors=split(r["actors"]),
        actor_countries=split(r["actor_countries"]), recipients=split(r["recipients"]),
        recipient_countries=split(r["recipient_countries"]), place=r["place"],
        place_country=r["place_country"], lat=r["place_lat"], lon=r["place_lon"],
        time_lo=day(r["time_lo"]), time_hi=day(r["time_hi"]), fallback=bool(r["fallback"]),
        published=day(r["published"]), words=split(r["words"]),
    )  # fmt: skip
    return view, int(r["story"])


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def sql_store(store: Store) -> SqlStore:
    """The SQL store behind the `Store` interface (both engines are one): the corpus
    tables are read and written with its connection."""
    if not isinstance(store, SqlStore):
        raise TypeError(f"the corpus needs a SQL store, not {type(store).__name__}")
    return store
