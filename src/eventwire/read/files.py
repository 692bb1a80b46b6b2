"""Read articles from files and folders (text or HTML, one article per file) and from
JSON Lines files (one `{"text", "id"?, "published"?, "url"?, "title"?, "outlet"?}` per line).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.read.items import Item, ItemError, digest, error_for
from eventwire.read.text import (
    check_record_text,
    jsonl_line,
    printable_id,
    read_jsonl_record,
    read_path,
    record_id_of,
)

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")


def list_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and those inside the folders named (recursively, sorted, skipping
    hidden files)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(s.startswith(".") for s in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def read_file(path: Path) -> Item | ItemError:
    key = str(path.resolve())
    try:
        text = read_path(path)
    except InputError as exc:
        return error_for(key, exc)
    return Item(key=key, content=text, digest=digest(text))


def read_files(paths: Iterable[Path]) -> Iterator[Item | ItemError]:
    for path in paths:
        yield read_file(path)


def str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def record_item(
    record: dict[str, Any], base: str, fallback_key: str, record_digest: str
) -> Item | ItemError:
    """The item of one record of a JSON Lines or Parquet file `base`: keyed by the record's
    id when it has one (else `fallback_key`, its line or row), or an error that keeps that
    key when its text is no text to read."""
    raw_id = str_or_none(record.get("id"))
    record_id = None if raw_id is None else printable_id(raw_id)
    key = f"{base}#id:{record_id}" if record_id is not None else fallback_key
    try:
        check_record_text(record)
    except InputError as exc:
        return error_for(key, exc)
    return Item(
        key=key,
        content=record["text"],
        digest=record_digest,
        published=str_or_none(record.get("published")),
        url=str_or_none(record.get("url")),
        title=str_or_none(record.get("title")),
        outlet=str_or_none(record.get("outlet")),
        id=record_id,
    )


def read_jsonl(
    path: Path, *, start: int = 0, stop: int | None = None, first_line: int = 1
) -> Iterator[Item | ItemError]:
    """One item per non-blank line; an invalid line becomes an ItemError `path#line:N`.
    `start` and `stop` read only the lines in that byte range (which starts at line
    `first_line`): a part of a large file."""
    base = str(path.resolve())
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield error_for(base, InputError(f"cannot read {path}: {exc.strerror}"))
        return
    with handle:
        handle.seek(start)
        lines = handle if stop is None else io.BytesIO(handle.read(max(0, stop - start)))
        for number, raw in enumerate(lines, start=first_line):
            line_key = f"{base}#line:{number}"
            if not raw.strip():
                continue
            try:
                line = jsonl_line(raw)
                record = read_jsonl_record(line)
            except InputError as exc:
                known = record_id_of(raw)
                yield error_for(f"{base}#id:{known}" if known is not None else line_key, exc)
                continue
            yield record_item(record, base, line_key, digest(line.strip()))


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
