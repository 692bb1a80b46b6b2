"""`eventwire bench stories`: the cost of linking each new article into stories and the
ledger as the store grows.

Synthetic reports are written one article per transaction, as ingest writes them, each
linked by `eventwire.corpus.Linker` in that transaction. Every article has 10 events in
sentences of their own; each event reports a happening (type, verb, two actors, a place, a
day), either one reported before (4 in 10: the same event in another outlet, in other words)
or a new one. Verbs follow a Zipf law over 300 (the commonest, "say", is a sixth of all
events), and 1 event in 20 is a plan with a deadline (the ledger). Two ways to grow:

- a steady flow (the default): `PER_DAY` articles a day, in publication order, so the store
  grows by adding days, as a news store does;
- all reports spread over `days` days in random order (`--days`): each month then holds
  more events as the store grows, the case where an unbounded lookup would slow down, and
  where the bound on candidates per lookup key (`linker.CANDIDATES_PER_KEY`) caps the cost.

The time of `Linker.link` is measured for each article (wall and CPU time), with the number
of earlier events and of pending commitments it compared with, and reported per window of
`checkpoint` events.
"""

from __future__ import annotations

import itertools
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from eventwire.corpus import Linker
from eventwire.model import PLOVER_TYPES, Actor, Article, Doc, Event, EventTime, Place, Span
from eventwire.read.text import article_id
from eventwire.store.base import Entry
from eventwire.store.sql import SqlStore

EVENTS_PER_ARTICLE = 10
VERBS = 300
START = date(2024, 1, 1)
RECENT = 2000  # happenings an article may report again
PER_DAY = 100  # articles a day in the steady flow (1,000 events)
FILLER = tuple(f"w{i}" for i in range(3000))
OUTLETS = tuple(f"Outlet {i}" for i in range(30))
NAMES = tuple(f"Name{i}" for i in range(4000))
COUNTRIES = ("USA", "IRQ", "IRN", "SYR", "ISR", "PSE", "UKR", "RUS", "CHN", "IND", "NGA", "KEN")


@dataclass(frozen=True, slots=True)
class Happening:
    type: str
    verb: str
    actor: str
    country: str
    recipient: str
    place: str
    lat: float
    lon: float
    day: date
    planned: bool


@dataclass(frozen=True, slots=True)
class Window:
    events: int  # events in the store after this window
    articles: int
    link_ms_mean: float
    link_ms_p95: float
    link_cpu_ms_mean: float  # CPU time of this process while linking (the machine may be shared)
    write_ms_mean: float
    candidates_mean: float  # earlier events read per article to compare with
    commitments_mean: float  # pending commitments read per article to compare with
    stories: int


@dataclass(frozen=True, slots=True)
class StoriesBench:
    windows: list[Window]
    days: int | None  # None: the steady flow

    def growth(self) -> str:
        if self.days is None:
            return f"a steady flow of {PER_DAY:,} articles a day"
        return f"all reports over {self.days:,} days"

    def to_dict(self) -> dict[str, object]:
        return {"days": self.days, "windows": [asdict(w) for w in self.windows]}


# Zipf weights 1/rank: the commonest verb is about a sixth of all events.
CUMULATIVE = list(itertools.accumulate(1 / (rank + 1) for rank in range(VERBS)))


def verb_of(rng: random.Random) -> tuple[str, str]:
    [rank] = rng.choices(range(VERBS), cum_weights=CUMULATIVE)
    if rank == 0:
        return "say", "OTHER"
    return f"verb{rank}", PLOVER_TYPES[rank % len(PLOVER_TYPES)] if rank % 3 else "OTHER"


def new_happening(rng: random.Random, day: date) -> Happening:
    verb, kind = verb_of(rng)
    return Happening(kind, verb, rng.choice(NAMES), rng.choice(COUNTRIES), rng.choice(NAMES),
                     f"Town{rng.randrange(500)}", rng.uniform(-40, 60), rng.uniform(-100, 120),
                     day, rng.random() < 0.05)  # fmt: skip


