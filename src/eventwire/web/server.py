"""`serve`: the app over a store, on uvicorn; `running`: the same in a background thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventwire.errors import StoreError
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
    uvicorn.run(
        create_app(db=settings.db, settings=settings),
        host=host,
        port=port,
        log_level="info",
        server_header=False,
    )


# How long `running` waits for the server to listen before giving up (seconds).
START_SECONDS = 60


@contextmanager
def running(app: Any, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """The app on uvicorn in a background thread (port 0: a free one) while the block runs;
    its base URL. For benchmarks and tests that need a real server."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise StoreError(f"the server on {host} did not start")
        time.sleep(0.05)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join()
