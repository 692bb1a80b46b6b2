"""The corpus store: articles and everything extracted from them, in SQLite or PostgreSQL.

`open_store(url)` picks the engine from a database URL: `postgresql://...` for PostgreSQL,
anything else a SQLite file (`sqlite:///path`, a plain path, or `:memory:`). Without a URL,
the `db` setting (default `eventwire.db` in the working folder; see `eventwire.settings`).
"""

from __future__ import annotations

import os

from eventwire.errors import StoreError
from eventwire.store.base import (
    EXISTS,
    STORED,
    VERSION,
    ActorRow,
    Duplicate,
    Entry,
    EventFilter,
    EventRow,
    Failure,
    Store,
)

DEFAULT_DB = "eventwire.db"


def default_url() -> str:
    """The store the settings name (eventwire.toml, EVENTWIRE_DB, else eventwire.db)."""
    from eventwire.settings import load_settings

    return load_settings().db


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open the store at `url`: create it if missing (unless migrate=False), and upgrade it
    if an older eventwire wrote it."""
    from eventwire.store.sql import SqlStore

    target = url or default_url()
    store: SqlStore
    if target.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresStore

        store = PostgresStore(target)
    else:
        from eventwire.store.sqlite import SqliteStore

        path = target.removeprefix("sqlite:///").removeprefix("sqlite://")
        if not path:
            raise StoreError(f"no database path in {target!r}")
        if not migrate and path != ":memory:" and not os.path.exists(path):
            raise StoreError(f"no eventwire store at {path}: run `eventwire ingest` first")
        store = SqliteStore(path, readonly=not migrate)
    try:
        if migrate:
            store.migrate()
        elif store.schema_version() == 0:
            raise StoreError(f"no eventwire store at {store.url}: run `eventwire ingest` first")
        else:
            store.migrate()  # a store written by an older eventwire is upgraded, never created
    except BaseException:
        store.close()
        raise
    return store


__all__ = [
    "DEFAULT_DB",
    "EXISTS",
    "STORED",
    "VERSION",
    "ActorRow",
    "Duplicate",
    "Entry",
    "EventFilter",
    "EventRow",
    "Failure",
    "Store",
    "default_url",
    "open_store",
]
