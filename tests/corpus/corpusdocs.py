"""Hand-built reports for the corpus tests (no spaCy): a short text and the events in it,
stated the way the pipeline states them, so that a test says exactly what each article
reports. Imported by the tests in this folder (which put it on sys.path)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.api import make_article
from eventwire.model import Actor, Doc, Event, EventTime, Place, Source, Span
from eventwire.output import ArticleResult
from eventwire.store import Entry

COUNTRIES = {"Iraq": "IRQ", "United States": "USA", "US": "USA", "Kenya": "KEN", "Israel": "ISR",
             "Nigeria": "NGA", "Pentagon": "USA", "Iran": "IRN"}  # fmt: skip
PLACES = {"Baghdad": ("IRQ", 33.31, 44.36), "Basra": ("IRQ", 30.51, 47.78),
          "Gaza City": ("PSE", 31.50, 34.47), "Nairobi": ("KEN", -1.29, 36.82),
          "Ain al-Asad": ("IRQ", 33.80, 42.44), "Lagos": ("NGA", 6.45, 3.39)}  # fmt: skip


@dataclass(frozen=True)
class Ev:
    """One event of a report: its trigger word (found in the text), type and lemma, and
    what the pipeline would say of it."""

    trigger: str
    type: str
    lemma: str
    modality: str = "occurred"
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    place: str | None = None
    time: tuple[str, str, str | None, str | None] | None = None  # relation, value, lo, hi
    mode: str | None = None
    sources: tuple[str, ...] = ()  # ids of the report's sources
    nth: int = 0  # which occurrence of the trigger word


@dataclass(frozen=True)
class Report:
    text: str
    published: str
    events: tuple[Ev, ...]
    outlet: str | None = None
    url: str | None = None
    sources: tuple[Source, ...] = field(default_factory=tuple)

    def doc(self) -> Doc:
        article = make_article(self.text, published=self.published, url=self.url,
                               outlet=self.outlet)  # fmt: skip
        places: list[Place] = []
        events = []
        for n, ev in enumerate(self.events, start=1):
            start = -1
            for _ in range(ev.nth + 1):
                start = self.text.index(ev.trigger, start + 1)
            trigger = Span(start, start + len(ev.trigger))
            begin = self.text.rfind(".", 0, start) + 1
            end = self.text.find(".", start)
            sentence = Span(begin, len(self.text) if end < 0 else end + 1)
            place_id = None
            if ev.place is not None:
                country, lat, lon = PLACES[ev.place]
                at = self.text.find(ev.place)
                span = Span(max(at, 0), max(at, 0) + len(ev.place))
                place_id = f"p{len(places) + 1}"
                places.append(Place(place_id, span, ev.place, "city", country, None, lat, lon,
                                    None, 0.9, "test"))  # fmt: skip
            if ev.time is None:
                time, trace = None, ()
            elif ev.time[0] == "fallback":
                day = self.published
                time, trace = EventTime("on", day, (day, day), None), ("time:publication-fallback",)
            else:
                relation, value, lo, hi = ev.time
                time, trace = EventTime(relation, value, (lo, hi), None), ()
            events.append(Event(
                id=f"e{n}", type=ev.type, plover_type=ev.type, mode=ev.mode,
                modality=ev.modality, modality_cue=None, trigger=trigger, sentence=sentence,
                actors=tuple(actor(a) for a in ev.actors),
                recipients=tuple(actor(a) for a in ev.recipients), confidence=0.8,
                trace=(f"trigger:verb:{ev.lemma}->{ev.type}", *trace), place=place_id,
                time=time, attributed_to=ev.sources,
            ))  # fmt: skip
        return ArticleResult(article=article, body=(Span(0, len(self.text)),),
                             places=tuple(places), sources=self.sources,
                             events=tuple(events))  # fmt: skip


def actor(name: str) -> Actor:
    return Actor(name, COUNTRIES.get(name), "GOV" if name in COUNTRIES else None, rule="test")


def add(store, linker, report: Report | Doc, *, item: str | None = None) -> Doc:
    """Write a report and link it, in one transaction, as ingest does."""
    doc = report.doc() if isinstance(report, Report) else report
    with store.transaction():
        [outcome] = store.write([Entry(doc, item, "digest" if item else None)])
        if outcome != "exists":
            linker.link(store, doc, item=item)
    return doc


def wire(name: str, sid: str = "s1") -> Source:
    return Source(sid, "outlet", name, None, None, None, Span(0, 1), "test")


def named(name: str, sid: str = "s1") -> Source:
    return Source(sid, "named", name, None, None, None, Span(0, 1), "test")


def anonymous(affiliation: str, role: str = "officials", sid: str = "s1") -> Source:
    return Source(sid, "anonymous", None, 2, affiliation, role, Span(0, 1), "test")


# A withdrawal planned with a deadline, postponed, then done: the ledger's three reports
# (the ledger tests and the web tests' store use them).
PLAN = Report(
    "The United States agreed on Friday to withdraw its troops from Ain al-Asad air base by "
    "September 2025, Iraqi officials said.", "2024-09-06",
    (Ev("agreed", "AGREE", "agree", actors=("United States",),
        time=("on", "2024-09-06", "2024-09-06", "2024-09-06")),
     Ev("withdraw", "RETREAT", "withdraw", "planned", actors=("United States",),
        recipients=("its troops",), place="Ain al-Asad", mode="withdraw",
        time=("by", "2025-09", "2025-09-01", "2025-09-30"))),
    outlet="Reuters",
)  # fmt: skip
POSTPONED = Report(
    "The withdrawal of US troops from Ain al-Asad air base has been postponed until September "
    "2026, the Pentagon said on Monday.", "2025-03-10",
    (Ev("withdrawal", "RETREAT", "withdrawal", actors=("US",), place="Ain al-Asad",
        mode="withdraw", time=("until", "2026-09", "2026-09-01", "2026-09-30")),),
    outlet="Al-Monitor",
)  # fmt: skip
DONE = Report(
    "US troops withdrew from Ain al-Asad air base on Sunday, Iraqi officials said.",
    "2026-09-20",
    (Ev("withdrew", "RETREAT", "withdraw", actors=("US",), place="Ain al-Asad", mode="withdraw",
        time=("on", "2026-09-20", "2026-09-20", "2026-09-20")),),
    outlet="The National",
)  # fmt: skip
