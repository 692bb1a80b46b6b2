"""`eventwire bench web`: time the HTTP API and the page over a (large) store.

The store is the synthetic one of `bench store` (built here when the store is empty). The
app runs on uvicorn in this process; requests go over a real local HTTP connection:
`GET /api/events` with 12 kinds of filter (those of `bench store`, with random values),
each fetching a page of 100 events: in the eventwire/1 event shape, in the row shape, and
in the event shape without counting the matches (`total=none`).
The page's first render is timed in Debian's chromium (through Playwright, when both are
there): from navigation start until the timeline, the map and the list of up to 10,000
events are drawn (the page's `eventwire-ready` mark), each time in a fresh browser context
(nothing cached).
"""

from __future__ import annotations

import gzip
import http.client
import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

from eventwire.evaluate.bench_store import COUNTRIES, DAYS, OUTLETS, START, WORDS, build, percentile
from eventwire.model import PLOVER_TYPES
from eventwire.store.base import EventFilter, Store
from eventwire.web.app import create_app
from eventwire.web.page import STATIC
from eventwire.web.server import running

REPEATS = 10
PAGE = 100
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
RENDER_TIMEOUT_MS = 120_000


@dataclass(frozen=True, slots=True)
class Timing:
    name: str
    p50: float
    p95: float
    items: float  # mean items per answer
    total: float  # mean of the answers' totals (matching events, counted up to the cap)


@dataclass(frozen=True, slots=True)
class RenderTiming:
    address: str  # the page's query string
    shown: int  # events drawn
    total: int  # events matching
    ms: tuple[float, ...]  # each run, navigation start to drawn
    json_bytes: int  # the size of the answer of event points the page loaded


@dataclass(frozen=True, slots=True)
class WebBenchResult:
    events: int  # in the store
    built_seconds: float | None  # when the store was built here
    api: tuple[Timing, ...]  # event shape, per filter
    rows: tuple[Timing, ...]  # row shape, per filter
    all_p50: float
    all_p95: float
    rows_p95: float
    uncounted: tuple[Timing, ...]  # event shape, total=none, per filter
    uncounted_p95: float
    renders: tuple[RenderTiming, ...]
    render_note: str | None  # why first render was not timed
    bundle_bytes: int
    bundle_gzip_bytes: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def filters(rng: random.Random) -> dict[str, dict[str, str]]:
    """The filtered lists a user asks for, as query parameters (`bench store`'s kinds)."""
    day = START + timedelta(days=rng.randrange(DAYS - 60))
    month = {"since": day.isoformat(), "until": (day + timedelta(days=30)).isoformat()}
    lon, lat = rng.uniform(-170, 150), rng.uniform(-50, 50)
    return {
        "type": {"type": rng.choice(PLOVER_TYPES)},
        "type+modality+country": {
            "type": rng.choice(PLOVER_TYPES),
            "modality": "occurred",
            "country": rng.choice(COUNTRIES),
        },
        "actor name": {"actor": f"actor {rng.randrange(3000)}"},
        "actor country": {"actor": rng.choice(COUNTRIES)},
        "country": {"country": rng.choice(COUNTRIES)},
        "admin1": {"admin1": f"{rng.choice(COUNTRIES)}.{rng.randrange(20):02d}"},
        "bbox": {"bbox": f"{lon:.2f},{lat:.2f},{lon + 10:.2f},{lat + 10:.2f}"},
        "since/until month": month,
        "place country+month": {"place_country": rng.choice(COUNTRIES), **month},
        "outlet": {"outlet": rng.choice(OUTLETS)},
        "text": {"text": rng.choice(WORDS[:5000])},
        "collapse+type": {"type": rng.choice(PLOVER_TYPES), "collapse": "true"},
    }


def timed_gets(base: str, queries: Iterator[tuple[str, dict[str, str]]]) -> Measured:
    """(ms, items, total) per query name, over one kept-alive HTTP connection."""
    address = urlparse(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=300)
    out: Measured = {}
    try:
        for name, params in queries:
            start = time.perf_counter()
            connection.request("GET", f"/api/events?{urlencode(params)}")
            response = connection.getresponse()
            body = response.read()
            ms = (time.perf_counter() - start) * 1000
            if response.status != 200:
                raise RuntimeError(f"GET /api/events?{urlencode(params)}: {response.status}")
            page = json.loads(body)
            out.setdefault(name, []).append((ms, len(page["items"]), page["total"] or 0))
    finally:
        connection.close()
    return out


Measured = dict[str, list[tuple[float, int, int]]]


def timings(measured: Measured) -> tuple[Timing, ...]:
    return tuple(
        Timing(
            name,
            statistics.median(ms),
            percentile(ms, 0.95),
            statistics.mean(n for _, n, _ in runs),
            statistics.mean(t for _, _, t in runs),
        )
        for name, runs in measured.items()
        for ms in [[m for m, _, _ in runs]]
    )


def api_queries(shape: str, *, seed: int, total: str = "capped"
                ) -> Iterator[tuple[str, dict[str, str]]]:  # fmt: skip
    rng = random.Random(seed)
    for _ in range(REPEATS):
        for name, params in filters(rng).items():
            yield name, {**params, "limit": str(PAGE), "shape": shape, "total": total}


