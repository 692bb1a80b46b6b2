"""The OpenAPI document at /openapi.json is valid OpenAPI 3.1 and says what the app does:
the same paths, and for each the same query parameters the handlers accept."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from eventwire.web.app import ROUTES


def test_openapi_document_validates(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.1")
    assert document["components"]["schemas"]["Result"]["properties"]["schema"] == {
        "const": "eventwire/1"
    }


def test_openapi_paths_are_the_apps_routes(client):
    documented = set(client.get("/openapi.json").json()["paths"])
    routed = {r.path for r in ROUTES if r.path.startswith("/api/")}
    assert documented == routed


@pytest.mark.parametrize(
    "path",
    [
        "/api/events",
        "/api/stats",
        "/api/actors",
        "/api/places",
        "/api/articles/x",
        "/api/stories",
        "/api/ledger",
    ],
)
def test_openapi_parameters_are_those_the_handlers_take(client, path):
    document = client.get("/openapi.json").json()
    template = "/api/articles/{id}" if path.startswith("/api/articles/") else path
    documented = {p["name"] for p in document["paths"][template]["get"].get("parameters", [])
                  if p["in"] == "query"}  # fmt: skip
    message = client.get(path, params={"no_such_parameter": "1"}).json()["error"]["message"]
    taken = message.split("this endpoint takes:")[1].strip()
    assert documented == ({n.strip() for n in taken.split(",")} if taken else set())
