"""`eventwire eval coref`: cross-document event coreference on MEANTIME-format JSON Lines.

Each record is run through the full pipeline with every verb an event (`events="all"`),
in publication order (as articles would arrive), written into a temporary store and linked
into stories by the same code ingest uses (`eventwire.corpus`). The key is MEANTIME's gold
event instances (`event_instance_id`), over the gold mentions that one of our events'
triggers overlaps (mentions without an instance are left out); each such mention takes the
story of the first event that overlaps it. Scores: MUC, B-cubed, CEAF-e and their mean
(CoNLL F1), overall, on the cross-document subset (the gold instances mentioned in two or
more articles), and per sub-corpus (the record's `corpus`) when there are several.

Baselines on the same mentions, in the same run:
- `same lemma within an article`: events of one article with the same trigger lemma are one
  event; nothing links across articles;
- `same lemma anywhere`: every event with the same lemma is one event;
- `no links`: every event on its own.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwire.api import make_article, run
from eventwire.corpus import Linker, stories
from eventwire.corpus.features import trigger_lemma
from eventwire.errors import InputError
from eventwire.evaluate.coref_scores import CorefScores, score_clusters
from eventwire.evaluate.factuality import load_documents
from eventwire.model import Doc
from eventwire.pipeline import DEFAULT_STAGES, Pipeline
from eventwire.settings import Settings
from eventwire.store import Entry, open_store

SYSTEMS = ("eventwire", "same lemma within an article", "same lemma anywhere", "no links")
Mention = tuple[str, str]  # (doc id, gold mention id)
Labeler = Callable[[str, str], Hashable]  # (doc id, event id) -> cluster label


@dataclass(frozen=True, slots=True)
class Part:
    """The scores of every system on one set of gold mentions."""

    name: str
    mentions: int
    instances: int
    scores: dict[str, CorefScores]

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": self.mentions, "instances": self.instances,
                "scores": {k: v.to_dict() for k, v in self.scores.items()}}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CorefResult:
    documents: int
    gold_mentions: int  # gold mentions with an instance id
    parts: list[Part]  # "all", "cross-document", then one per sub-corpus

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "gold_mentions": self.gold_mentions,
                "parts": {p.name: p.to_dict() for p in self.parts}}  # fmt: skip


def all_events_pipeline() -> Pipeline:
    return Pipeline.from_names(DEFAULT_STAGES, Settings(events="all"))


def extract_all(records: list[dict[str, Any]], pipeline: Pipeline) -> list[Doc]:
    docs: list[Doc] = []
    for record in records:
        article = make_article(record["text"], published=record.get("dct"),
                               url=record.get("url"), id=str(record["doc_id"]))  # fmt: skip
        docs.append(replace(run(article, pipeline=pipeline), parsed=None))
    return docs


def link_stories(docs: list[Doc]) -> dict[tuple[str, str], int]:
    """(article id, event id) -> story, through a temporary store, as ingest links them."""
    linker = Linker()
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "c.db")) as store:
        for doc in docs:
            with store.transaction():
                store.write([Entry(doc)])
                linker.link(store, doc)
        return {(e["article"], e["event"]): s["id"] for s in stories(store) for e in s["events"]}


def gold_matches(records: list[dict[str, Any]], docs: list[Doc]) -> tuple[
    dict[Mention, str], dict[Mention, tuple[str, str]], int
]:  # fmt: skip
    """Gold instance and matched event (doc id, event id) of each matched gold mention."""
    key: dict[Mention, str] = {}
    matched: dict[Mention, tuple[str, str]] = {}
    total = 0
    for record, doc in zip(records, docs, strict=True):
        for mention in record["event_mentions"]:
            instance = mention.get("event_instance_id")
            if not instance or mention.get("start") is None:
                continue
            total += 1
            event = next((e for e in doc.events
                          if e.trigger.start < mention["end"] and mention["start"] < e.trigger.end),
                         None)  # fmt: skip
            if event is not None:
                m = (doc.article.id, str(mention["m_id"]))
                key[m], matched[m] = instance, (doc.article.id, event.id)
    return key, matched, total


def raw_lemmas(docs: list[Doc]) -> dict[tuple[str, str], str]:
    """The trigger lemma the event stage matched, unstemmed (for the baselines)."""
    out = {}
    for doc in docs:
        for e in doc.events:
            step = next((t for t in e.trace if t.startswith("trigger:")), "")
            parts = step.split(":", 2)
            lemma = parts[2].split("->")[0].strip() if len(parts) == 3 else ""
            out[(doc.article.id, e.id)] = lemma or trigger_lemma(e, doc.text_of(e.trigger))
    return out


def score(path: Path, *, pipeline: Pipeline | None = None) -> CorefResult:
    records = load_documents(path)
    for number, record in enumerate(records, start=1):
        if "doc_id" not in record:
            raise InputError(f"{path}: record {number} has no doc_id (not a MEANTIME record)")
    records.sort(key=lambda r: (str(r.get("dct") or ""), str(r["doc_id"])))
    docs = extract_all(records, pipeline or all_events_pipeline())
    story = link_stories(docs)
    lemma = raw_lemmas(docs)
    labelers: dict[str, Labeler] = {
        "eventwire": lambda doc, ev: story[(doc, ev)],
        "same lemma within an article": lambda doc, ev: (doc, lemma[(doc, ev)]),
        "same lemma anywhere": lambda doc, ev: lemma[(doc, ev)],
        "no links": lambda doc, ev: (doc, ev),
    }
    key, matched, total = gold_matches(records, docs)
    articles: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for mention in record["event_mentions"]:
            if mention.get("event_instance_id"):
                articles[mention["event_instance_id"]].add(str(record["doc_id"]))
    corpus_of = {str(r["doc_id"]): str(r.get("corpus") or "") for r in records}
    # (name, sub-corpus or None for all, cross-document instances only)
    subsets: list[tuple[str, str | None, bool]] = [("all", None, False),
                                                   ("cross-document", None, True)]  # fmt: skip
    corpora = sorted(set(corpus_of.values()) - {""})
    if len(corpora) > 1:
        for name in corpora:
            subsets += [(name, name, False), (f"{name} cross-document", name, True)]
    parts = []
    for name, corpus, cross in subsets:
        part_key = {m: i for m, i in key.items()
                    if (corpus is None or corpus_of[m[0]] == corpus)
                    and (not cross or len(articles[i]) > 1)}  # fmt: skip
        scores = {
            system: score_clusters(part_key, {m: label(*matched[m]) for m in part_key})
            for system, label in labelers.items()
        }
        parts.append(Part(name, len(part_key), len(set(part_key.values())), scores))
    return CorefResult(documents=len(records), gold_mentions=total, parts=parts)


def format_scores(result: CorefResult) -> str:
    lines = [
        f"Event coreference vs MEANTIME instances: {result.documents} documents, "
        f"{result.gold_mentions} gold mentions with an instance",
        "scored over the gold mentions our events' triggers overlap; CoNLL F1 = mean of "
        "MUC, B-cubed and CEAF-e F1",
    ]
    for part in result.parts:
        lines += ["", f"{part.name}: {part.mentions} mentions of {part.instances} instances",
                  f"  {'system':<30} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}"]  # fmt: skip
        for system, s in part.scores.items():
            lines.append(f"  {system:<30} {s.muc.f1:>6.3f} {s.b_cubed.f1:>6.3f} "
                         f"{s.ceaf_e.f1:>6.3f} {s.conll_f1:>6.3f}")  # fmt: skip
    return "\n".join(lines)
