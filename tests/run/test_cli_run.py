"""`eventwire run` and `eventwire ingest --parquet` from the command line."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from storetest import FAKE_STAGES

from eventwire.cli import main


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_run_then_ingest_parquet(jsonl_input, tmp_path):
    out, db = tmp_path / "out", str(tmp_path / "store.db")
    args = ["run", "--input", str(jsonl_input / "*.jsonl"), "--output", str(out),
            "--stages", FAKE_STAGES, "--partition-size", "10", "--workers", "2"]  # fmt: skip
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert "22 articles, 2 failed, 22 events, 3 partitions" in result.stderr
    assert pq.read_table(out / "events").num_rows == 22
    manifest = json.loads((out / "_eventwire.json").read_text())
    assert manifest["stages"] == [FAKE_STAGES]
    assert len(manifest["partitions"]) == 3
    assert "3 skipped" in cli(*args).stderr

    loaded = cli("ingest", "--parquet", str(out), "--db", db, "--stages", FAKE_STAGES)
    assert loaded.exit_code == 0, loaded.output
    assert "2 failed, 22 stored" in loaded.stderr
    again = cli("ingest", "--parquet", str(out), "--db", db, "--stages", FAKE_STAGES)
    assert "2 failed, 22 skipped" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--input", "/no/such/*.jsonl", "--output", "x"], "no input matches"),
        (["run", "--input", "*.jsonl", "--output", "x", "--address", "tcp://h:1"], "engine dask"),
        (["ingest", "--parquet", "/no/such/folder"], "no eventwire run output"),
        (["ingest", "--parquet", "out", "more.txt"], "another ingest"),
    ],
)
def test_cli_run_and_ingest_parquet_refuse_bad_requests(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert not (tmp_path / "eventwire.db").exists()  # a refused ingest creates no store
