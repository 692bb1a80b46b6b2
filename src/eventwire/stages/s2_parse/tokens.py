"""Views of a parsed doc that the later stages share: its text, and the tokens in a span.

spaCy rebuilds `Doc.text` from its tokens on every call, and makes a `Token` object for
every token when a doc is iterated; a stage asking for either once per mention pays a pass
over the whole document each time (thousands per batch). These answer from the text the
parse stage keeps with the doc and from its token offsets, found by binary search. The
results are the same: the text spaCy would rebuild, the tokens that start inside the span.
"""

from __future__ import annotations

import bisect
from typing import Any

from eventwire.model import Span

# Keys in the spaCy doc's `user_data`: memos of this doc, made once.
TEXT = "eventwire_text"
STARTS = "eventwire_token_starts"
WORDS = "eventwire_token_texts"
LOWERS = "eventwire_token_lowers"


def parsed_text(parsed: Any) -> str:
    """`parsed.text` (the parsed text, headlines as parsed), built at most once per doc."""
    text = parsed.user_data.get(TEXT)
    if text is None:
        text = parsed.user_data[TEXT] = parsed.text
    return str(text)


def token_starts(parsed: Any) -> list[int]:
    """Each token's character offset (`token.idx`), in token order."""
    starts = parsed.user_data.get(STARTS)
    if starts is None:
        starts = parsed.user_data[STARTS] = [t.idx for t in parsed]
    return starts  # type: ignore[no-any-return]  # the memo: callers only read it


def token_range(parsed: Any, span: Span) -> tuple[int, int]:
    """The token indices [first, last) of the tokens starting inside `span`."""
    starts = token_starts(parsed)
    return bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)


def tokens_in(parsed: Any, span: Span) -> list[Any]:
    """The tokens that start inside `span` (`span.start <= token.idx < span.end`)."""
    first, last = token_range(parsed, span)
    return list(parsed[first:last]) if first < last else []


def token_texts(parsed: Any) -> frozenset[str]:
    """The texts of the doc's tokens, as a set (`word in token_texts(doc)` is
    `any(t.text == word for t in doc)` without the pass over the doc)."""
    texts = parsed.user_data.get(WORDS)
    if texts is None:
        texts = parsed.user_data[WORDS] = frozenset(t.text for t in parsed)
    return texts  # type: ignore[no-any-return]


def token_lowers(parsed: Any) -> list[str]:
    """Each token's `lower_`, in token order."""
    lowers = parsed.user_data.get(LOWERS)
    if lowers is None:
        lowers = parsed.user_data[LOWERS] = [t.lower_ for t in parsed]
    return lowers  # type: ignore[no-any-return]
