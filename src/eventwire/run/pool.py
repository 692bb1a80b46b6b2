"""A pool of worker processes that start once and share the parent's loaded pipeline.

Where the system can fork (Linux), the parent loads the pipeline (spaCy, the gazetteer, the
lexicons) and then forks its workers, which begin with everything loaded: two workers pay
the start-up once, and share the model's memory pages with the parent until they write to
them. Elsewhere the workers are spawned and each loads the pipeline once, in its
initializer, for the life of the pool.

A worker ends when its parent does, however the parent ended (`kill -9` included): on Linux
the kernel sends it SIGKILL (`PR_SET_PDEATHSIG`), and on every system a watch thread in the
worker sees the parent gone within PARENT_POLL_SECONDS and exits.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import Settings

log = logging.getLogger(__name__)

R = TypeVar("R")

# How often a worker checks that its parent is alive (the fallback to PR_SET_PDEATHSIG).
PARENT_POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

# The pipeline of this process: set in the parent before forking, or by the initializer of
# a spawned worker.
_pipeline: Pipeline | None = None


def start_method() -> str:
    """ "fork" where it is safe and shares the loaded models (Linux), else "spawn"."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def worker_pipeline() -> Pipeline:
    """The pipeline loaded in this worker (a bug to ask outside a pool's worker)."""
    if _pipeline is None:
        raise RuntimeError("no pipeline in this process: not a PipelinePool worker")
    return _pipeline


class PipelinePool:
    """`n` worker processes, each holding the pipeline `settings` ask for, started now."""

    def __init__(self, *, n: int, settings: Settings) -> None:
        global _pipeline
        if n < 1:
            raise ConfigError("--workers must be at least 1")
        self.n = n
        method = start_method()
        if method == "fork":
            _pipeline = build_pipeline(settings)  # the workers inherit it, loaded
            # What the parent holds now stays out of the collector's passes, in the parent
            # and in the workers, so that a worker's collections do not write to (and so
            # copy) the pages it shares with the parent (the gc module's advice for fork).
            gc.freeze()
        self.executor = ProcessPoolExecutor(
            max_workers=n,
            mp_context=multiprocessing.get_context(method),
            initializer=start_worker,
            initargs=(settings, os.getpid(), method != "fork"),
        )
        # Start every worker now, before the caller starts threads of its own (a progress
        # bar's): a fork copies only the thread that calls it.
        try:
            for future in [self.executor.submit(os.getpid) for _ in range(n)]:
                future.result()
        except BaseException:
            self.close()
            raise
        log.debug("%d workers started (%s)", n, method)

    def submit(self, fn: Callable[..., R], /, *args: Any) -> Future[R]:
        return self.executor.submit(fn, *args)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PipelinePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_worker(settings: Settings, parent: int, load: bool) -> None:
    """In each worker, first: end with the parent; load the pipeline unless inherited."""
    global _pipeline
    watch_parent(parent)
    if load:
        _pipeline = build_pipeline(settings)


def watch_parent(parent: int) -> None:
    """End this process when the process `parent` ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no prctl here: the watch thread does it
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=poll_parent, args=(parent,), name="parent-watch", daemon=True).start()


def poll_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)
