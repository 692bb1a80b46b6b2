"""Build eventwire's CAMEO-derived trigger lexicon from the field's own dictionaries.

Reads the CAMEO verb pattern dictionary (`CAMEO.2.0.txt`, PETRARCH format, MIT, Open Event
Data Alliance) and the official CAMEO -> PLOVER table (`CAMEO2PLOVER-2021.txt`, CC BY-SA 4.0,
Open Event Data Alliance) and writes

- `src/eventwire/data/events/cameo_verbs.tsv`: one trigger reading per line, in the format of
  `triggers.tsv` plus a last column with the CAMEO code it came from (CC BY-SA 4.0, as a
  work derived from CAMEO2PLOVER);
- `src/eventwire/data/events/cameo_classes.tsv`: the dictionary's synonym sets used by those
  readings, as word classes (MIT, derived from CAMEO.2.0.txt);
- `src/eventwire/data/events/discards.tsv`: the phrases of Phoenix's discard list
  (`Phoenix.discards.txt`, MIT) that mark a sentence or a whole story as sport or
  entertainment, not political events; its date phrases ("years ago", bare years) are left
  out, since eventwire keeps past events with their dates.

What is kept:
- every verb of a verb block (its WordNet-style synonyms) with the block's or its own CAMEO
  code, when the code maps to a PLOVER category (01x statements and 02x appeals do not: they
  are not events in PLOVER) -> an unconditioned reading;
- every pattern line whose first element after the verb decides the category: a direct
  object ("release PRISONERS" -> RETREAT, "release a STATEMENT" -> no event), a particle
  ("set OFF"), a prepositional phrase ("appear (IN COURT)"), or a subject before the verb
  ("&MILITARY * rush") -> a conditioned reading, listed before the verb's unconditioned one.
  A pattern whose code is the null code `[---]` or a statement (01x) becomes a reading of
  type NONE: it stops the verb's default reading ("released a report" is no RETREAT); such
  a pattern with a "# VERB" note is kept for that verb only ("CONTEST * ELECTION" says
  nothing of "protest the election").

Run: .venv/bin/python tools/build_triggers.py [/path/to/shared/lexicons]
(the generated files are committed; the product never reads the source dictionaries).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventwire" / "data" / "events"
DEFAULT_LEXICONS = ROOT.parent / "shared" / "lexicons"

PREPOSITIONS = frozenset(
    "about above across after against along among around as at before behind below beneath "
    "beside between beyond by during for from in inside into near of off on onto out outside "
    "over past since through throughout to toward towards under until up upon with within "
    "without".split()
)
PARTICLES = frozenset("up down out off back away over in on aside forward together".split())
# words of a pattern that are no constraint: determiners and pattern markers
SKIP = frozenset({"a", "an", "the", "$", "+", "%", "^", "**"})
BLOCK = re.compile(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s*-*\s*---")
CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str


@dataclass(frozen=True)
class Reading:
    lemma: str
    type: str
    mode: str
    condition: str
    code: str
    # CAMEO's "[:code]": the act is the other side's, done to the verb's subject ("received
    # backing from X" is X's support)
    reverse: bool = False


def read_plover_table(path: Path) -> dict[str, Plover]:
    table: dict[str, Plover] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*)", line)
        if match:
            code, category, mode = match.groups()
            table.setdefault(
                code, Plover(category, mode.strip().split()[0] if mode.strip() else "-")
            )
    return table


# CAMEO's roots with no PLOVER category: public statements (01) and appeals (02)
UNCODED_ROOTS = ("01", "02")


def plover_of(code: str, table: dict[str, Plover]) -> Plover | None:
    """The PLOVER category of a CAMEO code: its own row, else its 3-digit parent's, else its
    2-digit root's (the table's "17: COERCE" lines). Statements and appeals give None."""
    code = code.strip()
    if not code.isdigit() or code.startswith(UNCODED_ROOTS):
        return None
    for size in (len(code), 3, 2):
        if code[:size] in table:
            found = table[code[:size]]
            return found if size > 2 else Plover(found.type, "-")
    return None


def is_no_event(code: str) -> bool:
    """Whether a pattern's code says the use is no event: the null code, or a statement
    ("released a statement" is 010). Appeals (02) are left open: PLOVER's coders code some
    as requests."""
    code = code.strip()
    return code in {"---", ""} or code.startswith("01")


def primary_code(cell: str) -> str:
    """The code of a `[a:b]` cell: the source -> target one, else the other."""
    first, _, second = cell.partition(":")
    first = first.strip()
    return first if first and first != "---" else (second.strip() if not first else "---")


def is_reversed(cell: str) -> bool:
    """A `[:b]` cell: only the target -> source code, the subject on the receiving end."""
    first, sep, second = cell.partition(":")
    return bool(sep) and not first.strip() and bool(second.strip())


def singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ses", "xes", "ches", "shes")) and len(low) > 4:
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def read_synsets(lines: list[str]) -> dict[str, set[str]]:
    synsets: dict[str, set[str]] = defaultdict(set)
    current = None
    for line in lines:
        text = line.split("#", 1)[0].rstrip()
        if text.startswith("&"):
            current = text[1:].strip().rstrip("_").lower()
        elif text.startswith("+") and current:
            words = text[1:].strip().rstrip("_").replace("_", " ").lower()
            if words:
                synsets[current].add(" ".join(singular(w) for w in words.split()))
        elif not text.strip():
            continue
        elif current and not text.startswith("+"):
            current = None
    return synsets


def term(word: str, synsets: dict[str, set[str]], used: set[str]) -> str | None:
    """A pattern word as a condition term: a lemma, or `@class` for a synonym set."""
    word = word.strip("{}()").strip()
    if not word or word.lower() in SKIP:
        return None
    if word.startswith("&"):
        name = word[1:].rstrip("_").lower()
        if name not in synsets:
            return None
        used.add(name)
        return "@cameo_" + name
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", word):
        return None
    return singular(word)


def element_condition(
    element: str, following: str | None, synsets: dict[str, set[str]], used: set[str]
) -> tuple[str | None, bool]:
    """(condition, consumed the next element) of one pattern element after the verb: an
    object noun or phrase, a particle, or a prepositional phrase. (None, _) when the element
    is not something a parse can check."""
    if element.startswith("("):  # a prepositional phrase: "(IN COURT)", "(TO)"
        words = element.strip("()").split()
        if not words or words[0].lower() not in PREPOSITIONS:
            return None, False
        prep = words[0].lower()
        rest = [term(w, synsets, used) for w in words[1:]]
        if None in rest:
            return None, False
        return (f"ppw={prep}:{'+'.join(rest)}" if rest else f"prep={prep}"), False  # type: ignore[arg-type]
    low = element.lower()
    if low in PARTICLES and (following is None or following.startswith("(")):
        # "* OUT", "* OUT (AT CLAIM)": the particle; a prepositional phrase after it is the
        # next element's
        return f"particle={low}", False
    if (
        (low in PREPOSITIONS or low in PARTICLES)
        and following is not None
        and not following.startswith("(")
    ):
        # "FROM &DETENTION", "OUT {NEW STRATEGY}", "DOWN &WEAPON": a particle or preposition
        # and its noun
        words = [term(w, synsets, used) for w in re.findall(r"[^{}\s]+", following)]
        if None in words:
            return None, False
        joined = "+".join(words)  # type: ignore[arg-type]
        if low in PARTICLES:
            return f"particle={low}&objw={joined}", True
        return f"ppw={low}:{joined}", True
    words = [term(w, synsets, used) for w in re.findall(r"[^{}\s]+", element)]
    if not words or None in words:
        return None, False
    return f"objw={'+'.join(words)}", False  # type: ignore[arg-type]


def pattern_condition(body: str, synsets: dict[str, set[str]], used: set[str]) -> str | None:
    """The condition of a whole pattern line: every element after the verb (`*`) must hold
    (object, particle, prepositional phrases), and a subject before it; None when any part
    is something a parse cannot check, so that no pattern is generalised beyond its words."""
    before, star, after = body.partition("*")
    if not star:
        return None
    tokens = [t for t in re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", after) if t not in SKIP]
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        condition, consumed = element_condition(tokens[i], following, synsets, used)
        if condition is None:
            return None
        parts.append(condition)
        i += 2 if consumed else 1
    subject = [t for t in re.findall(r"\{[^}]*\}|\S+", before.lstrip("- ")) if t not in SKIP]
    if subject:
        words = [term(w, synsets, used) for w in re.findall(r"[^{}\s]+", subject[-1])]
        if None in words or not words:
            return None
        parts.append(f"subjw={'+'.join(words)}")  # type: ignore[arg-type]
    if not parts:
        return None
    # an object before its prepositional phrases; several objects are one phrase's words
    objects = [p for p in parts if p.startswith("objw=")]
    if len(objects) > 1:
        merged = "objw=" + "+".join(p.removeprefix("objw=") for p in objects)
        parts = [merged] + [p for p in parts if not p.startswith("objw=")]
    return "&".join(parts)


def verb_lemma(line: str) -> tuple[str, str] | None:
    """(lemma, particle) of a verb line ("PULL_OUT" -> pull, out); None for other lines."""
    text = line.split("#", 1)[0].strip()
    text = re.sub(r"\{[^}]*\}", "", text)
    text = CODE.sub("", text).strip()
    if not text or text.startswith("-"):
        return None
    text = text.lstrip("+").rstrip("_").lower()
    parts = [p for p in re.split(r"[_\s]+", text) if p]
    if not parts or not re.fullmatch(r"[a-z][a-z-]*", parts[0]):
        return None
    if len(parts) == 1:
        return parts[0], ""
    if len(parts) == 2 and parts[1] in PARTICLES | PREPOSITIONS:
        return parts[0], parts[1]
    return None  # multi-word verb phrases ("ANGERED_BY") are left out


def build(lexicons: Path) -> tuple[list[Reading], dict[str, set[str]], set[str]]:
    table = read_plover_table(lexicons / "CAMEO2PLOVER-2021.txt")
    lines = (lexicons / "CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synsets(lines)
    used: set[str] = set()
    readings: list[Reading] = []
    block_code = "---"
    # verbs that head a block of their own: that block alone gives their default reading
    # (RISK heads a block coded [---] and is also listed under ENDANGER [130]; "risking
    # prison" is no threat)
    heads = {
        found
        for line in lines[start:]
        if (block := BLOCK.match(line)) and (found := verb_lemma(block.group(1)))
    }
    head: tuple[str, str] | None = None
    verbs: list[tuple[str, str, str]] = []  # lemma, particle, code
    patterns: list[tuple[str, str, bool, str]] = []  # condition, code, reversed, its verb

    def flush() -> None:
        # the most specific pattern first: more conditions, then more words; of the same
        # words, the one written for this verb (its "# VERB" note: RECEIVE's "[:051]" for
        # "receive * backing", not GAIN's "[051]")
        for lemma, particle, code in verbs:
            ordered = sorted(
                patterns,
                key=lambda p: (
                    -p[0].count("&"),
                    -len(re.findall(r"[+:=]", p[0])),
                    p[3] != lemma,
                ),
            )
            for condition, pcode, reverse, written_for in ordered:
                full = f"particle={particle}&{condition}" if particle else condition
                found = plover_of(pcode, table)
                if found is None and not is_no_event(pcode):
                    continue  # an appeal: neither an event nor a sure non-event
                if found is None and written_for and written_for != lemma:
                    # a no-event pattern tells one verb's senses apart ("CONTEST * ELECTION"
                    # is running in it); the block's other verbs keep theirs ("protesting
                    # the election results" is a protest)
                    continue
                kind = found.type if found else "NONE"
                mode = found.mode if found else "-"
                readings.append(
                    Reading(lemma, kind, mode, full, pcode, reverse and found is not None)
                )
            found = plover_of(code, table)
            if (lemma, particle) in heads and (lemma, particle) != head:
                continue  # a synonym here, with a block of its own for its default
            if found is not None:
                condition = f"particle={particle}" if particle else "-"
                readings.append(Reading(lemma, found.type, found.mode, condition, code))

    for line in lines[start:]:
        block = BLOCK.match(line)
        if block:
            flush()
            verbs, patterns = [], []
            block_code = primary_code(block.group(2))
            head = verb_lemma(block.group(1))
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("-"):
            body, _, note = stripped.partition("#")
            code_match = CODE.search(body)
            if not code_match:
                continue
            condition = pattern_condition(CODE.sub("", body)[1:], synsets, used)
            if condition:
                cell = code_match.group(1)
                written_for = note.strip().split(" ", 1)[0].lower()
                patterns.append((condition, primary_code(cell), is_reversed(cell), written_for))
            continue
        found = verb_lemma(stripped)
        if found is not None:
            own = CODE.search(stripped.split("#", 1)[0].split("}")[-1])
            verbs.append((*found, primary_code(own.group(1)) if own else block_code))
    flush()
    return readings, synsets, used


def unique(readings: list[Reading]) -> list[Reading]:
    """One reading per lemma and condition (the first wins), and no-event readings only
    where a later reading of the lemma could fire (else they change nothing)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in readings:
        key = (r.lemma, r.condition)
        if key not in seen:
            seen.add(key)
            out.append(r)
    kept: list[Reading] = []
    positive_after: set[str] = set()
    for r in reversed(out):
        if r.type != "NONE":
            positive_after.add(r.lemma)
            kept.append(r)
        elif r.lemma in positive_after:
            kept.append(r)
    return kept[::-1]


