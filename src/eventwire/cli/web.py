"""`eventwire serve` (the HTTP API and the web page) and `eventwire bench web`."""

from __future__ import annotations

import click

from eventwire.cli.main import DB_OPTION, EVENTS_OPTION, STAGES_OPTION, guarded, main, settings_from


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
