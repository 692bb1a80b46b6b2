"""Phrase conditions of trigger readings: the words of the phrase a verb takes decide its
category ("release PRISONERS" is a release, "release a STATEMENT" no event).

- `objw=SPEC`: the verb's direct object phrase;
- `subjw=SPEC`: its subject phrase;
- `ppw=PREP:SPEC`: the object of one of its prepositional phrases ("appear IN COURT");
- `particle=WORD`: its particle ("set OFF", "press ON"): a `prt` child, or the word right
  after the verb attached to it;
- `question`: the verb introduces a question ("asked whether", "asked if", "asked what",
  "asked about"), not a demand.

SPEC is `a+b|c`: alternatives separated by `|`, each a set of words joined by `+` that must
all be in the phrase (its head noun and that noun's compound and adjective modifiers, as
lemmas or as written); a word `@class` is any member of a word class (members may be
multi-word: "food+aid").
"""

from __future__ import annotations

from typing import Any

PHRASE_KEYS = frozenset({"objw", "subjw", "ppw", "particle"})
QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who", "which"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "obj", "oprd"})


def phrase_words(tok: Any) -> frozenset[str]:
    """The words of the noun phrase headed by `tok`: the head and its modifiers."""
    words = {tok.lemma_.lower(), tok.lower_}
    for child in tok.children:
        if child.dep_ in MODIFIER_DEPS:
            words |= {child.lemma_.lower(), child.lower_}
    return frozenset(words)


def term_holds(term: str, words: frozenset[str], classes: dict[str, frozenset[str]]) -> bool:
    if term.startswith("@"):
        members = classes.get(term[1:], frozenset())
        return any(all(w in words for w in member.split("+")) for member in members)
    return term in words


def spec_holds(spec: str, tok: Any | None, classes: dict[str, frozenset[str]]) -> bool:
    if tok is None:
        return False
    words = phrase_words(tok)
    return any(
        all(term_holds(term, words, classes) for term in alternative.split("+"))
        for alternative in spec.split("|")
    )


def objects(tok: Any) -> list[Any]:
    found = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    return found + [c for o in found for c in o.children if c.dep_ == "conj"]


def subjects(tok: Any) -> list[Any]:
    found = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not found and tok.dep_ in {"xcomp", "conj"} and tok.head.pos_ in {"VERB", "AUX"}:
        return subjects(tok.head)
    return found


def prepositional_objects(tok: Any, prep: str) -> list[Any]:
    return [
        grand
        for child in tok.children
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep
        for grand in child.children
        if grand.dep_ == "pobj"
    ]


def has_particle(tok: Any, word: str) -> bool:
    for child in tok.children:
        if child.lower_ != word:
            continue
        if child.dep_ == "prt" or (child.i == tok.i + 1 and child.dep_ in {"advmod", "prep"}):
            return True
    return False


def asks_a_question(tok: Any) -> bool:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ in {"ccomp", "xcomp", "advcl"} and any(
            g.lower_ in QUESTION_WORDS and g.i < child.i for g in child.subtree
        ):
            return True
    return False


def phrase_holds(key: str, value: str, tok: Any, classes: dict[str, frozenset[str]]) -> bool:
    if key == "particle":
        return has_particle(tok, value)
    if key == "objw":
        phrases = objects(tok)
    elif key == "subjw":
        phrases = subjects(tok)
    else:
        prep, _, value = value.partition(":")
        phrases = prepositional_objects(tok, prep)
    return any(spec_holds(value, p, classes) for p in phrases)
