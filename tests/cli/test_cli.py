"""The command line as a user runs it: extract from text, HTML and JSON Lines, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from eventwire.cli import main

pytestmark = pytest.mark.slow

HTML = """<!DOCTYPE html><html><head><title>Rebels free hostages | Example News</title>
<meta property="article:published_time" content="2024-03-02T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Rebels free hostages</h1>
<p>Rebels in northern Mali released twelve hostages on Friday, officials said.</p>
<p>The army said it would withdraw its troops from the town by the end of the month.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_cli_extract_sample_prints_one_result(sample_text, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(sample_text, encoding="utf-8")
    out = run("extract", str(path), "--published", "2024-09-06")
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["schema"] == "eventwire/1"
    assert {e["type"] for e in result["events"]} >= {"AGREE", "RETREAT", "ASSAULT", "REQUEST"}


def test_cli_extract_html_takes_body_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    out = run("extract", str(path), "--url", "https://example.org/mali")
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    article = result["article"]
    assert "Home | World" not in article["text"]
    assert "released twelve hostages" in article["text"]
    assert article["title"].startswith("Rebels free hostages")
    assert article["published"].startswith("2024-03-02")
    assert article["url"] == "https://example.org/mali"
    assert "RETREAT" in {e["type"] for e in result["events"]}


def test_cli_extract_jsonl_keeps_order_and_records_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "Police arrested 40 protesters in Minsk.",
                "published": "2024-01-05",
            }
        ),
        "{not json",
        json.dumps({"id": "a3", "text": "", "published": "2024-01-05"}),
        json.dumps({"id": "a4", "text": "Troops withdrew from the town.", "published": "05/01/24"}),
        json.dumps(
            {
                "id": "a5",
                "text": "Le gouvernement a annoncé le retrait des troupes du "
                "pays dans les deux prochaines années selon des responsables.",
                "published": "2024-01-05",
            }
        ),
        json.dumps(
            {
                "id": 6,
                "text": "Russia threatened to cut gas supplies to Moldova.",
                "published": None,
            }
        ),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    out = run("extract", "--input", str(source), "--output", str(target))
    assert out.exit_code == 0, out.output
    results = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["id"] for r in results] == ["a1", None, "a3", "a4", "a5", "6"]
    assert "error" not in results[0]
    assert results[0]["events"]
    assert results[1]["error"]["type"] == "InputError"
    assert "empty" in results[2]["error"]["message"]
    assert "ISO 8601" in results[3]["error"]["message"]
    assert "English" in results[4]["error"]["message"]
    assert "error" not in results[5]
    assert results[5]["article"]["published"] is None


def test_cli_extract_reads_jsonl_from_stdin():
    line = json.dumps(
        {"id": "x", "text": "Israeli jets struck a depot near Damascus.", "published": "2024-01-05"}
    )
    out = run("extract", "--input", "-", input=line + "\n")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout.splitlines()[0])["article"]["id"] == "x"


def test_cli_extract_events_all_adds_other(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The company announced record profits and hired 200 staff.", encoding="utf-8")
    plain = json.loads(run("extract", str(path)).stdout)
    everything = json.loads(run("extract", str(path), "--events", "all").stdout)
    assert not [e for e in plain["events"] if e["type"] == "OTHER"]
    assert [e for e in everything["events"] if e["type"] == "OTHER"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (
            b"Ceci n'est pas un article "
            b"en anglais, mais il est assez long pour que la langue soit reconnue sans doute.",
            "English",
        ),
    ],
)
def test_cli_extract_bad_file_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = run("extract", str(path))
    assert out.exit_code == 1
    assert out.stderr.startswith("eventwire: error:")
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_cli_extract_bad_date_is_an_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Troops withdrew from the town on Friday.", encoding="utf-8")
    out = run("extract", str(path), "--published", "next Tuesday")
    assert out.exit_code == 1
    assert "ISO 8601" in out.stderr


def test_cli_runs_as_a_module(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Police arrested 40 protesters in Minsk.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(path), "--published", "2024-01-05"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["events"][0]["type"] == "COERCE"


def test_cli_extract_ten_megabyte_inputs_are_refused_clearly(tmp_path):
    big = "Troops withdrew from the town on Friday, officials said. " * 180_000  # ~10 MB
    path = tmp_path / "big.txt"
    path.write_text(big, encoding="utf-8")
    out = run("extract", str(path))
    assert out.exit_code == 1
    assert "too large" in out.stderr or "limit" in out.stderr
    lines = tmp_path / "big.jsonl"
    small = {"id": "ok", "text": "Police arrested 40 protesters in Minsk.", "published": None}
    lines.write_text(
        json.dumps({"id": "big", "text": big, "published": None}) + "\n" + json.dumps(small) + "\n",
        encoding="utf-8",
    )
    out = run("extract", "--input", str(lines))
    assert out.exit_code == 0
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert "limit" in first["error"]["message"]
    assert second["events"]


def test_cli_extract_takes_jsonl_files_as_positional_paths(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.ndjson"
    first.write_text(json.dumps({"id": "a", "text": "Police arrested 40 protesters."}) + "\n")
    second.write_text(json.dumps({"id": "b", "text": 12345}) + "\n")
    out = run("extract", str(first), str(second))
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["article"]["id"] for r in records] == ["a", "b"]
    assert "error" not in records[0]
    assert records[1]["error"]["type"] == "InputError"
    # --input still works, and gives the same
    again = run("extract", "--input", str(first))
    assert again.stdout.splitlines()[0] == out.stdout.splitlines()[0]


def test_cli_extract_several_article_files_give_json_lines(tmp_path):
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("Police arrested 40 protesters in Minsk on Monday, officials said.")
    empty.write_text("  ")
    out = run("extract", str(good), str(empty), "--published", "2024-01-05")
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records[0]["article"]["published"] == "2024-01-05"
    assert records[1] == {**records[1], "article": {"id": str(empty)}}
    assert "empty" in records[1]["error"]["message"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input", "missing.jsonl"], "cannot read missing.jsonl"),
        (["missing.txt"], "cannot read missing.txt"),
        (["{sample}", "--output", "/no/such/dir/x.json"], "cannot write /no/such/dir/x.json"),
        (["{sample}", "--events", "everything"], "Invalid value"),
    ],
)
def test_cli_extract_user_mistakes_are_one_line_errors(tmp_path, args, message):
    sample = tmp_path / "a.txt"
    sample.write_text("Police arrested 40 protesters in Minsk on Monday.")
    argv = [a.replace("{sample}", str(sample)) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", *argv],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert proc.returncode in (1, 2)
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
