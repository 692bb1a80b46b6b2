"""An `EventFilter` from strings: what a user types after `eventwire query` or puts in the
query string of `GET /api/events`. Codes are upper-cased, modalities lower-cased, dates and
boxes checked; a bad value is a `ConfigError` that names the option."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from eventwire.errors import ConfigError
from eventwire.store.base import EventFilter

Box = tuple[float, float, float, float]


def parse_bbox(value: str | None, option: str = "--bbox") -> Box | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise ConfigError(f"{option} takes minlon,minlat,maxlon,maxlat, not {value!r}")
    return parts[0], parts[1], parts[2], parts[3]


def parse_day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ConfigError(f"{option} takes a date (YYYY-MM-DD), not {value!r}") from None


def event_filter(*, types: Sequence[str] = (), plover_types: Sequence[str] = (),
                 modalities: Sequence[str] = (), actor: str | None = None,
                 country: str | None = None, place_country: str | None = None,
                 admin1: str | None = None, bbox: str | None = None, since: str | None = None,
                 until: str | None = None, outlet: str | None = None, text: str | None = None,
                 collapse: bool = False, limit: int | None = None, offset: int = 0,
                 prefix: str = "--") -> EventFilter:  # fmt: skip
    """An EventFilter from strings (codes upper-cased, dates checked). `prefix` is how the
    caller names its options in error messages: "--" for the CLI's `--since`, "" for the
    HTTP API's `since`."""
    return EventFilter(
        types=tuple(t.upper() for t in types), plover_types=tuple(t.upper() for t in plover_types),
        modalities=tuple(m.lower() for m in modalities), actor=actor or None,
        country=country.upper() if country else None,
        place_country=place_country.upper() if place_country else None, admin1=admin1 or None,
        bbox=parse_bbox(bbox, f"{prefix}bbox"), since=parse_day(since, f"{prefix}since"),
        until=parse_day(until, f"{prefix}until"), outlet=outlet or None, text=text or None,
        collapse=collapse, limit=limit, offset=offset,
    )  # fmt: skip
