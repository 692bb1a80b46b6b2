"""Reading the ledger: `ledger(store, ...)` yields one JSON-ready dict per commitment.

    {"id", "status", "type", "actors", "due": {"relation", "value", "interval"},
     "event": {"article", "event"},
     "history": [{"status", "article", "event", "published", "due"}]}

The ledger is read as of a date (default: today): a commitment made later is left out, and
reports published later are not yet in its history. Its status is that of its last change
up to then (history in publication order), except that an `open` or `rescheduled`
commitment whose deadline has passed by the as-of date is `overdue`. `due` is the current
due time; each history entry carries the due time it left (so a rescheduled commitment
keeps every date it had).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from eventwire.corpus.commitments import OVERDUE, PENDING, STATUSES
from eventwire.corpus.due import Due
from eventwire.corpus.rows import marks, sql_store
from eventwire.corpus.stories import actor_term, as_day
from eventwire.errors import ConfigError
from eventwire.store.base import Store, actor_dict
from eventwire.store.sql import SqlStore

PAGE = 500


def ledger(
    store: Store,
    *,
    as_of: date | str | None = None,
    status: str | None = None,
    due_before: date | str | None = None,
    actor: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Commitments in the order they were made, as of `as_of` (default today), filtered by
    status (open, fulfilled, rescheduled, contradicted, overdue), by a deadline before
    `due_before`, and by an actor or recipient (a name, any case, or a country code)."""
    sql = sql_store(store)
    day = as_day(as_of, "as_of") or date.today()
    before = as_day(due_before, "due_before")
    if status is not None and status.lower() not in STATUSES:
        raise ConfigError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    wanted = None if status is None else status.lower()
    clause, params = "", []
    if actor:
        clause = " AND c.event_seq IN (SELECT event_seq FROM event_terms WHERE term = ?)"
        params.append(actor_term(actor))
    after = 0
    while True:
        page = sql.all(
            "SELECT c.seq, c.type, e.article_seq, e.id, a.ref FROM commitments c "
            "JOIN events e ON e.seq = c.event_seq "
            "JOIN corpus_articles a ON a.article_seq = c.article_seq "
            f"WHERE c.seq > ? AND e.is_current = 1{clause} ORDER BY c.seq LIMIT ?",
            [after, *params, PAGE],
        )
        if not page:
            return
        for item in commitment_dicts(sql, page, day):
            if wanted is not None and item["status"] != wanted:
                continue
            if before is not None and date.fromisoformat(item["deadline"]) >= before:
                continue
            del item["deadline"]
            yield item
        after = int(page[-1][0])
        if len(page) < PAGE:
            return


def commitment_dicts(store: SqlStore, page: list[tuple[Any, ...]],
                     day: date) -> Iterator[dict[str, Any]]:  # fmt: skip
    seqs = [int(r[0]) for r in page]
    history: dict[int, list[tuple[Any, ...]]] = {}
    for row in store.all(
        "SELECT h.commitment, h.pos, h.status, h.published, h.due_relation, h.due_value, "
        "h.due_start, h.due_end, h.deadline, e.id, a.ref FROM commitment_history h "
        "JOIN events e ON e.seq = h.event_seq "
        "JOIN corpus_articles a ON a.article_seq = h.article_seq "
        f"WHERE h.commitment IN ({marks(seqs)}) ORDER BY h.commitment, h.pos",
        seqs,
    ):
        history.setdefault(int(row[0]), []).append(row[1:])
    actors = store.actors_of([(int(r[2]), r[3]) for r in page])
    for seq, kind, article_seq, event_id, ref in page:
        entries = replay(history.get(int(seq), []), day)
        if not entries:
            continue  # made after the as-of date
        last = entries[-1]
        due: Due = last["due_record"]
        current = last["status"]
        if current in PENDING and due.deadline < day:
            current = OVERDUE
        yield {
            "id": int(seq),
            "status": current,
            "type": kind,
            "actors": [
                actor_dict(a) for a in actors.get((int(article_seq), event_id, "actor"), [])
            ],
            "due": due.to_dict(),
            "event": {"article": ref, "event": event_id},
            "history": [{k: v for k, v in e.items() if k != "due_record"} for e in entries],
            "deadline": due.deadline.isoformat(),
        }


def replay(rows: list[tuple[Any, ...]], day: date) -> list[dict[str, Any]]:
    """The history entries published by `day`, in publication order (the first, the
    commitment itself, always first); empty when the commitment was made after `day`."""
    if not rows:
        return []
    made, *later = rows
    if made[2] is not None and made[2] > day.isoformat():
        return []
    kept = [r for r in later if r[2] is None or r[2] <= day.isoformat()]
    kept.sort(key=lambda r: (r[2] or "", r[0]))
    out = []
    for _pos, status, published, relation, value, start, end, deadline, event_id, ref in [
        made,
        *kept,
    ]:
        due = Due(relation, value, start, end, date.fromisoformat(deadline))
        out.append({"status": status, "article": ref, "event": event_id,
                    "published": published, "due": due.to_dict(), "due_record": due})  # fmt: skip
    return out
