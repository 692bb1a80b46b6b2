"""`run` with the real pipeline on a few short texts: the local pool (forked workers that
inherit the loaded spaCy model) and a Dask cluster give what `extract` gives."""

from __future__ import annotations

import json

import pytest
from test_engines import tables

from eventwire.run.engines import run_inputs
from eventwire.settings import Settings

TEXTS = [
    "Iraq and the United States agreed on Friday to end the coalition's mission by "
    "September 2025, two officials told Reuters.",
    "Protesters marched in Nairobi on Tuesday to demand lower taxes, police said.",
    "Russia threatened to cut gas supplies to Moldova if it did not pay its debts.",
    "The European Union imposed new sanctions on Iran over its drone programme.",
]


@pytest.mark.slow
def test_run_real_pipeline_local_and_dask_give_what_extract_gives(tmp_path):
    from eventwire.api import extract

    source = tmp_path / "in" / "texts.jsonl"
    source.parent.mkdir()
    source.write_text("".join(json.dumps({"id": f"t{i}", "text": t, "published": "2024-09-06"})
                              + "\n" for i, t in enumerate(TEXTS)))  # fmt: skip
    outputs = {}
    for name, settings in {
        "one": Settings(partition_size=2),
        "two": Settings(partition_size=2, workers=2),
        "dask": Settings(partition_size=2, workers=2, engine="dask"),
    }.items():
        reports = list(run_inputs([str(source)], tmp_path / name, settings))
        assert sum(r.articles for r in reports) == len(TEXTS)
        outputs[name] = tables(tmp_path / name)
    assert outputs["two"] == outputs["one"]
    assert outputs["dask"] == outputs["one"]
    events = [row for rows in outputs["one"]["events"].values() for row in rows]
    articles = [row for rows in outputs["one"]["articles"].values() for row in rows]
    for article in articles:
        expected = extract(article["text"], published="2024-09-06").to_dict()
        assert article["article_id"] == expected["article"]["id"]
        got = [e for e in events if e["article_id"] == article["article_id"]]
        assert [(e["type"], e["modality"], e["trigger_text"]) for e in got] == [
            (e["type"], e["modality"], e["trigger"]["text"]) for e in expected["events"]
        ]
        assert [[a["name"] for a in e["actors"]] for e in got] == [
            [a["name"] for a in e["actors"]] for e in expected["events"]
        ]
    assert {e["type"] for e in events} >= {"AGREE", "PROTEST", "SANCTION"}
