"""Shared fixtures of the web tests: a store of small articles (on SQLite, and on
PostgreSQL when EVENTWIRE_TEST_PG is set), and `client`, the app in-process through
`httpx.ASGITransport` behind a small synchronous facade."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from storetest import fake_doc, fake_pipeline, full_doc

from eventwire.settings import Settings
from eventwire.store import Entry, open_store
from eventwire.web import create_app

ARTICLES = [
    ("Iraq protested in Baghdad on 2024-03-01. Kenya agreed in Nairobi on 2024-05-10.",
     "Daily One", "https://n.example/1"),
    ("France attacked in Paris on 2023-12-31. Ahmed met in Basra on 2024-03-15.",
     "Daily Two", "https://n.example/2"),
    ("Iran agreed on 2024-07-04 to talks with Iraq about water.", "Daily One", None),
]  # fmt: skip


class Client:
    """Requests to an ASGI app in this process, one event loop for the client's life."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.runner = asyncio.Runner()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                return await http.request(method, url, **kwargs)

        return self.runner.run(send())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self.app.state.context.stores.close()
        self.runner.close()


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path) -> Iterator[str]:
    yield from storetest.database(request.param, tmp_path)


@pytest.fixture
def filled_db(db_url) -> str:
    """A store of three small articles (fake events) and one with every record kind."""
    with open_store(db_url) as store:
        entries = [Entry(fake_doc(text, outlet=outlet, url=url, published="2024-08-01"))
                   for text, outlet, url in ARTICLES]  # fmt: skip
        store.write([*entries, Entry(full_doc())])
    return db_url


@pytest.fixture
def client(filled_db) -> Iterator[Client]:
    app = create_app(db=filled_db, settings=Settings(db=filled_db), pipeline=fake_pipeline())
    c = Client(app)
    yield c
    c.close()
