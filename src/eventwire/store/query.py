"""SQL for `EventFilter`s: one WHERE clause for both engines, with `?` parameters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.store.base import EventFilter
from eventwire.store.rows import LONG_SPAN_DAYS, OPEN_HI, OPEN_LO, day_before

# Two steps: the keys of a page of matching events (read in key order), then their rows.
# With a term filter (actor, country, outlet) the keys come from that term's range of the
# event_terms index, already in event order; other terms are checked by lookups.
EVENTS = "FROM events e"
TERM_EVENTS = "FROM event_terms t0 JOIN events e ON e.seq = t0.event_seq"
SELECT_ROWS = """
SELECT e.seq, e.article_seq, a.id, e.id, e.type, e.plover_type, e.mode, e.modality,
       e.trigger_text, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
       e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon,
       e.time_value, e.time_start, e.time_end, e.confidence, e.salience,
       a.published, a.outlet, a.url, a.title, d.original_id
FROM events e
JOIN articles a ON a.seq = e.article_seq
LEFT JOIN duplicates d ON d.article_id = a.id
"""

# A text-search clause for the engine: takes the user's words, gives (SQL, params).
TextClause = Callable[[str], tuple[str, list[Any]]]


def in_list(column: str, values: tuple[str, ...]) -> tuple[str, list[Any]]:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def is_country_code(value: str) -> bool:
    return len(value) == 3 and value.isalpha() and value.isupper()


def terms(f: EventFilter) -> list[str]:
    found = []
    if f.actor:
        found.append(f"ac:{f.actor}" if is_country_code(f.actor) else f"a:{f.actor.casefold()}")
    if f.outlet:
        found.append(f"o:{f.outlet}")
    if f.country:
        found.append(f"c:{f.country}")
    return found


def selection(f: EventFilter, text_clause: TextClause) -> tuple[str, str, list[Any], str]:
    """(FROM ..., WHERE ... or '', parameters, the key column to order and page by)."""
    wanted = terms(f)
    if not wanted:
        clause, params = where(f, text_clause)
        return EVENTS, clause, params, "e.seq"
    parts = ["t0.term = ?"]
    params: list[Any] = [wanted[0]]
    for n, term in enumerate(wanted[1:], start=1):
        parts.append(f"EXISTS (SELECT 1 FROM event_terms t{n} "
                     f"WHERE t{n}.term = ? AND t{n}.event_seq = e.seq)")  # fmt: skip
        params.append(term)
    clause, more = where(f, text_clause)
    if clause:
        parts.append(clause.removeprefix("WHERE "))
    return TERM_EVENTS, "WHERE " + " AND ".join(parts), params + more, "t0.event_seq"


def where(f: EventFilter, text_clause: TextClause) -> tuple[str, list[Any]]:
    """The WHERE clause (starting 'WHERE', or empty) and its parameters, for the filters on
    the events' own columns."""
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        parts.append(sql)
        params.extend(values)

    if not f.all_versions:
        add("e.is_current = 1", [])
    if f.types:
        add(*in_list("e.type", f.types))
    if f.plover_types:
        add(*in_list("e.plover_type", f.plover_types))
    if f.modalities:
        add(*in_list("e.modality", f.modalities))
    if f.place_country:
        add("e.place_country = ?", [f.place_country])
    if f.admin1:
        add("e.place_admin1 = ?", [f.admin1])
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        add("e.place_lat BETWEEN ? AND ?", [min_lat, max_lat])
        if min_lon <= max_lon:
            add("e.place_lon BETWEEN ? AND ?", [min_lon, max_lon])
        else:  # the box crosses the antimeridian
            add("(e.place_lon >= ? OR e.place_lon <= ?)", [min_lon, max_lon])
    if f.since or f.until:
        since = f.since.isoformat() if f.since else OPEN_LO
        until = f.until.isoformat() if f.until else OPEN_HI
        floor = day_before(f.since, LONG_SPAN_DAYS) if f.since else OPEN_LO
        # Overlap of [time_lo, time_hi] with [since, until]. A short interval that ends on or
        # after `since` starts at most LONG_SPAN_DAYS before it, so its time_lo lies in a
        # bounded range an index can scan; long ones have their own index.
        add("((e.time_long = 0 AND e.time_lo BETWEEN ? AND ? AND e.time_hi >= ?)"
            " OR (e.time_long = 1 AND e.time_lo <= ? AND e.time_hi >= ?))",
            [floor, until, since, until, since])  # fmt: skip
    if f.text and f.text.strip():
        add(*text_clause(f.text))
    if f.collapse:
        add("NOT EXISTS (SELECT 1 FROM articles da JOIN duplicates d ON d.article_id = da.id "
            "WHERE da.seq = e.article_seq)", [])  # fmt: skip
    if not parts:
        return "", []
    return "WHERE " + " AND ".join(parts), params
