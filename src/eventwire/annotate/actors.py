"""Actor stage (placeholder until the actor resolver lands)."""
from __future__ import annotations

from eventwire.model import Doc


class ActorStage:
    name = "actors"
    needs = frozenset({"parsed"})
    gives = frozenset({"mentions"})

    def __call__(self, doc: Doc) -> Doc:
        return doc
