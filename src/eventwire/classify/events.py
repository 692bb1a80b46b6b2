"""Event stage (placeholder until the event rules land)."""
from __future__ import annotations

from eventwire.model import Doc


class EventStage:
    name = "events"
    needs = frozenset({"parsed", "body", "mentions"})
    gives = frozenset({"events"})

    def __call__(self, doc: Doc) -> Doc:
        return doc
