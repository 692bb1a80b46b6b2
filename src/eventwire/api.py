"""The public functions: one article in, one `ArticleResult` out; and the batch form.

Each takes `settings` (a `Settings`; by default the resolved ones: eventwire.toml and
EVENTWIRE_* variables over the defaults) or a ready `pipeline`. The pipeline for a given
settings value is built once per process.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.errors import EventwireError
from eventwire.model import Article, Doc
from eventwire.output import ArticleResult, error_dict
from eventwire.pipeline import BATCH_SIZE, Pipeline, batched, build_pipeline
from eventwire.read.articles import Published, make_article, read_article
from eventwire.read.text import (
    check_record_text,
    jsonl_line,
    printable_id,
    read_jsonl_record,
    record_id_of,
)
from eventwire.settings import Settings, load_settings

log = logging.getLogger(__name__)

__all__ = [
    "extract",
    "extract_any",
    "extract_html",
    "extract_lines",
    "make_article",
    "run",
    "run_many",
]


def pipeline_for(settings: Settings | None, pipeline: Pipeline | None) -> Pipeline:
    if pipeline is not None:
        return pipeline
    return build_pipeline(settings if settings is not None else load_settings())


def as_result(doc: Doc) -> ArticleResult:
    if isinstance(doc, ArticleResult):
        return doc
    # a stage outside eventwire that builds a plain Doc
    return ArticleResult(**{name: getattr(doc, name) for name in doc.__dataclass_fields__})


def run(
    article: Article, *, pipeline: Pipeline | None = None, settings: Settings | None = None
) -> ArticleResult:
    """Run the pipeline over one Article."""
    return as_result(pipeline_for(settings, pipeline)(ArticleResult(article=article)))


def run_many(
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
) -> Iterator[ArticleResult | EventwireError]:
    """Run the pipeline over many Articles, parsed in batches (`batch_size`, default the
    setting's): one result per article, in order, or the error `run` would raise on it
    (the batch goes on). The results are those of `run`, faster."""
    pipe = pipeline_for(settings, pipeline)
    size = batch_size or (settings.batch_size if settings is not None else BATCH_SIZE)
    docs = (ArticleResult(article=article) for article in articles)
    for outcome in pipe.run_many(docs, batch_size=size):
        yield outcome if isinstance(outcome, EventwireError) else as_result(outcome)


def extract(
    text: str,
    *,
    published: Published = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> ArticleResult:
    """Extract mentions, places, times, sources, quotes and events from one article's text.

    >>> result = extract("Iraq and the United States agreed on a plan.", published="2024-09-06")
    >>> result.events[0].type
    'AGREE'
    """
    article = make_article(text, published=published, url=url, title=title, id=id)
    return run(article, pipeline=pipeline, settings=settings)


def extract_html(
    html: str,
    *,
    url: str | None = None,
    published: Published = None,
    title: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> ArticleResult:
    """Like `extract`, for an HTML page: body, title, date and outlet come from the page
    (an explicit `published` or `title` wins over the page's own)."""
    article = read_article(html, published=published, url=url, title=title, id=id, html=True)
    return run(article, pipeline=pipeline, settings=settings)


def extract_any(
    content: str,
    *,
    published: Published = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> ArticleResult:
    """`extract_html` when the content is an HTML page, else `extract`."""
    article = read_article(content, published=published, url=url, title=title, id=id)
    return run(article, pipeline=pipeline, settings=settings)


def str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def extract_lines(
    lines: Iterable[str | bytes],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    batch_size: int | None = None,
) -> Iterator[dict[str, Any]]:
    """One result dict per JSON Lines input line (text, or bytes that must be UTF-8), in
    order; a failing line yields an error record (with the line's `id` when it has one) and
    the batch goes on. Lines are parsed in batches (`run_many`). A generator, so callers
    draw their own progress."""
    pipe = pipeline_for(settings, pipeline)
    size = batch_size or (settings.batch_size if settings is not None else BATCH_SIZE)
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    for chunk in batched(numbered, size):
        read = [(n, *read_line(line)) for n, line in chunk]
        articles = [a for _, _, a in read if isinstance(a, Article)]
        results = run_many(articles, pipeline=pipe, batch_size=size)
        for number, record_id, article in read:
            outcome = next(results) if isinstance(article, Article) else article
            if isinstance(outcome, EventwireError):
                log.warning("line %d (article %s): %s", number, record_id, outcome)
                yield error_dict(record_id, outcome)
            else:
                yield outcome.to_dict()


def read_line(line: str | bytes) -> tuple[str | None, Article | EventwireError]:
    """A JSON Lines record's id (when it can be made out) and its Article, or the error
    reading it."""
    record_id: str | None = None
    try:
        record = read_jsonl_record(jsonl_line(line))
        raw_id = record.get("id")
        record_id = None if raw_id is None else printable_id(str(raw_id))
        check_record_text(record)
        article = make_article(
            record["text"],
            published=record.get("published"),
            url=str_or_none(record.get("url")),  # as ingest reads them
            title=str_or_none(record.get("title")),
            id=record_id,
        )
    except EventwireError as exc:
        return (record_id if record_id is not None else record_id_of(line)), exc
    return record_id, article
