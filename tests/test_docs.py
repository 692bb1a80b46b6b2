"""The docs tell the truth: the README's commands, its Python example, the CLI reference."""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_docs_readme_starts_with_install_and_test_commands():
    first, second = code_blocks(README, "sh")[:2]
    assert "pip install -e '.[dev]'" in first
    assert "eventwire extract samples/iraq-withdrawal.txt --published 2024-09-06" in first
    assert second.strip() == ".venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in ci


def test_docs_readme_links_exist():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if "://" not in target:
            assert (ROOT / target).exists(), target


@pytest.mark.slow
def test_docs_readme_python_example_prints_what_it_says():
    block = code_blocks(README, "python")[0]
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    code = "\n".join(line for line in block.splitlines() if "to_json" not in line)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == expected


def test_docs_cli_reference_is_generated_from_help():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from cli_reference import reference
    finally:
        sys.path.pop(0)
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == reference(), "run: .venv/bin/python tools/cli_reference.py > docs/cli.md"


def test_docs_every_stage_has_a_page():
    from eventwire.pipeline import DEFAULT_STAGES

    pages = {
        "body": "quickstart.md",
        "parse": "python-api.md",
        "actors": "actors.md",
        "places": "places.md",
        "times": "times.md",
        "sources": "sources.md",
        "events": "events.md",
        "event_places": "places.md",
        "event_times": "times.md",
        "attribution": "sources.md",
    }
    for stage in DEFAULT_STAGES:
        assert (ROOT / "docs" / pages[stage]).is_file(), stage
