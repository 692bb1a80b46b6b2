"""`SqlStore`: the store over any DB-API connection; the engines fill in the differences.

All SQL here is shared: `?` parameters (PostgreSQL's `%s` are swapped in by its engine),
`INSERT ... ON CONFLICT`, `RETURNING`. An engine supplies: connecting, transactions, the
text-search clause, and what to do after an article row is inserted (SQLite's FTS index).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eventwire.errors import StoreError
from eventwire.model import Doc
from eventwire.output import ArticleResult
from eventwire.store import minhash
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
)
from eventwire.store.migrate import migrations, now, render
from eventwire.store.query import SELECT_ROWS, selection
from eventwire.store.rows import (
    TABLE_COLUMNS,
    article_from,
    article_row,
    attribution_from,
    doc_rows,
    event_from,
    insert_sql,
    mention_from,
    named,
    place_from,
    quote_from,
    source_from,
    time_from,
)

log = logging.getLogger(__name__)

PAGE = 1000
# Values per IN list when reading a batch's keys (well under both engines' limits).
IN_CHUNK = 500
ORDER = {"events": "seq", "actors": "event_id, side, pos", "mentions": "pos", "places": "pos",
         "times": "pos", "sources": "pos", "quotes": "pos", "attributions": "pos"}  # fmt: skip
COUNTED = ("articles", "events", "actors", "mentions", "places", "times", "sources",
           "quotes", "attributions", "failures", "duplicates", "inputs", "runs")  # fmt: skip


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(slots=True)
class WriteBatch:
    """What `write` knows about a batch while writing it."""

    stored: set[str] = field(default_factory=set)  # article ids stored before or just now
    # article id -> (MinHash signature, LSH buckets), for the articles not stored yet
    hashes: dict[str, tuple[np.ndarray, list[int]]] = field(default_factory=dict)
    # bucket -> earlier articles in it: (id, signature, url)
    candidates: dict[int, list[tuple[str, np.ndarray, str | None]]] = field(default_factory=dict)


class SqlStore:
    dialect = ""

    def __init__(self, url: str) -> None:
        self.url = url
        self.next_seq = 1

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- what an engine provides ---

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def text_clause(self, text: str) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def has_table(self, name: str) -> bool:
        raise NotImplementedError

    def lock_events(self) -> None:
        """Inside a write transaction: keep other writers out until it ends, so that event
        keys (max + 1, ...) cannot collide. SQLite's BEGIN IMMEDIATE does this already."""

    def lock_schema(self) -> None:
        """Inside the migration transaction: keep other processes from migrating too."""

    def after_article(self, seq: int, doc: Doc) -> None:
        """Called after an article row is inserted (in the same transaction)."""

    def close(self) -> None:
        raise NotImplementedError

    def analyze(self) -> None:
        self.execute("ANALYZE")

    # --- helpers ---

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    # --- schema ---

    def schema_version(self) -> int:
        if not self.has_table("schema_version"):
            return 0
        row = self.one("SELECT max(version) FROM schema_version")
        return 0 if row is None or row[0] is None else int(row[0])

    def migrate(self) -> None:
        steps = migrations()
        latest = steps[-1][0]
        current = self.schema_version()
        if current > latest:
            raise StoreError(
                f"the store {self.url} has schema version {current}; this eventwire knows "
                f"up to {latest}: upgrade eventwire"
            )
        if current == latest:
            return
        with self.transaction():
            self.lock_schema()
            current = self.schema_version()  # another process may have migrated meanwhile
            for version, sql in steps:
                if version <= current:
                    continue
                log.info("store %s: applying schema version %d", self.url, version)
                for statement in render(sql, self.dialect):
                    self.execute(statement)
                self.execute("INSERT INTO schema_version (version, applied) VALUES (?, ?)",
                             (version, now()))  # fmt: skip

    # --- writing ---

    def write(self, entries: Sequence[Entry], *, run: int | None = None) -> list[str]:
        pending: dict[str, list[tuple[Any, ...]]] = {}
        with self.transaction():
            self.lock_events()
            row = self.one("SELECT coalesce(max(seq), 0) FROM events")
            self.next_seq = int(row[0]) + 1 if row else 1
            batch = self.prepare(entries)
            outcomes = [self.write_one(entry, run, pending, batch) for entry in entries]
            self.flush(pending)
        return outcomes

    def prepare(self, entries: Sequence[Entry]) -> WriteBatch:
        """What the batch's articles need from the store, read in a few statements: which
        are stored already, and the near-duplicate candidates of the new ones."""
        batch = WriteBatch()
        ids = list(dict.fromkeys(e.doc.article.id for e in entries))
        for chunk in chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            batch.stored.update(r[0] for r in self.all(
                f"SELECT id FROM articles WHERE id IN ({marks})", chunk))  # fmt: skip
        for entry in entries:
            article = entry.doc.article
            if article.id not in batch.stored and article.id not in batch.hashes:
                sig = minhash.signature(article.text)
                batch.hashes[article.id] = (sig, minhash.buckets(sig))
        wanted = sorted({b for _, buckets in batch.hashes.values() for b in buckets})
        for chunk in chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            for bucket, other_id, other_sig, other_url in self.all(
                "SELECT b.bucket, a.id, m.signature, a.url FROM lsh_buckets b "
                "JOIN minhashes m ON m.article_seq = b.article_seq "
                f"JOIN articles a ON a.seq = b.article_seq WHERE b.bucket IN ({marks})",
                chunk,
            ):
                other = (other_id, minhash.from_bytes(bytes(other_sig)), other_url)
                batch.candidates.setdefault(bucket, []).append(other)
        return batch

    def flush(self, pending: dict[str, list[tuple[Any, ...]]]) -> None:
        for table, rows in pending.items():
            if rows:
                self.executemany(insert_sql(table), rows)
        pending.clear()

    def write_one(self, entry: Entry, run: int | None,
                  pending: dict[str, list[tuple[Any, ...]]], batch: WriteBatch) -> str:  # fmt: skip
        """The article row now, its records' rows into `pending` (inserted in bulk)."""
        doc = entry.doc
        article = doc.article
        if article.id in batch.stored:
            outcome = EXISTS
        else:
            version, previous = 1, None
            if article.url:
                old = self.one("SELECT seq, id, version FROM articles "
                               "WHERE url = ? AND is_current = 1", (article.url,))  # fmt: skip
                if old is not None:
                    previous, version = old[1], int(old[2]) + 1
                    self.flush(pending)  # the old version's events may be pending
                    self.execute("UPDATE articles SET is_current = 0 WHERE seq = ?", (old[0],))
                    self.execute("UPDATE events SET is_current = 0 WHERE article_seq = ?",
                                 (old[0],))  # fmt: skip
            row = article_row(doc, version=version, previous=previous, run=run, ingested=now())
            seq = self.one(insert_sql("articles") + " RETURNING seq", row)
            assert seq is not None
            batch.stored.add(article.id)
            self.after_article(int(seq[0]), doc)
            seqs = list(range(self.next_seq, self.next_seq + len(doc.events)))
            self.next_seq += len(doc.events)
            for table, rows in doc_rows(doc, seqs, int(seq[0])).items():
                pending.setdefault(table, []).extend(rows)
            self.link_duplicate(doc, int(seq[0]), batch, pending)
            outcome = STORED if previous is None else VERSION
        if entry.item is not None:
            self.execute(
                "INSERT INTO inputs (item, digest, article_id, run) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (item, digest) DO NOTHING",
                (entry.item, entry.digest or "", article.id, run),
            )
            self.execute("DELETE FROM failures WHERE item = ?", (entry.item,))
        log.debug("article %s: %s", article.id, outcome)
        return outcome

    def link_duplicate(self, doc: Doc, article_seq: int, batch: WriteBatch,
                       pending: dict[str, list[tuple[Any, ...]]]) -> None:  # fmt: skip
        """Link the article to the most similar earlier article (stored before, or earlier in
        this batch); its MinHash and LSH buckets go into `pending`."""
        article = doc.article
        sig, buckets = batch.hashes[article.id]
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        for bucket in buckets:
            for other_id, other_sig, other_url in batch.candidates.get(bucket, ()):
                if other_id in seen:
                    continue
                seen.add(other_id)
                if article.url is not None and other_url == article.url:
                    continue  # an earlier version of this article, not a copy
                score = minhash.similarity(sig, other_sig)
                if score >= minhash.DUPLICATE_SIMILARITY and (best is None or score > best[0]):
                    best = (score, other_id)
        if best is not None:
            root = self.one("SELECT original_id FROM duplicates WHERE article_id = ?", (best[1],))
            original = best[1] if root is None else root[0]
            self.execute(
                "INSERT INTO duplicates (article_id, original_id, similarity, method) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                (article.id, original, round(best[0], 4), f"minhash-{minhash.NUM_PERM}"),
            )
            log.info("article %s: near-duplicate of %s (%.2f)", article.id, original, best[0])
        pending.setdefault("minhashes", []).append((article_seq, minhash.to_bytes(sig)))
        pending.setdefault("lsh_buckets", []).extend((b, article_seq) for b in buckets)
        # Later articles of this batch find this one without reading it back.
        for bucket in buckets:
            batch.candidates.setdefault(bucket, []).append((article.id, sig, article.url))

    def seen(self, item: str, digest: str) -> bool:
        row = self.one("SELECT 1 FROM inputs WHERE item = ? AND digest = ?", (item, digest))
        return row is not None

    def seen_item(self, item: str) -> bool:
        return self.one("SELECT 1 FROM inputs WHERE item = ?", (item,)) is not None

    def record_failure(self, failure: Failure, *, run: int | None = None) -> None:
        with self.transaction():
            self.execute(
                "INSERT INTO failures (item, article_id, stage, error_type, message, occurred, run)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item) DO UPDATE SET"
                " article_id = excluded.article_id, stage = excluded.stage,"
                " error_type = excluded.error_type, message = excluded.message,"
                " occurred = excluded.occurred, run = excluded.run",
                (failure.item, failure.article_id, failure.stage, failure.error_type,
                 failure.message, failure.occurred or now(), run),
            )  # fmt: skip

    def start_run(self, *, settings: dict[str, Any], stages: Sequence[str],
                  versions: dict[str, str]) -> int:  # fmt: skip
        with self.transaction():
            row = self.one(
                "INSERT INTO runs (started, settings, stages, versions) VALUES (?, ?, ?, ?)"
                " RETURNING seq",
                (now(), json.dumps(settings), json.dumps(list(stages)), json.dumps(versions)),
            )
        assert row is not None
        return int(row[0])

    def finish_run(self, run: int, *, counts: dict[str, int]) -> None:
        with self.transaction():
            self.execute("UPDATE runs SET finished = ?, counts = ? WHERE seq = ?",
                         (now(), json.dumps(counts), run))  # fmt: skip

    # --- reading ---

    def failures(self) -> list[Failure]:
        rows = self.all("SELECT item, stage, error_type, message, article_id, occurred "
                        "FROM failures ORDER BY occurred, item")  # fmt: skip
        return [Failure(*r) for r in rows]

    def duplicates(self) -> list[Duplicate]:
        rows = self.all("SELECT article_id, original_id, similarity, method FROM duplicates "
                        "ORDER BY original_id, article_id")  # fmt: skip
        return [Duplicate(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table, read in one statement so that they agree with each other."""
        row = self.one("SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in COUNTED))
        assert row is not None
        return dict(zip(COUNTED, (int(n) for n in row), strict=True))

    def count_events(self, where_: EventFilter) -> int:
        source, clause, params, _ = selection(where_, self.text_clause)
        row = self.one(f"SELECT count(*) {source} {clause}", params)
        return 0 if row is None else int(row[0])

    def event_keys(self, where_: EventFilter) -> Iterator[list[int]]:
        """The keys (`events.seq`) of the matching events in ingest order, a page at a time;
        `where_.offset` of them skipped first, at most `where_.limit` in all."""
        source, clause, params, key = selection(where_, self.text_clause)
        glue = " AND " if clause else "WHERE "
        left = where_.limit
        after = 0
        skip = max(where_.offset, 0)
        while left is None or left > 0:
            size = PAGE if left is None else min(PAGE, left)
            keys = [r[0] for r in self.all(
                f"SELECT {key} {source} {clause}{glue}{key} > ? ORDER BY {key} LIMIT ? OFFSET ?",
                [*params, after, size, skip])]  # fmt: skip
            skip = 0  # the next pages start after the last key read
            if not keys:
                return
            yield keys
            after = keys[-1]
            if left is not None:
                left -= len(keys)
            if len(keys) < size:
                return

    def events(self, where_: EventFilter) -> Iterator[EventRow]:
        """Matching events in ingest order, read a page at a time."""
        for keys in self.event_keys(where_):
            marks = ", ".join("?" for _ in keys)
            rows = self.all(f"{SELECT_ROWS} WHERE e.seq IN ({marks}) ORDER BY e.seq", keys)
            actors = self.actors_of([(r[1], r[3]) for r in rows])
            for r in rows:
                yield EventRow(
                    r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                    tuple(actors.get((r[1], r[3], "actor"), ())),
                    tuple(actors.get((r[1], r[3], "recipient"), ())),
                    *r[10:],
                )  # fmt: skip

    def actors_of(
        self, events: Sequence[tuple[int, str]]
    ) -> dict[tuple[int, str, str], list[ActorRow]]:
        """The actors of these events (article seq, event id), by (article, event, side)."""
        out: dict[tuple[int, str, str], list[ActorRow]] = {}
        if not events:
            return out
        wanted = set(events)
        article_seqs = sorted({a for a, _ in wanted})
        event_ids = sorted({e for _, e in wanted})
        # Two IN lists an index on (article_seq, event_id) can probe; the pairs not asked
        # for are dropped below.
        for article_seq, event_id, side, _pos, *rest in self.all(
            "SELECT article_seq, event_id, side, pos, name, country, sector, role, sponsor "
            f"FROM actors WHERE article_seq IN ({', '.join('?' for _ in article_seqs)}) "
            f"AND event_id IN ({', '.join('?' for _ in event_ids)}) "
            "ORDER BY article_seq, event_id, side, pos",
            [*article_seqs, *event_ids],
        ):
            if (article_seq, event_id) in wanted:
                out.setdefault((article_seq, event_id, side), []).append(ActorRow(*rest))
        return out

    def load_doc(self, article_id: str) -> ArticleResult | None:
        """The stored article and all its records, as the pipeline gave them."""
        columns = TABLE_COLUMNS["articles"]
        row = self.one(f"SELECT seq, {', '.join(columns)} FROM articles WHERE id = ?",
                       (article_id,))  # fmt: skip
        if row is None:
            return None
        article_seq = row[0]
        article, body = article_from(named(columns, row[1:]))

        def table(name: str) -> list[dict[str, Any]]:
            cols = TABLE_COLUMNS[name]
            rows = self.all(f"SELECT {', '.join(cols)} FROM {name} WHERE article_seq = ? "
                            "ORDER BY " + ORDER[name], (article_seq,))  # fmt: skip
            return [named(cols, r) for r in rows]

        actors: dict[str, list[dict[str, Any]]] = {}
        for a in table("actors"):
            actors.setdefault(a["event_id"], []).append(a)
        return ArticleResult(
            article=article,
            body=body,
            mentions=tuple(mention_from(r) for r in table("mentions")),
            places=tuple(place_from(r) for r in table("places")),
            times=tuple(time_from(r) for r in table("times")),
            sources=tuple(source_from(r) for r in table("sources")),
            quotes=tuple(quote_from(r) for r in table("quotes")),
            attributions=tuple(attribution_from(r) for r in table("attributions")),
            events=tuple(event_from(r, actors.get(r["id"], [])) for r in table("events")),
        )
