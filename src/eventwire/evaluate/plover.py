"""Score event types and actors on the PLOVER gold-standard records.

Scoring follows the gold set's own description (gold/plover SOURCE.md):
- event type: micro precision, recall and F1 over (sentence, category) pairs, with the gold
  category `event_plover_current` against our `plover_type`; also per category;
- actors and recipients: for each gold event whose category we predicted in its sentence, the
  set of country codes of our events of that category against the gold codes. "exact" needs
  equal sets, "overlap" one shared code. Reciprocal records compare actors and recipients
  together, in any order. A recipient of the actor's own country counts: the gold codes
  domestic events that way (Algerian protesters against the Algerian government: DZA -> DZA).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.api import make_article
from eventwire.errors import InputError
from eventwire.model import Doc, Event
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import Settings

# The gold set codes Japan as JAP; everything else is ISO alpha-3.
CODE_FIXES = {"JAP": "JPN"}


@dataclass
class GoldSentence:
    text: str
    types: set[str] = field(default_factory=set)
    # category -> list of (actor codes, recipient codes, reciprocal)
    args: dict[str, list[tuple[frozenset[str], frozenset[str], bool]]] = field(
        default_factory=lambda: defaultdict(list)
    )


@dataclass
class PloverScores:
    sentences: int
    gold_events: int
    true_positives: int
    false_positives: int
    false_negatives: int
    actor_exact: float
    actor_overlap: float
    recipient_exact: float
    recipient_overlap: float
    actor_scored: int
    recipient_scored: int
    per_type: dict[str, dict[str, float]]

    @property
    def precision(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold_events": self.gold_events,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "actor_exact": round(self.actor_exact, 4),
            "actor_overlap": round(self.actor_overlap, 4),
            "recipient_exact": round(self.recipient_exact, 4),
            "recipient_overlap": round(self.recipient_overlap, 4),
            "actor_scored": self.actor_scored,
            "recipient_scored": self.recipient_scored,
            "per_type": self.per_type,
        }


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def codes(items: Iterable[dict[str, Any]]) -> frozenset[str]:
    out = set()
    for item in items:
        code = item.get("code")
        if code:
            out.add(CODE_FIXES.get(code, code)[:3])
    return frozenset(out)


def load_gold(path: Path) -> list[GoldSentence]:
    by_text: dict[str, GoldSentence] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            etype = record["event_plover_current"]
        except (json.JSONDecodeError, KeyError) as exc:
            raise InputError(f"{path}:{number}: not a PLOVER gold record ({exc})") from exc
        sentence = by_text.setdefault(text, GoldSentence(text=text))
        sentence.types.add(etype)
        sentence.args[etype].append(
            (
                codes(record.get("actor", [])),
                codes(record.get("recipient", [])),
                bool(record.get("reciprocal")),
            )
        )
    return list(by_text.values())


def plover_events(doc: Doc) -> list[Event]:
    """Every event the pipeline emits with a PLOVER category: what a user of `extract` gets."""
    return [e for e in doc.events if e.plover_type != "OTHER"]


def in_fold(text: str, fold: tuple[int, int] | None) -> bool:
    """Whether a sentence is in fold K of N (a stable hash of its text decides)."""
    if fold is None:
        return True
    k, n = fold
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % n == k


def predicted_codes(doc: Doc, etype: str) -> tuple[frozenset[str], frozenset[str]]:
    actors: set[str] = set()
    recipients: set[str] = set()
    for event in plover_events(doc):
        if event.plover_type != etype:
            continue
        actors |= {a.country for a in event.actors if a.country}
        recipients |= {a.country for a in event.recipients if a.country}
    return frozenset(actors), frozenset(recipients)


def score(
    path: Path, *, pipeline: Pipeline | None = None, fold: tuple[int, int] | None = None
) -> PloverScores:
    """Score on the gold records (all of them, or fold K of N of their sentences)."""
    gold = [s for s in load_gold(path) if in_fold(s.text, fold)]
    pipe = pipeline or build_pipeline(Settings())  # what `extract` runs by default
    tp = fp = fn = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    actor_hits = Counter[str]()
    recipient_hits = Counter[str]()
    for sentence in gold:
        doc = pipe(Doc(article=make_article(sentence.text)))
        predicted = {e.plover_type for e in plover_events(doc)}
        for etype in predicted | sentence.types:
            hit = etype in predicted and etype in sentence.types
            if hit:
                tp += 1
                per_type[etype]["tp"] += 1
            elif etype in predicted:
                fp += 1
                per_type[etype]["fp"] += 1
            else:
                fn += 1
                per_type[etype]["fn"] += 1
        for etype in predicted & sentence.types:
            got_actors, got_recipients = predicted_codes(doc, etype)
            for gold_actors, gold_recipients, reciprocal in sentence.args[etype]:
                if reciprocal:
                    gold_actors = gold_actors | gold_recipients
                    gold_recipients = frozenset()
                    mine = got_actors | got_recipients
                else:
                    mine = got_actors
                if gold_actors:
                    actor_hits["n"] += 1
                    actor_hits["exact"] += mine == gold_actors
                    actor_hits["overlap"] += bool(mine & gold_actors)
                if gold_recipients:
                    recipient_hits["n"] += 1
                    recipient_hits["exact"] += got_recipients == gold_recipients
                    recipient_hits["overlap"] += bool(got_recipients & gold_recipients)
    table = {}
    for etype, c in sorted(per_type.items()):
        p = ratio(c["tp"], c["tp"] + c["fp"])
        r = ratio(c["tp"], c["tp"] + c["fn"])
        table[etype] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1(p, r), 3),
            "support": c["tp"] + c["fn"],
        }
    return PloverScores(
        sentences=len(gold),
        gold_events=sum(len(s.types) for s in gold),
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        actor_exact=ratio(actor_hits["exact"], actor_hits["n"]),
        actor_overlap=ratio(actor_hits["overlap"], actor_hits["n"]),
        recipient_exact=ratio(recipient_hits["exact"], recipient_hits["n"]),
        recipient_overlap=ratio(recipient_hits["overlap"], recipient_hits["n"]),
        actor_scored=actor_hits["n"],
        recipient_scored=recipient_hits["n"],
        per_type=table,
    )


def format_scores(scores: PloverScores) -> str:
    lines = [
        f"PLOVER event types on {scores.sentences} sentences ({scores.gold_events} gold events)",
        f"  precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}",
        f"  actor country: exact {scores.actor_exact:.3f}, overlap {scores.actor_overlap:.3f}"
        f" (n={scores.actor_scored})",
        f"  recipient country: exact {scores.recipient_exact:.3f}, overlap "
        f"{scores.recipient_overlap:.3f} (n={scores.recipient_scored})",
        "",
        f"  {'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
    ]
    for etype, row in scores.per_type.items():
        lines.append(
            f"  {etype:<10} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}"
            f" {row['support']:>5}"
        )
    return "\n".join(lines)
