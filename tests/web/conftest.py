"""Shared fixtures of the web tests: a store of small articles (on SQLite, and on
PostgreSQL when EVENTWIRE_TEST_PG is set), and `client`, the app in-process through
`httpx.ASGITransport` behind a small synchronous facade."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


# --- a real server and a real browser, for the page's tests ---

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]  # fmt: skip
SERVER_START_SECONDS = 60  # how long to wait for the server to listen before giving up


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """The app on uvicorn in a thread, on a free local port; its base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser). Skipped only
    where chromium is absent outside CI; in CI (.ci/run installs it) its absence fails."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"no {CHROMIUM}: .ci/run installs Debian's chromium for these tests")
        pytest.skip(f"no {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
