"""What a new user and a hostile input hit first (issue 16), run as a user runs it: the
`eventwire` command in a subprocess, with the fake stages (no spaCy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "missing_dir/"], "no such file or folder: missing_dir"),
        (["ingest", "a.txt", "missing.txt"], "no such file or folder: missing.txt"),
        (["ingest", "--warc", "missing.warc"], "no such file or folder: missing.warc"),
        (["ingest", "--feed", "missing.xml"], "no such file or folder: missing.xml"),
        (["ingest", "a.txt", "--workers", "0"], "Invalid value for '--workers'"),
        (["ingest", "a.txt", "--stages", "nosuch"], "unknown stage 'nosuch'"),
        (["ingest", "a.txt", "--db", "/no/such/dir/x.db"], "folder /no/such/dir does not exist"),
        (["extract", "folder"], "is a directory"),
        (["extract", "a.txt", "--events", "everything"], "Invalid value for '--events'"),
        (["query", "--since", "yesterday"], "--since takes a date"),
        (["query"], "no eventwire store at eventwire.db"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
    ],
)
def test_issue_16_user_mistakes_are_one_line_and_create_no_store(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("Iraq protested in Baghdad on 2024-03-01.")
    (tmp_path / "folder").mkdir()
    done = eventwire(*args, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("eventwire: error: ")
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert message in done.stderr
    assert not (tmp_path / "eventwire.db").exists()


def test_issue_16_export_to_a_missing_folder_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Iraq protested in Baghdad on 2024-03-01.")
    assert eventwire("ingest", "a.txt", cwd=tmp_path).returncode == 0
    for fmt in ("csv", "parquet"):
        done = eventwire("export", "--format", fmt, "--output", "/no/such/dir/x", cwd=tmp_path)
        assert done.returncode == 1
        assert done.stderr.strip() == (
            "eventwire: error: cannot write /no/such/dir/x: folder /no/such/dir does not exist"
        )


def test_issue_16_help_and_version_still_exit_0(tmp_path):
    for args in ([], ["--help"], ["--version"], ["ingest", "--help"]):
        done = eventwire(*args, cwd=tmp_path)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout


def test_issue_16_extract_writes_error_records_for_unstorable_characters(tmp_path):
    long = "Iraq protested in Baghdad on 2024-03-01. " * 10
    records = [
        {"id": "nul", "text": long + "\u0000 end."},
        {"id": "odd\ud800id", "text": long + "\ud800 end."},
        {"id": "good", "text": "Kenya agreed in Nairobi on 2024-05-10."},
    ]
    source = tmp_path / "odd.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = eventwire("extract", str(source), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["article"]["id"] for r in out] == ["nul", "odd\\ud800id", "good"]
    assert ["error" in r for r in out] == [True, True, False]


def test_issue_16_a_deeply_nested_jsonl_line_is_an_error_record(tmp_path):
    source = tmp_path / "deep.jsonl"
    good = json.dumps({"id": "good", "text": "Kenya agreed in Nairobi on 2024-05-10."})
    source.write_text("[" * 200_000 + "\n" + good + "\n", encoding="utf-8")
    done = eventwire("extract", str(source), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert "nested too deeply" in first["error"]["message"]
    assert second["article"]["id"] == "good"
    ingested = eventwire("ingest", str(source), cwd=tmp_path, db=str(tmp_path / "s.db"))
    assert ingested.stderr.strip().splitlines()[-1] == "ingest: 1 failed, 1 stored"
