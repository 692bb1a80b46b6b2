"""The `eventwire` command group, and what every command shares: the one-line error, the
settings (resolved once here, at the edge), and the options several commands take."""

from __future__ import annotations

import atexit
import gc
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.settings import Settings, load_settings, setting_help


def fail(message: str) -> NoReturn:
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(1)


class Commands(click.Group):
    """The command group, whose usage mistakes (an unknown option, a bad value, a missing
    file) are the same one line and exit status 1 as every other error."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # `eventwire` alone (click >= 8.2)
                click.echo(exc.format_message())
                sys.exit(0)
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            fail(exc.format_message() + hint)
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.Abort:
            fail("aborted")
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=Commands)
@click.version_option(__version__, prog_name="eventwire")
@click.option("-v", "--verbose", count=True, help="Log progress (-v) or details (-vv) to stderr.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A settings file (TOML; default: ./eventwire.toml when there is one).",
)
@click.pass_context
def main(ctx: click.Context, verbose: int, config: Path | None) -> None:
    """Turn news articles into sourced, time-anchored, modality-aware PLOVER events."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"config": config}
    register_quick_exit()


_QUICK_EXIT: list[bool] = []


def register_quick_exit() -> None:
    """At exit, put every object still alive out of the garbage collector's reach, so that
    the interpreter does not sweep the loaded model and lexicons once more on its way out
    (measured: 0.6 s after a pipeline was loaded, 0.05 s frozen). Once per process."""
    if not _QUICK_EXIT:
        _QUICK_EXIT.append(True)
        atexit.register(gc.freeze)


def settings_from(ctx: click.Context, **flags: Any) -> Settings:
    """The resolved settings: defaults < eventwire.toml < EVENTWIRE_* < these flags."""
    obj = ctx.find_root().obj or {}
    try:
        return load_settings(flags, config=obj.get("config"))
    except EventwireError as exc:
        fail(str(exc))


def quiet_dask() -> None:
    """Dask's own loggers at WARNING unless -v asks for more (Dask sets them at import)."""
    if logging.getLogger().getEffectiveLevel() <= logging.INFO:
        return
    try:
        import distributed  # noqa: F401  (configures its loggers on import)
    except ImportError:
        return
    logging.getLogger("distributed").setLevel(logging.WARNING)


def guarded(action: Callable[[], Any]) -> Any:
    """Run a command's work; an error we raise on purpose becomes the one-line message."""
    try:
        return action()
    except EventwireError as exc:
        fail(str(exc))


def print_report(compute: Callable[[], Any], render: Callable[[Any], str], *, as_json: bool) -> Any:
    """Run an evaluation or a benchmark; print its figures as a table or as one JSON object."""
    result = guarded(compute)
    data = result.to_dict() if hasattr(result, "to_dict") else result
    click.echo(json.dumps(data) if as_json else render(result))
    return result


@contextmanager
def benchmark_store(
    db: str | None, n_events: int, *, empty: bool = True
) -> Iterator[tuple[str, Any, Callable[[int], Any]]]:
    """The store a benchmark writes into, its URL, and a progress callback counting events
    (a bar on a terminal): `db`, or a new temporary SQLite file removed afterwards; with
    `empty`, a store that already holds articles is refused."""
    import tempfile

    from tqdm import tqdm

    from eventwire.errors import ConfigError
    from eventwire.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        url = db or str(Path(folder) / "bench.db")
        with open_store(url) as store:
            if empty and store.counts()["articles"]:
                raise ConfigError(f"the benchmark needs an empty store; {store.url} has articles")
            bar = tqdm(total=n_events, unit="event", file=sys.stderr,
                       disable=not sys.stderr.isatty())  # fmt: skip
            try:
                yield url, store, bar.update
            finally:
                bar.close()


DB_OPTION = click.option("--db", metavar="URL", default=None, help=setting_help("db"))
EVENTS_OPTION = click.option(
    "--events",
    "event_scope",
    type=click.Choice(["plover", "all"]),
    default=None,
    help=setting_help("events") + "  [default: plover]",
)
STAGES_OPTION = click.option("--stages", hidden=True, help=setting_help("stages"))
