"""Score the time stage TempEval-3 style on MEANTIME JSON Lines.

Each record: {doc_id, dct, text, timex3: [{start, end, text, type, value,
functionInDocument, ...}]}. The stage runs with `dct` as the publication date. Scored:
sentences 0-5 only (the line index in `text`; MEANTIME is annotated in full only there),
without the CREATION_TIME timex (the dateline) and timexes without a span. A predicted
expression overlapping an excluded gold timex (the dateline) is not scored either.

Figures: strict span P/R/F1 (same start and end), relaxed span P/R/F1 (overlap, one to one),
value accuracy and type accuracy on relaxed matches, and value F1 (overlap AND equal value).
By TIMEX3 type (DATE, TIME, DURATION, SET), value P/R/F1: recall over the gold expressions of
the type (matched with the gold value), precision over the predictions of the type (matched
with the gold value), so a type with few gold expressions shows how few.
The share of the time stage in the run (times / (body + parse + times)) is reported too.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluate.folds import held_out, in_part
from eventwire.model import Article, Doc, Span

SCORED_LINES = 6  # sentences 0-5
TYPES = ("DATE", "TIME", "DURATION", "SET")
# Below this many gold expressions a type's figures are printed with a warning: one
# expression more or less moves them by more than 5 points.
FEW = 20


@dataclass(frozen=True, slots=True)
class GoldTimex:
    span: Span
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Mismatch:
    doc_id: str
    gold: str | None  # "text|TYPE|value", None for a spurious prediction
    predicted: str | None  # None for a missed gold timex


@dataclass(slots=True)
class TimexScores:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    strict_matches: int = 0
    relaxed_matches: int = 0
    value_matches: int = 0
    type_matches: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    # per TIMEX3 type: gold and predicted counts, and those matched with the gold value
    gold_by_type: dict[str, int] = field(default_factory=dict)
    predicted_by_type: dict[str, int] = field(default_factory=dict)
    gold_right_by_type: dict[str, int] = field(default_factory=dict)
    predicted_right_by_type: dict[str, int] = field(default_factory=dict)

    def by_type(self) -> dict[str, dict[str, float]]:
        """Value P/R/F1 per TIMEX3 type, with the gold and predicted counts."""
        out: dict[str, dict[str, float]] = {}
        for kind in TYPES:
            gold, predicted = self.gold_by_type.get(kind, 0), self.predicted_by_type.get(kind, 0)
            p = self.predicted_right_by_type.get(kind, 0) / predicted if predicted else 0.0
            r = self.gold_right_by_type.get(kind, 0) / gold if gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out[kind] = {"gold": gold, "predicted": predicted, "value_p": p, "value_r": r,
                         "value_f1": f1}  # fmt: skip
        return out

    def figures(self) -> dict[str, float]:
        strict = prf(self.strict_matches, self.predicted, self.gold)
        relaxed = prf(self.relaxed_matches, self.predicted, self.gold)
        value = prf(self.value_matches, self.predicted, self.gold)
        matched = self.relaxed_matches or 1
        parse = sum(v for k, v in self.seconds.items() if k != "times")
        total = parse + self.seconds.get("times", 0.0)
        return {
            "strict_p": strict[0],
            "strict_r": strict[1],
            "strict_f1": strict[2],
            "relaxed_p": relaxed[0],
            "relaxed_r": relaxed[1],
            "relaxed_f1": relaxed[2],
            "value_accuracy": self.value_matches / matched,
            "type_accuracy": self.type_matches / matched,
            "value_p": value[0],
            "value_r": value[1],
            "value_f1": value[2],
            "times_share": self.seconds.get("times", 0.0) / total if total else 0.0,
        }

    def to_dict(self) -> dict[str, Any]:
        counts = {
            k: v for k, v in asdict(self).items() if k != "mismatches" and not k.endswith("_type")
        }
        types = {
            kind: {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
            for kind, row in self.by_type().items()
        }
        figures = {k: round(v, 4) for k, v in self.figures().items()}
        return {**counts, **figures, "by_type": types}


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{path}:{number}: not JSON: {exc}") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def scored_limit(text: str) -> int:
    """The character offset where sentence 6 (line index 6) starts."""
    offset = 0
    for _ in range(SCORED_LINES):
        newline = text.find("\n", offset)
        if newline < 0:
            return len(text)
        offset = newline + 1
    return offset


def gold_timexes(record: dict[str, Any]) -> tuple[list[GoldTimex], list[Span]]:
    """The scored gold timexes and the spans excluded from scoring (the dateline)."""
    limit = scored_limit(record["text"])
    gold, excluded = [], []
    for t in record.get("timex3", []):
        if t.get("start") is None or t.get("end") is None:
            continue
        span = Span(t["start"], t["end"])
        if t.get("functionInDocument") == "CREATION_TIME":
            excluded.append(span)
        elif span.start < limit:
            gold.append(GoldTimex(span, t.get("type") or "", t.get("value") or ""))
    return gold, excluded


def match(gold: list[GoldTimex], predicted: list[Any]) -> list[tuple[GoldTimex, Any]]:
    """One-to-one overlap matching, largest overlap first."""
    pairs = []
    for g in gold:
        for p in predicted:
            if g.span.overlaps(p.span):
                overlap = min(g.span.end, p.span.end) - max(g.span.start, p.span.start)
                pairs.append((overlap, g.span == p.span, g, p))
    pairs.sort(key=lambda x: (-x[1], -x[0]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, _, g, p in pairs:
        if id(g) not in used_g and id(p) not in used_p:
            used_g.add(id(g))
            used_p.add(id(p))
            matched.append((g, p))
    return matched


def evaluate_timex(path: Path, *, limit: int | None = None, part: str = "all") -> TimexScores:
    """Score the time stage on the file's records (the first `limit`; only those of `part`:
    "dev" or "held-out", see folds.py)."""
    from eventwire.pipeline import load_stage

    held = held_out(str(r["doc_id"]) for r in read_records(path)) if part != "all" else frozenset()
    stages = [load_stage(name) for name in ("body", "parse", "times")]
    scores = TimexScores(seconds={s.name: 0.0 for s in stages})
    for n, record in enumerate(read_records(path)):
        if limit is not None and n >= limit:
            break
        if not in_part(str(record["doc_id"]), part, held):
            continue
        doc = Doc(
            article=Article(
                id=str(record["doc_id"]),
                text=record["text"],
                published=date.fromisoformat(record["dct"]),
            )
        )
        for stage in stages:
            started = time.perf_counter()
            doc = stage(doc)
            scores.seconds[stage.name] += time.perf_counter() - started
        score_doc(scores, record, doc)
    return scores


def score_doc(scores: TimexScores, record: dict[str, Any], doc: Doc) -> None:
    text = record["text"]
    gold, excluded = gold_timexes(record)
    limit = scored_limit(text)
    predicted = [
        t
        for t in doc.times
        if t.span.start < limit and not any(t.span.overlaps(x) for x in excluded)
    ]
    pairs = match(gold, predicted)
    scores.docs += 1
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    for g in gold:
        scores.gold_by_type[g.type] = scores.gold_by_type.get(g.type, 0) + 1
    for t in predicted:
        scores.predicted_by_type[t.type] = scores.predicted_by_type.get(t.type, 0) + 1
    for g, p in pairs:
        if g.value == p.value:
            scores.gold_right_by_type[g.type] = scores.gold_right_by_type.get(g.type, 0) + 1
            right = scores.predicted_right_by_type
            right[p.type] = right.get(p.type, 0) + 1
        scores.relaxed_matches += 1
        scores.strict_matches += g.span == p.span
        scores.value_matches += g.value == p.value
        scores.type_matches += g.type == p.type
        if g.value != p.value or g.span != p.span:
            scores.mismatches.append(
                Mismatch(record["doc_id"], describe(text, g), describe(text, p))
            )
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    scores.mismatches.extend(
        Mismatch(record["doc_id"], describe(text, g), None) for g in gold if id(g) not in matched_g
    )
    scores.mismatches.extend(
        Mismatch(record["doc_id"], None, describe(text, p))
        for p in predicted
        if id(p) not in matched_p
    )


def describe(text: str, item: Any) -> str:
    return f"{item.span.of(text)}|{item.type}|{item.value}"


def format_table(scores: TimexScores) -> str:
    f = scores.figures()
    rows = [
        f"MEANTIME timex: {scores.docs} docs, {scores.gold} gold, {scores.predicted} predicted",
        f"{'':<14}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'strict span':<14}{f['strict_p']:>8.3f}{f['strict_r']:>8.3f}{f['strict_f1']:>8.3f}",
        f"{'relaxed span':<14}{f['relaxed_p']:>8.3f}{f['relaxed_r']:>8.3f}{f['relaxed_f1']:>8.3f}",
        f"{'value':<14}{f['value_p']:>8.3f}{f['value_r']:>8.3f}{f['value_f1']:>8.3f}",
        f"value accuracy on matched spans: {f['value_accuracy']:.3f}",
        f"type accuracy on matched spans:  {f['type_accuracy']:.3f}",
        f"{'value by type':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>6}{'pred':>6}",
        *(
            f"{'  ' + kind:<14}{row['value_p']:>8.3f}{row['value_r']:>8.3f}{row['value_f1']:>8.3f}"
            f"{row['gold']:>6}{row['predicted']:>6}"
            + (f"  (under {FEW} gold: too few to judge)" if row["gold"] < FEW else "")
            for kind, row in scores.by_type().items()
        ),
        "stage seconds: "
        + ", ".join(f"{k} {v:.2f}" for k, v in scores.seconds.items())
        + f" (times share {f['times_share']:.1%})",
    ]
    return "\n".join(rows)


def format_mismatches(scores: TimexScores) -> str:
    return "\n".join(
        f"{m.doc_id}\tgold={m.gold}\tpredicted={m.predicted}" for m in scores.mismatches
    )
