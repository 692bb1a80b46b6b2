"""Doc <-> table rows: what each record of a `Doc` becomes in the store, and back.

Each table has a column list here; the writer inserts tuples in that order and `load_doc`
rebuilds the frozen records from rows read in that order, so a stored doc round-trips.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from eventwire.model import (
    Actor,
    Article,
    Attribution,
    Count,
    Doc,
    Event,
    EventTime,
    Mention,
    Place,
    Quote,
    Source,
    Span,
    TimeExpr,
)

# An event whose time interval spans more days than this is "long": range queries look it
# up through a separate index, so short ones can be found by a bounded scan of time_lo.
LONG_SPAN_DAYS = 31
OPEN_LO = "0001-01-01"
OPEN_HI = "9999-12-31"

ARTICLE_COLUMNS = (
    "id", "url", "outlet", "title", "published", "language", "text", "body",
    "version", "previous", "is_current", "run", "ingested",
)  # fmt: skip
EVENT_COLUMNS = (
    "seq", "article_seq", "id", "is_current", "type", "plover_type", "mode", "modality",
    "modality_cue_start", "modality_cue_end", "trigger_start", "trigger_end", "trigger_text",
    "sentence_start", "sentence_end", "confidence", "trace", "context", "attributed_to",
    "place_id", "place_name", "place_country", "place_admin1", "place_lat", "place_lon",
    "time_relation", "time_value", "time_id", "time_start", "time_end", "time_lo", "time_hi",
    "time_long", "count_min", "count_max", "count_start", "count_end", "salience",
)  # fmt: skip
ACTOR_COLUMNS = (
    "article_seq", "event_id", "side", "pos", "name", "name_key", "country", "sector", "role",
    "sponsor", "char_start", "char_end", "rule",
)  # fmt: skip
MENTION_COLUMNS = (
    "article_seq", "id", "pos", "char_start", "char_end", "label", "stage", "actor_name",
    "actor_country", "actor_sector", "actor_role", "actor_sponsor", "actor_start",
    "actor_end", "actor_rule",
)  # fmt: skip
PLACE_COLUMNS = (
    "article_seq", "id", "pos", "char_start", "char_end", "name", "kind", "country", "admin1",
    "lat", "lon", "geonames_id", "confidence", "metonym", "stage", "within",
)  # fmt: skip
TIME_COLUMNS = (
    "article_seq", "id", "pos", "char_start", "char_end", "type", "value", "has_interval",
    "interval_start", "interval_end", "anchor", "stage",
)  # fmt: skip
SOURCE_COLUMNS = (
    "article_seq", "id", "pos", "kind", "name", "count", "affiliation", "role", "char_start",
    "char_end", "stage",
)  # fmt: skip
QUOTE_COLUMNS = (
    "article_seq", "id", "pos", "char_start", "char_end", "speaker", "speaker_start", "speaker_end",
    "cue_start", "cue_end", "direct", "stage",
)  # fmt: skip
ATTRIBUTION_COLUMNS = (
    "article_seq", "id", "pos", "kind", "char_start", "char_end", "content", "source",
    "source_start", "source_end", "cue_start", "cue_end", "direct", "quotes", "stage",
)  # fmt: skip

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "events": EVENT_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "places": PLACE_COLUMNS,
    "times": TIME_COLUMNS,
    "sources": SOURCE_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "event_terms": ("term", "event_seq"),
    "minhashes": ("article_seq", "signature"),
    "lsh_buckets": ("bucket", "article_seq"),
}


def insert_sql(table: str) -> str:
    columns = TABLE_COLUMNS[table]
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


@lru_cache(maxsize=4096)
def json_list(values: tuple[str, ...]) -> str:
    """A tuple of strings as a JSON list; cached, since traces and contexts repeat."""
    return json.dumps(list(values))


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def parse_iso(value: str | None) -> date | datetime | None:
    if value is None:
        return None
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def span_start(span: Span | None) -> int | None:
    return None if span is None else span.start


def span_end(span: Span | None) -> int | None:
    return None if span is None else span.end


def make_span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def article_row(
    doc: Doc, *, version: int, previous: str | None, run: int | None, ingested: str
) -> tuple[Any, ...]:
    a = doc.article
    body = json.dumps([[s.start, s.end] for s in doc.body])
    return (a.id, a.url, a.outlet, a.title, iso(a.published), a.language, a.text, body,
            version, previous, 1, run, ingested)  # fmt: skip


def time_bounds(interval: tuple[str | None, str | None] | None) -> tuple[Any, Any, Any]:
    """(time_lo, time_hi, time_long) for an event-time interval; NULLs when there is none."""
    if interval is None:
        return None, None, None
    lo = (interval[0] or OPEN_LO)[:10]
    hi = (interval[1] or OPEN_HI)[:10]
    try:
        days = (date.fromisoformat(hi) - date.fromisoformat(lo)).days
    except ValueError:  # a partial date such as "2024-09": always take the long path
        return lo, hi, 1
    return lo, hi, int(days > LONG_SPAN_DAYS or days < 0)


def event_row(doc: Doc, event: Event, places: dict[str, Place], seq: int,
              article_seq: int) -> tuple[Any, ...]:  # fmt: skip
    a = doc.article
    place = places.get(event.place) if event.place else None
    t = event.time
    interval = None if t is None else t.interval
    lo, hi, long_ = time_bounds(interval)
    c = event.count
    return (
        seq, article_seq, event.id, 1, event.type, event.plover_type,
        event.mode, event.modality, span_start(event.modality_cue), span_end(event.modality_cue),
        event.trigger.start, event.trigger.end, event.trigger.of(a.text),
        event.sentence.start, event.sentence.end, event.confidence,
        json_list(event.trace), json_list(event.context), json_list(event.attributed_to),
        event.place, None if place is None else place.name,
        None if place is None else place.country, None if place is None else place.admin1,
        None if place is None else place.lat, None if place is None else place.lon,
        None if t is None else t.relation, None if t is None else t.value,
        None if t is None else t.time_id,
        None if interval is None else interval[0], None if interval is None else interval[1],
        lo, hi, long_,
        None if c is None else c.min, None if c is None else c.max,
        None if c is None else span_start(c.span), None if c is None else span_end(c.span),
        event.salience,
    )  # fmt: skip


def actor_row(article_seq: int, event_id: str, side: str, pos: int,
              actor: Actor) -> tuple[Any, ...]:  # fmt: skip
    return (article_seq, event_id, side, pos, actor.name, actor.name.casefold(), actor.country,
            actor.sector, actor.role, actor.sponsor, span_start(actor.span),
            span_end(actor.span), actor.rule)  # fmt: skip


# fmt: off
def event_terms(doc: Doc, event: Event, places: dict[str, Place]) -> set[str]:
    """The terms under which `event_terms` lists the event (see migration 0003)."""
    terms = set()
    place = places.get(event.place) if event.place else None
    if place is not None and place.country:
        terms.add(f"c:{place.country}")
    for actor in (*event.actors, *event.recipients):
        terms.add(f"a:{actor.name.casefold()}")
        if actor.country:
            terms |= {f"c:{actor.country}", f"ac:{actor.country}"}
    if doc.article.outlet:
        terms.add(f"o:{doc.article.outlet}")
    return terms


def doc_rows(doc: Doc, seqs: Sequence[int], article_seq: int) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for every table but articles; `seqs` are the events' keys, in order, and
    `article_seq` the article row's key."""
    aid = article_seq
    places = {p.id: p for p in doc.places}
    actors: list[tuple[Any, ...]] = []
    for e in doc.events:
        actors += [actor_row(aid, e.id, "actor", i, x) for i, x in enumerate(e.actors)]
        actors += [actor_row(aid, e.id, "recipient", i, x) for i, x in enumerate(e.recipients)]
    mentions = []
    for i, m in enumerate(doc.mentions):
        x = m.actor
        mentions.append((aid, m.id, i, m.span.start, m.span.end, m.label, m.stage,
                         *((None,) * 8 if x is None else (
                             x.name, x.country, x.sector, x.role, x.sponsor,
                             span_start(x.span), span_end(x.span), x.rule))))  # fmt: skip
    return {
        "events": [event_row(doc, e, places, seq, aid)
                   for e, seq in zip(doc.events, seqs, strict=True)],
        "event_terms": [(term, seq) for e, seq in zip(doc.events, seqs, strict=True)
                        for term in sorted(event_terms(doc, e, places))],
        "actors": actors,
        "mentions": mentions,
        "places": [
            (aid, p.id, i, p.span.start, p.span.end, p.name, p.kind, p.country, p.admin1, p.lat,
             p.lon, p.geonames_id, p.confidence, int(p.metonym), p.stage, p.within)
            for i, p in enumerate(doc.places)
        ],
        "times": [
            (aid, t.id, i, t.span.start, t.span.end, t.type, t.value, int(t.interval is not None),
             None if t.interval is None else t.interval[0],
             None if t.interval is None else t.interval[1], t.anchor, t.stage)
            for i, t in enumerate(doc.times)
        ],
        "sources": [
            (aid, s.id, i, s.kind, s.name, s.count, s.affiliation, s.role, span_start(s.span),
             span_end(s.span), s.stage)
            for i, s in enumerate(doc.sources)
        ],
        "quotes": [
            (aid, q.id, i, q.span.start, q.span.end, q.speaker, span_start(q.speaker_span),
             span_end(q.speaker_span), span_start(q.cue), span_end(q.cue), int(q.direct),
             q.stage)
            for i, q in enumerate(doc.quotes)
        ],
        "attributions": [
            (aid, a.id, i, a.kind, a.span.start, a.span.end,
             json.dumps([[p.start, p.end] for p in a.content]), a.source,
             span_start(a.source_span), span_end(a.source_span), span_start(a.cue),
             span_end(a.cue), int(a.direct), json_list(a.quotes), a.stage)
            for i, a in enumerate(doc.attributions)
        ],
    }
