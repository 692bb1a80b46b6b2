"""The actor knowledge of eventwire, read from the data files in `eventwire/data/actors/`.

- `countries.tsv`: ISO alpha-3 code, names, adjectives and demonyms, capitals;
- `organizations.tsv`: named bodies with their code (country, IGO or NGO), sector, sponsor;
- `people.tsv`: well-known political, military and armed-group figures, with their country,
  sector and role (a name never overrides a country or organisation form);
- `sectors.tsv`: head nouns and titles that give a sector (and whether they are a role).

Files are tab-separated, `#` starts a comment line, and `|` separates alternative forms. A
user extends the knowledge by adding lines; `EVENTWIRE_ACTORS_DIR` points at a folder of
extra files with the same names, read after the bundled ones (later lines win).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form means: a country form, an organisation, or a sector word."""

    code: str | None  # ISO alpha-3, IGO or NGO
    sector: str | None
    kind: str  # "country", "adjective", "capital", "org", "person"
    sponsor: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class SectorWord:
    sector: str
    is_role: bool


def data_lines(name: str) -> Iterator[list[str]]:
    """Rows of a bundled actors data file, then of the user's file of the same name."""
    bundled = resources.files("eventwire") / "data" / "actors" / name
    texts = [bundled.read_text(encoding="utf-8")] if bundled.is_file() else []
    extra_dir = os.environ.get("EVENTWIRE_ACTORS_DIR")
    if extra_dir and (Path(extra_dir) / name).is_file():
        texts.append((Path(extra_dir) / name).read_text(encoding="utf-8"))
    for text in texts:
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


@functools.lru_cache(maxsize=1)
def surface_forms() -> dict[tuple[str, ...], Entry]:
    """Token sequences (as written) of every country, capital and organisation form."""
    table: dict[tuple[str, ...], Entry] = {}
    for row in data_lines("countries.tsv"):
        row += [""] * (4 - len(row))
        code, names, adjectives, capitals = row[:4]
        for kind, cell in (("capital", capitals), ("adjective", adjectives), ("country", names)):
            for form in forms(cell):
                table[tokens_of(form)] = Entry(code=code, sector="GOV", kind=kind)
    for row in data_lines("people.tsv"):
        row += [""] * (4 - len(row))
        names, code, sector, role = row[:4]
        for form in forms(names):
            table.setdefault(
                tokens_of(form),
                Entry(code=code or None, sector=sector or None, kind="person", role=role or None),
            )
    for row in data_lines("organizations.tsv"):
        row += [""] * (4 - len(row))
        names, code, sector, sponsor = row[:4]
        for form in forms(names):
            table[tokens_of(form)] = Entry(
                code=code or None, sector=sector or None, kind="org", sponsor=sponsor or None
            )
    return table


@functools.lru_cache(maxsize=1)
def first_words() -> dict[str, int]:
    """First token of each surface form -> the longest form length starting with it."""
    longest: dict[str, int] = {}
    for key in surface_forms():
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


@functools.lru_cache(maxsize=1)
def sector_words() -> dict[str, SectorWord]:
    table: dict[str, SectorWord] = {}
    for row in data_lines("sectors.tsv"):
        row += [""] * (3 - len(row))
        word, sector, kind = row[:3]
        table[word.strip().lower()] = SectorWord(sector=sector.strip(), is_role=kind == "role")
    return table


def tokens_of(form: str) -> tuple[str, ...]:
    """Split a form the way spaCy splits the common cases ("Iran-backed", "Iraq's")."""
    out: list[str] = []
    for word in form.split():
        if word.endswith("'s") and len(word) > 2:
            out += [word[:-2], "'s"]
        else:
            out.append(word)
    return tuple(out)
