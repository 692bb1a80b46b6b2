"""Quotes: direct quotes (from quotation marks) and indirect speech (from reporting cues),
each with the cue that attributes it. Speakers are turned into Sources in `sources.py`.

A direct quote takes the nearest cue outside any quote in its own sentence (clipped to its
paragraph): `“...,” said Angers`, `Angers said: “...”`. A quote that fills its sentences
takes a bare cue from the next sentence (`“...” \\n Mr MacFarlane said.`), or else continues
the previous quote's speaker when it follows it closely (a quote running on in the next
paragraph). A short quoted fragment with no cue at all is a title or a scare quote ("the 787
“Dreamliner”") and is dropped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.tokens import paragraph_of, text_of_doc
from eventwire.stages.s6_sources.lexicon import SourceLexicon
from eventwire.stages.s6_sources.quote_marks import QuoteMarks, find_quote_marks
from eventwire.stages.s6_sources.speakers import (
    MIN_WORDS_OUTSIDE_QUOTES,
    Cue,
    find_cues,
    reported_clause,
    words_outside,
)

# A quoted fragment of fewer words than this with no cue is a title or scare quote.
MIN_UNCUED_WORDS = 5
# A quote with no cue continues the previous quote's speaker when it starts within this many
# characters of the previous quote's end (the cue and one paragraph break fit in it; the
# MEANTIME set's continuation quotes start 10-60 characters after the previous one).
MAX_CONTINUATION_GAP = 200


@dataclass(frozen=True, slots=True)
class QuoteCandidate:
    span: Span
    cue: Cue | None
    direct: bool
    continues: int | None = None  # index of the earlier candidate whose speaker it shares


def marked_region(quote: QuoteMarks) -> Span:
    end = quote.closing.end if quote.closing is not None else quote.span.end
    return Span(quote.opening.start, end)


def inside_any(pos: int, regions: list[Span]) -> bool:
    return any(r.start <= pos < r.end for r in regions)


def sentence_bounds(parsed: Any, starts: list[int], pos: int) -> Span:
    """The parser's sentence holding character `pos` (or the next token after it)."""
    if len(parsed) == 0:
        return Span(0, len(text_of_doc(parsed)))
    tok = parsed[max(0, bisect.bisect_right(starts, pos) - 1)]
    return Span(tok.sent.start_char, tok.sent.end_char)


class SpeakerCues:
    """The cues with a speaker outside every quote, found by position (a binary search),
    so that each quote looks only at the cues of its own sentence or paragraph."""

    def __init__(self, cues: list[Cue], regions: list[Span]) -> None:
        usable = [
            (cue.span.start, order, cue)
            for order, cue in enumerate(cues)
            if cue.speaker is not None and not inside_any(cue.span.start, regions)
        ]
        usable.sort(key=lambda entry: (entry[0], entry[1]))
        self.starts = [start for start, _, _ in usable]
        self.entries = [(order, cue) for _, order, cue in usable]

    def within(self, frame: Span) -> list[Cue]:
        """Cues starting inside `frame`, in the order they were found."""
        lo = bisect.bisect_left(self.starts, frame.start)
        hi = bisect.bisect_left(self.starts, frame.end)
        return [cue for _, cue in sorted(self.entries[lo:hi], key=lambda entry: entry[0])]


def nearest_cue(cues: SpeakerCues, frame: Span, region: Span) -> Cue | None:
    best: tuple[int, Cue] | None = None
    for cue in cues.within(frame):
        assert cue.speaker is not None
        if not frame.contains(cue.span) or region.overlaps(cue.speaker):
            continue
        if cue.span.end <= region.start:
            distance = region.start - cue.span.end
        elif cue.span.start >= region.end:
            distance = cue.span.start - region.end
        else:
            continue
        if best is None or distance <= best[0]:
            best = (distance, cue)
    return best[1] if best else None


def direct_candidates(
    parsed: Any, marks: tuple[QuoteMarks, ...], cues: list[Cue]
) -> list[QuoteCandidate]:
    text = text_of_doc(parsed)
    starts = [t.idx for t in parsed]
    regions = [marked_region(q) for q in marks]
    speaker_cues = SpeakerCues(cues, regions)
    region_starts = [r.start for r in regions]  # in order: the marks are sorted
    found: list[QuoteCandidate] = []
    for quote, region in zip(marks, regions, strict=True):
        first = sentence_bounds(parsed, starts, region.start)
        last = sentence_bounds(parsed, starts, max(region.end - 1, region.start))
        para_start = paragraph_of(parsed, region.start)
        para_end = paragraph_of(parsed, max(region.end - 1, region.start))
        frame = Span(
            max(first.start, para_start.start), min(max(last.end, region.end), para_end.end)
        )
        cue = nearest_cue(speaker_cues, frame, region)
        if (
            cue is None
            and not text[frame.start : region.start].strip(" \"“‘`'")
            and last.end < len(text)
        ):
            # The quote opens its sentence: a bare cue in the next sentence ("Mr X said.").
            following = sentence_bounds(
                parsed,
                starts,
                last.end + 1 if text[last.end : last.end + 1].isspace() else last.end,
            )
            following = Span(max(following.start, region.end), following.end)
            later = region_starts[bisect.bisect_left(region_starts, following.start) :][:1]
            limit = min([following.end, *later])
            window = Span(following.start, max(following.start, limit))
            cue = nearest_cue(speaker_cues, window, region)
        continues = None
        long_enough = len(text[quote.span.start : quote.span.end].split()) >= MIN_UNCUED_WORDS
        if cue is None and found and long_enough:
            previous = found[-1]
            if previous.direct and 0 <= region.start - previous.span.end <= MAX_CONTINUATION_GAP:
                continues = len(found) - 1
        if (
            cue is None
            and continues is None
            and len(text[quote.span.start : quote.span.end].split()) < MIN_UNCUED_WORDS
        ):
            continue
        found.append(QuoteCandidate(quote.span, cue, True, continues))
    return found


def indirect_candidates(parsed: Any, cues: list[Cue], regions: list[Span]) -> list[QuoteCandidate]:
    quoted = [Span(r.start + 1, max(r.start + 1, r.end - 1)) for r in regions]
    text = text_of_doc(parsed)
    found: list[QuoteCandidate] = []
    for cue in cues:
        if cue.kind != "indirect" or cue.speaker is None:
            continue
        if inside_any(cue.span.start, regions):
            continue
        clause = reported_clause(parsed, cue)
        if clause is None or clause.overlaps(cue.speaker):
            continue
        overlapping = any(q.overlaps(clause) for q in quoted)
        if overlapping and words_outside(text, clause, quoted) < MIN_WORDS_OUTSIDE_QUOTES:
            continue
        found.append(QuoteCandidate(clause, cue, False))
    return found


def find_quotes(parsed: Any, lexicon: SourceLexicon) -> list[QuoteCandidate]:
    """Direct then indirect quote candidates; `continues` indexes into the direct ones."""
    marks = find_quote_marks(text_of_doc(parsed))
    cues = find_cues(parsed, lexicon)
    regions = [marked_region(q) for q in marks]
    return direct_candidates(parsed, marks, cues) + indirect_candidates(parsed, cues, regions)
