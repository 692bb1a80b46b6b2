"""The sources stage: who is cited in the article, and who says each quote.

Reads the parse (`doc.parsed`) and adds `doc.sources` and `doc.quotes`:

- Sources are outlets ("a report by the Reuters news agency"; also `article.outlet` when
  set), named people and bodies with role and affiliation ("Farhad Alaaldin, Foreign Affairs
  adviser to Iraq's Prime Minister"), anonymous sources with their count and affiliation
  ("five US officials") and documents ("a statement said"). A source comes from a speaker of
  a quote, or from a sentence that speaks of sourcing ("derived from several sources,
  including ...", "according to ...").
- Quotes are direct (between quotation marks) or indirect (the clause of a reporting verb);
  each speaker is resolved to a Source, through pronouns ("he said") and phrases pointing
  back ("the outlet", "the company").

See docs/sources.md for the data files and the figures.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.budget import check_budget
from eventwire.model import Doc, Quote, Source, Span
from eventwire.stages.s2_parse.tokens import paragraph_of, text_of_doc
from eventwire.stages.s6_sources.lexicon import SourceLexicon, load_lexicon
from eventwire.stages.s6_sources.mentions import Draft, Reference, describe, same_source
from eventwire.stages.s6_sources.quotes import QuoteCandidate, find_quotes
from eventwire.stages.s6_sources.speakers import np_span

log = logging.getLogger(__name__)

STAGE = "sources/1"

# A sentence that speaks of where the report comes from: anonymous sources named in it are
# sources even when no quote is theirs ("derived from several sources, including five US
# officials").
SOURCING = re.compile(
    r"\b(sources?|according to|citing|cited|on condition of anonymity|unnamed|anonymous|"
    r"familiar with|speaking to|told)\b",
    re.IGNORECASE,
)


class SourceBook:
    """Sources in order of first mention, and every mention, for resolving references."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.timeline: list[tuple[int, int]] = []  # (character offset, draft index)
        self.used: set[int] = set()  # drafts that became Sources

    def add(self, draft: Draft, *, use: bool = True) -> int:
        for index in range(len(self.drafts) - 1, -1, -1):
            known = self.drafts[index]
            if same_source(known, draft.kind, draft.name, person=draft.person):
                if known.span.end == 0 or (known.role is None and draft.role is not None):
                    self.drafts[index] = replace(
                        known,
                        span=draft.span if known.span.end == 0 else known.span,
                        role=known.role or draft.role,
                        affiliation=known.affiliation or draft.affiliation,
                    )
                break
            if known.kind == draft.kind == "anonymous" and known.span == draft.span:
                break
        else:
            self.drafts.append(draft)
            index = len(self.drafts) - 1
        if draft.span is not None:
            self.timeline.append((draft.span.start, index))
        if use:
            self.used.add(index)
        return index

    def resolve(self, ref: Reference) -> int | None:
        for pos, index in reversed(self.timeline):
            if pos >= ref.span.start:
                continue
            draft = self.drafts[index]
            if ref.to == "person" and draft.person:
                return self.mark(index, ref)
            if ref.to == "outlet" and draft.kind == "outlet":
                return self.mark(index, ref)
            if ref.to == "group" and draft.group:
                return self.mark(index, ref)
            if (
                ref.to in ("thing", "organisation")
                and draft.kind in ("named", "outlet", "document")
                and not draft.person
            ):
                return self.mark(index, ref)
        return None

    def mark(self, index: int, ref: Reference) -> int:
        self.used.add(index)
        self.timeline.append((ref.span.start, index))
        return index


def sourcing_mentions(
    parsed: Any, lexicon: SourceLexicon, taken: list[Span]
) -> list[tuple[Any, Span]]:
    """Anonymous sources and outlets named where the text speaks of its sourcing."""
    found: list[tuple[Any, Span]] = []
    text = text_of_doc(parsed)
    for tok in parsed:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        kind = lexicon.nouns.get(tok.lemma_.lower())
        outlet = (
            tok.pos_ == "PROPN" and lexicon.outlet(tok.text) is not None and tok.dep_ != "compound"
        )
        if kind != "anonymous" and not outlet:
            continue
        if kind == "anonymous" and any(c.lower_ in ("including", "such") for c in tok.children):
            continue  # "several sources, including ...": the list names the sources
        span = np_span(tok, coordinated=False)
        if any(s.overlaps(span) for s in taken):
            continue
        if kind == "anonymous":
            para = paragraph_of(parsed, tok.idx)
            sentence = text[max(tok.sent.start_char, para.start) : min(tok.sent.end_char, para.end)]
            if not SOURCING.search(sentence):
                continue
            if tok.lemma_.lower() == "source" and not any(c.dep_ == "nummod" for c in tok.children):
                continue  # "sources said" speaks; bare "sources" in narration is too vague
        found.append((tok, span))
    # Outlets also appear as compounds ("the Reuters news agency"): take the whole phrase.
    for ent in parsed.ents:
        if lexicon.outlet(ent.text) and not any(
            s.overlaps(Span(ent.start_char, ent.end_char)) for s in taken
        ):
            head = ent.root
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            span = np_span(head)
            if not any(s == span for _, s in found):
                found.append((head, span))
    return found


