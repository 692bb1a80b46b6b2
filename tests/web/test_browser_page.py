"""The page in a real browser over a store of real articles (MEANTIME's Wikinews reports
and the sample report, extracted by the full pipeline): it draws the timeline, the map and
the list, applies a filter, and opens an event with its evidence highlighted."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from webtest import live_server

from eventwire.corpus import Linker, ledger
from eventwire.store import Entry, EventFilter, open_store
from eventwire.web import create_app

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "iraq-withdrawal.txt"


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> str:
    """A store of 11 real articles, extracted by the default pipeline."""
    import eventwire

    db = str(tmp_path_factory.mktemp("real") / "real.db")
    results = []
    for line in (DATA / "meantime" / "sample.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        results.append(
            eventwire.extract(
                record["text"],
                published=record["dct"],
                url=record["url"],
                title=record["text"].split("\n")[0],
            )
        )
    results.append(
        eventwire.extract(
            SAMPLE.read_text(encoding="utf-8"),
            published="2024-09-06",
            title="Iraq and US agree on withdrawal plan",
        )
    )
    with open_store(db) as store:
        store.write([Entry(r) for r in results])
        Linker().catch_up(store)  # stories and the ledger, as ingest links them
    return db


def test_browser_page_filters_and_opens_an_events_evidence(browser, real_db, tmp_path):
    with open_store(real_db) as store:
        total = store.count_events(EventFilter())
        planned = list(store.events(EventFilter(types=("RETREAT",), modalities=("planned",))))
        # the sample's planned pull-out by September 2025, according to Reuters
        sample_event = next(r for r in planned if r.title and r.title.startswith("Iraq and US")
                            and r.trigger == "pull")  # fmt: skip
        result = store.load_doc(sample_event.article_id).to_dict()
        commitments = list(ledger(store))
    assert commitments, "the sample plans withdrawals by a date"
    event = next(e for e in result["events"] if e["id"] == sample_event.event_id)

    requested: list[str] = []
    errors: list[str] = []
    with live_server(create_app(db=real_db)) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("request", lambda r: requested.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/")
        page.wait_for_selector("html[data-state=ready]")
        assert page.locator("#status").get_attribute("data-total") == str(total)
        assert int(page.locator("#timeline-canvas").get_attribute("data-events")) > 0
        page.wait_for_selector("#map-canvas:not([data-outlines='0'])")
        assert int(page.locator("#map-canvas").get_attribute("data-outlines")) > 150
        assert int(page.locator("#map-canvas").get_attribute("data-points")) > 0
        assert page.locator("#event-list button.event").count() == min(total, 200)

        # filter: planned withdrawals, through the form
        page.select_option("select[name=type]", "RETREAT")
        page.check("input[name=modality][value=planned]")
        page.click("#filters button[type=submit]")
        page.wait_for_selector("html[data-state=ready]")
        query = parse_qs(urlparse(page.url).query)
        assert query == {"type": ["RETREAT"], "modality": ["planned"]}
        assert page.locator("#status").get_attribute("data-total") == str(len(planned))
        rows = page.locator("#event-list button.event")
        assert rows.count() == len(planned)
        assert set(rows.locator(".type").all_inner_texts()) == {"RETREAT"}
        assert set(rows.locator(".modality").all_inner_texts()) == {"planned"}
        assert int(page.locator("#timeline-canvas").get_attribute("data-events")) <= len(planned)

        # open the event: its article, with the evidence highlighted
        page.click(
            f"#event-list button.event[data-article='{sample_event.article_id}']"
            f"[data-event='{sample_event.event_id}']"
        )
        text = page.locator("#evidence .article-text")
        text.locator("mark.trigger").first.wait_for()
        assert text.inner_text() == result["article"]["text"]
        assert "".join(text.locator("mark.trigger").all_inner_texts()) == event["trigger"]["text"]
        actor_marks = "".join(text.locator("mark.actor").all_inner_texts())
        for actor in event["actors"]:
            if actor["mention"]:
                assert actor["mention"] in actor_marks
        if event["time"] and event["time"]["time_id"]:
            time = next(t for t in result["times"] if t["id"] == event["time"]["time_id"])
            assert "".join(text.locator("mark.time").all_inner_texts()) == time["text"]
        sources = {s["id"]: s for s in result["sources"]}
        for source_id in event["attributed_to"]:
            if sources[source_id]["text"]:
                assert sources[source_id]["text"] in "".join(
                    text.locator("mark.source").all_inner_texts()
                )
        said = "".join(text.locator("mark.said").all_inner_texts())
        assert said  # "According to" a report by the Reuters news agency
        at = event["trigger"]["start"]
        for attribution in result.get("attributions", []):
            holds = any(p["start"] <= at < p["end"] for p in attribution["content"])
            if holds and attribution["cue"]:
                assert attribution["cue"]["text"] in said
        sentence = result["article"]["text"][event["sentence"]["start"] : event["sentence"]["end"]]
        assert "".join(text.locator("mark.sentence").all_inner_texts()) == sentence
        summary = page.locator("#evidence .event-summary").inner_text()
        assert "RETREAT" in summary
        assert "planned" in summary
        assert page.locator("#evidence .quotes li").count() == len(result["quotes"])
        page.screenshot(path=str(tmp_path / "page.png"))

        # the ledger: the sample's commitments, with their due dates and status today
        page.locator("#evidence .close").click()
        page.click("[role=tab][data-tab=ledger]")
        page.locator("table.ledger tbody tr").first.wait_for()
        rows = page.locator("table.ledger tbody tr")
        assert rows.count() == len(commitments)
        assert rows.locator(".status").all_inner_texts() == [c["status"] for c in commitments]
        page.close()
    assert errors == []
    assert requested
    assert all(url.startswith(base) for url in requested)
