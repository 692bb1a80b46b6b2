"""Query strings into store filters. The event filters are those of `eventwire query`, with
the same meaning (see docs/store.md); a list filter (`type`, `plover_type`, `modality`) may
be repeated (`type=PROTEST&type=ASSAULT`) or comma-separated (`type=PROTEST,ASSAULT`). An
unknown parameter or a bad value is a 400 that says which, rather than a silent no-op."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from starlette.datastructures import QueryParams

from eventwire.errors import ConfigError
from eventwire.store.base import EventFilter
from eventwire.store.filters import event_filter, parse_day
from eventwire.web.responses import ApiError

LIST_FILTERS = ("type", "plover_type", "modality")
TEXT_FILTERS = (
    "actor",
    "country",
    "place_country",
    "admin1",
    "outlet",
    "since",
    "until",
    "text",
    "bbox",
)
FILTERS = (*LIST_FILTERS, *TEXT_FILTERS, "collapse")
PAGING = ("limit", "offset")
DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class BadParameter(ApiError):
    """A query parameter the API refuses (a 400)."""

    def __init__(self, message: str) -> None:
        super().__init__(400, "BadParameter", message)


def check_known(query: QueryParams, allowed: Collection[str]) -> None:
    unknown = sorted(set(query.keys()) - set(allowed))
    if unknown:
        raise BadParameter(
            f"unknown parameter {unknown[0]!r}; this endpoint takes: {', '.join(allowed)}"
        )


def many(query: QueryParams, name: str) -> tuple[str, ...]:
    return tuple(v.strip() for raw in query.getlist(name) for v in raw.split(",") if v.strip())


def one(query: QueryParams, name: str) -> str | None:
    values = query.getlist(name)
    if len(values) > 1:
        raise BadParameter(f"{name} takes one value, not {len(values)}")
    return values[0].strip() if values and values[0].strip() else None


def flag(query: QueryParams, name: str) -> bool:
    value = (one(query, name) or "").lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise BadParameter(f"{name} takes true or false, not {value!r}")


def integer(query: QueryParams, name: str, *, default: int, low: int, high: int) -> int:
    value = one(query, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(f"{name} takes a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise BadParameter(f"{name} must be between {low:,} and {high:,}, not {number:,}")
    return number


def day(query: QueryParams, name: str) -> date | None:
    try:
        return parse_day(one(query, name), name)
    except ConfigError as exc:
        raise BadParameter(str(exc)) from None


def limit_of(query: QueryParams, *, default: int = DEFAULT_LIMIT, high: int = MAX_LIMIT) -> int:
    return integer(query, "limit", default=default, low=1, high=high)


def filter_of(query: QueryParams, *, paged: bool = True) -> EventFilter:
    """The EventFilter the query string names (with its limit and offset when `paged`)."""
    try:
        return event_filter(
            types=many(query, "type"),
            plover_types=many(query, "plover_type"),
            modalities=many(query, "modality"),
            **{name: one(query, name) for name in TEXT_FILTERS},
            collapse=flag(query, "collapse"),
            limit=limit_of(query) if paged else None,
            offset=integer(query, "offset", default=0, low=0, high=10**9) if paged else 0,
            prefix="",
        )
    except ConfigError as exc:
        raise BadParameter(str(exc)) from None
