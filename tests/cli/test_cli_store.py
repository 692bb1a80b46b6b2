"""The store commands end to end: ingest, failures, query, export, bench; an ingest killed
with SIGKILL and rerun; queries while another process ingests."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))  # test_ingest's helpers

import storetest
from storetest import FAKE_STAGES, PATIENCE_S, kill_when_stored, store_counts, subprocess_env

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import open_store

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
# Generous: a stuck subprocess fails the test instead of hanging it; never a timing assertion.


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


def corpus(folder: Path, n: int, *, stall_at: int | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    countries = ["Iraq", "Iran", "France", "Kenya"]
    places = ["Baghdad", "Basra", "Paris", "Nairobi"]
    for i in range(n):
        text = (
            f"{countries[i % 4]} protested in {places[i % 4]} on 2024-03-{i % 28 + 1:02d}. "
            f"Report number {i}."
        )
        if i == stall_at:
            text += " STALL"
        (folder / f"{i:04d}.txt").write_text(text)
    return folder


def cli(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result


@pytest.fixture
def filled(db_url, tmp_path):
    folder = corpus(tmp_path / "in", 8)
    (folder / "bad.txt").write_text("Iraq protested. FAIL now.")
    result = cli("ingest", str(folder), "--db", db_url, "--stages", FAKE_STAGES)
    assert result.exit_code == 0, result.output
    return db_url


def test_cli_ingest_reports_counts(filled, tmp_path):
    result = cli("ingest", str(tmp_path / "in"), "--db", filled, "--stages", FAKE_STAGES)
    assert "1 failed, 8 skipped" in result.output


def test_cli_failures_lists_failed_items(filled):
    result = cli("failures", "--db", filled)
    [line] = result.output.splitlines()
    assert "bad.txt" in line
    assert "ValueError" in line


def test_cli_query_jsonl_csv_table_count(filled):
    out = cli("query", "--db", filled, "--country", "irq", "--format", "jsonl").output
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["place"] for r in rows] == ["Baghdad", "Basra", "Baghdad", "Basra"]
    out = cli("query", "--db", filled, "--place-country", "FRA", "--format", "csv").output
    assert [r["place"] for r in csv.DictReader(io.StringIO(out))] == ["Paris", "Paris"]
    out = cli(
        "query",
        "--db",
        filled,
        "--since",
        "2024-03-02",
        "--until",
        "2024-03-03",
        "--format",
        "table",
    ).output
    assert out.splitlines()[0].startswith("TIME")
    assert len(out.splitlines()) == 3
    assert cli("query", "--db", filled, "--text", "number 5", "--count").output == "1\n"
    assert cli("query", "--db", filled, "--limit", "3").output.count("\n") == 3  # piped: JSONL


def test_cli_query_bad_option_is_one_line_error(filled):
    result = CliRunner().invoke(main, ["query", "--db", filled, "--bbox", "1,2"])
    assert result.exit_code == 1
    assert "--bbox" in result.output


def test_cli_query_missing_store_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["query", "--db", str(tmp_path / "no.db")])
    assert result.exit_code == 1
    assert "no eventwire store" in result.output


def test_cli_export_formats(filled, tmp_path):
    out = cli("export", "--db", filled, "--format", "geojson", "--actor", "Kenya").output
    geo = json.loads(out)
    assert {f["properties"]["place"] for f in geo["features"]} == {"Nairobi"}
    target = tmp_path / "e.parquet"
    result = cli("export", "--db", filled, "--format", "parquet", "--output", str(target))
    assert "8 events" in result.output
    import pyarrow.parquet as pq

    assert pq.read_table(target).num_rows == 8
    result = CliRunner().invoke(main, ["export", "--db", filled, "--format", "parquet"])
    assert result.exit_code == 1


def test_cli_store_commands_show_examples():
    for command in ("ingest", "failures", "query", "export"):
        assert "Example: eventwire" in cli(command, "--help").output
    assert "Example: eventwire bench store" in cli("bench", "store", "--help").output


def test_cli_bench_store_small(db_url):
    result = cli("bench", "store", "--events", "300", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert "events/s" in result.output
    assert "p95" in result.output
    with open_store(db_url) as store:
        assert store.counts()["events"] == 300


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_ingest_killed_then_rerun_completes(db_url, tmp_path, workers):
    folder = corpus(tmp_path / "in", 300, stall_at=150)
    args = [EVENTWIRE, "ingest", str(folder), "--workers", workers]
    # one item at a time, so that exactly the 150 before the stalled one are written
    env = subprocess_env(db_url, FAKE_STALL="1", EVENTWIRE_BATCH_SIZE="1")
    kill_when_stored(args, env, db_url, 150)  # stored 0..149, blocked on article 150
    counts = store_counts(db_url)
    assert counts is not None
    assert counts["articles"] == 150
    assert counts["events"] == counts["articles"]  # one event each: nothing half-written
    assert counts["inputs"] == 150

    rerun = subprocess.run(
        args,
        env=subprocess_env(db_url, FAKE_STALL="0"),
        capture_output=True,
        text=True,
        timeout=PATIENCE_S,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "150 skipped" in rerun.stderr
    assert "150 stored" in rerun.stderr
    counts = store_counts(db_url)
    assert counts is not None
    assert (counts["articles"], counts["events"], counts["inputs"]) == (300, 300, 300)
    assert counts["failures"] == 0


def test_cli_queries_while_another_process_ingests(db_url, tmp_path):
    folder = corpus(tmp_path / "in", 400)
    proc = subprocess.Popen(
        [EVENTWIRE, "ingest", str(folder)],
        env=subprocess_env(db_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[int] = []
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        running = proc.poll() is None
        try:
            with open_store(db_url, migrate=False) as store:
                counts = store.counts()
                # Each article has one event: a reader never sees an article without it.
                assert counts["events"] == counts["articles"]
                from eventwire.store import EventFilter

                rows = list(store.events(EventFilter(country="IRQ", limit=20)))
                assert all(r.place_country == "IRQ" or r.actors for r in rows)
                seen.append(counts["articles"])
        except StoreError as exc:  # before the ingest has created the store
            message = str(exc)
            assert "no eventwire store" in message
        if not running:
            break
    _, stderr = proc.communicate(timeout=PATIENCE_S)
    assert proc.returncode == 0, stderr
    assert "locked" not in stderr
    assert seen == sorted(seen)
    assert seen[-1] == 400


def test_cli_ingest_jsonl_warc_and_feed(db_url, tmp_path):
    from test_ingest import page, write_warc

    lines = tmp_path / "batch.txt"
    lines.write_text(
        json.dumps({"id": "a", "text": "Kenya agreed in Nairobi on 2024-05-10."}) + "\n{broken\n"
    )
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [
            (
                "https://w.example/1",
                "text/html",
                page("One", "France attacked in Paris on 2023-12-31."),
            )
        ],
    )
    feed = tmp_path / "feed.xml"  # links that are not http(s): refused without any network
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>x</title><link>file:///nowhere</link></item></channel></rss>"
    )
    result = cli(
        "ingest",
        "--jsonl",
        str(lines),
        "--warc",
        str(warc),
        "--feed",
        str(feed),
        "--db",
        db_url,
        "--stages",
        FAKE_STAGES,
    )
    assert "2 failed, 2 stored" in result.output
    failures = cli("failures", "--db", db_url).output
    assert "nowhere" in failures
    assert "#line:2" in failures
    types = cli("query", "--db", db_url, "--format", "jsonl").output
    assert [json.loads(x)["type"] for x in types.splitlines()] == ["AGREE", "ASSAULT"]
