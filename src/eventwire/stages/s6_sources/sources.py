"""The sources stage: who is cited in the article, and who says each quote.

Reads the parse (`doc.parsed`) and adds `doc.sources`, `doc.quotes` and `doc.attributions`:

- Sources are outlets ("a report by the Reuters news agency"; also `article.outlet` when
  set), named people and bodies with role and affiliation ("Farhad Alaaldin, Foreign Affairs
  adviser to Iraq's Prime Minister"), anonymous sources with their count and affiliation
  ("five US officials") and documents ("a statement said"). A source comes from a speaker of
  a quote, or from a sentence that speaks of sourcing ("derived from several sources,
  including ...", "according to ...").
- Quotes are direct (between quotation marks) or indirect (the clause of a reporting verb);
  each speaker is resolved to a Source, through pronouns ("he said") and phrases pointing
  back ("the outlet", "the company").
- Attributions gather the quotes and add beliefs, intentions, findings, denials, questions
  and statements without quotes (`attributions.py`); their speakers become Sources too.

See docs/sources.md for the data files and the figures.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.budget import check_budget
from eventwire.model import Attribution, Doc, Quote, Source, Span
from eventwire.stages.s2_parse.tokens import paragraph_of, text_of_doc
from eventwire.stages.s6_sources.attributions import (
    AttributionCandidate,
    find_attributions,
    find_verb_cues,
)
from eventwire.stages.s6_sources.lexicon import SourceLexicon, load_lexicon
from eventwire.stages.s6_sources.mentions import (
    Draft,
    Reference,
    describe,
    named_draft,
    same_source,
)
from eventwire.stages.s6_sources.noun_cues import find_noun_cues
from eventwire.stages.s6_sources.quotes import QuoteCandidate, find_quotes
from eventwire.stages.s6_sources.speakers import Cue, find_cues, np_span

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


Records = tuple[tuple[Source, ...], tuple[Quote, ...], tuple[Attribution, ...]]


def build(doc: Doc, lexicon: SourceLexicon) -> Records:
    parsed = doc.parsed
    cues = find_cues(parsed, lexicon)
    verbs = find_verb_cues(parsed, lexicon, {c.token for c in cues})

    body_starts = [b.start for b in doc.body]  # lines in text order: a binary search

    def in_body(span: Span) -> bool:
        at = bisect.bisect_right(body_starts, span.start) - 1
        return not doc.body or (at >= 0 and span.start < doc.body[at].end)

    candidates = [
        c
        for c in find_quotes(
            parsed, lexicon, cues, [v.cue for v in verbs if v.cue.speaker is not None]
        )
        if in_body(c.span)
    ]
    claims = [
        a
        for a in find_attributions(
            parsed, lexicon, candidates, cues, verbs, find_noun_cues(parsed, lexicon)
        )
        if in_body(a.content[0])
    ]
    book = SourceBook()
    if doc.article.outlet:
        book.add(Draft("outlet", doc.article.outlet, None, None, None, Span(0, 0), group=True))
        book.timeline.clear()
    # Speakers at cues: quote candidates are numbered 0.., attributions after them.
    speakers: list[tuple[int, Cue]] = [
        (i, c.cue) for i, c in enumerate(candidates) if c.cue is not None
    ]
    quoted_cues = {c.cue.span for c in candidates if c.cue is not None}
    speakers += [
        (len(candidates) + k, a.cue)
        for k, a in enumerate(claims)
        if a.cue is not None and not a.quotes and a.cue.span not in quoted_cues
    ]
    speaker_spans = [cue.speaker for _, cue in speakers if cue.speaker is not None]
    events: list[tuple[int, int, Any, Span, int | None]] = []  # (pos, order, head, span, candidate)
    for i, cue in speakers:
        if cue.speaker is not None and cue.speaker_head is not None:
            events.append((cue.speaker.start, 1, parsed[cue.speaker_head], cue.speaker, i))
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
        if index is None and isinstance(found, Reference) and found.to == "organisation":
            index = book.add(named_draft(parsed, head, span, lexicon))  # "the ministry", first
        if cand_index is not None:
            speaker_of[cand_index] = index
    return finish(book, candidates, claims, speaker_of)


def finish(
    book: SourceBook,
    candidates: list[QuoteCandidate],
    claims: list[AttributionCandidate],
    speaker_of: dict[int, int | None],
) -> Records:
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
    quotes: list[Quote] = []
    quote_ids: dict[int, str] = {}
    for i in order:
        speaker, speaker_span, cue = resolved[i]
        quote_ids[i] = f"q{len(quotes) + 1}"
        quotes.append(
            Quote(
                quote_ids[i],
                candidates[i].span,
                speaker,
                speaker_span,
                cue if candidates[i].continues is None else None,
                candidates[i].direct,
                STAGE,
            )
        )
    attributions: list[Attribution] = []
    for k, claim in enumerate(claims):
        if claim.quotes:
            speaker, speaker_span, cue = resolved[claim.quotes[0]]
        else:
            index = speaker_of.get(len(candidates) + k)
            if index is None and claim.cue is not None:  # the same cue as a quote's
                index = next(
                    (
                        speaker_of.get(i)
                        for i, c in enumerate(candidates)
                        if c.cue is not None and c.cue.span == claim.cue.span
                    ),
                    None,
                )
            speaker = ids.get(index) if index is not None else None
            speaker_span = claim.cue.speaker if claim.cue is not None else None
            cue = claim.cue.span if claim.cue is not None else None
        if speaker_span is None and not claim.direct and not claim.agentless:
            continue
        if claim.mention is not None and speaker_span is not None:
            speaker_span = claim.mention
        attributions.append(
            Attribution(
                f"a{len(attributions) + 1}",
                claim.kind,
                Span(claim.content[0].start, claim.content[-1].end),
                claim.content,
                speaker,
                speaker_span,
                cue,
                claim.direct,
                STAGE,
                tuple(quote_ids[i] for i in claim.quotes),
            )
        )
    return tuple(sources), tuple(quotes), tuple(attributions)


class SourceStage:
    name = "sources"
    needs = frozenset({"parsed", "body"})
    gives = frozenset({"sources", "quotes", "attributions"})

    def __init__(self, *, lexicons: Path | None = None) -> None:
        self.lexicon = load_lexicon(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        if doc.parsed is None:
            return replace(doc, sources=(), quotes=(), attributions=())
        sources, quotes, attributions = build(doc, self.lexicon)
        log.debug(
            "%s: %d sources, %d quotes, %d attributions",
            doc.article.id,
            len(sources),
            len(quotes),
            len(attributions),
        )
        return replace(doc, sources=sources, quotes=quotes, attributions=attributions)
