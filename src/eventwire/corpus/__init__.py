"""Across articles: stories (the same real-world event reported by several articles) and the
ledger of commitments (what was promised by when, and what later reports say of it).

Reads, from the store, each newly written article: its events (type, trigger lemma and
mode, modality, actors and recipients, place, event time), its sentences' words, its
sources and each event's attribution, its outlet and URL, and the near-duplicate link the
store made for it. Adds (schema version 7): `corpus_articles` (the input's id, outlet and
copied original of each article), `stories` and `story_events` (every current event in
exactly one story, with the features it was linked on), `story_keys` (the lookup index),
`commitments`, `commitment_keys` and `commitment_history`.

- `Linker.link(store, doc)` links one stored article, inside the transaction that wrote it
  (ingest does this); `Linker.catch_up(store)` links articles stored before version 7.
- `stories(store, ...)` and `ledger(store, ...)` read them as JSON-ready dicts.

The link decision is in `link.py`, the source counting in `origins.py`, the due dates in
`due.py`, the ledger's updates in `commitments.py`. See docs/corpus.md.
"""

from eventwire.corpus.ledger import ledger
from eventwire.corpus.linker import Linker
from eventwire.corpus.stories import stories

__all__ = ["Linker", "ledger", "stories"]
