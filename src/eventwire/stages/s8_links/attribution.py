"""The attribution stage: who vouches for each event.

Reads `doc.sources`, `doc.quotes` and `doc.events`; sets each Event's `attributed_to` to
Source ids:

- an event whose trigger lies inside a quote (a direct quote, or the clause of a reporting
  verb or of "according to X") is attributed to that quote's speaker (the innermost quote's,
  and every quote's that holds it);
- an event in plain narration falls to the outlet that governs the report: `article.outlet`
  when set, else an outlet named in the first paragraphs ("According to a report by the
  Reuters news agency, ..."). Anonymous or named sources the text cites without quoting
  them ("derived from several sources, including five US officials") back that outlet's
  report: they are added to the outlet for events up to the paragraph after the one that
  names them, where reports state their sourcing;
- with no outlet known, narration is left unattributed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from eventwire.budget import check_budget
from eventwire.model import Doc, Event, Quote, Source, Span

# An outlet named in the first this-many body paragraphs governs the report (the lede and
# the paragraph that cites the report; calibrated on the sample and wire rewrites).
LEDE_PARAGRAPHS = 3
# Backing sources cover narration up to this many paragraphs after the paragraph naming them.
BACKING_REACH = 1


class Paragraphs:
    """The body paragraph (index into `doc.body`) of a position, by binary search; outside
    the body, the text's line number."""

    def __init__(self, doc: Doc) -> None:
        self.body = doc.body
        self.starts = [span.start for span in doc.body]
        self.text = doc.article.text
        self.breaks: list[int] | None = None

    def index(self, pos: int) -> int:
        at = bisect.bisect_right(self.starts, pos) - 1
        if at >= 0 and pos < max(self.body[at].end, self.body[at].start + 1):
            return at
        if self.breaks is None:
            self.breaks = [m.start() for m in re.finditer("\n", self.text)]
        return bisect.bisect_left(self.breaks, pos)


def governing_outlet(doc: Doc, paragraphs: Paragraphs) -> Source | None:
    outlets = [s for s in doc.sources if s.kind == "outlet"]
    if doc.article.outlet:
        for source in outlets:
            if source.name == doc.article.outlet:
                return source
    for source in outlets:
        if source.span is None or paragraphs.index(source.span.start) < LEDE_PARAGRAPHS:
            return source
    return None


def backing_sources(doc: Doc, outlet: Source | None) -> list[Source]:
    quoted = {q.speaker for q in doc.quotes if q.speaker}
    return [
        s
        for s in doc.sources
        if s is not outlet
        and s.id not in quoted
        and s.kind in ("anonymous", "named")
        and s.span is not None
    ]


class Attribution:
    """What every event's attribution reads, worked out once per article: the governing
    outlet, the backing sources and their paragraphs, the quotes by position."""

    def __init__(self, doc: Doc) -> None:
        paragraphs = Paragraphs(doc)
        self.outlet = governing_outlet(doc, paragraphs)
        self.paragraphs = paragraphs
        self.backing = backing_sources(doc, self.outlet)
        # (paragraph, order) of each backing source, sorted, for "named up to a paragraph
        # before the event" by binary search
        placed = sorted(
            (paragraphs.index(s.span.start), order)
            for order, s in enumerate(self.backing)
            if s.span is not None
        )
        self.backing_paragraphs = [paragraph for paragraph, _ in placed]
        self.backing_order = [order for _, order in placed]
        quotes = [q for q in doc.quotes if q.speaker]
        self.quotes = sorted(range(len(quotes)), key=lambda n: quotes[n].span.start)
        self.quote_list = quotes
        self.quote_starts = [quotes[n].span.start for n in self.quotes]
        self.longest_quote = max((q.span.end - q.span.start for q in quotes), default=0)

    def holding(self, trigger: Span) -> list[Quote]:
        """The quotes (with a speaker) that contain the trigger, in their given order."""
        first = bisect.bisect_left(self.quote_starts, trigger.start - self.longest_quote)
        last = bisect.bisect_right(self.quote_starts, trigger.start)
        near = sorted(self.quotes[first:last])
        return [self.quote_list[n] for n in near if self.quote_list[n].span.contains(trigger)]

    def attribute(self, trigger: Span) -> tuple[str, ...]:
        holding = self.holding(trigger)
        if holding:
            holding.sort(key=lambda q: q.span.end - q.span.start)
            ids: list[str] = []
            for quote in holding:
                if quote.speaker is not None and quote.speaker not in ids:
                    ids.append(quote.speaker)
            if self.outlet is not None and self.outlet.id in ids:
                ids += [s.id for s in self.backing if s.id not in ids]
            return tuple(ids)
        if self.outlet is None:
            return ()
        event_paragraph = self.paragraphs.index(trigger.start)
        first = bisect.bisect_left(self.backing_paragraphs, event_paragraph - BACKING_REACH)
        backing = sorted(self.backing_order[first:])
        return (self.outlet.id, *(self.backing[n].id for n in backing))


class AttributionStage:
    name = "attribution"
    needs = frozenset({"body", "sources", "quotes", "events"})
    gives = frozenset({"attribution"})

    def __call__(self, doc: Doc) -> Doc:
        if not doc.events:
            return doc
        attribution = Attribution(doc)
        events: list[Event] = []
        for event in doc.events:
            check_budget()
            events.append(replace(event, attributed_to=attribution.attribute(event.trigger)))
        return replace(doc, events=tuple(events))
