"""The stage protocol, the registry of stages, and the pipeline that runs them in order.

A stage is a callable `Doc -> Doc` with a `name`, the kinds of data it `needs` and the kinds
it `gives`. `Pipeline` checks at construction that each need is met by an earlier stage, so
a misordered configuration fails before the first article. Stages are pure: no I/O and no
global state beyond models loaded once per process.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from eventwire.errors import ConfigError, EventwireError, StageError
from eventwire.model import Doc


class Stage(Protocol):
    name: str
    needs: frozenset[str]
    gives: frozenset[str]

    def __call__(self, doc: Doc) -> Doc: ...


# name -> "module:factory". A factory takes no arguments and returns a Stage. Imported only
# when a pipeline asks for the stage, so a light pipeline never loads spaCy.
STAGES: dict[str, str] = {
    "body": "eventwire.read.body:BodyStage",
    "parse": "eventwire.parse.nlp:ParseStage",
    "actors": "eventwire.annotate.actors:ActorStage",
    "events": "eventwire.classify.events:EventStage",
    "times": "eventwire.annotate.times:TimeStage",
    "event_times": "eventwire.annotate.event_times:EventTimeStage",
    "sources": "eventwire.annotate.sources:SourceStage",
    "attribution": "eventwire.annotate.attribution:AttributionStage",
    # --- stages of places, times and sources, and the linkers that give events their
    # place, time and attribution, are registered here ---
    "places": "eventwire.annotate.places:PlaceStage",
    "event_places": "eventwire.annotate.event_places:EventPlaceStage",
}

# The order of the default pipeline: the flow in DESIGN.md.
DEFAULT_STAGES: tuple[str, ...] = (
    "body",
    "parse",
    "actors",
    # places, times, sources (in that order) go here
    "places",
    "times",
    "sources",
    "events",
    # event_places, event_times, attribution go here
    "event_places",
    "event_times",
    "attribution",
)


def load_stage(name: str) -> Stage:
    try:
        target = STAGES[name]
    except KeyError:
        raise ConfigError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}") from None
    module_name, _, attr = target.partition(":")
    factory: Callable[[], Stage] = getattr(importlib.import_module(module_name), attr)
    return factory()


class Pipeline:
    """Stages run in order over one Doc at a time."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available: set[str] = {"article"}
        for stage in stages:
            missing = stage.needs - available
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage gives"
                )
            available |= stage.gives
        self.stages = tuple(stages)

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        return cls([load_stage(n) for n in names])

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            try:
                doc = stage(doc)
            except EventwireError:
                raise
            except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
                # A stage choking on one article becomes a per-article failure; the batch
                # caller records it and goes on.
                raise StageError(stage.name, doc.article.id, exc) from exc
        return doc


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process (models load lazily inside stages)."""
    global _default
    if _default is None:
        _default = Pipeline.from_names(DEFAULT_STAGES)
    return _default
