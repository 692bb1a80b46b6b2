"""Lookups on a parsed article that cost what they return, not the article's length.

spaCy rebuilds `doc.text`, `doc.ents` and `doc.noun_chunks` from every token on each access,
so a stage that reads them once per mention costs the square of the article's length (a
100,000-character article took minutes). The stages read them through here instead:

- `tokens_in(parsed, start, end)`: the tokens that start in a character range (a binary
  search, then the tokens themselves);
- `entity_range(token)`: the token indices of the entity a token is part of, from the
  tokens' IOB marks;
- `entities_in(parsed, start, end)`: the entities wholly inside a character range, as
  `doc.ents` gives them;
- `text_of_doc(parsed)` and `paragraph_of(parsed, pos)`: the parsed text, and the line
  around an offset, computed once per parse (kept only while the parse lives);
- `token_texts(parsed)`: every token's text, as a set, once per parse;
- `token_lowers(parsed)`: every token's lower-case form, in token order, once per parse.
"""

from __future__ import annotations

import bisect
import re
import weakref
from typing import Any

from eventwire.model import Span

LINE_BREAK = re.compile("\n")
_TEXTS: weakref.WeakKeyDictionary[Any, tuple[str, list[int]]] = weakref.WeakKeyDictionary()
_WORDS: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()
_LOWERS: weakref.WeakKeyDictionary[Any, list[str]] = weakref.WeakKeyDictionary()


def tokens_in(parsed: Any, start: int, end: int) -> list[Any]:
    """The tokens whose first character lies in [start, end), in order."""
    if end <= start or len(parsed) == 0:
        return []
    first = parsed.char_span(start, end, alignment_mode="expand")
    if first is None:  # past the text's end, or only whitespace there
        return [t for t in parsed[first_token_at(parsed, start) :] if t.idx < end]
    return [t for t in first if start <= t.idx < end]


def first_token_at(parsed: Any, pos: int) -> int:
    """The index of the first token starting at or after `pos` (binary search)."""
    lo, hi = 0, len(parsed)
    while lo < hi:
        mid = (lo + hi) // 2
        if parsed[mid].idx < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def entity_range(token: Any) -> tuple[int, int] | None:
    """(first, last + 1) token indices of the named entity holding `token`, or None."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def entities_in(parsed: Any, start: int, end: int) -> list[Any]:
    """The entities wholly inside [start, end) characters, in order, as `doc.ents` has them
    (spaCy `Span`s with their label)."""
    from spacy.tokens import Span as EntitySpan

    found = []
    for token in tokens_in(parsed, start, end):
        if token.ent_iob_ != "B":
            continue
        bounds = entity_range(token)
        assert bounds is not None
        last = parsed[bounds[1] - 1]
        if last.idx + len(last.text) <= end:
            found.append(EntitySpan(parsed, bounds[0], bounds[1], label=token.ent_type_))
    return found


def text_of_doc(parsed: Any) -> str:
    """`parsed.text`, built once per parse."""
    return _text_and_breaks(parsed)[0]


def paragraph_of(parsed: Any, pos: int) -> Span:
    """The line of the parsed text holding character `pos` (without its line break)."""
    text, breaks = _text_and_breaks(parsed)
    i = bisect.bisect_left(breaks, pos)
    start = breaks[i - 1] + 1 if i > 0 else 0
    end = breaks[i] if i < len(breaks) else len(text)
    return Span(start, end)


def _text_and_breaks(parsed: Any) -> tuple[str, list[int]]:
    cached = _TEXTS.get(parsed)
    if cached is None:
        text = parsed.text
        cached = _TEXTS[parsed] = (text, [m.start() for m in LINE_BREAK.finditer(text)])
    return cached


def token_texts(parsed: Any) -> frozenset[str]:
    """The texts of the parse's tokens ("does the article write this word?"), once per parse."""
    words = _WORDS.get(parsed)
    if words is None:
        words = _WORDS[parsed] = frozenset(t.text for t in parsed)
    return words


def token_lowers(parsed: Any) -> list[str]:
    """Each token's `lower_`, in token order, once per parse (callers only read it)."""
    lowers = _LOWERS.get(parsed)
    if lowers is None:
        lowers = _LOWERS[parsed] = [t.lower_ for t in parsed]
    return lowers
