"""`eventwire serve` starts the app over a store (and refuses a missing one);
`eventwire bench web` reports its figures."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from storetest import fake_doc

from eventwire.cli import main
from eventwire.store import Entry, open_store

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
START_SECONDS = 60  # how long to wait for the server's first log line before giving up


def test_cli_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no eventwire store at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_cli_serve_answers_over_http(tmp_path):
    db = str(tmp_path / "serve.db")
    with open_store(db) as store:
        store.write([Entry(fake_doc("Kenya agreed in Nairobi on 2024-05-10."))])
    env = {**os.environ, "EVENTWIRE_DB": db}
    server = subprocess.Popen([EVENTWIRE, "serve", "--port", "0"], env=env,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + START_SECONDS
        address = None
        while address is None and time.monotonic() < deadline:
            line = server.stderr.readline()
            found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
            address = found.group(1) if found else None
        assert address, "the server did not say where it listens"
        with urllib.request.urlopen(f"{address}/api/events") as response:
            page = json.load(response)
            assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert page["total"] == 1
        assert page["items"][0]["type"] == "AGREE"
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    assert server.returncode == 0


def test_cli_bench_web_reports_api_latency_on_a_small_store(tmp_path):
    db = str(tmp_path / "bench.db")
    result = CliRunner().invoke(
        main, ["bench", "web", "--db", db, "--events", "300", "--renders", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["events"] == 300
    assert {t["name"] for t in report["api"]} >= {"type", "bbox", "text", "since/until month"}
    assert report["render_note"] == "--renders 0"
    assert report["bundle_gzip_bytes"] < 150 * 1024
