"""The OpenAPI 3.1 document of the JSON API, served at /openapi.json. The result and event
schemas are the eventwire/1 contract's own (src/eventwire/schema/), not copies kept by hand.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from eventwire import __version__
from eventwire.corpus.commitments import STATUSES
from eventwire.web.bodies import MAX_BODY_BYTES, request_schema
from eventwire.web.corpus_views import DEFAULT_LIMIT as CORPUS_LIMIT
from eventwire.web.corpus_views import MAX_LIMIT as CORPUS_MAX
from eventwire.web.params import DEFAULT_LIMIT, MAX_LIMIT
from eventwire.web.schemas import (
    actors_schema,
    article_ref_schema,
    commitment_schema,
    contract,
    corpus_page,
    error_schema,
    event_item_schema,
    places_schema,
    point_schema,
    row_schema,
    stats_schema,
    story_schema,
)

FILTER_HELP = {
    "type": "Event type, the action itself (repeat or comma-separate): PROTEST, ASSAULT, ...",
    "plover_type": "PLOVER type, modality folded in (a threatened assault is THREATEN).",
    "modality": "occurred, planned, expected, predicted, hypothetical, requested, threatened, "
    "negated, denied, alleged (repeat or comma-separate).",
    "actor": "An actor or recipient: a whole name (any case), or an ISO alpha-3 country code.",
    "country": "An actor's, a recipient's or the place's country (ISO alpha-3).",
    "place_country": "The event place's country (ISO alpha-3).",
    "admin1": "The event place's first-level division.",
    "outlet": "The outlet that published the article.",
    "since": "Event time on or after this date (YYYY-MM-DD); the event's own time, not "
    "publication time. Events without an event time are left out.",
    "until": "Event time on or before this date (YYYY-MM-DD).",
    "text": "Words that the article's title or text contains (all of them).",
    "bbox": "minlon,minlat,maxlon,maxlat: places inside the box (minlon > maxlon crosses the "
    "antimeridian).",
    "collapse": "true: leave out the events of near-duplicate copies.",
}
LIST_FILTERS = {"type", "plover_type", "modality"}


def errors(*statuses: int) -> dict[str, Any]:
    text = {
        400: "A bad query parameter.",
        404: "Not found.",
        413: "The body is too large.",
        415: "The body is not JSON.",
        422: "The body or its article is invalid.",
    }
    return {
        str(s): {
            "description": text[s],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for s in statuses
    }


def json_ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {"description": description, "content": {"application/json": {"schema": schema}}}
    }


def query_parameter(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def filter_parameters() -> list[dict[str, Any]]:
    out = []
    for name, description in FILTER_HELP.items():
        if name == "collapse":
            schema: dict[str, Any] = {"type": "boolean", "default": False}
        elif name in LIST_FILTERS:
            schema = {"type": "array", "items": {"type": "string"}}
        elif name in {"since", "until"}:
            schema = {"type": "string", "format": "date"}
        else:
            schema = {"type": "string"}
        parameter = query_parameter(name, description, schema)
        if name in LIST_FILTERS:
            parameter |= {"style": "form", "explode": True}
        out.append(parameter)
    return out


def limit_parameter(default: int, maximum: int, what: str) -> dict[str, Any]:
    return query_parameter(
        "limit",
        f"At most this many {what}.",
        {"type": "integer", "minimum": 1, "maximum": maximum, "default": default},
    )


def corpus_paging() -> list[dict[str, Any]]:
    return [
        limit_parameter(CORPUS_LIMIT, CORPUS_MAX, "items"),
        query_parameter(
            "offset", "Skip this many items first.", {"type": "integer", "minimum": 0, "default": 0}
        ),
    ]


def story_parameters() -> list[dict[str, Any]]:
    text = {"type": "string"}
    day = {"type": "string", "format": "date"}
    return [
        query_parameter("type", "The story's type (PROTEST, ASSAULT, ..., OTHER).", text),
        query_parameter("actor", FILTER_HELP["actor"], text),
        query_parameter("since", "Stories whose event times reach this day or later.", day),
        query_parameter("until", "Stories whose event times begin on this day or earlier.", day),
        *corpus_paging(),
    ]


def ledger_parameters() -> list[dict[str, Any]]:
    day = {"type": "string", "format": "date"}
    return [
        query_parameter(
            "status", "Only commitments with this status as of `as_of`.", {"enum": list(STATUSES)}
        ),
        query_parameter(
            "as_of",
            "The day the statuses are taken on (default: today); "
            "commitments made later are left out.",
            day,
        ),
        query_parameter("due_before", "Only commitments due before this day.", day),
        query_parameter("actor", FILTER_HELP["actor"], {"type": "string"}),
        *corpus_paging(),
    ]


def paths() -> dict[str, Any]:
    filters = filter_parameters()
    page = [
        limit_parameter(DEFAULT_LIMIT, MAX_LIMIT, "events"),
        query_parameter(
            "offset",
            "Skip this many matching events first.",
            {"type": "integer", "minimum": 0, "default": 0},
        ),
        query_parameter(
            "shape",
            "event: the eventwire/1 event with its article (default); "
            "row: the flat rows `eventwire query` prints; "
            "point: what a timeline or a map draws (a few of the row's fields).",
            {"enum": ["event", "row", "point"], "default": "event"},
        ),
        query_parameter(
            "total",
            "capped (default): count the matches up to 10,000 past the page's end (total_exact "
            "says whether all were counted); exact: count them all; none: do not count "
            "(total is null).",
            {"enum": ["capped", "exact", "none"], "default": "capped"},
        ),
    ]
    events_page = {
        "type": "object",
        "required": ["items", "total", "total_exact", "limit", "offset"],
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "anyOf": [
                        {"$ref": "#/components/schemas/EventItem"},
                        {"$ref": "#/components/schemas/EventRow"},
                        {"$ref": "#/components/schemas/EventPoint"},
                    ]
                },
            },
            "total": {
                "type": ["integer", "null"],
                "description": "matching events in all; at least this many when total_exact "
                "is false",
            },
            "total_exact": {"type": "boolean"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
        },
    }
    return {
        "/api/events": {
            "get": {
                "summary": "Events matching the filters of `eventwire query`, in ingest order.",
                "operationId": "listEvents",
                "parameters": filters + page,
                "responses": json_ok("A page of events and the total.", events_page) | errors(400),
            }
        },
        "/api/articles/{id}": {
            "get": {
                "summary": "An article's text and its whole eventwire/1 result.",
                "operationId": "getArticle",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": json_ok("The result.", {"$ref": "#/components/schemas/Result"})
                | errors(404),
            }
        },
        "/api/stats": {
            "get": {
                "summary": "Counts of the matching events by type, modality, country and day.",
                "operationId": "getStats",
                "parameters": filters,
                "responses": json_ok("The counts.", stats_schema()) | errors(400),
            }
        },
        "/api/actors": {
            "get": {
                "summary": "The actors of the matching events, and who acts on whom.",
                "operationId": "getActors",
                "parameters": [*filters, limit_parameter(50, 500, "actors")],
                "responses": json_ok("Actors and links.", actors_schema()) | errors(400),
            }
        },
        "/api/places": {
            "get": {
                "summary": "The places (with coordinates) of the matching events.",
                "operationId": "getPlaces",
                "parameters": [*filters, limit_parameter(500, MAX_LIMIT, "places")],
                "responses": json_ok("Places with counts.", places_schema()) | errors(400),
            }
        },
        "/api/stories": {
            "get": {
                "summary": "Stories: the same event reported across articles, in the order "
                "they began (see docs/corpus.md).",
                "operationId": "listStories",
                "parameters": story_parameters(),
                "responses": json_ok("A page of stories.", corpus_page("Story")) | errors(400),
            }
        },
        "/api/ledger": {
            "get": {
                "summary": "The ledger: commitments, their due dates and status as of a day, "
                "in the order they were made (see docs/corpus.md).",
                "operationId": "listLedger",
                "parameters": ledger_parameters(),
                "responses": json_ok("A page of commitments.", corpus_page("Commitment"))
                | errors(400),
            }
        },
        "/api/extract": {
            "post": {
                "summary": "Extract one article; the result is returned, never stored.",
                "operationId": "extract",
                "requestBody": {
                    "required": True,
                    "description": f"At most {MAX_BODY_BYTES:,} bytes.",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ExtractRequest"}
                        }
                    },
                },
                "responses": json_ok("The result.", {"$ref": "#/components/schemas/Result"})
                | errors(400, 413, 415, 422),
            }
        },
    }


@cache
def built() -> dict[str, Any]:
    result = contract()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "eventwire",
            "version": __version__,
            "description": "Events from news articles: PLOVER types, actors, places, "
            "times, sources and modality, each with the sentence that says so.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "paths": paths(),
        "components": {
            "schemas": {
                "Result": result,
                "Event": result["properties"]["events"]["items"],
                "Place": result["properties"]["places"]["items"],
                "EventItem": event_item_schema(),
                "EventRow": row_schema(),
                "EventPoint": point_schema(),
                "Story": story_schema(),
                "Commitment": commitment_schema(),
                "ArticleRef": article_ref_schema(),
                "ExtractRequest": request_schema(),
                "Error": error_schema(),
            }
        },
    }


def document() -> dict[str, Any]:
    """The OpenAPI document (a fresh copy: callers may change it)."""
    return copy.deepcopy(built())
