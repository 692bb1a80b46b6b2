"""The extraction benchmark: in one run, on the same texts, spaCy alone against eventwire in
one process, `ingest --workers`, the local engine and Dask, with 1 and 2 workers each.

Figures per pass: words per second (after start-up), start-up, peak RSS per worker; and the
scaling efficiency from 1 to 2 workers (the 2-worker rate over twice the 1-worker rate).
spaCy alone and eventwire in one process are interleaved batch by batch, so that a change of
load on the machine weighs on both alike; the stage shares come from that eventwire pass.
Benchmarks report, never fail.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.model import Doc
from eventwire.pipeline import BATCH_SIZE, Pipeline, batched, build_pipeline
from eventwire.settings import Settings

PASSES = ("spacy", "one", "ingest", "local", "dask")
# Partitions per worker and round in the engine passes: enough that the workers end close
# together.
PARTITIONS_PER_WORKER = 4


def read_texts(path: Path, limit: int | None, repeat: int = 1) -> list[str]:
    """JSON Lines records (their "text"), each `repeat` times (a copy's text is marked, so
    that every article is new to the store)."""
    lines = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                lines.append(line)
            if limit is not None and len(lines) >= limit:
                break
    if not lines:
        raise InputError(f"{path} has no JSON Lines records")
    texts = [str(json.loads(line).get("text") or "") for line in lines]
    return [t if k == 0 else f"Copy {k}. {t}" for k in range(repeat) for t in texts]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    # ru_maxrss is in kilobytes on Linux and bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass
class PassResult:
    name: str
    label: str
    workers: int
    seconds: float = 0.0
    words: int = 0
    startup_seconds: float | None = None
    peak_rss_mb: list[float] = field(default_factory=list)  # one per worker

    @property
    def rate(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "workers": self.workers,
                "seconds": round(self.seconds, 2), "words_per_second": round(self.rate),
                "startup_seconds": None if self.startup_seconds is None
                else round(self.startup_seconds, 2),
                "peak_rss_mb": [round(m) for m in self.peak_rss_mb]}  # fmt: skip


class TimedStage:
    """A stage that adds the time spent in it to `seconds[name]` (its batch form too)."""

    def __init__(self, stage: Any, seconds: dict[str, float]) -> None:
        self.stage, self.seconds = stage, seconds
        self.name, self.needs, self.gives = stage.name, stage.needs, stage.gives
        if callable(getattr(stage, "pipe", None)):
            self.pipe = self.timed_pipe

    def __call__(self, doc: Doc) -> Doc:
        started = time.perf_counter()
        try:
            return self.stage(doc)  # type: ignore[no-any-return]
        finally:
            self.seconds[self.name] += time.perf_counter() - started

    def timed_pipe(self, docs: list[Doc]) -> list[Doc]:
        started = time.perf_counter()
        try:
            return list(self.stage.pipe(docs))
        finally:
            self.seconds[self.name] += time.perf_counter() - started


def interleaved_passes(
    texts: list[str], settings: Settings
) -> tuple[list[PassResult], dict[str, Any]]:
    """spaCy alone (nlp.pipe, and one text at a time) and eventwire in this process, batch
    by batch; the stage shares of the eventwire pass."""
    from eventwire.api import extract_lines
    from eventwire.stages.s2_parse.nlp import load_nlp

    started = time.perf_counter()
    nlp = load_nlp()
    spacy_startup = time.perf_counter() - started
    started = time.perf_counter()
    pipeline = build_pipeline(settings)
    ours_startup = spacy_startup + time.perf_counter() - started
    stage_seconds = dict.fromkeys(pipeline.names, 0.0)
    timed = Pipeline([TimedStage(s, stage_seconds) for s in pipeline.stages])
    lines = [json.dumps({"text": t}) for t in texts]
    list(nlp.pipe(texts[:2]))  # warm both paths up before timing
    list(extract_lines(lines[:2], pipeline=pipeline))
    stage_seconds.update(dict.fromkeys(stage_seconds, 0.0))
    piped = PassResult("spacy", f"spaCy alone (nlp.pipe, batches of {BATCH_SIZE})", 1,
                       startup_seconds=spacy_startup)  # fmt: skip
    single = PassResult("spacy_single", "spaCy alone (one text at a time)", 1)
    ours = PassResult("one", "eventwire, 1 process", 1, startup_seconds=ours_startup)
    errors = 0
    for batch in batched(list(zip(texts, lines, strict=True)), BATCH_SIZE):
        words = sum(len(t.split()) for t, _ in batch)
        for result, work in (
            (piped, lambda b=batch: list(nlp.pipe([t for t, _ in b], batch_size=BATCH_SIZE))),
            (single, lambda b=batch: [nlp(t) for t, _ in b]),
            (ours, lambda b=batch: list(extract_lines([line for _, line in b], pipeline=timed))),
        ):
            started = time.perf_counter()
            out = work()
            result.seconds += time.perf_counter() - started
            result.words += words
            if result is ours:
                errors += sum(1 for record in out if "error" in record)
    ours.peak_rss_mb = [peak_rss_mb()]
    total = sum(stage_seconds.values())
    shares = {
        "errors": errors,
        "stage_seconds": {k: round(v, 2) for k, v in stage_seconds.items()},
        "stage_shares": {k: round(v / ours.seconds, 3) for k, v in stage_seconds.items()},
        "outside_stages_share": round(1 - total / ours.seconds, 3) if ours.seconds else None,
    }
    return [piped, single, ours], shares


def bench_extract(
    path: Path,
    *,
    limit: int | None = None,
    repeat: int = 1,
    passes: Sequence[str] = PASSES,
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run the passes named (see PASSES) over the texts of `path`; the figures."""
    from dataclasses import replace

    from eventwire.evaluate.bench_workers import ROUNDS, scaling_passes

    unknown = set(passes) - set(PASSES)
    if unknown:
        raise InputError(f"unknown passes {sorted(unknown)}; known: {', '.join(PASSES)}")
    settings = settings if settings is not None else Settings()
    texts = read_texts(path, limit, repeat)
    words = [len(t.split()) for t in texts]
    # per round, PARTITIONS_PER_WORKER partitions for each of 2 workers
    size = max(1, -(-len(texts) // (ROUNDS * 2 * PARTITIONS_PER_WORKER)))
    settings = replace(settings, partition_size=size)
    note = progress or (lambda _: None)
    report: dict[str, Any] = {"articles": len(texts), "words": sum(words),
                              "partition_size": size, "load_before": os.getloadavg()}  # fmt: skip
    note("spaCy alone and eventwire in one process, interleaved")
    interleaved, shares = interleaved_passes(texts, settings)
    report.update(shares)
    report["passes"] = [r.to_dict() for r in interleaved]
    spacy, ours = interleaved[0].rate, interleaved[2].rate
    report["ratio"] = round(ours / spacy, 3) if spacy else None
    kinds = [k for k in ("ingest", "local", "dask") if k in passes]
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as temp:
        folder = Path(temp)
        source = folder / "texts.jsonl"
        source.write_text("".join(json.dumps({"id": f"b{i}", "text": t}) + "\n"
                                  for i, t in enumerate(texts)), encoding="utf-8")  # fmt: skip
        scaled = scaling_passes(kinds, source, words, settings, folder, note=note)
    report["passes"] += scaled["passes"]
    report["efficiency"] = scaled["efficiency"]
    report["load_after"] = os.getloadavg()
    return report


def format_bench(report: dict[str, Any]) -> str:
    load = "load average {:.1f} before, {:.1f} after".format(
        report["load_before"][0], report["load_after"][0])  # fmt: skip
    lines = [
        f"{report['articles']} articles, {report['words']:,} words"
        f" ({report['errors']} per-article errors); engine partitions of"
        f" {report['partition_size']} articles; {load}",
        f"  {'pass':<38} {'words/s':>8} {'seconds':>8} {'CPU s':>7} {'cores':>5}"
        f" {'start-up s':>10}  peak RSS MB per worker",
    ]
    for p in report["passes"]:
        startup = "" if p["startup_seconds"] is None else f"{p['startup_seconds']:.2f}"
        cpu = "" if p.get("cpu_seconds") is None else f"{p['cpu_seconds']:.1f}"
        # cores used on average: below the workers' count, the machine's other work had them
        cores = f"{p['cpu_seconds'] / p['seconds']:.2f}" if cpu and p["seconds"] else ""
        rss = ", ".join(str(m) for m in p["peak_rss_mb"])
        if p.get("pss_mb"):
            rss += " (PSS " + ", ".join(str(m) for m in p["pss_mb"]) + ")"
        lines.append(f"  {p['label']:<38} {p['words_per_second']:>8,} {p['seconds']:>8.1f}"
                     f" {cpu:>7} {cores:>5} {startup:>10}  {rss}")  # fmt: skip
    lines.append(f"  eventwire / spaCy alone (nlp.pipe): {report['ratio']}  (goal >= 0.8)")
    for name, value in report["efficiency"].items():
        lines.append(f"  scaling efficiency 1 -> 2 workers, {name}: {value['wall']}"
                     f"  (goal >= 0.85); CPU-time efficiency {value['cpu']}")  # fmt: skip
    shares = ", ".join(f"{k} {v:.1%}" for k, v in report["stage_shares"].items())
    lines.append(f"  stage shares of eventwire's time: {shares};"
                 f" outside the stages {report['outside_stages_share']:.1%}")  # fmt: skip
    return "\n".join(lines)
