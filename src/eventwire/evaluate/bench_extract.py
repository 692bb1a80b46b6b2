"""The extraction benchmark: our pipeline's rate against spaCy's own, in one run."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from eventwire.api import extract_lines
from eventwire.errors import InputError
from eventwire.stages.s2_parse.nlp import load_nlp


def read_texts(path: Path, limit: int | None) -> list[str]:
    lines = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                lines.append(line)
            if limit is not None and len(lines) >= limit:
                break
    if not lines:
        raise InputError(f"{path} has no JSON Lines records")
    return lines


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in kilobytes on Linux and bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_extract(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    lines = read_texts(path, limit)
    texts = [json.loads(line).get("text", "") for line in lines]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up both paths before timing
    list(extract_lines(lines[:2]))

    # Interleave the two passes article by article, so that a load change on the machine
    # during the run weighs on both alike.
    spacy_seconds = ours_seconds = 0.0
    errors = 0
    for line, text in zip(lines, texts, strict=True):
        started = time.perf_counter()
        nlp(text)
        spacy_seconds += time.perf_counter() - started
        started = time.perf_counter()
        errors += sum(1 for record in extract_lines([line]) if "error" in record)
        ours_seconds += time.perf_counter() - started
    spacy_rate = words / spacy_seconds if spacy_seconds else 0.0
    ours_rate = words / ours_seconds if ours_seconds else 0.0
    return {
        "articles": len(texts),
        "words": words,
        "errors": errors,
        "spacy_seconds": round(spacy_seconds, 3),
        "eventwire_seconds": round(ours_seconds, 3),
        "spacy_words_per_second": round(spacy_rate),
        "eventwire_words_per_second": round(ours_rate),
        "ratio": round(ours_rate / spacy_rate, 3) if spacy_rate else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def format_bench(report: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"{report['articles']} articles, {report['words']:,} words"
            f" ({report['errors']} per-article errors)",
            f"  spaCy only       {report['spacy_words_per_second']:>8,} words/s"
            f"  ({report['spacy_seconds']} s)",
            f"  eventwire        {report['eventwire_words_per_second']:>8,} words/s"
            f"  ({report['eventwire_seconds']} s)",
            f"  ratio            {report['ratio']}  (goal >= 0.6)",
            f"  peak RSS         {report['peak_rss_mb']} MB",
        ]
    )
