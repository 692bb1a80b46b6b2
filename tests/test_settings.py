"""One settings list, resolved once: defaults < eventwire.toml < EVENTWIRE_* < flags."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.settings import Settings, env_name, load_settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_settings_precedence_defaults_file_environment_flags(tmp_path):
    config = tmp_path / "eventwire.toml"
    config.write_text('db = "from-file.db"\nevents = "all"\nworkers = 3\n', encoding="utf-8")
    assert load_settings(environ={}, config=config) == Settings(
        db="from-file.db", events="all", workers=3
    )
    env = {"EVENTWIRE_DB": "from-env.db", "EVENTWIRE_WORKERS": "2"}
    got = load_settings(environ=env, config=config)
    assert (got.db, got.events, got.workers) == ("from-env.db", "all", 2)
    got = load_settings({"db": "from-flag.db", "workers": None}, environ=env, config=config)
    assert (got.db, got.workers) == ("from-flag.db", 2)  # a flag not given leaves the rest


def test_settings_read_the_working_folders_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()
    (tmp_path / "eventwire.toml").write_text('[eventwire]\nevents = "all"\n', encoding="utf-8")
    assert load_settings(environ={}).events == "all"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"events": "some"}, "events must be one of plover, all"),
        ({"workers": "two"}, "workers"),
        ({"workers": 0}, "at least 1"),
        ({"colour": "red"}, "unknown setting 'colour'"),
        ({"lexicons": "/no/such/folder"}, "not a folder"),
    ],
)
def test_settings_bad_values_are_config_errors(values, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(values, environ={})


def test_settings_bad_toml_is_a_config_error(tmp_path):
    config = tmp_path / "eventwire.toml"
    config.write_text("db = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config=config, environ={})


def test_settings_stages_from_a_comma_list():
    got = load_settings(environ={"EVENTWIRE_STAGES": "body, parse,actors"})
    assert got.stages == ("body", "parse", "actors")


def test_settings_every_setting_is_documented_with_its_variable():
    page = DOCS.read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f.metadata.get("help"), f.name
        assert f"`{f.name}`" in page, f.name
        assert env_name(f.name) in page, f.name
