"""The one reader of eventwire's data tables, and of a user's additions to them.

The bundled tables live in `eventwire/data/<area>/<name>` (areas mirror the stages: actors,
events, places, sources, times). A user's lexicon folder (the `lexicons` setting) has the
same layout; a file there with the same area and name adds to the bundled table. One rule
holds for every table: rows are read bundled first, then the user's, and where two rows
define the same entry the later one, the user's, wins (for trigger readings, which are tried
in order, the user's readings of a lemma are tried first).

Tab-separated files: a line starting with `#` is a comment, blank lines are skipped, and `|`
separates alternative forms within a cell (the tables' own readers split those).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    origin: str  # "events/triggers.tsv" for a bundled row, else the user file's path
    line: int  # 1-based line number in that file
    user: bool

    def cell(self, index: int) -> str:
        """The cell at `index`, stripped; "" past the row's end."""
        return self.cells[index].strip() if index < len(self.cells) else ""


def table_texts(area: str, name: str, user_dir: Path | None) -> list[tuple[str, str, bool]]:
    """(origin, text, from the user) of the bundled file, then of the user's, where present."""
    texts: list[tuple[str, str, bool]] = []
    bundled = resources.files("eventwire") / "data" / area / name
    if bundled.is_file():
        texts.append((f"{area}/{name}", bundled.read_text(encoding="utf-8"), False))
    if user_dir is not None:
        path = Path(user_dir) / area / name
        if path.is_file():
            try:
                texts.append((str(path), path.read_text(encoding="utf-8"), True))
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read the lexicon file {path}: {exc}") from exc
    return texts


def read_rows(area: str, name: str, user_dir: Path | None = None) -> list[Row]:
    """The rows of a tab-separated table: bundled first, then the user's additions."""
    rows: list[Row] = []
    for origin, text, user in table_texts(area, name, user_dir):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.startswith("#"):
                rows.append(Row(tuple(line.split("\t")), origin, number, user))
    return rows


def read_records(area: str, name: str, user_dir: Path | None = None) -> list[dict[str, str]]:
    """The rows of a table whose first row names its columns, as dicts (cells stripped). A
    user's file starts with the same header row."""
    records: list[dict[str, str]] = []
    header: tuple[str, ...] | None = None
    current = None
    for row in read_rows(area, name, user_dir):
        if row.origin != current:  # each file's first row is its header
            current, header = row.origin, tuple(c.strip() for c in row.cells)
            continue
        assert header is not None
        records.append({key: row.cell(i) for i, key in enumerate(header)})
    return records


def read_toml(area: str, name: str, user_dir: Path | None = None) -> dict[str, Any]:
    """A TOML table file, with the user's file merged over it one table at a time."""
    merged: dict[str, Any] = {}
    for origin, text, _user in table_texts(area, name, user_dir):
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin} is not valid TOML: {exc}") from exc
        for key, value in raw.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


def forms(cell: str) -> list[str]:
    """The alternative forms of a cell ("Iraq|Republic of Iraq")."""
    return [f.strip() for f in cell.split("|") if f.strip()]
