"""Store records as the API's JSON documents.

An event item is the eventwire/1 event (`output.event_dict`: trigger, sentence, modality and
its cue, actors and recipients with their offsets, place id, time, attribution, count,
confidence, trace) with three additions: `sentence.text`, `location` (the event's place
record, in the eventwire/1 place shape, or null) and `article` (id, title, url, published,
outlet, duplicate_of). Offsets point into the article's text, which
`GET /api/articles/{id}` gives with the whole result.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Article
from eventwire.output import event_dict, iso, place_dict
from eventwire.store.records import StoredEvent


def article_ref(article: Article, *, duplicate_of: str | None = None) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": iso(article.published),
        "outlet": article.outlet,
        "duplicate_of": duplicate_of,
    }


def event_item(stored: StoredEvent) -> dict[str, Any]:
    text = stored.article.text
    item = event_dict(text, stored.event)
    sentence = stored.event.sentence
    item["sentence"] = {**item["sentence"], "text": text[sentence.start : sentence.end]}
    item["location"] = None if stored.place is None else place_dict(text, stored.place)
    item["article"] = article_ref(stored.article, duplicate_of=stored.duplicate_of)
    return item
