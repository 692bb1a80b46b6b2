"""`run` on the local pool and on a real local Dask cluster (a scheduler and 2 workers on
127.0.0.1): the same Parquet output, record for record; reruns skip finished partitions;
the output loads into the store as an ingest of the same inputs would."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from storetest import FAKE_STAGES

from eventwire.run.engines import dask_client, run_inputs
from eventwire.run.tables import TABLES
from eventwire.settings import Settings

FAKE = Settings(stages=(FAKE_STAGES,), partition_size=4)


def tables(folder: Path) -> dict[str, dict[str, list[dict]]]:
    """Every table's rows, per partition file."""
    return {
        name: {p.name: pq.read_table(p).to_pylist() for p in sorted((folder / name).glob("*"))}
        for name in TABLES
    }


def run_all(jsonl_input: Path, output: Path, settings: Settings):
    return list(run_inputs([str(jsonl_input / "*.jsonl")], output, settings))


def test_run_local_one_and_two_workers_write_the_same_tables(jsonl_input, tmp_path):
    one = run_all(jsonl_input, tmp_path / "one", FAKE)
    two = run_all(jsonl_input, tmp_path / "two", Settings(**{**vars_of(FAKE), "workers": 2}))
    assert sorted(r.partition for r in one) == sorted(r.partition for r in two)
    assert sum(r.articles for r in one) == 22
    assert sum(r.failed for r in one) == 2  # the FAIL article and the bad JSON line
    got = tables(tmp_path / "one")
    assert got == tables(tmp_path / "two")
    assert len(got["articles"]) == 7  # 4 + 4 + 4 + 4 lines of a.jsonl, 4 + 4 of b.jsonl
    errors = [row for rows in got["errors"].values() for row in rows]
    assert sorted(e["stage"] for e in errors) == ["fake_events", "read"]
    assert all(not p.name.startswith(".") for p in (tmp_path / "one").rglob("*"))


def vars_of(settings: Settings) -> dict:
    return {name: getattr(settings, name) for name in settings.__dataclass_fields__}


def test_run_rerun_skips_finished_partitions_and_redoes_the_rest(jsonl_input, tmp_path):
    output = tmp_path / "out"
    run_all(jsonl_input, output, FAKE)
    before = tables(output)
    [lost] = sorted((output / "articles").glob("*.parquet"))[:1]
    lost.unlink()  # as if the run had been killed before this partition finished
    (output / "events" / ".leftover.tmp").write_text("half-written")
    reports = run_all(jsonl_input, output, FAKE)
    assert sum(not r.skipped for r in reports) == 1
    assert [r.partition for r in reports if not r.skipped] == [lost.stem]
    assert tables(output) == before
    assert not (output / "events" / ".leftover.tmp").exists()


def test_run_address_needs_the_dask_engine(jsonl_input, tmp_path):
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="engine dask"):
        run_all(jsonl_input, tmp_path / "x", Settings(address="tcp://127.0.0.1:1"))


def test_issue_15_dask_local_cluster_writes_what_the_local_engine_writes(jsonl_input, tmp_path):
    settings = Settings(**{**vars_of(FAKE), "engine": "dask", "workers": 2})
    with dask_client(settings) as client:
        info = client.scheduler_info()
        assert info["address"].startswith("tcp://127.0.0.1:")
        assert len(info["workers"]) == 2
        assert all(address.startswith("tcp://127.0.0.1:") for address in info["workers"])
        pids = client.run(os.getpid)
        assert os.getpid() not in pids.values()  # real worker processes
    run_all(jsonl_input, tmp_path / "local", FAKE)
    reports = run_all(jsonl_input, tmp_path / "dask", settings)
    assert sum(r.articles for r in reports) == 22
    assert tables(tmp_path / "dask") == tables(tmp_path / "local")


def test_run_dask_at_an_address_uses_that_scheduler(jsonl_input, tmp_path):
    from distributed import Client, LocalCluster

    run_all(jsonl_input, tmp_path / "local", FAKE)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0")  # fmt: skip
    with cluster, Client(cluster) as client:
        settings = Settings(
            **{**vars_of(FAKE), "engine": "dask", "address": cluster.scheduler_address}
        )
        reports = run_all(jsonl_input, tmp_path / "remote", settings)
        done = client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.task_prefixes))
    assert sum(r.articles for r in reports) == 22
    assert done > 0  # the tasks ran on that scheduler
    assert tables(tmp_path / "remote") == tables(tmp_path / "local")


def test_run_output_loads_into_the_store_as_its_inputs_would(jsonl_input, tmp_path):
    from eventwire.ingest import Inputs, Workers, ingest
    from eventwire.run.results import ParquetResults
    from eventwire.store import EventFilter, open_store

    output = tmp_path / "out"
    run_all(jsonl_input, output, FAKE)
    direct, loaded = str(tmp_path / "direct.db"), str(tmp_path / "loaded.db")
    workers = Workers(n=1, settings=FAKE)
    with open_store(direct) as store:
        outcomes = [p.outcome for p in ingest(store, Inputs([jsonl_input]), workers=workers)]
    results = ParquetResults(output)
    with open_store(loaded) as store:
        got = [p.outcome for p in ingest(store, results.items(), workers=results)]
        again = [p.outcome for p in ingest(store, Inputs([jsonl_input]), workers=workers)]
    assert sorted(got) == sorted(outcomes)
    assert sorted(set(again)) == ["failed", "skipped"]  # stored already, failures retried
    with open_store(direct) as a, open_store(loaded) as b:
        assert {**a.counts(), "runs": 0} == {**b.counts(), "runs": 0}
        rows_a = [r.article_id + r.event_id for r in a.events(EventFilter())]
        rows_b = [r.article_id + r.event_id for r in b.events(EventFilter())]
        assert sorted(rows_a) == sorted(rows_b)
        for article_id in {r.article_id for r in a.events(EventFilter())}:
            assert a.load_doc(article_id) == b.load_doc(article_id)
