"""The JSON API: every endpoint answers what the store holds, in the documented shapes, and
every bad request gets a 4xx with the one error shape."""

from __future__ import annotations

import json

import pytest
from storetest import fake_doc
from webtest import assert_error, response_validator, validator

from eventwire.store import EventFilter, open_store
from eventwire.web.bodies import MAX_BODY_BYTES


def test_api_events_are_eventwire1_events_with_their_article(client, filled_db):
    response = client.get("/api/events")
    assert response.status_code == 200
    page = response.json()
    response_validator("/api/events").validate(page)
    for item in page["items"]:
        validator("EventItem").validate(item)
    with open_store(filled_db) as store:
        rows = list(store.events(EventFilter()))
    assert page["total"] == len(rows) == len(page["items"]) == 7
    assert (page["limit"], page["offset"], page["total_exact"]) == (100, 0, True)
    assert [(i["article"]["id"], i["id"]) for i in page["items"]] == [
        (r.article_id, r.event_id) for r in rows
    ]
    first = page["items"][0]
    assert first["type"] == "PROTEST"
    assert first["trigger"]["text"] == "protested"
    assert first["sentence"]["text"] == "Iraq protested in Baghdad on 2024-03-01."
    assert first["location"]["name"] == "Baghdad"
    assert first["article"] == {
        "id": rows[0].article_id,
        "title": None,
        "url": "https://n.example/1",
        "published": "2024-08-01",
        "outlet": "Daily One",
        "duplicate_of": None,
    }
    # offsets point into the article's text, which GET /api/articles/{id} gives
    text = client.get(f"/api/articles/{first['article']['id']}").json()["article"]["text"]
    assert text[first["trigger"]["start"] : first["trigger"]["end"]] == "protested"


def test_api_events_rows_are_what_query_prints(client, filled_db):
    page = client.get("/api/events", params={"shape": "row", "type": "AGREE"}).json()
    response_validator("/api/events").validate(page)
    validator("EventRow").validate(page["items"][0])
    with open_store(filled_db) as store:
        rows = [r.to_dict() for r in store.events(EventFilter(types=("AGREE",)))]
    assert page["items"] == rows
    assert page["total"] == 3


def test_api_events_points_are_what_a_map_and_a_timeline_draw(client, filled_db):
    page = client.get("/api/events", params={"shape": "point", "country": "IRQ"}).json()
    response_validator("/api/events").validate(page)
    validator("EventPoint").validate(page["items"][0])
    with open_store(filled_db) as store:
        rows = list(store.events(EventFilter(country="IRQ")))
    assert page["total"] == len(rows) == len(page["items"])
    fields = (
        "article_id",
        "event_id",
        "type",
        "modality",
        "trigger",
        "time",
        "time_start",
        "time_end",
        "place",
        "lat",
        "lon",
    )
    assert page["items"] == [{name: getattr(r, name) for name in fields} for r in rows]


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"type": "AGREE"}, EventFilter(types=("AGREE",))),
        ({"type": "agree,protest"}, EventFilter(types=("AGREE", "PROTEST"))),
        ([("type", "AGREE"), ("type", "ASSAULT")], EventFilter(types=("AGREE", "ASSAULT"))),
        ({"plover_type": "AGREE"}, EventFilter(plover_types=("AGREE",))),
        ({"modality": "planned"}, EventFilter(modalities=("planned",))),
        ({"actor": "kenya"}, EventFilter(actor="kenya")),
        ({"actor": "IRQ"}, EventFilter(actor="IRQ")),
        ({"country": "irq"}, EventFilter(country="IRQ")),
        ({"place_country": "FRA"}, EventFilter(place_country="FRA")),
        ({"admin1": "Nairobi"}, EventFilter(admin1="Nairobi")),
        ({"outlet": "Daily Two"}, EventFilter(outlet="Daily Two")),
        (
            {"since": "2024-03-01", "until": "2024-03-31"},
            EventFilter(
                since=__import__("datetime").date(2024, 3, 1),
                until=__import__("datetime").date(2024, 3, 31),
            ),
        ),
        ({"text": "water"}, EventFilter(text="water")),
        ({"bbox": "40,29,50,35"}, EventFilter(bbox=(40.0, 29.0, 50.0, 35.0))),
        ({"collapse": "true"}, EventFilter(collapse=True)),
    ],
)
def test_api_events_filters_select_what_the_store_query_selects(client, filled_db, params, where):
    page = client.get("/api/events", params=params).json()
    with open_store(filled_db) as store:
        expected = [(r.article_id, r.event_id) for r in store.events(where)]
    assert expected, "each case selects something"
    assert [(i["article"]["id"], i["id"]) for i in page["items"]] == expected
    assert page["total"] == len(expected)


