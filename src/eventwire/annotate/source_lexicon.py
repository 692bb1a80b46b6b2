"""The word lists of the sources stage, read once per process from `eventwire/data/sources/`.

- `cues.tsv`: reporting verbs (lemma, and whether they report a clause or only a quote);
- `nouns.tsv`: nouns that make a source anonymous ("officials"), a document ("statement") or
  refer back to an outlet ("the agency");
- `outlets.tsv`: news outlets and their other forms;
- `countries.tsv`: country names and demonyms -> ISO alpha-3. The actor lexicon's
  `eventwire/data/actors/countries.tsv` is read first when it is installed (its name and
  adjective columns), so both stages agree on countries; ours adds to it.

Tab-separated, `#` starts a comment line, `|` separates alternative forms. Add lines to extend.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
    "dozen": 12, "fifteen": 15, "twenty": 20, "both": 2, "a couple of": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    cues: dict[str, str]  # lemma -> "indirect" | "direct"
    nouns: dict[str, str]  # lemma -> "anonymous" | "document" | "outlet"
    outlets: dict[str, str]  # form (lower case) -> canonical name
    countries: dict[str, str]  # form (case as written) -> ISO alpha-3

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


def data_lines(folder: str, name: str) -> Iterator[list[str]]:
    resource = resources.files("eventwire") / "data" / folder / name
    try:
        text = resource.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def read_countries() -> dict[str, str]:
    countries: dict[str, str] = {}
    # The actor lexicon's table: code, names, adjectives/demonyms, capitals (capitals unused:
    # "Baghdad" as a source is a government, not an affiliation word).
    for cols in data_lines("actors", "countries.tsv"):
        if len(cols) >= 2 and len(cols[0]) == 3 and cols[0].isupper():
            for column in cols[1:3]:
                for form in column.split("|"):
                    if form.strip():
                        countries[form.strip()] = cols[0]
    for cols in data_lines("sources", "countries.tsv"):
        if len(cols) >= 2:
            for form in cols[1].split("|"):
                if form.strip():
                    countries[form.strip()] = cols[0].strip()
    return countries


@functools.lru_cache(maxsize=1)
def load_lexicon() -> SourceLexicon:
    package = "sources"
    cues = {c[0].strip(): c[1].strip() for c in data_lines(package, "cues.tsv") if len(c) >= 2}
    nouns = {c[0].strip(): c[1].strip() for c in data_lines(package, "nouns.tsv") if len(c) >= 2}
    outlets: dict[str, str] = {}
    for cols in data_lines(package, "outlets.tsv"):
        name = cols[0].strip()
        outlets[name.lower()] = name
        for column in cols[1:]:
            for form in column.split("|"):
                if form.strip():
                    outlets[form.strip().lower()] = name
    return SourceLexicon(cues=cues, nouns=nouns, outlets=outlets, countries=read_countries())


def parse_count(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
