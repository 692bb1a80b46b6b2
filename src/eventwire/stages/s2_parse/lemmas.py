"""A token's possible lemmas. The small English model's lemmatizer slips on some verbs'
inflections ("hopes" and "hoped" -> "hop", "staged" -> "stag", "lambasted" -> "lambast"),
so stages that look a verb up in a lexicon try the base forms its inflection suggests too.
"""

from __future__ import annotations

from typing import Any


def lemma_forms(tok: Any) -> set[str]:
    """The token's lemma, its word and, as a guard against the model's lemma slips, the base
    forms its inflection suggests (for a verb)."""
    lower = tok.lower_
    forms = {tok.lemma_.lower(), lower}
    if tok.pos_ in {"VERB", "AUX"}:
        if lower.endswith("ied"):
            forms.add(lower[:-3] + "y")
        elif lower.endswith("ed"):
            forms |= {lower[:-1], lower[:-2]}
        elif lower.endswith("ing"):
            forms |= {lower[:-3], lower[:-3] + "e"}
        elif lower.endswith("s"):
            forms.add(lower[:-1])
    return forms


def lemmas_to_try(tok: Any) -> list[str]:
    """The lemma first, then the other base forms of a verb whose lemma is not its own word
    (sorted, so that a lookup is deterministic): "hopes" -> ["hop", "hope", "hopes"]. A
    word the model lemmatises to itself ("seed") tries nothing else."""
    lemma = tok.lemma_.lower()
    if lemma == tok.lower_ or tok.pos_ not in {"VERB", "AUX"}:
        return [lemma]
    return [lemma, *sorted(lemma_forms(tok) - {lemma})]
