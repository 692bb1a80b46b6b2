"""The JSON Schemas of the API's answers, for the OpenAPI document (`openapi.py`). The
result, event and place schemas are the eventwire/1 contract's own, read from
src/eventwire/schema/; the rest describe `documents.py`, `store/records.py`,
`store/facets.py` and the corpus's dicts."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from eventwire.corpus.commitments import STATUSES

NULLABLE_STRING = {"type": ["string", "null"]}


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
POINT_FIELDS = (
    "article_id",
    "event_id",
    "type",
    "modality",
    "trigger",
    "time",
    "time_start",
    "time_end",
    "place",
    "lat",
    "lon",
)


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
    return {
        "type": "object",
        "required": list(POINT_FIELDS),
        "properties": {k: ROW_FIELDS[k] for k in POINT_FIELDS},
    }


def corpus_page(item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items", "more", "limit", "offset"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
            "more": {"type": "boolean", "description": "more items follow this page"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
        },
    }


def report_schema(*extra: str) -> dict[str, Any]:
    """A report in a story or the ledger: the input's id the corpus names, the stored
    article's id (for GET /api/articles/{id}), the event's id."""
    properties: dict[str, Any] = {
        "article": {
            "type": "string",
            "description": "the input's id (a JSON Lines record's "
            "id), else the stored article's id",
        },
        "article_id": {"type": ["string", "null"], "description": "the stored article's id"},
        "event": {"type": "string"},
    }
    return {
        "type": "object",
        "required": ["article", "article_id", "event", *extra],
        "properties": properties,
    }


def due_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["relation", "value", "interval"],
        "properties": {
            "relation": {"type": "string"},
            "value": {"type": "string"},
            "interval": {"type": ["array", "null"], "items": NULLABLE_STRING},
        },
    }


def story_schema() -> dict[str, Any]:
    span = {
        "type": "object",
        "required": ["text", "start", "end"],
        "properties": {
            "text": {"type": "string"},
            "start": {"type": "integer"},
            "end": {"type": "integer"},
        },
    }
    member = report_schema("trigger", "modality")
    member["properties"] |= {"trigger": span, "modality": {"type": "string"}}
    count = {"type": "integer"}
    return {
        "type": "object",
        "required": [
            "id",
            "type",
            "events",
            "articles",
            "outlets",
            "independent_sources",
            "first_published",
            "last_published",
        ],
        "properties": {
            "id": count,
            "type": {"type": "string"},
            "events": {"type": "array", "items": member},
            "articles": count,
            "outlets": count,
            "independent_sources": count,
            "first_published": NULLABLE_STRING,
            "last_published": NULLABLE_STRING,
        },
    }


def commitment_schema() -> dict[str, Any]:
    status = {"enum": list(STATUSES)}
    entry = report_schema("status", "published", "due")
    entry["properties"] |= {"status": status, "published": NULLABLE_STRING, "due": due_schema()}
    actor = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    return {
        "type": "object",
        "required": ["id", "status", "type", "actors", "due", "event", "history"],
        "properties": {
            "id": {"type": "integer"},
            "status": status,
            "type": {"type": "string"},
            "actors": {"type": "array", "items": actor},
            "due": due_schema(),
            "event": report_schema(),
            "history": {"type": "array", "items": entry},
        },
    }
