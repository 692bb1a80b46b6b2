"""The SQLite store: one file in WAL mode, one writer, readers alongside it.

Every connection waits (busy_timeout) rather than failing when another holds a lock; the
writer takes the write lock at the start of each transaction (BEGIN IMMEDIATE), so two
writers queue instead of deadlocking, and readers in WAL mode read the last committed state
while a write is going on. Opening a store retries briefly while another process creates or
migrates it: switching a new file to WAL, and reading the schema while it changes, report
"database is locked" at once instead of waiting. Readers never switch the journal mode.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from eventwire.errors import StoreError
from eventwire.model import Doc
from eventwire.store.sql import SqlStore

# How long a connection waits for a lock before giving up (ms). Long, so that a query run
# during a large ingest waits for a checkpoint rather than failing.
BUSY_TIMEOUT_MS = 60_000
# WAL pages after which a commit copies the WAL back into the database (the default is
# 1,000 pages, 4 MiB). A batch of articles dirties thousands of index pages, many of them the
# same ones again in the next batches (the last page of each term in event_terms, the LSH
# buckets); a larger WAL copies each such page back once per checkpoint rather than once per
# batch. 32,768 pages of 4 KiB: 128 MiB. Every commit stays atomic, and a killed process
# loses nothing committed; as before (synchronous = NORMAL), a power cut can lose the commits
# since the WAL was last synced, which with a larger WAL may be a few more batches.
WAL_AUTOCHECKPOINT_PAGES = 32_768
# After a checkpoint the WAL file is cut back to this size (bytes), not kept at its largest.
JOURNAL_SIZE_LIMIT = 134_217_728
# How long opening a store keeps retrying "database is locked" while another process creates
# or migrates it (seconds), and the first pause between tries (doubled each time, to 0.5 s).
# Creating a store takes well under a second; ten leaves room for a loaded machine.
OPEN_RETRY_S = 10.0
FIRST_PAUSE_S = 0.02

log = logging.getLogger(__name__)
T = TypeVar("T")


def is_locked(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def retry_locked(action: Callable[[], T], *, what: str) -> T:
    """`action()`, tried again for up to OPEN_RETRY_S while the database is locked."""
    deadline = time.monotonic() + OPEN_RETRY_S
    pause = FIRST_PAUSE_S
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not is_locked(exc) or time.monotonic() + pause > deadline:
                raise
            log.debug("%s: %s; trying again in %.2f s", what, exc, pause)
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: each word a quoted phrase, all required."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def connect(path: str, *, readonly: bool) -> sqlite3.Connection:
    """A connection with the store's settings; a writer also puts the file in WAL mode (a
    setting the file keeps, so readers need not)."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:" and not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Page cache and memory map: the indexes of a few million events fit, so that
        # inserts with random keys (articles' hashed ids, LSH buckets) rarely wait on the disk.
        conn.execute("PRAGMA cache_size = -262144")  # 256 MiB
        conn.execute("PRAGMA mmap_size = 1073741824")  # 1 GiB
    except BaseException:
        conn.close()
        raise
    return conn


class SqliteStore(SqlStore):
    dialect = "sqlite"

    def __init__(self, path: str, *, readonly: bool = False) -> None:
        super().__init__(path)
        if path != ":memory:":
            parent = Path(path).parent
            if not parent.exists():
                raise StoreError(f"cannot open the store {path}: folder {parent} does not exist")
        try:
            self.conn = retry_locked(lambda: connect(path, readonly=readonly), what=path)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        self.depth = 0

    def schema_version(self) -> int:
        try:
            return retry_locked(super().schema_version, what=self.url)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the store {self.url}: {exc}") from exc

    def migrate(self) -> None:
        try:
            retry_locked(super().migrate, what=self.url)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot upgrade the store {self.url}: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.depth:
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self.depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self.depth = 0

    def has_table(self, name: str) -> bool:
        row = self.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return row is not None

    def text_clause(self, text: str) -> tuple[str, list[Any]]:
        return ("e.article_seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                [fts_query(text)])  # fmt: skip

    def after_article(self, seq: int, doc: Doc) -> None:
        self.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                     (seq, doc.article.title or "", doc.article.text))  # fmt: skip

    def analyze(self) -> None:
        self.execute("ANALYZE")
        self.execute("PRAGMA optimize")

    def close(self) -> None:
        self.conn.close()
