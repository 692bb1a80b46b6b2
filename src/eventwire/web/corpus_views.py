"""Stories and the ledger over HTTP: the query string into `eventwire.corpus`'s arguments,
a page of its items, and each report's stored article id beside the input's id the corpus
names (`article_id`: what `GET /api/articles/{id}` takes)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from starlette.datastructures import QueryParams

from eventwire import corpus
from eventwire.errors import ConfigError
from eventwire.store.records import article_ids
from eventwire.store.sql import SqlStore
from eventwire.web.params import BadParameter, check_known, day, integer, limit_of, one

STORY_PARAMETERS = ("type", "actor", "since", "until", "limit", "offset")
LEDGER_PARAMETERS = ("status", "as_of", "due_before", "actor", "limit", "offset")
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def page(query: QueryParams, found: Iterator[dict[str, Any]]) -> dict[str, Any]:
    """A page of the items (`limit` from `offset`), and whether more follow."""
    limit = limit_of(query, default=DEFAULT_LIMIT, high=MAX_LIMIT)
    offset = integer(query, "offset", default=0, low=0, high=10**9)
    try:
        items = list(islice(found, offset, offset + limit + 1))
    except ConfigError as exc:  # a bad date or status, found as the items are read
        raise BadParameter(str(exc)) from None
    return {"items": items[:limit], "more": len(items) > limit, "limit": limit, "offset": offset}


def stories(store: SqlStore, query: QueryParams) -> dict[str, Any]:
    check_known(query, STORY_PARAMETERS)
    found = corpus.stories(
        store,
        type=one(query, "type"),
        actor=one(query, "actor"),
        since=day(query, "since"),
        until=day(query, "until"),
    )
    answer = page(query, found)
    reports = [e for story in answer["items"] for e in story["events"]]
    ids = article_ids(store, [e["article"] for e in reports])
    for report in reports:
        report["article_id"] = ids.get(report["article"])
    return answer


def ledger(store: SqlStore, query: QueryParams) -> dict[str, Any]:
    check_known(query, LEDGER_PARAMETERS)
    found = corpus.ledger(
        store,
        status=one(query, "status"),
        as_of=day(query, "as_of"),
        due_before=day(query, "due_before"),
        actor=one(query, "actor"),
    )
    answer = page(query, found)
    reports = [r for item in answer["items"] for r in (item["event"], *item["history"])]
    ids = article_ids(store, [r["article"] for r in reports])
    for report in reports:
        report["article_id"] = ids.get(report["article"])
    return answer
