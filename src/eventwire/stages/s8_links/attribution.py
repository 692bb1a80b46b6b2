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

from dataclasses import replace

from eventwire.model import Attribution, Doc, Event, Source, Span

# An outlet named in the first this-many body paragraphs governs the report (the lede and
# the paragraph that cites the report; calibrated on the sample and wire rewrites).
LEDE_PARAGRAPHS = 3
# Backing sources cover narration up to this many paragraphs after the paragraph naming them.
BACKING_REACH = 1


def paragraph_index(doc: Doc, pos: int) -> int:
    for index, span in enumerate(doc.body):
        if span.start <= pos < max(span.end, span.start + 1):
            return index
    return doc.article.text.count("\n", 0, pos)


def governing_outlet(doc: Doc) -> Source | None:
    outlets = [s for s in doc.sources if s.kind == "outlet"]
    if doc.article.outlet:
        for source in outlets:
            if source.name == doc.article.outlet:
                return source
    for source in outlets:
        if source.span is None or paragraph_index(doc, source.span.start) < LEDE_PARAGRAPHS:
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


def holders(doc: Doc, trigger: Span) -> list[Attribution]:
    """The attributions whose content holds the trigger, innermost first."""
    holding = [
        a for a in doc.attributions if a.source and any(p.contains(trigger) for p in a.content)
    ]
    return sorted(holding, key=lambda a: sum(p.end - p.start for p in a.content))


def attribute(doc: Doc, trigger: Span) -> tuple[str, ...]:
    holding = holders(doc, trigger)
    if holding:
        ids: list[str] = []
        for attribution in holding:
            if attribution.source is not None and attribution.source not in ids:
                ids.append(attribution.source)
        outlet = governing_outlet(doc)
        if outlet is not None and outlet.id in ids:
            ids += [s.id for s in backing_sources(doc, outlet) if s.id not in ids]
        return tuple(ids)
    outlet = governing_outlet(doc)
    if outlet is None:
        return ()
    ids = [outlet.id]
    event_paragraph = paragraph_index(doc, trigger.start)
    for source in backing_sources(doc, outlet):
        if (
            source.span is not None
            and event_paragraph <= paragraph_index(doc, source.span.start) + BACKING_REACH
        ):
            ids.append(source.id)
    return tuple(ids)


class AttributionStage:
    name = "attribution"
    needs = frozenset({"body", "sources", "attributions", "events"})
    gives = frozenset({"attribution"})

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = [
            replace(e, attributed_to=attribute(doc, e.trigger)) for e in doc.events
        ]
        return replace(doc, events=tuple(events))
