"""A stage's share of pipeline time: every stage run article by article over a JSON Lines
file (two passes, the faster of each kept), then the chosen stage run again on the docs it
received (seven passes, the fastest kept). Reports, never fails: timings vary by tens of
percent between runs, so compare two versions in one session, alternating.

Run: .venv/bin/python tools/bench_stage_share.py FILE [--stage events] [--json]

FILE holds one article a line with `text` and an optional publication date (`published`,
or MEANTIME's `dct`): `tests/data/meantime/factuality.jsonl`, or the gold MEANTIME set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.api import make_article
from eventwire.model import Doc
from eventwire.pipeline import default_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--stage", default="events")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pipe = default_pipeline()
    names = [stage.name for stage in pipe.stages]
    if args.stage not in names:
        parser.error(f"no stage {args.stage!r}; the stages are {', '.join(names)}")
    records = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    articles = [
        make_article(r["text"], published=r.get("published") or r.get("dct")) for r in records
    ]
    best = dict.fromkeys(names, float("inf"))
    received: list[Doc] = []
    for first in (True, False):
        seconds = dict.fromkeys(names, 0.0)
        for article in articles:
            doc = Doc(article=article)
            for stage in pipe.stages:
                if first and stage.name == args.stage:
                    received.append(doc)
                started = time.perf_counter()
                doc = stage(doc)
                seconds[stage.name] += time.perf_counter() - started
        best = {n: min(best[n], seconds[n]) for n in names}
    stage = pipe.stages[names.index(args.stage)]
    passes = []
    for _ in range(7):
        started = time.perf_counter()
        for doc in received:
            stage(doc)
        passes.append(time.perf_counter() - started)
    alone = min(passes)
    rest = sum(s for n, s in best.items() if n != args.stage)
    report = {
        "articles": len(articles),
        "stage": args.stage,
        "stage_seconds": round(alone, 3),
        "other_stages_seconds": round(rest, 2),
        "share": round(alone / (alone + rest), 4),
    }
    if args.json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    sys.stdout.write(
        f"{args.stage}: {alone:.3f} s a pass over {len(articles)} articles; the other stages "
        f"{rest:.2f} s; share {100 * report['share']:.2f}%\n"
    )


if __name__ == "__main__":
    main()
