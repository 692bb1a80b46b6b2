"""tools/build_agents.py on a small agents dictionary written here, in Phoenix.agents.txt's
layout."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_agents.py"

AGENTS = """\
# a comment line
!PERSON! = MAN, MEN, WOMAN, WOMEN

CONMAN {CONMEN} [~CRM]
LAWMAN {LAWMEN} [~COP]
POLICE!PERSON! [~COP]
SUICIDE_BOMBER [~REB]
ISLAMIC_FRONT_  [~MUSREB]
AGRICULTURE_MINISTER [~GOVAGR]
HEAD_OF_NATIONAL_POLICE {HEADS_OF_NATIONAL_POLICE } [~COP]
ARMED_RIOT_POLICE {} [~COP]
MINISTER_OF_FINANCE [~GOV]
IMAM [~MUS]
FORMER_PRIME_MINISTER [~ELI]
F-16 [~MIL]
MAGISTRATE [~JUD]
MAGISTRATE [~GOV]
TRUCE_MONITOR [IGO~]
NATIONAL_ARMY [~MIL] # a comment after the code
"""


def run_tool(tmp_path: Path, monkeypatch) -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("build_agents", TOOL)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    (tmp_path / "Phoenix.agents.txt").write_text(AGENTS, encoding="latin-1")
    out = tmp_path / "agents.tsv"
    monkeypatch.setattr(tool, "OUT", out)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr("sys.argv", ["build_agents.py", str(tmp_path)])
    tool.main()
    text = out.read_text(encoding="utf-8")
    assert "MIT" in text  # the dictionary's licence notice travels with the derived table
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {word: sector for word, sector in rows}


def test_agents_words_and_two_word_titles_get_their_public_sector(tmp_path, monkeypatch):
    table = run_tool(tmp_path, monkeypatch)
    assert table["suicide bomber"] == "REB"
    assert table["agriculture minister"] == "GOV"  # GOVAGR: a government post
    assert table["islamic front"] == "REB"  # MUSREB: the religion says no sector, REB does
    assert table["truce monitor"] == "IGO"
    assert table["national army"] == "MIL"
    # the plurals listed, and the substitution set filled in
    assert table["lawman"] == table["lawmen"] == "COP"
    assert {"policeman", "policemen", "policewoman", "policewomen"} <= table.keys()
    # the first entry of a word wins
    assert table["magistrate"] == "JUD"


def test_agents_leaves_out_private_religious_long_and_model_entries(tmp_path, monkeypatch):
    table = run_tool(tmp_path, monkeypatch)
    assert "conman" not in table  # a private code: criminals are no public party
    assert "imam" not in table  # a religion alone is no sector
    assert "former prime minister" not in table  # three words, and the elite out of office
    assert "head" not in table  # "... of ...": more than its head
    assert "minister" not in table
    assert "armed riot police" not in table
    assert "f-16" not in table
