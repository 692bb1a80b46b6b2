"""The place of a dateline: the town in capitals that opens a wire story ("OKLAHOMA CITY
The Latest on...", "ST. LOUIS – St. Louis Police...", "SOUTH WAZIRISTAN, April 5 (APP)").

The small parser reads a word in capitals as anything but a name ("OKLAHOMA" as a verb), so
the scan of proper nouns never sees it. A run of capitalised words at the start of the text,
before a comma, a dash, a colon, a bracket or the first word in lower case, is the
dateline's place when the gazetteer knows it as a country, an admin area or a town.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# the longest dateline place, in words ("RIO DE JANEIRO", "SALT LAKE CITY")
MAX_DATELINE_WORDS = 4
# what may end a dateline's place
DATELINE_ENDS = frozenset({",", "(", "—", "–", "-", "--", ":"})


def dateline_place(doc: Any, is_place: Callable[[str], bool]) -> tuple[int, int] | None:
    """Tokens [start, end) of the place a dateline in capitals opens the text with, or None."""
    start = 0
    while start < len(doc) and doc[start].is_space:
        start += 1
    end = start
    words = 0
    while end < len(doc) and words < MAX_DATELINE_WORDS:
        token = doc[end]
        if token.text == "." and end > start and doc[end - 1].text.isupper():
            end += 1  # "ST. LOUIS"
            continue
        if not (token.is_alpha and token.text.isupper() and len(token.text) > 1):
            break
        words += 1
        end += 1
    if words == 0 or end >= len(doc):
        return None
    after = doc[end]
    ends = after.text in DATELINE_ENDS or after.is_space or "\n" in doc[end - 1].whitespace_
    if not (ends or after.text[:1].isupper()):
        return None
    while end > start and doc[end - 1].text == ".":
        end -= 1
    return (start, end) if is_place(doc[start:end].text) else None
