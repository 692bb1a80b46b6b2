"""The gazetteer's compact file, read: memory-mapped arrays behind the `Gazetteer` lookups.

Layout (written by `gazetteer_cache.write_gazetteer`): 8 magic bytes, the header's length
(8 bytes, little-endian), the JSON header (small tables, and where each array lies), then
the arrays, each aligned to 8 bytes: the entries' columns (strings as numbers into one
string table), the name index (keys sorted by a stable 64-bit hash, each with its entry
numbers and whether each matched by a canonical or curated name), GeoNames ids. Opening the
file reads the header only; an entry is made when a lookup asks for it.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import mmap
import time
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from eventwire.stages.s4_places.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    key_variants,
    place_key,
)

MAGIC = b"EWGAZ\x00\x00\x01"
# Raised when the layout below changes, so older files are never misread.
FORMAT = 1
NO_STRING = -1
# Entries kept once made, per process: a few MB (an entry is about 200 bytes); a batch of
# news names a few thousand distinct places.
MADE_ENTRIES = 50_000
# Entry flags: which optional numbers are absent, which are ints, whether a capital.
LAT_NONE, LON_NONE, GEONAMES_NONE, LAT_INT, LON_INT, CAPITAL = (1 << i for i in range(6))


def name_hash(key: str) -> int:
    """A stable 64-bit hash of an index key (Python's own `hash` changes per process)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def open_gazetteer(path: Path) -> CompactGazetteer:
    """Map the file and read its header; ValueError when it is not a whole gazetteer file."""
    started = time.perf_counter()
    with path.open("rb") as handle:
        try:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError as exc:  # an empty file
            raise ValueError(f"not a gazetteer file: {exc}") from exc
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError("not a gazetteer file of this version")
    size = int.from_bytes(mapped[len(MAGIC) : len(MAGIC) + 8], "little")
    base = len(MAGIC) + 8 + size
    try:
        header = json.loads(mapped[len(MAGIC) + 8 : base].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable header: {exc}") from exc
    if header.get("format") != FORMAT:
        raise ValueError(f"format {header.get('format')}, not {FORMAT}")
    view = memoryview(mapped)
    columns: dict[str, memoryview] = {}
    for name, (code, offset, count) in header["arrays"].items():
        width = array(code).itemsize
        if base + offset + count * width > len(mapped):
            raise ValueError("the file is truncated")
        columns[name] = view[base + offset : base + offset + count * width].cast(code)
    gazetteer = CompactGazetteer(path, header, columns)
    gazetteer.load_seconds = time.perf_counter() - started
    return gazetteer


class StringTable:
    def __init__(self, blob: memoryview, offsets: memoryview) -> None:
        self.blob, self.offsets = blob, offsets

    def __getitem__(self, n: int) -> str:
        return bytes(self.blob[self.offsets[n] : self.offsets[n + 1]]).decode("utf-8")

    def get(self, n: int) -> str | None:
        return None if n == NO_STRING else self[n]


class EntryTable(Sequence[GazetteerEntry]):
    """The entries, made from their columns when asked for and kept (up to MADE_ENTRIES of
    them: news names the same places again and again), read-only."""

    def __init__(self, columns: Mapping[str, memoryview], strings: StringTable) -> None:
        self.c, self.strings = columns, strings
        self.made: dict[int, GazetteerEntry] = {}

    def __len__(self) -> int:
        return len(self.c["flags"])

    def __getitem__(self, n: Any) -> Any:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        entry = self.made.get(n)
        if entry is None:
            if len(self.made) >= MADE_ENTRIES:
                self.made.clear()
            entry = self.made[n] = self.make(n)
        return entry

    def make(self, n: int) -> GazetteerEntry:
        c, s = self.c, self.strings
        flags = c["flags"][n]
        return GazetteerEntry(
            name=s[c["name"][n]],
            kind=s[c["kind"][n]],
            country=s.get(c["country"][n]),
            admin1=s.get(c["admin1"][n]),
            lat=number(c["lat"][n], flags, LAT_NONE, LAT_INT),
            lon=number(c["lon"][n], flags, LON_NONE, LON_INT),
            geonames_id=None if flags & GEONAMES_NONE else c["geonames_id"][n],
            population=c["population"][n],
            capital=bool(flags & CAPITAL),
            source=s[c["source"][n]],
        )


def number(value: float, flags: int, none_flag: int, int_flag: int) -> float | int | None:
    if flags & none_flag:
        return None
    return int(value) if flags & int_flag else value


class NameIndex(Mapping[str, tuple[int, ...]]):
    """Key -> entry numbers, by a binary search over the keys' stable hashes."""

    def __init__(self, columns: Mapping[str, memoryview], strings: StringTable) -> None:
        self.hashes, self.key_numbers = columns["key_hash"], columns["key"]
        self.starts = columns["start"]
        self.postings, self.strong = columns["postings"], columns["strong"]
        self.strings = strings

    def position(self, key: object) -> int | None:
        if not isinstance(key, str):
            return None
        wanted = name_hash(key)
        i = bisect.bisect_left(self.hashes, wanted)
        while i < len(self.hashes) and self.hashes[i] == wanted:
            if self.strings[self.key_numbers[i]] == key:
                return i
            i += 1
        return None

    def __getitem__(self, key: str) -> tuple[int, ...]:
        i = self.position(key)
        if i is None:
            raise KeyError(key)
        return tuple(self.postings[self.starts[i] : self.starts[i + 1]])

    def __contains__(self, key: object) -> bool:
        return self.position(key) is not None

    def with_strength(self, key: str) -> Iterator[tuple[int, bool]]:
        """(entry number, matched by a canonical or curated name) for the key's entries."""
        i = self.position(key)
        if i is None:
            return iter(())
        a, b = self.starts[i], self.starts[i + 1]
        return zip(self.postings[a:b], (bool(s) for s in self.strong[a:b]), strict=True)

    def __len__(self) -> int:
        return len(self.key_numbers)

    def __iter__(self) -> Iterator[str]:
        return (self.strings[k] for k in self.key_numbers)


class AlternateNames:
    """`(key, entry number)` in it when the entry has that key from an alternate name only."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    def __contains__(self, pair: object) -> bool:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            return False
        return any(n == pair[1] and not strong for n, strong in self.index.with_strength(pair[0]))


class GeonamesIndex(Mapping[int, int]):
    """GeoNames id -> entry number."""

    def __init__(self, ids: memoryview, entries: memoryview) -> None:
        self.ids, self.entries = ids, entries

    def __getitem__(self, geonames_id: int) -> int:
        i = bisect.bisect_left(self.ids, geonames_id)
        if i < len(self.ids) and self.ids[i] == geonames_id:
            return int(self.entries[i])
        raise KeyError(geonames_id)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)


class CompactGazetteer(Gazetteer):
    """A `Gazetteer` read from its compact file: the same lookups, read-only."""

    def __init__(self, path: Path, header: dict[str, Any], columns: dict[str, memoryview]) -> None:
        super().__init__()
        self.path = path
        strings = StringTable(columns["blob"], columns["offsets"])
        self.entries = EntryTable(columns, strings)  # type: ignore[assignment]
        self.name_index = NameIndex(columns, strings)
        self.index = self.name_index  # type: ignore[assignment]
        self.alternate = AlternateNames(self.name_index)  # type: ignore[assignment]
        self.by_geonames = GeonamesIndex(columns["geo_id"], columns["geo_entry"])  # type: ignore[assignment]
        self.countries = header["countries"]
        self.demonyms = header["demonyms"]
        self.airports = header["airports"]
        self.scheduled = set(header["scheduled"])
        self.words = {role: frozenset(words) for role, words in header["words"].items()}

    def add(self, entry: GazetteerEntry, names: Any = (), *, index_name: bool = True) -> int:
        raise TypeError("a gazetteer read from its cache file is read-only")

    def add_names(self, n: int, names: Any, *, alternate: bool = False) -> None:
        raise TypeError("a gazetteer read from its cache file is read-only")

    def lookup_strength(self, name: str) -> list[tuple[GazetteerEntry, bool]]:
        out: dict[int, bool] = {}
        for variant in key_variants(place_key(name)):
            for n, strong in self.name_index.with_strength(variant):
                out[n] = out.get(n, False) or strong
        return [(self.entries[n], strong) for n, strong in out.items()]

    def __reduce__(self) -> tuple[Any, ...]:
        # a process that receives it maps the same file (the cache folder is local)
        return open_gazetteer, (self.path,)
