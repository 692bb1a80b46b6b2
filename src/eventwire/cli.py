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
@click.option("--published", help="Publication date (ISO 8601) that relative times resolve against.")
@click.option("--url", help="The article's URL (recorded, never fetched).")
@click.option("--title", help="The article's title.")
@click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines input: one {id, text, published, url?, title?} per line ('-' for stdin).")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write JSON Lines results (default: stdout).")
@click.option("--events", "event_scope", type=click.Choice(["plover", "all"]), default="plover",
              show_default=True, help="'all' also emits events outside PLOVER, typed OTHER.")
@click.option("--indent", type=int, default=None, help="Pretty-print a single result.")
def extract(file, published, url, title, input_path, output_path, event_scope, indent):
    """Extract events from one article FILE (text or HTML), or from JSON Lines.

    Example: eventwire extract samples/iraq-withdrawal.txt --published 2024-09-06
    """
    from eventwire.commands import extract_command

    try:
        extract_command(file=file, published=published, url=url, title=title,
                        input_path=input_path, output_path=output_path,
                        event_scope=event_scope, indent=indent)
    except EventwireError as exc:
        fail(str(exc))


@main.group(name="eval")
def eval_group() -> None:
    """Score eventwire on a gold set (PLOVER, factuality, timex, geo, quotes)."""


# Further commands are registered below, one block per area; keep each block self-contained.
# --- eval commands ---
# --- store commands ---
