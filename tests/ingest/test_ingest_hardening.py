"""Ingest against hostile input (issue 16): dates at the calendar's edges are stored, and an
article whose stage fails with an arithmetic error is a failure row; the batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from storetest import subprocess_env

from eventwire.ingest import Inputs, Workers, ingest
from eventwire.settings import Settings
from eventwire.store import EventFilter, open_store

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
# Generous: a stuck subprocess fails the test instead of hanging it; never a timing assertion.
PATIENCE_S = 120
# The real time and event-time stages around the fake events, without spaCy.
CALENDAR_STAGES = (
    "fake_stages:NoParseStage",
    "times",
    "fake_stages:FakeEventStage",
    "event_times",
)


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_issue_16_ingest_stores_dates_at_the_calendar_edges(db_url, tmp_path):
    source = write_jsonl(
        tmp_path / "edges.jsonl",
        [
            {"id": "late", "text": "Iraq agreed in Baghdad. It ends tomorrow.",
             "published": "9999-12-31"},
            {"id": "early", "text": "Iran met in Basra on Friday, officials said.",
             "published": "0001-01-01"},
            {"id": "far", "text": "Kenya protested in Nairobi. The row began 800000 days ago, "
             "the law 3000 years ago and the lease ends 5000000 days from now.",
             "published": "2024-09-06"},
        ],
    )  # fmt: skip
    settings = Settings(stages=CALENDAR_STAGES)
    with open_store(db_url) as store:
        outcomes = [
            p.outcome for p in ingest(store, Inputs([source]), workers=Workers(settings=settings))
        ]
        assert outcomes == ["stored", "stored", "stored"]
        assert list(store.failures()) == []
        docs = [store.load_doc(i) for i in {r.article_id for r in store.events(EventFilter())}]
        values = [(t.span.of(d.article.text), t.value) for d in docs for t in d.times]
    assert sorted(values) == sorted(
        [
            ("tomorrow", "FUTURE_REF"),
            ("Friday", "PAST_REF"),
            ("800000 days ago", "PAST_REF"),
            ("3000 years ago", "PAST_REF"),
            ("5000000 days from now", "FUTURE_REF"),
        ]
    )


def test_issue_16_ingest_records_an_arithmetic_failure_and_goes_on(db_url, tmp_path):
    source = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {"id": "one", "text": "Iraq protested in Baghdad on 2024-03-01."},
            {"id": "bad", "text": "France protested in Paris. OVERFLOW"},
            {"id": "three", "text": "Kenya agreed in Nairobi on 2024-05-10."},
        ],
    )
    for attempt in range(2):  # the rerun does not stop at the same item either
        done = subprocess.run(
            [EVENTWIRE, "ingest", str(source)],
            env=subprocess_env(db_url),
            capture_output=True,
            text=True,
            timeout=PATIENCE_S,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        summary = done.stderr.strip().splitlines()[-1]
        assert summary == ("ingest: 1 failed, 2 stored" if attempt == 0 else
                           "ingest: 1 failed, 2 skipped")  # fmt: skip
        with open_store(db_url, migrate=False) as store:
            [failure] = store.failures()
            assert failure.item.endswith("batch.jsonl#id:bad")
            assert failure.error_type == "OverflowError"
            assert store.counts()["articles"] == 2


# Text no store can hold: PostgreSQL's text refuses NUL, and no UTF-8 output or SQLite
# column takes an unpaired surrogate (a JSON "\ud800" escape). Each aborted the whole ingest.
LONG = "Iraq protested in Baghdad on 2024-03-01. " * 10
UNSTORABLE = [
    {"id": "nul", "text": LONG + "\u0000 end."},
    {"id": "surrogate", "text": LONG + "\ud800 end."},
    {"id": "title", "text": LONG, "title": "A\u0000B"},
    {"id": "odd\ud800id", "text": "France agreed in Paris. " * 3 + "\u0000"},
    {"id": "good", "text": "Kenya agreed in Nairobi on 2024-05-10."},
]


def test_issue_16_unstorable_characters_are_failures_on_both_engines(db_url, tmp_path):
    source = write_jsonl(tmp_path / "odd.jsonl", UNSTORABLE)
    settings = Settings(stages=("fake_stages:FakeEventStage",))
    with open_store(db_url) as store:
        outcomes = [
            p.outcome for p in ingest(store, Inputs([source]), workers=Workers(settings=settings))
        ]
        assert sorted(outcomes) == ["failed"] * 4 + ["stored"]
        failures = {f.item.split("#id:")[1]: f.message for f in store.failures()}
    assert sorted(failures) == ["nul", "odd\\ud800id", "surrogate", "title"]
    assert "NUL" in failures["nul"]
    assert "unpaired surrogate" in failures["surrogate"]
    assert "the title" in failures["title"]
