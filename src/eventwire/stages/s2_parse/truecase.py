"""Headline case: give the parser a Title Case line ("Kenya Leader Criticizes Ethiopia's
Response") with its common words in lower case, so the small model does not read every
capitalised verb and noun as a proper noun.

A line is in Title Case when at least TITLE_SHARE of its words that are not stop words start
with a capital, and it has at least MIN_WORDS of them. In such a line a capitalised word (first
letter only) is lowered when it is a common word: a stop word, one of the lexicon words the
stage is given (the pipeline gives the event triggers and word classes and the actor sector
words; an inflected form counts: "Criticizes", "Imposed"), or a word the same article writes
in lower case elsewhere. Names stay as written, and so do the words of a known name of several
words that the pipeline gives ("Security Council", "Bill Clinton").

Only ASCII letters change, one for one, so the parsed text has the article's length and every
character offset still points at the same place; outputs take their text from the article.
"""

from __future__ import annotations

import functools
import itertools
import re

TITLE_SHARE = 0.9
MIN_WORDS = 3
WORD = re.compile(r"[A-Za-z][a-z'’]*(?:-[A-Za-z][a-z'’]*)*")
# suffixes an inflected form may carry, with what the lemma ends in instead
SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("'s", ""),
    ("’s", ""),
)
MIN_STEM = 3


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def forms(word: str) -> list[str]:
    out = [word]
    for suffix, lemma_end in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            out.append(word[: -len(suffix)] + lemma_end)
    return out


def is_title_line(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in stop_words()]
    capitals = sum(w[0].isupper() for w in content)
    return len(content) >= MIN_WORDS and capitals >= TITLE_SHARE * len(content)


@functools.lru_cache(maxsize=4)
def longest_name(names: frozenset[tuple[str, ...]]) -> int:
    """The most words a name of `names` has (read once: the set is the same for every line)."""
    return max(len(n) for n in names)


def named_words(
    matches: list[re.Match[str]], line: str, names: frozenset[tuple[str, ...]]
) -> set[int]:
    """The positions in `matches` of the words that spell a known name of several words, one
    space apart ("Security Council", "Bill Clinton")."""
    if not names:
        return set()
    longest = longest_name(names)
    kept: set[int] = set()
    for i in range(len(matches)):
        for n in range(min(longest, len(matches) - i), 1, -1):
            run = matches[i : i + n]
            joined = all(line[a.end() : b.start()] == " " for a, b in itertools.pairwise(run))
            if joined and tuple(m.group().lower() for m in run) in names:
                kept.update(range(i, i + n))
                break
    return kept


def truecase_headlines(
    text: str,
    lexicon_words: frozenset[str] = frozenset(),
    names: frozenset[tuple[str, ...]] = frozenset(),
) -> str:
    """`text` with the common words of its Title Case lines in lower case (same length).
    `lexicon_words` are lower-case words known to be common words (not names); `names` the
    lower-case words of known names of several words, which stay as written ("Security
    Council Condemns Attack")."""
    # (offset, words, the positions of the words of known names) of each title line
    lines: list[tuple[int, list[re.Match[str]], set[int]]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        matches = list(WORD.finditer(line))
        if is_title_line([m.group() for m in matches]):
            lines.append((start, matches, named_words(matches, line, names)))
        start += len(line)
    if not lines:  # most text: no headline in Title Case, nothing more to read
        return text
    common = stop_words() | lexicon_words
    lowered = {m.group() for m in WORD.finditer(text) if m.group().islower()}
    out = list(text)
    for start, matches, named in lines:
        for k, m in enumerate(matches):
            word, low = m.group(), m.group().lower()
            if word == low or word.isupper() or k in named:  # lower; an acronym; a name
                continue
            if low in lowered or any(f in common for f in forms(low)):
                out[start + m.start() : start + m.end()] = low
    return "".join(out)