HEADER = """# Trigger readings derived from the CAMEO verb pattern dictionary, mapped to PLOVER.
# GENERATED by tools/build_triggers.py; do not edit: add readings to triggers.tsv instead
# (its readings of a lemma are tried first).
# Sources: CAMEO.2.0.txt (Open Event Data Alliance, petrarch2, MIT) and CAMEO2PLOVER-2021.txt
# (Open Event Data Alliance, PLOVER manual draft 0.8, CC BY-SA 4.0). This file is a derived
# work of CAMEO2PLOVER and is licensed CC BY-SA 4.0.
# Columns as triggers.tsv, then the CAMEO code. Type NONE: the pattern is no PLOVER event
# ("release a statement"), which stops the verb's other readings. Of "rev": CAMEO codes the
# pattern "[:code]", the other side's act done to the subject ("received backing from X").
# lemma	pos	type	mode	condition	of	cameo
"""
CLASS_HEADER = """# Word classes: the CAMEO verb dictionary's synonym sets (singular, lower case)
# GENERATED by tools/build_triggers.py from CAMEO.2.0.txt (Open Event Data Alliance,
# petrarch2, MIT licence). Multi-word members are joined by "+".
# class	words
"""


DISCARD_HEADER = """# Phrases that make a sentence (scope "sentence") or a whole story ("story")
# sport or entertainment: events there count only when a public party (a named country, a
# government, an armed or political group, an organisation) takes part.
# GENERATED by tools/build_triggers.py from Phoenix.discards.txt (Open Event Data Alliance,
# petrarch2, MIT licence); its date phrases are left out. Add your own in
# lexicons/events/discards.tsv.
# phrase	scope
"""


