"""The `eventwire` command line: thin commands over the public API."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from eventwire import __version__
from eventwire.errors import EventwireError


def fail(message: str) -> None:
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(1)


@click.group()
@click.version_option(__version__, prog_name="eventwire")
@click.option("-v", "--verbose", count=True, help="Log progress (-v) or details (-vv) to stderr.")
def main(verbose: int) -> None:
    """Turn news articles into sourced, time-anchored, modality-aware PLOVER events."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date (ISO 8601); relative times resolve against it.")
@click.option("--url", help="The article's URL (recorded, never fetched).")
@click.option("--title", help="The article's title.")
@click.option(
    "--input",
    "input_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON Lines input, one {id, text, published, url?, title?} a line; '-': stdin.",
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the result, or the JSON Lines results (default: stdout).",
)
@click.option(
    "--events",
    "event_scope",
    type=click.Choice(["plover", "all"]),
    default="plover",
    show_default=True,
    help="'all' also emits events outside PLOVER, typed OTHER.",
)
@click.option("--indent", type=int, default=None, help="Pretty-print a single result.")
def extract(file, published, url, title, input_path, output_path, event_scope, indent):
    """Extract events from one article FILE (text or HTML), or from JSON Lines.

    Example: eventwire extract samples/iraq-withdrawal.txt --published 2024-09-06
    """
    from eventwire.commands import extract_command

    try:
        extract_command(
            file=file,
            published=published,
            url=url,
            title=title,
            input_path=input_path,
            output_path=output_path,
            event_scope=event_scope,
            indent=indent,
        )
    except EventwireError as exc:
        fail(str(exc))


FILE_ARGUMENT = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
JSON_OPTION = click.option(
    "--json", "as_json", is_flag=True, help="Print the figures as one JSON object."
)


def print_report(compute, render, *, as_json):
    """Run an evaluation or a benchmark; print its figures as a table or as one JSON object."""
    import json

    try:
        result = compute()
    except EventwireError as exc:
        fail(str(exc))
    data = result.to_dict() if hasattr(result, "to_dict") else result
    click.echo(json.dumps(data) if as_json else render(result))
    return result


@main.group(name="eval")
def eval_group() -> None:
    """Score eventwire on a gold set (PLOVER, factuality, timex, geo, quotes)."""


@eval_group.command(name="plover")
@FILE_ARGUMENT
@JSON_OPTION
def eval_plover(file, as_json):
    """Score event types and actor countries on PLOVER gold records (JSON Lines).

    Example: eventwire eval plover tests/data/plover/dev.jsonl
    """
    from eventwire.evaluate.plover import format_scores, score

    print_report(lambda: score(file), format_scores, as_json=as_json)


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


@click.command(name="extract")
@FILE_ARGUMENT
@click.option("--limit", type=int, default=None, help="Use only the first N input lines.")
@JSON_OPTION
def bench_extract(file, limit, as_json):
    """Words per second of the full pipeline against a spaCy-only pass over the same texts,
    measured in one run, and the peak resident memory.

    FILE is JSON Lines of {"id", "text", "published"} (MEANTIME records work as they are).

    Example: eventwire bench extract tests/data/meantime/sample.jsonl
    """
    from eventwire.bench import bench_extract as run_bench
    from eventwire.bench import format_bench

    print_report(lambda: run_bench(file, limit=limit), format_bench, as_json=as_json)


# Further commands are registered below, one block per area; keep each block self-contained.
# --- eval commands ---
@eval_group.command(name="geo")
@FILE_ARGUMENT
@JSON_OPTION
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
def eval_geo(file, as_json, limit):
    """Score place recognition and resolution on GeoWebNews-format JSON Lines.

    Example: eventwire eval geo tests/data/geo/mini-geo.jsonl
    """
    from eventwire.evaluate.geo import evaluate_geo, format_table

    print_report(lambda: evaluate_geo(file, limit=limit), format_table, as_json=as_json)


@eval_group.command(name="quotes")
@FILE_ARGUMENT
@JSON_OPTION
def eval_quotes(file, as_json):
    """Score quotes and speakers on a quote gold set (JSON Lines; see docs/sources.md).

    Example: eventwire eval quotes tests/data/quotes/meantime-quotes.jsonl
    """
    from eventwire.evaluate.quotes import evaluate_quotes, format_table

    print_report(lambda: evaluate_quotes(file), format_table, as_json=as_json)


@eval_group.command(name="timex")
@FILE_ARGUMENT
@JSON_OPTION
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list misses and mismatches.")
def eval_timex(file, as_json, limit, show_errors):
    """Score time expressions on MEANTIME JSON Lines (TempEval-3 style, sentences 0-5).

    Example: eventwire eval timex tests/data/meantime/sample.jsonl
    """
    from eventwire.evaluate.timex import evaluate_timex, format_mismatches, format_table

    scores = print_report(lambda: evaluate_timex(file, limit=limit), format_table, as_json=as_json)
    if show_errors:
        click.echo(format_mismatches(scores))


