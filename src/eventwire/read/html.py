"""The article body, title, date and URL of an HTML page (trafilatura)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from eventwire.errors import InputError
from eventwire.read.text import parse_published


@dataclass(frozen=True, slots=True)
class PageContent:
    text: str
    title: str | None
    published: date | datetime | None
    url: str | None
    outlet: str | None


def extract_page(html: str, *, url: str | None = None) -> PageContent:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError) as exc:
        raise InputError(f"cannot parse the HTML page: {exc}") from exc
    if doc is None or not getattr(doc, "text", None):
        raise InputError("no article text found in the HTML page")
    published: date | datetime | None = None
    if getattr(doc, "date", None):
        try:
            published = parse_published(doc.date)
        except InputError:
            published = None
    return PageContent(
        text=doc.text,
        title=doc.title or None,
        published=published,
        url=url or doc.url or None,
        outlet=getattr(doc, "sitename", None) or None,
    )