def report(rng: random.Random, number: int, happenings: list[Happening], *,
           days: int | None) -> Doc:  # fmt: skip
    """One article; with `days`, its new happenings fall on any of that many days, else on
    the day of the steady flow the article belongs to (or the two days before)."""
    chosen = []
    for _ in range(EVENTS_PER_ARTICLE):
        if happenings and rng.random() < 0.4:
            chosen.append(rng.choice(happenings))
        else:
            offset = rng.randrange(days) if days else number // PER_DAY - rng.randrange(3)
            chosen.append(new_happening(rng, START + timedelta(days=max(offset, 0))))
            happenings.append(chosen[-1])
    parts: list[str] = []
    events, places = [], []
    offset = 0
    for i, h in enumerate(chosen):
        filler = " ".join(rng.choice(FILLER) for _ in range(8))
        sentence = f"{h.actor} {h.verb} {h.recipient} in {h.place} {filler}. "
        trigger = Span(offset + len(h.actor) + 1, offset + len(h.actor) + 1 + len(h.verb))
        at = offset + sentence.index(h.place)
        places.append(Place(f"p{i}", Span(at, at + len(h.place)), h.place, "city", h.country,
                            None, h.lat, h.lon, None, 0.8, "bench"))  # fmt: skip
        if h.planned:
            month = h.day + timedelta(days=90)
            last = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            time_ = EventTime("by", f"{month:%Y-%m}", (f"{month:%Y-%m}-01", last.isoformat()),
                              None)  # fmt: skip
        else:
            time_ = EventTime("on", h.day.isoformat(), (h.day.isoformat(),) * 2, None)
        events.append(Event(
            id=f"e{i + 1}", type=h.type, plover_type=h.type, mode=None,
            modality="planned" if h.planned else "occurred", modality_cue=None, trigger=trigger,
            sentence=Span(offset, offset + len(sentence) - 1),
            actors=(Actor(h.actor, h.country, "GOV"),),
            recipients=(Actor(h.recipient, None, None),),
            confidence=0.7, trace=(f"trigger:verb:{h.verb}->{h.type}",), place=f"p{i}",
            time=time_,
        ))  # fmt: skip
        parts.append(sentence)
        offset += len(sentence)
    text = "".join(parts) + f"Report {number}."
    day = max(h.day for h in chosen) + timedelta(days=rng.randrange(3))
    article = Article(id=article_id(text), text=text, published=day, outlet=rng.choice(OUTLETS),
                      url=f"https://news.example/{number}", language="en")  # fmt: skip
    return Doc(article=article, body=(Span(0, len(text)),), places=tuple(places),
               events=tuple(events))  # fmt: skip


def synthetic_reports(n_articles: int, *, days: int | None = None,
                      seed: int = 1) -> Iterator[Doc]:  # fmt: skip
    rng = random.Random(seed)
    happenings: list[Happening] = []
    for number in range(n_articles):
        yield report(rng, number, happenings, days=days)
        del happenings[:-RECENT]


def run_bench(store: SqlStore, n_events: int, *, checkpoint: int = 10_000,
              days: int | None = None,
              progress: Callable[[int], None] | None = None) -> StoriesBench:  # fmt: skip
    linker = Linker()
    windows: list[Window] = []
    link_ms: list[float] = []
    link_cpu: list[float] = []
    write_ms: list[float] = []
    events = 0
    compared = promised = 0
    reports = synthetic_reports(-(-n_events // EVENTS_PER_ARTICLE), days=days)
    for articles, doc in enumerate(reports, start=1):
        start = time.perf_counter()
        with store.transaction():
            store.write([Entry(doc)])
            linked, cpu = time.perf_counter(), time.process_time()
            linker.link(store, doc)
            done = time.perf_counter()
            link_cpu.append((time.process_time() - cpu) * 1000)
        write_ms.append((linked - start + time.perf_counter() - done) * 1000)
        link_ms.append((done - linked) * 1000)
        events += len(doc.events)
        if progress is not None:
            progress(len(doc.events))
        if events % checkpoint == 0 or events >= n_events:
            row = store.one("SELECT count(*) FROM stories")
            windows.append(Window(events, articles, statistics.mean(link_ms),
                                  sorted(link_ms)[int(0.95 * (len(link_ms) - 1))],
                                  statistics.mean(link_cpu), statistics.mean(write_ms),
                                  (linker.compared - compared) / len(link_ms),
                                  (linker.promises_compared - promised) / len(link_ms),
                                  int(row[0]) if row else 0))  # fmt: skip
            link_ms, link_cpu, write_ms = [], [], []
            compared, promised = linker.compared, linker.promises_compared
    return StoriesBench(windows, days)


def format_bench(result: StoriesBench) -> str:
    lines = [f"linking each new article (10 events) into stories and the ledger, per window "
             f"({result.growth()}):",
             f"  {'events':>9} {'articles':>9} {'link ms mean':>13} {'p95':>7} "
             f"{'CPU ms':>7} {'write ms':>9} {'events cmp':>10} {'promises cmp':>12} "
             f"{'stories':>9}"]  # fmt: skip
    for w in result.windows:
        lines.append(f"  {w.events:>9,} {w.articles:>9,} {w.link_ms_mean:>13.2f} "
                     f"{w.link_ms_p95:>7.2f} {w.link_cpu_ms_mean:>7.2f} {w.write_ms_mean:>9.2f} "
                     f"{w.candidates_mean:>10.1f} {w.commitments_mean:>12.1f} "
                     f"{w.stories:>9,}")  # fmt: skip
    if len(result.windows) > 1:
        first, last = result.windows[0], result.windows[-1]
        lines.append(f"  last window / first window: mean link time "
                     f"{last.link_ms_mean / first.link_ms_mean:.2f}, CPU "
                     f"{last.link_cpu_ms_mean / first.link_cpu_ms_mean:.2f}")  # fmt: skip
    return "\n".join(lines)