# fmt: on


# --- rows back to records ---


def named(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(columns, row, strict=True))


def article_from(row: dict[str, Any]) -> tuple[Article, tuple[Span, ...]]:
    article = Article(
        id=row["id"], text=row["text"], published=parse_iso(row["published"]), url=row["url"],
        title=row["title"], outlet=row["outlet"], language=row["language"],
    )  # fmt: skip
    body = tuple(Span(s, e) for s, e in json.loads(row["body"]))
    return article, body


def actor_from(row: dict[str, Any]) -> Actor:
    return Actor(
        name=row["name"], country=row["country"], sector=row["sector"], role=row["role"],
        sponsor=row["sponsor"], span=make_span(row["char_start"], row["char_end"]),
        rule=row["rule"],
    )  # fmt: skip


def event_from(row: dict[str, Any], actors: Sequence[dict[str, Any]]) -> Event:
    time = None
    if row["time_relation"] is not None:
        has_interval = row["time_lo"] is not None
        time = EventTime(
            relation=row["time_relation"], value=row["time_value"],
            interval=(row["time_start"], row["time_end"]) if has_interval else None,
            time_id=row["time_id"],
        )  # fmt: skip
    count = None
    if any(row[k] is not None for k in ("count_min", "count_max", "count_start")):
        count = Count(row["count_min"], row["count_max"],
                      make_span(row["count_start"], row["count_end"]))  # fmt: skip
    ordered = sorted(actors, key=lambda a: a["pos"])
    return Event(
        id=row["id"], type=row["type"], plover_type=row["plover_type"], mode=row["mode"],
        modality=row["modality"],
        modality_cue=make_span(row["modality_cue_start"], row["modality_cue_end"]),
        trigger=Span(row["trigger_start"], row["trigger_end"]),
        sentence=Span(row["sentence_start"], row["sentence_end"]),
        actors=tuple(actor_from(a) for a in ordered if a["side"] == "actor"),
        recipients=tuple(actor_from(a) for a in ordered if a["side"] == "recipient"),
        confidence=row["confidence"], trace=tuple(json.loads(row["trace"])),
        place=row["place_id"], time=time, attributed_to=tuple(json.loads(row["attributed_to"])),
        count=count, context=tuple(json.loads(row["context"])), salience=row["salience"],
    )  # fmt: skip


