"""Ingest: read many articles (files and folders, JSON Lines, RSS/Atom feeds, WARC files),
extract each in a worker, and write each article whole into the store.

Readers yield `Item`s, or `ItemError`s for input they cannot read; `ingest()` skips items
stored before, records failures, and yields one `Progress` per item.
"""

from eventwire.ingest.batch import FAILED, SKIPPED, Progress, ingest
from eventwire.ingest.fetch import Fetched, Fetcher, UrlFetcher
from eventwire.ingest.inputs import Inputs
from eventwire.ingest.items import Item, ItemError
from eventwire.ingest.worker import Workers, extract_item

__all__ = [
    "FAILED",
    "SKIPPED",
    "Fetched",
    "Fetcher",
    "Inputs",
    "Item",
    "ItemError",
    "Progress",
    "UrlFetcher",
    "Workers",
    "extract_item",
    "ingest",
]
