"""Tell when a country or capital stands for its government ("Washington said", "Baghdad and
Washington came to an agreement", "Moscow's statement"), from the dependency parse.

A mention is a metonym when its head (through any chain of conjuncts) is the subject of a
verb that is not stative ("Iraq borders Syria" is a place), the agent of a passive ("rejected
by Moscow"), or the possessor of a communication noun (data/places/words.tsv).
"""

from __future__ import annotations

from typing import Any

# Kinds that can stand for a government; a city only when it is a national capital.
METONYM_KINDS = frozenset({"country", "city"})


def is_metonym(
    doc: Any, start: int, end: int, *, kind: str, capital: bool, words: dict[str, frozenset[str]]
) -> bool:
    if kind not in METONYM_KINDS or (kind == "city" and not capital):
        return False
    token = doc[start:end].root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "nsubj":
        verb = token.head
        return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in words.get(
            "stative_verb", ()
        )
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if token.dep_ == "poss":
        return token.head.lemma_.lower() in words.get("communication_noun", ())
    return False
