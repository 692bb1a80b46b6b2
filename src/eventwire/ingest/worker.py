"""Extraction of input items, the part of ingest that runs in worker processes.

`extract_items` is pure apart from the pipeline's models: Items in, for each a Doc (without
the spaCy parse, which stays in the worker) or a Failure out, parsed in batches. `Workers`
runs it in this process or in a pool of `n` worker processes that start once with the
pipeline loaded (`eventwire.run.pool`), yielding results in input order.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import replace

from eventwire.api import run_many
from eventwire.errors import ConfigError, EventwireError, StageError
from eventwire.model import Article, Doc
from eventwire.pipeline import DEFAULT_STAGES, Pipeline, build_pipeline
from eventwire.read.articles import read_article
from eventwire.read.items import Item
from eventwire.run.pool import PipelinePool, worker_pipeline
from eventwire.settings import Settings
from eventwire.store.base import Failure

log = logging.getLogger(__name__)

# Chunks handed to the pool ahead of the writer, per worker: enough to keep workers busy,
# few enough that memory stays flat on a large corpus.
AHEAD_PER_WORKER = 2
# Items a worker takes at a time (at most the batch size): big enough for batched parsing,
# small enough that the workers finish close together at the end of the input.
CHUNK_ITEMS = 16


def extract_item(item: Item, pipeline: Pipeline) -> Doc | Failure:
    """Read the item into an Article and run the pipeline; an expected error is a Failure."""
    [result] = extract_items([item], pipeline, batch_size=1)
    return result


def extract_items(
    items: Sequence[Item], pipeline: Pipeline, *, batch_size: int
) -> list[Doc | Failure]:
    """`extract_item` of each item, the articles parsed `batch_size` at a time."""
    read: list[Article | Failure] = [read_item(item) for item in items]
    articles = [a for a in read if isinstance(a, Article)]
    results = run_many(articles, pipeline=pipeline, batch_size=batch_size)
    out: list[Doc | Failure] = []
    for item, article in zip(items, read, strict=True):
        if isinstance(article, Failure):
            out.append(article)
            continue
        outcome = next(results)
        if isinstance(outcome, StageError):
            log.warning("article %s (%s): %s", outcome.article_id, item.key, outcome)
            cause = type(outcome.cause).__name__
            out.append(Failure(item.key, outcome.stage, cause, str(outcome), outcome.article_id))
        elif isinstance(outcome, EventwireError):
            log.warning("article %s (%s): %s", article.id, item.key, outcome)
            out.append(
                Failure(item.key, "pipeline", type(outcome).__name__, str(outcome), article.id)
            )
        else:
            out.append(replace(outcome, parsed=None))
    return out


def read_item(item: Item) -> Article | Failure:
    try:
        return read_article(item.content, published=item.published, url=item.url,
                            title=item.title, outlet=item.outlet)  # fmt: skip
    except EventwireError as exc:
        log.warning("article None (%s): %s", item.key, exc)
        return Failure(item.key, "read", type(exc).__name__, str(exc), None)


def extract_in_worker(items: list[Item], batch_size: int) -> list[Doc | Failure]:
    return extract_items(items, worker_pipeline(), batch_size=batch_size)


class Workers:
    """Runs `extract_items` over items, here (n=1) or in n worker processes."""

    def __init__(self, *, n: int = 1, settings: Settings | None = None) -> None:
        if n < 1:
            raise ConfigError("--workers must be at least 1")
        self.n = n
        self.settings = settings if settings is not None else Settings()
        self.batch_size = self.settings.batch_size
        self.pipeline = build_pipeline(self.settings) if n == 1 else None
        self.pool = PipelinePool(n=n, settings=self.settings) if n > 1 else None

    @property
    def stage_names(self) -> tuple[str, ...]:
        if self.pipeline is not None:
            return self.pipeline.names
        return self.settings.stages or DEFAULT_STAGES

    def map(self, items: Iterable[Item]) -> Iterator[tuple[Item, Doc | Failure]]:
        if self.pool is None:
            assert self.pipeline is not None
            for chunk in chunked(items, self.batch_size, parts=1):
                results = extract_items(chunk, self.pipeline, batch_size=self.batch_size)
                yield from zip(chunk, results, strict=True)
            return
        size = min(self.batch_size, CHUNK_ITEMS)
        pending: deque[tuple[list[Item], Future[list[Doc | Failure]]]] = deque()
        for chunk in chunked(items, size, parts=self.n):
            pending.append((chunk, self.pool.submit(extract_in_worker, chunk, self.batch_size)))
            if len(pending) >= self.n * AHEAD_PER_WORKER:
                done, future = pending.popleft()
                yield from zip(done, future.result(), strict=True)
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def chunked(items: Iterable[Item], size: int, *, parts: int) -> Iterator[list[Item]]:
    """Lists of `size` items; the last short one cut in up to `parts` pieces, so that the
    workers finish together."""
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if not chunk:
        return
    step = -(-len(chunk) // max(1, parts))
    for start in range(0, len(chunk), step):
        yield chunk[start : start + step]
