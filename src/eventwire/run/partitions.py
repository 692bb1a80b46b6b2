"""Input partitions: what one task of `run` reads, and writes one output file per table for.

A JSON Lines file is cut into partitions of `partition_size` lines (by byte range, found by
one pass over the file's line ends), a Parquet file into partitions of `partition_size`
rows, and a WARC file is one partition (its records can only be found by reading it
through). A partition's id names its file (a readable stem and a hash of its full path)
and its place in it, so a rerun over the same inputs finds the same ids.
"""

from __future__ import annotations

import glob
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError
from eventwire.read.files import JSONL_SUFFIXES, WARC_SUFFIXES, read_jsonl
from eventwire.read.items import Item, ItemError
from eventwire.read.parquet import parquet_rows, read_parquet
from eventwire.read.warc import read_warc

PARQUET_SUFFIXES = (".parquet", ".pq")
KINDS = ("jsonl", "parquet", "warc")
BLOCK = 1 << 20  # bytes read at a time when finding line ends
UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class Partition:
    """Part of one input file: bytes [start, stop) of a JSON Lines file (from line
    `first_line`), rows [start, stop) of a Parquet file, or a whole WARC file."""

    id: str
    path: str
    kind: str  # one of KINDS
    start: int = 0
    stop: int | None = None
    first_line: int = 1
    size: int | None = None  # records (lines, rows) when known without reading them

    def items(self) -> Iterator[Item | ItemError]:
        path = Path(self.path)
        if self.kind == "jsonl":
            return read_jsonl(path, start=self.start, stop=self.stop, first_line=self.first_line)
        if self.kind == "parquet":
            return read_parquet(path, start=self.start, stop=self.stop)
        return read_warc(path)


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    raise InputError(
        f"{path}: run reads JSON Lines (.jsonl, .ndjson), Parquet (.parquet) or WARC "
        "(.warc, .warc.gz) files"
    )


def input_files(patterns: Sequence[str]) -> list[Path]:
    """The files the glob patterns name (a folder: the files in it), sorted, each once."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        matches = sorted(glob.glob(pattern, recursive=True)) or []
        if not matches:
            raise InputError(f"no input matches {pattern!r}")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                found.update((p.resolve(), None) for p in sorted(path.iterdir()) if p.is_file()
                             and not p.name.startswith("."))  # fmt: skip
            elif path.is_file():
                found[path.resolve()] = None
    return list(found)


def list_partitions(patterns: Sequence[str], *, size: int) -> list[Partition]:
    """The partitions of every input file, in file order."""
    if size < 1:
        raise InputError("the partition size must be at least 1")
    partitions: list[Partition] = []
    for path in input_files(patterns):
        kind = kind_of(path)
        stem = file_stem(path)
        if kind == "jsonl":
            partitions += jsonl_partitions(path, stem, size)
        elif kind == "parquet":
            rows = parquet_rows(path)
            partitions += [
                Partition(f"{stem}-{n:05d}", str(path), kind, start, min(start + size, rows),
                          size=min(start + size, rows) - start)
                for n, start in enumerate(range(0, max(rows, 1), size))
            ]  # fmt: skip
        else:
            partitions.append(Partition(f"{stem}-00000", str(path), kind))
    return partitions


def file_stem(path: Path) -> str:
    """A file's readable name and a hash of its full path: unique, and safe in a file name."""
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, *WARC_SUFFIXES):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    tag = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:8]
    return f"{UNSAFE.sub('_', name)[:60] or 'input'}-{tag}"


def jsonl_partitions(path: Path, stem: str, size: int) -> list[Partition]:
    """Byte ranges of `size` lines each (the last may be shorter)."""
    ends = line_ends(path)
    partitions = []
    for n, first in enumerate(range(0, len(ends), size)):
        last = min(first + size, len(ends)) - 1
        start = ends[first - 1] if first else 0
        partitions.append(Partition(f"{stem}-{n:05d}", str(path), "jsonl", start, ends[last],
                                    first + 1, size=last - first + 1))  # fmt: skip
    if not partitions:  # an empty file is one empty partition
        partitions.append(Partition(f"{stem}-00000", str(path), "jsonl", 0, 0, 1, size=0))
    return partitions


def line_ends(path: Path) -> list[int]:
    """The offset just past each line (the file's end for a last line without newline)."""
    ends: list[int] = []
    offset = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(BLOCK):
                at = block.find(b"\n")
                while at != -1:
                    ends.append(offset + at + 1)
                    at = block.find(b"\n", at + 1)
                offset += len(block)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    if offset and (not ends or ends[-1] != offset):
        ends.append(offset)
    return ends
