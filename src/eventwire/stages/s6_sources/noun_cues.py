"""Attribution nouns: "Trump's claim that ...", "her plan to ...", "a warning from the State
Department that ...", "his comments on ...", "a Times report that ...".

A noun of `attribution_nouns.tsv` is a cue when the parse gives it a content in one of its
row's forms and a source: its owner (a possessive), the object of "by" or "from" after it,
a proper name compounded with it, or the subject of a verb that voices it ("she expressed
hope that ...", "Steyer announced plans to ...", "he raised questions about ..."). One
misreading of the parser is taken for what it is: "Trump claims that ..." parsed as a name
with the noun "claims" as its object and a clause hanging on the noun; the name is then the
noun's source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.tokens import paragraph_of
from eventwire.stages.s6_sources.contents import clipped, marked_by_to, subtree_span
from eventwire.stages.s6_sources.lexicon import SourceLexicon
from eventwire.stages.s6_sources.speakers import Cue, cue_of, subject_of, token_span

CLAUSE_MARKS = frozenset({"that", "whether", "if"})
CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp"})
TOPIC_PREPOSITIONS = frozenset({"about", "on", "over", "against", "for"})
# Verbs that state, voice or hold a noun cue as their object: their subject is its source
# ("Steyer announced plans to ...", "she expressed hope that ...", "he raised questions
# about ..."). Other verbs do not: "the court rejected the claim that ..." is not the court's.
VOICING_VERBS = frozenset(
    """express voice announce raise reiterate repeat share air outline unveil offer make
    issue signal state restate detail lay have hold harbor harbour""".split()
)


@dataclass(frozen=True, slots=True)
class NounCue:
    cue: Cue
    content: Span
    kind: str


def noun_content(parsed: Any, noun: Any, forms: tuple[str, ...]) -> Span | None:
    for form in forms:
        parts: list[Any] = []
        for child in noun.rights:
            if form == "clause" and child.dep_ in CLAUSE_DEPS:
                first = child.left_edge
                if first.dep_ == "mark" and first.lower_ in CLAUSE_MARKS:
                    parts = [child]
            elif form == "infinitive" and child.dep_ == "acl":
                if marked_by_to(child):
                    parts = [child]
            elif form == "object" and child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
                parts = [c for c in child.children if c.dep_ in ("pobj", "pcomp")][:1]
            if parts:
                break
        if parts:
            span = subtree_span(parts[0])
            return clipped(parsed, noun, span.start, span.end)
    return None


def noun_source(noun: Any) -> Any | None:
    for child in noun.lefts:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return names[-1]
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in VOICING_VERBS:
        subject = subject_of(head)
        if subject is not None:
            return subject  # "Steyer announced plans to ..."
    if (
        noun.dep_ in ("dobj", "attr", "appos")
        and head.i == noun.i - 1
        and head.pos_ == "PROPN"
        and head.dep_ in ("ROOT", "nsubj")
    ):
        return head  # "Trump claims that ...", read as a name and a noun
    return None


def find_noun_cues(parsed: Any, lexicon: SourceLexicon) -> list[NounCue]:
    found: list[NounCue] = []
    for tok in parsed:
        if tok.pos_ != "NOUN":
            continue
        row = lexicon.attribution_nouns.get(tok.lemma_.lower())
        if row is None:
            continue
        source = noun_source(tok)
        if source is None or not paragraph_of(parsed, tok.idx).contains(token_span(source)):
            continue
        content = noun_content(parsed, tok, row.forms)
        if content is None:
            continue
        cue = cue_of(token_span(tok), tok, source, "direct")
        if cue.speaker is not None and cue.speaker.overlaps(content):
            continue
        found.append(NounCue(cue, content, row.kind))
    return found
