"""The `Store` interface and the plain typed rows it returns.

Both engines (SQLite, PostgreSQL) implement `Store`; the CLI and the ingest code see only
these records, never a driver's rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from eventwire.model import Doc
from eventwire.output import ArticleResult


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `Store.events` selects. Empty fields do not filter.

    `since`/`until` select on the event's own time interval (inclusive, overlap), never on
    publication time; events without a time interval are left out when either is set.
    """

    types: tuple[str, ...] = ()
    plover_types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    actor: str | None = None  # a name (any case) or an ISO alpha-3 country code
    country: str | None = None  # an actor's or the place's country
    place_country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    text: str | None = None  # full-text search over article titles and texts
    collapse: bool = False  # leave out events of near-duplicate copies
    all_versions: bool = False  # include events of superseded article versions
    limit: int | None = None
    offset: int = 0  # skip this many matching events first (in key order)


@dataclass(frozen=True, slots=True)
class ActorRow:
    name: str
    country: str | None
    sector: str | None
    role: str | None
    sponsor: str | None

    def label(self) -> str:
        codes = " ".join(c for c in (self.country, self.sector) if c)
        return f"{self.name} [{codes}]" if codes else self.name


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event with its article's metadata: what `query` and `export` show."""

    article_id: str
    event_id: str
    type: str
    plover_type: str
    mode: str | None
    modality: str
    trigger: str
    sentence: str
    actors: tuple[ActorRow, ...]
    recipients: tuple[ActorRow, ...]
    place: str | None
    place_country: str | None
    place_admin1: str | None
    lat: float | None
    lon: float | None
    time: str | None
    time_start: str | None
    time_end: str | None
    confidence: float
    salience: str
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None
    duplicate_of: str | None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in self.__slots__}
        out["actors"] = [actor_dict(a) for a in self.actors]
        out["recipients"] = [actor_dict(a) for a in self.recipients]
        return out

    def flat(self) -> dict[str, Any]:
        """One level deep: actors as 'Name [USA GOV]; ...', for CSV and tables."""
        out = self.to_dict()
        out["actors"] = "; ".join(a.label() for a in self.actors)
        out["recipients"] = "; ".join(a.label() for a in self.recipients)
        return out


EVENT_COLUMNS: tuple[str, ...] = tuple(EventRow.__slots__)


def actor_dict(actor: ActorRow) -> dict[str, Any]:
    return {
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "sponsor": actor.sponsor,
    }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not be read, fetched or extracted."""

    item: str
    stage: str
    error_type: str
    message: str
    article_id: str | None = None
    occurred: str | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    article_id: str
    original_id: str
    similarity: float
    method: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A doc to write, with the input item it came from (for resuming and retries)."""

    doc: Doc
    item: str | None = None
    digest: str | None = None


# What `Store.write` says happened to each entry.
STORED = "stored"  # a new article
VERSION = "version"  # a new version of an article already stored at the same URL
EXISTS = "exists"  # the same text was stored before; nothing changed


class Store(Protocol):
    url: str

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def write(self, entries: Sequence[Entry], *, run: int | None = None) -> list[str]:
        """Write the entries in one transaction, each article whole; one outcome each."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction; `write` inside it joins it (ingest links stories there)."""
        ...

    def seen(self, item: str, digest: str) -> bool: ...

    def seen_item(self, item: str) -> bool: ...

    def record_failure(self, failure: Failure, *, run: int | None = None) -> None: ...

    def failures(self) -> list[Failure]: ...

    def duplicates(self) -> list[Duplicate]: ...

    def events(self, where: EventFilter) -> Iterator[EventRow]: ...

    def count_events(self, where: EventFilter) -> int: ...

    def load_doc(self, article_id: str) -> ArticleResult | None: ...

    def counts(self) -> dict[str, int]: ...

    def start_run(
        self, *, settings: dict[str, Any], stages: Sequence[str], versions: dict[str, str]
    ) -> int: ...

    def finish_run(self, run: int, *, counts: dict[str, int]) -> None: ...

    def analyze(self) -> None: ...

    def close(self) -> None: ...
