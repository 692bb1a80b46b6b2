"""Worker processes: they start once (forked with the pipeline loaded, where the system can
fork), give the same results as one process, and end when their parent is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

from storetest import FAKE_STAGES, subprocess_env

from eventwire.ingest import Item, Workers
from eventwire.ingest.worker import chunked, extract_item
from eventwire.pipeline import build_pipeline
from eventwire.read.items import digest
from eventwire.run import pool
from eventwire.settings import Settings
from eventwire.store.base import Failure

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
PATIENCE_S = 60
FAKE = Settings(stages=(FAKE_STAGES,))


def items(n: int, *, fail: int | None = None) -> list[Item]:
    out = []
    for i in range(n):
        text = f"Iraq protested in Baghdad on 2024-03-{i % 28 + 1:02d}. Report {i}."
        if i == fail:
            text += " FAIL"
        out.append(Item(key=f"item{i}", content=text, digest=digest(text)))
    return out


def test_chunked_cuts_the_last_chunk_for_the_workers():
    sizes = [len(c) for c in chunked(items(45), 16, parts=2)]
    assert sizes == [16, 16, 7, 6]
    assert [len(c) for c in chunked(items(3), 16, parts=4)] == [1, 1, 1]
    assert list(chunked([], 16, parts=2)) == []


def test_workers_give_the_results_of_one_process_in_order():
    batch = items(40, fail=7)
    one = [extract_item(i, build_pipeline(FAKE)) for i in batch]
    workers = Workers(n=2, settings=FAKE)
    try:
        got = list(workers.map(iter(batch)))
    finally:
        workers.close()
    assert [item.key for item, _ in got] == [i.key for i in batch]
    assert [result for _, result in got] == one
    assert isinstance(one[7], Failure)
    assert one[7].stage == "fake_events"


@pytest.mark.skipif(pool.start_method() != "fork", reason="workers are forked on Linux only")
def test_workers_are_forked_with_the_pipeline_loaded():
    with pool.PipelinePool(n=2, settings=FAKE) as workers:
        names = {workers.submit(worker_stage_names).result() for _ in range(4)}
    assert names == {("fake_events",)}


def worker_stage_names() -> tuple[str, ...]:
    return pool.worker_pipeline().names


def children_of(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text()
        found |= {int(p) for p in text.split()}
    return found


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has ended (in a container nobody may reap it)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_issue_15_kill_9_of_ingest_leaves_no_worker_running(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        stall = " STALL" if i == 20 else ""
        (folder / f"{i:03d}.txt").write_text(f"Iraq protested in Baghdad. Report {i}.{stall}")
    env = subprocess_env(str(tmp_path / "store.db"), FAKE_STALL="1", EVENTWIRE_BATCH_SIZE="1")
    proc = subprocess.Popen(
        [EVENTWIRE, "ingest", str(folder), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + PATIENCE_S
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            workers = children_of(proc.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(1.0)  # let them take work: one sits in the stalled article
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, not its process group
        proc.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(is_running(w) for w in workers):
            time.sleep(0.1)
        assert not [w for w in workers if is_running(w)]
    finally:
        for pid in children_of(proc.pid) if proc.poll() is None else ():
            os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
