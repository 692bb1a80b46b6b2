"""`eventwire serve` (the HTTP API and the web page) and `eventwire bench web`."""

from __future__ import annotations

import click

from eventwire.cli.evaluate import JSON_OPTION, bench_group
from eventwire.cli.main import (
    DB_OPTION,
    EVENTS_OPTION,
    STAGES_OPTION,
    benchmark_store,
    guarded,
    main,
    print_report,
    settings_from,
)


@main.command()
@DB_OPTION
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on (0.0.0.0: every interface).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port to listen on.",
)
@EVENTS_OPTION
@STAGES_OPTION
@click.pass_context
def serve(ctx, db, host, port, event_scope, stages):
    """Serve the JSON API (/api/..., described at /openapi.json) and the web page (/) over
    the store, until interrupted. POST /api/extract runs the pipeline; nothing is stored.

    Example: eventwire serve --db eventwire.db --port 8000
    """
    from eventwire.web import serve as serve_store

    settings = settings_from(ctx, db=db, events=event_scope, stages=stages)
    guarded(lambda: serve_store(settings, host=host, port=port))


@bench_group.command(name="web")
@DB_OPTION
@click.option(
    "--events",
    "n_events",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Synthetic events to write when the store is empty.",
)
@click.option(
    "--renders",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Times to load the page in chromium at each address (0: none).",
)
@click.option(
    "--chromium",
    default="/usr/bin/chromium",
    show_default=True,
    help="The chromium to time the page in (driven by Playwright).",
)
@JSON_OPTION
def bench_web(db, n_events, renders, chromium, as_json):
    """Time GET /api/events with filtered lists, and the page's first render, over a store
    (an empty one is filled with N synthetic events first, as `bench store` does).

    Example: eventwire bench web --db /tmp/bench.db --events 1000000
    """
    from eventwire.evaluate.bench_web import format_bench

    print_report(
        lambda: bench_web_result(db=db, n_events=n_events, renders=renders, chromium=chromium),
        format_bench,
        as_json=as_json,
    )


def bench_web_result(*, db: str | None, n_events: int, renders: int, chromium: str):
    """Run the web benchmark (default store: a new temporary SQLite file)."""
    from eventwire.evaluate.bench_web import run_bench

    with benchmark_store(db, n_events, empty=False) as (url, store, progress):
        return run_bench(
            store, db=url, n_events=n_events, renders=renders, chromium=chromium, progress=progress
        )
