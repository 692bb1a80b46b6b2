"""Shared fixtures of the web tests: a store of small articles (on SQLite, and on
PostgreSQL when EVENTWIRE_TEST_PG is set), `client` (the app in-process through
`httpx.ASGITransport`), and `browser` (Debian's chromium through Playwright)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from storetest import fake_doc, fake_pipeline, full_doc
from webtest import ARTICLES, CHROMIUM, CHROMIUM_FLAGS, Client

from eventwire.settings import Settings
from eventwire.store import Entry, open_store
from eventwire.web import create_app


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path) -> Iterator[str]:
    yield from storetest.database(request.param, tmp_path)


@pytest.fixture
def filled_db(db_url) -> str:
    """A store of three small articles (fake events) and one with every record kind."""
    with open_store(db_url) as store:
        entries = [
            Entry(fake_doc(text, outlet=outlet, url=url, published="2024-08-01"))
            for text, outlet, url in ARTICLES
        ]
        store.write([*entries, Entry(full_doc())])
    return db_url


@pytest.fixture
def client(filled_db) -> Iterator[Client]:
    app = create_app(db=filled_db, settings=Settings(db=filled_db), pipeline=fake_pipeline())
    c = Client(app)
    yield c
    c.close()


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
