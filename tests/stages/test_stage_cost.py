"""Every stage after the parse costs in proportion to the article's length (issue 16): a
100,000-character article took minutes in event_places, actors and sources, which read
spaCy's `doc.text` / `doc.ents` (rebuilt from every token on each access) once per mention,
or scanned every token, place or mention for each event.

The cost is counted, not timed: the function calls a stage makes (Python and C, spaCy's
included) on an article and on one ten times as long. A linear stage makes about the same
number of calls per character on both; a quadratic one ten times as many.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from eventwire.api import make_article
from eventwire.model import Doc
from eventwire.pipeline import default_pipeline

pytestmark = pytest.mark.slow

MEANTIME = Path(__file__).resolve().parents[1] / "data" / "meantime"
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "iraq-withdrawal.txt"
SMALL, LARGE = 5_000, 50_000
# Calls per character on the large article over those on the small one. Measured 0.5-1.3
# for every stage; a stage that reads the whole article once per mention or per event
# measures near LARGE / SMALL = 10.
MAX_COST_RATIO = 3.0


class TooMuchWork(Exception):
    pass


def calls_of(stage, doc: Doc, *, cap: int) -> tuple[int, Doc | None]:
    """How many calls `stage(doc)` makes (stopping it once past `cap`), and its Doc."""
    count = 0

    def hook(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
            if count > cap:
                raise TooMuchWork

    sys.setprofile(hook)
    try:
        result = stage(doc)
    except TooMuchWork:
        result = None
    finally:
        sys.setprofile(None)
    return count, result


def block() -> str:
    """About SMALL characters of news: the sample article, then MEANTIME articles."""
    texts = [SAMPLE.read_text(encoding="utf-8")] + [
        json.loads(line)["text"]
        for line in (MEANTIME / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    pool = "\n".join(texts)
    return pool[: pool.rfind("\n", 0, SMALL)]


def test_issue_16_every_stage_costs_in_proportion_to_the_text():
    pipe = default_pipeline()
    small_text = block()
    pipe(Doc(article=make_article(small_text, published="2009-06-01")))  # load, compile
    body, parse, *later = pipe.stages
    docs = {}
    # the long article is the short one ten times over: the same work per character
    for size, text in ((SMALL, small_text), (LARGE, "\n".join([small_text] * 10))):
        docs[size] = parse(body(Doc(article=make_article(text, published="2009-06-01"))))
    lengths = {size: len(doc.article.text) for size, doc in docs.items()}
    scale = lengths[LARGE] / lengths[SMALL]
    ratios = {}
    for stage in later:
        small, docs[SMALL] = calls_of(stage, docs[SMALL], cap=10**9)
        cap = int(MAX_COST_RATIO * scale * max(small, 1_000)) + 1
        large, result = calls_of(stage, docs[LARGE], cap=cap)
        ratios[stage.name] = (large / lengths[LARGE]) / (max(small, 1_000) / lengths[SMALL])
        assert result is not None, f"{stage.name}: over {cap:,} calls ({small:,} on the small)"
        docs[LARGE] = result
    assert all(r <= MAX_COST_RATIO for r in ratios.values()), ratios