def record_size(response: object, sizes: list[int]) -> None:
    """The size of the page's answer of event points (from its content-length)."""
    url = getattr(response, "url", "")
    if "/api/events" in url and "shape=point" in url:
        sizes.append(int(getattr(response, "headers", {}).get("content-length", 0)))


def time_renders(
    base: str, addresses: list[str], *, runs: int, chromium: str
) -> tuple[tuple[RenderTiming, ...], str | None]:
    """The page's first render at each address, `runs` times each, in fresh contexts."""
    if runs < 1:
        return (), "--renders 0"
    if not Path(chromium).exists():
        return (), f"no chromium at {chromium}"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return (), "Playwright is not installed (pip install -e '.[dev]')"
    out = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_FLAGS))
        try:
            for address in addresses:
                times, shown, total, size = [], 0, 0, 0
                for _ in range(runs):
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    page = context.new_page()
                    sizes: list[int] = []
                    page.on("response", lambda r, sizes=sizes: record_size(r, sizes))
                    page.goto(f"{base}/{address}")
                    page.wait_for_selector("html[data-state=ready]", timeout=RENDER_TIMEOUT_MS)
                    ready = "performance.getEntriesByName('eventwire-ready')[0].startTime"
                    times.append(float(page.evaluate(ready)))
                    shown = int(page.locator("#status").get_attribute("data-shown") or 0)
                    total = int(page.locator("#status").get_attribute("data-total") or 0)
                    size = sizes[0] if sizes else 0
                    context.close()
                out.append(RenderTiming(address, shown, total, tuple(times), size))
        finally:
            browser.close()
    return tuple(out), None


def overall(measured: Measured, share: float) -> float:
    return percentile([ms for runs in measured.values() for ms, _, _ in runs], share)


# The page's addresses timed: everything (the first 10,000 events of the store), one
# actor's or place's country, and one year of event time.
RENDER_ADDRESSES = ("", "?country={country}", "?since=2020-01-01&until=2020-12-31")


def run_bench(
    store: Store,
    *,
    db: str,
    n_events: int,
    renders: int = 5,
    chromium: str = CHROMIUM,
    progress: Callable[[int], None] | None = None,
) -> WebBenchResult:
    """Fill the store when it is empty, then time the API and the page over it."""
    built = None
    if not store.counts()["events"]:
        start = time.perf_counter()
        build(store, n_events, progress=progress)
        built = time.perf_counter() - start
    events = store.count_events(EventFilter())
    country = random.Random(3).choice(COUNTRIES)
    addresses = [a.format(country=country) for a in RENDER_ADDRESSES]
    with running(create_app(db=db)) as base:
        timed_gets(base, iter([("warm", {"limit": "1"})]))
        api = timed_gets(base, api_queries("event", seed=2))
        rows = timed_gets(base, api_queries("row", seed=2))
        uncounted = timed_gets(base, api_queries("event", seed=2, total="none"))
        found, note = time_renders(base, addresses, runs=renders, chromium=chromium)
    script = (STATIC / "app.js").read_bytes()
    return WebBenchResult(
        events=events,
        built_seconds=built,
        api=timings(api),
        rows=timings(rows),
        all_p50=overall(api, 0.5),
        all_p95=overall(api, 0.95),
        rows_p95=overall(rows, 0.95),
        uncounted=timings(uncounted),
        uncounted_p95=overall(uncounted, 0.95),
        renders=found,
        render_note=note,
        bundle_bytes=len(script),
        bundle_gzip_bytes=len(gzip.compress(script, compresslevel=9)),
    )


def format_bench(result: WebBenchResult) -> str:
    lines = [
        f"store: {result.events:,} events"
        + (f" (built here in {result.built_seconds:.0f} s)" if result.built_seconds else "")
    ]
    lines.append(
        f"GET /api/events, {PAGE} events per answer, {REPEATS} random values per "
        f"filter (ms): event shape p50 {result.all_p50:.1f} p95 {result.all_p95:.1f}; "
        f"row shape p95 {result.rows_p95:.1f}; event shape without the count (total=none) "
        f"p95 {result.uncounted_p95:.1f}"
    )
    lines.append(f"  {'filter':<24} {'p50':>7} {'p95':>7} {'rows p95':>9} {'no count p95':>13} "
                 f"{'total':>8}")  # fmt: skip
    for event, row, bare in zip(result.api, result.rows, result.uncounted, strict=True):
        lines.append(
            f"  {event.name:<24} {event.p50:7.1f} {event.p95:7.1f} {row.p95:9.1f} "
            f"{bare.p95:13.1f} {event.total:8,.0f}"
        )
    if result.render_note:
        lines.append(f"first render: not timed ({result.render_note})")
    for r in result.renders:
        runs = ", ".join(f"{ms:.0f}" for ms in r.ms)
        lines.append(
            f"first render /{r.address}: {r.shown:,} of {r.total:,} events drawn, "
            f"median {statistics.median(r.ms):.0f} ms, max {max(r.ms):.0f} ms "
            f"(runs: {runs}); points answer {r.json_bytes / 1e6:.1f} MB"
        )
    lines.append(
        f"bundle: app.js {result.bundle_bytes / 1024:.1f} KiB, "
        f"{result.bundle_gzip_bytes / 1024:.1f} KiB gzipped"
    )
    return "\n".join(lines)
