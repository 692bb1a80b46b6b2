"""Fetching the URLs a user gives (a feed, and the items it lists), behind the `Fetcher` seam.

Only http(s) URLs are fetched, with a time limit per read, a time limit for the whole fetch
(a server that sends a byte a second is cut off, not waited on for minutes) and a size
limit; nothing else in eventwire touches the network. `fetch_all` fetches a few URLs at a
time and gives the results in order. Tests pass a fake `Fetcher` (any callable with this
signature, safe to call from several threads).
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from eventwire import __version__
from eventwire.errors import FetchError

log = logging.getLogger(__name__)

# A news page is well under 2 MB; a larger response is not an article.
MAX_BYTES = 5_000_000
# Seconds one read (connecting, a chunk of the response) may wait for the server.
TIMEOUT_S = 20.0
# Seconds one URL may take in all, headers and body: a page a server drips a byte at a time
# would otherwise hold the ingest for hours (5 MB at the per-read limit). A 5 MB page takes
# a few seconds on a slow link; a minute is generous.
TOTAL_S = 60.0
# URLs fetched at once: a feed's pages come a few at a time, without hammering one server.
FETCH_THREADS = 4
CHUNK_BYTES = 65_536
USER_AGENT = f"eventwire/{__version__} (+offline event extraction; fetches only given URLs)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str | None


class Fetcher(Protocol):
    def __call__(self, url: str) -> Fetched: ...


class Deadline:
    """Shuts the sockets of one fetch down when its total time is up, so that a read blocked
    on a slow server returns at once (a per-read timeout alone never fires while the server
    keeps sending a byte now and then)."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                shut(sock)

    def left(self) -> float:
        return self.ends - time.monotonic()

    def __enter__(self) -> Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def watched_handlers(deadline: Deadline) -> list[urllib.request.BaseHandler]:
    """urllib handlers whose connections hand their sockets to `deadline`."""

    class HTTPConnection(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HTTPSConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: Any) -> Any:
            return self.do_open(HTTPConnection, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: Any) -> Any:
            return self.do_open(HTTPSConnection, req)

    return [HTTPHandler(), HTTPSHandler()]


class UrlFetcher:
    """Fetch one URL over HTTP(S) with urllib: within `timeout` seconds a read, `total`
    seconds in all, and `max_bytes`."""

    def __init__(
        self, *, timeout: float = TIMEOUT_S, total: float = TOTAL_S, max_bytes: int = MAX_BYTES
    ) -> None:
        self.timeout = timeout
        self.total = total
        self.max_bytes = max_bytes

    def __call__(self, url: str) -> Fetched:
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"not an http(s) URL: {url}")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        log.info("fetching %s", url)
        with Deadline(self.total) as deadline:
            opener = urllib.request.build_opener(*watched_handlers(deadline))
            try:
                with opener.open(request, timeout=min(self.timeout, self.total)) as response:
                    return self.read(url, response, deadline)
            except (urllib.error.URLError, TimeoutError, OSError, ValueError,
                    http.client.HTTPException) as exc:  # fmt: skip
                if deadline.expired:
                    raise FetchError(f"cannot fetch {url}: over {self.total:g} s in all") from exc
                raise FetchError(f"cannot fetch {url}: {exc}") from exc

    def read(self, url: str, response: Any, deadline: Deadline) -> Fetched:
        length = response.headers.get("Content-Length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"{url} is {int(length):,} bytes; the limit is {self.max_bytes:,}")
        chunks: list[bytes] = []
        size = 0
        while size <= self.max_bytes:
            chunk = response.read(CHUNK_BYTES)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if deadline.expired or deadline.left() <= 0:
            raise FetchError(f"cannot fetch {url}: over {self.total:g} s in all")
        if size > self.max_bytes:
            raise FetchError(f"{url} is over the {self.max_bytes:,}-byte limit")
        return Fetched(response.geturl(), b"".join(chunks), response.headers.get("Content-Type"))


def fetch_all(
    urls: Iterable[str], fetcher: Fetcher, *, threads: int = FETCH_THREADS
) -> Iterator[tuple[str, Fetched | FetchError]]:
    """(url, page or the FetchError) for each URL, in order, fetching `threads` at a time
    (and no further ahead, so memory stays flat on a long feed)."""
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fetch")
    pending: deque[tuple[str, Future[Fetched]]] = deque()
    try:
        for url in urls:
            pending.append((url, pool.submit(fetcher, url)))
            if len(pending) >= threads:
                yield outcome(*pending.popleft())
        while pending:
            yield outcome(*pending.popleft())
    finally:  # also when the caller stops early: fetches not begun are dropped
        pool.shutdown(wait=False, cancel_futures=True)


def outcome(url: str, future: Future[Fetched]) -> tuple[str, Fetched | FetchError]:
    try:
        return url, future.result()
    except FetchError as exc:
        return url, exc
