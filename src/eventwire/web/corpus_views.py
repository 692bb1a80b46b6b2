"""Stories and the ledger over HTTP: the query string into `eventwire.corpus`'s arguments."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import QueryParams

from eventwire.store.sql import SqlStore
from eventwire.web.responses import ApiError


def stories(store: SqlStore, query: QueryParams) -> dict[str, Any]:
    raise ApiError(501, "NotImplemented", "stories are not in this build of eventwire")


def ledger(store: SqlStore, query: QueryParams) -> dict[str, Any]:
    raise ApiError(501, "NotImplemented", "the ledger is not in this build of eventwire")
