"""Event-time stage: give each event the time expression its sentence attaches to it.

Reads `doc.events`, `doc.times` and `doc.parsed`. For each event, the candidate times are the
dated expressions (DATE, TIME, and durations with an interval) inside the event's sentence;
the one nearest to the trigger in the dependency tree wins, if it is near enough and not in
a clause of its own below the trigger's ("an agreement on a deal which would see troops
pull out by September 2025": the date belongs to "pull out", not to "agreement").

The preposition before the time gives the relation (by, before, after, since, until, during,
on); a bare date gives "on", a bare month, week or year "during"; a time attached to
"began"/"started" gives "began", one attached to "ended"/"concluded" gives "ended". A time
chained on an earlier one ("by September 2025 ... after another year") takes the relation of
the earlier one's preposition: the "after" is part of computing the value, not a relation.

When the sentence gives no time, an event whose modality is "occurred" is dated to the
publication day as a marked fallback: relation "on", value the publication date, time_id
None, "time:publication-fallback" in its trace and its confidence lowered by 0.1. Other events
keep no time.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from eventwire.budget import check_budget
from eventwire.model import Doc, Event, EventTime, Span, TimeExpr

log = logging.getLogger(__name__)

PREPOSITION_RELATIONS = {
    "by": "by",
    "before": "before",
    "prior": "before",
    "after": "after",
    "following": "after",
    "since": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "during": "during",
    "in": "during",
    "within": "during",
    "over": "during",
    "throughout": "during",
    "on": "on",
    "at": "on",
    "of": "on",
}
# The words a range's span opens with ("from 2009 to 2011"): an event dated by it happens
# during it.
RANGE_OPENERS = frozenset({"from", "between"})
BEGIN_VERBS = frozenset({"begin", "start", "launch", "commence", "open", "kick"})
END_VERBS = frozenset({"end", "conclude", "finish", "complete", "close", "wrap"})
# A time further than this many dependency edges from the trigger is taken to belong to
# another clause. Calibrated on the sample article: its attached times lie 1-4 edges away.
MAX_TREE_DISTANCE = 5
# A later definite mention of an event's noun ("those talks, which began in January") gives
# it a time when it is in one of the next this many sentences.
LATER_SENTENCES = 2
ANAPHORIC_DETERMINERS = frozenset({"the", "those", "these", "that", "this"})
FALLBACK_PENALTY = 0.1
FALLBACK_TRACE = "time:publication-fallback"


class EventTimeStage:
    name = "event_times"
    needs = frozenset({"parsed", "times", "events"})
    gives = frozenset({"event_times"})

    def __call__(self, doc: Doc) -> Doc:
        if not doc.events:
            return doc
        events = []
        for event in doc.events:
            check_budget()
            events.append(date_event(doc, event))
        return replace(doc, events=tuple(events))


def date_event(doc: Doc, event: Event) -> Event:
    linked = attached_time(doc, event)
    if linked is not None:
        time, relation = linked
        event_time = EventTime(relation, time.value, time.interval, time.id)
        return replace(event, time=event_time, trace=(*event.trace, f"time:{time.id}"))
    later = time_of_later_mention(doc, event)
    if later is not None:
        time, relation, noun = later
        event_time = EventTime(relation, time.value, time.interval, time.id)
        trace = (*event.trace, f"time:{time.id}", f"time:later-mention:{noun.idx}")
        return replace(event, time=event_time, trace=trace)
    published = publication_day(doc.article.published)
    if event.modality != "occurred" or published is None:
        return event
    day = published.isoformat()
    log.debug("article %s: event %s dated to publication", doc.article.id, event.id)
    return replace(
        event,
        time=EventTime("on", day, (day, day), None),
        trace=(*event.trace, FALLBACK_TRACE),
        confidence=max(0.0, round(event.confidence - FALLBACK_PENALTY, 4)),
    )


def publication_day(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()  # the local day in the publication's own timezone
    return published


def linkable(time: TimeExpr) -> bool:
    if time.type == "SET" or time.value.endswith("_REF"):
        return False
    return time.type != "DURATION" or time.interval is not None


def trigger_token(doc: Doc, event: Event) -> Any:
    if doc.parsed is None:
        return None
    span = doc.parsed.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def attached_time(doc: Doc, event: Event) -> tuple[TimeExpr, str] | None:
    trigger = trigger_token(doc, event)
    if trigger is None:
        return None
    return time_below(doc, trigger, event.sentence)


def time_of_later_mention(doc: Doc, event: Event) -> tuple[TimeExpr, str, Any] | None:
    """A time a later sentence gives the same event through a definite mention of its noun
    with a clause of its own: "technical talks ... have concluded. ... those diplomatic
    talks, which began in January" dates the talks to January. Only a noun trigger, only
    the next LATER_SENTENCES sentences, only "the/those/these/that/this" + the same lemma,
    and only a time inside a relative or participle clause on that noun."""
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ != "NOUN":
        return None
    sent = trigger.sent
    for _ in range(LATER_SENTENCES):
        if sent.end >= len(sent.doc):
            return None
        sent = sent.doc[sent.end].sent
        for noun in sent:
            if noun.lemma_ != trigger.lemma_ or noun.pos_ != "NOUN" or not is_definite(noun):
                continue
            clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
            bounds = Span(sent.start_char, sent.end_char)
            for clause in clauses:
                found = time_below(doc, clause, bounds, within=clause)
                if found is not None:
                    return (*found, noun)
    return None


def is_definite(noun: Any) -> bool:
    return any(t.dep_ == "det" and t.lower_ in ANAPHORIC_DETERMINERS for t in noun.children)


def time_below(
    doc: Doc, trigger: Any, bounds: Span, *, within: Any = None
) -> tuple[TimeExpr, str] | None:
    """The time in `bounds` nearest to `trigger` in the tree (and, with `within`, inside
    that token's subtree), with its relation."""
    inside = {t.i for t in within.subtree} if within is not None else None
    best: tuple[int, int, TimeExpr, Any] | None = None  # distance, gap, time, its tokens
    for time in times_within(doc.times, bounds):
        if not (linkable(time) and bounds.contains(time.span)):
            continue
        span = doc.parsed.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if inside is not None and span.root.i not in inside:
            continue
        distance = tree_distance(trigger, span.root)
        if distance is None or distance > MAX_TREE_DISTANCE:
            continue
        if in_other_clause(trigger, span.root):
            continue
        key = (distance, abs(span.root.i - trigger.i), time, span)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None:
        return None
    return best[2], relation_of(doc, best[2], best[3])


def times_within(times: tuple[TimeExpr, ...], bounds: Span) -> tuple[TimeExpr, ...]:
    """The times that start inside `bounds` (a binary search: the time stage gives them in
    text order), so that each event reads only its sentence's times."""
    first = bisect.bisect_left(times, bounds.start, key=time_start)
    last = bisect.bisect_left(times, bounds.end, key=time_start)
    return times[first:last]


def time_start(time: TimeExpr) -> int:
    return time.span.start


def tree_distance(a: Any, b: Any) -> int | None:
    """Edges between two tokens through their lowest common ancestor (None: other sentence)."""
    up_a = [a, *a.ancestors]
    depth_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth_a:
            return depth_a[t.i] + n
    return None


def in_other_clause(trigger: Any, root: Any) -> bool:
    """True when the time hangs in a clause of its own below the trigger's clause.

    The path from the common ancestor down to the time may pass through a verb only when
    that verb completes the same predicate ("expected to take place this month": xcomp) or
    is a relative clause on the trigger itself ("talks, which began in January").
    """
    trigger_line = {t.i for t in (trigger, *trigger.ancestors)}
    for token in root.ancestors:
        if token.i in trigger_line:
            return False
        if token.pos_ in ("VERB", "AUX") and not (
            token.dep_ == "xcomp" or (token.dep_ in ("relcl", "acl") and token.head.i == trigger.i)
        ):
            return True
    return False


def preposition(span: Any) -> str | None:
    """The preposition just before a time expression's span, lower case ("by", "since")."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if before.dep_ == "prep" or before.tag_ == "IN" or before.lower_ in PREPOSITION_RELATIONS:
        return before.lower_
    return None


def relation_of(doc: Doc, time: TimeExpr, span: Any) -> str:
    word = preposition(span)
    relation = PREPOSITION_RELATIONS.get(word or "", "on")
    if word is None and time.interval is not None and time.interval[0] != time.interval[1]:
        relation = "during"  # "take place this month": a bare month, year or week spans it
    if time.type == "DURATION" and span[0].lower_ in RANGE_OPENERS:
        relation = "during"  # a range: "deliver from 2009 to 2011", "between 2014 and 2016"
    if time.anchor not in (None, "publication") and word in ("after", "in", "within", None):
        earlier = next((t for t in doc.times if t.id == time.anchor), None)
        earlier_span = (
            None
            if earlier is None
            else doc.parsed.char_span(earlier.span.start, earlier.span.end, alignment_mode="expand")
        )
        if earlier_span is not None and len(earlier_span):
            relation = PREPOSITION_RELATIONS.get(preposition(earlier_span) or "", "on")
    root = span.root
    governor = root.head.head if root.dep_ == "pobj" else root.head
    if relation in ("on", "during"):
        if governor.lemma_ in BEGIN_VERBS:
            return "began"
        if governor.lemma_ in END_VERBS:
            return "ended"
    return relation
