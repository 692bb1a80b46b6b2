"""Write stored events as JSON Lines, CSV, Parquet or GeoJSON, and as a text table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from eventwire.errors import ConfigError, InputError
from eventwire.store.base import EVENT_COLUMNS, EventRow

FORMATS = ("jsonl", "csv", "parquet", "geojson")
# Columns of the terminal table, and how wide each may be.
TABLE_COLUMNS = (("time", 10), ("type", 10), ("modality", 10), ("actors", 28),
                 ("recipients", 24), ("place", 16), ("trigger", 14), ("outlet", 14))  # fmt: skip


def write_jsonl(rows: Iterable[EventRow], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[EventRow], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row.flat())
        n += 1
    return n


def feature(row: EventRow) -> dict[str, Any]:
    properties = row.to_dict()
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": properties,
    }


def write_geojson(rows: Iterable[EventRow], out: IO[str]) -> int:
    """A FeatureCollection of the events that have a place with coordinates."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in rows:
        if row.lat is None or row.lon is None:
            continue
        out.write((",\n" if n else "") + json.dumps(feature(row), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def arrow_schema() -> Any:
    import pyarrow as pa

    actor = pa.struct([("name", pa.string()), ("country", pa.string()), ("sector", pa.string()),
                       ("role", pa.string()), ("sponsor", pa.string())])  # fmt: skip
    floats = {"lat", "lon", "confidence"}
    fields = []
    for name in EVENT_COLUMNS:
        if name in ("actors", "recipients"):
            fields.append(pa.field(name, pa.list_(actor)))
        else:
            fields.append(pa.field(name, pa.float64() if name in floats else pa.string()))
    return pa.schema(fields)


def batches(rows: Iterable[EventRow], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row.to_dict())
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Iterable[EventRow], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in batches(rows, 10_000):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def export(rows: Iterable[EventRow], *, fmt: str, out: IO[str] | None, path: Path | None) -> int:
    """Write the rows in `fmt` to `path`, or to `out` (text formats only); the count."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet" and path is None:
        raise ConfigError("Parquet export needs --output FILE")
    if path is not None and not path.parent.is_dir():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    if path is not None and path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder")
    if fmt == "parquet":
        assert path is not None
        return write_parquet(rows, path)
    writers = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
    if path is not None:
        try:
            handle = path.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc.strerror}") from exc
        with handle:
            return writers[fmt](rows, handle)
    assert out is not None
    return writers[fmt](rows, out)


def cell(value: object, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table_lines(rows: Iterable[EventRow]) -> Iterator[str]:
    """A fixed-width text table, one line per event, for a terminal."""
    yield "  ".join(name.upper().ljust(width) for name, width in TABLE_COLUMNS).rstrip()
    for row in rows:
        flat = row.flat()
        values = {
            **flat,
            "time": row.time_start or row.time or "",
            "type": row.type,
            "place": ", ".join(x for x in (row.place, row.place_country) if x),
        }
        yield "  ".join(cell(values[name], width).ljust(width)
                        for name, width in TABLE_COLUMNS).rstrip()  # fmt: skip
