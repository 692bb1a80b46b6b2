"""What the story linker and the ledger know of one event: an `EventView`, built from a `Doc`
when its article is stored, and kept in the `story_events` table for later articles.

Words are normalised the same way everywhere: lower case, a light suffix stripping (so
"attacks", "attacked" and "attacking" meet), common words dropped. The trigger's lemma comes
from the event's trace (`trigger:verb:withdraw->RETREAT`), stemmed so that a verb and its
noun ("withdraw", "withdrawal"; "deliver", "delivery") compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from eventwire.data import read_rows
from eventwire.model import Doc, Event

WORD = re.compile(r"[^\W\d_][\w-]{2,}")
# Words that say nothing about which event a sentence reports.
STOP_WORDS = frozenset(
    "the and for with from that this these those its it's his her their our they them she "
    "you not but are was were been being has have had will would could should can may might "
    "must shall also than then there here which who whom whose what when where why how into "
    "over after before about under more most other such some any all each both only very "
    "just said says saying told tell according per cent percent year years month months week "
    "weeks day days today yesterday monday tuesday wednesday thursday friday saturday sunday "
    "one two three four five six seven eight nine ten first last new".split()
)
# Suffixes stripped from words (longest first), keeping at least MIN_STEM letters.
WORD_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")
# Nominalisations stripped from trigger lemmas, so a verb and its noun meet.
LEMMA_SUFFIXES = ("ation", "ment", "tion", "sion", "ion", "al", "ance", "ence", "ure", "y", "e")
MIN_STEM = 3
# At most this many sentence words are kept per event (its wording, for similarity).
MAX_WORDS = 40
FALLBACK_TRACE = "time:publication-fallback"


def stem(word: str) -> str:
    for suffix in WORD_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stem_lemma(lemma: str) -> str:
    """A trigger lemma reduced so that "withdraw"/"withdrawal" and "agree"/"agreement" meet."""
    word = lemma.casefold().split()[0] if lemma.strip() else lemma.casefold()
    for suffix in LEMMA_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e") if len(word) > 4 else word


def content_words(text: str) -> frozenset[str]:
    words = (w.strip("-") for w in WORD.findall(text.casefold()))
    return frozenset(stem(w) for w in words if len(w) >= MIN_STEM and w not in STOP_WORDS)


def name_words(names: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for name in names:
        out |= content_words(name)
    return frozenset(out)


def trigger_lemma(event: Event, trigger_text: str) -> str:
    """The lemma the event stage matched (from its trace), else the trigger's own text."""
    for step in event.trace:
        if step.startswith("trigger:"):
            parts = step.split(":", 2)
            if len(parts) == 3:
                return stem_lemma(parts[2].split("->")[0].strip())
    return stem_lemma(trigger_text)


def day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def bounds(interval: tuple[str | None, str | None] | None) -> tuple[date | None, date | None]:
    """An event time's interval as dates; open ends are date.min / date.max, and an
    unknown time (or one open at both ends) is (None, None)."""
    if interval is None:
        return None, None
    lo, hi = day(interval[0]) or date.min, day(interval[1]) or date.max
    return (None, None) if (lo, hi) == (date.min, date.max) else (lo, hi)


def published_day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


@lru_cache(maxsize=8)
def reporting_lemmas(lexicons: Path | None = None) -> frozenset[str]:
    """Reporting verbs (sources/cues.tsv, with the user's additions): "said" in two
    articles is rarely one statement, so these need more evidence to link."""
    return frozenset(stem_lemma(r.cell(0)) for r in read_rows("sources", "cues.tsv", lexicons))


@dataclass(frozen=True, slots=True)
class EventView:
    """One event as the linker compares it. `seq` is the event's key in the store."""

    seq: int
    article_seq: int
    type: str
    lemma: str
    mode: str | None
    modality: str
    actors: frozenset[str]  # words of the actors' names
    actor_countries: frozenset[str]
    recipients: frozenset[str]
    recipient_countries: frozenset[str]
    place: str | None  # the place's name, casefolded
    place_country: str | None
    lat: float | None
    lon: float | None
    time_lo: date | None  # the event time's interval (None: unknown; open ends: date.min/max)
    time_hi: date | None
    fallback: bool  # the time is the publication day, not read from the text
    published: date | None
    words: frozenset[str]  # the sentence's content words, less the trigger's
    sentence: int = -1  # the sentence's start offset (within one article only)


def views_of(doc: Doc, seqs: Sequence[int], article_seq: int) -> list[EventView]:
    """The views of a doc's events; `seqs` are their keys in the store, in order."""
    places = {p.id: p for p in doc.places}
    published = published_day(doc.article.published)
    out = []
    for event, seq in zip(doc.events, seqs, strict=True):
        place = places.get(event.place) if event.place else None
        trigger = doc.text_of(event.trigger)
        lo, hi = bounds(event.time.interval if event.time is not None else None)
        words = content_words(doc.text_of(event.sentence)) - content_words(trigger)
        out.append(
            EventView(
                seq=seq,
                article_seq=article_seq,
                type=event.type,
                lemma=trigger_lemma(event, trigger),
                mode=event.mode,
                modality=event.modality,
                actors=name_words(a.name for a in event.actors),
                actor_countries=frozenset(a.country for a in event.actors if a.country),
                recipients=name_words(a.name for a in event.recipients),
                recipient_countries=frozenset(a.country for a in event.recipients if a.country),
                place=None if place is None else place.name.casefold(),
                place_country=None if place is None else place.country,
                lat=None if place is None else place.lat,
                lon=None if place is None else place.lon,
                time_lo=lo,
                time_hi=hi,
                fallback=FALLBACK_TRACE in event.trace,
                published=published,
                words=frozenset(sorted(words)[:MAX_WORDS]),
                sentence=event.sentence.start,
            )
        )
    return out
