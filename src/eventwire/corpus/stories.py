"""Reading stories: `stories(store, ...)` yields one JSON-ready dict per story.

    {"id", "type", "events": [{"article", "event", "trigger": {"text", "start", "end"},
     "modality"}], "articles", "outlets", "independent_sources", "first_published",
     "last_published"}

`article` is the input's id (the JSON Lines record's `id`; else the stored article id) and
`event` the event's id in that article's result. Only events of current article versions
are listed, so every event `eventwire query` shows is in exactly one story. Counts: the
distinct articles; the distinct outlets (an article whose outlet is unknown, and whose URL
has no host, counts as one of its own); the independent sources (`origins.py`): copies count
under the article they copy, an outlet's updates once, a wire once however many outlets
relay it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from eventwire.corpus import origins
from eventwire.corpus.rows import marks, sql_store
from eventwire.errors import ConfigError
from eventwire.store.base import Store
from eventwire.store.query import is_country_code
from eventwire.store.sql import SqlStore

PAGE = 500


def as_day(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ConfigError(f"{name} takes a date (YYYY-MM-DD), not {value!r}") from None


def actor_term(actor: str) -> str:
    return f"ac:{actor}" if is_country_code(actor) else f"a:{actor.casefold()}"


def stories(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
) -> Iterator[dict[str, Any]]:
    """Stories in the order they began, filtered by type, by an actor or recipient (a name,
    any case, or an ISO alpha-3 country code), and by event time (the union of the story's
    event times overlaps [since, until]; stories without event times are left out then)."""
    sql = sql_store(store)
    first, last = as_day(since, "since"), as_day(until, "until")
    clauses: list[str] = []
    params: list[Any] = []
    if type:
        clauses.append("s.type = ?")
        params.append(type.upper())
    if actor:
        clauses.append("s.seq IN (SELECT se.story FROM event_terms t JOIN story_events se "
                       "ON se.event_seq = t.event_seq WHERE t.term = ?)")  # fmt: skip
        params.append(actor_term(actor))
    if first is not None or last is not None:
        clauses.append("s.time_lo IS NOT NULL")
    if last is not None:
        clauses.append("s.time_lo <= ?")
        params.append(last.isoformat())
    if first is not None:
        clauses.append("s.time_hi >= ?")
        params.append(first.isoformat())
    where = "".join(f" AND {c}" for c in clauses)
    after = 0
    while True:
        page = sql.all(f"SELECT s.seq, s.type FROM stories s WHERE s.seq > ?{where} "
                         "ORDER BY s.seq LIMIT ?", [after, *params, PAGE])  # fmt: skip
        if not page:
            return
        yield from story_dicts(sql, [(int(seq), kind) for seq, kind in page])
        after = int(page[-1][0])
        if len(page) < PAGE:
            return


def story_dicts(store: SqlStore, page: list[tuple[int, str]]) -> Iterator[dict[str, Any]]:
    seqs = [seq for seq, _ in page]
    members: dict[int, list[tuple[Any, ...]]] = {}
    for row in store.all(
        "SELECT se.story, e.id, e.trigger_text, e.trigger_start, e.trigger_end, e.modality, "
        "se.origins, c.article_seq, c.ref, c.outlet, c.original_seq, c.published "
        "FROM story_events se JOIN events e ON e.seq = se.event_seq "
        "JOIN corpus_articles c ON c.article_seq = se.article_seq "
        f"WHERE se.story IN ({marks(seqs)}) AND e.is_current = 1 ORDER BY se.story, se.event_seq",
        seqs,
    ):
        members.setdefault(int(row[0]), []).append(row[1:])
    copied = sorted({int(r[9]) for rows in members.values() for r in rows if r[9] is not None})
    outlets = dict(store.all("SELECT article_seq, outlet FROM corpus_articles WHERE article_seq "
                             f"IN ({marks(copied)})", copied)) if copied else {}  # fmt: skip
    for seq, kind in page:
        rows = members.get(seq)
        if rows:
            yield story_dict(seq, kind, rows, outlets)


def story_dict(seq: int, kind: str, rows: list[tuple[Any, ...]],
               originals: dict[int, str | None]) -> dict[str, Any]:  # fmt: skip
    events = []
    reports: list[tuple[str, list[str]]] = []
    articles: dict[int, str | None] = {}
    published = []
    for (
        event_id,
        text,
        start,
        end,
        modality,
        found,
        article_seq,
        ref,
        outlet,
        original,
        day,
    ) in rows:
        events.append({"article": ref, "event": event_id,
                       "trigger": {"text": text, "start": start, "end": end},
                       "modality": modality})  # fmt: skip
        articles[article_seq] = outlet
        source_outlet = originals.get(original) if original is not None else outlet
        if source_outlet is None and original is None:
            source_outlet = f"article {article_seq}"
        elif source_outlet is None:
            source_outlet = f"article {original}"
        reports.append((source_outlet, origins.decode(found)))
        if day is not None:
            published.append(day)
    named = {o for o in articles.values() if o is not None}
    return {
        "id": seq,
        "type": kind,
        "events": events,
        "articles": len(articles),
        "outlets": len(named) + sum(1 for o in articles.values() if o is None),
        "independent_sources": origins.independent_sources(reports),
        "first_published": min(published) if published else None,
        "last_published": max(published) if published else None,
    }
