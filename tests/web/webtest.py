"""Helpers of the web tests (imported by them and by conftest.py): the small articles,
`Client` (the app in-process through `httpx.ASGITransport`, behind a synchronous facade),
and where Debian's chromium is."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import httpx
import jsonschema

from eventwire.web.openapi import document
from eventwire.web.server import running as live_server

__all__ = [
    "ARTICLES", "CHROMIUM", "CHROMIUM_FLAGS", "Client", "assert_error", "live_server",
    "response_validator", "validator",
]  # fmt: skip

ARTICLES = [
    (
        "Iraq protested in Baghdad on 2024-03-01. Kenya agreed in Nairobi on 2024-05-10.",
        "Daily One",
        "https://n.example/1",
    ),
    (
        "France attacked in Paris on 2023-12-31. Ahmed met in Basra on 2024-03-15.",
        "Daily Two",
        "https://n.example/2",
    ),
    ("Iran agreed on 2024-07-04 to talks with Iraq about water.", "Daily One", None),
]


class Client:
    """Requests to an ASGI app in this process. The client's event loop runs in a thread of
    its own, so that tests can use it next to Playwright's (which holds the main thread's)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                return await http.request(method, url, **kwargs)

        return asyncio.run_coroutine_threadsafe(send(), self.loop).result()

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self.app.state.context.stores.close()

        async def shutdown() -> None:
            await self.loop.shutdown_default_executor()
            await self.loop.shutdown_asyncgens()

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


DOC = document()


def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for one of the OpenAPI document's schemas (its references resolved)."""
    return jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": DOC["components"]}
    )


def response_validator(path: str, method: str = "get") -> jsonschema.Draft202012Validator:
    schema = DOC["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    return jsonschema.Draft202012Validator({**schema["schema"], "components": DOC["components"]})


def assert_error(response, status: int, words: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message"}
    assert words in body["error"]["message"], body
