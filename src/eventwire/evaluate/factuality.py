"""Score event modality against MEANTIME's factuality annotation.

MEANTIME marks each event mention with polarity (POS/NEG), time (FUTURE/NON_FUTURE) and
certainty (CERTAIN/PROBABLE/POSSIBLE). We run the pipeline with every verb as an event
(scope "all"), match our events to gold mentions by overlapping trigger spans, map our
modality onto the three attributes, and report the agreement on each, beside the agreement
of always answering the gold's most frequent value (the majority-class baseline). Only the
fully annotated sentences 0-5 of each article are scored (see gold/README.md).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.api import make_article
from eventwire.errors import InputError
from eventwire.model import Doc
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

SCORED_SENTENCES = 6
ATTRIBUTES = ("polarity", "time", "certainty")

# How each modality reads in MEANTIME's terms.
POLARITY = {"negated": "NEG", "denied": "NEG"}
FUTURE = frozenset({"planned", "expected", "predicted", "hypothetical", "requested", "threatened"})
CERTAINTY = {
    "expected": "PROBABLE",
    "predicted": "PROBABLE",
    "alleged": "PROBABLE",
    "hypothetical": "POSSIBLE",
}


def attributes_of(modality: str) -> dict[str, str]:
    return {
        "polarity": POLARITY.get(modality, "POS"),
        "time": "FUTURE" if modality in FUTURE else "NON_FUTURE",
        "certainty": CERTAINTY.get(modality, "CERTAIN"),
    }


@dataclass
class FactualityScores:
    documents: int
    gold_mentions: int
    matched: int
    agreement: dict[str, float]
    baseline: dict[str, float]
    majority: dict[str, str]
    per_value: dict[str, dict[str, dict[str, int]]]

    @property
    def hedged(self) -> tuple[int, int]:
        """(right, all) of our hedged outputs (expected, predicted, hypothetical, alleged:
        certainty PROBABLE or POSSIBLE): right when the gold is not CERTAIN either."""
        right = total = 0
        for gold, predicted in self.per_value["certainty"].items():
            for value, n in predicted.items():
                if value != "CERTAIN":
                    total += n
                    right += n if gold in {"PROBABLE", "POSSIBLE"} else 0
        return right, total

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_mentions": self.gold_mentions,
            "matched": self.matched,
            "agreement": {k: round(v, 4) for k, v in self.agreement.items()},
            "majority_baseline": {k: round(v, 4) for k, v in self.baseline.items()},
            "majority_value": self.majority,
            "per_value": self.per_value,
            "hedged_right": self.hedged[0],
            "hedged_total": self.hedged[1],
        }


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def load_documents(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    docs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["text"], record["event_mentions"]
        except (json.JSONDecodeError, KeyError) as exc:
            raise InputError(f"{path}:{number}: not a MEANTIME record ({exc})") from exc
        docs.append(record)
    return docs


def all_events_pipeline() -> Pipeline:
    return Pipeline.from_names(
        ("body", "parse", "actors", "times", "events"), Settings(events="all")
    )


def score(path: Path, *, pipeline: Pipeline | None = None) -> FactualityScores:
    docs = load_documents(path)
    pipe = pipeline or all_events_pipeline()
    gold_values: dict[str, Counter[str]] = {a: Counter() for a in ATTRIBUTES}
    hits: Counter[str] = Counter()
    per_value: dict[str, dict[str, dict[str, int]]] = {a: {} for a in ATTRIBUTES}
    gold_total = 0
    matched = 0
    for record in docs:
        text = record["text"]
        limit = sentence_starts(text)
        end_of_scored = limit[SCORED_SENTENCES] if len(limit) > SCORED_SENTENCES else len(text)
        doc = pipe(Doc(article=make_article(text, published=record.get("dct"))))
        for mention in record["event_mentions"]:
            if mention.get("polarity") is None or mention.get("start") is None:
                continue
            if mention["start"] >= end_of_scored:
                continue
            gold_total += 1
            gold = {a: mention.get(a) for a in ATTRIBUTES}
            for attribute in ATTRIBUTES:
                gold_values[attribute][gold[attribute]] += 1
            event = next(
                (
                    e
                    for e in doc.events
                    if e.trigger.start < mention["end"] and mention["start"] < e.trigger.end
                ),
                None,
            )
            if event is None:
                continue
            matched += 1
            predicted = attributes_of(event.modality)
            for attribute in ATTRIBUTES:
                hits[attribute] += predicted[attribute] == gold[attribute]
                cell = per_value[attribute].setdefault(gold[attribute], {})
                cell[predicted[attribute]] = cell.get(predicted[attribute], 0) + 1
    majority = {a: c.most_common(1)[0][0] if c else "" for a, c in gold_values.items()}
    agreement = {a: hits[a] / matched if matched else 0.0 for a in ATTRIBUTES}
    # The baseline answers the majority value on the same matched mentions.
    baseline = {
        a: sum(
            n
            for value, n in per_value[a].items()
            for n in [sum(per_value[a][value].values())]
            if value == majority[a]
        )
        / matched
        if matched
        else 0.0
        for a in ATTRIBUTES
    }
    return FactualityScores(
        documents=len(docs),
        gold_mentions=gold_total,
        matched=matched,
        agreement=agreement,
        baseline=baseline,
        majority=majority,
        per_value=per_value,
    )


def format_scores(scores: FactualityScores) -> str:
    lines = [
        f"Modality vs MEANTIME factuality: {scores.documents} documents, sentences 0-5",
        f"  gold event mentions {scores.gold_mentions}, matched by our events {scores.matched}"
        f" ({scores.matched / scores.gold_mentions:.1%})"
        if scores.gold_mentions
        else "",
        "",
        f"  {'attribute':<10} {'agreement':>9} {'majority baseline':>18}",
    ]
    for attribute in ATTRIBUTES:
        lines.append(
            f"  {attribute:<10} {scores.agreement[attribute]:>9.3f} "
            f"{scores.baseline[attribute]:>10.3f} ({scores.majority[attribute]})"
        )
    right, total = scores.hedged
    if total:
        lines.append(
            f"  hedged outputs (not certain): {right}/{total} right ({right / total:.1%}) "
            "against the gold's certainty"
        )
    return "\n".join(lines)
