"""`eventwire eval ...` (scores on gold sets) and `eventwire bench ...` (speed)."""

from __future__ import annotations

from pathlib import Path

import click

from eventwire.cli.main import (
    DB_OPTION,
    benchmark_store,
    guarded,
    main,
    print_report,
    quiet_dask,
    settings_from,
)
from eventwire.evaluate.bench_extract import PASSES

FILE_ARGUMENT = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
JSON_OPTION = click.option(
    "--json", "as_json", is_flag=True, help="Print the figures as one JSON object."
)
LIMIT_OPTION = click.option(
    "--limit", type=int, default=None, help="Score only the first N documents."
)

PART_OPTION = click.option(
    "--part",
    type=click.Choice(["all", "dev", "held-out"]),
    default="all",
    show_default=True,
    help="Score every document, or only the tuning part (dev) or the held-out part "
    "(every fifth document in id order).",
)
ERRORS_OPTION = click.option(
    "--errors", "show_errors", is_flag=True, help="Also list misses and mismatches."
)


@main.group(name="eval")
def eval_group() -> None:
    """Score eventwire on a gold set (PLOVER, factuality, timex, geo, quotes, attribution,
    coref)."""


def parse_fold(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    k, sep, n = value.partition("/")
    if not (sep and k.isdigit() and n.isdigit() and 0 <= int(k) < int(n)):
        raise click.BadParameter("give K/N with 0 <= K < N, e.g. 0/5", param_hint="--fold")
    return int(k), int(n)


@eval_group.command(name="plover")
@FILE_ARGUMENT
@JSON_OPTION
@click.option(
    "--fold",
    metavar="K/N",
    default=None,
    help="Score only fold K of N of the sentences (a stable hash of each text decides).",
)
def eval_plover(file, as_json, fold):
    """Score event types and actor countries on PLOVER gold records (JSON Lines).

    Every event that `extract` emits by default counts.

    Example: eventwire eval plover tests/data/plover/dev.jsonl --fold 0/5
    """
    from eventwire.evaluate.plover import format_scores, score

    folds = parse_fold(fold)
    print_report(lambda: score(file, fold=folds), format_scores, as_json=as_json)


@eval_group.command(name="factuality")
@FILE_ARGUMENT
@JSON_OPTION
def eval_factuality(file, as_json):
    """Score event modality against MEANTIME factuality (polarity, future, certainty).

    Runs with every verb as an event (as `extract --events all`) and compares each figure
    with the majority-class baseline.

    Example: eventwire eval factuality tests/data/meantime/factuality.jsonl
    """
    from eventwire.evaluate.factuality import format_scores, score

    print_report(lambda: score(file), format_scores, as_json=as_json)


@eval_group.command(name="geo")
@FILE_ARGUMENT
@JSON_OPTION
@LIMIT_OPTION
@PART_OPTION
@ERRORS_OPTION
def eval_geo(file, as_json, limit, part, show_errors):
    """Score place recognition and resolution on GeoWebNews-format JSON Lines.

    --errors lists the nominal view's misses, spurious places, span differences and
    resolutions over 161 km (in the table, or in the JSON's "errors").

    Example: eventwire eval geo tests/data/geo/mini-geo.jsonl
    """
    from eventwire.evaluate.geo import evaluate_geo, format_errors, format_table

    result = print_report(
        lambda: evaluate_geo(file, limit=limit, part=part, with_errors=show_errors),
        format_table,
        as_json=as_json,
    )
    if show_errors and not as_json:
        click.echo(format_errors(result))


@eval_group.command(name="quotes")
@FILE_ARGUMENT
@JSON_OPTION
def eval_quotes(file, as_json):
    """Score quotes and speakers on a quote gold set (JSON Lines; see docs/sources.md).

    Example: eventwire eval quotes tests/data/quotes/meantime-quotes.jsonl
    """
    from eventwire.evaluate.quotes import evaluate_quotes, format_table

    print_report(lambda: evaluate_quotes(file), format_table, as_json=as_json)


@eval_group.command(name="attribution")
@FILE_ARGUMENT
@JSON_OPTION
@LIMIT_OPTION
@click.option(
    "--from",
    "read_from",
    type=click.Choice(["attributions", "quotes"]),
    default="attributions",
    show_default=True,
    help="Score the attributions, or the quotes taken as attributions (the older measure).",
)
def eval_attribution(file, as_json, limit, read_from):
    """Score attributions (source, cue, content) on PolNeAR-format JSON Lines: content
    match, speaker accuracy and recall by cue kind, with a held-out fold apart.

    Example: eventwire eval attribution ../shared/gold/polnear/dev.jsonl
    """
    from eventwire.evaluate.attribution import evaluate_attribution, format_table

    print_report(
        lambda: evaluate_attribution(file, read_from=read_from, limit=limit),
        format_table,
        as_json=as_json,
    )


@eval_group.command(name="timex")
@FILE_ARGUMENT
@JSON_OPTION
@LIMIT_OPTION
@PART_OPTION
@ERRORS_OPTION
def eval_timex(file, as_json, limit, part, show_errors):
    """Score time expressions on MEANTIME JSON Lines (TempEval-3 style, sentences 0-5),
    overall and by TIMEX3 type (DATE, TIME, DURATION, SET).

    Example: eventwire eval timex tests/data/meantime/sample.jsonl
    """
    from eventwire.evaluate.timex import evaluate_timex, format_mismatches, format_table

    scores = print_report(
        lambda: evaluate_timex(file, limit=limit, part=part), format_table, as_json=as_json
    )
    if show_errors:
        click.echo(format_mismatches(scores))


@main.group(name="bench")
def bench_group() -> None:
    """Measure speed: the store's writes and queries, the pipeline, story linking."""


@bench_group.command(name="extract")
@FILE_ARGUMENT
@click.option("--limit", type=int, default=None, help="Use only the first N input lines.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Use each text this many times (longer passes, steadier figures).")  # fmt: skip
@click.option("--passes", default=",".join(PASSES), show_default=True,
              help="Which passes to run beyond spaCy alone and one process.")  # fmt: skip
@JSON_OPTION
@click.pass_context
def bench_extract(ctx, file, limit, repeat, passes, as_json):
    """Words per second of spaCy alone, eventwire in one process, ingest --workers, the
    local engine and Dask (1 and 2 workers each), on the same texts in one run; scaling
    efficiency, start-up, peak RSS per worker, and each stage's share of the time.

    FILE is JSON Lines of {"id", "text", "published"} (MEANTIME records work as they are).

    Example: eventwire bench extract tests/data/meantime/factuality.jsonl --passes local
    """
    from eventwire.evaluate.bench_extract import bench_extract as run_bench
    from eventwire.evaluate.bench_extract import format_bench

    settings = settings_from(ctx)
    chosen = [p.strip() for p in passes.split(",") if p.strip()]
    if "dask" in chosen:
        quiet_dask()
    note = (lambda text: click.echo(f"bench: {text}", err=True)) if not as_json else None
    print_report(lambda: run_bench(file, limit=limit, repeat=repeat, passes=chosen,
                                   settings=settings, progress=note),
                 format_bench, as_json=as_json)  # fmt: skip


@bench_group.command(name="store")
@DB_OPTION
@click.option(
    "--events",
    "n_events",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Synthetic events to write.",
)
def bench_store(db, n_events):
    """Build a synthetic store of N events; report write rate and query latency.

    Example: eventwire bench store --events 100000 --db /tmp/bench.db
    """
    # an explicit --db only: the benchmark never writes into the configured store
    for line in guarded(lambda: bench_store_lines(db=db, n_events=n_events)):
        click.echo(line)


def bench_store_lines(*, db: str | None, n_events: int) -> list[str]:
    """Run the store benchmark on a new store (default: a temporary SQLite file)."""
    from eventwire.evaluate.bench_store import run_bench

    with benchmark_store(db, n_events) as (url, store, progress):
        result = run_bench(store, n_events, progress=progress)
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
