"""Which readers to run for what the user named: files and folders, JSON Lines, feeds, WARC."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from eventwire.errors import InputError
from eventwire.read.feeds import read_feed
from eventwire.read.fetch import Fetcher, UrlFetcher
from eventwire.read.files import (
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    count_lines,
    list_files,
    read_file,
    read_jsonl,
)
from eventwire.read.items import Item, ItemError, error_for
from eventwire.read.warc import read_warc


def kind_of(path: Path, *, jsonl: bool) -> str:
    name = path.name.lower()
    if jsonl or name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "file"


class Inputs:
    """The items of everything named, read lazily, and how many there are when that is
    cheap to know (None when a feed or WARC file is among them)."""

    def __init__(
        self,
        paths: Sequence[Path] = (),
        *,
        jsonl: bool = False,
        feeds: Sequence[str] = (),
        warcs: Sequence[Path] = (),
        fetcher: Fetcher | None = None,
        seen_item: Callable[[str], bool] | None = None,
    ) -> None:
        self.missing = [p for p in paths if not p.exists()]
        self.files = list_files(p for p in paths if p.exists())
        self.jsonl = jsonl
        self.feeds = list(feeds)
        self.warcs = list(warcs) + [p for p in self.files if kind_of(p, jsonl=jsonl) == "warc"]
        self.fetcher = fetcher if fetcher is not None else UrlFetcher()
        self.seen_item = seen_item

    @property
    def total(self) -> int | None:
        if self.feeds or self.warcs:
            return None
        return len(self.missing) + sum(
            count_lines(p) if kind_of(p, jsonl=self.jsonl) == "jsonl" else 1 for p in self.files
        )

    def __iter__(self) -> Iterator[Item | ItemError]:
        missing = (
            error_for(str(p), InputError(f"no such file or folder: {p}")) for p in self.missing
        )
        return itertools.chain(missing, self.read_files(), self.read_feeds(), self.read_warcs())

    def read_files(self) -> Iterator[Item | ItemError]:
        for path in self.files:
            kind = kind_of(path, jsonl=self.jsonl)
            if kind == "jsonl":
                yield from read_jsonl(path)
            elif kind == "file":
                yield read_file(path)

    def read_feeds(self) -> Iterator[Item | ItemError]:
        for feed in self.feeds:
            yield from read_feed(feed, fetcher=self.fetcher, seen=self.seen_item)

    def read_warcs(self) -> Iterator[Item | ItemError]:
        for path in self.warcs:
            yield from read_warc(path)
