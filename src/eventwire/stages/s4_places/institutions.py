"""Institutions named after a place: "Colorado State University", "Cavan Institute",
"Seoul Central District Court", "University of Alberta", "Liverpool FC".

GeoWebNews, like most news geoparsing guidelines, takes the whole name of such an
institution as the toponym (Coercion, Embedded_Non_Lit), not the place inside it, and a reader
of event data is better served by "at Colorado State University" than by "at Colorado". Such
a name becomes one mention, a facility that takes the point, country and admin1 of the place
it is named after (a stand-in, like an airport known only by its town).

The name must end in a capitalised institution word (`institution` in words.tsv: university, school,
court, council, festival, FC...), or open with one followed by "of" ("University of
California"); the place is the longest run of words before the institution words, or the
words after "of", that is a prominent place. Names where the place is only a part ("The
Washington Post", "Pakistan Army", "Jamaica Cancer Society") end in other words and keep the
place inside them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# the longest a place inside an institution's name may be, in tokens
MAX_PLACE_TOKENS = 4


def institution_place(
    doc: Any,
    start: int,
    end: int,
    words: dict[str, frozenset[str]],
    is_place: Callable[[str], bool],
) -> tuple[int, int] | None:
    """Tokens [a, b) of the place an institution's name [start, end) is named after, or
    None when the name is no institution named after a place."""
    if end - start < 2:
        return None
    institution = words.get("institution", frozenset())
    lowers = [t.lower_ for t in doc[start:end]]
    opens = lowers[0] in institution and doc[start].text[:1].isupper()
    if opens and lowers[1] == "of":  # "University of California"
        a, b = start + 2, end
        if 0 < b - a <= MAX_PLACE_TOKENS and is_place(doc[a:b].text):
            return a, b
        return None
    if lowers[-1] not in institution or not doc[end - 1].text[:1].isupper():
        return None  # "Liverpool academy": a place, and an academy there
    for b in range(min(end - 1, start + MAX_PLACE_TOKENS), start, -1):
        if doc[b - 1].is_punct:
            continue
        if is_place(doc[start:b].text):
            return start, b
    return None
