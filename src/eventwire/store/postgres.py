"""The PostgreSQL store (psycopg 3): the shared SQL with `%s` parameters, tsvector search."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.sql import SqlStore

_QMARK = re.compile(r"\?")
# Any fixed number: the advisory lock that keeps two processes from migrating at once.
SCHEMA_LOCK = 7_404_114


def redact(url: str) -> str:
    """The URL without its password, for logs and the runs table."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


class PostgresStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        super().__init__(redact(url))
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - the "postgres" extra installs it
            raise StoreError('PostgreSQL needs psycopg: pip install "eventwire[postgres]"') from exc
        self.errors = psycopg.Error
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url}: {exc}") from exc
        self.sql_cache: dict[str, str] = {}

    def convert(self, sql: str) -> str:
        converted = self.sql_cache.get(sql)
        if converted is None:
            converted = self.sql_cache[sql] = _QMARK.sub("%s", sql)
        return converted

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.convert(sql), params)  # type: ignore[call-overload]

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self.convert(sql), rows)  # type: ignore[call-overload]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def lock_events(self) -> None:
        self.execute("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE")

    def lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))

    def has_table(self, name: str) -> bool:
        row = self.one("SELECT to_regclass(?)", (name,))
        return row is not None and row[0] is not None

    def text_clause(self, text: str) -> tuple[str, list[Any]]:
        # plainto_tsquery: every word a plain term, all required, no operators; 'simple', as
        # the tsv column (schema version 9): no stemming, no stop words, as SQLite's FTS5
        return ("e.article_seq IN (SELECT a2.seq FROM articles a2 "
                "WHERE a2.tsv @@ plainto_tsquery('simple', ?))", [text])  # fmt: skip

    def close(self) -> None:
        self.conn.close()
