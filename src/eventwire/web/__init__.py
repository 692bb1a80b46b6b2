"""The HTTP API and the web page over a store: `eventwire serve`, `create_app`.

    app.py        the routes, and nothing else
    endpoints.py  the JSON handlers: query string -> store queries -> JSON
    documents.py  store records -> JSON documents (the eventwire/1 event shape)
    page.py       the page at `/` and its bundled files (built from frontend/, no CDN)
    params.py     query strings -> EventFilter, limits and flags (bad values: 400)
    bodies.py     the body of POST /api/extract, validated into `ExtractRequest`
    responses.py  JSON responses and the error shape {"error": {"type", "message"}}
    headers.py    security headers (Content-Security-Policy) on every response
    openapi.py    the OpenAPI document at /openapi.json
    context.py    what the handlers share: the store connections and the extractor
    server.py     `serve`: the app on uvicorn

The JSON API and the page read the store through the same queries (`Store.events`,
`store.records`, `store.facets`, `eventwire.corpus`); the page is static HTML and
JavaScript that calls the API, so no article text, title or URL is ever written into HTML
by the server.
"""

from eventwire.web.app import create_app
from eventwire.web.server import serve

__all__ = ["create_app", "serve"]
