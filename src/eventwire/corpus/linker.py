"""Linking a stored article's events into stories, incrementally, as articles arrive.

`Linker.link(store, doc)` runs inside the transaction that wrote the article (ingest calls
it there), so a story never misses or doubles an event, even when an ingest is killed. The
article's events are first chained within the article (`link.chain_events`); each chain then
joins the story of the best-scoring earlier event from another article, if that score is
above zero, or starts a story. Candidates are found through `story_keys` (type and lemma, or
type and mode, with the days each event is filed under): the `CANDIDATES_PER_KEY` events
nearest to each event's day within the range a match may lie in (`link.lookup_range`), so
the work per article stays bounded however large the store grows. Then the ledger is
updated (`commitments.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.corpus import origins
from eventwire.corpus.commitments import update_ledger
from eventwire.corpus.features import EventView, reporting_lemmas, views_of
from eventwire.corpus.link import (
    chain_events,
    compatible,
    filed_days,
    lookup_range,
    score_across,
)
from eventwire.corpus.rows import (
    READ_COLUMNS,
    VIEW_COLUMNS,
    insert_sql,
    marks,
    sql_store,
    view_from,
    view_row,
)
from eventwire.errors import StoreError
from eventwire.model import Doc
from eventwire.store.base import Store
from eventwire.store.sql import SqlStore

log = logging.getLogger(__name__)

# Events read per lookup key, nearest to the new event's day (half on or after it): 50 of the
# same verb around the same day are enough to find another report of the same event; more
# only costs time, and would make the cost grow with the density of the store.
CANDIDATES_PER_KEY = 50
# Articles caught up per transaction when a store written before schema version 7 is linked.
CATCH_UP_BATCH = 50


def heads_of(view: EventView) -> list[str]:
    """The lookup keys of an event: its type and lemma, and its type and mode."""
    heads = [f"l|{view.type}|{view.lemma}"]
    if view.type != "OTHER" and view.mode:
        heads.append(f"m|{view.type}|{view.mode}")
    return heads


def filed(view: EventView) -> list[str]:
    return [d.isoformat() for d in filed_days(view)] or [""]


def input_ref(item: str | None) -> str | None:
    """The JSON Lines record's `id` in an input item's key (`path#id:ID`)."""
    if item is None or "#id:" not in item:
        return None
    return item.partition("#id:")[2]


class Linker:
    """Links newly stored articles into stories and the ledger."""

    def __init__(self, *, lexicons: Path | None = None) -> None:
        self.lexicons = lexicons
        self.reporting = reporting_lemmas(lexicons)
        # for the benchmark: earlier events, and pending commitments, compared with in all
        self.compared = 0
        self.promises_compared = 0

    def link(self, store: Store, doc: Doc, *, item: str | None = None) -> None:
        """Link a stored article's events (in the transaction that stored it); an article
        linked before is left as it is."""
        self.link_in(sql_store(store), doc, item=item)

    def link_in(self, store: SqlStore, doc: Doc, *, item: str | None) -> None:
        article = doc.article
        row = store.one("SELECT seq, url, previous, is_current FROM articles WHERE id = ?",
                        (article.id,))  # fmt: skip
        if row is None:
            raise StoreError(f"article {article.id} is not stored: cannot link its events")
        article_seq, url, previous, current = int(row[0]), row[1], row[2], bool(row[3])
        if store.one("SELECT 1 FROM corpus_articles WHERE article_seq = ?", (article_seq,)):
            return
        if previous is not None:  # a new version: the old one's events leave their stories
            store.execute("UPDATE story_events SET current = 0 WHERE article_seq = "
                          "(SELECT seq FROM articles WHERE id = ?)", (previous,))  # fmt: skip
        by_id = {r[1]: int(r[0]) for r in store.all(
            "SELECT seq, id FROM events WHERE article_seq = ?", (article_seq,))}  # fmt: skip
        seqs = [by_id[e.id] for e in doc.events]
        original = store.one(
            "SELECT a.seq FROM duplicates d JOIN articles a ON a.id = d.original_id "
            "WHERE d.article_id = ?", (article.id,))  # fmt: skip
        # the item that stored the article names the input; without one (catching up an
        # older store, or a caller's own write), the inputs table does
        found_ref = input_ref(item) if item is not None else self.stored_ref(store, article.id)
        ref = found_ref or article.id
        published = None if article.published is None else article.published.isoformat()[:10]
        store.execute(
            "INSERT INTO corpus_articles (article_seq, ref, outlet, original_seq, published) "
            "VALUES (?, ?, ?, ?, ?)",
            (article_seq, ref, origins.article_outlet(article.outlet, url, self.lexicons),
             None if original is None else original[0], published),
        )  # fmt: skip
        views = views_of(doc, seqs, article_seq)
        found = {o: origins.encode(origins.event_origins(doc, e, self.lexicons))
                 for o, e in zip(seqs, doc.events, strict=True)}  # fmt: skip
        stories = self.place_in_stories(store, views, found, current=current)
        self.promises_compared += update_ledger(store, doc, views, reporting=self.reporting)
        log.debug("article %s: %d events in %d stories", article.id, len(views), stories)

    def stored_ref(self, store: SqlStore, article_id: str) -> str | None:
        """The input id of an article stored before (for catching up an older store)."""
        rows = store.all("SELECT item FROM inputs WHERE article_id = ? ORDER BY run, item",
                         (article_id,))  # fmt: skip
        return next((ref for (item,) in rows if (ref := input_ref(item)) is not None), None)

    def candidates(self, store: SqlStore, views: list[EventView]) -> list[tuple[EventView, int]]:
        """Earlier current events of other articles under the views' keys, with their story;
        only those of a type and lemma (or mode) one of the views has are built."""
        seqs: set[int] = set()
        asked: set[tuple[str, str, str, str]] = set()
        for view in views:
            span = lookup_range(view)
            for head in heads_of(view):
                if span is None:
                    asked.add((head, "", "", ""))
                else:
                    first, day, last = (d.isoformat() for d in span)
                    asked.add((head, first, day, last))
        for head, first, day, last in sorted(asked):
            seqs.update(self.nearest(store, head, first, day, last))
        wanted = {(v.type, v.lemma) for v in views} | {(v.type, v.mode) for v in views if v.mode}
        article = views[0].article_seq if views else None
        lemma_at, mode_at = READ_COLUMNS.index("lemma"), READ_COLUMNS.index("mode")
        type_at, article_at = READ_COLUMNS.index("type"), READ_COLUMNS.index("article_seq")
        found: list[tuple[EventView, int]] = []
        ordered = sorted(seqs)
        columns = ", ".join(f"s.{c}" for c in READ_COLUMNS)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            for row in store.all(
                f"SELECT {columns} FROM story_events s "
                f"WHERE s.event_seq IN ({marks(chunk)}) AND s.current = 1", chunk):  # fmt: skip
                if row[article_at] != article and ((row[type_at], row[lemma_at]) in wanted or (
                        row[type_at], row[mode_at]) in wanted):  # fmt: skip
                    found.append(view_from(row))
        self.compared += len(found)
        return found

    def nearest(self, store: SqlStore, head: str, first: str, day: str, last: str) -> set[int]:
        """The events filed under `head` nearest to `day` within [first, last]: up to half
        of CANDIDATES_PER_KEY on or after it, the rest before it (all when undated)."""
        if not day:
            return {int(r[0]) for r in store.all(
                "SELECT event_seq FROM story_keys WHERE key = ? AND day = '' "
                "ORDER BY event_seq DESC LIMIT ?", (head, CANDIDATES_PER_KEY))}  # fmt: skip
        half = CANDIDATES_PER_KEY // 2
        after = store.all("SELECT event_seq FROM story_keys WHERE key = ? AND day >= ? AND "
                          "day <= ? ORDER BY day, event_seq LIMIT ?",
                          (head, day, last, half))  # fmt: skip
        before = store.all("SELECT event_seq FROM story_keys WHERE key = ? AND day >= ? AND "
                           "day < ? ORDER BY day DESC, event_seq DESC LIMIT ?",
                           (head, first, day, CANDIDATES_PER_KEY - len(after)))  # fmt: skip
        return {int(r[0]) for r in (*after, *before)}

    def place_in_stories(self, store: SqlStore, views: list[EventView], found: dict[int, str], *,
                         current: bool) -> int:  # fmt: skip
        """Chain the views, put each chain in a story; the number of stories touched."""
        earlier = self.candidates(store, views)
        rows: list[tuple[Any, ...]] = []
        keys: list[tuple[str, str, int]] = []
        touched = set()
        for chain in chain_events(views, reporting=self.reporting):
            best: tuple[float, int] | None = None
            for view in chain:
                for other, other_story in earlier:
                    if compatible(other, view):
                        value = score_across(other, view, reporting=self.reporting)
                        if best is None or value > best[0]:
                            best = (value, other_story)
            score: float | None = None
            if best is not None and best[0] > 0:
                story, score = best[1], round(best[0], 4)
                self.widen(store, story, chain)
            else:
                story = self.new_story(store, chain)
            touched.add(story)
            for view in chain:
                rows.append(view_row(view, story=story, score=score, origins=found[view.seq],
                                     current=current))  # fmt: skip
                keys += [(head, day, view.seq) for head in heads_of(view) for day in filed(view)]
        if rows:
            store.executemany(insert_sql("story_events", VIEW_COLUMNS), rows)
            store.executemany("INSERT INTO story_keys (key, day, event_seq) VALUES (?, ?, ?)",
                              keys)  # fmt: skip
        return len(touched)

    def new_story(self, store: SqlStore, chain: list[EventView]) -> int:
        lo, hi = time_range(chain)
        row = store.one("INSERT INTO stories (type, time_lo, time_hi) VALUES (?, ?, ?) "
                        "RETURNING seq", (chain[0].type, lo, hi))  # fmt: skip
        assert row is not None
        return int(row[0])

    def widen(self, store: SqlStore, story: int, chain: list[EventView]) -> None:
        """Stretch the story's time range over the chain's event times."""
        lo, hi = time_range(chain)
        if lo is None or hi is None:
            return
        store.execute(
            "UPDATE stories SET time_lo = CASE WHEN time_lo IS NULL OR time_lo > ? THEN ? "
            "ELSE time_lo END, time_hi = CASE WHEN time_hi IS NULL OR time_hi < ? THEN ? "
            "ELSE time_hi END WHERE seq = ?", (lo, lo, hi, hi, story))  # fmt: skip

    def catch_up(self, store: Store) -> int:
        """Link the current articles no story knows yet (a store written before schema
        version 7), oldest first, a batch per transaction; how many were linked."""
        sql = sql_store(store)
        done = 0
        while True:
            with sql.transaction():
                sql.lock_events()
                pending = [r[0] for r in sql.all(
                    "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM corpus_articles"
                    " c WHERE c.article_seq = a.seq) ORDER BY a.seq LIMIT ?",
                    (CATCH_UP_BATCH,))]  # fmt: skip
                for article_id in pending:
                    doc = sql.load_doc(article_id)
                    assert doc is not None
                    self.link_in(sql, doc, item=None)
            done += len(pending)
            if len(pending) < CATCH_UP_BATCH:
                return done


def time_range(views: Iterable[EventView]) -> tuple[str | None, str | None]:
    los = [v.time_lo for v in views if v.time_lo is not None]
    his = [v.time_hi for v in views if v.time_hi is not None]
    lo = min(los).isoformat() if los else None
    hi = max(his).isoformat() if his else None
    return lo, hi
