"""Score attributions (source, cue, content) against PolNeAR-format gold (JSON Lines).

Gold format, one article a line (PolNeAR's own fields; see the data's SOURCE.md):

    {"doc_id": "...", "text": "...", "publication_date": "YYYY-MM-DD",
     "annotations": [{"annotator": "...", "attributions": [
        {"has_source": true, "source": [{"start", "end", "text"}], "cue": [...],
         "content": [...]}, ...]}]}

The first annotation set of each article is the gold. Measures (after PARC and PolNeAR's
scoring of attribution relations):

- content (relaxed match, the headline figure): a predicted attribution is right when its
  content shares a word with a gold attribution's content (P = right / predicted), and a
  gold attribution is found when a predicted one shares a word with it (R = found / gold).
- paired: the same, one to one (pairs sharing most words first), so that an attribution
  cut in two, or one swallowing two, is counted once.
- strict: pairs whose contents have the same words (quote marks, punctuation and spaces
  aside).
- content words: over the pairs, shared words / predicted words (P) and / gold words (R).
- speaker accuracy: over the found gold attributions, the share whose predicted source span
  (of the predicted attribution sharing most words with it) overlaps the gold source span;
  an agentless gold attribution is right when no source is predicted.
- recall by the gold cue's kind (`cue_kinds.py`: speech verb, belief or intention,
  according to, document, other), and precision by the predicted attribution's kind.

Every figure is given for all articles, for the tuning part and for the held-out fold:
every fifth article in the order of their ids (the 5th, 10th, ...), which is not looked at
while tuning (docs/evaluation.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluate.cue_kinds import KINDS, classify_cue
from eventwire.evaluate.quotes import pair, words
from eventwire.model import Doc, Span

# Every this-many-th article (in id order) is the held-out fold.
HELD_OUT_EVERY = 5
FOLDS = ("all", "tuning", "held-out")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    kind: str = "other"  # filled in once the text is parsed (cue_kinds.KINDS)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the scorer reads of a predicted attribution (or of a quote)."""

    content: tuple[Span, ...]
    source: Span | None
    kind: str


def prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    return prf_of(hits, predicted, hits, gold)


