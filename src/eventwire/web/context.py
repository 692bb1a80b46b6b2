"""What the handlers share: store connections (one per request at a time, opened on demand
and kept for the next request) and the extractor (the pipeline, built on the first
`POST /api/extract` and run by one request at a time)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from eventwire.api import run
from eventwire.model import Article
from eventwire.output import ArticleResult
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.sql import SqlStore

# Store connections open at most; a request finding all of them busy waits for one.
POOL_SIZE = 8


class StorePool:
    """Store connections for concurrent requests: a request borrows one (a free one, or a
    new one, up to `size`) and gives it back. SQLite readers run alongside each other and
    alongside a running ingest (WAL); a PostgreSQL connection serves one request at a time."""

    def __init__(self, url: str, *, size: int = POOL_SIZE) -> None:
        self.url = url
        self.slots = threading.BoundedSemaphore(size)
        self.lock = threading.Lock()
        self.free: list[SqlStore] = []
        self.opened: list[SqlStore] = []

    @contextmanager
    def borrow(self) -> Iterator[SqlStore]:
        with self.slots:
            with self.lock:
                store = self.free.pop() if self.free else None
            if store is None:
                store = cast(SqlStore, open_store(self.url, migrate=False))
                with self.lock:
                    self.opened.append(store)
            try:
                yield store
            finally:
                with self.lock:
                    self.free.append(store)

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()
            self.free.clear()


class Extractor:
    """Runs the pipeline the settings name on one article; never stores the result."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.pipeline = pipeline
        self.lock = threading.Lock()

    def __call__(self, article: Article) -> ArticleResult:
        with self.lock:  # one article at a time: the models are not shared between threads
            if self.pipeline is None:
                self.pipeline = build_pipeline(self.settings)
            return run(article, pipeline=self.pipeline)


@dataclass(frozen=True, slots=True)
class Context:
    stores: StorePool
    extractor: Extractor
