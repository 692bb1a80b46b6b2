"""Write docs/cli.md from the commands' own --help texts, so the reference never drifts.

Run: .venv/bin/python tools/cli_reference.py > docs/cli.md
(tests/test_docs.py fails when docs/cli.md differs from what this prints.)
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from eventwire.cli import main

HEADER = """# Command line reference

Generated from `--help` by `tools/cli_reference.py`; do not edit by hand.
Every command prints one line `eventwire: error: ...` to stderr and exits with status 1 on
bad input and on a usage mistake (an unknown option, a bad value, a missing file or folder);
a command that fails creates no store. Data goes to stdout, logs (`-v`, `-vv`) and progress
to stderr.
"""


def walk(group: click.Group, prefix: list[str]) -> list[list[str]]:
    paths = []
    for name in sorted(group.commands):
        command = group.commands[name]
        paths.append([*prefix, name])
        if isinstance(command, click.Group):
            paths += walk(command, [*prefix, name])
    return paths


def reference() -> str:
    runner = CliRunner()
    parts = [HEADER]
    for path in [[], *walk(main, [])]:
        title = " ".join(["eventwire", *path])
        text = runner.invoke(
            main, [*path, "--help"], prog_name="eventwire", terminal_width=78, max_content_width=78
        ).output
        parts.append(f"## `{title}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")  # noqa: T201 - the script's output is the document
