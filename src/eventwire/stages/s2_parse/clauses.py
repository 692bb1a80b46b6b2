"""Clause repair: a speaker's second act that the parser hangs inside what the speaker said.

"The minister said China was ready to help and called for a ceasefire": the small model makes
"called" a conjunct of "was", the reported clause's verb, so that China calls and the call is
part of what was said. English puts a conjunct inside the reported clause with the clause's
own form ("said the army had killed ten and arrested five", "said it would talk and seek a
deal"); a conjunct in the reporting verb's own tense, with no subject or auxiliary of its own,
that is itself a verb of saying, asking or committing ("and called for", "and urged", "and
vowed to") is the speaker's next act: it is re-attached to the reporting verb, with its
"and". Every later stage reads the repaired tree (the speaker's quote ends before "and called";
the call is the minister's).
"""

from __future__ import annotations

from typing import Any

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
STATE_DEPS = frozenset({"attr", "acomp"})
QUOTE_MARKS = frozenset('"“”')


def reattach_speaker_conjuncts(doc: Any, speaker_verbs: frozenset[str]) -> Any:
    """`doc` with each such conjunct moved to its reporting verb (in place; returns `doc`)."""
    if not speaker_verbs:
        return doc
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ != "VERB":
            continue
        reporter = speaker_of(tok, speaker_verbs)
        if reporter is None:
            continue
        clause = tok.head
        # the "and" (and a comma) between the clause and the conjunct join it to the reporter
        links = [c for c in clause.children if c.dep_ in {"cc", "punct"} and c.i < tok.i]
        own = {t.i for t in tok.subtree}  # "and also called": "also" is the conjunct's
        words = [c.i for c in clause.subtree if c.i < tok.i and c not in links and c.i not in own]
        tok.head = reporter
        for link in links:
            if link.i > max(words):
                link.head = reporter
    return doc


def speaker_of(tok: Any, speaker_verbs: frozenset[str]) -> Any | None:
    """The reporting verb whose speaker does `tok`, a conjunct of its reported clause, or None."""
    clause = tok.head
    if clause.dep_ != "ccomp":
        return None
    reporter = clause.head
    if reporter.i >= clause.i or reporter.lemma_.lower() not in speaker_verbs:
        return None  # "China is ready, the minister said, and ...": no clause before it
    if reporter.tag_ not in FINITE_TAGS or tok.tag_ != reporter.tag_:
        return None  # the clause's own form, or not the speaker's tense
    if tok.lemma_.lower() not in speaker_verbs:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in AUXILIARY_DEPS for c in tok.children):
        return None  # its own subject or auxiliary: a clause of its own
    if not (has_modal(clause) or is_state(clause)):
        return None  # "said the leaders met and agreed to ...": the narrative goes on
    if any(t.text in QUOTE_MARKS for t in tok.doc[reporter.i : tok.i]):
        return None  # inside or after a quotation: the parse's reading stands
    return reporter


def has_modal(clause: Any) -> bool:
    """A reported clause under a modal ("Germany would send more troops"): a conjunct in the
    reporting verb's tense cannot share it."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def is_state(clause: Any) -> bool:
    """A reported clause that says how things are ("China was ready to help", "the attack
    was a crime"): a verb of saying joined to it is no act of its subject's."""
    return clause.lemma_.lower() == "be" and any(c.dep_ in STATE_DEPS for c in clause.children)
