"""The article body, title, date and URL of an HTML page (trafilatura, htmldate).

The publication date comes from the page's metadata only: its `<meta>` date and time tags,
its JSON-LD (`datePublished`), elements marked `itemprop="datePublished"` or `<time
pubdate>`, and a date in its URL. Never from the body text: "the elections of 1998" is not
when the page was published, and every relative time would resolve against it. A page
whose metadata gives no date has none (relative times then stay unresolved).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from eventwire.errors import InputError
from eventwire.read.text import parse_published

log = logging.getLogger(__name__)

# `<meta>` attributes (name, property, itemprop, http-equiv) that name a date or a time:
# article:published_time, og:updated_time, DC.date.issued, pubdate, sailthru.date, ...
DATE_META = re.compile(r"date|time|publish|issued|created|modified", re.IGNORECASE)
META_KEYS = ("name", "property", "itemprop", "http-equiv")
# Elements in the page's markup (not its text) that carry a machine-readable date.
DATE_MARKUP = (
    '//*[@itemprop="datePublished" or @itemprop="dateCreated" or @itemprop="dateModified"]'
    "|//time[@pubdate]"
)


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
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # its date is not used (see metadata_date); the quick search costs least
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"cannot parse the HTML page: {exc}") from exc
    if doc is None or not getattr(doc, "text", None):
        raise InputError("no article text found in the HTML page")
    return PageContent(
        text=doc.text,
        title=doc.title or None,
        published=metadata_date(html, url=url or doc.url or None),
        url=url or doc.url or None,
        outlet=getattr(doc, "sitename", None) or None,
    )


def metadata_date(html: str, *, url: str | None = None) -> date | None:
    """The publication date the page's metadata gives, or None. htmldate reads a copy of
    the page that holds only the metadata, so that it cannot fall back on the text."""
    import htmldate
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    head = etree.Element("head")
    for meta in tree.iter("meta"):
        keys = " ".join(meta.get(k, "") for k in META_KEYS)
        if DATE_META.search(keys) and (meta.get("content") or meta.get("datetime")):
            head.append(etree.Element("meta", {k: v for k, v in meta.attrib.items()}))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        copy = etree.SubElement(head, "script", type="application/ld+json")
        copy.text = script.text
    for element in tree.xpath(DATE_MARKUP):
        value = element.get("datetime") or element.get("content")
        if value:
            head.append(etree.Element("meta", itemprop="datePublished", content=value))
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    page_url = url or (str(canonical[0]) if canonical else None)
    metadata = etree.Element("html")
    metadata.append(head)
    metadata.append(etree.Element("body"))
    found = htmldate.find_date(
        etree.tostring(metadata, encoding="unicode"),
        url=page_url,
        extensive_search=False,
        original_date=True,
        deferred_url_extractor=True,  # the page's own tags first, its URL's date after them
    )
    if not found:
        return None
    try:
        published = parse_published(found)
    except InputError:
        return None
    return published if isinstance(published, date) else None
