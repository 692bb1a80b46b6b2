"""The attribution stage: who vouches for each event.

Reads `doc.sources`, `doc.attributions` and `doc.events`; sets each Event's `attributed_to`
to Source ids:

- an event whose trigger lies inside an attribution's content (a quote, the clause of a
  reporting verb or of "according to X", a belief, an intention, a poll's finding, a denial)
  is attributed to that attribution's source (the innermost one's, and every one's that
  holds it): "analysts predict that such a withdrawal could lead to ..." -> the analysts;
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
from eventwire.model import Attribution, Doc, Event, Source, Span

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
    """Sources cited but never given words of their own: they back the outlet's report."""
    speaking = {a.source for a in doc.attributions if a.source}
    return [
        s
        for s in doc.sources
        if s is not outlet
        and s.id not in speaking
        and s.kind in ("anonymous", "named")
        and s.span is not None
    ]


class Attributor:
    """What every event's attribution reads, worked out once per article: the governing
    outlet, the backing sources and their paragraphs, the attributions' content by position
    (so that an event looks only at the content near its trigger)."""

    def __init__(self, doc: Doc) -> None:
        self.paragraphs = Paragraphs(doc)
        self.outlet = governing_outlet(doc, self.paragraphs)
        self.backing = backing_sources(doc, self.outlet)
        # each backing source's paragraph, sorted, for "named at most a paragraph before
        # the event" by binary search (with the source's place in the list)
        placed = sorted(
            (self.paragraphs.index(s.span.start), order)
            for order, s in enumerate(self.backing)
            if s.span is not None
        )
        self.backing_paragraphs = [paragraph for paragraph, _ in placed]
        self.backing_order = [order for _, order in placed]
        self.attributions = [a for a in doc.attributions if a.source]
        pieces = sorted(
            (piece.start, piece.end, order)
            for order, a in enumerate(self.attributions)
            for piece in a.content
        )
        self.pieces = pieces
        self.piece_starts = [start for start, _, _ in pieces]
        self.longest_piece = max((end - start for start, end, _ in pieces), default=0)

    def holders(self, trigger: Span) -> list[Attribution]:
        """The attributions whose content holds the trigger, innermost first."""
        first = bisect.bisect_left(self.piece_starts, trigger.start - self.longest_piece)
        last = bisect.bisect_right(self.piece_starts, trigger.start)
        orders = sorted(
            {order for start, end, order in self.pieces[first:last] if end >= trigger.end}
        )
        holding = [self.attributions[order] for order in orders]
        return sorted(holding, key=lambda a: sum(p.end - p.start for p in a.content))

    def attribute(self, trigger: Span) -> tuple[str, ...]:
        holding = self.holders(trigger)
        if holding:
            ids: list[str] = []
            for attribution in holding:
                if attribution.source is not None and attribution.source not in ids:
                    ids.append(attribution.source)
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
    needs = frozenset({"body", "sources", "attributions", "events"})
    gives = frozenset({"attribution"})

    def __call__(self, doc: Doc) -> Doc:
        if not doc.events:
            return doc
        attributor = Attributor(doc)
        events: list[Event] = []
        for event in doc.events:
            check_budget()
            events.append(replace(event, attributed_to=attributor.attribute(event.trigger)))
        return replace(doc, events=tuple(events))
