"""The page's views in a real browser, over a store of 240 small articles (fake events, no
spaCy): the list pages through the API, the map's view becomes a bbox filter, and the
tabs draw the actors network."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from storetest import fake_doc, fake_pipeline
from webtest import live_server

from eventwire.store import Entry, EventFilter, open_store
from eventwire.web import create_app

PLACES = ("Baghdad", "Basra", "Paris", "Nairobi")
ACTORS = ("Iraq", "Iran", "France", "Kenya")
CUES = ("protested", "attacked", "agreed", "met")


@pytest.fixture(scope="module")
def many_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("views") / "views.db")
    docs = [
        fake_doc(f"{ACTORS[n % 4]} {CUES[n % 3]} in {PLACES[n % 4]} on 2024-{1 + n % 12:02d}-"
                 f"{1 + n % 28:02d} (report {n}).", url=f"https://n.example/{n}",
                 outlet=f"Daily {n % 3}")
        for n in range(240)
    ]  # fmt: skip
    with open_store(db) as store:
        store.write([Entry(d) for d in docs])
    return db


@pytest.fixture
def page(browser, many_db):
    with live_server(create_app(db=many_db, pipeline=fake_pipeline())) as base:
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        tab.goto(f"{base}/")
        tab.wait_for_selector("html[data-state=ready]")
        yield tab
        tab.close()


def test_browser_list_pages_through_the_api(page):
    rows = page.locator("#event-list button.event")
    assert rows.count() == 200
    assert page.locator("#more").inner_text() == "Show 40 more of 40"
    page.click("#more")
    page.wait_for_function(
        "() => document.querySelectorAll('#event-list button.event').length > 200"
    )
    assert rows.count() == 240
    assert page.locator("#more").is_hidden()
    assert rows.nth(239).locator(".sentence").inner_text().endswith("(report 239).")
    assert page.locator("#timeline-canvas").get_attribute("data-events") == "240"
    assert page.locator("#map-canvas").get_attribute("data-points") == "240"


def test_browser_map_view_becomes_a_bbox_filter(page, many_db):
    page.wait_for_selector("#map-canvas:not([data-outlines='0'])")
    canvas = page.locator("#map-canvas")
    box = canvas.bounding_box()
    # zoom in around Paris: the wheel zooms about the pointer
    x, y = page.evaluate("""() => {
        const c = document.querySelector('#map-canvas').getBoundingClientRect();
        return [c.width * (180 + 2.35) / 360, c.height * (90 - 48.85) / 180];
    }""")
    page.mouse.move(box["x"] + x, box["y"] + y)
    for _ in range(4):
        page.mouse.wheel(0, -100)
    page.click("#map-filter")
    page.wait_for_selector("html[data-state=ready]")
    bbox = parse_qs(urlparse(page.url).query)["bbox"][0]
    minlon, minlat, maxlon, maxlat = (float(v) for v in bbox.split(","))
    assert minlon < maxlon
    assert minlat < maxlat
    assert page.locator("#bbox-chip").is_visible()
    with open_store(many_db) as store:
        inside = store.count_events(EventFilter(bbox=(minlon, minlat, maxlon, maxlat)))
    assert page.locator("#status").get_attribute("data-total") == str(inside)
    assert 0 < inside < 240
    page.click("#bbox-clear")
    page.wait_for_selector("html[data-state=ready]")
    assert "bbox" not in parse_qs(urlparse(page.url).query)
    assert page.locator("#status").get_attribute("data-total") == "240"


def test_browser_actors_tab_draws_the_network_and_filters_by_actor(page):
    page.click("[role=tab][data-tab=actors]")
    page.wait_for_selector("svg.network .node")
    names = page.locator("svg.network .node text").all_text_contents()
    assert sorted(names) == sorted(ACTORS)
    page.locator("svg.network .node", has_text="Kenya").click()
    page.wait_for_selector("html[data-state=ready]")
    assert parse_qs(urlparse(page.url).query) == {"actor": ["Kenya"]}
    page.click("[role=tab][data-tab=events]")
    assert set(page.locator("#event-list .who").all_inner_texts()) == {"Kenya"}
