"""JSON responses, and the API's one error shape: `{"error": {"type", "message"}}` with a
4xx or 5xx status. Handlers raise `ApiError` for what the request got wrong."""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from eventwire.errors import EventwireError

log = logging.getLogger(__name__)

# The error type of each HTTP status Starlette itself answers (unknown path, method).
STATUS_TYPES = {404: "NotFound", 405: "MethodNotAllowed"}


class ApiError(EventwireError):
    """A request the API refuses: its HTTP status, a short type and a message for people."""

    def __init__(self, status: int, type_: str, message: str) -> None:
        super().__init__(message)
        self.status, self.type, self.message = status, type_, message


class JsonResponse(Response):
    """Compact UTF-8 JSON (no NaN: a value that is not valid JSON is a bug, not output)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        ).encode("utf-8")


def error_response(status: int, type_: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"type": type_, "message": message}}, status_code=status)


async def api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.type, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    kind = STATUS_TYPES.get(exc.status_code, "HTTPError")
    message = "no such page" if exc.status_code == 404 else str(exc.detail)
    return error_response(exc.status_code, kind, message)


async def store_error(request: Request, exc: Exception) -> Response:
    """An error of the store or the input the server cannot serve past (500 for the store,
    422 for an article the pipeline refuses)."""
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    assert isinstance(exc, EventwireError)
    return error_response(500, type(exc).__name__, str(exc))
