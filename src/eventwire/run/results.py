"""Read `run`'s Parquet tables back into docs: what `eventwire ingest --parquet DIR` loads.

`ParquetResults(DIR)` gives the inputs of every finished partition (`items()`: an Item per
article, an ItemError per input that could not be read) and, like ingest's `Workers`,
`map(items)`, each Item with its doc, or with its Failure, as `run` extracted it. So the
store takes them exactly as it takes a fresh extraction: skipped when stored before, every
record written, failures recorded.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from eventwire.errors import InputError
from eventwire.model import (
    Actor,
    Article,
    Attribution,
    Count,
    Doc,
    Event,
    EventTime,
    Mention,
    Span,
)
from eventwire.output import ArticleResult
from eventwire.pipeline import DEFAULT_STAGES
from eventwire.read.items import Item, ItemError
from eventwire.run.tables import FINISHED_BY, TABLES
from eventwire.settings import Settings
from eventwire.store.base import Failure
from eventwire.store.rows import (
    make_span,
    parse_iso,
    place_from,
    quote_from,
    source_from,
    time_from,
)

log = logging.getLogger(__name__)

MANIFEST = "_eventwire.json"


def actor_of(row: dict[str, Any], prefix: str = "") -> Actor:
    def cell(key: str) -> Any:
        return row[prefix + key]

    where = make_span(cell("char_start"), cell("char_end"))
    return Actor(name=cell("name"), country=cell("country"), sector=cell("sector"),
                 role=cell("role"), sponsor=cell("sponsor"), span=where,
                 rule=cell("rule") or "")  # fmt: skip


def event_of(row: dict[str, Any]) -> Event:
    time = None
    if row["time_relation"] is not None:
        interval = (row["time_start"], row["time_end"]) if row["time_has_interval"] else None
        time = EventTime(row["time_relation"], row["time_value"], interval, row["time_id"])
    count = None
    if any(row[k] is not None for k in ("count_min", "count_max", "count_start")):
        count = Count(
            row["count_min"], row["count_max"], make_span(row["count_start"], row["count_end"])
        )
    return Event(
        id=row["id"], type=row["type"], plover_type=row["plover_type"], mode=row["mode"],
        modality=row["modality"],
        modality_cue=make_span(row["modality_cue_start"], row["modality_cue_end"]),
        trigger=Span(row["trigger_start"], row["trigger_end"]),
        sentence=Span(row["sentence_start"], row["sentence_end"]),
        actors=tuple(actor_of(a) for a in row["actors"]),
        recipients=tuple(actor_of(a) for a in row["recipients"]),
        confidence=row["confidence"], trace=tuple(row["trace"]), place=row["place"], time=time,
        attributed_to=tuple(row["attributed_to"]), count=count, context=tuple(row["context"]),
        salience=row["salience"],
    )  # fmt: skip


def mention_of(row: dict[str, Any]) -> Mention:
    actor = actor_of(row, "actor_") if row["actor_name"] is not None else None
    return Mention(row["id"], Span(row["char_start"], row["char_end"]), row["label"], actor,
                   row["stage"])  # fmt: skip


def attribution_of(row: dict[str, Any]) -> Attribution:
    return Attribution(
        id=row["id"], kind=row["kind"], span=Span(row["char_start"], row["char_end"]),
        content=tuple(Span(p["char_start"], p["char_end"]) for p in row["content"]),
        source=row["source"], source_span=make_span(row["source_start"], row["source_end"]),
        cue=make_span(row["cue_start"], row["cue_end"]), direct=bool(row["direct"]),
        stage=row["stage"], quotes=tuple(row["quotes"]),
    )  # fmt: skip


RECORDS = {"mentions": mention_of, "places": place_from, "times": time_from, "sources": source_from,
           "quotes": quote_from, "attributions": attribution_of, "events": event_of}  # fmt: skip


def doc_of(article: dict[str, Any], records: dict[str, list[dict[str, Any]]]) -> ArticleResult:
    fields: dict[str, Any] = {}
    for name, make in RECORDS.items():
        # by position, once each (the same text twice in a partition has its rows twice)
        rows = {r["pos"]: r for r in records.get(name, ())}
        fields[name] = tuple(make(rows[pos]) for pos in sorted(rows))
    return ArticleResult(
        article=Article(id=article["article_id"], text=article["text"],
                        published=parse_iso(article["published"]), url=article["url"],
                        title=article["title"], outlet=article["outlet"],
                        language=article["language"]),
        body=tuple(Span(s["char_start"], s["char_end"]) for s in article["body"]),
        **fields,
    )  # fmt: skip


def check_run_output(folder: Path) -> None:
    """An InputError unless `folder` is the output folder of an `eventwire run`."""
    if not (folder / FINISHED_BY).is_dir():
        raise InputError(f"{folder} holds no eventwire run output (no {FINISHED_BY}/ folder)")


class ParquetResults:
    """The finished partitions of a `run` output folder, as inputs and their results."""

    def __init__(self, folder: Path, *, settings: Settings | None = None) -> None:
        self.folder = folder
        self.settings = settings if settings is not None else Settings()  # as Workers
        check_run_output(folder)
        self.partitions = sorted(p.stem for p in (folder / FINISHED_BY).glob("*.parquet"))
        # input key -> its results not yet taken (an input named twice has two)
        self.results: defaultdict[str, list[Doc | Failure]] = defaultdict(list)
        manifest = folder / MANIFEST
        stages = (
            json.loads(manifest.read_text("utf-8")).get("stages") if manifest.is_file() else None
        )
        self.stage_names = tuple(stages or DEFAULT_STAGES)

    @property
    def total(self) -> int:
        return sum(pq.ParquetFile(self.folder / t / f"{p}.parquet").metadata.num_rows
                   for p in self.partitions for t in (FINISHED_BY, "errors"))  # fmt: skip

    def read(self, partition: str) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = {}
        for name in TABLES:
            path = self.folder / name / f"{partition}.parquet"
            if not path.is_file():
                raise InputError(
                    f"{path} is missing: the output of partition {partition} is not whole"
                )
            tables[name] = pq.read_table(path).to_pylist()
        return tables

    def items(self) -> Iterator[Item | ItemError]:
        """Each partition's inputs; their results wait in `results` until `map` asks."""
        for partition in self.partitions:
            self.results.clear()  # what is left is for items the store had (skipped)
            tables = self.read(partition)
            by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(
                lambda: defaultdict(list))  # fmt: skip
            for name in RECORDS:
                for row in tables[name]:
                    by_article[row["article_id"]][name].append(row)
            for row in tables["errors"]:
                if row["digest"] is None:  # the input could not be read
                    yield ItemError(row["input"], row["stage"], row["error_type"], row["message"])
                    continue
                failure = Failure(row["input"], row["stage"], row["error_type"], row["message"],
                                  row["article_id"])  # fmt: skip
                self.results[row["input"]].append(failure)
                yield Item(key=row["input"], content="", digest=row["digest"])
            for article in tables["articles"]:
                self.results[article["input"]].append(
                    doc_of(article, by_article[article["article_id"]])
                )
                yield Item(key=article["input"], content=article["text"], digest=article["digest"],
                           id=article["input_id"])  # fmt: skip

    def map(self, items: Iterable[Item]) -> Iterator[tuple[Item, Doc | Failure]]:
        for item in items:
            yield item, self.results[item.key].pop(0)

    def close(self) -> None:
        self.results.clear()
