"""`run`: the pipeline over input partitions, on this machine or on a Dask cluster.

Each partition is one task: read its inputs, extract them (`extract_items`, the article
function `ingest` and `extract` use, parsed in batches), write its Parquet tables. The
engines only place the tasks:

- `local` (the default): `workers` processes on this machine (`PipelinePool`: forked with
  the pipeline loaded, where the system can fork), or this process alone for one worker;
- `dask`: a Dask distributed cluster. Without an `address`, a local one started here on
  127.0.0.1 (a scheduler and `workers` worker processes of one thread each); with one, the
  scheduler there (`tcp://host:8786`), whose workers must have eventwire installed and see
  the input and output folders at the same paths. Each worker loads the pipeline once
  (`build_pipeline` keeps it for the process) before the tasks start.

Partitions whose output is finished are skipped, so a rerun resumes. Per-article failures
go to `errors/`; a bug in eventwire fails its task, which stops the run with its traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError
from eventwire.ingest.worker import extract_items
from eventwire.pipeline import DEFAULT_STAGES, Pipeline, build_pipeline
from eventwire.read.items import Item
from eventwire.run.partitions import Partition, list_partitions
from eventwire.run.pool import PipelinePool, worker_pipeline
from eventwire.run.results import MANIFEST
from eventwire.run.tables import is_finished, partition_rows, remove_leftovers, write_partition
from eventwire.settings import Settings

log = logging.getLogger(__name__)

# How long a client waits for the scheduler at --address before giving up.
CONNECT_TIMEOUT_S = 30


@dataclass(frozen=True, slots=True)
class PartitionReport:
    partition: str
    articles: int  # extracted and written
    failed: int  # rows in errors/
    events: int
    seconds: float
    skipped: bool = False  # finished by an earlier run


def process_partition(
    partition: Partition, output: Path, pipeline: Pipeline, *, batch_size: int
) -> PartitionReport:
    """Read, extract and write one partition (pure but for its files)."""
    started = time.perf_counter()
    read = list(partition.items())
    items = [i for i in read if isinstance(i, Item)]
    rows = partition_rows(read, extract_items(items, pipeline, batch_size=batch_size))
    write_partition(output, partition.id, rows)
    report = PartitionReport(partition.id, len(rows["articles"]), len(rows["errors"]),
                             len(rows["events"]), time.perf_counter() - started)  # fmt: skip
    log.info("partition %s: %d articles, %d failed", partition.id, report.articles, report.failed)
    return report


def partition_in_pool(partition: Partition, output: Path, batch_size: int) -> PartitionReport:
    return process_partition(partition, output, worker_pipeline(), batch_size=batch_size)


def partition_on_dask(partition: Partition, output: str, settings: Settings) -> PartitionReport:
    pipeline = build_pipeline(settings)  # once per worker process
    return process_partition(partition, Path(output), pipeline, batch_size=settings.batch_size)


def load_on_dask(settings: Settings) -> dict[str, Any]:
    """Load the pipeline in a Dask worker (run on each before the tasks); how long it took."""
    started = time.perf_counter()
    build_pipeline(settings)
    return {"pid": os.getpid(), "seconds": time.perf_counter() - started}


def run_inputs(
    patterns: Sequence[str],
    output: Path,
    settings: Settings,
    *,
    plan: Callable[[Sequence[Partition]], None] | None = None,
) -> Iterator[PartitionReport]:
    """Run the pipeline over the inputs the glob patterns name, writing Parquet tables
    under `output`; one report per partition (those finished before first, as skipped),
    in the order they finish. A generator: the caller draws progress (`plan` is given the
    partitions before the work starts)."""
    if settings.address and settings.engine != "dask":
        raise ConfigError("--address names a Dask scheduler: give it with --engine dask")
    partitions = list_partitions(patterns, size=settings.partition_size)
    if plan is not None:
        plan(partitions)
    output.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    todo = []
    for partition in partitions:
        if is_finished(output, partition.id):
            yield PartitionReport(partition.id, 0, 0, 0, 0.0, skipped=True)
        else:
            todo.append(partition)
    write_manifest(output, settings, partitions)
    if not todo:
        return
    if settings.engine == "dask":
        yield from run_dask(todo, output, settings)
    else:
        yield from run_local(todo, output, settings)


def run_local(
    partitions: Sequence[Partition], output: Path, settings: Settings
) -> Iterator[PartitionReport]:
    if settings.workers == 1:
        pipeline = build_pipeline(settings)
        for partition in partitions:
            yield process_partition(partition, output, pipeline, batch_size=settings.batch_size)
        return
    with PipelinePool(n=settings.workers, settings=settings) as pool:
        futures = [pool.submit(partition_in_pool, p, output, settings.batch_size)
                   for p in partitions]  # fmt: skip
        for future in as_completed(futures):
            yield future.result()


def run_dask(
    partitions: Sequence[Partition], output: Path, settings: Settings
) -> Iterator[PartitionReport]:
    from distributed import as_completed as dask_completed

    with dask_client(settings) as client:
        loads = client.run(load_on_dask, settings)
        log.info("dask: pipeline loaded on %d workers", len(loads))
        futures = client.map(partition_on_dask, list(partitions), output=str(output.resolve()),
                             settings=settings, pure=False)  # fmt: skip
        for future in dask_completed(futures):
            yield future.result()


@contextlib.contextmanager
def dask_client(settings: Settings) -> Iterator[Any]:
    """A client of the scheduler at `address`, or of a local cluster on 127.0.0.1."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "the dask engine needs Dask distributed: pip install 'eventwire[dask]'"
        ) from exc
    if settings.address:
        try:
            client = Client(settings.address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {settings.address}: {exc}"
            ) from exc
        with client:
            yield client
        return
    # Everything on the loopback interface, the scheduler's web server on a free port.
    # Dask's worker defaults cost this CPU-bound work about 10% of its CPU time (measured
    # in one worker on the MEANTIME texts): MALLOC_TRIM_THRESHOLD_ (set, it also turns off
    # glibc's adaptive mmap threshold, so every large array is a fresh mapping) and the
    # statistical profiler's sampling thread. The local cluster runs without both.
    tuned = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
             "distributed.worker.profile.enabled": False}  # fmt: skip
    with dask.config.set(tuned):
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1,
                               processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0",
                               silence_logs=logging.WARNING)  # fmt: skip
    with cluster, Client(cluster) as client:
        yield client


def write_manifest(output: Path, settings: Settings, partitions: Sequence[Partition]) -> None:
    """`_eventwire.json`: the run's settings, stages, versions and partitions."""
    from eventwire.ingest.batch import versions

    stages = settings.stages or DEFAULT_STAGES
    from eventwire.store.postgres import redact

    manifest = {
        "schema": "eventwire/1",
        "settings": {**settings.to_dict(), "db": redact(settings.db)},
        "stages": list(stages),
        "versions": versions(stages),
        "partitions": [
            {"id": p.id, "path": p.path, "kind": p.kind, "size": p.size} for p in partitions
        ],
    }
    fd, temp = tempfile.mkstemp(dir=output, prefix=".manifest.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(manifest, out, indent=1)
    os.chmod(temp, 0o644)
    os.replace(temp, output / MANIFEST)
