"""Script injection through an article's text, title, URL, outlet and actor names: in a
real browser, the page shows every value as text and nothing runs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storetest import fake_doc, fake_pipeline
from webtest import live_server

from eventwire.model import Actor
from eventwire.store import Entry, open_store
from eventwire.web import create_app

TEXT = (
    "Iraq protested in Baghdad on 2024-03-01 <img src=x onerror=window['pwned']=1> and "
    "<script>window['pwned']=2</script> <b onmouseover=window['pwned']=3>bold</b>."
)
TITLE = "<img src=x onerror=window['pwned']=4><script>window['pwned']=5</script>"
URL = "javascript:window['pwned']=6"
OUTLET = "<svg onload=window['pwned']=7>"
ACTOR = "<img src=y onerror=window['pwned']=8>"
SAFE_URL = "https://news.example/kenya"

# Runs before the page's own script: records what a successful injection would leave.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective));
"""


@pytest.fixture
def hostile_db(tmp_path) -> str:
    db = str(tmp_path / "hostile.db")
    doc = fake_doc(TEXT, url=URL, outlet=OUTLET, published="2024-03-02")
    doc = replace(doc, article=replace(doc.article, title=TITLE))
    event = doc.events[0]
    doc = replace(doc, events=(replace(event, recipients=(Actor(ACTOR, "IRQ", "REB"),)),))
    safe = fake_doc("Kenya agreed in Nairobi on 2024-05-10.", url=SAFE_URL, outlet="Daily One")
    with open_store(db) as store:
        store.write([Entry(doc), Entry(safe)])
    return db


def test_browser_injected_markup_is_shown_as_text_and_nothing_runs(browser, hostile_db):
    app = create_app(db=hostile_db, pipeline=fake_pipeline())
    dialogs: list[str] = []
    with live_server(app) as base:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.add_init_script(WATCH)
        page.goto(f"{base}/")
        page.wait_for_selector("html[data-state=ready]")
        rows = page.locator("#event-list button.event")
        assert rows.count() == 2
        hostile = rows.filter(has_text="Iraq")
        assert "<img src=x onerror=window['pwned']=1>" in hostile.inner_text()
        assert TITLE in hostile.inner_text()
        assert ACTOR in hostile.inner_text()

        hostile.click()
        page.wait_for_selector("#evidence .article-text mark.trigger")
        panel = page.locator("#evidence")
        assert page.locator("#evidence .article-text").inner_text() == TEXT
        assert page.locator("#evidence .title").inner_text() == TITLE
        assert OUTLET in page.locator("#evidence .meta").inner_text()
        assert URL in page.locator("#evidence .meta .url").inner_text()  # shown, not linked
        assert ACTOR in panel.inner_text()
        page.locator("#evidence .close").click()

        page.locator("[role=tab][data-tab=actors]").click()
        page.wait_for_selector("svg.network .node")
        assert ACTOR in page.locator("svg.network").text_content()

        page.locator("[role=tab][data-tab=events]").click()
        rows.filter(has_text="Kenya").click()
        page.wait_for_selector(f"#evidence .meta a[href='{SAFE_URL}']")

        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 1  # the bundle, nothing injected
        assert page.locator("[href^='javascript']").count() == 0
        assert page.evaluate("window.__violations") == []  # nothing even tried to run
        assert dialogs == []
        page.close()
