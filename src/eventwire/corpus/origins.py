"""Where a report of an event comes from, for counting a story's independent sources.

Each event's attribution (`Event.attributed_to`, ids of `Doc.sources`) becomes a list of
origins when its article is stored:
- a wire or another outlet named as the source ("according to Reuters"): `wire:<name>`;
  it stands for everything else the event is attributed to, since the outlet relays the
  wire's report, its unnamed officials included;
- a named person or body: `named:<name>`, the same wherever it is quoted;
- unnamed sources ("two officials"): `anon:<affiliation>:<role>`, counted per outlet;
- a document ("a statement"): `doc:<affiliation>:<name>` when its author is known, else
  counted per outlet;
- no attribution: `own`, the outlet's own reporting.

When a story is read, each origin is resolved against the article's outlet (for a
near-duplicate copy, the outlet of the article it copies): a named source and a document
whose author is known stay as they are (the same person quoted by two outlets is one
source); unnamed sources, documents of no known author and the outlet's own reporting
become `source:<outlet>` (an outlet's updates count once); a wire stays `wire:<name>`,
once however many outlets relay it, and nothing when the story holds the wire's own report
(that report's sources count instead). The number of distinct keys over a story's events
is its `independent_sources`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.data import read_rows
from eventwire.model import Doc, Event, Source

OWN = "own"


@lru_cache(maxsize=8)
def outlet_names(lexicons: Path | None = None) -> dict[str, str]:
    """Every form of a known outlet (lower case) -> its canonical name, lower case."""
    names: dict[str, str] = {}
    for row in read_rows("sources", "outlets.tsv", lexicons):
        canonical = row.cell(0).casefold()
        names[canonical] = canonical
        for form in row.cell(1).split("|"):
            if form.strip():
                names[form.strip().casefold()] = canonical
    return names


def outlet_key(name: str | None, lexicons: Path | None = None) -> str | None:
    """An outlet's name as a key: lower case, a known outlet's canonical name."""
    if not name or not name.strip():
        return None
    key = " ".join(name.casefold().split())
    names = outlet_names(lexicons)
    return names.get(key) or names.get(key.removeprefix("the ")) or key


def article_outlet(outlet: str | None, url: str | None, lexicons: Path | None = None) -> str | None:
    """The article's outlet, else its URL's host (without www.), as a key."""
    key = outlet_key(outlet, lexicons)
    if key is None and url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        key = host or None
    return key


def source_origin(source: Source, lexicons: Path | None) -> str:
    name = " ".join((source.name or "").casefold().split())
    affiliation = (source.affiliation or "").casefold()
    if source.kind == "outlet":
        return f"wire:{outlet_key(source.name, lexicons) or name}"
    if source.kind == "named" and name:
        return f"named:{name}"
    if source.kind == "document" and affiliation:
        return f"doc:{affiliation}:{name}"
    if source.kind == "document":
        return f"doc::{name}"
    return f"anon:{affiliation}:{(source.role or '').casefold()}"


def event_origins(doc: Doc, event: Event, lexicons: Path | None = None) -> list[str]:
    """The origins of one event's report (see the module docstring). The article's own
    outlet, which the sources stage lists as the source of plain narration, is `own`."""
    sources = {s.id: s for s in doc.sources}
    own = outlet_key(doc.article.outlet, lexicons)
    found: set[str] = set()
    wires: set[str] = set()
    for source in (sources[i] for i in event.attributed_to if i in sources):
        if source.kind == "outlet" and (source.span is None
                                        or outlet_key(source.name, lexicons) == own):  # fmt: skip
            found.add(OWN)
        elif source.kind == "outlet":
            wires.add(source_origin(source, lexicons))
        else:
            found.add(source_origin(source, lexicons))
    return sorted(wires or found or {OWN})


def encode(origins: list[str]) -> str:
    return json.dumps(origins)


def decode(text: str) -> list[str]:
    return [str(o) for o in json.loads(text)]


def resolve(origin: str, outlet: str) -> str:
    """An origin as a key counted once per story; `outlet` is the reporting outlet's key
    (for a copy, the copied article's)."""
    kind, _, rest = origin.partition(":")
    if kind in ("named", "wire") or (kind == "doc" and not rest.startswith(":")):
        return origin
    return f"source:{outlet}"


def independent_sources(reports: list[tuple[str, list[str]]]) -> int:
    """How many independent sources these reports have: (outlet key, origins) per event.
    A wire that one of the reports comes from itself adds nothing of its own."""
    keys = {resolve(origin, outlet) for outlet, origins in reports for origin in origins}
    outlets = {outlet for outlet, _ in reports}
    return len({k for k in keys if not (k.startswith("wire:") and k[5:] in outlets)})
