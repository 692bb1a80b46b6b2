"""`eventwire run`: the pipeline over many inputs, on this machine or a Dask cluster, into
Parquet tables."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from eventwire.cli.main import (
    EVENTS_OPTION,
    STAGES_OPTION,
    guarded,
    main,
    quiet_dask,
    settings_from,
)
from eventwire.settings import ENGINES, Settings, setting_help


@main.command(name="run")
@click.option("--input", "patterns", multiple=True, required=True, metavar="GLOB",
              help="JSON Lines, Parquet or WARC files (a glob, quoted; repeatable).")  # fmt: skip
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder of the Parquet tables (articles/, events/, ...).")  # fmt: skip
@click.option("--engine", type=click.Choice(ENGINES), default=None,
              help=setting_help("engine") + "  [default: local]")  # fmt: skip
@click.option("--address", metavar="ADDR", default=None, help=setting_help("address"))
@click.option("--workers", type=click.IntRange(min=1), default=None, help=setting_help("workers"))
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help=setting_help("partition_size") + "  [default: 100]")  # fmt: skip
@EVENTS_OPTION
@STAGES_OPTION
@click.pass_context
def run_command(ctx, patterns, output, engine, address, workers, partition_size, event_scope,
                stages):  # fmt: skip
    """Extract many articles into Parquet tables, one file per input partition.

    Per-article failures go to errors/; a rerun skips finished partitions. Load the tables
    into the store with `eventwire ingest --parquet DIR`.

    Example: eventwire run --input 'day/*.jsonl' --output out/ --workers 2
    """
    settings = settings_from(ctx, engine=engine, address=address, workers=workers,
                             partition_size=partition_size, events=event_scope,
                             stages=stages)  # fmt: skip
    if settings.engine == "dask":
        quiet_dask()
    counts = guarded(lambda: run_inputs_with_progress(patterns, output, settings))
    summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
    click.echo(f"run: {summary or 'nothing to do'} ({output})", err=True)


def run_inputs_with_progress(
    patterns: Sequence[str], output: Path, settings: Settings
) -> dict[str, int]:
    """Run, with a progress bar (articles) on a terminal; the counts of what was done."""
    from tqdm import tqdm

    from eventwire.run.engines import run_inputs

    counts = {"articles": 0, "failed": 0, "events": 0, "partitions": 0, "skipped": 0}
    sizes: dict[str, int] = {}
    bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True,
               disable=not sys.stderr.isatty())  # fmt: skip

    def plan(partitions: Sequence[Any]) -> None:
        sizes.update((p.id, p.size or 0) for p in partitions)
        if all(p.size is not None for p in partitions):  # a WARC file: the rate only
            bar.reset(total=sum(sizes.values()))

    try:
        for report in run_inputs(patterns, output, settings, plan=plan):
            if report.skipped:
                counts["skipped"] += 1
                bar.update(sizes.get(report.partition, 0))
                continue
            counts["partitions"] += 1
            counts["articles"] += report.articles
            counts["failed"] += report.failed
            counts["events"] += report.events
            bar.update(sizes.get(report.partition) or report.articles + report.failed)
            bar.set_postfix(partitions=counts["partitions"], failed=counts["failed"],
                            refresh=False)  # fmt: skip
    finally:
        bar.close()
    return counts
