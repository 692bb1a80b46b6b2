"""`eventwire bench store`: build a synthetic store and time writes and filtered queries.

The synthetic articles are random word salads with hand-made events (types, modalities,
actors, places with coordinates, event times: most a day long, some long or open) spread
over 2015-2024, 20 outlets and 40 countries, written through the same `Store.write` as
ingest (with near-duplicate hashing), in transactions of `BATCH` articles.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.model import (
    MODALITIES,
    PLOVER_TYPES,
    Actor,
    Article,
    Doc,
    Event,
    EventTime,
    Place,
    Span,
)
from eventwire.read.text import article_id
from eventwire.store.base import Entry, EventFilter, Store

EVENTS_PER_ARTICLE = 10
BATCH = 200
QUERY_LIMIT = 100
QUERY_REPEATS = 10
COUNTRIES = (
    "USA", "IRQ", "IRN", "SYR", "ISR", "PSE", "LBN", "JOR", "SAU", "YEM", "EGY", "TUR", "RUS",
    "UKR", "CHN", "TWN", "IND", "PAK", "AFG", "GBR", "FRA", "DEU", "ITA", "ESP", "POL", "NGA",
    "ETH", "SDN", "SOM", "KEN", "ZAF", "BRA", "MEX", "COL", "VEN", "ARG", "JPN", "KOR", "PRK",
    "AUS",
)  # fmt: skip
SECTORS = ("GOV", "MIL", "REB", "PTY", "CVL", "BUS", "MED", "COP", "JUD", "LEG")
OUTLETS = tuple(f"Outlet {i}" for i in range(20))
WORDS = (*(f"w{i}" for i in range(5000)), "ceasefire", "talks", "strike", "protest")
START = date(2015, 1, 1)
DAYS = 3650


@dataclass(frozen=True, slots=True)
class BenchResult:
    events: int
    articles: int
    write_seconds: float
    write_cpu_seconds: float  # this process's CPU time while writing (the machine may be shared)
    query_ms: dict[str, tuple[float, float]]  # name -> (p50, p95)
    all_p50: float
    all_p95: float

    @property
    def write_rate(self) -> float:
        return self.events / self.write_seconds if self.write_seconds else 0.0


def synthetic_doc(rng: random.Random, number: int) -> Doc:
    words = [rng.choice(WORDS) for _ in range(120)]
    text = " ".join(words) + f" n{number}."
    day = START + timedelta(days=rng.randrange(DAYS))
    article = Article(id=article_id(text), text=text, published=day,
                      url=f"https://news.example/{number}", title=" ".join(words[:6]),
                      outlet=rng.choice(OUTLETS), language="en")  # fmt: skip
    places, events = [], []
    for i in range(EVENTS_PER_ARTICLE):
        start = rng.randrange(0, len(text) - 40)
        span = Span(start, start + 8)
        country = rng.choice(COUNTRIES)
        places.append(Place(f"p{i}", span, f"Town {rng.randrange(2000)}", "city", country,
                            f"{country}.{rng.randrange(20):02d}", rng.uniform(-60, 70),
                            rng.uniform(-180, 180), None, 0.8, "bench"))  # fmt: skip
        lo = day - timedelta(days=rng.randrange(0, 5))
        roll = rng.random()
        hi = lo if roll < 0.9 else lo + timedelta(days=rng.randrange(40, 400))
        interval = (lo.isoformat(), None if roll > 0.98 else hi.isoformat())
        actors = tuple(Actor(f"Actor {rng.randrange(3000)}", rng.choice(COUNTRIES),
                             rng.choice(SECTORS)) for _ in range(rng.randint(1, 2)))  # fmt: skip
        kind = rng.choice(PLOVER_TYPES)
        events.append(Event(
            id=f"e{i}", type=kind, plover_type=kind, mode=None, modality=rng.choice(MODALITIES),
            modality_cue=None, trigger=span, sentence=Span(max(0, start - 30), start + 40),
            actors=actors, recipients=(Actor(f"Actor {rng.randrange(3000)}",
                                              rng.choice(COUNTRIES), rng.choice(SECTORS)),),
            confidence=rng.random(), trace=("bench",), place=f"p{i}",
            time=EventTime("on", interval[0], interval, None),
        ))  # fmt: skip
    return Doc(article=article, body=(Span(0, len(text)),), places=tuple(places),
               events=tuple(events))  # fmt: skip


def synthetic_docs(n_events: int, *, seed: int = 1) -> Iterator[Doc]:
    rng = random.Random(seed)
    for number in range(-(-n_events // EVENTS_PER_ARTICLE)):
        yield synthetic_doc(rng, number)


def build(
    store: Store, n_events: int, *, seed: int = 1, progress: Callable[[int], None] | None = None
) -> tuple[int, int, float, float]:
    """Write the synthetic docs; (events, articles, seconds and CPU seconds spent writing)."""
    events = articles = 0
    seconds = 0.0
    cpu = 0.0
    batch: list[Entry] = []
    for doc in synthetic_docs(n_events, seed=seed):
        batch.append(Entry(doc))
        if len(batch) >= BATCH:
            cpu_before = time.process_time()
            seconds += timed_write(store, batch)
            cpu += time.process_time() - cpu_before
            articles += len(batch)
            events += sum(len(e.doc.events) for e in batch)
            if progress is not None:
                progress(len(batch) * EVENTS_PER_ARTICLE)
            batch = []
    if batch:
        cpu_before = time.process_time()
        seconds += timed_write(store, batch)
        cpu += time.process_time() - cpu_before
        articles += len(batch)
        events += sum(len(e.doc.events) for e in batch)
    store.analyze()
    return events, articles, seconds, cpu


def timed_write(store: Store, batch: list[Entry]) -> float:
    start = time.perf_counter()
    store.write(batch)
    return time.perf_counter() - start


def query_set(rng: random.Random) -> dict[str, EventFilter]:
    """Filtered queries like a user's, with random values."""
    day = START + timedelta(days=rng.randrange(DAYS - 60))
    lon, lat = rng.uniform(-170, 150), rng.uniform(-50, 50)
    return {
        "type": EventFilter(types=(rng.choice(PLOVER_TYPES),)),
        "type+modality+country": EventFilter(types=(rng.choice(PLOVER_TYPES),),
                                             modalities=("occurred",),
                                             country=rng.choice(COUNTRIES)),
        "actor name": EventFilter(actor=f"actor {rng.randrange(3000)}"),
        "actor country": EventFilter(actor=rng.choice(COUNTRIES)),
        "country": EventFilter(country=rng.choice(COUNTRIES)),
        "admin1": EventFilter(admin1=f"{rng.choice(COUNTRIES)}.{rng.randrange(20):02d}"),
        "bbox": EventFilter(bbox=(lon, lat, lon + 10, lat + 10)),
        "since/until month": EventFilter(since=day, until=day + timedelta(days=30)),
        "place country+month": EventFilter(place_country=rng.choice(COUNTRIES), since=day,
                                           until=day + timedelta(days=30)),
        "outlet": EventFilter(outlet=rng.choice(OUTLETS)),
        "text": EventFilter(text=rng.choice(WORDS[:5000])),
        "collapse+type": EventFilter(types=(rng.choice(PLOVER_TYPES),), collapse=True),
    }  # fmt: skip