def test_api_events_total_is_counted_up_to_a_cap_or_exactly(client, filled_db):
    from eventwire.store.facets import count_upto

    with open_store(filled_db) as store:
        assert [count_upto(store, EventFilter(), cap) for cap in (1, 3, 7, 100)] == [1, 3, 7, 7]
        assert count_upto(store, EventFilter(types=("AGREE",)), 2) == 2
    page = client.get("/api/events", params={"limit": 2, "total": "exact"}).json()
    assert (page["total"], page["total_exact"], len(page["items"])) == (7, True, 2)
    page = client.get("/api/events", params={"limit": 2, "total": "none"}).json()
    response_validator("/api/events").validate(page)
    assert (page["total"], page["total_exact"], len(page["items"])) == (None, False, 2)
    assert_error(client.get("/api/events?total=roughly"), 400, "total takes capped, exact, none")


def test_api_events_pages_with_limit_and_offset(client):
    everything = [(i["article"]["id"], i["id"]) for i in client.get("/api/events").json()["items"]]
    pages = []
    for offset in range(0, 8, 3):
        page = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert page["total"] == 7
        assert (page["limit"], page["offset"]) == (3, offset)
        pages += [(i["article"]["id"], i["id"]) for i in page["items"]]
    assert pages == everything
    beyond = client.get("/api/events", params={"offset": 50}).json()
    assert beyond["items"] == []
    assert beyond["total"] == 7


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("tpye=AGREE", "unknown parameter 'tpye'"),
        ("since=yesterday", "since takes a date"),
        ("until=2024-13-01", "until takes a date"),
        ("bbox=1,2,3", "bbox takes minlon,minlat,maxlon,maxlat"),
        ("limit=0", "limit must be between 1 and 10,000"),
        ("limit=10001", "limit must be between 1 and 10,000"),
        ("limit=ten", "limit takes a whole number"),
        ("offset=-1", "offset must be between"),
        ("collapse=perhaps", "collapse takes true or false"),
        ("shape=table", "shape takes event, row, point"),
        ("actor=a&actor=b", "actor takes one value"),
    ],
)
def test_api_events_bad_parameters_are_400s_that_say_which(client, query, words):
    assert_error(client.get(f"/api/events?{query}"), 400, words)


def test_api_article_is_the_whole_eventwire1_result(client, filled_db):
    from storetest import full_doc

    wanted = full_doc()
    response = client.get(f"/api/articles/{wanted.article.id}")
    assert response.status_code == 200
    result = response.json()
    validator("Result").validate(result)
    assert result == wanted.to_dict()


def test_api_article_unknown_is_a_404(client):
    assert_error(client.get("/api/articles/no-such-id"), 404, "no article 'no-such-id'")
    assert_error(client.get("/api/articles/x?y=1"), 400, "unknown parameter 'y'")


def test_api_stats_count_by_type_modality_country_and_day(client):
    stats = client.get("/api/stats").json()
    response_validator("/api/stats").validate(stats)
    assert stats["total"] == 7
    types = {c["value"]: c["count"] for c in stats["types"]}
    assert types == {"AGREE": 3, "ASSAULT": 1, "CONSULT": 1, "PROTEST": 1, "RETREAT": 1}
    assert {c["value"]: c["count"] for c in stats["modalities"]} == {"occurred": 6, "planned": 1}
    countries = {c["value"]: c["count"] for c in stats["countries"]}
    assert countries == {"IRQ": 3, "FRA": 1, "KEN": 1, None: 2}
    days = [(c["value"], c["count"]) for c in stats["days"]]
    assert days[:5] == [
        ("2023-12-31", 1),
        ("2024-03-01", 1),
        ("2024-03-15", 1),
        ("2024-05-10", 1),
        ("2024-07-04", 1),
    ]
    assert sum(n for _, n in days) == 7
    filtered = client.get("/api/stats", params={"type": "AGREE"}).json()
    assert filtered["total"] == 3
    assert [c["value"] for c in filtered["types"]] == ["AGREE"]
    assert_error(client.get("/api/stats?limit=3"), 400, "unknown parameter 'limit'")


