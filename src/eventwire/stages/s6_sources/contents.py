"""What a cue attributes: the content of an attribution, read off the parse.

Four shapes, each clipped to the cue's paragraph:

- a complement of the cue verb, in the forms its row of `attribution_cues.tsv` allows: its
  clause ("believes [that] ..."), its infinitive with the object before it ("wants to ...",
  "urged them to ..."), its object and what completes it ("cited the figure", "called for a
  ceasefire", "called on them to ..."), or an object with a predicate ("called it a hoax");
- a parenthetical cue inside the clause it reports ("The museum, Mr. Bush said, celebrated
  ..."): the clause around it, in two pieces;
- "according to X" in the middle of its clause ("A, according to X, B"): the clause around
  it, in two pieces (`speakers.reported_clause` gives the clause before or after it);
- a reported clause (`speakers.reported_clause`), with its "that" (the attributed words
  start there in PolNeAR's and PARC's annotation).
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.tokens import paragraph_of, text_of_doc
from eventwire.stages.s6_sources.speakers import Cue, trim_clause

CLAUSE_DEPS = frozenset({"ccomp"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
# What completes an object ("called it [a hoax]", "urged them [to leave]").
PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
# Prepositions that complete an object ("accused X [of Y]", "blamed X [for Y]", "saw X [as
# Y]").
OBJECT_PREPOSITIONS = frozenset({"of", "for", "as"})


def tokens_span(tokens: list[Any]) -> Span:
    return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def subtree_span(tok: Any) -> Span:
    return Span(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))


def clipped(parsed: Any, verb: Any, start: int, end: int) -> Span | None:
    """[start, end) clipped to the verb's paragraph and trimmed of spaces and commas."""
    para = paragraph_of(parsed, verb.idx)
    return trim_clause(text_of_doc(parsed), max(start, para.start), min(end, para.end))


def right_children(verb: Any, deps: frozenset[str]) -> list[Any]:
    return [c for c in verb.rights if c.dep_ in deps]


def marked_by_to(verb: Any) -> bool:
    """An infinitive's verb: "to" before it as its auxiliary ("[to] pass", "[to] be signed")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


def infinitive_of(verb: Any) -> list[Any]:
    """The infinitive complement ("to leave") and an object before it ("them"), or an
    infinitive clause with its own subject, as the model parses "wants Congress to pass the
    bill" and "want the deal to be signed" (a clause whose verb has "to")."""
    infinitives = [
        c for c in right_children(verb, frozenset({"xcomp"})) if c.pos_ in ("VERB", "AUX")
    ]
    if not infinitives:
        return [
            c
            for c in right_children(verb, frozenset({"ccomp"}))
            if c.pos_ in ("VERB", "AUX") and marked_by_to(c)
        ][:1]
    objects = [c for c in right_children(verb, OBJECT_DEPS) if c.i < infinitives[0].i]
    return objects[:1] + infinitives[:1]


def object_of(verb: Any, *, need_predicate: bool) -> list[Any]:
    objects = right_children(verb, OBJECT_DEPS)
    if not objects:
        return []
    first = objects[0]
    after = [
        c
        for c in verb.rights
        if c.i > first.i
        and (c.dep_ in PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS))
    ]
    if need_predicate and not after:
        return []
    return [first, *after]