def prf_of(right: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    """P = right / predicted, R = found / gold, and their harmonic mean."""
    p = right / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


@dataclass(slots=True)
class Tally:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold attributions sharing a word with a predicted one
    right: int = 0  # predicted attributions sharing a word with a gold one
    pairs: int = 0
    strict_pairs: int = 0
    speaker_right: int = 0
    gold_words: int = 0
    predicted_words: int = 0
    shared_words: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    found_by_kind: dict[str, int] = field(default_factory=dict)
    predicted_by_kind: dict[str, int] = field(default_factory=dict)
    right_by_kind: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kinds = [k for k in KINDS if self.gold_by_kind.get(k)]
        return {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "content": prf_of(self.right, self.predicted, self.found, self.gold),
            "paired": prf(self.pairs, self.predicted, self.gold),
            "strict": prf(self.strict_pairs, self.predicted, self.gold),
            "content_words": prf(self.shared_words, self.predicted_words, self.gold_words),
            "speaker_accuracy": round(self.speaker_right / self.found, 3) if self.found else 0.0,
            "recall_by_cue_kind": {
                k: {
                    "gold": self.gold_by_kind[k],
                    "recall": round(self.found_by_kind.get(k, 0) / self.gold_by_kind[k], 3),
                }
                for k in kinds
            },
            "precision_by_kind": {
                k: {"predicted": n, "precision": round(self.right_by_kind.get(k, 0) / n, 3)}
                for k, n in sorted(self.predicted_by_kind.items())
            },
        }


def spans(pieces: Any) -> tuple[Span, ...]:
    return tuple(Span(int(p["start"]), int(p["end"])) for p in pieces)


def read_gold(path: Path) -> list[GoldArticle]:
    """PolNeAR-format articles, each with its first annotator's attributions."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc}") from exc
    articles: list[GoldArticle] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            annotations = record["annotations"]
            gold = annotations[0]["attributions"] if annotations else []
            attributions = tuple(
                GoldAttribution(spans(a["content"]), spans(a["source"]), spans(a["cue"]))
                for a in gold
                if a["content"]
            )
            articles.append(
                GoldArticle(
                    str(record["doc_id"]),
                    record["text"],
                    record.get("publication_date"),
                    attributions,
                )
            )
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise InputError(f"{path}:{number}: not a PolNeAR gold record: {exc}") from exc
    return articles


def held_out_ids(articles: Sequence[GoldArticle]) -> frozenset[str]:
    ordered = sorted(a.id for a in articles)
    return frozenset(ordered[HELD_OUT_EVERY - 1 :: HELD_OUT_EVERY])


def content_words(text: str, pieces: Iterable[Span]) -> frozenset[int]:
    found: set[int] = set()
    for piece in pieces:
        found |= words(text, piece)
    return frozenset(found)


def speaker_right(gold: GoldAttribution, predicted: Predicted) -> bool:
    if not gold.source:
        return predicted.source is None
    return predicted.source is not None and any(predicted.source.overlaps(s) for s in gold.source)


def score_article(
    tally: Tally, text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Predicted]
) -> None:
    gold_words = [content_words(text, g.content) for g in gold]
    predicted_words = [content_words(text, p.content) for p in predicted]
    tally.articles += 1
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.gold_words += sum(len(w) for w in gold_words)
    tally.predicted_words += sum(len(w) for w in predicted_words)
    for g in gold:
        tally.gold_by_kind[g.kind] = tally.gold_by_kind.get(g.kind, 0) + 1
    for gi, g in enumerate(gold):
        shared = [(len(gold_words[gi] & p), pi) for pi, p in enumerate(predicted_words)]
        best = max(shared, default=(0, -1))
        if best[0] == 0:
            continue
        tally.found += 1
        tally.found_by_kind[g.kind] = tally.found_by_kind.get(g.kind, 0) + 1
        if speaker_right(g, predicted[best[1]]):
            tally.speaker_right += 1
    for pi, p in enumerate(predicted):
        tally.predicted_by_kind[p.kind] = tally.predicted_by_kind.get(p.kind, 0) + 1
        if any(predicted_words[pi] & g for g in gold_words):
            tally.right += 1
            tally.right_by_kind[p.kind] = tally.right_by_kind.get(p.kind, 0) + 1
    for gi, pi, shared_words in pair(gold_words, predicted_words):
        tally.pairs += 1
        tally.shared_words += shared_words
        if gold_words[gi] == predicted_words[pi]:
            tally.strict_pairs += 1


@dataclass(slots=True)
class AttributionScores:
    read_from: str  # "attributions" or "quotes"
    folds: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FOLDS})

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.read_from, **{f: t.to_dict() for f, t in self.folds.items()}}


def score_attributions(
    pairs: Iterable[tuple[GoldArticle, Sequence[Predicted]]],
    *,
    held_out: frozenset[str],
    read_from: str = "attributions",
) -> AttributionScores:
    scores = AttributionScores(read_from)
    for gold, predicted in pairs:
        fold = "held-out" if gold.id in held_out else "tuning"
        for name in ("all", fold):
            score_article(scores.folds[name], gold.text, gold.attributions, predicted)
    return scores


def predicted_of(doc: Doc, read_from: str) -> list[Predicted]:
    if read_from == "quotes":
        return [
            Predicted((q.span,), q.speaker_span, "direct" if q.direct else "indirect")
            for q in doc.quotes
        ]
    return [Predicted(a.content, a.source_span, a.kind) for a in doc.attributions]


def with_kinds(doc: Doc, article: GoldArticle) -> GoldArticle:
    """The gold article with each attribution's cue kind, read off the parse."""
    parsed = doc.parsed
    text = article.text
    starts = [t.idx for t in parsed] if parsed is not None else []
    kinds: list[GoldAttribution] = []
    for g in article.attributions:
        lemmas = [
            parsed[i].lemma_
            for i, start in enumerate(starts)
            if any(c.start <= start < c.end for c in g.cue)
        ]
        cue_text = " ".join(c.of(text) for c in g.cue)
        source_text = " ".join(s.of(text) for s in g.source)
        kinds.append(
            GoldAttribution(g.content, g.source, g.cue, classify_cue(cue_text, lemmas, source_text))
        )
    return GoldArticle(article.id, article.text, article.published, tuple(kinds))


def evaluate_attribution(
    path: Path, *, read_from: str = "attributions", limit: int | None = None
) -> AttributionScores:
    """Run body, parse and sources over the gold articles and score their attributions (or,
    with `read_from="quotes"`, their quotes taken as attributions: the figure before
    attributions existed)."""
    from eventwire.pipeline import load_stage
    from eventwire.read.articles import make_article

    gold = read_gold(path)[:limit]
    body, parse, sources = (load_stage(name) for name in ("body", "parse", "sources"))
    results: list[tuple[GoldArticle, Sequence[Predicted]]] = []
    for article in gold:
        doc = sources(parse(body(Doc(make_article(article.text, published=article.published)))))
        results.append((with_kinds(doc, article), predicted_of(doc, read_from)))
    return score_attributions(results, held_out=held_out_ids(gold), read_from=read_from)


def triple(d: dict[str, float]) -> str:
    return f"{d['precision']:.2f}/{d['recall']:.2f}/{d['f1']:.2f}"


def format_table(scores: AttributionScores) -> str:
    data = scores.to_dict()
    lines = [
        f"attribution (from {data['from']}): content = relaxed match (shares a word); paired = "
        "the same, one to one; strict = same words",
        f"{'fold':<10}{'docs':>5}{'gold':>6}{'pred':>6}  {'content P/R/F1':<17}"
        f"{'paired P/R/F1':<17}{'strict P/R/F1':<17}{'words P/R/F1':<17}{'speaker':>7}",
    ]
    for fold in FOLDS:
        row = data[fold]
        lines.append(
            f"{fold:<10}{row['articles']:>5}{row['gold']:>6}{row['predicted']:>6}  "
            f"{triple(row['content']):<17}{triple(row['paired']):<17}{triple(row['strict']):<17}"
            f"{triple(row['content_words']):<17}{row['speaker_accuracy']:>7.2f}"
        )
    for fold in FOLDS:
        row = data[fold]
        by_kind = ", ".join(
            f"{k} {v['recall']:.2f} (n={v['gold']})" for k, v in row["recall_by_cue_kind"].items()
        )
        lines.append(f"recall by cue kind, {fold}: {by_kind}")
    precision = ", ".join(
        f"{k} {v['precision']:.2f} (n={v['predicted']})"
        for k, v in data["all"]["precision_by_kind"].items()
    )
    lines.append(f"precision by predicted kind, all: {precision}")
    return "\n".join(lines)
