"""Frozen records that flow through the pipeline.

Every extracted item carries a `Span` into `Article.text` and the name of the stage (or
rule) that produced it. Stages never mutate a record: they build new ones with
`dataclasses.replace`. Serialisation to the eventwire/1 JSON contract lives in `output.py`,
whose `ArticleResult` (a `Doc` with `to_dict` and `to_json`) is what `extract` returns.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

SCHEMA = "eventwire/1"

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
EVENT_TYPES = (*PLOVER_TYPES, "OTHER")

MODALITIES = (
    "occurred",
    "planned",
    "expected",
    "predicted",
    "hypothetical",
    "requested",
    "threatened",
    "negated",
    "denied",
    "alleged",
)

# What an attribution reports: something said, a belief, an intention (a plan, a wish, a
# promise), a finding (of a poll, a study, an investigation), a denial, or a question.
ATTRIBUTION_KINDS = ("statement", "belief", "intention", "finding", "denial", "question")

TIME_RELATIONS = ("on", "by", "before", "after", "since", "until", "during", "began", "ended")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) into `Article.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}:{self.end}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def span_start(span: Span) -> int:
    return span.start


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as read. `text` is what every offset refers to."""

    id: str
    text: str
    published: date | datetime | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a country (ISO alpha-3, or IGO/NGO), a sector code, optional role and sponsor."""

    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    sponsor: str | None = None
    span: Span | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A named or nominal entity mention, with the actor it resolves to (if any)."""

    id: str
    span: Span
    label: str
    actor: Actor | None
    stage: str


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    span: Span
    name: str
    kind: str  # country, admin1, admin2, city, facility, region, other
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    confidence: float | None
    stage: str
    metonym: bool = False  # a capital standing for its government ("Washington said")
    # for a street, building or village the gazetteer lacks: the id of the place whose point
    # (country, admin1) it takes, the town the text puts it in
    within: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    id: str
    span: Span
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value
    interval: tuple[str | None, str | None] | None
    anchor: str | None  # "publication", another TimeExpr id, or None
    stage: str


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str  # outlet, named, anonymous, document
    name: str | None
    count: int | None
    affiliation: str | None
    role: str | None
    span: Span | None
    stage: str


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    span: Span
    speaker: str | None  # a Source id
    speaker_span: Span | None
    cue: Span | None
    direct: bool
    stage: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Content attributed to a source: what was said, believed, intended, found, denied or
    asked, with the cue that attributes it ("said", "believes", "according to", "a poll
    shows"). `content` holds the attributed words, in order: one piece, or several when a
    cue interrupts a quote ("“A,” she said. “B.”"); `span` runs from the first piece's
    start to the last one's end. `quotes` are the ids of the quotes it gathers."""

    id: str
    kind: str  # one of ATTRIBUTION_KINDS
    span: Span
    content: tuple[Span, ...]
    source: str | None  # a Source id
    source_span: Span | None
    cue: Span | None
    direct: bool  # the content is (or holds) words in quotation marks
    stage: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventTime:
    relation: str  # one of TIME_RELATIONS
    value: str
    interval: tuple[str | None, str | None] | None
    time_id: str | None


@dataclass(frozen=True, slots=True)
class Count:
    min: int | None
    max: int | None
    span: Span | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str  # the action's own category, or OTHER
    plover_type: str  # the category under PLOVER's rules (modality folded in)
    mode: str | None
    modality: str
    modality_cue: Span | None
    trigger: Span
    sentence: Span
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    confidence: float
    trace: tuple[str, ...]
    place: str | None = None  # a Place id
    time: EventTime | None = None
    attributed_to: tuple[str, ...] = ()  # Source ids
    count: Count | None = None
    context: tuple[str, ...] = ()
    # "main": the sentence's own report; "background": an event in a relative, adverbial or
    # purpose clause, or an adjunct ("after months of fighting"). PLOVER codes main events.
    salience: str = "main"


@dataclass(frozen=True, slots=True)
class Doc:
    """The article and everything the stages have added to it (the `ArticleResult`).

    `parsed` is the spaCy document once the parse stage has run; it is a working object,
    never serialised. `body` lists the spans that belong to the report itself, in text order
    and not overlapping: lines such as related-article links and captions are left out, and
    no event comes from them.
    """

    article: Article
    body: tuple[Span, ...] = ()
    parsed: Any = field(default=None, compare=False, repr=False)
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    sources: tuple[Source, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    attributions: tuple[Attribution, ...] = ()

    def text_of(self, span: Span) -> str:
        return self.article.text[span.start : span.end]

    def in_body(self, span: Span) -> bool:
        """Whether `span` lies inside one body span (a binary search: the body spans are
        lines, in text order)."""
        at = bisect.bisect_right(self.body, span.start, key=span_start) - 1
        return at >= 0 and self.body[at].contains(span)


__all__ = [
    "ATTRIBUTION_KINDS",
    "EVENT_TYPES",
    "MODALITIES",
    "PLOVER_TYPES",
    "SCHEMA",
    "TIME_RELATIONS",
    "Actor",
    "Article",
    "Attribution",
    "Count",
    "Doc",
    "Event",
    "EventTime",
    "Mention",
    "Place",
    "Quote",
    "Source",
    "Span",
    "TimeExpr",
    "replace",
]
