"""Read articles from Parquet files: one row per article, with the JSON Lines record's
columns (`text`; optionally `id`, `published`, `url`, `title`, `outlet`). A date or
timestamp column is read as its ISO form; other columns are ignored."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.read.files import record_item, str_or_none
from eventwire.read.items import Item, ItemError, digest, error_for

log = logging.getLogger(__name__)

COLUMNS = ("id", "text", "published", "url", "title", "outlet")


def parquet_rows(path: Path) -> int:
    """How many rows the file holds (from its footer); InputError when it is no Parquet."""
    return int(open_parquet(path).metadata.num_rows)


def open_parquet(path: Path) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"cannot read the Parquet file {path}: {exc}") from exc


def read_parquet(
    path: Path, *, start: int = 0, stop: int | None = None
) -> Iterator[Item | ItemError]:
    """One item per row in [start, stop); a row without text is an ItemError `path#row:N`
    (rows are numbered from 1, as JSON Lines lines are)."""
    import pyarrow as pa

    base = str(path.resolve())
    try:
        handle = open_parquet(path)
        present = [c for c in COLUMNS if c in handle.schema_arrow.names]
        if "text" not in present:
            raise InputError(f"{path} has no 'text' column")
        rows = read_rows(handle, present, start, stop)
    except (InputError, OSError, pa.ArrowException) as exc:
        yield error_for(base, exc if isinstance(exc, InputError) else InputError(str(exc)))
        return
    for number, row in enumerate(rows, start=start + 1):
        record = {k: iso_text(v) for k, v in row.items() if v is not None}
        record_digest = digest(*(str_or_none(record.get(c)) for c in COLUMNS))
        yield record_item(record, base, f"{base}#row:{number}", record_digest)


def read_rows(
    handle: Any, columns: list[str], start: int, stop: int | None
) -> list[dict[str, Any]]:
    """Rows [start, stop) as dicts, reading only the row groups that hold them."""
    stop = handle.metadata.num_rows if stop is None else stop
    groups, first, offset = [], None, 0
    for i in range(handle.metadata.num_row_groups):
        size = handle.metadata.row_group(i).num_rows
        if offset < stop and offset + size > start:
            groups.append(i)
            first = offset if first is None else first
        offset += size
    if not groups or first is None:
        return []
    table = handle.read_row_groups(groups, columns=columns)
    rows: list[dict[str, Any]] = table.slice(start - first, stop - start).to_pylist()
    return rows


def iso_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
