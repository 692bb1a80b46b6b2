"""The ledger's writes: commitments made, and what later reports do to them.

A commitment is an event whose modality is planned or expected and whose time is a
deadline (`due.py`: by, on, before, during). Each event of a newly stored article is
compared with the open commitments of earlier-published articles that share its type and
lemma (or mode); the best match above zero takes an update:

- negated or denied ("Kenya will not hold the referendum"): `contradicted`;
- occurred, and dated neither after its own report nor before the commitment was made:
  `fulfilled` (an "occurred" event dated after its report is a plan: "postponed until
  2026" reads as the withdrawal, happening in 2026);
- planned, expected, or occurred in the future, with a deadline other than the current
  one: `rescheduled`, the new due time recorded (and the old ones kept in the history);
- otherwise nothing changes (a report that repeats the plan is not a change).

An event that updates a commitment does not make a new one; a promised event with a due
time that matches none does. Every change is a row of `commitment_history` with the event
and article that made it.

Matching weights are set by hand (no gold set of commitments exists): the actors (or
their countries) or recipients shared, and similar wording, against actors that share
nothing and places far apart.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from eventwire.corpus.due import NEW_DUE_RELATIONS, PROMISED, Due, due_of
from eventwire.corpus.features import EventView
from eventwire.corpus.link import compatible, jaccard, shared
from eventwire.corpus.rows import READ_COLUMNS, marks, view_from
from eventwire.model import Doc, Event
from eventwire.store.sql import SqlStore

log = logging.getLogger(__name__)

MATCH_BIAS = -0.5
MATCH_ACTORS = 1.5
MATCH_RECIPIENTS = 1.0
MATCH_ACTOR_CONFLICT = -2.0
MATCH_WORDS = 2.0  # times the Jaccard similarity of the sentences' words
MATCH_SAME_PLACE = 0.5
MATCH_PLACE_FAR = -1.5
MATCH_OTHER_LEMMA = -0.5
MATCH_REPORTING = -2.0
# Latest pending commitments read per lookup key (type and lemma, or type and mode); a
# commitment leaves its keys once fulfilled or contradicted. 20 of one kind of promise are
# enough to find the one a report speaks of: it is made by the same actors, and recently.
CANDIDATES_PER_KEY = 20

OPEN, FULFILLED, RESCHEDULED, CONTRADICTED, OVERDUE = (
    "open", "fulfilled", "rescheduled", "contradicted", "overdue",
)  # fmt: skip
STATUSES = (OPEN, FULFILLED, RESCHEDULED, CONTRADICTED, OVERDUE)
PENDING = (OPEN, RESCHEDULED)  # statuses a later report can still change


def match_score(promise: EventView, later: EventView, *, reporting: frozenset[str]) -> float:
    s = shared(promise, later)
    score = MATCH_BIAS + MATCH_ACTORS * s.actors + MATCH_RECIPIENTS * s.recipients
    score += MATCH_ACTOR_CONFLICT * s.actor_conflict
    score += MATCH_WORDS * jaccard(promise.words, later.words)
    score += MATCH_SAME_PLACE * s.same_place + MATCH_PLACE_FAR * s.place_far
    score += MATCH_OTHER_LEMMA * (not s.same_lemma) + MATCH_REPORTING * (later.lemma in reporting)
    return score


def keys_of(view: EventView) -> list[str]:
    keys = [f"l|{view.type}|{view.lemma}"]
    if view.type != "OTHER" and view.mode:
        keys.append(f"m|{view.type}|{view.mode}")
    return keys


def update_of(later: EventView, event: Event, deadline: date | None,
              made: date | None) -> tuple[str, Due | None] | None:  # fmt: skip
    """What the later event does to a commitment with this deadline (made on `made`)."""
    if later.modality in ("negated", "denied"):
        return CONTRADICTED, None
    future = (later.time_lo is not None and later.published is not None
              and later.time_lo not in (date.min,) and later.time_lo > later.published)  # fmt: skip
    past = later.time_hi is not None and made is not None and later.time_hi < made
    if later.modality == "occurred" and not future:
        return None if past else (FULFILLED, None)
    if later.modality in PROMISED or (later.modality == "occurred" and future):
        new = due_of(event.time, relations=NEW_DUE_RELATIONS)
        if new is not None and new.deadline != deadline:
            return RESCHEDULED, new
    return None


def record(store: SqlStore, commitment: int, status: str, view: EventView, due: Due,
           score: float | None) -> None:  # fmt: skip
    row = store.one("SELECT coalesce(max(pos), 0) FROM commitment_history WHERE commitment = ?",
                    (commitment,))  # fmt: skip
    pos = (int(row[0]) if row else 0) + 1
    store.execute(
        "INSERT INTO commitment_history (commitment, pos, status, event_seq, article_seq, "
        "published, due_relation, due_value, due_start, due_end, deadline, score) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (commitment, pos, status, view.seq, view.article_seq,
         None if view.published is None else view.published.isoformat(), due.relation,
         due.value, due.start, due.end, due.deadline.isoformat(), score),
    )  # fmt: skip
    latest, _due = state(store, commitment)
    store.execute("UPDATE commitments SET status = ? WHERE seq = ?", (latest, commitment))
    if latest not in PENDING:  # no later report can change it: out of the lookup
        store.execute("DELETE FROM commitment_keys WHERE commitment = ?", (commitment,))


HISTORY_COLUMNS = ("commitment, pos, status, published, due_relation, due_value, due_start, "
                   "due_end, deadline")  # fmt: skip


def state(store: SqlStore, commitment: int) -> tuple[str, Due]:
    """The status and due time after the whole history (see `state_of`)."""
    rows = store.all(f"SELECT {HISTORY_COLUMNS} FROM commitment_history WHERE commitment = ? "
                     "ORDER BY pos", (commitment,))  # fmt: skip
    return state_of(rows)


def state_of(rows: Sequence[Sequence[Any]]) -> tuple[str, Due]:
    """The status and due time after these history rows (HISTORY_COLUMNS, in pos order),
    changes taken in publication order (reports may be ingested out of order)."""
    assert rows, "a commitment without history"
    made, *later = rows
    last = max(later, key=lambda r: (r[3] or "", r[1]), default=made)
    _seq, _pos, status, _published, relation, value, start, end, deadline = last
    return status, Due(relation, value, start, end, date.fromisoformat(deadline))


Pending = tuple[int, EventView, Due, date | None]


def pending_commitments(store: SqlStore, views: Sequence[EventView]) -> list[Pending]:
    """Open or rescheduled commitments under the views' keys: (seq, promise, current due,
    published)."""
    keys = sorted({k for v in views for k in keys_of(v)})
    seqs: set[int] = set()
    for key in keys:
        seqs.update(int(r[0]) for r in store.all(
            "SELECT commitment FROM commitment_keys WHERE key = ? ORDER BY commitment DESC "
            "LIMIT ?", (key, CANDIDATES_PER_KEY)))  # fmt: skip
    if not seqs:
        return []
    chosen = sorted(seqs)
    columns = ", ".join(f"s.{c}" for c in READ_COLUMNS)
    rows = store.all(
        f"SELECT c.seq, {columns} FROM commitments c "
        "JOIN story_events s ON s.event_seq = c.event_seq "
        f"WHERE c.seq IN ({marks(chosen)}) "
        f"AND s.current = 1 AND c.status IN ({marks(PENDING)})",
        [*chosen, *PENDING])  # fmt: skip
    if not rows:
        return []
    pending = [int(r[0]) for r in rows]
    history: dict[int, list[tuple[Any, ...]]] = {}
    for row in store.all(f"SELECT {HISTORY_COLUMNS} FROM commitment_history WHERE commitment "
                         f"IN ({marks(pending)}) ORDER BY commitment, pos", pending):  # fmt: skip
        history.setdefault(int(row[0]), []).append(row)
    out = []
    for seq, *rest in rows:
        view, _story = view_from(rest)
        _status, due = state_of(history[int(seq)])
        out.append((int(seq), view, due, view.published))
    return out


def update_ledger(store: SqlStore, doc: Doc, views: Sequence[EventView], *,
                  reporting: frozenset[str]) -> int:  # fmt: skip
    """Update commitments with the article's events, and record the new ones it makes; the
    number of pending commitments compared with."""
    pending = {seq: (promise, due, made) for seq, promise, due, made
               in pending_commitments(store, views)}  # fmt: skip
    compared = len(pending)
    for view, event in zip(views, doc.events, strict=True):
        best: tuple[float, int] | None = None
        for seq, (promise, _due, made) in pending.items():
            if promise.article_seq == view.article_seq or not compatible(promise, view):
                continue
            if made is not None and view.published is not None and view.published < made:
                continue  # a report older than the promise cannot update it
            score = match_score(promise, view, reporting=reporting)
            if score > 0 and (best is None or score > best[0]):
                best = (score, seq)
        if best is not None:
            score, seq = best
            promise, due, made = pending[seq]
            change = update_of(view, event, due.deadline, made)
            if change is not None:
                status, new_due = change
                record(store, seq, status, view, new_due or due, round(score, 4))
                log.info("article %s: event %s makes commitment %d %s", doc.article.id,
                         event.id, seq, status)  # fmt: skip
                if new_due is not None:
                    pending[seq] = (promise, new_due, made)
                else:
                    del pending[seq]
            continue  # an event that matches a commitment does not make a new one
        promised = due_of(event.time) if view.modality in PROMISED else None
        if promised is not None:
            make_commitment(store, view, promised)
    return compared


def make_commitment(store: SqlStore, view: EventView, due: Due) -> None:
    row = store.one(
        "INSERT INTO commitments (event_seq, article_seq, type, lemma, published, status) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING seq",
        (view.seq, view.article_seq, view.type, view.lemma,
         None if view.published is None else view.published.isoformat(), OPEN),
    )  # fmt: skip
    assert row is not None
    store.executemany("INSERT INTO commitment_keys (key, commitment) VALUES (?, ?)",
                      [(k, int(row[0])) for k in keys_of(view)])  # fmt: skip
    record(store, int(row[0]), OPEN, view, due, None)
