"""What the store commands of the CLI do (ingest, failures, query, export), kept out of
cli.py so the click layer stays thin. Only these functions and cli.py print."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from eventwire.errors import ConfigError, InputError
from eventwire.store import EventFilter, open_store
from eventwire.store.export import export, table_lines

# Environment variable naming the pipeline stages for ingest (comma-separated registry names
# or module:Factory), like the hidden --stages option: a light pipeline for tests and trials.
STAGES_ENV = "EVENTWIRE_STAGES"


def parse_stages(value: str | None) -> tuple[str, ...] | None:
    value = value or os.environ.get(STAGES_ENV)
    if not value:
        return None
    return tuple(s.strip() for s in value.split(",") if s.strip())


def ingest_command(
    *, paths: Sequence[Path], db: str | None, jsonl: bool, feeds: Sequence[str],
    warcs: Sequence[Path], workers: int, stages: str | None,
) -> dict[str, int]:  # fmt: skip
    """Ingest everything named; a progress bar on a terminal; the count of each outcome."""
    from tqdm import tqdm

    from eventwire.ingest import Inputs, Workers, ingest
    from eventwire.store.postgres import redact

    if not (paths or feeds or warcs):
        raise InputError("name files or folders to ingest, or --feed, or --warc")
    stage_names = parse_stages(stages)
    counts: dict[str, int] = {}
    with open_store(db) as store:
        inputs = Inputs(paths, jsonl=jsonl, feeds=feeds, warcs=warcs, seen_item=store.seen_item)
        pool = Workers(n=workers, stages=stage_names)
        settings = {"db": redact(store.url), "workers": workers, "jsonl": jsonl,
                    "paths": [str(p) for p in paths], "feeds": list(feeds),
                    "warcs": [str(w) for w in warcs]}  # fmt: skip
        bar = tqdm(total=inputs.total, unit="article", file=sys.stderr, dynamic_ncols=True,
                   disable=not sys.stderr.isatty())  # fmt: skip
        try:
            for progress in ingest(store, inputs, workers=pool, settings=settings):
                counts[progress.outcome] = counts.get(progress.outcome, 0) + 1
                bar.update(1)
                bar.set_postfix(counts, refresh=False)
        finally:
            bar.close()
            pool.close()
    return counts


def failures_command(*, db: str | None) -> list[str]:
    with open_store(db, migrate=False) as store:
        return [f"{f.occurred}\t{f.stage}\t{f.error_type}\t{f.item}\t{f.message}"
                for f in store.failures()]  # fmt: skip


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise ConfigError(f"--bbox takes minlon,minlat,maxlon,maxlat, not {value!r}")
    return parts  # type: ignore[return-value]


def parse_day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ConfigError(f"{option} takes a date (YYYY-MM-DD), not {value!r}") from None


def event_filter(*, types: Sequence[str] = (), plover_types: Sequence[str] = (),
                 modalities: Sequence[str] = (), actor: str | None = None,
                 country: str | None = None, place_country: str | None = None,
                 admin1: str | None = None, bbox: str | None = None, since: str | None = None,
                 until: str | None = None, outlet: str | None = None, text: str | None = None,
                 collapse: bool = False, limit: int | None = None) -> EventFilter:  # fmt: skip
    """An EventFilter from command-line strings (codes upper-cased, dates checked)."""
    return EventFilter(
        types=tuple(t.upper() for t in types), plover_types=tuple(t.upper() for t in plover_types),
        modalities=tuple(m.lower() for m in modalities), actor=actor,
        country=country.upper() if country else None,
        place_country=place_country.upper() if place_country else None, admin1=admin1,
        bbox=parse_bbox(bbox), since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), outlet=outlet, text=text, collapse=collapse,
        limit=limit,
    )  # fmt: skip


def query_command(*, db: str | None, where: EventFilter, fmt: str | None, count: bool) -> None:
    with open_store(db, migrate=False) as store:
        if count:
            sys.stdout.write(f"{store.count_events(where)}\n")
            return
        rows = store.events(where)
        chosen = fmt or ("table" if sys.stdout.isatty() else "jsonl")
        if chosen == "table":
            for line in table_lines(rows):
                sys.stdout.write(line + "\n")
        else:
            export(rows, fmt=chosen, out=sys.stdout, path=None)


def export_command(*, db: str | None, where: EventFilter, fmt: str, output: Path | None) -> int:
    with open_store(db, migrate=False) as store:
        return export(store.events(where), fmt=fmt, out=sys.stdout, path=output)


def bench_command(*, db: str | None, n_events: int) -> list[str]:
    """Run the store benchmark on a new store (default: a temporary SQLite file)."""
    import tempfile

    from tqdm import tqdm

    from eventwire.store.bench import run_bench

    with tempfile.TemporaryDirectory() as folder:
        url = db or str(Path(folder) / "bench.db")
        with open_store(url) as store:
            if store.counts()["articles"]:
                raise ConfigError(f"the benchmark needs an empty store; {store.url} has articles")
            bar = tqdm(total=n_events, unit="event", file=sys.stderr,
                       disable=not sys.stderr.isatty())  # fmt: skip
            try:
                result = run_bench(store, n_events, progress=bar.update)
            finally:
                bar.close()
    lines = [
        f"store: {url if db else 'temporary SQLite file'}",
        f"write: {result.events:,} events in {result.articles:,} articles, "
        f"{result.write_seconds:.1f} s, {result.write_rate:,.0f} events/s "
        f"({result.write_cpu_seconds:.1f} s of CPU in this process: "
        f"{result.events / max(result.write_cpu_seconds, 1e-9):,.0f} events per CPU second)",
        f"queries (limit 100, ms):  p50 {result.all_p50:.1f}  p95 {result.all_p95:.1f}",
    ]
    lines += [f"  {name:<24} p50 {p50:7.1f}  p95 {p95:7.1f}"
              for name, (p50, p95) in result.query_ms.items()]  # fmt: skip
    return lines
