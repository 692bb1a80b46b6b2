"""The stage protocol, the registry of stages, and the pipeline that runs them in order.

A stage is a callable `Doc -> Doc` with a `name`, the `Doc` fields it `needs` (reads) and the
ones it `gives` (adds). `Pipeline` checks at construction that each need is met by an earlier
stage, so a misordered configuration fails before the first article. Stages are pure: no
I/O and no global state beyond models and lexicons loaded once per process.

The registry is data: each stage's factory, and the settings it takes as keyword arguments.
`build_pipeline(settings)` reads them; nothing asks a stage what it can do at run time.
"""

from __future__ import annotations

import functools
import importlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from eventwire.budget import check_budget, time_budget
from eventwire.errors import ConfigError, EventwireError, StageError, TimeBudgetError
from eventwire.model import Doc
from eventwire.settings import Settings, cache_folder

T = TypeVar("T")

# Doc fields (and link marks) a stage may need or give. "article" is there from the start.
FIELDS = frozenset(
    {
        "article",
        "body",
        "parsed",
        "mentions",
        "places",
        "times",
        "sources",
        "quotes",
        "events",
        "attributions",
    }
)


class Stage(Protocol):
    """A stage; one may also have `pipe(docs) -> list[Doc]`, the same over a batch in one
    go (the parse stage: spaCy's `nlp.pipe`), which `Pipeline.run_many` uses."""

    name: str
    needs: frozenset[str]
    gives: frozenset[str]

    def __call__(self, doc: Doc) -> Doc: ...


