"""Errors we raise on purpose.

EventwireError
 ├─ ConfigError     a bad setting or a misordered pipeline
 ├─ InputError      input we cannot read: empty, binary, too large, bad JSON, bad date
 ├─ FetchError      a URL or feed the user asked for could not be fetched
 ├─ StageError      a stage failed on one article (carries stage name and article id)
 ├─ TimeBudgetError an article took longer than its time budget (a StageError's cause)
 └─ StoreError      the store could not be opened, migrated or written
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class; catch this at program edges."""


class ConfigError(EventwireError):
    pass


class InputError(EventwireError):
    pass


class FetchError(EventwireError):
    pass


class StageError(EventwireError):
    def __init__(self, stage: str, article_id: str, cause: Exception) -> None:
        super().__init__(f"{stage} failed on {article_id}: {cause}")
        self.stage = stage
        self.article_id = article_id
        self.cause = cause


class TimeBudgetError(EventwireError):
    pass


class StoreError(EventwireError):
    pass
