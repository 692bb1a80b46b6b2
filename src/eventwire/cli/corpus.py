"""The corpus commands: `stories`, `ledger`, `eval coref` and `bench stories`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from eventwire.cli.evaluate import FILE_ARGUMENT, JSON_OPTION, bench_group, eval_group
from eventwire.cli.main import (
    DB_OPTION,
    benchmark_store,
    guarded,
    main,
    print_report,
    settings_from,
)
from eventwire.corpus.commitments import STATUSES
from eventwire.store import open_store
from eventwire.store.export import cell
from eventwire.store.filters import parse_day

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default=None,
    help="Default: a table on a terminal, JSON Lines when piped.",
)
ACTOR_OPTION = click.option(
    "--actor", help="An actor or recipient: a name (any case), or a country code (IRQ)."
)
STORY_COLUMNS = (("id", 7), ("type", 10), ("articles", 8), ("outlets", 7), ("sources", 7),
                 ("first", 10), ("last", 10), ("triggers", 40))  # fmt: skip
LEDGER_COLUMNS = (("id", 6), ("status", 12), ("type", 10), ("due", 16), ("actors", 28),
                  ("event", 24), ("changes", 7))  # fmt: skip


def table(columns: tuple[tuple[str, int], ...], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "  ".join(name.upper().ljust(width) for name, width in columns).rstrip()
    for row in rows:
        yield "  ".join(cell(row[name], width).ljust(width) for name, width in columns).rstrip()


def story_cells(story: dict[str, Any]) -> dict[str, Any]:
    triggers = dict.fromkeys(e["trigger"]["text"] for e in story["events"])
    return {**story, "sources": story["independent_sources"], "first": story["first_published"],
            "last": story["last_published"], "triggers": ", ".join(triggers)}  # fmt: skip


def commitment_cells(item: dict[str, Any]) -> dict[str, Any]:
    due = item["due"]
    return {**item, "due": f"{due['relation']} {due['value']}",
            "actors": "; ".join(a["name"] for a in item["actors"]),
            "event": f"{item['event']['article']}:{item['event']['event']}",
            "changes": len(item["history"]) - 1}  # fmt: skip


def write_rows(rows: Iterable[dict[str, Any]], *, fmt: str | None,
               lines: Callable[[Iterable[dict[str, Any]]], Iterator[str]]) -> None:  # fmt: skip
    chosen = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if chosen == "table":
        for line in lines(rows):
            sys.stdout.write(line + "\n")
        return
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@main.command()
@DB_OPTION
@click.option("--type", "kind", help="Stories of this event type (PROTEST, ..., OTHER).")
@ACTOR_OPTION
@click.option("--since", metavar="DATE", help="Event time on/after DATE (not publication).")
@click.option("--until", metavar="DATE", help="Event time on or before DATE.")
@FORMAT_OPTION
@click.pass_context
def stories(ctx, db, kind, actor, since, until, fmt):
    """Stories: the events of different articles that report one real-world event, with
    counts of articles, outlets and independent sources (copies and relayed wires once).

    Example: eventwire stories --type ASSAULT --since 2024-01-01 --format jsonl
    """
    from eventwire.corpus import stories as read_stories

    settings = settings_from(ctx, db=db)

    def run() -> None:
        first, last = parse_day(since, "--since"), parse_day(until, "--until")
        with open_store(settings.db, migrate=False) as store:
            rows = read_stories(store, type=kind, actor=actor, since=first, until=last)
            write_rows(rows, fmt=fmt,
                       lines=lambda r: table(STORY_COLUMNS, map(story_cells, r)))  # fmt: skip

    guarded(run)


@main.command()
@DB_OPTION
@click.option("--as-of", metavar="DATE", help="Read the ledger as of DATE (default: today).")
@click.option("--status", type=click.Choice(STATUSES), help="Only commitments in this status.")
@click.option("--due-before", metavar="DATE", help="Only commitments due before DATE.")
@ACTOR_OPTION
@FORMAT_OPTION
@click.pass_context
def ledger(ctx, db, as_of, status, due_before, actor, fmt):
    """The ledger of commitments: planned or expected events with a due time, and whether
    later reports fulfilled, rescheduled or contradicted them (overdue: past due, nothing).

    Example: eventwire ledger --status overdue --as-of 2025-10-01
    """
    from eventwire.corpus import ledger as read_ledger

    settings = settings_from(ctx, db=db)

    def run() -> None:
        day, before = parse_day(as_of, "--as-of"), parse_day(due_before, "--due-before")
        with open_store(settings.db, migrate=False) as store:
            rows = read_ledger(store, as_of=day, status=status, due_before=before, actor=actor)
            write_rows(rows, fmt=fmt,
                       lines=lambda r: table(LEDGER_COLUMNS, map(commitment_cells, r)))  # fmt: skip

    guarded(run)


@eval_group.command(name="coref")
@FILE_ARGUMENT
@JSON_OPTION
def eval_coref(file: Path, as_json: bool) -> None:
    """Score cross-document event coreference (stories) on MEANTIME-format JSON Lines:
    MUC, B-cubed, CEAF-e and CoNLL F1, overall and on the cross-document instances, beside
    the same-lemma baselines.

    Example: eventwire eval coref tests/data/meantime/coref.jsonl
    """
    from eventwire.evaluate.coref import format_scores, score

    print_report(lambda: score(file), format_scores, as_json=as_json)


@bench_group.command(name="stories")
@DB_OPTION
@click.option("--events", "n_events", type=click.IntRange(min=10), default=100_000,
              show_default=True, help="Synthetic events to write and link.")  # fmt: skip
@click.option("--checkpoint", type=click.IntRange(min=10), default=10_000, show_default=True,
              help="Report the linking time per window of this many events.")  # fmt: skip
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Spread all reports over this many days, in random order (default: a "
              "steady flow of 100 articles a day).")  # fmt: skip
@JSON_OPTION
def bench_stories(db, n_events, checkpoint, days, as_json):
    """Time the linking of each new article into stories and the ledger as the store grows
    (synthetic reports, one article per transaction, as ingest writes them).

    Example: eventwire bench stories --events 100000 --checkpoint 10000
    """
    print_report(
        lambda: bench_stories_run(db=db, n_events=n_events, checkpoint=checkpoint, days=days),
        bench_stories_format,
        as_json=as_json,
    )


def bench_stories_run(*, db: str | None, n_events: int, checkpoint: int,
                      days: int | None) -> Any:  # fmt: skip
    """Run the stories benchmark on a new store (default: a temporary SQLite file)."""
    from eventwire.evaluate.bench_stories import run_bench

    with benchmark_store(db, n_events) as (_, store, progress):
        return run_bench(store, n_events, checkpoint=checkpoint, days=days, progress=progress)


def bench_stories_format(result: Any) -> str:
    from eventwire.evaluate.bench_stories import format_bench

    return format_bench(result)
