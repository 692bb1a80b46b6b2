"""The actor knowledge of eventwire, read from the data files in `eventwire/data/actors/`.

- `countries.tsv`: ISO alpha-3 code, names, adjectives and demonyms, capitals;
- `organizations.tsv`: named bodies with their code (country, IGO or NGO), sector, sponsor;
- `people.tsv`: well-known political, military and armed-group figures, with their country,
  sector and role (a name never overrides a country or organisation form);
- `sectors.tsv`: head nouns and titles that give a sector (and whether they are a role);
- `officeholders.tsv`: office-holders with the dates of their posts (generated from Phoenix's
  country actors by tools/build_officeholders.py), so that a name resolves at the article's
  date ("Bouteflika" in 2004 is DZA GOV).

Files are tab-separated, `#` starts a comment line, and `|` separates alternative forms. A
user extends the knowledge with files of the same names in the `actors/` folder of their
lexicon folder (the `lexicons` setting), read after the bundled ones: their lines win.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.data import forms, read_rows
from eventwire.data.built import cached_build


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


@dataclass(frozen=True, slots=True)
class Post:
    """A period in which a person held a country's post (or was of its elite: no sector)."""

    country: str
    sector: str | None
    start: str  # ISO date, "" when open
    end: str


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    forms: dict[tuple[str, ...], Entry]  # token sequences (as written) of every known name
    first_words: dict[str, int]  # first token of a form -> the longest form starting with it
    sectors: dict[str, SectorWord]  # head nouns and titles (lower case) -> sector
    # office-holders: lower-case name tokens -> their posts; surname -> the full names
    posts: dict[tuple[str, ...], tuple[Post, ...]] = field(default_factory=dict)
    surnames: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # a person's last name (as written) -> the other words of the full names it ends ("Trump"
    # -> Donald, J.): a name with another given name is someone else ("Melania Trump")
    given_names: dict[str, frozenset[str]] = field(default_factory=dict)

    def post_of(self, words: tuple[str, ...], when: date | None) -> Post | None:
        """The post a person named `words` (lower case) held on `when`: by full name, else
        by surname when only one office-holder of that surname held a post then."""
        found = pick_post(self.posts.get(words, ()), when)
        if found is not None or len(words) != 1:
            return found
        candidates = [pick_post(self.posts[n], when) for n in self.surnames.get(words[0], ())]
        if when is None:
            # with no date to place it, a surname alone names a post still held, not one of
            # decades ago ("Noma" in an undated 2018 report is not a 1980s minister)
            candidates = [p for p in candidates if p is not None and not p.end]
        countries = {p.country for p in candidates if p is not None and p.sector}
        if len(countries) != 1:
            return None  # unknown, or several people of that name held posts then
        return next(p for p in candidates if p is not None and p.sector)


def pick_post(posts: tuple[Post, ...], when: date | None) -> Post | None:
    """The post held on `when` (the dated one when several fit); without a date, the latest
    dated post; a row without dates is the person's default."""
    if not posts:
        return None
    dated = [p for p in posts if p.start or p.end]
    default = next((p for p in posts if not (p.start or p.end)), None)
    if when is None:
        return max(dated, key=lambda p: p.start) if dated else default
    day = when.isoformat()[:10]
    current = [p for p in dated if (not p.start or p.start <= day) and (not p.end or day <= p.end)]
    return current[-1] if current else default


@functools.lru_cache(maxsize=4)
def load_lexicon(user_dir: Path | None = None, cache_dir: Path | None = None) -> ActorLexicon:
    """The actor lexicon: the bundled tables, with the user's folder's additions; with a
    `cache_dir`, kept there once built (`eventwire.data.built`: the office-holders table
    takes a good part of a second to read)."""
    return cached_build("actors", lambda: build_lexicon(user_dir), cache_dir=cache_dir,
                        areas=("actors",), user_dir=user_dir,
                        packages=(__package__ or "",))  # fmt: skip


def build_lexicon(user_dir: Path | None = None) -> ActorLexicon:
    table = surface_forms(user_dir)
    longest: dict[str, int] = {}
    for key in table:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    posts = office_holders(user_dir)
    surnames: dict[str, list[tuple[str, ...]]] = {}
    for name in posts:
        if len(name) > 1:
            surnames.setdefault(name[-1], []).append(name)
    given: dict[str, set[str]] = {}
    for key, entry in table.items():
        if entry.kind == "person" and len(key) > 1:
            # as words and as the parts of hyphenated ones ("Jean-Yves" is parsed "Jean - Yves")
            given.setdefault(key[-1], set()).update(
                part for word in key[:-1] for part in (word, *word.split("-"))
            )
    return ActorLexicon(
        forms=table,
        first_words=longest,
        sectors=sector_words(user_dir),
        posts=posts,
        surnames={k: tuple(v) for k, v in surnames.items()},
        given_names={k: frozenset(v) for k, v in given.items()},
    )


