"""The word lists of the sources stage, read once per process from `eventwire/data/sources/`.

- `cues.tsv`: reporting verbs (lemma, and whether they report a clause or only a quote);
- `attribution_cues.tsv`: verbs that attribute beliefs, intentions, findings, denials,
  questions and statements, with the kind and the form of their content (attributions only;
  the events stage reads `cues.tsv` alone);
- `attribution_nouns.tsv`: nouns that do the same ("Trump's claim that ...");
- `nouns.tsv`: nouns that make a source anonymous ("officials"), a document ("statement") or
  refer back to an outlet ("the agency");
- `outlets.tsv`: news outlets and their other forms;
- `countries.tsv`: country names and demonyms -> ISO alpha-3. The actor lexicon's
  `eventwire/data/actors/countries.tsv` is read first when it is installed (its name and
  adjective columns), so both stages agree on countries; ours adds to it.

Tab-separated, `#` starts a comment line, `|` separates alternative forms. Add lines to extend,
or put files of the same names in the `sources/` folder of your lexicon folder (the `lexicons`
setting): their lines win.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from eventwire.data import forms, read_rows
from eventwire.errors import ConfigError
from eventwire.model import ATTRIBUTION_KINDS

# What an attribution cue's content can be (attribution_cues.tsv explains each).
CONTENT_FORMS = ("clause", "infinitive", "object", "predicate", "passive", "record")

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
    "dozen": 12, "fifteen": 15, "twenty": 20, "both": 2, "a couple of": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class AttributionCue:
    kind: str  # one of ATTRIBUTION_KINDS
    forms: tuple[str, ...]  # of CONTENT_FORMS, in the order tried


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    cues: dict[str, str]  # lemma -> "indirect" | "direct"
    nouns: dict[str, str]  # lemma -> "anonymous" | "document" | "outlet"
    outlets: dict[str, str]  # form (lower case) -> canonical name
    countries: dict[str, str]  # form (case as written) -> ISO alpha-3
    # (lemma, preposition or None) -> kind and content forms
    attribution_cues: dict[tuple[str, str | None], AttributionCue]
    attribution_nouns: dict[str, AttributionCue]  # noun lemma -> kind and content forms

    def outlet(self, text: str) -> str | None:
        key = text.strip().lower()
        if key.startswith("the "):
            return self.outlets.get(key) or self.outlets.get(key[4:])
        return self.outlets.get(key)

    def country(self, text: str) -> str | None:
        form = text.strip()
        for suffix in ("’s", "'s", "’", "'"):
            if form.endswith(suffix):
                form = form[: -len(suffix)]
                break
        return self.countries.get(form)


def read_countries(user_dir: Path | None) -> dict[str, str]:
    countries: dict[str, str] = {}
    # The actor lexicon's table: code, names, adjectives/demonyms, capitals (capitals unused:
    # "Baghdad" as a source is a government, not an affiliation word).
    for row in read_rows("actors", "countries.tsv", user_dir):
        code = row.cell(0)
        if len(row.cells) >= 2 and len(code) == 3 and code.isupper():
            for column in (1, 2):
                for form in forms(row.cell(column)):
                    countries[form] = code
    for row in read_rows("sources", "countries.tsv", user_dir):
        if len(row.cells) >= 2:
            for form in forms(row.cell(1)):
                countries[form] = row.cell(0)
    return countries


def read_attribution_cues(
    name: str, user_dir: Path | None, *, words: int
) -> dict[tuple[str, str | None], AttributionCue]:
    """An attribution cue table: (word, preposition or None) -> kind and content forms; a
    row's first cell has one word, or up to `words` (a verb and its preposition)."""
    found: dict[tuple[str, str | None], AttributionCue] = {}
    for row in read_rows("sources", name, user_dir):
        cue = row.cell(0).lower().split()
        kind, content = row.cell(1), forms(row.cell(2))
        if (
            not 1 <= len(cue) <= words
            or kind not in ATTRIBUTION_KINDS
            or not content
            or any(f not in CONTENT_FORMS for f in content)
        ):
            got = " | ".join(row.cells)
            raise ConfigError(
                f"{row.origin} line {row.line}: expected a word, one of "
                f"{', '.join(ATTRIBUTION_KINDS)} and forms from {', '.join(CONTENT_FORMS)}; "
                f"got {got!r}"
            )
        found[(cue[0], cue[1] if len(cue) == 2 else None)] = AttributionCue(kind, tuple(content))
    return found


@functools.lru_cache(maxsize=4)
def load_lexicon(user_dir: Path | None = None) -> SourceLexicon:
    """The sources stage's word lists, with the user's additions (their lines win)."""
    rows = functools.partial(read_rows, "sources", user_dir=user_dir)
    cues = {r.cell(0): r.cell(1) for r in rows("cues.tsv") if len(r.cells) >= 2}
    nouns = {r.cell(0): r.cell(1) for r in rows("nouns.tsv") if len(r.cells) >= 2}
    outlets: dict[str, str] = {}
    for row in rows("outlets.tsv"):
        name = row.cell(0)
        outlets[name.lower()] = name
        for column in range(1, len(row.cells)):
            for form in forms(row.cell(column)):
                outlets[form.lower()] = name
    return SourceLexicon(
        cues=cues,
        nouns=nouns,
        outlets=outlets,
        countries=read_countries(user_dir),
        attribution_cues=read_attribution_cues("attribution_cues.tsv", user_dir, words=2),
        attribution_nouns={
            noun: cue
            for (noun, _), cue in read_attribution_cues(
                "attribution_nouns.tsv", user_dir, words=1
            ).items()
        },
    )


def parse_count(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
