"""What the CLI commands do, kept out of cli.py so that the click layer stays thin."""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.api import extract_any, extract_lines
from eventwire.errors import InputError
from eventwire.output import dumps
from eventwire.pipeline import DEFAULT_STAGES, Pipeline
from eventwire.read.articles import read_path


def pipeline_for(event_scope: str) -> Pipeline | None:
    if event_scope == "plover":
        return None
    from eventwire.pipeline import load_stage

    stages = [load_stage(n) for n in DEFAULT_STAGES]
    stages = [s.with_scope(event_scope) if hasattr(s, "with_scope") else s for s in stages]
    return Pipeline(stages)


def extract_command(
    *,
    file: Path | None,
    published: str | None,
    url: str | None,
    title: str | None,
    input_path: Path | None,
    output_path: Path | None,
    event_scope: str,
    indent: int | None,
) -> None:
    pipeline = pipeline_for(event_scope)
    if input_path is not None:
        if file is not None:
            raise InputError("give either FILE or --input, not both")
        source = (
            sys.stdin
            if str(input_path) == "-"
            else input_path.open(encoding="utf-8", errors="replace")
        )
        out = sys.stdout if output_path is None else output_path.open("w", encoding="utf-8")
        try:
            for record in extract_lines(source, pipeline=pipeline):
                out.write(dumps(record) + "\n")
        finally:
            if source is not sys.stdin:
                source.close()
            if out is not sys.stdout:
                out.close()
        return
    if file is None:
        raise InputError("give an article FILE, or --input FILE.jsonl")
    text = read_path(file)
    result = extract_any(text, published=published, url=url, title=title, pipeline=pipeline)
    payload = dumps(result.to_dict(), indent=indent)
    if output_path is None:
        sys.stdout.write(payload + "\n")
    else:
        output_path.write_text(payload + "\n", encoding="utf-8")
