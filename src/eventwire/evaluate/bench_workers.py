"""How the workers scale: `ingest --workers`, the local engine and Dask, each with 1 and 2
workers, on the same texts, in one run.

Both set-ups of a kind are started first (their start-up timed), then take the texts in
rounds, alternating which goes first, so that a change of load on the machine weighs on
both alike. Per set-up: wall time and words per second after start-up, the CPU time of
its processes (the parent's and its workers'), and each worker's peak RSS and, at the end,
its PSS (forked workers share the parent's pages, which their RSS counts whole). Scaling
efficiency is the 2-worker rate over twice the 1-worker rate; on a machine shared with
other work it is also bounded by the cores the others leave, so the CPU-time efficiency
(the 1-worker CPU time over the 2-worker CPU time for the same work: what running in
parallel costs in extra work) is given beside it. CPU and RSS figures read /proc (Linux).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eventwire.settings import Settings

ROUNDS = 3


def children() -> set[int]:
    """This process's child processes (empty where /proc is missing)."""
    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        try:
            found |= {int(p) for p in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process so far (0 where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int, key: str, source: str = "status") -> float:
    """A figure of /proc/PID/status (VmHWM: peak RSS) or smaps_rollup (Pss: the process's
    share of the pages it shares, now), in MB; 0 where /proc is missing."""
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Setup:
    """One kind with N workers, alive across the rounds."""

    name: str
    workers: int
    run_round: Callable[[int], None]
    close: Callable[[], None]
    pids: list[int]  # its worker processes (empty: it works in this process)
    startup_seconds: float
    seconds: float = 0.0
    cpu: float = 0.0
    words: int = 0
    peaks: list[float] = field(default_factory=list)
    shares: list[float] = field(default_factory=list)

    def measure(self, round_no: int, words: int) -> None:
        cpu = time.process_time() + sum(cpu_seconds(p) for p in self.pids)
        started = time.perf_counter()
        self.run_round(round_no)
        self.seconds += time.perf_counter() - started
        self.cpu += time.process_time() + sum(cpu_seconds(p) for p in self.pids) - cpu
        self.words += words

    def finish(self) -> None:
        pids = self.pids or [os.getpid()]
        self.peaks = [memory_mb(p, "VmHWM") for p in pids]
        self.shares = [memory_mb(p, "Pss", "smaps_rollup") for p in pids]
        self.close()

    def to_dict(self) -> dict[str, Any]:
        plural = "s" if self.workers > 1 else ""
        label = {"ingest": f"ingest --workers {self.workers}",
                 "local": f"local engine, {self.workers} worker{plural}",
                 "dask": f"Dask, {self.workers} worker{plural}"}[self.name]  # fmt: skip
        rate = round(self.words / self.seconds) if self.seconds else 0
        return {"name": self.name, "label": label, "workers": self.workers,
                "seconds": round(self.seconds, 2), "words_per_second": rate,
                "cpu_seconds": round(self.cpu, 2),
                "startup_seconds": round(self.startup_seconds, 2),
                "peak_rss_mb": [round(m) for m in self.peaks],
                "pss_mb": [round(m) for m in self.shares]}  # fmt: skip


def ingest_setup(workers: int, groups: list[list[Any]], settings: Settings,
                 folder: Path) -> Setup:  # fmt: skip
    from eventwire.ingest import Workers, ingest
    from eventwire.store import open_store

    store = open_store(str(folder / f"ingest-{workers}.db"))
    before = children()
    started = time.perf_counter()
    pool = Workers(n=workers, settings=replace(settings, workers=workers))
    startup = time.perf_counter() - started

    def run_round(n: int) -> None:
        for _ in ingest(store, groups[n], workers=pool):
            pass

    def close() -> None:
        pool.close()
        store.close()

    return Setup("ingest", workers, run_round, close, sorted(children() - before), startup)


def engine_setup(name: str, workers: int, groups: list[list[Any]], settings: Settings,
                 folder: Path) -> Setup:  # fmt: skip
    from contextlib import ExitStack

    from eventwire.pipeline import build_pipeline
    from eventwire.run.engines import (
        dask_client,
        load_on_dask,
        partition_in_pool,
        partition_on_dask,
        process_partition,
    )
    from eventwire.run.pool import PipelinePool

    settings = replace(settings, workers=workers)
    output = folder / f"{name}-{workers}"
    stack = ExitStack()
    before = children()
    started = time.perf_counter()
    if name == "dask":
        client = stack.enter_context(dask_client(settings))
        client.run(load_on_dask, settings)
        pids = sorted(set(client.run(os.getpid).values()))

        def run_round(n: int) -> None:
            client.gather(client.map(partition_on_dask, groups[n], output=str(output),
                                     settings=settings, pure=False))  # fmt: skip

    elif workers > 1:
        pool = stack.enter_context(PipelinePool(n=workers, settings=settings))
        pids = sorted(children() - before)

        def run_round(n: int) -> None:
            futures = [pool.submit(partition_in_pool, p, output, settings.batch_size)
                       for p in groups[n]]  # fmt: skip
            for future in futures:
                future.result()

    else:
        pipeline = build_pipeline(settings)
        pids = []

        def run_round(n: int) -> None:
            for p in groups[n]:
                process_partition(p, output, pipeline, batch_size=settings.batch_size)

    startup = time.perf_counter() - started
    return Setup(name, workers, run_round, stack.close, pids, startup)


def split(items: Sequence[Any], sizes: Sequence[int], words: Sequence[int],
          parts: int) -> tuple[list[list[Any]], list[int]]:  # fmt: skip
    """`items` in `parts` consecutive groups, and the words of each group (an item holds
    `sizes[i]` consecutive input lines, whose word counts are `words`)."""
    step = -(-len(items) // parts)
    groups = [list(items[i : i + step]) for i in range(0, len(items), step)]
    counts, line = [], 0
    for start in range(0, len(items), step):
        lines = sum(sizes[start : start + step])
        counts.append(sum(words[line : line + lines]))
        line += lines
    return groups, counts


def scaling_passes(kinds: Sequence[str], source: Path, words: list[int], settings: Settings,
                   folder: Path, *, note: Callable[[str], None]) -> dict[str, Any]:  # fmt: skip
    """The set-ups of each kind named, in rounds; their figures and efficiencies. `words`
    holds each input line's word count, in order."""
    from eventwire.read.files import read_jsonl
    from eventwire.run.partitions import list_partitions

    items = list(read_jsonl(source))
    partitions = list_partitions([str(source)], size=settings.partition_size)
    results: list[dict[str, Any]] = []
    efficiency: dict[str, dict[str, float]] = {}
    for kind in kinds:
        note(f"{kind}: 1 and 2 workers, {ROUNDS} rounds")
        if kind == "ingest":
            groups, counts = split(items, [1] * len(items), words, ROUNDS)
            setups = [ingest_setup(n, groups, settings, folder) for n in (1, 2)]
        else:
            sizes = [p.size or 0 for p in partitions]
            groups, counts = split(partitions, sizes, words, ROUNDS)
            setups = [engine_setup(kind, n, groups, settings, folder) for n in (1, 2)]
        try:
            for n in range(len(groups)):
                for setup in setups if n % 2 == 0 else setups[::-1]:
                    setup.measure(n, counts[n])
        finally:
            for setup in setups:
                setup.finish()
        one, two = (s.to_dict() for s in setups)
        results += [one, two]
        efficiency[kind] = {
            "wall": round(two["words_per_second"] / (2 * one["words_per_second"]), 3),
            "cpu": round(one["cpu_seconds"] / two["cpu_seconds"], 3) if two["cpu_seconds"] else 0,
        }
    return {"passes": results, "efficiency": efficiency}