# --- store commands ---
DB_OPTION = click.option(
    "--db",
    metavar="URL",
    default=None,
    help="Store: a SQLite file (default eventwire.db or $EVENTWIRE_DB) "
    "or postgresql://user:pass@host/db.",
)


def event_filter_options(command):
    """The event filters shared by `query` and `export`."""
    options = [
        click.option("--type", "types", multiple=True, help="Event type (repeatable): PROTEST."),
        click.option("--plover-type", "plover_types", multiple=True, help="PLOVER type."),
        click.option("--modality", "modalities", multiple=True, help="e.g. occurred, threatened."),
        click.option("--actor", help="An actor or recipient: a name, or a country code (IRQ)."),
        click.option("--country", help="An actor's or the place's country (ISO alpha-3)."),
        click.option("--place-country", help="The event place's country (ISO alpha-3)."),
        click.option("--admin1", help="The event place's first-level division."),
        click.option("--bbox", metavar="MINLON,MINLAT,MAXLON,MAXLAT", help="Places in a box."),
        click.option("--since", metavar="DATE", help="Event time on/after DATE (not publication)."),
        click.option("--until", metavar="DATE", help="Event time on or before DATE."),
        click.option("--outlet", help="The outlet that published the article."),
        click.option("--text", help="Full-text search over article titles and texts."),
        click.option("--collapse", is_flag=True, help="Leave out near-duplicate copies' events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--jsonl", is_flag=True, help="Read PATHS as JSON Lines (also by .jsonl suffix).")
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL_OR_FILE",
    help="An RSS/Atom feed; each entry's link is fetched (repeatable).",
)
@click.option(
    "--warc",
    "warcs",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A WARC file of HTML responses (repeatable).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that extract; the parent alone writes.",
)
@click.option("--stages", hidden=True, help="Pipeline stages (comma-separated), for tests.")
def ingest(paths, db, jsonl, feeds, warcs, workers, stages):
    """Extract articles into the store: files, folders, JSON Lines, feeds, WARC files.

    Re-running is safe: stored items are skipped, failed ones retried.

    Example: eventwire ingest articles/ --db eventwire.db --workers 2
    """
    from eventwire.store.commands import ingest_command

    try:
        counts = ingest_command(
            paths=paths,
            db=db,
            jsonl=jsonl,
            feeds=feeds,
            warcs=warcs,
            workers=workers,
            stages=stages,
        )
    except EventwireError as exc:
        fail(str(exc))
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
    click.echo(f"ingest: {summary or 'nothing to do'}", err=True)


@main.command()
@DB_OPTION
def failures(db):
    """List inputs that could not be read or extracted (a re-run of ingest retries them).

    Example: eventwire failures --db eventwire.db
    """
    from eventwire.store.commands import failures_command

    try:
        lines = failures_command(db=db)
    except EventwireError as exc:
        fail(str(exc))
    for line in lines:
        click.echo(line)


@main.command()
@DB_OPTION
@event_filter_options
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    help="At most this many events (0: all).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default=None,
    help="Default: a table on a terminal, JSON Lines when piped.",
)
@click.option("--count", is_flag=True, help="Print only the number of matching events.")
def query(db, limit, fmt, count, **filters):
    """Find stored events by type, modality, actor, country, place, event time, outlet, text.

    Example: eventwire query --type PROTEST --country IRQ --since 2024-01-01 --limit 20
    """
    from eventwire.store.commands import event_filter, query_command

    try:
        where = event_filter(**filters, limit=limit or None)
        query_command(db=db, where=where, fmt=fmt, count=count)
    except EventwireError as exc:
        fail(str(exc))


@main.command()
@DB_OPTION
@event_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "geojson"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: stdout; Parquet needs a file).",
)
def export(db, fmt, output, **filters):
    """Export stored events (all, or those matching the filters).

    Example: eventwire export --format parquet --output events.parquet
    """
    from eventwire.store.commands import event_filter, export_command

    try:
        n = export_command(db=db, where=event_filter(**filters), fmt=fmt, output=output)
    except EventwireError as exc:
        fail(str(exc))
    if output is not None:
        click.echo(f"export: {n} events to {output}", err=True)


@main.group(name="bench")
def bench_group() -> None:
    """Measure speed: the store's writes and queries, the pipeline."""


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
    from eventwire.store.commands import bench_command

    try:
        for line in bench_command(db=db, n_events=n_events):
            click.echo(line)
    except EventwireError as exc:
        fail(str(exc))


# The extraction benchmark joins the bench group defined with the store commands.
bench_group.add_command(bench_extract)
