"""The ledger and the stories in a real browser (no spaCy): a withdrawal planned, postponed
and done, and one strike reported by three outlets; each report opens its evidence."""

from __future__ import annotations

import pytest
from corpustest import fill_corpus
from webtest import live_server

from eventwire.corpus import ledger
from eventwire.store import open_store
from eventwire.web import create_app


@pytest.fixture(scope="module")
def corpus_page_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("corpus") / "corpus.db")
    return db, fill_corpus(db)


@pytest.fixture
def page(browser, corpus_page_db):
    with live_server(create_app(db=corpus_page_db[0])) as base:
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        tab.goto(f"{base}/")
        tab.wait_for_selector("html[data-state=ready]")
        yield tab
        tab.close()


def test_browser_ledger_shows_due_dates_status_and_reports(page, corpus_page_db):
    db, ids = corpus_page_db
    with open_store(db) as store:
        [expected] = list(ledger(store))  # as of today, as the page asks
    page.click("[role=tab][data-tab=ledger]")
    row = page.locator("table.ledger tbody tr")
    row.first.wait_for()
    assert row.count() == 1
    assert row.locator(".status").inner_text() == expected["status"]
    assert row.locator("td.due").inner_text().startswith(
        f"{expected['due']['relation']} {expected['due']['value']}")  # fmt: skip
    reports = row.locator("td.history button")
    assert reports.count() == len(expected["history"])
    reports.first.click()  # the plan itself
    page.wait_for_selector(f"#evidence[data-article='{ids['plan']}'] mark.trigger")
    assert page.locator("#evidence .article-text mark.trigger").inner_text() == "withdraw"
    page.locator("#evidence .close").click()

    page.select_option("#tab-ledger select[name=status]", "contradicted")
    page.wait_for_selector("#tab-ledger p.quiet")
    assert "No commitments" in page.locator("#tab-ledger").inner_text()


def test_browser_stories_list_one_event_across_outlets(page, corpus_page_db):
    _, ids = corpus_page_db
    page.click("[role=tab][data-tab=stories]")
    story = page.locator("li.story", has_text="ASSAULT")
    story.wait_for()
    assert "3 articles, 3 outlets, 3 independent sources" in story.inner_text()
    story.locator("summary").click()
    reports = story.locator("button.open-event")
    assert reports.count() == 3
    reports.nth(1).click()
    page.wait_for_selector("#evidence .article-text mark.trigger")
    shown = page.locator("#evidence").get_attribute("data-article")
    assert shown in {ids["reuters"], ids["aljazeera"], ids["bbc"]}
    assert page.locator("#evidence .article-text mark.trigger").inner_text() == "struck"
