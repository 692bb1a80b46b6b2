"""Input partitions: every record in exactly one partition, with the keys ingest gives it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import fake_text
from eventwire.errors import InputError
from eventwire.read.files import read_jsonl
from eventwire.read.items import Item, ItemError
from eventwire.run.partitions import list_partitions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))  # test_ingest's helpers


def test_partitions_of_jsonl_cover_each_line_once_with_its_key(jsonl_input):
    whole = [*read_jsonl(jsonl_input / "a.jsonl"), *read_jsonl(jsonl_input / "b.jsonl")]
    for size in (1, 4, 7, 100):
        partitions = list_partitions([str(jsonl_input / "*.jsonl")], size=size)
        parts = [item for p in partitions for item in p.items()]
        assert parts == whole
        assert len({p.id for p in partitions}) == len(partitions)
    partitions = list_partitions([str(jsonl_input)], size=4)  # a folder: its files
    assert [p.size for p in partitions] == [4, 4, 4, 4, 1, 4, 4]
    assert partitions[0].id.startswith("a-")
    assert partitions == list_partitions([str(jsonl_input / "*.jsonl")], size=4)  # stable ids


def test_partitions_of_parquet_rows(tmp_path):
    path = tmp_path / "rows.parquet"
    table = pa.table({
        "id": [f"r{i}" if i != 3 else None for i in range(10)],
        "text": [fake_text(i) if i != 5 else None for i in range(10)],
        "published": pa.array([None] * 9 + [pa.scalar(0, pa.timestamp("s")).as_py()],
                              pa.timestamp("s")),
    })  # fmt: skip
    pq.write_table(table, path, row_group_size=3)
    partitions = list_partitions([str(path)], size=4)
    assert [(p.start, p.stop) for p in partitions] == [(0, 4), (4, 8), (8, 10)]
    items = [item for p in partitions for item in p.items()]
    assert len(items) == 10
    assert isinstance(items[5], ItemError)
    assert items[5].key.endswith("rows.parquet#id:r5")
    assert items[3].key.endswith("rows.parquet#row:4")
    assert isinstance(items[9], Item)
    assert items[9].published == "1970-01-01T00:00:00"
    assert items[0].id == "r0"
    assert items[0].content == fake_text(0)


def test_partitions_of_a_warc_file_is_one(tmp_path):
    from test_ingest import write_warc

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        (f"https://w.example/{i}", "text/html",
         f"<html><body><article><p>{fake_text(i)}</p></article></body></html>")
        for i in range(3)
    ])  # fmt: skip
    [partition] = list_partitions([str(path)], size=1)
    assert partition.kind == "warc"
    items = list(partition.items())
    assert [i.url for i in items] == [f"https://w.example/{i}" for i in range(3)]


def test_partitions_refuse_other_files_and_missing_inputs(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="JSON Lines"):
        list_partitions([str(tmp_path / "notes.txt")], size=10)
    with pytest.raises(InputError, match="no input matches"):
        list_partitions([str(tmp_path / "*.jsonl")], size=10)


def test_partitions_of_an_empty_or_unterminated_file(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "tail.jsonl").write_text(json.dumps({"text": fake_text(1)}))  # no newline
    partitions = list_partitions([str(tmp_path / "*.jsonl")], size=10)
    assert list(partitions[0].items()) == []
    [item] = list(partitions[1].items())
    assert item.content == fake_text(1)
