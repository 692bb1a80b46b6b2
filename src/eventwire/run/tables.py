"""The Parquet tables `run` writes: eventwire/1 flattened, one file per table and partition.

Under the output folder: `articles/`, `mentions/`, `places/`, `times/`, `sources/`,
`quotes/`, `attributions/`, `events/` and `errors/`, each holding `<partition>.parquet`.
Every record row carries its article's `article_id` (the hash of the text, as the store
keys articles) and its position (`pos`) among its kind in the article; spans are
`char_start`/`char_end` offsets into the article's text, with the text they cover. Events
keep their actors and recipients as lists of structs, and copy their place's name, country,
admin1 and point in. Rows also keep what the JSON leaves out but the store needs (producing
stage, actor rule, body spans), so that `eventwire ingest --parquet` rebuilds each doc
exactly.

A partition's files are written under temporary names and renamed, `articles/` last: a
partition whose `articles/` file exists is finished (a rerun skips it).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.model import Actor, Doc, Event, Span
from eventwire.read.items import Item, ItemError
from eventwire.store.base import Failure

# column types: text, integer, real, flag
S, N, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
SPAN = [("text", S), ("char_start", N), ("char_end", N)]
ACTOR = pa.struct([("name", S), ("country", S), ("sector", S), ("role", S), ("sponsor", S),
                   *SPAN, ("rule", S)])  # fmt: skip
KEY = [("article_id", S), ("id", S), ("pos", N)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", S), ("input", S), ("input_id", S), ("digest", S), ("url", S),
        ("title", S), ("outlet", S), ("published", S), ("published_date", pa.date32()),
        ("language", S), ("text", S),
        ("body", pa.list_(pa.struct([("char_start", N), ("char_end", N)]))),
    ]),
    "mentions": pa.schema([
        *KEY, *SPAN, ("label", S), ("stage", S), ("actor_name", S), ("actor_country", S),
        ("actor_sector", S), ("actor_role", S), ("actor_sponsor", S), ("actor_char_start", N),
        ("actor_char_end", N), ("actor_rule", S),
    ]),
    "places": pa.schema([
        *KEY, *SPAN, ("name", S), ("kind", S), ("country", S), ("admin1", S), ("lat", F),
        ("lon", F), ("geonames_id", N), ("confidence", F), ("metonym", B), ("within", S),
        ("stage", S),
    ]),
    "times": pa.schema([
        *KEY, *SPAN, ("type", S), ("value", S), ("has_interval", B), ("interval_start", S),
        ("interval_end", S), ("anchor", S), ("stage", S),
    ]),
    "sources": pa.schema([
        *KEY, ("kind", S), ("name", S), ("count", N), ("affiliation", S), ("role", S), *SPAN,
        ("stage", S),
    ]),
    "quotes": pa.schema([
        *KEY, *SPAN, ("speaker", S), ("speaker_text", S), ("speaker_start", N),
        ("speaker_end", N), ("cue_text", S), ("cue_start", N), ("cue_end", N), ("direct", B),
        ("stage", S),
    ]),
    "attributions": pa.schema([
        *KEY, ("kind", S), *SPAN, ("content", pa.list_(pa.struct(SPAN))), ("source", S),
        ("source_text", S), ("source_start", N), ("source_end", N), ("cue_text", S),
        ("cue_start", N), ("cue_end", N), ("direct", B), ("quotes", pa.list_(S)), ("stage", S),
    ]),
    "events": pa.schema([
        *KEY, ("type", S), ("plover_type", S), ("mode", S), ("context", pa.list_(S)),
        ("modality", S), ("modality_cue_text", S), ("modality_cue_start", N),
        ("modality_cue_end", N), ("trigger_text", S), ("trigger_start", N), ("trigger_end", N),
        ("sentence_start", N), ("sentence_end", N), ("actors", pa.list_(ACTOR)),
        ("recipients", pa.list_(ACTOR)), ("place", S), ("place_name", S), ("place_country", S),
        ("place_admin1", S), ("place_lat", F), ("place_lon", F), ("time_relation", S),
        ("time_value", S), ("time_has_interval", B), ("time_start", S), ("time_end", S),
        ("time_id", S), ("attributed_to", pa.list_(S)), ("count_min", N), ("count_max", N),
        ("count_text", S), ("count_start", N), ("count_end", N), ("confidence", F),
        ("salience", S), ("trace", pa.list_(S)),
    ]),
    "errors": pa.schema([
        ("input", S), ("digest", S), ("article_id", S), ("stage", S), ("error_type", S),
        ("message", S),
    ]),
}  # fmt: skip
TABLES = tuple(SCHEMAS)
# Written last: its file marks the partition finished.
FINISHED_BY = "articles"


def span_cells(text: str, span: Span | None, prefix: str = "") -> dict[str, Any]:
    """`text`, `char_start`, `char_end` (or `<prefix>text`, `<prefix>start`, ...)."""
    names = ("text", "char_start", "char_end") if not prefix else (
        f"{prefix}text", f"{prefix}start", f"{prefix}end")  # fmt: skip
    if span is None:
        return dict.fromkeys(names)
    return dict(zip(names, (text[span.start : span.end], span.start, span.end), strict=True))


def actor_cells(text: str, actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "country": actor.country, "sector": actor.sector,
            "role": actor.role, "sponsor": actor.sponsor, **span_cells(text, actor.span),
            "rule": actor.rule}  # fmt: skip


def event_cells(text: str, e: Event, places: dict[str, Any]) -> dict[str, Any]:
    place = places.get(e.place) if e.place else None
    t, c = e.time, e.count
    interval = None if t is None else t.interval
    return {
        "type": e.type, "plover_type": e.plover_type, "mode": e.mode, "context": list(e.context),
        "modality": e.modality, **span_cells(text, e.modality_cue, "modality_cue_"),
        **span_cells(text, e.trigger, "trigger_"),
        "sentence_start": e.sentence.start, "sentence_end": e.sentence.end,
        "actors": [actor_cells(text, a) for a in e.actors],
        "recipients": [actor_cells(text, a) for a in e.recipients],
        "place": e.place, "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
        "time_relation": None if t is None else t.relation,
        "time_value": None if t is None else t.value,
        "time_has_interval": None if t is None else interval is not None,
        "time_start": None if interval is None else interval[0],
        "time_end": None if interval is None else interval[1],
        "time_id": None if t is None else t.time_id, "attributed_to": list(e.attributed_to),
        "count_min": None if c is None else c.min, "count_max": None if c is None else c.max,
        **span_cells(text, None if c is None else c.span, "count_"),
        "confidence": e.confidence, "salience": e.salience, "trace": list(e.trace),
    }  # fmt: skip


def doc_rows(doc: Doc, item: Item) -> dict[str, list[dict[str, Any]]]:
    """The rows of one extracted article in every table but `errors`."""
    a, text = doc.article, doc.article.text
    published = a.published
    places = {p.id: p for p in doc.places}

    def keyed(pos: int, record_id: str) -> dict[str, Any]:
        return {"article_id": a.id, "id": record_id, "pos": pos}

    return {
        "articles": [{
            "article_id": a.id, "input": item.key, "input_id": item.id, "digest": item.digest,
            "url": a.url, "title": a.title, "outlet": a.outlet,
            "published": None if published is None else published.isoformat(),
            "published_date": None if published is None else date(
                published.year, published.month, published.day),
            "language": a.language, "text": text,
            "body": [{"char_start": s.start, "char_end": s.end} for s in doc.body],
        }],
        "mentions": [{
            **keyed(i, m.id), **span_cells(text, m.span), "label": m.label, "stage": m.stage,
            **({f"actor_{k}": v for k, v in actor_cells(text, m.actor).items() if k != "text"}
               if m.actor is not None else {}),
        } for i, m in enumerate(doc.mentions)],
        "places": [{
            **keyed(i, p.id), **span_cells(text, p.span), "name": p.name, "kind": p.kind,
            "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
            "geonames_id": p.geonames_id, "confidence": p.confidence, "metonym": p.metonym,
            "within": p.within, "stage": p.stage,
        } for i, p in enumerate(doc.places)],
        "times": [{
            **keyed(i, t.id), **span_cells(text, t.span), "type": t.type, "value": t.value,
            "has_interval": t.interval is not None,
            "interval_start": None if t.interval is None else t.interval[0],
            "interval_end": None if t.interval is None else t.interval[1],
            "anchor": t.anchor, "stage": t.stage,
        } for i, t in enumerate(doc.times)],
        "sources": [{
            **keyed(i, s.id), "kind": s.kind, "name": s.name, "count": s.count,
            "affiliation": s.affiliation, "role": s.role, **span_cells(text, s.span),
            "stage": s.stage,
        } for i, s in enumerate(doc.sources)],
        "quotes": [{
            **keyed(i, q.id), **span_cells(text, q.span), "speaker": q.speaker,
            **span_cells(text, q.speaker_span, "speaker_"), **span_cells(text, q.cue, "cue_"),
            "direct": q.direct, "stage": q.stage,
        } for i, q in enumerate(doc.quotes)],
        "attributions": [{
            **keyed(i, r.id), "kind": r.kind, **span_cells(text, r.span),
            "content": [span_cells(text, piece) for piece in r.content], "source": r.source,
            **span_cells(text, r.source_span, "source_"), **span_cells(text, r.cue, "cue_"),
            "direct": r.direct, "quotes": list(r.quotes), "stage": r.stage,
        } for i, r in enumerate(doc.attributions)],
        "events": [{**keyed(i, e.id), **event_cells(text, e, places)}
                   for i, e in enumerate(doc.events)],
    }  # fmt: skip


def error_row(item: Item | ItemError, failure: Failure | None = None) -> dict[str, Any]:
    if isinstance(item, ItemError):
        return {"input": item.key, "digest": None, "article_id": None, "stage": item.stage,
                "error_type": item.error_type, "message": item.message}  # fmt: skip
    assert failure is not None
    return {"input": item.key, "digest": item.digest, "article_id": failure.article_id,
            "stage": failure.stage, "error_type": failure.error_type,
            "message": failure.message}  # fmt: skip


def partition_rows(
    read: Sequence[Item | ItemError], results: Iterable[Doc | Failure]
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for a partition: its inputs, and the result of each Item among
    them, in order."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    outcomes = iter(results)
    for item in read:
        if isinstance(item, ItemError):
            rows["errors"].append(error_row(item))
            continue
        outcome = next(outcomes)
        if isinstance(outcome, Failure):
            rows["errors"].append(error_row(item, outcome))
            continue
        for name, table_rows in doc_rows(outcome, item).items():
            rows[name] += table_rows
    return rows


def write_partition(output: Path, partition: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Each table's file for the partition, written whole (temporary name, then rename),
    the one that marks the partition finished last."""
    for name in sorted(TABLES, key=lambda n: n == FINISHED_BY):
        table = pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name])
        folder = output / name
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{partition}.", suffix=".tmp")
        os.close(fd)
        try:
            pq.write_table(table, temp, compression="zstd")
            os.chmod(temp, 0o644)
            os.replace(temp, folder / f"{partition}.parquet")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise


def is_finished(output: Path, partition: str) -> bool:
    return (output / FINISHED_BY / f"{partition}.parquet").is_file()


def remove_leftovers(output: Path) -> None:
    """Temporary files a killed run left behind (hidden, so no reader ever saw them)."""
    for name in TABLES:
        for path in (output / name).glob(".*.tmp"):
            with contextlib.suppress(OSError):
                path.unlink()
