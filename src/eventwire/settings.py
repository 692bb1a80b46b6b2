"""Every setting of eventwire, in one list, read once at the edge and passed into constructors.

Precedence, lowest first: the defaults below < an `eventwire.toml` file (the working folder's,
or the one `--config` names) < `EVENTWIRE_*` environment variables < command-line flags. The
CLI's options, the checks and docs/settings.md all read the `Settings` fields below.

    db = "eventwire.db"        # eventwire.toml: one key per field, as named here
    events = "all"
    lexicons = "my-lexicons"

Nothing else in eventwire reads the environment for a setting: stages receive what they need
as constructor arguments (the registry in `pipeline.py` says which settings each one takes).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

CONFIG_FILE = "eventwire.toml"
ENV_PREFIX = "EVENTWIRE_"
EVENT_SCOPES = ("plover", "all")
ENGINES = ("local", "dask")


HELP = {
    "db": "The store: a SQLite file (a path or sqlite:///path) or postgresql://user:pass@host/db.",
    "lexicons": "A folder of your own lexicon files, laid out like eventwire/data/ (actors/, "
    "events/, sources/, places/); each file adds to the bundled one of the same name, and "
    "your entries win where both define the same one.",
    "events": "Which events to emit: 'plover' (the 16 PLOVER categories) or 'all' (also other "
    "actions, typed OTHER).",
    "workers": "Processes that extract during ingest (the parent alone writes) and run, or "
    "the workers of the local Dask cluster that run starts.",
    "engine": "Where run extracts: 'local' (a pool of worker processes here) or 'dask' (a "
    "Dask distributed cluster: a local one on 127.0.0.1, or the scheduler at address).",
    "address": "The Dask scheduler run sends its tasks to (tcp://host:8786); empty: start a "
    "local cluster. Its workers must see the input and output paths.",
    "partition_size": "Articles (JSON Lines lines, Parquet rows) in each partition of run: "
    "one task (tens of seconds on one core), one output file per table. A WARC file is one "
    "partition.",
    "batch_size": "Articles parsed together in a batch run (spaCy's nlp.pipe): 16 was about "
    "1.2 times faster than one at a time; larger batches gain nothing and cost memory.",
    "cache_dir": "Where built data (the gazetteer's compact file, the actor and event "
    "lexicons) is kept between runs; "
    "rebuilt there when eventwire, its data packages or the lexicon files change (default: "
    "$XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire).",
    "stages": "The pipeline's stages in order, as registry names or module:Factory (empty: the "
    "default pipeline). For trials and tests of a lighter pipeline.",
    "time_budget": "Seconds one article may take in the pipeline; past them it is given up as "
    "a failure ('time budget exceeded') and the batch goes on (0: no limit). Checked between "
    "stages, inside their long loops and between the pieces a very long article is parsed in.",
}
# A 100,000-character feature extracts in about 15 s on one core of a loaded machine (3 s of
# it after the parse); 60 leaves four times that, and stops an article that would hold a
# batch for minutes (the 2,000,000 characters the reader accepts take several).
DEFAULT_TIME_BUDGET_S = 60


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, with its default; each field's help is in its metadata."""

    db: str = field(default="eventwire.db", metadata={"help": HELP["db"]})
    lexicons: Path | None = field(default=None, metadata={"help": HELP["lexicons"]})
    events: str = field(
        default="plover", metadata={"help": HELP["events"], "choices": EVENT_SCOPES}
    )
    workers: int = field(default=1, metadata={"help": HELP["workers"]})
    engine: str = field(default="local", metadata={"help": HELP["engine"], "choices": ENGINES})
    address: str = field(default="", metadata={"help": HELP["address"]})
    partition_size: int = field(default=100, metadata={"help": HELP["partition_size"]})
    batch_size: int = field(default=16, metadata={"help": HELP["batch_size"]})
    cache_dir: Path | None = field(default=None, metadata={"help": HELP["cache_dir"]})
    stages: tuple[str, ...] = field(default=(), metadata={"help": HELP["stages"]})
    time_budget: int = field(default=DEFAULT_TIME_BUDGET_S, metadata={"help": HELP["time_budget"]})

    def to_dict(self) -> dict[str, Any]:
        """The settings as JSON values (stored with each ingest run)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Path):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


def setting_help(name: str) -> str:
    """The help text of one setting (the CLI's options use it)."""
    for f in fields(Settings):
        if f.name == name:
            return str(f.metadata["help"])
    raise KeyError(name)


def env_name(name: str) -> str:
    return ENV_PREFIX + name.upper()


def convert(name: str, value: Any) -> Any:
    """A setting's value from a string (environment), a TOML value or a CLI value; checked."""
    spec = next((f for f in fields(Settings) if f.name == name), None)
    if spec is None:
        known = ", ".join(f.name for f in fields(Settings))
        raise ConfigError(f"unknown setting {name!r}; known: {known}")
    default = spec.default if spec.default is not MISSING else None
    try:
        if name in ("lexicons", "cache_dir"):
            converted: Any = None if value in (None, "") else Path(value)
        elif name == "stages":
            items = value.split(",") if isinstance(value, str) else list(value)
            converted = tuple(str(s).strip() for s in items if str(s).strip())
        elif isinstance(default, bool):
            converted = value if isinstance(value, bool) else str(value).lower() in {"1", "true"}
        elif isinstance(default, int):
            converted = int(value)
        else:
            converted = str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name}: cannot read {value!r}") from None
    choices = spec.metadata.get("choices")
    if choices and converted not in choices:
        raise ConfigError(f"setting {name} must be one of {', '.join(choices)}, not {value!r}")
    if name in ("workers", "batch_size", "partition_size") and converted < 1:
        raise ConfigError(f"setting {name} must be at least 1")
    if name == "time_budget" and converted < 0:
        raise ConfigError("setting time_budget must be 0 (no limit) or more seconds")
    if name == "lexicons" and converted is not None and not converted.is_dir():
        raise ConfigError(f"setting lexicons: {converted} is not a folder")
    return converted


def cache_folder(settings: Settings, environ: Mapping[str, str] | None = None) -> Path:
    """The cache folder: the `cache_dir` setting, else the XDG default
    ($XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire)."""
    if settings.cache_dir is not None:
        return settings.cache_dir
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or ""
    root = (
        Path(base) if Path(base).is_absolute() else Path(env.get("HOME") or Path.home()) / ".cache"
    )
    return root / "eventwire"


def read_config(path: Path) -> dict[str, Any]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    return raw.get("eventwire", raw) if isinstance(raw.get("eventwire"), dict) else raw


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    config: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve the settings: defaults < eventwire.toml < EVENTWIRE_* variables < `overrides`
    (the CLI's flags; None values are left out). `config` names the TOML file; by default the
    working folder's eventwire.toml is read when there is one."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config if config is not None else Path(CONFIG_FILE)
    if config is not None or path.is_file():
        for name, value in read_config(path).items():
            values[name] = convert(name, value)
    for f in fields(Settings):
        raw = env.get(env_name(f.name))
        if raw not in (None, ""):
            values[f.name] = convert(f.name, raw)
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = convert(name, value)
    return replace(Settings(), **values)
