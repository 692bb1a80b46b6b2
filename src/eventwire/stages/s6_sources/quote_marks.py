"""Direct quotes found from quotation marks alone (no parse needed).

Marks handled: curly double quotes (“ ”), straight double quotes ("), the LaTeX/PTB pair used
by tokenised corpora such as MEANTIME (`` and ''), and curly single quotes (‘ ’) when they are
not inside a double quote (British house style). A quote nested inside another (‘...’ within
“...”) stays part of the outer quote.

Pairing is greedy, left to right. An opening mark pairs with the next closing mark unless a
new opening mark comes first; the one exception is the news convention for a quote running
over several paragraphs, where a paragraph ends without a closing mark and the next one
starts with an opening mark. An opening mark that never closes (or closes too far away) gives
a quote capped at the end of its paragraph, so one stray mark never swallows the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from eventwire.model import Span

# The longest direct quote accepted between an opening and a closing mark, in characters.
# The longest quote in our MEANTIME quote set runs ~650 characters over 3 sentences; news
# quotes of several paragraphs run to ~1,500. Past this, a pairing is taken to be wrong.
MAX_QUOTE_CHARS = 2000

DOUBLE_MARK = re.compile(r"``|''|[“”\"]")
SINGLE_MARK = re.compile(r"[‘’]")
LETTER = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One direct quote: its content (marks excluded) and whether a closing mark was found."""

    span: Span
    opening: Span
    closing: Span | None


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    role: str  # "open", "close" or "either"


def classify_double(text: str, match: re.Match[str]) -> str:
    mark = match.group()
    if mark in ("``", "“"):
        return "open"
    if mark in ("''", "”"):
        return "close"
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if (before.isspace() or before in "([{—–-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return "either"


def classify_single(text: str, match: re.Match[str]) -> str | None:
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if match.group() == "‘":
        return "open" if not LETTER.match(before) else None
    # ’ between letters (or after s, before a space) is an apostrophe far more often than not.
    if LETTER.match(after):
        return None
    return "close" if not before.isspace() else None


def paragraph_end(text: str, pos: int, *, within: int) -> int:
    """The end of the paragraph holding `pos`, looked for no further than `within`
    characters on (then `pos + within`, or the text's end)."""
    end = text.find("\n", pos, pos + within)
    return min(len(text), pos + within) if end < 0 else end


def starts_paragraph(text: str, pos: int) -> bool:
    """Whether only spaces lie between the last line break before `pos` and `pos` (read
    back over those spaces only, not the whole line)."""
    k = pos - 1
    while k >= 0 and text[k] != "\n" and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] == "\n"


def pair_marks(text: str, marks: list[Mark]) -> list[QuoteMarks]:
    quotes: list[QuoteMarks] = []
    i = 0
    while i < len(marks):
        opening = marks[i]
        if opening.role == "close":
            i += 1  # a stray closing mark
            continue
        closing_index: int | None = None
        j = i + 1
        while j < len(marks):
            mark = marks[j]
            if mark.start - opening.end > MAX_QUOTE_CHARS:
                break
            if mark.role in ("close", "either"):
                closing_index = j
                break
            # A new opening mark: a continuation only at the start of a later paragraph.
            if not (starts_paragraph(text, mark.start) and "\n" in text[opening.end : mark.start]):
                break
            j += 1
        if closing_index is None:
            end = paragraph_end(text, opening.end, within=MAX_QUOTE_CHARS)
            closing = None
            i += 1
        else:
            end = marks[closing_index].start
            closing = Span(marks[closing_index].start, marks[closing_index].end)
            i = closing_index + 1
        content = trim(text, opening.end, end)
        if content is not None:
            quotes.append(QuoteMarks(content, Span(opening.start, opening.end), closing))
    return quotes


def trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def find_quote_marks(text: str) -> tuple[QuoteMarks, ...]:
    """Direct quotes in `text`, in order; content spans exclude the marks."""
    doubles = [
        Mark(m.start(), m.end(), classify_double(text, m)) for m in DOUBLE_MARK.finditer(text)
    ]
    quotes = pair_marks(text, doubles)
    # in opening order; none runs past MAX_QUOTE_CHARS, so a mark is inside one of those
    # that open at most that far (and its marks) before it
    openings = [q.opening.start for q in quotes]
    reach = MAX_QUOTE_CHARS + 4
    singles: list[Mark] = []
    for match in SINGLE_MARK.finditer(text):
        role = classify_single(text, match)
        if role is None:
            continue
        pos = match.start()
        near = quotes[bisect.bisect_left(openings, pos - reach) : bisect.bisect_left(openings, pos)]
        inside = any(q.opening.start < pos < q.span.end + 1 for q in near)
        if not inside:
            singles.append(Mark(match.start(), match.end(), role))
    # Single quotes only pair with closers before the next paragraph (apostrophes are too
    # easily taken for closing marks to look further).
    single_quotes = [
        q
        for q in pair_marks(text, singles)
        if q.closing is not None and "\n" not in text[q.span.start : q.span.end]
    ]
    return tuple(sorted(quotes + single_quotes, key=lambda q: q.span.start))
