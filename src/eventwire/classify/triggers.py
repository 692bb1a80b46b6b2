"""Event triggers: which tokens report an event, and of which PLOVER category.

The readings live in `data/events/triggers.tsv` (with the word classes its conditions use in
`data/events/classes.tsv`). A lemma may have several readings; the first whose condition
holds on the parse wins ("strike a deal" is AGREE, "workers strike" PROTEST, "jets struck"
ASSAULT). Users add readings by editing those files, or by pointing `EVENTWIRE_EVENTS_DIR`
at a folder holding their own `triggers.tsv` and `classes.tsv`, read before the bundled
ones so that their readings win.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.classify.modality import lemma_forms
from eventwire.errors import ConfigError
from eventwire.model import PLOVER_TYPES

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


def data_text(name: str) -> list[str]:
    texts = []
    extra_dir = os.environ.get("EVENTWIRE_EVENTS_DIR")
    if extra_dir and (Path(extra_dir) / name).is_file():
        texts.append((Path(extra_dir) / name).read_text(encoding="utf-8"))
    texts.append((resources.files("eventwire") / "data" / "events" / name).read_text("utf-8"))
    return texts


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for text in data_text("classes.tsv"):
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, _, words = line.partition("\t")
            classes.setdefault(name.strip(), set()).update(words.split())
    return {k: frozenset(v) for k, v in classes.items()}


@functools.lru_cache(maxsize=1)
def readings() -> dict[str, tuple[Reading, ...]]:
    """Lemma -> its readings, in file order (user file first)."""
    table: dict[str, list[Reading]] = {}
    classes = word_classes()
    for text in data_text("triggers.tsv"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) != 6:
                raise ConfigError(f"triggers.tsv line {number}: expected 6 columns: {line!r}")
            lemma, pos, etype, mode, condition, of_role = cells
            if etype not in PLOVER_TYPES:
                raise ConfigError(f"triggers.tsv line {number}: unknown category {etype!r}")
            check_condition(condition, classes, number)
            table.setdefault(lemma, []).append(
                Reading(
                    lemma=lemma,
                    pos=frozenset(pos),
                    type=etype,
                    mode=None if mode == "-" else mode,
                    condition=None if condition == "-" else condition,
                    of_role=None if of_role == "-" else of_role,
                    line=number,
                )
            )
    return {k: tuple(v) for k, v in table.items()}


def check_condition(condition: str, classes: dict[str, frozenset[str]], number: int) -> None:
    if condition in {"-", "comp", "nocomp"}:
        return
    key, sep, value = condition.partition("=")
    if not sep or key not in {"obj", "prt", "prep", "subj", "subj!", "gov", "mod"}:
        raise ConfigError(f"triggers.tsv line {number}: bad condition {condition!r}")
    if key in {"obj", "subj", "subj!", "gov", "mod"}:
        for name in value.split("|"):
            if name not in classes:
                raise ConfigError(f"triggers.tsv line {number}: unknown word class {name!r}")


def token_pos(tok: Any) -> str | None:
    if tok.pos_ == "VERB":
        return "V"
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "N"
    return None


def lemma_of(tok: Any) -> str:
    return tok.lemma_.lower()


def in_classes(tok: Any | None, names: str) -> bool:
    if tok is None:
        return False
    classes = word_classes()
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


def holds(reading: Reading, tok: Any) -> bool:
    cond = reading.condition
    if cond is None:
        return True
    if cond == "comp":
        return any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)
    if cond == "nocomp":
        return not any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)
    key, _, value = cond.partition("=")
    if key == "obj":
        return in_classes(direct_object(tok), value)
    if key == "subj":
        return in_classes(subject(tok), value)
    if key == "subj!":
        return not in_classes(subject(tok), value)
    if key == "gov":
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return verb.i != tok.i and in_classes(verb, value)
    if key == "mod":
        return any(
            c.dep_ in {"compound", "amod", "nmod"} and in_classes(c, value) for c in tok.lefts
        )
    words = set(value.split("|"))
    if key == "prt":
        return any(c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in words for c in tok.children)
    # prep
    return any(c.dep_ in {"prep", "dative", "agent"} and c.lower_ in words for c in tok.children)


def reading_for(tok: Any) -> Reading | None:
    """The first reading of this token's lemma that fits its part of speech and condition."""
    pos = token_pos(tok)
    if pos is None:
        return None
    table = readings()
    lemma = lemma_of(tok)
    candidates = [lemma] if lemma in table else sorted(lemma_forms(tok) & table.keys())
    for form in candidates:
        for reading in table[form]:
            if pos in reading.pos and holds(reading, tok):
                return reading
    return None
