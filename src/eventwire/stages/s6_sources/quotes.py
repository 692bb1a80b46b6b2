"""Quotes: direct quotes (from quotation marks) and indirect speech (from reporting cues),
each with the cue that attributes it. Speakers are turned into Sources in `sources.py`.

A direct quote takes the nearest cue outside any quote in its own sentence (clipped to its
paragraph): `“...,” said Angers`, `Angers said: “...”`, `“...” ― Angers`. A quote that fills
its sentences takes a bare cue (one reporting no clause of its own) from the next sentence
(`“...” \\n Mr MacFarlane said.`); one opening its paragraph takes a cue from the previous
paragraph when that ends with a colon (`She told reporters:\\n“...”`); or else a quote
continues the previous quote's speaker when it follows it closely (a quote running on in the
next paragraph). A short quoted fragment with no cue at all is a title or a scare quote ("the
787 “Dreamliner”") and is dropped.
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
    dash_cues,
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
    """Cues with a speaker outside every quote, found by position (a binary search), so
    that each quote looks only at the cues of its own sentence or paragraph."""

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
        """Cues starting inside `frame`, in the order they were given."""
        lo = bisect.bisect_left(self.starts, frame.start)
        hi = bisect.bisect_left(self.starts, frame.end)
        return [cue for _, cue in sorted(self.entries[lo:hi], key=lambda entry: entry[0])]


def nearest_cue(cues: list[Cue], frame: Span, region: Span) -> Cue | None:
    """The cue nearest the quote's region among `cues` (from `SpeakerCues.within`)."""
    best: tuple[int, Cue] | None = None
    for cue in cues:
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


def is_bare(parsed: Any, cue: Cue, window: Span, regions: list[Span]) -> bool:
    """Whether the cue's sentence (`window`) says little but who spoke: fewer than
    `MIN_WORDS_OUTSIDE_QUOTES` words beside the cue, its speaker's phrase and quoted words
    ("Mr X said.", "said Murphy, now a consultant.")."""
    if not window.contains(cue.span):
        return False
    verb = parsed[cue.token]
    taken = [cue.span, *regions]
    if cue.speaker_head is not None:
        speaker = parsed[cue.speaker_head]
        taken.append(Span(speaker.left_edge.idx, speaker.right_edge.idx + 1))
    words = [
        t
        for t in verb.sent
        if window.start <= t.idx < window.end
        and (t.is_alpha or t.is_digit)
        and not any(s.start <= t.idx < s.end for s in taken)
        and t.ent_type_ not in ("DATE", "TIME")
    ]
    return len(words) < MIN_WORDS_OUTSIDE_QUOTES


def colon_cue(parsed: Any, starts: list[int], cues: SpeakerCues, region: Span) -> Cue | None:
    """For a quote opening its paragraph, a cue in the previous paragraph's last sentence
    when that paragraph ends with a colon ("She told reporters:\n“...”")."""
    text = text_of_doc(parsed)
    end = paragraph_of(parsed, region.start).start  # the text before, without its spaces
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    sentence = sentence_bounds(parsed, starts, end - 1)
    window = Span(max(sentence.start, paragraph_of(parsed, end - 1).start), end)
    return nearest_cue(cues.within(window), window, region)


def first_cue(tiers: tuple[SpeakerCues, ...], frame: Span, region: Span) -> Cue | None:
    """The nearest cue of the first tier that has one in the frame."""
    for cues in tiers:
        cue = nearest_cue(cues.within(frame), frame, region)
        if cue is not None:
            return cue
    return None


def direct_candidates(
    parsed: Any, marks: tuple[QuoteMarks, ...], cues: list[Cue], others: list[Cue]
) -> list[QuoteCandidate]:
    """Direct quotes with their cues: reporting cues (`cues`) first, then `others` (verbs
    that attribute without reporting speech: "“...,” he recalled")."""
    text = text_of_doc(parsed)
    starts = [t.idx for t in parsed]
    regions = [marked_region(q) for q in marks]
    region_starts = [r.start for r in regions]  # in order: the marks are sorted
    reporting, attributing = SpeakerCues(cues, regions), SpeakerCues(others, regions)
    either = SpeakerCues(cues + others, regions)
    found: list[QuoteCandidate] = []
    for quote, region in zip(marks, regions, strict=True):
        first = sentence_bounds(parsed, starts, region.start)
        last = sentence_bounds(parsed, starts, max(region.end - 1, region.start))
        para_start = paragraph_of(parsed, region.start)
        para_end = paragraph_of(parsed, max(region.end - 1, region.start))
        frame = Span(
            max(first.start, para_start.start), min(max(last.end, region.end), para_end.end)
        )
        cue = first_cue((reporting, attributing), frame, region)
        long_enough = len(text[quote.span.start : quote.span.end].split()) >= MIN_UNCUED_WORDS
        previous = found[-1] if found and found[-1].direct else None
        close = previous is not None and 0 <= region.start - previous.span.end <= (
            MAX_CONTINUATION_GAP
        )
        continues = None
        if cue is None and close and long_enough and para_start.contains(previous.span):
            continues = len(found) - 1  # "“A,” he said. “B.”": B runs on in his paragraph
        if (
            cue is None
            and continues is None
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
            bare = [c for c in either.within(window) if is_bare(parsed, c, window, regions)]
            cue = nearest_cue(bare, window, region)
        if cue is None and continues is None and not text[para_start.start : region.start].strip():
            cue = colon_cue(parsed, starts, either, region)
        if cue is None and continues is None and close and long_enough:
            continues = len(found) - 1  # a quote running on in the next paragraph
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


def find_quotes(
    parsed: Any,
    lexicon: SourceLexicon,
    cues: list[Cue] | None = None,
    others: list[Cue] | None = None,
) -> list[QuoteCandidate]:
    """Direct then indirect quote candidates; `continues` indexes into the direct ones.
    `cues` are the text's reporting cues (`find_cues`), found here when not given; `others`
    are cues direct quotes may take when no reporting cue is near."""
    marks = find_quote_marks(text_of_doc(parsed))
    cues = find_cues(parsed, lexicon) if cues is None else cues
    regions = [marked_region(q) for q in marks]
    direct = direct_candidates(parsed, marks, cues + dash_cues(parsed), others or [])
    return direct + indirect_candidates(parsed, cues, regions)
