"""The public functions: one article in, one `ArticleResult` out; and the batch form."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from eventwire.errors import EventwireError, InputError
from eventwire.model import Article, Doc
from eventwire.output import error_dict
from eventwire.pipeline import Pipeline, default_pipeline
from eventwire.read.articles import (
    article_id,
    check_text,
    detect_language,
    looks_like_html,
    parse_published,
    read_jsonl_record,
)
from eventwire.read.html import extract_page

log = logging.getLogger(__name__)


def make_article(
    text: str,
    *,
    published: date | datetime | str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
) -> Article:
    """Validate raw text into an Article (InputError on empty, binary, huge or non-English)."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    check_text(text)
    language = detect_language(text)
    return Article(
        id=id if id is not None else article_id(text),
        text=text,
        published=parse_published(published),
        url=url,
        title=title,
        outlet=outlet,
        language=language,
    )


def extract(
    text: str,
    *,
    published: date | datetime | str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Doc:
    """Extract mentions, places, times, sources, quotes and events from one article's text.

    >>> result = extract("Iraq and the United States agreed on a plan.", published="2024-09-06")
    >>> result.events[0].type
    'AGREE'
    """
    article = make_article(text, published=published, url=url, title=title, id=id)
    return run(article, pipeline=pipeline)


def extract_html(
    html: str,
    *,
    url: str | None = None,
    published: date | datetime | str | None = None,
    title: str | None = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Doc:
    """Like `extract`, for an HTML page: body, title, date and outlet come from the page
    (an explicit `published` or `title` wins over the page's own)."""
    page = extract_page(html, url=url)
    article = make_article(
        page.text,
        published=published if published is not None else page.published,
        url=page.url,
        title=title if title is not None else page.title,
        outlet=page.outlet,
        id=id,
    )
    return run(article, pipeline=pipeline)


def extract_any(text: str, **kwargs: Any) -> Doc:
    """`extract_html` when the text is an HTML page, else `extract`."""
    if looks_like_html(text):
        return extract_html(text, **kwargs)
    return extract(text, **kwargs)


def run(article: Article, *, pipeline: Pipeline | None = None) -> Doc:
    pipe = pipeline if pipeline is not None else default_pipeline()
    return pipe(Doc(article=article))


def extract_lines(
    lines: Iterable[str], *, pipeline: Pipeline | None = None
) -> Iterator[dict[str, Any]]:
    """One result dict per JSON Lines input line, in order; a failing line yields an error
    record and the batch goes on. A generator, so callers draw their own progress."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record_id: str | None = None
        try:
            record = read_jsonl_record(line)
            raw_id = record.get("id")
            record_id = None if raw_id is None else str(raw_id)
            result = extract(
                record["text"],
                published=record.get("published"),
                url=record.get("url"),
                title=record.get("title"),
                id=record_id,
                pipeline=pipeline,
            )
            yield result.to_dict()
        except EventwireError as exc:
            log.warning("line %d (article %s): %s", number, record_id, exc)
            yield error_dict(record_id, exc)
