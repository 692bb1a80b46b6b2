"""Event triggers: which tokens report an event, and of which PLOVER category.

The readings live in `data/events/triggers.tsv` (with the word classes its conditions use in
`data/events/classes.tsv`). A lemma may have several readings; the first whose condition
holds on the parse wins ("strike a deal" is AGREE, "workers strike" PROTEST, "jets struck"
ASSAULT). Users add readings with their own `events/triggers.tsv` and `events/classes.tsv`
in their lexicon folder (the `lexicons` setting): a user's readings of a lemma are tried
before the bundled ones, and a user's class words join the bundled class.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.data import read_rows
from eventwire.errors import ConfigError
from eventwire.model import PLOVER_TYPES
from eventwire.stages.s7_events.modality import lemma_forms

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    pos: frozenset[str]  # {"V"}, {"N"} or both
    type: str
    mode: str | None
    condition: str | None
    of_role: str | None  # "act" or "rcp"
    line: int
    origin: str = "triggers.tsv"  # the file the reading comes from (a user's file: its path)


@dataclass(frozen=True, slots=True)
class Triggers:
    """The trigger lexicon: lemma -> readings (tried in order), and the word classes."""

    readings: dict[str, tuple[Reading, ...]]
    classes: dict[str, frozenset[str]]


def word_classes(user_dir: Path | None = None) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for row in read_rows("events", "classes.tsv", user_dir):
        classes.setdefault(row.cell(0), set()).update(row.cell(1).split())
    return {k: frozenset(v) for k, v in classes.items()}


def load_triggers(user_dir: Path | None = None) -> Triggers:
    """Lemma -> its readings in file order, a user's readings first; checked as read."""
    table: dict[str, list[Reading]] = {}
    classes = word_classes(user_dir)
    rows = read_rows("events", "triggers.tsv", user_dir)
    for row in sorted(rows, key=lambda r: not r.user):  # stable: file order within each
        number, line = row.line, "\t".join(row.cells)
        cells = [c.strip() for c in row.cells]
        where = f"{row.origin} line {number}"
        if len(cells) != 6:
            raise ConfigError(f"{where}: expected 6 columns: {line!r}")
        lemma, pos, etype, mode, condition, of_role = cells
        if etype not in PLOVER_TYPES:
            raise ConfigError(f"{where}: unknown category {etype!r}")
        check_condition(condition, classes, where)
        table.setdefault(lemma, []).append(
            Reading(
                lemma=lemma,
                pos=frozenset(pos),
                type=etype,
                mode=None if mode == "-" else mode,
                condition=None if condition == "-" else condition,
                of_role=None if of_role == "-" else of_role,
                line=number,
                origin="triggers.tsv" if not row.user else row.origin,
            )
        )
    return Triggers(readings={k: tuple(v) for k, v in table.items()}, classes=classes)


def check_condition(condition: str, classes: dict[str, frozenset[str]], where: str) -> None:
    if condition in {"-", "comp", "nocomp"}:
        return
    key, sep, value = condition.partition("=")
    if not sep or key not in {"obj", "prt", "prep", "subj", "subj!", "gov", "mod"}:
        raise ConfigError(f"{where}: bad condition {condition!r}")
    if key in {"obj", "subj", "subj!", "gov", "mod"}:
        for name in value.split("|"):
            if name not in classes:
                raise ConfigError(f"{where}: unknown word class {name!r}")


def token_pos(tok: Any) -> str | None:
    if tok.pos_ == "VERB":
        return "V"
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "N"
    return None


def lemma_of(tok: Any) -> str:
    return tok.lemma_.lower()


def in_classes(tok: Any | None, names: str, classes: dict[str, frozenset[str]]) -> bool:
    if tok is None:
        return False
    words = {lemma_of(tok), tok.lower_}
    return any(words & classes[name] for name in names.split("|"))


def direct_object(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ in {"dobj", "obj", "oprd"}:
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "on"}:
            # "agreed to a ceasefire", "came to an agreement"
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    if tok.dep_ == "relcl" or tok.dep_ == "acl":
        return tok.head
    return None


def subject(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if tok.dep_ in {"xcomp", "conj"} and tok.head.pos_ in {"VERB", "AUX"}:
        return subject(tok.head)
    return None


def holds(reading: Reading, tok: Any, classes: dict[str, frozenset[str]]) -> bool:
    cond = reading.condition
    if cond is None:
        return True
    if cond == "comp":
        return any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)
    if cond == "nocomp":
        return not any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)
    key, _, value = cond.partition("=")
    if key == "obj":
        return in_classes(direct_object(tok), value, classes)
    if key == "subj":
        return in_classes(subject(tok), value, classes)
    if key == "subj!":
        return not in_classes(subject(tok), value, classes)
    if key == "gov":
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return verb.i != tok.i and in_classes(verb, value, classes)
    if key == "mod":
        return any(
            c.dep_ in {"compound", "amod", "nmod"} and in_classes(c, value, classes)
            for c in tok.lefts
        )
    words = set(value.split("|"))
    if key == "prt":
        return any(c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in words for c in tok.children)
    # prep
    return any(c.dep_ in {"prep", "dative", "agent"} and c.lower_ in words for c in tok.children)


def reading_for(tok: Any, triggers: Triggers) -> Reading | None:
    """The first reading of this token's lemma that fits its part of speech and condition."""
    pos = token_pos(tok)
    if pos is None:
        return None
    table = triggers.readings
    lemma = lemma_of(tok)
    candidates = [lemma] if lemma in table else sorted(lemma_forms(tok) & table.keys())
    for form in candidates:
        for reading in table[form]:
            if pos in reading.pos and holds(reading, tok, triggers.classes):
                return reading
    return None
