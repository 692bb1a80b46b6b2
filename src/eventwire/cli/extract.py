"""`eventwire extract`: one article's result as JSON, or many as JSON Lines."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from eventwire.api import extract_any, extract_lines
from eventwire.cli.main import EVENTS_OPTION, guarded, main, settings_from
from eventwire.errors import EventwireError, InputError
from eventwire.output import dumps, error_dict
from eventwire.pipeline import build_pipeline
from eventwire.read.files import JSONL_SUFFIXES
from eventwire.read.text import read_path
from eventwire.settings import Settings


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date (ISO 8601); relative times resolve against it.")
@click.option("--url", help="The article's URL (recorded, never fetched).")
@click.option("--title", help="The article's title.")
@click.option(
    "--input",
    "input_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON Lines input, one {id, text, published, url?, title?} a line; '-': stdin.",
)
@click.option("--jsonl", is_flag=True, help="Read FILES as JSON Lines (also by .jsonl suffix).")
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the result, or the JSON Lines results (default: stdout).",
)
@EVENTS_OPTION
@click.option("--indent", type=int, default=None, help="Pretty-print a single result.")
@click.pass_context
def extract(ctx, files, published, url, title, input_path, jsonl, output_path, event_scope, indent):
    """Extract events from article FILES (text or HTML) or JSON Lines files.

    One article file gives one JSON result; several files, or JSON Lines (a .jsonl file,
    --jsonl or --input), give one result per line, with error records for inputs that fail.

    Example: eventwire extract samples/iraq-withdrawal.txt --published 2024-09-06
    """
    settings = settings_from(ctx, events=event_scope)
    guarded(
        lambda: extract_command(
            files=files,
            published=published,
            url=url,
            title=title,
            input_path=input_path,
            jsonl=jsonl,
            output_path=output_path,
            settings=settings,
            indent=indent,
        )
    )


def is_jsonl(path: Path, *, jsonl: bool) -> bool:
    return jsonl or str(path) == "-" or path.name.endswith(JSONL_SUFFIXES)


def extract_command(
    *, files: Sequence[Path], published: str | None, url: str | None, title: str | None,
    input_path: Path | None, jsonl: bool, output_path: Path | None, settings: Settings,
    indent: int | None,
) -> None:  # fmt: skip
    if input_path is not None:
        if files:
            raise InputError("give either FILES or --input, not both")
        files, jsonl = [input_path], True
    if not files:
        raise InputError("give an article FILE, or a JSON Lines file (--input FILE.jsonl)")
    pipeline = build_pipeline(settings)
    if len(files) == 1 and not is_jsonl(files[0], jsonl=jsonl):
        text = read_path(files[0])
        result = extract_any(text, published=published, url=url, title=title, pipeline=pipeline)
        with open_output(output_path) as out:
            out.write(dumps(result.to_dict(), indent=indent) + "\n")
        return
    if url or title:
        raise InputError(
            "--url and --title describe one article; JSON Lines records carry their own"
        )
    with open_output(output_path) as out:
        for path in files:
            if is_jsonl(path, jsonl=jsonl):
                with open_lines(path) as lines:
                    for record in extract_lines(lines, pipeline=pipeline):
                        out.write(dumps(record) + "\n")
            else:
                out.write(dumps(file_result(path, published, pipeline)) + "\n")


def file_result(path: Path, published: str | None, pipeline: Any) -> dict[str, Any]:
    """One article file's result, or its error record (id: the file's path)."""
    try:
        return extract_any(read_path(path), published=published, pipeline=pipeline).to_dict()
    except EventwireError as exc:
        return error_dict(str(path), exc)


@contextmanager
def open_lines(path: Path) -> Iterator[Iterable[bytes]]:
    """The lines of a JSON Lines file, or of stdin for '-', as bytes; a clear error when
    unreadable. A line whose bytes are not UTF-8 becomes its error record, as in `ingest`."""
    if str(path) == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        yield handle


@contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or the file at `path` (a clear error when it cannot be written)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from exc
    with handle:
        yield handle
