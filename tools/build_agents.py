"""Build eventwire's table of agent nouns, with their sectors, from Phoenix's agents dictionary.

Reads `Phoenix.agents.txt` (Open Event Data Alliance, petrarch2, MIT licence): nouns that
name a kind of actor, each with a CAMEO agent code ("SUICIDE_BOMBER [~REB]", "MAGISTRATE
[~JUD]", "AGRICULTURE_MINISTER [~GOVAGR]"), and writes `src/eventwire/data/actors/agents.tsv`:
one row per word or two-word phrase (lower case, as the actors stage matches a head noun
and the word before it), with its sector. The project's own `sectors.tsv` is read after it
and wins: it says which words are roles, and a curated line with sector `-` takes a word
out ("intelligence" is an agency in the dictionary, a faculty in most news).

What the tool keeps:
- entries of one or two words; a longer one, or one that goes on with "of", "for", ...
  ("HEAD_OF_NATIONAL_POLICE"), names more than its head says, and is left out;
- the plurals the dictionary lists ("CONMAN {CONMEN}"), and its substitution sets
  ("BUSINESS!PERSON!" -> businessman, businesswoman, ...);
- the sector: the first three-letter part of the code that is one of the public sectors
  (`SECTORS`; "MUSREB" -> REB, "GOVAGR" -> GOV). Private codes, codes of religion and of
  the elite out of office ("[~BUS]", "[~MUS]", "[~ELI]") are left out, with their words.

Run: .venv/bin/python tools/build_agents.py [/path/to/shared/lexicons]
(the generated file is committed; the product never reads the Phoenix file itself).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventwire" / "data" / "actors" / "agents.tsv"
DEFAULT_LEXICONS = ROOT.parent / "shared" / "lexicons"
# CAMEO agent codes -> eventwire sectors: the public ones. Unaffiliated armed men ("gunmen")
# are REB, as in `sectors.tsv`; state intelligence is government, as in the office-holders
# table. The private codes (business, civilians, media, education, health, labour, farming,
# crime) are left out: a private actor makes no reading derived from CAMEO, and with
# hundreds of everyday nouns ("customer", "producer", "airliner") it made parties of
# companies and passers-by for the readings that need only someone taking part.
SECTORS = {
    "GOV": "GOV",
    "MIL": "MIL",
    "REB": "REB",
    "UAF": "REB",
    "OPP": "OPP",
    "PTY": "PTY",
    "COP": "COP",
    "JUD": "JUD",
    "LEG": "LEG",
    "SPY": "GOV",
    "IGO": "IGO",
    "NGO": "NGO",
    "HRI": "NGO",
    "REF": "REF",
}
# words after which an entry goes on about something else ("minister OF finance")
TAILS = frozenset({"of", "for", "de", "in", "on", "to", "at", "and", "the"})
CODE = re.compile(r"\[~?([A-Z]+)~?\]")
SET = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")


def sector_of(code: str) -> str | None:
    """The sector of a CAMEO agent code: its first three-letter part that is a sector."""
    for start in range(0, len(code) - 2, 3):
        found = SECTORS.get(code[start : start + 3])
        if found is not None:
            return found
    return None


def expand(name: str, sets: dict[str, list[str]]) -> list[str]:
    """The written forms of an entry's name: its substitution sets filled in, underscores
    as spaces, lower case ("BUSINESS!PERSON!" -> "businessman", "businesswoman", ...)."""
    forms = [name]
    for key, members in sets.items():
        mark = f"!{key}!"
        forms = [f.replace(mark, m, 1) for f in forms for m in members] if mark in name else forms
    return [" ".join(f.replace("_", " ").lower().split()) for f in forms]


def read_agents(path: Path) -> dict[str, str]:
    """Word or two-word phrase -> sector, in the dictionary's order (the first entry of a
    form wins)."""
    sets: dict[str, list[str]] = {}
    table: dict[str, str] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        found = SET.match(line)
        if found:
            sets[found.group(1)] = [m.strip() for m in found.group(2).split(",") if m.strip()]
            continue
        code = CODE.search(line)
        if code is None:
            continue
        sector = sector_of(code.group(1))
        if sector is None:
            continue
        head = line[: code.start()]
        name, _, rest = head.partition("{")
        plurals = [p for p in rest.rstrip("} ").split(",") if p.strip()] if rest else []
        forms = expand(name.strip(), sets) + [f for p in plurals for f in expand(p.strip(), sets)]
        for text in forms:
            words = text.split()
            if not words or len(words) > 2 or any(w in TAILS for w in words):
                continue
            if not all(re.fullmatch(r"[a-z][a-z.\-]*", w) for w in words):
                continue  # model numbers ("f-16", "su-24") name no actor
            table.setdefault(text, sector)
    return table


HEADER = """\
# Agent nouns and the sector they give an actor ("magistrate" -> JUD, "suicide bomber" ->
# REB). GENERATED by tools/build_agents.py from Phoenix.agents.txt (petrarch2's CAMEO agents
# dictionary; The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance). Edit
# sectors.tsv, which is read after this file and wins, rather than this file.
# word\tsector
"""


def main() -> None:
    lexicons = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LEXICONS
    table = read_agents(lexicons / "Phoenix.agents.txt")
    rows = "".join(f"{word}\t{sector}\n" for word, sector in sorted(table.items()))
    OUT.write_text(HEADER + rows, encoding="utf-8")
    print(f"{len(table)} agent words -> {OUT.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
