"""GET /api/stories and GET /api/ledger: the corpus's stories and commitments, a page at a
time, with the stored article id of every report (what GET /api/articles/{id} takes)."""

from __future__ import annotations

import pytest
from corpustest import fill_corpus
from webtest import Client, assert_error, response_validator

from eventwire.corpus import ledger, stories
from eventwire.store import open_store
from eventwire.web import create_app


@pytest.fixture
def corpus_db(db_url):
    return db_url, fill_corpus(db_url)


@pytest.fixture
def corpus_client(corpus_db):
    c = Client(create_app(db=corpus_db[0]))
    yield c
    c.close()


def test_api_stories_one_strike_three_outlets(corpus_client, corpus_db):
    db, ids = corpus_db
    page = corpus_client.get("/api/stories").json()
    response_validator("/api/stories").validate(page)
    with open_store(db) as store:
        expected = list(stories(store))
    assert [s["id"] for s in page["items"]] == [s["id"] for s in expected]
    strike = next(s for s in page["items"] if s["type"] == "ASSAULT")
    assert (strike["articles"], strike["outlets"], strike["independent_sources"]) == (3, 3, 3)
    assert {(e["article"], e["article_id"]) for e in strike["events"]} == {
        (ref, ids[ref]) for ref in ("reuters", "aljazeera", "bbc")
    }
    report = strike["events"][0]
    article = corpus_client.get(f"/api/articles/{report['article_id']}").json()
    event = next(e for e in article["events"] if e["id"] == report["event"])
    assert event["trigger"] == report["trigger"]


def test_api_stories_filters_and_pages(corpus_client):
    everything = corpus_client.get("/api/stories").json()["items"]
    assert {s["type"] for s in everything} >= {"ASSAULT", "AGREE", "RETREAT"}
    only = corpus_client.get("/api/stories", params={"type": "assault"}).json()["items"]
    assert [s["type"] for s in only] == ["ASSAULT"]
    israel = corpus_client.get("/api/stories", params={"actor": "ISR"}).json()["items"]
    assert [s["type"] for s in israel] == ["ASSAULT"]
    may = {"since": "2024-05-01", "until": "2024-05-31"}
    may = corpus_client.get("/api/stories", params=may).json()["items"]
    assert [s["type"] for s in may] == ["ASSAULT"]
    first = corpus_client.get("/api/stories", params={"limit": 1}).json()
    assert (len(first["items"]), first["more"]) == (1, True)
    rest = corpus_client.get("/api/stories", params={"limit": 100, "offset": 1}).json()
    assert rest["more"] is False
    assert [s["id"] for s in first["items"] + rest["items"]] == [s["id"] for s in everything]


def test_api_ledger_a_withdrawal_planned_postponed_done(corpus_client, corpus_db):
    db, ids = corpus_db
    page = corpus_client.get("/api/ledger", params={"as_of": "2027-01-01"}).json()
    response_validator("/api/ledger").validate(page)
    with open_store(db) as store:
        expected = list(ledger(store, as_of="2027-01-01"))
    [item] = page["items"]
    assert item["id"] == expected[0]["id"]
    assert (item["status"], item["type"], item["due"]["value"]) == (
        "fulfilled",
        "RETREAT",
        "2026-09",
    )
    assert item["event"] == {"article": "plan", "article_id": ids["plan"], "event": "e2"}
    assert [(h["status"], h["article"], h["article_id"]) for h in item["history"]] == [
        ("open", "plan", ids["plan"]),
        ("rescheduled", "postponed", ids["postponed"]),
        ("fulfilled", "done", ids["done"]),
    ]
    earlier = corpus_client.get("/api/ledger", params={"as_of": "2025-10-15"}).json()["items"]
    assert [i["status"] for i in earlier] == ["rescheduled"]
    open_ = corpus_client.get("/api/ledger", params={"as_of": "2024-12-01", "status": "open"})
    assert [i["due"]["value"] for i in open_.json()["items"]] == ["2025-09"]
    none = corpus_client.get("/api/ledger", params={"as_of": "2027-01-01", "status": "overdue"})
    assert none.json()["items"] == []
    due = corpus_client.get("/api/ledger", params={"as_of": "2024-12-01",
                                                   "due_before": "2025-01-01"})  # fmt: skip
    assert due.json()["items"] == []
    assert len(corpus_client.get("/api/ledger", params={"actor": "USA"}).json()["items"]) == 1


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/api/stories?since=May", "since takes a date"),
        ("/api/stories?status=open", "unknown parameter 'status'"),
        ("/api/stories?limit=1001", "limit must be between 1 and 1,000"),
        ("/api/ledger?status=late", "status must be one of open, fulfilled"),
        ("/api/ledger?as_of=2024-02-30", "as_of takes a date"),
        ("/api/ledger?since=2024-01-01", "unknown parameter 'since'"),
    ],
)
def test_api_corpus_bad_parameters_are_400s(corpus_client, path, words):
    assert_error(corpus_client.get(path), 400, words)
