"""The gazetteer's compact cache file: the same lookups as the built gazetteer, rebuilt when
what it is built from changes, never half-written."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventwire.stages.s4_places.gazetteer import Gazetteer, GazetteerEntry
from eventwire.stages.s4_places.gazetteer_cache import (
    cache_key,
    cached_gazetteer,
    open_gazetteer,
    write_gazetteer,
)


def small_gazetteer(user_dir: Path | None = None) -> Gazetteer:
    g = Gazetteer()
    iraq = g.add(
        GazetteerEntry("Iraq", "country", "IRQ", None, 33, 44, 99237, 40_000_000), ["Irak"]
    )
    g.countries["IRQ"] = iraq
    g.demonyms["iraqi"] = "IRQ"
    baghdad = g.add(
        GazetteerEntry("Baghdad", "city", "IRQ", "Baghdad", 33.34, 44.4, 98182, 7_000_000, True)
    )
    g.add_names(baghdad, ["Bagdad"], alternate=True)
    g.add(GazetteerEntry("Tigris", "other", None, None, None, None, None, 0, source="eventwire"))
    base = g.add(
        GazetteerEntry(
            "Ain al-Asad Air Base",
            "facility",
            "IRQ",
            "Anbar",
            33.8,
            42.44,
            None,
            0,
            source="airportsdata:ORAA",
        ),
        ["ain al asad airbase"],
        index_name=False,
    )
    g.airports["ORAA"] = base
    g.scheduled.add("ORAA")
    g.words = {"compass": frozenset({"north", "south"})}
    return g


def test_gazetteer_cache_round_trip_gives_the_same_lookups(tmp_path):
    built = small_gazetteer()
    write_gazetteer(built, tmp_path / "g.bin")
    compact = open_gazetteer(tmp_path / "g.bin")
    assert list(compact.entries) == built.entries
    assert type(compact.entries[0].lat) is int  # an int stays an int (33, not 33.0)
    assert compact.entries[2].lat is None
    assert compact.entries[2].geonames_id is None
    for name in ["Iraq", "Irak", "Baghdad", "Bagdad", "al-Tigris", "ain al asad airbase", "Oz"]:
        assert compact.lookup(name) == built.lookup(name)
        assert compact.lookup_strength(name) == built.lookup_strength(name)
        assert compact.has(name) == built.has(name)
    assert compact.lookup_strength("Bagdad") == [(built.entries[1], False)]
    assert dict(compact.index) == {k: tuple(v) for k, v in built.index.items()}
    assert dict(compact.by_geonames) == built.by_geonames
    assert ("bagdad", 1) in compact.alternate
    assert ("baghdad", 1) not in compact.alternate
    assert compact.country("IRQ") == built.country("IRQ")
    assert compact.is_scheduled(compact.entries[3])
    assert compact.demonym_country("Iraqis") is None
    assert compact.demonym_country("Iraqi") == "IRQ"
    assert compact.words == built.words
    with pytest.raises(TypeError, match="read-only"):
        compact.add(built.entries[0])


def test_gazetteer_cache_builds_once_then_reads_the_file(tmp_path):
    builds: list[Path | None] = []

    def build(user_dir):
        builds.append(user_dir)
        return small_gazetteer(user_dir)

    first = cached_gazetteer(None, tmp_path, build=build)
    second = cached_gazetteer(None, tmp_path, build=build)
    assert builds == [None]
    assert list(first.entries) == list(second.entries) == small_gazetteer().entries
    files = sorted(p.name for p in tmp_path.iterdir())
    assert [f for f in files if f.endswith(".bin")] == [f"gazetteer-{cache_key(None)[:24]}.bin"]
    assert not [f for f in files if f.endswith(".tmp")]


def test_gazetteer_cache_key_follows_the_users_place_files(tmp_path):
    lexicons = tmp_path / "lexicons"
    (lexicons / "places").mkdir(parents=True)
    assert cache_key(lexicons) == cache_key(None)  # nothing of theirs for places
    aliases = lexicons / "places" / "aliases.tsv"
    aliases.write_text("alias\ttarget\nMesopotamia\tIRQ\n", encoding="utf-8")
    with_alias = cache_key(lexicons)
    assert with_alias != cache_key(None)
    aliases.write_text("alias\ttarget\nSumer\tIRQ\n", encoding="utf-8")
    assert cache_key(lexicons) not in (with_alias, cache_key(None))
    builds = []
    cached_gazetteer(lexicons, tmp_path / "cache", build=lambda d: builds.append(d) or Gazetteer())
    cached_gazetteer(None, tmp_path / "cache", build=lambda d: builds.append(d) or Gazetteer())
    assert builds == [lexicons, None]


def test_gazetteer_cache_keeps_the_newest_files_only(tmp_path):
    import os

    from eventwire.stages.s4_places.gazetteer_cache import KEEP_FILES

    for age in range(5):
        old = tmp_path / f"gazetteer-old{age}.bin"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 - age, 1_000_000 - age))
    cached_gazetteer(None, tmp_path, build=small_gazetteer)
    kept = sorted(p.name for p in tmp_path.glob("gazetteer-*.bin"))
    assert len(kept) == KEEP_FILES
    assert f"gazetteer-{cache_key(None)[:24]}.bin" in kept
    assert "gazetteer-old0.bin" in kept
    assert "gazetteer-old4.bin" not in kept


def test_gazetteer_cache_damaged_file_is_rebuilt(tmp_path):
    cached_gazetteer(None, tmp_path, build=small_gazetteer)
    [path] = tmp_path.glob("gazetteer-*.bin")
    path.write_bytes(path.read_bytes()[:100])  # truncated
    with pytest.raises(ValueError, match=r"truncated|unreadable"):
        open_gazetteer(path)
    builds = []
    again = cached_gazetteer(None, tmp_path, build=lambda d: builds.append(d) or small_gazetteer())
    assert builds == [None]
    assert list(again.entries) == small_gazetteer().entries


def test_gazetteer_cache_unwritable_folder_builds_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    got = cached_gazetteer(None, blocker / "cache", build=small_gazetteer)
    assert got.entries == small_gazetteer().entries


def test_gazetteer_cache_nan_free_points(tmp_path):
    write_gazetteer(small_gazetteer(), tmp_path / "g.bin")
    for entry in open_gazetteer(tmp_path / "g.bin").entries:
        assert entry.lat is None or not math.isnan(entry.lat)


@pytest.mark.slow
def test_gazetteer_cache_of_the_full_gazetteer_equals_the_built_one(tmp_path):
    from eventwire.stages.s4_places.gazetteer_sources import load_gazetteer

    built = load_gazetteer()  # built in memory (no cache folder), shared with other tests
    write_gazetteer(built, tmp_path / "g.bin")
    compact = open_gazetteer(tmp_path / "g.bin")
    assert len(compact.entries) == len(built.entries)
    for ours, theirs in zip(compact.entries, built.entries, strict=True):
        assert ours == theirs
        assert (type(ours.lat), type(ours.lon)) == (type(theirs.lat), type(theirs.lon))
    assert len(compact.index) == len(built.index)
    for key, numbers in built.index.items():
        strength = [(n, (key, n) not in built.alternate) for n in numbers]
        assert list(compact.name_index.with_strength(key)) == strength
    assert dict(compact.by_geonames) == built.by_geonames
    assert (compact.countries, compact.demonyms, compact.airports, compact.scheduled) == (
        built.countries, built.demonyms, built.airports, built.scheduled
    )  # fmt: skip
    assert compact.words == built.words
