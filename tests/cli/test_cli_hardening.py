"""What a new user and a hostile input hit first (issue 16), run as a user runs it: the
`eventwire` command in a subprocess, with the fake stages (no spaCy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

from storetest import subprocess_env

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
# Generous: a stuck subprocess fails the test instead of hanging it; never a timing assertion.
PATIENCE_S = 120


def eventwire(*args: str, cwd: Path, db: str = "eventwire.db", **env: str):
    return subprocess.run(
        [EVENTWIRE, *args],
        cwd=cwd,
        env=subprocess_env(db, **env),
        capture_output=True,
        text=True,
        timeout=PATIENCE_S,
        check=False,
    )


def test_issue_16_bad_utf8_in_a_jsonl_line_is_the_same_error_for_extract_and_ingest(tmp_path):
    good = json.dumps({"id": "one", "text": "Iraq protested in Baghdad on 2024-03-01."})
    bad = '{"id": "bad", "text": "Iran agreed in Basra \xff\xfe on 2024-03-02."}'
    last = json.dumps({"id": "three", "text": "Kenya agreed in Nairobi on 2024-05-10."})
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join([good.encode(), bad.encode("latin-1"), last.encode()]) + b"\n")

    extracted = eventwire("extract", str(source), cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [r["article"]["id"] for r in records] == ["one", "bad", "three"]
    assert ["error" in r for r in records] == [False, True, False]
    assert records[1]["error"]["type"] == "InputError"
    assert "not UTF-8" in records[1]["error"]["message"]

    ingested = eventwire("ingest", str(source), cwd=tmp_path, db=str(tmp_path / "s.db"))
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stderr.strip().splitlines()[-1] == "ingest: 1 failed, 2 stored"
    listed = eventwire("failures", cwd=tmp_path, db=str(tmp_path / "s.db"))
    [failure] = listed.stdout.splitlines()
    assert "in.jsonl#id:bad" in failure
    assert "InputError" in failure
    assert "not UTF-8" in failure
