"""The Parquet tables: every record of a doc flattened, and read back into the same doc."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from storetest import full_doc

from eventwire.read.items import Item, ItemError, digest
from eventwire.run.results import ParquetResults
from eventwire.run.tables import SCHEMAS, is_finished, partition_rows, write_partition
from eventwire.store.base import Failure


def item_for(doc, key: str = "in.jsonl#id:x") -> Item:
    text = doc.article.text
    return Item(key=key, content=text, digest=digest(text), id="x")


def test_tables_round_trip_every_record_of_a_doc(tmp_path):
    doc = full_doc()
    item = item_for(doc)
    bad = ItemError("in.jsonl#line:2", "read", "InputError", "invalid JSON")
    failed = Item(key="in.jsonl#id:y", content="poison", digest=digest("poison"))
    failure = Failure(failed.key, "events", "ValueError", "events failed", "abc")
    rows = partition_rows([item, bad, failed], [doc, failure])
    write_partition(tmp_path, "p-00000", rows)
    assert is_finished(tmp_path, "p-00000")
    for name, schema in SCHEMAS.items():
        assert pq.read_schema(tmp_path / name / "p-00000.parquet").equals(schema), name
    results = ParquetResults(tmp_path)
    items = list(results.items())
    assert [i.key for i in items] == [bad.key, failed.key, item.key]
    assert isinstance(items[0], ItemError)
    assert items[0].message == "invalid JSON"
    [(_, got_failure), (_, got_doc)] = list(results.map(items[1:]))
    assert got_failure == failure
    assert got_doc == doc  # every field, the producing stages and rules included
    assert got_doc.to_dict() == doc.to_dict()


def test_tables_follow_the_eventwire_1_json(tmp_path):
    doc = full_doc()
    rows = partition_rows([item_for(doc)], [doc])
    data = doc.to_dict()
    [article] = rows["articles"]
    assert article["article_id"] == data["article"]["id"]
    assert article["input_id"] == "x"
    assert str(article["published_date"]) == "2024-09-06"
    for event, row in zip(data["events"], rows["events"], strict=True):
        assert row["trigger_text"] == event["trigger"]["text"]
        assert row["actors"][0]["name"] == event["actors"][0]["name"]
        assert row["actors"][0]["text"] == event["actors"][0]["mention"]
        assert (row["time_value"], row["modality"]) == (event["time"]["value"], event["modality"])
    assert [p["text"] for p in rows["places"]] == [p["text"] for p in data["places"]]
    assert [q["speaker_text"] for q in rows["quotes"]] == [
        q["speaker_span"]["text"] for q in data["quotes"]
    ]


def test_tables_same_text_twice_in_a_partition_loads_once_each(tmp_path):
    doc = full_doc()
    one, two = item_for(doc, "a#id:1"), item_for(doc, "a#id:2")
    write_partition(tmp_path, "p-00000", partition_rows([one, two], [doc, doc]))
    results = ParquetResults(tmp_path)
    got = [d for _, d in results.map(list(results.items()))]
    assert got == [doc, doc]


def test_tables_folder_without_run_output_is_an_error(tmp_path):
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="no eventwire run output"):
        ParquetResults(tmp_path)


def test_tables_hold_every_field_of_a_doc():
    import dataclasses

    from eventwire.model import Doc
    from eventwire.run.results import RECORDS

    fields = {f.name for f in dataclasses.fields(Doc)}
    # the article and its body are the articles table; the spaCy parse is never kept
    assert set(RECORDS) | {"article", "body", "parsed"} == fields