def person_antecedents(parsed: Any) -> list[tuple[Any, Span]]:
    """PERSON names in the text: the antecedents "he" and "she" can point back to."""
    return [
        (ent.root, Span(ent.start_char, ent.end_char))
        for ent in parsed.ents
        if ent.label_ == "PERSON"
    ]


def build(doc: Doc, lexicon: SourceLexicon) -> tuple[tuple[Source, ...], tuple[Quote, ...]]:
    parsed = doc.parsed
    candidates = [
        c
        for c in find_quotes(parsed, lexicon)
        if not doc.body or any(b.start <= c.span.start < b.end for b in doc.body)
    ]
    book = SourceBook()
    if doc.article.outlet:
        book.add(Draft("outlet", doc.article.outlet, None, None, None, Span(0, 0), group=True))
        book.timeline.clear()
    speaker_spans = [
        c.cue.speaker for c in candidates if c.cue is not None and c.cue.speaker is not None
    ]
    events: list[tuple[int, int, Any, Span, int | None]] = []  # (pos, order, head, span, candidate)
    for i, cand in enumerate(candidates):
        if (
            cand.cue is not None
            and cand.cue.speaker is not None
            and cand.cue.speaker_head is not None
        ):
            events.append(
                (cand.cue.speaker.start, 1, parsed[cand.cue.speaker_head], cand.cue.speaker, i)
            )
    for head, span in sourcing_mentions(parsed, lexicon, speaker_spans):
        events.append((span.start, 0, head, span, None))
    for head, span in person_antecedents(parsed):
        if not any(s.overlaps(span) for s in speaker_spans):
            events.append((span.start, 2, head, span, -1))
    events.sort(key=lambda e: (e[0], e[1]))
    speaker_of: dict[int, int | None] = {}
    for _, _, head, span, cand_index in events:
        check_budget()
        if cand_index == -1:  # an antecedent only
            draft = describe(parsed, head, span, lexicon)
            if isinstance(draft, Draft):
                book.add(draft, use=False)
            continue
        found = describe(parsed, head, span, lexicon)
        index = book.resolve(found) if isinstance(found, Reference) else book.add(found)
        if cand_index is not None:
            speaker_of[cand_index] = index
    return finish(book, candidates, speaker_of)


def finish(
    book: SourceBook, candidates: list[QuoteCandidate], speaker_of: dict[int, int | None]
) -> tuple[tuple[Source, ...], tuple[Quote, ...]]:
    ids: dict[int, str] = {}
    sources: list[Source] = []
    for index, draft in enumerate(book.drafts):
        if index not in book.used:
            continue
        ids[index] = f"s{len(sources) + 1}"
        span = draft.span if draft.span is not None and draft.span.end > draft.span.start else None
        sources.append(
            Source(
                ids[index],
                draft.kind,
                draft.name,
                draft.count,
                draft.affiliation,
                draft.role,
                span,
                STAGE,
            )
        )
    quotes: list[Quote] = []
    resolved: dict[int, tuple[str | None, Span | None, Span | None]] = {}
    for i, cand in enumerate(candidates):
        if cand.continues is not None and cand.continues in resolved:
            speaker, speaker_span, cue = resolved[cand.continues]
        else:
            index = speaker_of.get(i)
            speaker = ids.get(index) if index is not None else None
            speaker_span = cand.cue.speaker if cand.cue is not None else None
            cue = cand.cue.span if cand.cue is not None else None
        resolved[i] = (speaker, speaker_span, cue)
    order = sorted(
        range(len(candidates)), key=lambda i: (candidates[i].span.start, candidates[i].span.end)
    )
    for i in order:
        speaker, speaker_span, cue = resolved[i]
        quotes.append(
            Quote(
                f"q{len(quotes) + 1}",
                candidates[i].span,
                speaker,
                speaker_span,
                cue if candidates[i].continues is None else None,
                candidates[i].direct,
                STAGE,
            )
        )
    return tuple(sources), tuple(quotes)


class SourceStage:
    name = "sources"
    needs = frozenset({"parsed", "body"})
    gives = frozenset({"sources", "quotes"})

    def __init__(self, *, lexicons: Path | None = None) -> None:
        self.lexicon = load_lexicon(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        if doc.parsed is None:
            return replace(doc, sources=(), quotes=())
        sources, quotes = build(doc, self.lexicon)
        log.debug("%s: %d sources, %d quotes", doc.article.id, len(sources), len(quotes))
        return replace(doc, sources=sources, quotes=quotes)