def mention_from(row: dict[str, Any]) -> Mention:
    actor = None
    if row["actor_name"] is not None:
        actor = Actor(
            name=row["actor_name"], country=row["actor_country"], sector=row["actor_sector"],
            role=row["actor_role"], sponsor=row["actor_sponsor"],
            span=make_span(row["actor_start"], row["actor_end"]), rule=row["actor_rule"] or "",
        )  # fmt: skip
    return Mention(row["id"], Span(row["char_start"], row["char_end"]), row["label"], actor,
                   row["stage"])  # fmt: skip


def place_from(row: dict[str, Any]) -> Place:
    return Place(
        id=row["id"], span=Span(row["char_start"], row["char_end"]), name=row["name"],
        kind=row["kind"], country=row["country"], admin1=row["admin1"], lat=row["lat"],
        lon=row["lon"], geonames_id=row["geonames_id"], confidence=row["confidence"],
        stage=row["stage"], metonym=bool(row["metonym"]), within=row["within"],
    )  # fmt: skip


def time_from(row: dict[str, Any]) -> TimeExpr:
    interval = (row["interval_start"], row["interval_end"]) if row["has_interval"] else None
    return TimeExpr(row["id"], Span(row["char_start"], row["char_end"]), row["type"],
                    row["value"], interval, row["anchor"], row["stage"])  # fmt: skip


def source_from(row: dict[str, Any]) -> Source:
    span = make_span(row["char_start"], row["char_end"])
    return Source(row["id"], row["kind"], row["name"], row["count"], row["affiliation"],
                  row["role"], span, row["stage"])  # fmt: skip


def quote_from(row: dict[str, Any]) -> Quote:
    return Quote(
        id=row["id"], span=Span(row["char_start"], row["char_end"]), speaker=row["speaker"],
        speaker_span=make_span(row["speaker_start"], row["speaker_end"]),
        cue=make_span(row["cue_start"], row["cue_end"]), direct=bool(row["direct"]),
        stage=row["stage"],
    )  # fmt: skip


def attribution_from(row: dict[str, Any]) -> Attribution:
    return Attribution(
        id=row["id"], kind=row["kind"], span=Span(row["char_start"], row["char_end"]),
        content=tuple(Span(s, e) for s, e in json.loads(row["content"])),
        source=row["source"], source_span=make_span(row["source_start"], row["source_end"]),
        cue=make_span(row["cue_start"], row["cue_end"]), direct=bool(row["direct"]),
        stage=row["stage"], quotes=tuple(json.loads(row["quotes"])),
    )  # fmt: skip


def day_before(value: date, days: int) -> str:
    try:
        return (value - timedelta(days=days)).isoformat()
    except OverflowError:
        return OPEN_LO