def test_api_actors_lists_actors_and_who_acts_on_whom(client):
    network = client.get("/api/actors").json()
    response_validator("/api/actors").validate(network)
    by_name = {a["name"]: a for a in network["actors"]}
    assert by_name["Iraq"]["events"] == 3
    assert (by_name["Iraq"]["as_actor"], by_name["Iraq"]["as_recipient"]) == (2, 1)
    assert by_name["United States"]["country"] == "USA"
    links = {(x["source"], x["target"], x["kind"]): x["events"] for x in network["links"]}
    # they agreed together; the United States is to withdraw from Iraq
    assert links == {
        ("Iraq", "United States", "co-actor"): 1,
        ("United States", "Iraq", "recipient"): 1,
    }
    top = client.get("/api/actors", params={"limit": 1}).json()
    assert [a["name"] for a in top["actors"]] == ["Iraq"]
    only_kenya = client.get("/api/actors", params={"actor": "KEN"}).json()
    assert [a["name"] for a in only_kenya["actors"]] == ["Kenya"]
    assert_error(client.get("/api/actors?limit=501"), 400, "limit must be between 1 and 500")


def test_api_places_lists_places_with_counts(client):
    places = client.get("/api/places").json()
    response_validator("/api/places").validate(places)
    names = sorted(p["name"] for p in places["items"])
    assert names == ["Baghdad", "Baghdad", "Basra", "Nairobi", "Paris"]
    paris = next(p for p in places["items"] if p["name"] == "Paris")
    assert (paris["country"], paris["lat"], paris["lon"], paris["events"]) == (
        "FRA",
        48.85,
        2.35,
        1,
    )
    in_iraq = client.get("/api/places", params={"place_country": "IRQ", "limit": 1}).json()
    assert len(in_iraq["items"]) == 1
    assert in_iraq["items"][0]["country"] == "IRQ"


def test_api_extract_returns_one_result_and_stores_nothing(client, filled_db):
    with open_store(filled_db) as store:
        before = store.counts()
    body = {
        "text": "Kenya protested in Nairobi on 2024-02-02.",
        "published": "2024-02-03",
        "url": "https://n.example/new",
        "title": "Protest",
    }
    response = client.post("/api/extract", json=body)
    assert response.status_code == 200
    result = response.json()
    validator("Result").validate(result)
    assert result["article"]["title"] == "Protest"
    assert result["article"]["published"] == "2024-02-03"
    assert [(e["type"], e["trigger"]["text"]) for e in result["events"]] == [
        ("PROTEST", "protested")
    ]
    with open_store(filled_db) as store:
        assert store.counts() == before


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"not json", 400, "not JSON"),
        (b'["text"]', 422, "must be a JSON object"),
        (b"{}", 422, "text: required"),
        (b'{"text": ""}', 422, "text: String should have at least 1 character"),
        (b'{"text": 5}', 422, "text: Input should be a valid string"),
        (b'{"text": "Kenya protested.", "published": 2024}', 422, "published:"),
        (b'{"text": "Kenya protested.", "author": "me"}', 422, "author: unknown field"),
        (b'{"text": "Kenya protested.", "published": "soon"}', 422, "soon"),
    ],
)
def test_api_extract_bad_bodies_are_4xx_that_say_why(client, body, status, words):
    response = client.post(
        "/api/extract", content=body, headers={"content-type": "application/json"}
    )
    assert_error(response, status, words)


def test_api_extract_refuses_other_content_types_and_large_bodies(client):
    form = client.post(
        "/api/extract",
        content=b"text=hello",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert_error(form, 415, "application/json")
    large = json.dumps({"text": "Kenya protested. " * (MAX_BODY_BYTES // 17 + 10)}).encode()
    assert len(large) > MAX_BODY_BYTES
    assert_error(
        client.post("/api/extract", content=large, headers={"content-type": "application/json"}),
        413,
        "over the limit",
    )

    async def chunks():  # no content-length: the limit holds while reading
        for _ in range(3):
            yield b" " * (MAX_BODY_BYTES // 2)

    streamed = client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error(streamed, 413, "over the limit")


def test_api_unknown_paths_and_methods_answer_json_errors(client):
    assert_error(client.get("/api/nothing"), 404, "no such page")
    response = client.post("/api/events", json={})
    assert response.status_code == 405
    assert response.json()["error"]["type"] == "MethodNotAllowed"
    assert client.get("/api/extract").status_code == 405


def test_api_store_gone_is_a_500_with_the_error_shape(tmp_path):
    from webtest import Client

    from eventwire.web import create_app

    c = Client(create_app(db=str(tmp_path / "missing.db")))
    try:
        assert_error(c.get("/api/events"), 500, "no eventwire store")
    finally:
        c.close()


def test_api_new_articles_show_without_a_restart(client, filled_db):
    assert client.get("/api/events").json()["total"] == 7
    with open_store(filled_db) as store:
        from eventwire.store import Entry

        store.write([Entry(fake_doc("Kenya attacked in Nairobi on 2024-04-04."))])
    assert client.get("/api/events").json()["total"] == 8
