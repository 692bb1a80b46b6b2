"""The README's install works with the pip a fresh venv has, and CI runs exactly it (issue
16: trafilatura's justext asks for the extra lxml[html_clean], which pip 23 did not resolve,
and CI upgraded pip first, which hid it)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_issue_16_the_html_cleaner_is_a_declared_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    assert "lxml_html_clean" in names or "lxml-html-clean" in names
    import lxml.html.clean  # what trafilatura's HTML path imports  # noqa: F401


def test_issue_16_ci_runs_the_readme_install_and_never_upgrades_pip():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)[0]
    install = first.split(" && .venv/bin/eventwire")[0].strip()
    assert install == "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]'"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if not line.strip().startswith("#")]
    assert "python3 -m venv .venv" in commands
    assert ".venv/bin/pip install -q -e '.[dev]'" in commands  # the same, quiet
    assert not any(re.search(r"pip\b.*\binstall\b.*(-U|--upgrade)\b.*\bpip\b", c) for c in commands)
    assert not any(re.search(r"\bensurepip\b|get-pip", c) for c in commands)