def particle_object(verb: Any, particle: str) -> list[Any]:
    """The object of the cue's preposition ("called for [X]", "called on [X] [to Y]")."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ == particle:
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if not objects:
                return []
            after = [c for c in right_children(verb, PREDICATE_DEPS) if c.i > prep.i]
            return [objects[0], *after[:1]]
    return []


def complement(parsed: Any, verb: Any, forms: tuple[str, ...], particle: str | None) -> Span | None:
    """The content of an attribution cue verb, from the first of its forms the parse has."""
    if particle is not None:
        parts = particle_object(verb, particle)
    else:
        parts = []
        for form in forms:
            if form in ("passive", "record"):
                continue  # not a complement (`passive_content`), or read by the speaker's kind
            if form == "clause":
                parts = right_children(verb, CLAUSE_DEPS)[:1]
            elif form == "infinitive":
                parts = infinitive_of(verb)
            else:
                parts = object_of(verb, need_predicate=form == "predicate")
            if parts:
                break
    if not parts:
        return None
    start = min(p.left_edge.idx for p in parts)
    end = max(subtree_span(p).end for p in parts)
    return clipped(parsed, verb, start, end)


# What completes a passive belief verb ("is expected [to win]", "is considered [a threat]",
# "is seen [as a rival]", "was accused [of fraud]").
PASSIVE_DEPS = frozenset({"xcomp", "oprd", "ccomp"})
PASSIVE_PREPOSITIONS = frozenset({"as", "of"})
# Verbs of seeing hold a view only with "as" ("is seen as a rival"); otherwise someone saw
# something ("was last seen on Friday", "have been seen boarding a bus").
SEEING_VERBS = frozenset({"see", "view"})


def passive_content(parsed: Any, verb: Any) -> tuple[Span, ...]:
    """ "X is expected to win": the passive's subject and what completes it, in two pieces
    (the attribution of no one in particular); () unless the verb is passive, has no agent
    and has both."""
    if not any(c.dep_ == "auxpass" for c in verb.lefts) or any(
        c.dep_ == "agent" for c in verb.children
    ):
        return ()
    subjects = [c for c in verb.lefts if c.dep_ == "nsubjpass"]
    if verb.lemma_.lower() in SEEING_VERBS:
        rest = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"]
    else:
        rest = [
            c
            for c in verb.rights
            if c.dep_ in PASSIVE_DEPS or (c.dep_ == "prep" and c.lower_ in PASSIVE_PREPOSITIONS)
        ]
    if not subjects or not rest:
        return ()
    pieces = []
    for part in (subjects[0], rest[0]):
        span = subtree_span(part)
        piece = clipped(parsed, verb, span.start, span.end)
        if piece is None:
            return ()
        pieces.append(piece)
    return tuple(pieces)


def around(parsed: Any, verb: Any, head: Any, cut: tuple[int, int]) -> tuple[Span, ...]:
    """The pieces of `head`'s clause before and after the tokens cut[0]..cut[1]."""
    sentence = verb.sent
    para = paragraph_of(parsed, verb.idx)
    tokens = [
        t
        for t in head.subtree
        if not cut[0] <= t.i <= cut[1]
        and sentence.start <= t.i < sentence.end
        and para.start <= t.idx < para.end
        and not t.is_space
    ]
    pieces: list[Span] = []
    for side in ([t for t in tokens if t.i < cut[0]], [t for t in tokens if t.i > cut[1]]):
        if side:
            span = trim_clause(text_of_doc(parsed), side[0].idx, side[-1].idx + len(side[-1].text))
            if span is not None and any(ch.isalnum() for ch in span.of(text_of_doc(parsed))):
                pieces.append(span)
    return tuple(pieces)


def parenthetical(parsed: Any, cue: Cue) -> tuple[Span, ...]:
    """ "A, she said, B": the clause the cue interrupts, as the pieces before and after it."""
    verb = parsed[cue.token]
    if verb.dep_ != "parataxis" or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return ()
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "The difference, he told me, is ...": the clause, not its subject
    first = min(verb.left_edge.i, verb.i)
    if cue.speaker_head is not None:
        first = min(first, parsed[cue.speaker_head].left_edge.i)
    pieces = around(parsed, verb, head, (first, verb.right_edge.i))
    return pieces if len(pieces) == 2 else ()


def according_middle(parsed: Any, cue: Cue) -> tuple[Span, ...]:
    """ "A, according to X, B": the clause around the cue, in two pieces."""
    verb = parsed[cue.token]
    anchor = verb.head
    while anchor.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and anchor.head.i != anchor.i:
        anchor = anchor.head
    pieces = around(parsed, verb, anchor, (verb.left_edge.i, verb.right_edge.i))
    return pieces if len(pieces) == 2 else ()


def with_that(parsed: Any, clause: Span) -> Span:
    """The clause with the "that" before it, where the text has one ("said [that] ...")."""
    text = text_of_doc(parsed)
    end = clause.start  # the end of the text before the clause, without its spaces
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if text[max(0, end - 4) : end].lower() == "that" and (end == 4 or not text[end - 5].isalnum()):
        return Span(end - 4, clause.end)
    return clause
