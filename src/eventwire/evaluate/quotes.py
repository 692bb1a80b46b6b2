"""Score quotes and their speakers against a JSON Lines gold set.

Gold format, one article a line:

    {"id": "...", "text": "...", "published": "YYYY-MM-DD",
     "quotes": [{"start": 10, "end": 42, "speaker_start": 0, "speaker_end": 8,
                 "direct": true}, ...]}

Offsets are character offsets into `text`; a quote's span is the quoted words without the
marks (direct) or the reported clause (indirect); the speaker span is the mention that names
the speaker at the cue (a pronoun if the text uses one). Extra keys ("text", "speaker") are
ignored.

Measures (after Pareti's PARC evaluations of attribution):
- content, token overlap: words (runs of letters and digits; punctuation ignored) of gold
  and predicted quotes; gold and predicted quotes are paired one-to-one, most shared words
  first; precision = shared words / predicted words, recall = shared words / gold words.
- overlap match and exact match: a pair counts if it shares a word (overlap) or has the same
  words (exact); P = pairs / predicted quotes, R = pairs / gold quotes.
- speaker accuracy: over the overlap pairs, the share whose predicted speaker span overlaps
  the gold speaker span.
Each is given for all quotes and for direct and indirect quotes on their own.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.model import Doc, Quote, Span

WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    span: Span
    speaker: Span | None
    direct: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None
    quotes: tuple[GoldQuote, ...]


@dataclass(slots=True)
class Tally:
    gold_words: int = 0
    predicted_words: int = 0
    shared_words: int = 0
    gold: int = 0
    predicted: int = 0
    overlap_pairs: int = 0
    exact_pairs: int = 0
    speaker_right: int = 0

    def to_dict(self) -> dict[str, Any]:
        def prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
            p = hits / predicted if predicted else 0.0
            r = hits / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}

        content = prf(self.shared_words, self.predicted_words, self.gold_words)
        speaker = self.speaker_right / self.overlap_pairs if self.overlap_pairs else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "content": content,
            "overlap": prf(self.overlap_pairs, self.predicted, self.gold),
            "exact": prf(self.exact_pairs, self.predicted, self.gold),
            "speaker_accuracy": round(speaker, 3),
        }


@dataclass(slots=True)
class QuoteScores:
    articles: int = 0
    all: Tally = field(default_factory=Tally)
    direct: Tally = field(default_factory=Tally)
    indirect: Tally = field(default_factory=Tally)
    parse_seconds: float = 0.0
    stage_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        ratio = self.stage_seconds / self.parse_seconds if self.parse_seconds else None
        return {
            "articles": self.articles,
            "all": self.all.to_dict(),
            "direct": self.direct.to_dict(),
            "indirect": self.indirect.to_dict(),
            "timing": {
                "parse_seconds": round(self.parse_seconds, 3),
                "sources_seconds": round(self.stage_seconds, 3),
                "sources_over_parse": round(ratio, 3) if ratio is not None else None,
            },
        }


def read_gold(path: Path) -> list[GoldArticle]:
    articles: list[GoldArticle] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            quotes = tuple(
                GoldQuote(
                    Span(q["start"], q["end"]),
                    Span(q["speaker_start"], q["speaker_end"])
                    if q.get("speaker_start") is not None
                    else None,
                    bool(q["direct"]),
                )
                for q in record["quotes"]
            )
            articles.append(
                GoldArticle(str(record["id"]), record["text"], record.get("published"), quotes)
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{number}: not a quote gold record: {exc}") from exc
    return articles


def words(text: str, span: Span) -> frozenset[int]:
    """Start offsets of the words inside `span`."""
    return frozenset(span.start + m.start() for m in WORD.finditer(text[span.start : span.end]))


def pair(
    gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]]
) -> list[tuple[int, int, int]]:
    """One-to-one pairs (gold index, predicted index, shared words), most shared first."""
    options = [
        (len(g & p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if g & p
    ]
    options.sort(key=lambda o: (-o[0], o[1], o[2]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int, int]] = []
    for shared, gi, pi in options:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gi, pi, shared))
    return pairs


def score_article(
    tally: Tally, text: str, gold: Sequence[GoldQuote], predicted: Sequence[Quote]
) -> None:
    gold_words = [words(text, g.span) for g in gold]
    predicted_words = [words(text, p.span) for p in predicted]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.gold_words += sum(len(w) for w in gold_words)
    tally.predicted_words += sum(len(w) for w in predicted_words)
    for gi, pi, shared in pair(gold_words, predicted_words):
        tally.shared_words += shared
        tally.overlap_pairs += 1
        if gold_words[gi] == predicted_words[pi]:
            tally.exact_pairs += 1
        g_speaker, p_speaker = gold[gi].speaker, predicted[pi].speaker_span
        if g_speaker is not None and p_speaker is not None and g_speaker.overlaps(p_speaker):
            tally.speaker_right += 1


def score_quotes(pairs: Iterable[tuple[GoldArticle, Sequence[Quote]]]) -> QuoteScores:
    scores = QuoteScores()
    for gold, predicted in pairs:
        scores.articles += 1
        score_article(scores.all, gold.text, gold.quotes, predicted)
        for flag, tally in ((True, scores.direct), (False, scores.indirect)):
            score_article(
                tally,
                gold.text,
                [g for g in gold.quotes if g.direct is flag],
                [p for p in predicted if p.direct is flag],
            )
    return scores


def evaluate_quotes(path: Path) -> QuoteScores:
    """Run body, parse and sources over the gold articles and score their quotes."""
    from eventwire.pipeline import load_stage
    from eventwire.read.articles import make_article

    gold = read_gold(path)
    body, parse, sources = (load_stage(name) for name in ("body", "parse", "sources"))
    results: list[tuple[GoldArticle, Sequence[Quote]]] = []
    parse_seconds = stage_seconds = 0.0
    for article in gold:
        doc = body(Doc(article=make_article(article.text, published=article.published)))
        started = time.perf_counter()
        doc = parse(doc)
        parsed = time.perf_counter()
        doc = sources(doc)
        stage_seconds += time.perf_counter() - parsed
        parse_seconds += parsed - started
        results.append((article, doc.quotes))
    scores = score_quotes(results)
    scores.parse_seconds, scores.stage_seconds = parse_seconds, stage_seconds
    return scores


def format_table(scores: QuoteScores) -> str:
    data = scores.to_dict()
    lines = [
        f"quotes: {data['articles']} articles",
        f"{'subset':<10}{'gold':>6}{'pred':>6}  {'content P/R/F1':<20}{'overlap P/R/F1':<20}"
        f"{'exact P/R/F1':<20}{'speaker':>8}",
    ]
    for name in ("all", "direct", "indirect"):
        row = data[name]

        def triple(d: dict[str, float]) -> str:
            return f"{d['precision']:.2f}/{d['recall']:.2f}/{d['f1']:.2f}"

        lines.append(
            f"{name:<10}{row['gold']:>6}{row['predicted']:>6}  {triple(row['content']):<20}"
            f"{triple(row['overlap']):<20}{triple(row['exact']):<20}{row['speaker_accuracy']:>8.2f}"
        )
    timing = data["timing"]
    lines.append(
        f"time: parse {timing['parse_seconds']:.2f}s, sources {timing['sources_seconds']:.2f}s "
        f"(x{timing['sources_over_parse']} of parse)"
    )
    return "\n".join(lines)
