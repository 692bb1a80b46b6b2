"""`serve`: the app over a store, on uvicorn."""

from __future__ import annotations

import logging

from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.web.app import create_app

log = logging.getLogger(__name__)


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and the page over the store `settings.db` until interrupted. The store
    must exist (`eventwire ingest` makes it); an older one is upgraded first."""
    import uvicorn

    open_store(settings.db, migrate=False).close()  # a missing store: StoreError, now
    log.info("serving %s on http://%s:%d/", settings.db, host, port)
    uvicorn.run(create_app(db=settings.db, settings=settings), host=host, port=port,
                log_level="info", server_header=False)  # fmt: skip
