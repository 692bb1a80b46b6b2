"""Who says so: reporting cues, their speakers and the clauses they report, from the parse.

Works on spaCy tokens. A cue is a reporting verb from `cues.tsv` ("said", "told",
"confirming"), the preposition "according to", or a dash between a closing quotation mark
and a name (`“...” ― Jane Doe`, for direct quotes only). Its speaker is the verb's subject,
the agent of a passive, the object of "quoted X as saying", or the noun a participle hangs on
("one official quoted by the agency"); participles without a subject ("..., adding that")
borrow their head verb's. Everything is clipped to the paragraph of the cue: the parser's sentences
run across paragraph breaks when a line has no final stop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.tokens import paragraph_of, text_of_doc, tokens_in
from eventwire.stages.s6_sources.lexicon import SourceLexicon

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Right-hand children kept in a speaker's noun phrase ("a professor from the University of
# Michigan"); appositions, relative clauses and participles are cut ("Louis Gallois, the
# chief executive, said" -> "Louis Gallois").
NP_RIGHT_DEPS = frozenset(
    {"compound", "flat", "nmod", "prep", "pobj", "case", "cc", "conj", "nummod"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# A reported clause is kept as an indirect quote only if this many words of it lie outside
# direct quotes: "he was “shocked”" is the direct quote, not a second, indirect one.
# Calibrated on the MEANTIME quote set's annotation guideline (README there).
MIN_WORDS_OUTSIDE_QUOTES = 4


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue: its span, its speaker's noun phrase (and head token index)."""

    span: Span
    token: int  # the cue verb (or "according")
    speaker: Span | None
    speaker_head: int | None
    kind: str  # "indirect" or "direct"


def token_span(tok: Any) -> Span:
    return Span(tok.idx, tok.idx + len(tok.text))


def right_edge_uncoordinated(tok: Any) -> Any:
    """The right edge of `tok`'s phrase, stopping before any coordination ("and ...")."""
    right = tok
    for child in tok.rights:
        if child.dep_ in ("cc", "conj", "punct", "relcl", "appos"):
            break
        right = right_edge_uncoordinated(child)
    return right


def np_span(head: Any, *, coordinated: bool = True) -> Span:
    """The speaker's noun phrase around `head`, without appositions or relative clauses;
    without coordinated phrases too when `coordinated` is false (a list of sources)."""
    left = head.left_edge
    for child in head.lefts:
        if child.dep_ in ("appos", "punct", "relcl") and child.i < head.i:
            left = head.doc[child.right_edge.i + 1]
    right = head
    for child in head.rights:
        if (
            child.dep_ == "appos"
            and head.pos_ == "NOUN"
            and any(t.pos_ == "PROPN" for t in child.subtree)
        ):
            right = child.right_edge  # "another automaker, General Motors (GM)"
            continue
        if child.dep_ not in NP_RIGHT_DEPS or (not coordinated and child.dep_ in ("cc", "conj")):
            break
        if child.dep_ == "prep" and child.lower_ not in (
            "of",
            "from",
            "at",
            "for",
            "to",
            "in",
            "by",
        ):
            break
        right = child.right_edge if coordinated else right_edge_uncoordinated(child)
    while right.i > head.i and (right.is_punct or right.is_space):
        right = head.doc[right.i - 1]
    span = Span(left.idx, right.idx + len(right.text))
    # Keep it to one paragraph.
    para = paragraph_of(head.doc, head.idx)
    return Span(max(span.start, para.start), min(span.end, para.end))


def cue_kind(tok: Any, lexicon: SourceLexicon) -> str | None:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in (
        "VBD",
        "VBZ",
        "VBP",
        "VBG",
        "VBN",
        "VB",
    ):
        return None
    return lexicon.cues.get(tok.lemma_.lower())


def subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def find_speaker(verb: Any, lexicon: SourceLexicon) -> tuple[Any | None, int]:
    """The speaker's head token for a cue verb, and the index where the cue starts."""
    # "quoted X as saying/confirming": the cue runs from "quoted", the speaker is X.
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "as"
        and verb.head.head.lemma_ in ("quote", "cite")
    ):
        quoting = verb.head.head
        objects = [c for c in quoting.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if objects:
            return objects[0], quoting.i
    subject = subject_of(verb)
    if subject is not None:
        return subject, verb.i
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "one official quoted by the agency"
        return verb.head, verb.i
    if verb.dep_ == "acl":  # "a statement saying ..."; "X issued a statement saying ..."
        noun = verb.head
        if noun.dep_ in ("dobj", "obj") and lexicon.nouns.get(noun.lemma_.lower()) == "document":
            issuer = subject_of(noun.head)
            if issuer is not None:
                return issuer, verb.i
        return noun, verb.i
    head = verb
    for _ in range(3):  # "..., adding that", "he went on to say"
        if head.head.i == head.i or head.dep_ not in (
            "advcl",
            "xcomp",
            "conj",
            "pcomp",
            "prep",
            "dep",
        ):
            break
        head = head.head
        subject = subject_of(head)
        if subject is not None:
            return subject, verb.i
    return None, verb.i


def paragraph_subject(parsed: Any, verb: Any) -> Any | None:
    """The noun phrase opening the cue's paragraph, when the parser looked past the paragraph
    for a subject (a headline run into the first line)."""
    para = paragraph_of(parsed, verb.idx)
    before = tokens_in(parsed, para.start, verb.idx)
    if not before:
        return None
    for chunk in parsed[before[0].i : before[-1].i + 1].noun_chunks:
        if para.start <= chunk.start_char < verb.idx:
            return chunk.root if chunk.start_char - para.start < 3 else None
    return None


def find_cues(parsed: Any, lexicon: SourceLexicon) -> list[Cue]:
    """Every reporting cue in the parsed text, with its speaker when one is found."""
    cues: list[Cue] = []
    for tok in parsed:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < len(parsed)
            and parsed[tok.i + 1].lower_ == "to"
        ):
            to = parsed[tok.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            speaker = objects[0] if objects else None
            cues.append(cue_of(Span(tok.idx, to.idx + len(to.text)), tok, speaker, "indirect"))
            continue
        kind = cue_kind(tok, lexicon)
        if kind is None or any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not say" reports nothing
        if any(
            c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in tok.children
        ):
            continue  # "quoted X as saying": the cue is the whole phrase, found at "saying"
        speaker, first = find_speaker(tok, lexicon)
        if speaker is not None and not paragraph_of(parsed, tok.idx).contains(token_span(speaker)):
            speaker = paragraph_subject(parsed, tok)
        start = parsed[first].idx
        cues.append(cue_of(Span(min(start, tok.idx), tok.idx + len(tok.text)), tok, speaker, kind))
    return cues


DASHES = frozenset({"―", "—", "–", "--"})
CLOSING_MARKS = frozenset({"”", '"', "''", "’"})


def dash_cues(parsed: Any) -> list[Cue]:
    """A dash after a closing quotation mark, then a name: `“...” ― Jane Doe`."""
    cues: list[Cue] = []
    people = {ent.start: ent for ent in parsed.ents if ent.label_ == "PERSON"}
    for tok in parsed:
        if tok.text not in DASHES or tok.i == 0 or tok.i + 1 >= len(parsed):
            continue
        before = tok.nbor(-1)
        after = tok.nbor(1)
        while after.is_space and after.i + 1 < len(parsed):
            after = after.nbor(1)
        if before.text not in CLOSING_MARKS or after.pos_ != "PROPN":
            continue
        if "\n" in text_of_doc(parsed)[tok.idx : after.idx]:
            continue
        ent = people.get(after.i)
        if ent is not None:
            cues.append(Cue(token_span(tok), tok.i, Span(ent.start_char, ent.end_char),
                            ent.root.i, "direct"))  # fmt: skip
            continue
        head = after
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        cues.append(cue_of(token_span(tok), tok, head, "direct"))
    return cues


def cue_of(span: Span, tok: Any, speaker: Any | None, kind: str) -> Cue:
    """The cue at `tok` over `span`, with its speaker's noun phrase and head, if any."""
    if speaker is None:
        return Cue(span, tok.i, None, None, kind)
    return Cue(span, tok.i, np_span(speaker), speaker.i, kind)


def trim_clause(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return Span(start, end) if end > start else None


def reported_clause(parsed: Any, cue: Cue) -> Span | None:
    """The clause a cue reports ("said [that] CLAUSE", "according to X, CLAUSE")."""
    verb = parsed[cue.token]
    text = text_of_doc(parsed)
    para = paragraph_of(parsed, verb.idx)
    if verb.lower_ == "according":
        anchor = verb.head
        while anchor.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and anchor.head.i != anchor.i:
            anchor = anchor.head
        tokens = [t for t in anchor.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
        tokens = [t for t in tokens if para.start <= t.idx < para.end and not t.is_space]
        if not tokens:
            return None
        after = [t for t in tokens if t.i > verb.right_edge.i]
        before = [t for t in tokens if t.i < verb.left_edge.i]
        if verb.i < anchor.left_edge.i + 2 and after:  # "According to X, CLAUSE"
            tokens = after
        elif before and not any(t.is_alpha or t.is_digit for t in after):
            tokens = before  # "CLAUSE, according to X."
        return trim_clause(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = clauses[0]
    tokens = [t for t in clause.subtree if para.start <= t.idx < para.end and not t.is_space]
    if not tokens:
        return None
    if tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if"):
        tokens = tokens[1:]
        if not tokens:
            return None
    end = tokens[-1].idx + len(tokens[-1].text)
    # "X said that A, and that B": the second clause is reported too.
    nxt = tokens[-1].i + 1
    while nxt < len(parsed) and parsed[nxt].lower_ in (",", "and", "but"):
        nxt += 1
    if nxt < len(parsed) and parsed[nxt].lower_ == "that" and parsed[nxt].idx < para.end:
        sentence_end = min(parsed[nxt].sent.end_char, para.end)
        end = max(end, sentence_end)
    return trim_clause(text, tokens[0].idx, end)


def words_outside(text: str, span: Span, quoted: list[Span]) -> int:
    inside = [q for q in quoted if q.overlaps(span)]
    count = 0
    pos = span.start
    for word in text[span.start : span.end].split():
        start = text.find(word, pos)
        pos = start + len(word)
        if any(q.start - 2 <= start < q.end + 2 for q in inside) or not any(
            ch.isalnum() for ch in word
        ):
            continue
        count += 1
    return count