# Articles a batch run takes through the stages together. spaCy's CPU seconds for 150
# GeoWebNews articles, three passes each (the 2-core development machine, issue 15): one
# text at a time 13.2-15.8, batches of 8 12.1-13.4, of 16 11.5-12.0, of 32 12.0-12.7; the
# whole pipeline peaked at 430 MB with 16 and 564 MB with 32 (256 cost 955 MB, gaining
# nothing).
BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A registered stage: "module:Factory", and the keyword arguments its factory takes,
    each the name of a `Settings` field or of an input in `INPUTS`."""

    factory: str
    options: tuple[str, ...] = ()


def headline_words(settings: Settings) -> frozenset[str]:
    """The common words of the event and actor lexicons, which the parse stage lowers in
    Title Case headlines (it reads them from here, never from the later stages)."""
    from eventwire.stages.s3_actors.lexicon import headline_words as actor_words
    from eventwire.stages.s7_events.vocabulary import headline_words as event_words

    return event_words(settings.lexicons, cache_folder(settings)) | actor_words(settings.lexicons)


def headline_names(settings: Settings) -> frozenset[tuple[str, ...]]:
    """The actor lexicon's names of several capitalised words, which the parse stage keeps
    as written in Title Case headlines ("Security Council Condemns ...")."""
    from eventwire.stages.s3_actors.lexicon import headline_names as names

    return names(settings.lexicons)


def event_verbs(settings: Settings) -> frozenset[str]:
    """The verbs of the event lexicon with an event reading, which the parse stage tries as
    the verb of a headline it parsed without one."""
    from eventwire.stages.s7_events.vocabulary import event_verbs as verbs

    return verbs(settings.lexicons, cache_folder(settings))


def speaker_verbs(settings: Settings) -> frozenset[str]:
    """Verbs by which a speaker says, asks for or commits to something: the reporting cues
    and the event lexicon's verbs of request, threat and commitment; the parse stage gives
    such a verb back to the speaker where the parser hung it inside the reported clause."""
    from eventwire.stages.s7_events.vocabulary import speaker_verbs as verbs

    return verbs(settings.lexicons, cache_folder(settings))


# Inputs a stage takes that are computed from the settings rather than being one.
INPUTS: dict[str, Callable[[Settings], Any]] = {
    "headline_words": headline_words,
    "headline_names": headline_names,
    "event_verbs": event_verbs,
    "speaker_verbs": speaker_verbs,
    "cache_dir": cache_folder,
}

# Imported only when a pipeline asks for the stage, so a light pipeline never loads spaCy.
STAGES: dict[str, StageSpec] = {
    "body": StageSpec("eventwire.stages.s1_body.body:BodyStage"),
    "parse": StageSpec(
        "eventwire.stages.s2_parse.nlp:ParseStage",
        ("headline_words", "event_verbs", "headline_names", "speaker_verbs"),
    ),
    "actors": StageSpec("eventwire.stages.s3_actors.actors:ActorStage", ("lexicons", "cache_dir")),
    "places": StageSpec("eventwire.stages.s4_places.places:PlaceStage", ("lexicons", "cache_dir")),
    "times": StageSpec("eventwire.stages.s5_times.times:TimeStage"),
    "sources": StageSpec("eventwire.stages.s6_sources.sources:SourceStage", ("lexicons",)),
    "events": StageSpec(
        "eventwire.stages.s7_events.events:EventStage", ("events", "lexicons", "cache_dir")
    ),
    "event_places": StageSpec("eventwire.stages.s8_links.event_places:EventPlaceStage"),
    "event_times": StageSpec("eventwire.stages.s8_links.event_times:EventTimeStage"),
    "attribution": StageSpec("eventwire.stages.s8_links.attribution:AttributionStage"),
}

# The order of the default pipeline: the flow in DESIGN.md.
DEFAULT_STAGES: tuple[str, ...] = (
    "body",
    "parse",
    "actors",
    "places",
    "times",
    "sources",
    "events",
    "event_places",
    "event_times",
    "attribution",
)


def load_stage(name: str, settings: Settings | None = None) -> Stage:
    """A registered stage built with the settings it takes, or `module:Factory` for a stage
    outside the registry (built with no arguments)."""
    settings = settings if settings is not None else Settings()
    if ":" in name:
        spec = StageSpec(name)
    elif name in STAGES:
        spec = STAGES[name]
    else:
        raise ConfigError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")
    module_name, _, attr = spec.factory.partition(":")
    try:
        factory: Callable[..., Stage] = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load the stage {name!r}: {exc}") from exc
    kwargs = {
        option: INPUTS[option](settings) if option in INPUTS else getattr(settings, option)
        for option in spec.options
    }
    return factory(**kwargs)


class Pipeline:
    """Stages run in order over one Doc at a time, within `time_budget` seconds an article
    (None: no limit), checked between stages and inside their long loops."""

    def __init__(self, stages: Sequence[Stage], *, time_budget: float | None = None) -> None:
        available: set[str] = {"article"}
        for stage in stages:
            missing = stage.needs - available
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage gives"
                )
            available |= stage.gives
        self.stages = tuple(stages)
        # each stage's batch form, where it has one (found here, once)
        self.pipes: tuple[Callable[[list[Doc]], Iterable[Doc]] | None, ...] = tuple(
            getattr(stage, "pipe", None) for stage in self.stages
        )
        self.time_budget = time_budget or None

    @classmethod
    def from_names(
        cls, names: Iterable[str] = DEFAULT_STAGES, settings: Settings | None = None
    ) -> Pipeline:
        settings = settings if settings is not None else Settings()
        stages = [load_stage(n, settings) for n in names]
        return cls(stages, time_budget=settings.time_budget)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, doc: Doc) -> Doc:
        with time_budget(self.time_budget):
            for stage in self.stages:
                doc = self.run_stage(stage, doc)
        return doc

    def run_stage(self, stage: Stage, doc: Doc) -> Doc:
        try:
            doc = stage(doc)
            check_budget()
        except TimeBudgetError as exc:
            # Too long on one article: its failure record, and the batch goes on.
            raise StageError(stage.name, doc.article.id, exc) from exc
        except EventwireError:
            raise
        except (ValueError, ArithmeticError) as exc:
            # Input a stage cannot handle (a date out of range, a number too large) becomes
            # this article's failure; the batch caller records it and goes on. Anything
            # else (TypeError, KeyError, AttributeError, ...) is a bug in eventwire and
            # propagates with its traceback.
            raise StageError(stage.name, doc.article.id, exc) from exc
        return doc

    def run_many(
        self, docs: Iterable[Doc], *, batch_size: int = BATCH_SIZE
    ) -> Iterator[Doc | EventwireError]:
        """Each doc through every stage, in order: the finished doc, or the error that
        calling the pipeline on it alone would raise (a StageError for input a stage cannot
        handle, or for an article past its time budget); the other docs go on. Docs go
        through together, `batch_size` at a time, and a stage with `pipe` takes the batch at
        once (each doc is charged its share of that call's time); the results are the same."""
        for batch in batched(docs, max(1, batch_size)):
            outcomes: list[Doc | EventwireError] = list(batch)
            spent = [0.0] * len(outcomes)
            for stage, pipe in zip(self.stages, self.pipes, strict=True):
                live = [i for i, d in enumerate(outcomes) if isinstance(d, Doc)]
                if not live:
                    break
                whole = None
                if pipe is not None:
                    # within the smallest budget left: past it, each doc runs alone
                    began = time.monotonic()
                    with time_budget(
                        self.left(min(spent[i] for i in live)), total=self.time_budget
                    ):
                        whole = run_batch(pipe, [outcomes[i] for i in live])  # type: ignore[misc]
                    share = (time.monotonic() - began) / len(live)
                if whole is not None:
                    for i, result in zip(live, whole, strict=True):
                        spent[i] += share
                        outcomes[i] = self.over_budget(stage, result, spent[i]) or result
                    continue
                for i in live:
                    began = time.monotonic()
                    outcomes[i] = self.attempt(stage, outcomes[i], spent[i])  # type: ignore[arg-type]
                    spent[i] += time.monotonic() - began
            yield from outcomes

    def attempt(self, stage: Stage, doc: Doc, spent: float) -> Doc | EventwireError:
        """`run_stage` within what is left of the doc's budget, the error as a value."""
        try:
            with time_budget(self.left(spent), total=self.time_budget):
                return self.run_stage(stage, doc)
        except EventwireError as exc:
            return exc

    def left(self, spent: float) -> float | None:
        """The seconds left of an article's budget after `spent` (None: no limit)."""
        return None if self.time_budget is None else max(self.time_budget - spent, 1e-9)

    def over_budget(self, stage: Stage, doc: Doc, spent: float) -> EventwireError | None:
        """The doc's failure when a batch call took it past its budget, else None."""
        if self.time_budget is None or spent <= self.time_budget:
            return None
        exc = TimeBudgetError(f"time budget exceeded: over {self.time_budget:g} s for one article")
        return StageError(stage.name, doc.article.id, exc)


def run_batch(pipe: Callable[[list[Doc]], Iterable[Doc]], docs: list[Doc]) -> list[Doc] | None:
    """A stage's batch form over the docs; None when it fails on input, so that each doc is
    then run alone and the failure stays with the doc that caused it."""
    try:
        results = list(pipe(docs))
    except (EventwireError, ValueError, ArithmeticError):
        return None
    if len(results) != len(docs):
        raise RuntimeError(f"a stage's pipe gave {len(results)} docs for {len(docs)}")
    return results


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@functools.lru_cache(maxsize=8)
def build_pipeline(settings: Settings | None = None) -> Pipeline:
    """The pipeline the settings ask for (`stages`, else the default), built once per
    process and settings (models and lexicons load inside the stages)."""
    settings = settings if settings is not None else Settings()
    return Pipeline.from_names(settings.stages or DEFAULT_STAGES, settings)


def default_pipeline() -> Pipeline:
    """The default pipeline with default settings."""
    return build_pipeline(Settings())
