"""Serialise a `Doc` to the eventwire/1 JSON contract (see schema/eventwire-1.schema.json), and
`ArticleResult`, the finished `Doc` that `extract` returns, with its JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from eventwire.model import (
    SCHEMA,
    Actor,
    Article,
    Attribution,
    Doc,
    Event,
    Mention,
    Place,
    Quote,
    Source,
    Span,
    TimeExpr,
)


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def span_dict(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": text[span.start : span.end], "start": span.start, "end": span.end}


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": iso(article.published),
        "language": article.language,
        "text": article.text,
    }


def actor_dict(text: str, actor: Actor) -> dict[str, Any]:
    span = actor.span
    return {
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "sponsor": actor.sponsor,
        "mention": None if span is None else text[span.start : span.end],
        "start": None if span is None else span.start,
        "end": None if span is None else span.end,
    }


def mention_dict(text: str, m: Mention) -> dict[str, Any]:
    return {
        "id": m.id,
        "text": text[m.span.start : m.span.end],
        "start": m.span.start,
        "end": m.span.end,
        "label": m.label,
        "actor": None if m.actor is None else actor_dict(text, m.actor),
    }


def place_dict(text: str, p: Place) -> dict[str, Any]:
    return {
        "id": p.id,
        "text": text[p.span.start : p.span.end],
        "start": p.span.start,
        "end": p.span.end,
        "name": p.name,
        "kind": p.kind,
        "country": p.country,
        "admin1": p.admin1,
        "lat": p.lat,
        "lon": p.lon,
        "geonames_id": p.geonames_id,
        "confidence": p.confidence,
        "metonym": p.metonym,
        "within": p.within,
    }


def time_dict(text: str, t: TimeExpr) -> dict[str, Any]:
    return {
        "id": t.id,
        "text": text[t.span.start : t.span.end],
        "start": t.span.start,
        "end": t.span.end,
        "type": t.type,
        "value": t.value,
        "interval": None if t.interval is None else list(t.interval),
        "anchor": t.anchor,
    }


def source_dict(text: str, s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind,
        "name": s.name,
        "count": s.count,
        "affiliation": s.affiliation,
        "role": s.role,
        "text": None if s.span is None else text[s.span.start : s.span.end],
        "start": None if s.span is None else s.span.start,
        "end": None if s.span is None else s.span.end,
    }


def quote_dict(text: str, q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": text[q.span.start : q.span.end],
        "start": q.span.start,
        "end": q.span.end,
        "speaker": q.speaker,
        "speaker_span": span_dict(text, q.speaker_span),
        "cue": span_dict(text, q.cue),
        "direct": q.direct,
    }


def attribution_dict(text: str, a: Attribution) -> dict[str, Any]:
    return {
        "id": a.id,
        "kind": a.kind,
        "text": text[a.span.start : a.span.end],
        "start": a.span.start,
        "end": a.span.end,
        "content": [span_dict(text, piece) for piece in a.content],
        "source": a.source,
        "source_span": span_dict(text, a.source_span),
        "cue": span_dict(text, a.cue),
        "direct": a.direct,
        "quotes": list(a.quotes),
    }


def event_dict(text: str, e: Event) -> dict[str, Any]:
    time = None
    if e.time is not None:
        time = {
            "relation": e.time.relation,
            "value": e.time.value,
            "interval": None if e.time.interval is None else list(e.time.interval),
            "time_id": e.time.time_id,
        }
    count: dict[str, Any] | None = None
    if e.count is not None:
        count = {"min": e.count.min, "max": e.count.max}
        if e.count.span is not None:
            count["text"] = text[e.count.span.start : e.count.span.end]
    return {
        "id": e.id,
        "type": e.type,
        "plover_type": e.plover_type,
        "mode": e.mode,
        "context": list(e.context),
        "modality": e.modality,
        "modality_cue": span_dict(text, e.modality_cue),
        "trigger": span_dict(text, e.trigger),
        "sentence": {"start": e.sentence.start, "end": e.sentence.end},
        "actors": [actor_dict(text, a) for a in e.actors],
        "recipients": [actor_dict(text, a) for a in e.recipients],
        "place": e.place,
        "time": time,
        "attributed_to": list(e.attributed_to),
        "count": count,
        "confidence": round(e.confidence, 3),
        "salience": e.salience,
        "trace": list(e.trace),
    }


def result_to_dict(doc: Doc) -> dict[str, Any]:
    text = doc.article.text
    return {
        "schema": SCHEMA,
        "article": article_dict(doc.article),
        "mentions": [mention_dict(text, m) for m in doc.mentions],
        "places": [place_dict(text, p) for p in doc.places],
        "times": [time_dict(text, t) for t in doc.times],
        "sources": [source_dict(text, s) for s in doc.sources],
        "quotes": [quote_dict(text, q) for q in doc.quotes],
        "attributions": [attribution_dict(text, a) for a in doc.attributions],
        "events": [event_dict(text, e) for e in doc.events],
    }


def error_dict(article_id: str | None, error: BaseException) -> dict[str, Any]:
    """The per-line error record of a batch run."""
    return {
        "schema": SCHEMA,
        "article": {"id": article_id},
        "error": {"type": type(error).__name__, "message": str(error)},
    }


def dumps(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


@dataclass(frozen=True, slots=True)
class ArticleResult(Doc):
    """The `Doc` the pipeline returns for one article: every record, and its JSON form."""

    def to_dict(self) -> dict[str, Any]:
        return result_to_dict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        return dumps(self.to_dict(), indent=indent)
