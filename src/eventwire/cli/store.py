"""The store's commands: `ingest`, `failures`, `query`, `export`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from eventwire.cli.main import (
    DB_OPTION,
    EVENTS_OPTION,
    STAGES_OPTION,
    fail,
    guarded,
    main,
    settings_from,
)
from eventwire.errors import InputError
from eventwire.settings import Settings, setting_help
from eventwire.store import EventFilter, open_store
from eventwire.store.export import export as export_rows
from eventwire.store.export import table_lines
from eventwire.store.filters import event_filter


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
    "--parquet",
    "parquet_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The output folder of `eventwire run`: its articles, as extracted there (repeatable).",
)
@click.option("--workers", type=click.IntRange(min=1), default=None, help=setting_help("workers"))
@EVENTS_OPTION
@STAGES_OPTION
@click.pass_context
def ingest(ctx, paths, db, jsonl, feeds, warcs, parquet_dirs, workers, event_scope, stages):
    """Extract articles into the store: files, folders, JSON Lines, feeds, WARC files.

    Re-running is safe: stored items are skipped, failed ones retried. --parquet DIR
    stores the results `eventwire run` wrote there, without extracting again.

    Example: eventwire ingest articles/ --db eventwire.db --workers 2
    """
    settings = settings_from(ctx, db=db, workers=workers, events=event_scope, stages=stages)
    if parquet_dirs:
        if paths or feeds or warcs:
            fail("--parquet loads a run's results; name other inputs in another ingest")
        counts = guarded(lambda: ingest_parquet_command(folders=parquet_dirs, settings=settings))
    else:
        counts = guarded(
            lambda: ingest_command(
                paths=paths, jsonl=jsonl, feeds=feeds, warcs=warcs, settings=settings
            )
        )
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
    click.echo(f"ingest: {summary or 'nothing to do'}", err=True)


def ingest_command(
    *, paths: Sequence[Path], jsonl: bool, feeds: Sequence[str], warcs: Sequence[Path],
    settings: Settings,
) -> dict[str, int]:  # fmt: skip
    """Ingest everything named; a progress bar on a terminal; the count of each outcome."""
    from tqdm import tqdm

    from eventwire.ingest import Inputs, Workers, ingest
    from eventwire.store.postgres import redact

    if not (paths or feeds or warcs):
        raise InputError("name files or folders to ingest, or --feed, or --warc")
    check_inputs(paths=paths, feeds=feeds, warcs=warcs)  # before a store is created
    counts: dict[str, int] = {}
    pool = Workers(n=settings.workers, settings=settings)
    try:
        with open_store(settings.db) as store:
            inputs = Inputs(paths, jsonl=jsonl, feeds=feeds, warcs=warcs,
                            seen_item=store.seen_item)  # fmt: skip
            record = {**settings.to_dict(), "db": redact(store.url), "jsonl": jsonl,
                      "paths": [str(p) for p in paths], "feeds": list(feeds),
                      "warcs": [str(w) for w in warcs]}  # fmt: skip
            bar = tqdm(total=inputs.total, unit="article", file=sys.stderr, dynamic_ncols=True,
                       disable=not sys.stderr.isatty())  # fmt: skip
            try:
                for progress in ingest(store, inputs, workers=pool, settings=record):
                    counts[progress.outcome] = counts.get(progress.outcome, 0) + 1
                    bar.update(1)
                    bar.set_postfix(counts, refresh=False)
            finally:
                bar.close()
    finally:
        pool.close()
    return counts


def check_inputs(*, paths: Sequence[Path], feeds: Sequence[str], warcs: Sequence[Path]) -> None:
    """Every path named exists (a feed may also be a URL): a mistyped name is an error."""
    from eventwire.read.feeds import is_url

    missing = [str(p) for p in paths if not p.exists()]
    missing += [str(w) for w in warcs if not w.is_file()]
    missing += [f for f in feeds if not is_url(f) and not Path(f).is_file()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}")


def ingest_parquet_command(*, folders: Sequence[Path], settings: Settings) -> dict[str, int]:
    """Store what `eventwire run` wrote in each folder; the count of each outcome."""
    from tqdm import tqdm

    from eventwire.ingest import ingest
    from eventwire.run.results import ParquetResults, check_run_output
    from eventwire.store.postgres import redact

    for folder in folders:  # before a store is created
        check_run_output(folder)
    counts: dict[str, int] = {}
    with open_store(settings.db) as store:
        for folder in folders:
            results = ParquetResults(folder, settings=settings)
            record = {**settings.to_dict(), "db": redact(store.url), "parquet": str(folder)}
            bar = tqdm(total=results.total, unit="article", file=sys.stderr, dynamic_ncols=True,
                       disable=not sys.stderr.isatty())  # fmt: skip
            try:
                for progress in ingest(store, results.items(), workers=results, settings=record):
                    counts[progress.outcome] = counts.get(progress.outcome, 0) + 1
                    bar.update(1)
            finally:
                bar.close()
                results.close()
    return counts


@main.command()
@DB_OPTION
@click.pass_context
def failures(ctx, db):
    """List inputs that could not be read or extracted (a re-run of ingest retries them).

    Example: eventwire failures --db eventwire.db
    """
    settings = settings_from(ctx, db=db)
    for line in guarded(lambda: failure_lines(settings.db)):
        click.echo(line)


def failure_lines(db: str) -> list[str]:
    with open_store(db, migrate=False) as store:
        return [f"{f.occurred}\t{f.stage}\t{f.error_type}\t{f.item}\t{f.message}"
                for f in store.failures()]  # fmt: skip


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
@click.pass_context
def query(ctx, db, limit, fmt, count, **filters):
    """Find stored events by type, modality, actor, country, place, event time, outlet, text.

    Example: eventwire query --type PROTEST --country IRQ --since 2024-01-01 --limit 20
    """
    settings = settings_from(ctx, db=db)
    guarded(
        lambda: query_command(
            db=settings.db, where=event_filter(**filters, limit=limit or None), fmt=fmt, count=count
        )
    )


def query_command(*, db: str, where: EventFilter, fmt: str | None, count: bool) -> None:
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
            export_rows(rows, fmt=chosen, out=sys.stdout, path=None)


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
@click.pass_context
def export(ctx, db, fmt, output, **filters):
    """Export stored events (all, or those matching the filters).

    Example: eventwire export --format parquet --output events.parquet
    """
    settings = settings_from(ctx, db=db)
    n = guarded(lambda: export_command(db=settings.db, where=event_filter(**filters), fmt=fmt,
                                       output=output))  # fmt: skip
    if output is not None:
        click.echo(f"export: {n} events to {output}", err=True)


def export_command(*, db: str, where: EventFilter, fmt: str, output: Path | None) -> int:
    with open_store(db, migrate=False) as store:
        return export_rows(store.events(where), fmt=fmt, out=sys.stdout, path=output)
