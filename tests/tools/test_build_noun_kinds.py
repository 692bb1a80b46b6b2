"""tools/build_noun_kinds.py on a small WordNet written here, in WordNet 3.0's layout."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_noun_kinds.py"

# offset, lexicographer file, words, hypernym offsets
SYNSETS = [
    ("00000001", "06", ["weapon"], []),
    ("00000002", "06", ["bomb"], ["00000001"]),
    ("00000003", "06", ["glass"], []),
    ("00000004", "18", ["driver"], []),
    ("00000005", "10", ["report"], []),
    ("00000006", "06", ["cabinet"], []),
    ("00000007", "06", ["pen"], []),
    ("00000008", "14", ["pen_group"], []),
    ("00000009", "07", ["corruption"], []),
    ("00000010", "11", ["social_event"], []),
    ("00000011", "11", ["wedding"], ["00000010"]),
    ("00000012", "10", ["protest_speech"], []),
    ("00000013", "04", ["protest"], []),
    ("00000014", "04", ["sit-in"], ["00000013"]),
    ("00000015", "10", ["book_text"], []),
    ("00000016", "06", ["book_volume"], []),
    ("00000017", "04", ["lawsuit"], []),
    ("00000018", "04", ["countersuit"], ["00000017"]),
]
# lemma -> (offsets of all senses, how many SemCor tags)
INDEX = {
    "bomb": (["00000002"], 1),
    "glass": (["00000003"], 1),
    "driver": (["00000004"], 1),
    "report": (["00000005"], 1),
    "cabinet": (["00000006"], 1),
    # a group sense that SemCor never tagged: the pen is still a thing
    "pen": (["00000007", "00000008"], 1),
    "car_bomb": (["00000002"], 0),
    # no material sense in use: an idea, which no attack harms
    "corruption": (["00000009"], 1),
    # an occasion where people gather (a social event, a protest), whatever else it is
    "wedding": (["00000011"], 1),
    "sit-in": (["00000012", "00000014"], 2),
    # a text with a material sense, even one SemCor never tagged, may be damaged
    "book": (["00000015", "00000016"], 1),
    # a filing in court says what it alleges, as a text does
    "lawsuit": (["00000017"], 1),
    "countersuit": (["00000018"], 0),
}


def write_wordnet(folder: Path) -> None:
    lines = ["  1 This is a licence header line of the database"]
    for offset, lex_file, words, hypernyms in SYNSETS:
        pointers = " ".join(f"@ {h} n 0000" for h in hypernyms)
        word_part = " ".join(f"{w} 0" for w in words)
        lines.append(
            f"{offset} {lex_file} n {len(words):02x} {word_part} {len(hypernyms):03d} "
            f"{pointers} | a gloss".replace("  ", " ")
        )
    (folder / "data.noun").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = ["  1 This is a licence header line of the database"]
    for lemma, (offsets, tagged) in INDEX.items():
        rows.append(f"{lemma} n {len(offsets)} 1 @ {len(offsets)} {tagged} {' '.join(offsets)}")
    (folder / "index.noun").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "LICENSE").write_text("WordNet Release 3.0\nA licence.\n", encoding="utf-8")


def test_builds_the_table_of_things_that_cannot_act(tmp_path, monkeypatch):
    wordnet, lexicons = tmp_path / "wordnet", tmp_path / "lexicons"
    wordnet.mkdir()
    lexicons.mkdir()
    write_wordnet(wordnet)
    (lexicons / "Phoenix.agents.txt").write_text(
        "# agents\nCABINET [~GOV]\nCABINET_MINISTER [~GOV]\n", encoding="latin-1"
    )
    spec = importlib.util.spec_from_file_location("build_noun_kinds", TOOL)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_noun_kinds", tool)
    spec.loader.exec_module(tool)
    out = tmp_path / "noun_kinds.tsv"
    monkeypatch.setattr(tool, "OUT", out)
    monkeypatch.setattr(sys, "argv", ["build_noun_kinds.py", str(wordnet), str(lexicons)])
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    tool.main()
    text = out.read_text(encoding="utf-8")
    assert "# A licence." in text  # the database's licence travels with the table
    rows = dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    assert rows == {
        "bomb": "force",
        "glass": "thing",
        "report": "message",
        "pen": "thing",
        "corruption": "idea",
        "wedding": "gathering",
        "sit-in": "gathering",
        "book": "speech",
        "lawsuit": "message",
        "countersuit": "message",
    }
    # a person noun is not listed, nor an actor of the agents dictionary, nor a compound
