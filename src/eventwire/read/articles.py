"""Raw input to `Article`: the one place that checks text and tells an HTML page from text.

`make_article` validates text (empty, binary, too large, not English, bad date: InputError).
`read_article` takes either text or an HTML page: a page gives its body, title, date, URL and
outlet (its date from its metadata only, never its text), and what the caller states
explicitly wins over what the page says. Every reader (the CLI, the Python API, JSON Lines,
files, feeds, WARC) ends here.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from eventwire.errors import InputError
from eventwire.model import Article
from eventwire.read.html import extract_page
from eventwire.read.text import (
    article_id,
    check_chars,
    check_text,
    detect_language,
    looks_like_html,
    parse_published,
)

log = logging.getLogger(__name__)

Published = date | datetime | str | None


def make_article(
    text: str,
    *,
    published: Published = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
) -> Article:
    """Validate raw text into an Article (InputError on empty, binary, huge or non-English)."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    check_text(text)
    for what, value in (("the title", title), ("the URL", url), ("the outlet", outlet),
                        ("the id", id)):  # fmt: skip
        if isinstance(value, str):
            check_chars(what, value)
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


def read_article(
    content: str,
    *,
    published: Published = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
    html: bool | None = None,
) -> Article:
    """An Article from text or from an HTML page (`html=None`: decided by looking at the
    content). For a page, explicit values win over the page's own title, date and outlet."""
    if not isinstance(content, str):
        raise InputError(f"text must be a str, not {type(content).__name__}")
    if not (looks_like_html(content) if html is None else html):
        return make_article(
            content, published=published, url=url, title=title, outlet=outlet, id=id
        )
    page = extract_page(content, url=url)
    article = make_article(
        page.text,
        published=published if published not in (None, "") else page.published,
        url=url or page.url,
        title=title or page.title,
        outlet=outlet or page.outlet,
        id=id,
    )
    if article.published is None:
        log.warning(
            "article %s: the page's metadata gives no publication date (none is taken from "
            "its text); relative times stay unresolved",
            article.id,
        )
    return article
