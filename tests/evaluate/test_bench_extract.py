"""`bench extract` runs every pass and reports its figures (never judged: timings vary)."""

from __future__ import annotations

import json

import pytest

TEXTS = [
    "Protesters marched in Nairobi on Tuesday to demand lower taxes, police said.",
    "Russia threatened to cut gas supplies to Moldova if it did not pay its debts.",
    "The European Union imposed new sanctions on Iran over its drone programme.",
]


@pytest.mark.slow
def test_bench_extract_reports_every_pass(tmp_path):
    from eventwire.evaluate.bench_extract import bench_extract, format_bench

    path = tmp_path / "texts.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                            for i, t in enumerate(TEXTS * 2)))  # fmt: skip
    report = bench_extract(path)
    names = [(p["name"], p["workers"]) for p in report["passes"]]
    engines = [(kind, n) for kind in ("ingest", "local", "dask") for n in (1, 2)]
    assert names == [("spacy", 1), ("spacy_single", 1), ("one", 1), *engines]
    assert report["words"] == 2 * sum(len(t.split()) for t in TEXTS)
    assert all(p["words_per_second"] > 0 for p in report["passes"])
    assert [len(p["peak_rss_mb"]) for p in report["passes"][3:]] == [1, 2] * 3
    assert set(report["efficiency"]) == {"ingest", "local", "dask"}
    assert report["stage_shares"]["parse"] > 0
    assert "scaling efficiency" in format_bench(report)
