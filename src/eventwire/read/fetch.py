"""Fetching the URLs a user gives (a feed, and the items it lists), behind the `Fetcher` seam.

Only http(s) URLs are fetched, with a time limit and a size limit; nothing else in eventwire
touches the network. Tests pass a fake `Fetcher` (any callable with this signature).
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from eventwire import __version__
from eventwire.errors import FetchError

log = logging.getLogger(__name__)

# A news page is well under 2 MB; a larger response is not an article.
MAX_BYTES = 5_000_000
TIMEOUT_S = 20.0
USER_AGENT = f"eventwire/{__version__} (+offline event extraction; fetches only given URLs)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str | None


class Fetcher(Protocol):
    def __call__(self, url: str) -> Fetched: ...


class UrlFetcher:
    """Fetch one URL over HTTP(S) with urllib, within `timeout` seconds and `max_bytes`."""

    def __init__(self, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes

    def __call__(self, url: str) -> Fetched:
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"not an http(s) URL: {url}")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        log.info("fetching %s", url)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                length = response.headers.get("Content-Length")
                if length is not None and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(
                        f"{url} is {int(length):,} bytes; the limit is {self.max_bytes:,}"
                    )
                content = response.read(self.max_bytes + 1)
                if len(content) > self.max_bytes:
                    raise FetchError(f"{url} is over the {self.max_bytes:,}-byte limit")
                return Fetched(response.geturl(), content, response.headers.get("Content-Type"))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise FetchError(f"cannot fetch {url}: {exc}") from exc
