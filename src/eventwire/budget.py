"""The per-article time budget: the pipeline gives each article a deadline, and stages check
it between their steps (`check_budget()` in their long loops), so one article cannot hold a
batch for minutes. Past the deadline `check_budget` raises `TimeBudgetError`, which the
pipeline makes that article's failure record ("time budget exceeded"); the batch goes on.

The deadline is a context variable set by `Pipeline` for the article it runs: stages stay
pure functions of their `Doc`, and code run outside a pipeline has no deadline.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from eventwire.errors import TimeBudgetError

# (deadline on the monotonic clock, the budget in seconds), or None: no limit
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("eventwire_deadline", default=None)


@contextmanager
def time_budget(seconds: float | None, *, total: float | None = None) -> Iterator[None]:
    """Code inside has `seconds` (None or 0: no limit); `total`, when the article had spent
    part of its budget before, is the whole budget the error message names."""
    limit = total or seconds
    token = _DEADLINE.set((time.monotonic() + seconds, limit) if seconds and limit else None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_budget() -> None:
    """Raise TimeBudgetError once the running article's budget is spent."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise TimeBudgetError(f"time budget exceeded: over {deadline[1]:g} s for one article")
