"""The JSON handlers. Each reads its query string (`params`), asks the store through the
same queries the CLI and the page use, and answers JSON (`documents`); what the request got
wrong is an `ApiError` (4xx, `{"error": {"type", "message"}}`).

Sync handlers run in Starlette's thread pool, each with a store connection of its own.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from eventwire.store import facets
from eventwire.store.base import EventFilter
from eventwire.store.records import event_points, stored_events
from eventwire.web import corpus_views, openapi
from eventwire.web.bodies import MAX_BODY_BYTES, BadBody, article_of, parse_request
from eventwire.web.context import Context
from eventwire.web.documents import event_item
from eventwire.web.params import (
    FILTERS,
    PAGING,
    BadParameter,
    check_known,
    filter_of,
    limit_of,
    one,
)
from eventwire.web.responses import ApiError, JsonResponse

SHAPES = ("event", "row", "point")
# A page's total is counted this far past its last event (further only with total=exact):
# counting every match of a broad filter on a large store costs more than the page itself.
COUNT_AHEAD = 10_000
TOTALS = ("capped", "exact", "none")
DEFAULT_ACTORS = 50
MAX_ACTORS = 500
DEFAULT_PLACES = 500


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


async def events(request: Request) -> JsonResponse:
    """GET /api/events: a page of matching events, and how many match in all. The page and
    the count are read at once, on two store connections."""
    query = request.query_params
    check_known(query, (*FILTERS, *PAGING, "shape", "total"))
    shape = one(query, "shape") or "event"
    if shape not in SHAPES:
        raise BadParameter(f"shape takes {', '.join(SHAPES)}, not {shape!r}")
    counting = one(query, "total") or "capped"
    if counting not in TOTALS:
        raise BadParameter(f"total takes {', '.join(TOTALS)}, not {counting!r}")
    where = filter_of(query)
    found = context(request)
    items, (total, exact) = await asyncio.gather(
        run_in_threadpool(page_of, found, where, shape),
        run_in_threadpool(total_of, found, where, counting),
    )
    return JsonResponse({"items": items, "total": total, "total_exact": exact,
                         "limit": where.limit, "offset": where.offset})  # fmt: skip


def page_of(found: Context, where: EventFilter, shape: str) -> list[dict[str, Any]]:
    with found.stores.borrow() as store:
        if shape == "row":
            return [row.to_dict() for row in store.events(where)]
        if shape == "point":
            return [point.to_dict() for point in event_points(store, where)]
        return [event_item(stored) for stored in stored_events(store, where)]


def total_of(found: Context, where: EventFilter, counting: str) -> tuple[int | None, bool]:
    """(the count, whether it is every match) of the events a page is taken from; no count
    for total=none."""
    if counting == "none":
        return None, False
    with found.stores.borrow() as store:
        if counting == "exact":
            return store.count_events(where), True
        cap = where.offset + (where.limit or 0) + COUNT_AHEAD
        total = facets.count_upto(store, where, cap)
        return total, total < cap


def article(request: Request) -> JsonResponse:
    """GET /api/articles/{id}: the article's text and its whole eventwire/1 result."""
    check_known(request.query_params, ())
    article_id = request.path_params["id"]
    with context(request).stores.borrow() as store:
        result = store.load_doc(article_id)
    if result is None:
        raise ApiError(404, "NotFound", f"no article {article_id!r} in the store")
    return JsonResponse(result.to_dict())


def stats(request: Request) -> JsonResponse:
    """GET /api/stats: counts of the matching events by type, modality, country, day."""
    query = request.query_params
    check_known(query, FILTERS)
    where = filter_of(query, paged=False)
    with context(request).stores.borrow() as store:
        return JsonResponse(facets.event_stats(store, where).to_dict())


def actors(request: Request) -> JsonResponse:
    """GET /api/actors: the actors of the matching events, and who acts on whom."""
    query = request.query_params
    check_known(query, (*FILTERS, "limit"))
    where = filter_of(query, paged=False)
    limit = limit_of(query, default=DEFAULT_ACTORS, high=MAX_ACTORS)
    with context(request).stores.borrow() as store:
        return JsonResponse(facets.actor_network(store, where, limit=limit).to_dict())


def places(request: Request) -> JsonResponse:
    """GET /api/places: the places of the matching events, with their counts."""
    query = request.query_params
    check_known(query, (*FILTERS, "limit"))
    where = filter_of(query, paged=False)
    limit = limit_of(query, default=DEFAULT_PLACES)
    with context(request).stores.borrow() as store:
        found = facets.place_counts(store, where, limit=limit)
    return JsonResponse({"items": [p.to_dict() for p in found]})


def stories(request: Request) -> JsonResponse:
    """GET /api/stories: the same event reported across articles."""
    with context(request).stores.borrow() as store:
        return JsonResponse(corpus_views.stories(store, request.query_params))


def ledger(request: Request) -> JsonResponse:
    """GET /api/ledger: commitments (planned, expected, threatened events) and their status."""
    with context(request).stores.borrow() as store:
        return JsonResponse(corpus_views.ledger(store, request.query_params))


def openapi_document(request: Request) -> JsonResponse:
    return JsonResponse(openapi.document())


async def extract(request: Request) -> JsonResponse:
    """POST /api/extract: one article's eventwire/1 result; nothing is stored."""
    check_known(request.query_params, ())
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise BadBody(415, f"send the article as application/json, not {kind or 'nothing'!r}")
    article_ = article_of(parse_request(await read_body(request)))
    result = await run_in_threadpool(context(request).extractor, article_)
    return JsonResponse(result.to_dict())


async def read_body(request: Request) -> bytes:
    """The body, read no further than the size limit (413 past it)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise BadBody(413, f"the body is over the limit of {MAX_BODY_BYTES:,} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BadBody(413, f"the body is over the limit of {MAX_BODY_BYTES:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
