"""Speed by article length: words/s of each stage on articles of about 1,000, 10,000 and
100,000 characters, and one 100,000-character article against ten of 10,000. Reports, never
fails (the cost of each stage is tested by counting: tests/stages/test_stage_cost.py).

Run: .venv/bin/python tools/bench_lengths.py [--sizes 1000,10000,100000] [--json]

The articles are MEANTIME texts and the sample article (tests/data, samples/), run together
and cut at a line break near each size; the ten 10,000-character articles are ten different
cuts of the same texts, so the two runs read the same kind of news.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.api import make_article
from eventwire.model import Doc
from eventwire.pipeline import Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def news(size: int, *, offset: int = 0) -> str:
    """About `size` characters of news starting near `offset`, cut at line breaks."""
    texts = [(ROOT / "samples" / "iraq-withdrawal.txt").read_text(encoding="utf-8")]
    for name in ("sample.jsonl", "factuality.jsonl"):
        for line in (ROOT / "tests" / "data" / "meantime" / name).read_text().splitlines():
            texts.append(json.loads(line)["text"])
    pool = "\n".join(texts)
    while len(pool) < offset + size + 10:
        pool += "\n" + pool
    start = pool.find("\n", offset) + 1 if offset else 0
    return pool[start : pool.rfind("\n", start, start + size)]


def timed(pipe: Pipeline, text: str) -> dict[str, float]:
    """Seconds per stage for one article."""
    doc = Doc(article=make_article(text, published="2009-06-01"))
    seconds = {}
    for stage in pipe.stages:
        started = time.perf_counter()
        doc = stage(doc)
        seconds[stage.name] = time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pipe = default_pipeline()
    timed(pipe, news(2000))  # load the model and the lexicons
    report: dict[str, object] = {"stages": {}}
    for size in (int(s) for s in args.sizes.split(",")):
        text = news(size)
        words = len(text.split())
        seconds = timed(pipe, text)
        report["stages"][str(size)] = {  # type: ignore[index]
            "characters": len(text),
            "words": words,
            "words_per_second": {n: round(words / max(s, 1e-9)) for n, s in seconds.items()},
            "total_seconds": round(sum(seconds.values()), 2),
        }
    long_s = sum(timed(pipe, news(100_000)).values())
    ten_s = sum(sum(timed(pipe, news(10_000, offset=10_000 * i)).values()) for i in range(10))
    report["one_100k_seconds"] = round(long_s, 2)
    report["ten_10k_seconds"] = round(ten_s, 2)
    report["ratio"] = round(long_s / ten_s, 2)
    if args.json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    sizes = report["stages"]
    names = [stage.name for stage in pipe.stages]
    lines = ["words/s      " + "".join(f"{s + ' chars':>16}" for s in sizes)]  # type: ignore[operator]
    for name in [*names, "total"]:
        cells = []
        for row in sizes.values():  # type: ignore[attr-defined]
            rate = row["words"] / row["total_seconds"] if name == "total" else None
            cells.append(f"{round(rate) if rate else row['words_per_second'][name]:>16,}")
        lines.append(f"{name:<13}" + "".join(cells))
    lines.append(f"one 100k-character article: {long_s:.1f} s; ten 10k-character articles: "
                 f"{ten_s:.1f} s; ratio {long_s / ten_s:.2f} (goal <= 3)")  # fmt: skip
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
