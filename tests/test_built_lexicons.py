"""Lexicons kept in the cache folder (`eventwire.data.built`): the same records as a fresh
build, rebuilt when a table, a user's file or the stage's code changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from eventwire.data.built import cached_build, source_key


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    rows: dict[str, Row]
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {k: i for i, k in enumerate(self.rows)})


def build_table() -> Table:
    return Table({n: Row(n, (n.upper(),)) for n in ("iraq", "kenya")})


PACKAGE = ("eventwire.stages.s3_actors",)


def test_built_lexicon_is_kept_and_read_back_equal(tmp_path):
    builds = []

    def build() -> Table:
        builds.append(1)
        return build_table()

    first = cached_build("t", build, cache_dir=tmp_path, areas=("actors",), user_dir=None,
                         packages=PACKAGE)  # fmt: skip
    second = cached_build("t", build, cache_dir=tmp_path, areas=("actors",), user_dir=None,
                          packages=PACKAGE)  # fmt: skip
    assert builds == [1]
    assert second == first == build_table()
    assert second.index == {"iraq": 0, "kenya": 1}  # a field the constructor computes
    assert len(list(tmp_path.glob("t-*.pickle"))) == 1
    assert not list(tmp_path.glob(".*"))


def test_built_lexicon_without_a_cache_folder_is_built_each_time():
    builds = []
    for _ in range(2):
        cached_build("t", lambda: builds.append(1) or build_table(), cache_dir=None,
                     areas=("actors",), user_dir=None, packages=PACKAGE)  # fmt: skip
    assert builds == [1, 1]


def test_built_lexicon_key_follows_the_users_files(tmp_path):
    user = tmp_path / "lexicons"
    (user / "actors").mkdir(parents=True)
    base = source_key(("actors",), None, PACKAGE)
    assert source_key(("actors",), user, PACKAGE) == base
    (user / "actors" / "organizations.tsv").write_text("Zorvath Free Legion\tRUS\tMIL\n")
    changed = source_key(("actors",), user, PACKAGE)
    assert changed != base
    assert source_key(("events",), user, PACKAGE) != changed  # other areas, other tables
    assert source_key(("actors",), user, ("eventwire.stages.s7_events",)) != changed


def test_built_lexicon_damaged_file_is_built_again(tmp_path):
    cached_build("t", build_table, cache_dir=tmp_path, areas=("actors",), user_dir=None,
                 packages=PACKAGE)  # fmt: skip
    [path] = tmp_path.glob("t-*.pickle")
    path.write_bytes(path.read_bytes()[:20])
    builds = []
    got = cached_build("t", lambda: builds.append(1) or build_table(), cache_dir=tmp_path,
                       areas=("actors",), user_dir=None, packages=PACKAGE)  # fmt: skip
    assert builds == [1]
    assert got == build_table()


def test_built_lexicon_unwritable_folder_still_builds(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    got = cached_build("t", build_table, cache_dir=blocker / "cache", areas=("actors",),
                       user_dir=None, packages=PACKAGE)  # fmt: skip
    assert got == build_table()


@pytest.mark.slow
def test_built_lexicon_actor_and_event_lexicons_equal_fresh_builds(tmp_path: Path):
    from eventwire.stages.s3_actors.lexicon import build_lexicon, load_lexicon
    from eventwire.stages.s7_events.triggers import load_triggers
    from eventwire.stages.s7_events.vocabulary import load_cues, load_discards, load_vocabulary

    for _ in range(2):  # built and kept, then read back
        load_lexicon.cache_clear()
        load_vocabulary.cache_clear()
        actors, vocabulary = load_lexicon(None, tmp_path), load_vocabulary(None, tmp_path)
    assert actors == build_lexicon(None)
    assert vocabulary.triggers.readings == load_triggers(None).readings
    assert vocabulary.triggers.plans == load_triggers(None).plans
    assert vocabulary.cues == load_cues(None)
    assert vocabulary.discards == load_discards(None)
    assert len(list(tmp_path.glob("*.pickle"))) == 2
