"""Read RSS and Atom feeds (feedparser): a local feed file, or a feed URL the user gives.
Each entry's link is fetched (only those links, a few at a time) and read as an HTML page."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from eventwire.errors import FetchError, InputError
from eventwire.read.fetch import Fetcher, fetch_all
from eventwire.read.items import Item, ItemError, decode_page, digest, error_for

log = logging.getLogger(__name__)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def entry_published(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()


def read_feed(
    source: str, *, fetcher: Fetcher, seen: Callable[[str], bool] | None = None
) -> Iterator[Item | ItemError]:
    """One Item per feed entry, its page fetched; entries already stored (`seen(link)`) are
    skipped without fetching. A feed that cannot be read is one ItemError."""
    import feedparser

    key = source if is_url(source) else str(Path(source).resolve())
    try:
        data = fetcher(source).content if is_url(source) else Path(source).read_bytes()
    except FetchError as exc:
        yield error_for(key, exc, stage="fetch")
        return
    except OSError as exc:
        yield error_for(key, InputError(f"cannot read the feed {source}: {exc.strerror}"))
        return
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield error_for(key, InputError(f"not a readable RSS or Atom feed: {problem}"))
        return
    outlet = parsed.feed.get("title") or None
    wanted: dict[str, dict] = {}  # link -> its entry, in feed order
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        if not link:
            yield error_for(f"{key}#entry:{number}", InputError("the feed entry has no link"))
        elif seen is not None and seen(link):
            log.debug("feed entry %s: stored before, not fetched", link)
        else:
            wanted.setdefault(link, entry)
    for link, page in fetch_all(wanted, fetcher):  # a few at a time, in feed order
        entry = wanted[link]
        if isinstance(page, FetchError):
            yield error_for(link, page, stage="fetch")
            continue
        html = decode_page(page.content, page.content_type)
        yield Item(
            key=link,
            content=html,
            digest=digest(html),
            published=entry_published(entry),
            url=page.url or link,
            title=entry.get("title") or None,
            outlet=outlet,
        )