def time_queries(store: Store, *, seed: int = 2,
                 repeats: int = QUERY_REPEATS) -> dict[str, list[float]]:  # fmt: skip
    """Milliseconds per query (fetching up to QUERY_LIMIT events with their actors)."""
    rng = random.Random(seed)
    times: dict[str, list[float]] = {}
    for _ in range(repeats):
        for name, where in query_set(rng).items():
            limited = EventFilter(**{**{k: getattr(where, k) for k in where.__slots__},
                                     "limit": QUERY_LIMIT})  # fmt: skip
            start = time.perf_counter()
            rows = list(store.events(limited))
            times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
            assert len(rows) <= QUERY_LIMIT
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_bench(store: Store, n_events: int, *,
              progress: Callable[[int], None] | None = None) -> BenchResult:  # fmt: skip
    events, articles, seconds, cpu = build(store, n_events, progress=progress)
    times = time_queries(store)
    everything = [t for ts in times.values() for t in ts]
    return BenchResult(
        events=events, articles=articles, write_seconds=seconds, write_cpu_seconds=cpu,
        query_ms={k: (statistics.median(v), percentile(v, 0.95)) for k, v in times.items()},
        all_p50=statistics.median(everything), all_p95=percentile(everything, 0.95),
    )  # fmt: skip
