"""Extraction of one input item, the part of ingest that runs in worker processes.

`extract_item` is pure apart from the pipeline's models: an Item in, a Doc (without the
spaCy parse, which stays in the worker) or a Failure out. `Workers` runs it in this process
or in a pool of `n` processes, yielding results in input order.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

from eventwire.api import run
from eventwire.errors import ConfigError, EventwireError, StageError
from eventwire.model import Doc
from eventwire.pipeline import DEFAULT_STAGES, Pipeline, build_pipeline
from eventwire.read.articles import read_article
from eventwire.read.items import Item
from eventwire.settings import Settings
from eventwire.store.base import Failure

log = logging.getLogger(__name__)

# Items handed to the pool ahead of the writer, per worker: enough to keep workers busy,
# few enough that memory stays flat on a large corpus.
AHEAD_PER_WORKER = 4


def extract_item(item: Item, pipeline: Pipeline) -> Doc | Failure:
    """Read the item into an Article and run the pipeline; an expected error is a Failure."""
    article_id = None
    stage = "read"
    try:
        article = read_article(item.content, published=item.published, url=item.url,
                               title=item.title, outlet=item.outlet)  # fmt: skip
        article_id = article.id
        stage = "pipeline"
        doc = run(article, pipeline=pipeline)
    except StageError as exc:
        log.warning("article %s (%s): %s", exc.article_id, item.key, exc)
        return Failure(item.key, exc.stage, type(exc.cause).__name__, str(exc), exc.article_id)
    except EventwireError as exc:
        log.warning("article %s (%s): %s", article_id, item.key, exc)
        return Failure(item.key, stage, type(exc).__name__, str(exc), article_id)
    return replace(doc, parsed=None)


_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _pipeline
    _pipeline = build_pipeline(settings)


def _extract_in_worker(item: Item) -> Doc | Failure:
    assert _pipeline is not None
    return extract_item(item, _pipeline)


class Workers:
    """Runs `extract_item` over items, here (n=1) or in n spawned processes."""

    def __init__(self, *, n: int = 1, settings: Settings | None = None) -> None:
        if n < 1:
            raise ConfigError("--workers must be at least 1")
        self.n = n
        self.settings = settings if settings is not None else Settings()
        self.pipeline = build_pipeline(self.settings) if n == 1 else None
        self.pool: ProcessPoolExecutor | None = None
        if n > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=n,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.settings,),
            )

    @property
    def stage_names(self) -> tuple[str, ...]:
        if self.pipeline is not None:
            return self.pipeline.names
        return self.settings.stages or DEFAULT_STAGES

    def map(self, items: Iterable[Item]) -> Iterator[tuple[Item, Doc | Failure]]:
        if self.pool is None:
            assert self.pipeline is not None
            for item in items:
                yield item, extract_item(item, self.pipeline)
            return
        pending: deque[tuple[Item, Future[Doc | Failure]]] = deque()
        for item in items:
            pending.append((item, self.pool.submit(_extract_in_worker, item)))
            if len(pending) >= self.n * AHEAD_PER_WORKER:
                done_item, future = pending.popleft()
                yield done_item, future.result()
        while pending:
            done_item, future = pending.popleft()
            yield done_item, future.result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
