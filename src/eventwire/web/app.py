"""The routes: the JSON API under /api, its OpenAPI document, the page and its files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount, Route

from eventwire.errors import EventwireError
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.web import endpoints, page
from eventwire.web.context import Context, Extractor, StorePool
from eventwire.web.headers import SecurityHeaders
from eventwire.web.responses import ApiError, api_error, http_error, store_error

ROUTES = [
    Route("/", page.index, methods=["GET"]),
    Route("/openapi.json", endpoints.openapi_document, methods=["GET"]),
    Route("/api/events", endpoints.events, methods=["GET"]),
    Route("/api/articles/{id}", endpoints.article, methods=["GET"]),
    Route("/api/stories", endpoints.stories, methods=["GET"]),
    Route("/api/ledger", endpoints.ledger, methods=["GET"]),
    Route("/api/actors", endpoints.actors, methods=["GET"]),
    Route("/api/places", endpoints.places, methods=["GET"]),
    Route("/api/stats", endpoints.stats, methods=["GET"]),
    Route("/api/extract", endpoints.extract, methods=["POST"]),
    Mount("/static", app=page.static_files(), name="static"),
]


def create_app(
    *, db: str, settings: Settings | None = None, pipeline: Pipeline | None = None
) -> Starlette:
    """The ASGI app over the store at `db`; POST /api/extract runs `pipeline` (default: the
    one `settings` name, built on the first request)."""
    context = Context(StorePool(db), Extractor(settings or Settings(db=db), pipeline))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        context.stores.close()

    app = Starlette(
        routes=ROUTES,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={
            ApiError: api_error,
            HTTPException: http_error,
            EventwireError: store_error,
        },
        lifespan=lifespan,
    )
    app.state.context = context
    return app