def read_discards(path: Path) -> list[tuple[str, str]]:
    """(phrase, scope) of each discard: "+NAME" lines discard the story, others the
    sentence; a trailing "_" (a whole word) is our matching anyway. Dates ("years ago",
    "1942", "April 1942") are no topic and are left out."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        scope = "story" if text.startswith("+") else "sentence"
        phrase = " ".join(text.lstrip("+").rstrip("_").lower().split())
        words = phrase.split()
        if not words or words[-1] in {"ago", "later"} or any(w.isdigit() for w in words):
            continue
        if phrase not in seen:
            seen.add(phrase)
            out.append((phrase, scope))
    return out


def main(argv: list[str]) -> int:
    lexicons = Path(argv[1]) if len(argv) > 1 else DEFAULT_LEXICONS
    readings, synsets, used = build(lexicons)
    readings = unique(readings)
    with (OUT / "cameo_verbs.tsv").open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for r in readings:
            role = "rev" if r.reverse else "-"
            f.write(f"{r.lemma}\tV\t{r.type}\t{r.mode}\t{r.condition}\t{role}\t{r.code}\n")
    with (OUT / "cameo_classes.tsv").open("w", encoding="utf-8") as f:
        f.write(CLASS_HEADER)
        for name in sorted(used):
            words = sorted(w.replace(" ", "+") for w in synsets[name])
            f.write(f"cameo_{name}\t{' '.join(words)}\n")
    discards = read_discards(lexicons / "Phoenix.discards.txt")
    with (OUT / "discards.tsv").open("w", encoding="utf-8") as f:
        f.write(DISCARD_HEADER)
        for phrase, scope in discards:
            f.write(f"{phrase}\t{scope}\n")
    lemmas = {r.lemma for r in readings}
    print(  # noqa: T201
        f"{len(readings)} readings of {len(lemmas)} verbs, {len(used)} classes, "
        f"{len(discards)} discards"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
