"""Ingest: read many articles (files and folders, JSON Lines, RSS/Atom feeds, WARC files),
extract each in a worker, and write each article whole into the store.

Readers yield `Item`s, or `ItemError`s for input they cannot read; `ingest()` skips items
stored before, records failures, and yields one `Progress` per item.
"""

from eventwire.ingest.batch import FAILED, SKIPPED, Progress, ingest
from eventwire.ingest.worker import Workers, extract_item
from eventwire.read.fetch import Fetched, Fetcher, UrlFetcher
from eventwire.read.inputs import Inputs
from eventwire.read.items import Item, ItemError

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