def office_holders(user_dir: Path | None = None) -> dict[tuple[str, ...], tuple[Post, ...]]:
    """Name (lower-case tokens) -> posts, from officeholders.tsv (built from Phoenix)."""
    table: dict[tuple[str, ...], list[Post]] = {}
    for row in read_rows("actors", "officeholders.tsv", user_dir):
        names, country, sector, start, end = (row.cell(i) for i in range(5))
        post = Post(country=country, sector=sector or None, start=start, end=end)
        for form in forms(names):
            table.setdefault(tuple(w.lower() for w in tokens_of(form)), []).append(post)
    return {k: tuple(v) for k, v in table.items()}


def surface_forms(user_dir: Path | None = None) -> dict[tuple[str, ...], Entry]:
    """Token sequences (as written) of every country, capital, person and organisation form."""
    table: dict[tuple[str, ...], Entry] = {}
    for row in read_rows("actors", "countries.tsv", user_dir):
        code, names, adjectives, capitals = (row.cell(i) for i in range(4))
        for kind, cell in (("capital", capitals), ("adjective", adjectives), ("country", names)):
            for form in forms(cell):
                table[tokens_of(form)] = Entry(code=code, sector="GOV", kind=kind)
    people: dict[tuple[str, ...], Entry] = {}
    for row in read_rows("actors", "people.tsv", user_dir):
        names, code, sector, role = (row.cell(i) for i in range(4))
        for form in forms(names):
            people[tokens_of(form)] = Entry(
                code=code or None, sector=sector or None, kind="person", role=role or None
            )
    for key, entry in people.items():  # a name never overrides a country's form
        table.setdefault(key, entry)
    for row in read_rows("actors", "organizations.tsv", user_dir):
        names, code, sector, sponsor = (row.cell(i) for i in range(4))
        for form in forms(names):
            table[tokens_of(form)] = Entry(
                code=code or None, sector=sector or None, kind="org", sponsor=sponsor or None
            )
    return table


def sector_words(user_dir: Path | None = None) -> dict[str, SectorWord]:
    """Head nouns and two-word titles -> sector: the agent nouns of Phoenix's dictionary
    (`agents.tsv`, generated), then the project's `sectors.tsv`, which wins: it says which
    words are roles, and a line with sector `-` takes a dictionary word out."""
    table: dict[str, SectorWord] = {}
    for row in read_rows("actors", "agents.tsv", user_dir):
        table[row.cell(0).lower()] = SectorWord(sector=row.cell(1), is_role=False)
    for row in read_rows("actors", "sectors.tsv", user_dir):
        word, sector, kind = (row.cell(i) for i in range(3))
        if sector == "-":
            table.pop(word.lower(), None)
        else:
            table[word.lower()] = SectorWord(sector=sector, is_role=kind == "role")
    return table


def curated_sector_words(user_dir: Path | None = None) -> frozenset[str]:
    """The words of `sectors.tsv` alone that give a sector."""
    rows = read_rows("actors", "sectors.tsv", user_dir)
    return frozenset(row.cell(0).lower() for row in rows if row.cell(1) != "-")


def tokens_of(form: str) -> tuple[str, ...]:
    """Split a form the way spaCy splits the common cases ("Iran-backed", "Iraq's")."""
    out: list[str] = []
    for word in form.split():
        if word.endswith("'s") and len(word) > 2:
            out += [word[:-2], "'s"]
        else:
            out.append(word)
    return tuple(out)


def headline_words(user_dir: Path | None = None) -> frozenset[str]:
    """The words of the project's sector words ("minister", "troops"): common words, not
    names (the parse stage lowers them in Title Case headlines). The generated agent nouns
    are not among them: a dictionary of thousands holds surnames too ("Granger", "Fisher")."""
    return frozenset(w for phrase in curated_sector_words(user_dir) for w in phrase.split())


def headline_names(user_dir: Path | None = None) -> frozenset[tuple[str, ...]]:
    """The lexicon's names of two words or more written in capitals, as lower-case words
    ("security council", "bill clinton"): the parse stage keeps them as written in Title Case
    headlines, though their words are common words too."""
    rows = [
        *(row.cell(1) for row in read_rows("actors", "countries.tsv", user_dir)),
        *(row.cell(0) for row in read_rows("actors", "people.tsv", user_dir)),
        *(row.cell(0) for row in read_rows("actors", "organizations.tsv", user_dir)),
    ]
    names = set()
    for cell in rows:
        for form in forms(cell):
            words = form.split()
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                names.add(tuple(w.lower() for w in words))
    return frozenset(names)
