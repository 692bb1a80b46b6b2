"""A cheap stand-in for the event pipeline, for store and ingest tests (no spaCy).

`FakeEventStage` makes one event per sentence that has a cue verb: the first capitalised
word is the actor (a country from COUNTRIES, or a person), "in <Place>" the place, and an
ISO date "on YYYY-MM-DD" the event time. A text containing FAIL raises ValueError (a stage
failure) unless FAKE_FAIL=0, one containing OVERFLOW raises OverflowError (an arithmetic
error, also a stage failure); one containing STALL blocks when FAKE_STALL=1, so a test can
kill an ingest part way at a known point; one containing SLOW works for up to a minute,
checking the time budget as a long loop does (a budget of a few seconds stops it).

`NoParseStage` stands in for the parse stage (it gives "parsed" as None), so that stages
that read the parse only when there is one (times, event_times) run without spaCy.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import replace

from eventwire.budget import check_budget
from eventwire.model import Actor, Doc, Event, EventTime, Place, Span

CUES = {"protested": "PROTEST", "attacked": "ASSAULT", "agreed": "AGREE", "met": "CONSULT"}
COUNTRIES = {"Iraq": "IRQ", "Iran": "IRN", "France": "FRA", "Kenya": "KEN"}
PLACES = {
    "Baghdad": ("IRQ", "Baghdad", 33.31, 44.36),
    "Basra": ("IRQ", "Basra", 30.51, 47.78),
    "Paris": ("FRA", "Ile-de-France", 48.85, 2.35),
    "Nairobi": ("KEN", "Nairobi", -1.29, 36.82),
}
SENTENCE = re.compile(r"[^.]+\.?")
CUE = re.compile(r"\b(" + "|".join(CUES) + r")\b")
DATE = re.compile(r"\bon (\d{4}-\d{2}-\d{2})\b")
PLACE = re.compile(r"\bin (" + "|".join(PLACES) + r")\b")
NAME = re.compile(r"\b[A-Z][a-z]+\b")


class FakeEventStage:
    name = "fake_events"
    needs: frozenset[str] = frozenset()
    gives = frozenset({"events", "places"})

    def __call__(self, doc: Doc) -> Doc:
        text = doc.article.text
        if "FAIL" in text and os.environ.get("FAKE_FAIL", "1") == "1":
            raise ValueError("the fake stage fails on FAIL")
        if "OVERFLOW" in text:
            raise OverflowError("date value out of range")
        if "SLOW" in text:
            give_up = time.monotonic() + 60
            while time.monotonic() < give_up:
                check_budget()
                time.sleep(0.01)
        if "STALL" in text and os.environ.get("FAKE_STALL") == "1":
            time.sleep(3600)
        places: list[Place] = []
        events: list[Event] = []
        for sentence in SENTENCE.finditer(text):
            cue = CUE.search(sentence.group())
            if cue is None:
                continue
            base = sentence.start()
            name = NAME.search(sentence.group())
            actors = ()
            if name is not None:
                word = name.group()
                span = Span(base + name.start(), base + name.end())
                actors = (
                    Actor(
                        word,
                        COUNTRIES.get(word),
                        "GOV" if word in COUNTRIES else "CVL",
                        span=span,
                        rule="fake",
                    ),
                )
            place_id = None
            where = PLACE.search(sentence.group())
            if where is not None:
                country, admin1, lat, lon = PLACES[where.group(1)]
                place_id = f"p{len(places) + 1}"
                places.append(
                    Place(
                        place_id,
                        Span(base + where.start(1), base + where.end(1)),
                        where.group(1),
                        "city",
                        country,
                        admin1,
                        lat,
                        lon,
                        None,
                        0.9,
                        "fake/1",
                    )
                )
            when = DATE.search(sentence.group())
            time_ = None
            if when is not None:
                day = when.group(1)
                time_ = EventTime("on", day, (day, day), None)
            kind = CUES[cue.group(1)]
            events.append(
                Event(
                    id=f"e{len(events) + 1}",
                    type=kind,
                    plover_type=kind,
                    mode=None,
                    modality="occurred",
                    modality_cue=None,
                    trigger=Span(base + cue.start(), base + cue.end()),
                    sentence=Span(sentence.start(), sentence.end()),
                    actors=actors,
                    recipients=(),
                    confidence=0.5,
                    trace=("fake",),
                    place=place_id,
                    time=time_,
                )
            )
        return replace(doc, body=(Span(0, len(text)),), places=tuple(places), events=tuple(events))


class NoParseStage:
    name = "no_parse"
    needs: frozenset[str] = frozenset()
    gives = frozenset({"parsed", "body"})

    def __call__(self, doc: Doc) -> Doc:
        return replace(doc, body=(Span(0, len(doc.article.text)),), parsed=None)
