"""What a source's noun phrase says: its kind, name, count, affiliation and role.

`describe` reads one noun phrase (a speaker, or a sourcing phrase such as "five US
officials") and returns a `Draft` for a new source, or a `Reference` when the phrase only
points back at one ("he", "the outlet", "the company").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.tokens import entities_in, text_of_doc, tokens_in
from eventwire.stages.s6_sources.lexicon import SourceLexicon, parse_count
from eventwire.stages.s6_sources.speakers import np_span, right_edge_uncoordinated

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
# Definite nouns that refer back to the last organisation ("the company said").
ORGANISATION_NOUNS = frozenset(
    {"company", "firm", "group", "automaker", "carmaker", "airline", "manufacturer", "airframer",
     "government", "ministry", "administration", "business", "bank", "union", "organisation",
     "organization", "department", "agency", "military", "army"}
)  # fmt: skip
# Adjectives that count a group rather than describe it ("many analysts": the role is
# "analysts").
QUANTIFIERS = frozenset({"many", "several", "some", "few", "most", "numerous", "various"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "other", "another"})


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str  # outlet, named, anonymous, document
    name: str | None
    count: int | None
    affiliation: str | None
    role: str | None
    span: Span
    person: bool = False
    group: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    to: str  # "person", "group", "thing", "outlet", "organisation"
    span: Span


def strip_determiners(words: list[Any]) -> list[Any]:
    while words and (words[0].lower_ in DETERMINERS or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return words


def text_of(parsed: Any, words: list[Any]) -> str | None:
    if not words:
        return None
    return text_of_doc(parsed)[words[0].idx : words[-1].idx + len(words[-1].text)]


def country_in(parsed: Any, words: list[Any], lexicon: SourceLexicon) -> str | None:
    if not words:
        return None
    span = Span(words[0].idx, words[-1].idx + len(words[-1].text))
    for ent in entities_in(parsed, span.start, span.end):
        if ent.label_ in ("GPE", "NORP"):
            code = lexicon.country(ent.text) or lexicon.country(ent.text.removeprefix("the "))
            if code:
                return code
    for tok in words:
        code = lexicon.country(tok.text)
        if code:
            return code
    return None


def organisation_in(parsed: Any, words: list[Any], lexicon: SourceLexicon) -> str | None:
    if not words:
        return None
    span = Span(words[0].idx, words[-1].idx + len(words[-1].text))
    for ent in entities_in(parsed, span.start, span.end):
        if ent.label_ == "ORG" and not lexicon.country(ent.text):
            return ent.text.removeprefix("the ")
    return None


def affiliation_of(parsed: Any, head: Any, words: list[Any], lexicon: SourceLexicon) -> str | None:
    """Country (ISO alpha-3) if one applies, else a short name ("coalition member states")."""
    inner = [t for t in words if t.i <= head.i]
    code = country_in(parsed, inner, lexicon)
    if code:
        return code
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "at", "with", "in"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                edge = right_edge_uncoordinated(objects[0])
                phrase = strip_determiners([t for t in objects[0].subtree if t.i <= edge.i])
                code = country_in(parsed, phrase, lexicon)
                return code or text_of(parsed, phrase)
    organisation = organisation_in(parsed, inner, lexicon)
    if organisation:
        return organisation
    proper = [t for t in inner if t.pos_ == "PROPN" and t.i < head.i]
    return text_of(parsed, proper) if proper else None


def count_of(head: Any) -> int | None:
    for child in head.lefts:
        if child.dep_ == "nummod":
            return parse_count(child.text)
        if child.dep_ == "quantmod":
            return None
    plural = head.tag_ in ("NNS", "NNPS")
    if plural:
        return None
    return 1


def person_in(parsed: Any, head: Any, span: Span) -> Any | None:
    """A PERSON entity in the phrase or in an apposition to its head."""
    candidates = [span]
    for child in head.children:
        if child.dep_ == "appos":
            candidates.append(
                Span(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            )
    found = [
        ent
        for c in candidates
        for ent in entities_in(parsed, c.start, c.end)
        if ent.label_ == "PERSON"
    ]
    return min(found, key=lambda ent: ent.start_char, default=None)


def describe_person(parsed: Any, head: Any, span: Span, ent: Any, lexicon: SourceLexicon) -> Draft:
    name_words = [t for t in ent if t.lower_ not in HONORIFICS]
    name = text_of(parsed, name_words) or ent.text
    role_words: list[Any] = []
    appositions = [c for c in head.children if c.dep_ == "appos"]
    if ent.root.i == head.i or ent.start <= head.i < ent.end:
        if appositions:
            role_words = strip_determiners(list(appositions[0].subtree))
        else:
            role_words = strip_determiners([t for t in head.doc[head.left_edge.i : ent.start]])
    else:  # "an aerospace analyst, Richard Aboulafia": the head noun is the role
        role_words = strip_determiners([t for t in head.doc[head.left_edge.i : head.i + 1]])
    role_words = [t for t in role_words if t.lower_ not in HONORIFICS]
    role = text_of(parsed, role_words)
    affiliation = country_in(parsed, role_words, lexicon) or organisation_in(
        parsed, role_words, lexicon
    )
    return Draft("named", name, None, affiliation, role, span, person=True)


def describe(parsed: Any, head: Any, span: Span, lexicon: SourceLexicon) -> Draft | Reference:
    lower = head.lower_
    if head.pos_ == "PRON":
        if lower in PERSON_PRONOUNS:
            return Reference("person", span)
        if lower in GROUP_PRONOUNS:
            return Reference("group", span)
        return Reference("thing", span)
    words = tokens_in(parsed, span.start, span.end)
    for ent in entities_in(parsed, span.start, span.end):
        outlet = lexicon.outlet(ent.text)
        if outlet:
            root = ent.root
            while (
                root.dep_ == "compound"
                and root.head.i != root.i
                and span.start <= root.head.idx < span.end
            ):
                root = root.head
            return Draft("outlet", outlet, None, None, None, np_span(root), group=True)
    for tok in words:
        outlet = lexicon.outlet(tok.text) if tok.pos_ == "PROPN" else None
        if outlet:
            return Draft("outlet", outlet, None, None, None, span, group=True)
    noun_kind = lexicon.nouns.get(head.lemma_.lower())
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.lefts)
    if noun_kind == "outlet" and definite:
        return Reference("outlet", span)
    if noun_kind == "document":
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "by":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    inner = objects[0]
                    return describe(parsed, inner, np_span(inner), lexicon)
        name = text_of(parsed, strip_determiners(words))
        return Draft("document", name, None, None, None, span, group=True)
    person = person_in(parsed, head, span)
    if person is not None:
        return describe_person(parsed, head, span, person, lexicon)
    if noun_kind in ("anonymous", "person"):
        count = count_of(head)
        modifiers = [
            c
            for c in head.lefts
            if c.dep_ == "amod" and not lexicon.country(c.text) and c.lower_ not in QUANTIFIERS
        ]
        role = (
            text_of(parsed, [*modifiers, head])
            if modifiers and modifiers[-1].i == head.i - 1
            else head.text
        )
        return Draft(
            "anonymous",
            None,
            count,
            affiliation_of(parsed, head, words, lexicon),
            role,
            span,
            group=count is None or count > 1,
        )
    if definite and lower in ORGANISATION_NOUNS and country_in(parsed, words, lexicon) is None:
        return Reference("organisation", span)
    return named_draft(parsed, head, span, lexicon)


def named_draft(parsed: Any, head: Any, span: Span, lexicon: SourceLexicon) -> Draft:
    """The phrase as a named source of its own ("the Iraqi government", "Boeing"); also
    what "the ministry" becomes when no organisation was named before it."""
    words = tokens_in(parsed, span.start, span.end)
    name = text_of(parsed, strip_determiners(words))
    code = lexicon.country(name or "") if name else None
    if head.lower_ in ORGANISATION_NOUNS:
        code = country_in(parsed, words, lexicon)  # "the Iraqi government" -> IRQ
    plural = head.tag_ in ("NNS", "NNPS")
    return Draft(
        "named", name, None, code, None, span, person=False, group=plural or head.pos_ == "PROPN"
    )


def surname(name: str) -> str:
    words = [w for w in name.replace(".", " ").split() if w.lower() not in HONORIFICS]
    return words[-1].lower() if words else name.lower()


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_source(draft: Draft, kind: str, name: str | None, *, person: bool) -> bool:
    """Whether a new phrase names a source already known."""
    if draft.kind != kind or draft.name is None or name is None:
        return False
    if draft.name.lower() == name.lower():
        return True
    if kind == "named" and person and draft.person:
        return surname(draft.name) == surname(name)
    if kind == "named" and not person and not draft.person:
        short, long = sorted((draft.name, name), key=len)
        return short.isupper() and len(short) >= 2 and initials(long) == short
    return False
