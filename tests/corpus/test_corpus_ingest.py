"""Stories and the ledger through `eventwire ingest` (fake stages, no spaCy): input ids kept,
a rerun changes nothing, an ingest killed with SIGKILL and rerun gives the stories an
uninterrupted one gives; and the `stories` and `ledger` commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from corpusdocs import Ev, Report, add
from storetest import FAKE_STAGES, PATIENCE_S, kill_when_stored, subprocess_env

from eventwire.cli import main
from eventwire.corpus import Linker, stories
from eventwire.store import EventFilter, open_store

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


def lines(n: int, *, stall_at: int | None = None) -> list[dict[str, str]]:
    """Reports in which every three in a row tell of one protest (same country, city, day)."""
    countries = ["Iraq", "Iran", "France", "Kenya"]
    places = ["Baghdad", "Basra", "Paris", "Nairobi"]
    out = []
    for i in range(n):
        story = i // 3
        text = (
            f"{countries[story % 4]} protested in {places[story % 4]} on "
            f"2024-03-{story % 28 + 1:02d}. Dispatch {i} from correspondent {i * 7}."
        )
        if i == stall_at:
            text += " STALL"
        out.append({"id": f"a{i:03d}", "text": text, "published": "2024-03-28",
                    "outlet": f"Outlet {i % 5}"})  # fmt: skip
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def partition(db: str) -> set[frozenset[tuple[str, str]]]:
    with open_store(db, migrate=False) as store:
        return {frozenset((e["article"], e["event"]) for e in s["events"]) for s in stories(store)}


def test_ingest_links_stories_with_the_input_ids(db_url, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", lines(9))
    result = cli("ingest", str(path), "--db", db_url, "--stages", FAKE_STAGES, "--events", "all")
    assert result.exit_code == 0, result.output
    found = [json.loads(x) for x in cli("stories", "--db", db_url).output.splitlines()]
    assert [sorted(e["article"] for e in s["events"]) for s in found] == [
        ["a000", "a001", "a002"], ["a003", "a004", "a005"], ["a006", "a007", "a008"]]  # fmt: skip
    assert [s["articles"] for s in found] == [3, 3, 3]
    with open_store(db_url) as store:
        assert store.count_events(EventFilter()) == sum(len(s["events"]) for s in found)


def test_ingest_rerun_changes_no_story(db_url, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", lines(12))
    args = ("ingest", str(path), "--db", db_url, "--stages", FAKE_STAGES)
    assert cli(*args).exit_code == 0
    first = cli("stories", "--db", db_url, "--format", "jsonl").output
    assert "12 skipped" in cli(*args).output
    assert cli("stories", "--db", db_url, "--format", "jsonl").output == first


def test_ingest_killed_then_rerun_gives_the_same_stories(db_url, tmp_path):
    records = lines(90, stall_at=45)
    path = write_jsonl(tmp_path / "in.jsonl", records)
    reference = str(tmp_path / "reference.db")
    clean = write_jsonl(tmp_path / "clean.jsonl", lines(90))
    assert cli("ingest", str(clean), "--db", reference, "--stages", FAKE_STAGES).exit_code == 0
    # one item at a time (EVENTWIRE_BATCH_SIZE), so that the 45 before the stalled one are written
    kill_when_stored(
        [EVENTWIRE, "ingest", str(path)],
        subprocess_env(db_url, FAKE_STALL="1", EVENTWIRE_BATCH_SIZE="1"),
        db_url,
        45,
    )
    with open_store(db_url, migrate=False) as store:
        linked = store.one("SELECT count(*) FROM corpus_articles")
        events = store.one("SELECT count(*) FROM story_events")
        assert linked == (store.counts()["articles"],) == (45,)
        assert events == (store.counts()["events"],)
    rerun = subprocess.run([EVENTWIRE, "ingest", str(path)], env=subprocess_env(
        db_url, FAKE_STALL="0"), capture_output=True, text=True, timeout=PATIENCE_S,
        check=False)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    # the STALL article's text differs from the clean run's: compare all others' stories
    expected = {frozenset(m for m in s if m[0] != "a045") for s in partition(reference)}
    assert {frozenset(m for m in s if m[0] != "a045") for s in partition(db_url)} == expected


def test_cli_stories_and_ledger_tables_and_errors(db_url, tmp_path):
    plan = Report("Nigeria plans to open a new railway to Kano by June 2024, the minister said.",
                  "2024-01-05", (Ev("open", "OTHER", "open", "planned", actors=("Nigeria",),
                                    time=("by", "2024-06", "2024-06-01", "2024-06-30")),),
                  outlet="Punch")  # fmt: skip
    with open_store(db_url) as store:
        doc = add(store, Linker(), plan)
    table = cli("stories", "--db", db_url, "--format", "table").output.splitlines()
    assert table[0].split()[:3] == ["ID", "TYPE", "ARTICLES"]
    assert "open" in table[1]
    output = cli("ledger", "--db", db_url, "--as-of", "2024-07-01").output
    ledger_rows = [json.loads(x) for x in output.splitlines()]
    assert [(r["status"], r["event"]) for r in ledger_rows] == [
        ("overdue", {"article": doc.article.id, "event": "e1"})]  # fmt: skip
    table = cli("ledger", "--db", db_url, "--as-of", "2024-02-01", "--format", "table").output
    assert "open" in table.splitlines()[1]
    assert "by 2024-06" in table
    for args in (["stories", "--since", "soon"], ["ledger", "--as-of", "someday"]):
        bad = CliRunner().invoke(main, [*args, "--db", db_url])
        assert bad.exit_code == 1
        assert bad.stderr.startswith("eventwire: error: ")
        assert len(bad.stderr.splitlines()) == 1


def test_cli_stories_on_a_missing_store_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith("eventwire: error: no eventwire store")
    assert not (tmp_path / "none.db").exists()
