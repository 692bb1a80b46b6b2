"""`eventwire bench stories` on a few hundred events: it reports each window and links the
repeated happenings it writes (figures are reported, never asserted: no timing test)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.corpus import stories
from eventwire.evaluate.bench_stories import run_bench
from eventwire.store import open_store


@pytest.mark.parametrize("days", [None, 30])
def test_bench_stories_reports_every_window_and_links_repeats(tmp_path, days):
    with open_store(str(tmp_path / "b.db")) as store:
        result = run_bench(store, 600, checkpoint=200, days=days)
        found = list(stories(store))
        assert store.counts()["events"] == 600
    assert [w.events for w in result.windows] == [200, 400, 600]
    assert [w.articles for w in result.windows] == [20, 40, 60]
    assert result.windows[-1].stories == len(found)
    # 4 in 10 events repeat an earlier happening in another article: some stories have several
    assert len(found) < 600
    assert max(s["articles"] for s in found) > 1


def test_cli_bench_stories_refuses_a_store_with_articles(tmp_path):
    db = str(tmp_path / "b.db")
    first = CliRunner().invoke(main, ["bench", "stories", "--events", "40", "--checkpoint", "20",
                                      "--db", db, "--json"])  # fmt: skip
    assert first.exit_code == 0, first.output
    assert [w["events"] for w in json.loads(first.stdout)["windows"]] == [20, 40]
    again = CliRunner().invoke(main, ["bench", "stories", "--events", "40", "--db", db])
    assert again.exit_code == 1
    assert "needs an empty store" in again.stderr
