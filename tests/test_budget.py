"""The per-article time budget (issue 16): an article that takes too long is given up as its
failure record, named by the stage it was in, and the batch goes on. Budgets here are a
second or two against work that would run for a minute: no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "store"))

from storetest import subprocess_env

from eventwire.api import extract_lines, make_article, run
from eventwire.budget import check_budget, time_budget
from eventwire.errors import StageError, TimeBudgetError
from eventwire.model import Doc
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import Settings, load_settings

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
# Work a budgeted article would do without a budget: far longer than any budget here.
LONG_S = 60.0


@dataclass
class Busy:
    """A stage that works in a long loop, checking the budget as the real stages' loops do."""

    name: str = "busy"
    needs: frozenset[str] = frozenset()
    gives: frozenset[str] = frozenset({"body"})
    cooperative: bool = True

    def __call__(self, doc: Doc) -> Doc:
        if "busy" not in doc.article.text:
            return doc
        give_up = time.monotonic() + (LONG_S if self.cooperative else 1.5)
        while time.monotonic() < give_up:
            if self.cooperative:
                check_budget()
            time.sleep(0.01)
        return doc


@dataclass
class Later:
    name: str = "later"
    needs: frozenset[str] = frozenset({"body"})
    gives: frozenset[str] = frozenset({"events"})
    ran: int = 0

    def __call__(self, doc: Doc) -> Doc:
        self.ran += 1
        return doc


ARTICLE = "The busy article says troops withdrew from the town on Friday, officials said."


def test_issue_16_a_stage_loop_stops_at_the_budget():
    later = Later()
    pipe = Pipeline([Busy(), later], time_budget=1)
    started = time.monotonic()
    with pytest.raises(StageError) as caught:
        run(make_article(ARTICLE), pipeline=pipe)
    assert time.monotonic() - started < LONG_S  # stopped, not run to the end
    assert caught.value.stage == "busy"
    assert isinstance(caught.value.cause, TimeBudgetError)
    assert "time budget exceeded" in str(caught.value)
    assert later.ran == 0


def test_issue_16_the_budget_is_checked_between_stages():
    later = Later()
    pipe = Pipeline([Busy(cooperative=False), later], time_budget=1)
    with pytest.raises(StageError) as caught:
        run(make_article(ARTICLE), pipeline=pipe)
    assert caught.value.stage == "busy"
    assert later.ran == 0


def test_issue_16_each_article_has_its_own_budget_and_the_batch_goes_on():
    pipe = Pipeline([Busy(), Later()], time_budget=1)
    lines = [
        json.dumps({"id": "1", "text": "Troops withdrew from the town on Friday, officials said."}),
        json.dumps({"id": "2", "text": ARTICLE}),
        json.dumps({"id": "3", "text": "Police arrested 40 protesters in Minsk, officials said."}),
    ]
    records = list(extract_lines(lines, pipeline=pipe))
    assert [r["article"]["id"] for r in records] == ["1", "2", "3"]
    assert ["error" in r for r in records] == [False, True, False]
    assert "time budget exceeded" in records[1]["error"]["message"]


def test_issue_16_no_budget_outside_a_pipeline_or_at_zero():
    check_budget()  # no deadline set: nothing happens
    with time_budget(0):
        check_budget()
    assert Pipeline([Busy(), Later()], time_budget=0).time_budget is None


def test_issue_16_the_budget_is_a_setting():
    assert Settings().time_budget > 0
    settings = load_settings(environ={"EVENTWIRE_TIME_BUDGET": "7"})
    assert settings.time_budget == 7
    assert build_pipeline(Settings(stages=("body",), time_budget=7)).time_budget == 7


def test_issue_16_ingest_gives_up_a_slow_article_and_goes_on(tmp_path):
    source = tmp_path / "batch.jsonl"
    source.write_text(
        "".join(json.dumps(r) + "\n" for r in [
            {"id": "one", "text": "Iraq protested in Baghdad on 2024-03-01."},
            {"id": "slow", "text": "France protested in Paris. SLOW"},
            {"id": "three", "text": "Kenya agreed in Nairobi on 2024-05-10."},
        ])
    )  # fmt: skip
    db = str(tmp_path / "store.db")
    done = subprocess.run(
        [EVENTWIRE, "ingest", str(source)],
        env=subprocess_env(db, EVENTWIRE_TIME_BUDGET="2"),
        capture_output=True,
        text=True,
        timeout=LONG_S * 2,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "ingest: 1 failed, 2 stored"
    listed = subprocess.run(
        [EVENTWIRE, "failures"], env=subprocess_env(db), capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    [failure] = listed.stdout.splitlines()
    assert "#id:slow" in failure
    assert "TimeBudgetError" in failure
    assert "time budget exceeded" in failure


@dataclass
class BusyBatch(Busy):
    """Busy, with a batch form (as the parse stage has) that works through the docs in turn."""

    batches: int = 0

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        self.batches += 1
        return [self(d) for d in docs]


def test_issue_15_in_a_batch_a_slow_article_fails_alone_and_the_others_go_on():
    stage = BusyBatch()
    pipe = Pipeline([stage, Later()], time_budget=1)
    texts = ["Troops withdrew on Friday.", ARTICLE, "Police arrested 40 protesters."]
    outcomes = list(pipe.run_many([Doc(article=make_article(t)) for t in texts], batch_size=3))
    assert stage.batches == 1  # the batch form was tried, then each doc alone
    assert [isinstance(o, Doc) for o in outcomes] == [True, False, True]
    assert isinstance(outcomes[1], StageError)
    assert outcomes[1].stage == "busy"
    assert "over 1 s" in str(outcomes[1])


@dataclass
class Slow:
    """Half a second per article, never checking the budget."""

    name: str
    needs: frozenset[str] = frozenset()
    gives: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        if "busy" in doc.article.text:
            time.sleep(0.6)
        return doc


def test_issue_15_in_a_batch_an_article_budget_counts_every_stage():
    pipe = Pipeline([Slow("first"), Slow("second"), Later(needs=frozenset())], time_budget=1)
    texts = [ARTICLE, "Troops withdrew on Friday."]
    outcomes = list(pipe.run_many([Doc(article=make_article(t)) for t in texts], batch_size=2))
    assert isinstance(outcomes[0], StageError)
    assert outcomes[0].stage == "second"
    assert isinstance(outcomes[1], Doc)
