"""The OpenAPI 3.1 document of the JSON API, served at /openapi.json. The result and event
schemas are the eventwire/1 contract's own (src/eventwire/schema/), not copies kept by hand.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from eventwire import __version__
from eventwire.web.bodies import MAX_BODY_BYTES, request_schema
from eventwire.web.params import DEFAULT_LIMIT, MAX_LIMIT

NULLABLE_STRING = {"type": ["string", "null"]}
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


def error_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["type", "message"],
                "properties": {"type": {"type": "string"}, "message": {"type": "string"}},
            }
        },
    }


def errors(*statuses: int) -> dict[str, Any]:
    text = {
        400: "A bad query parameter.",
        404: "Not found.",
        413: "The body is too large.",
        415: "The body is not JSON.",
        422: "The body or its article is invalid.",
        501: "Not in this build.",
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


@cache
def contract() -> dict[str, Any]:
    text = resources.files("eventwire").joinpath("schema/eventwire-1.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    schema.pop("$schema", None)
    schema.pop("$id", None)
    return schema


def event_item_schema() -> dict[str, Any]:
    return {
        "allOf": [
            {"$ref": "#/components/schemas/Event"},
            {
                "type": "object",
                "required": ["article", "location"],
                "properties": {
                    "sentence": {"type": "object", "properties": {"text": {"type": "string"}}},
                    "location": {
                        "anyOf": [{"$ref": "#/components/schemas/Place"}, {"type": "null"}]
                    },
                    "article": {"$ref": "#/components/schemas/ArticleRef"},
                },
            },
        ]
    }


def article_ref_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "title", "url", "published", "outlet"],
        "properties": {
            "id": {"type": "string"},
            "title": NULLABLE_STRING,
            "url": NULLABLE_STRING,
            "published": NULLABLE_STRING,
            "outlet": NULLABLE_STRING,
            "duplicate_of": NULLABLE_STRING,
        },
    }


def counts_schema() -> dict[str, Any]:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["value", "count"],
            "properties": {"value": NULLABLE_STRING, "count": {"type": "integer"}},
        },
    }


def stats_schema() -> dict[str, Any]:
    names = ("types", "plover_types", "modalities", "countries", "days")
    return {
        "type": "object",
        "required": ["total", *names],
        "properties": {"total": {"type": "integer"}, **{n: counts_schema() for n in names}},
    }


def actors_schema() -> dict[str, Any]:
    integer = {"type": "integer"}
    actor = {
        "type": "object",
        "required": ["name", "events"],
        "properties": {
            "name": {"type": "string"},
            "country": NULLABLE_STRING,
            "sector": NULLABLE_STRING,
            "events": integer,
            "as_actor": integer,
            "as_recipient": integer,
        },
    }
    link = {
        "type": "object",
        "required": ["source", "target", "kind", "events"],
        "properties": {
            "source": {"type": "string"},
            "target": {"type": "string"},
            "kind": {"enum": ["recipient", "co-actor"]},
            "events": integer,
        },
    }
    return {
        "type": "object",
        "required": ["actors", "links"],
        "properties": {
            "actors": {"type": "array", "items": actor},
            "links": {"type": "array", "items": link},
        },
    }


def places_schema() -> dict[str, Any]:
    number = {"type": "number"}
    place = {
        "type": "object",
        "required": ["name", "lat", "lon", "events"],
        "properties": {
            "name": {"type": "string"},
            "country": NULLABLE_STRING,
            "admin1": NULLABLE_STRING,
            "lat": number,
            "lon": number,
            "events": {"type": "integer"},
        },
    }
    return {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": place}},
    }


ROW_FIELDS = {
    "article_id": {"type": "string"},
    "event_id": {"type": "string"},
    "type": {"type": "string"},
    "plover_type": {"type": "string"},
    "mode": NULLABLE_STRING,
    "modality": {"type": "string"},
    "trigger": {"type": "string", "description": "the trigger's text"},
    "sentence": {"type": "string", "description": "the sentence's text"},
    "place": NULLABLE_STRING,
    "place_country": NULLABLE_STRING,
    "place_admin1": NULLABLE_STRING,
    "lat": {"type": ["number", "null"]},
    "lon": {"type": ["number", "null"]},
    "time": {"type": ["string", "null"], "description": "the event time's TIMEX3 value"},
    "time_start": NULLABLE_STRING,
    "time_end": NULLABLE_STRING,
    "confidence": {"type": "number"},
    "salience": {"type": "string"},
    "published": NULLABLE_STRING,
    "outlet": NULLABLE_STRING,
    "url": NULLABLE_STRING,
    "title": NULLABLE_STRING,
    "duplicate_of": NULLABLE_STRING,
}
POINT_FIELDS = ("article_id", "event_id", "type", "modality", "trigger", "time", "time_start",
                "time_end", "place", "lat", "lon")  # fmt: skip


def row_schema() -> dict[str, Any]:
    actor = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            **{k: NULLABLE_STRING for k in ("country", "sector", "role", "sponsor")},
        },
    }
    actors = {"type": "array", "items": actor}
    properties = {**ROW_FIELDS, "actors": actors, "recipients": actors}
    return {"type": "object", "required": sorted(properties), "properties": properties}


def point_schema() -> dict[str, Any]:
    return {"type": "object", "required": list(POINT_FIELDS),
            "properties": {k: ROW_FIELDS[k] for k in POINT_FIELDS}}  # fmt: skip


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
    open_list = {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": {"type": "object"}}},
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
                "summary": "Stories: the same event reported across articles.",
                "operationId": "listStories",
                "responses": json_ok("Stories.", open_list) | errors(400, 501),
            }
        },
        "/api/ledger": {
            "get": {
                "summary": "The ledger: commitments, their due dates and status.",
                "operationId": "listLedger",
                "responses": json_ok("Ledger entries.", open_list) | errors(400, 501),
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
                "ArticleRef": article_ref_schema(),
                "ExtractRequest": request_schema(),
                "Error": error_schema(),
            }
        },
    }


def document() -> dict[str, Any]:
    """The OpenAPI document (a fresh copy: callers may change it)."""
    return copy.deepcopy(built())
