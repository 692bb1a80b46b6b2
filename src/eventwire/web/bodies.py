"""The body of `POST /api/extract`, validated at the edge (pydantic) straight into the
frozen `ExtractRequest`, then made into an `Article` by the same `make_article` every reader
uses. Pydantic stays here: nothing past this module sees it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import ConfigDict, StrictStr, StringConstraints, TypeAdapter, ValidationError

from eventwire.errors import InputError
from eventwire.model import Article
from eventwire.read.articles import make_article
from eventwire.web.responses import ApiError

# The largest body accepted, in bytes (a long article is ~50 KB of text).
MAX_BODY_BYTES = 2 * 1024 * 1024

NonEmpty = Annotated[StrictStr, StringConstraints(min_length=1)]


@dataclass(frozen=True, slots=True)
class ExtractRequest:
    """One article to extract, as `eventwire extract` takes it: its text, and optionally its
    publication date (ISO 8601; relative times are resolved against it), URL and title."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    text: NonEmpty
    published: StrictStr | None = None
    url: StrictStr | None = None
    title: StrictStr | None = None


REQUEST = TypeAdapter(ExtractRequest)


class BadBody(ApiError):
    """A body the API refuses: 413 too large, 415 not JSON, 400 unreadable, 422 invalid."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, "BadBody", message)


def request_schema() -> dict[str, Any]:
    """The JSON Schema of the body, for the OpenAPI document."""
    return REQUEST.json_schema()


def parse_request(body: bytes) -> ExtractRequest:
    """The request a body holds (BadBody: 413 too large, 400 not JSON, 422 invalid)."""
    if len(body) > MAX_BODY_BYTES:
        raise BadBody(413, f"the body is over the limit of {MAX_BODY_BYTES:,} bytes")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadBody(400, f"the body is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadBody(422, 'the body must be a JSON object: {"text": ..., "published": ...}')
    try:
        return REQUEST.validate_python(data)
    except ValidationError as exc:
        raise BadBody(422, "; ".join(describe(e) for e in exc.errors())) from None


def describe(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "body"
    if error["type"] == "missing":
        return f"{where}: required"
    if error["type"] in {"extra_forbidden", "unexpected_keyword_argument"}:
        return f"{where}: unknown field (known: text, published, url, title)"
    return f"{where}: {error['msg']}"


def article_of(request: ExtractRequest) -> Article:
    """The Article to extract (a 422 for a text or a date the readers refuse)."""
    try:
        return make_article(
            request.text, published=request.published, url=request.url, title=request.title
        )
    except (InputError, ValueError) as exc:
        raise ApiError(422, "InputError", str(exc)) from exc
