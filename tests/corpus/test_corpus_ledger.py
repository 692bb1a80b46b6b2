"""The ledger in the store, on SQLite and PostgreSQL: commitments made by planned events with
a due time, and the later reports that fulfil, reschedule or contradict them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from corpusdocs import DONE, PLAN, POSTPONED, Ev, Report, add

from eventwire.corpus import Linker, ledger
from eventwire.errors import ConfigError
from eventwire.store import open_store


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


@pytest.fixture
def linker():
    return Linker()


REFERENDUM = Report(
    "Kenya will hold a referendum on the new constitution by March 2025, the electoral "
    "commission said.", "2024-10-01",
    (Ev("hold", "OTHER", "hold", "planned", actors=("Kenya",),
        time=("by", "2025-03", "2025-03-01", "2025-03-31")),),
    outlet="Daily Nation",
)  # fmt: skip
DENIAL = Report(
    "The Kenyan government denied that it will hold a referendum on the constitution, a "
    "spokesman said on Friday.", "2024-11-15",
    (Ev("hold", "OTHER", "hold", "denied", actors=("Kenya",), time=("fallback", "", None, None)),),
    outlet="The Standard",
)  # fmt: skip
RAILWAY = Report(
    "Nigeria plans to open a new railway between Lagos and Kano by June 2024, the transport "
    "minister said.", "2024-01-05",
    (Ev("open", "OTHER", "open", "planned", actors=("Nigeria",), place="Lagos",
        time=("by", "2024-06", "2024-06-01", "2024-06-30")),),
    outlet="Punch",
)  # fmt: skip


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_ledger_plan_postponement_completion(db_url, linker):
    with open_store(db_url) as store:
        plan = add(store, linker, PLAN)
        postponed = add(store, linker, POSTPONED)
        done = add(store, linker, DONE)
        item = only(list(ledger(store, as_of="2024-12-01")))
        assert item["status"] == "open"
        assert item["type"] == "RETREAT"
        assert item["actors"][0]["name"] == "United States"
        assert item["event"] == {"article": plan.article.id, "event": "e2"}
        assert item["due"] == {"relation": "by", "value": "2025-09",
                               "interval": ["2025-09-01", "2025-09-30"]}  # fmt: skip
        # the old deadline passes, but the new one has not: rescheduled, not overdue
        item = only(list(ledger(store, as_of="2025-10-15")))
        assert item["status"] == "rescheduled"
        assert item["due"]["value"] == "2026-09"
        item = only(list(ledger(store, as_of="2027-01-01")))
        assert item["status"] == "fulfilled"
        assert [(h["status"], h["article"], h["event"], h["published"])
                for h in item["history"]] == [
            ("open", plan.article.id, "e2", "2024-09-06"),
            ("rescheduled", postponed.article.id, "e1", "2025-03-10"),
            ("fulfilled", done.article.id, "e1", "2026-09-20"),
        ]  # fmt: skip
        assert [h["due"]["value"] for h in item["history"]] == ["2025-09", "2026-09", "2026-09"]


def test_ledger_denial_contradicts(db_url, linker):
    with open_store(db_url) as store:
        add(store, linker, REFERENDUM)
        denial = add(store, linker, DENIAL)
        item = only(list(ledger(store, as_of="2025-06-01")))
        assert item["status"] == "contradicted"
        assert item["history"][-1]["article"] == denial.article.id
        assert only(list(ledger(store, as_of="2024-10-15")))["status"] == "open"


def test_ledger_deadline_passes_with_nothing_reported(db_url, linker):
    with open_store(db_url) as store:
        add(store, linker, RAILWAY)
        assert only(list(ledger(store, as_of="2024-06-30")))["status"] == "open"
        item = only(list(ledger(store, as_of="2024-07-01")))
        assert item["status"] == "overdue"
        assert [h["status"] for h in item["history"]] == ["open"]
        assert list(ledger(store, as_of="2024-01-01")) == []  # not made yet


def test_ledger_unrelated_and_past_events_change_nothing(db_url, linker):
    other_actor = Report("Iran withdrew its forces from the border on Sunday.", "2024-10-01",
                         (Ev("withdrew", "RETREAT", "withdraw", actors=("Iran",), mode="withdraw",
                             time=("on", "2024-09-29", "2024-09-29", "2024-09-29")),))  # fmt: skip
    in_2011 = ("on", "2011", "2011-01-01", "2011-12-31")
    long_ago = Report(
        "US troops withdrew from Ain al-Asad air base in 2011, officials recalled.", "2024-10-02",
        (Ev("withdrew", "RETREAT", "withdraw", actors=("US",), place="Ain al-Asad",
            mode="withdraw", time=in_2011),),
    )  # fmt: skip
    with open_store(db_url) as store:
        add(store, linker, PLAN)
        add(store, linker, other_actor)
        add(store, linker, long_ago)
        item = only(list(ledger(store, as_of="2024-12-01")))
        assert item["status"] == "open"
        assert len(item["history"]) == 1


def test_ledger_report_older_than_the_promise_does_not_update_it(db_url, linker):
    with open_store(db_url) as store:
        add(store, linker, REFERENDUM)
        older = Report(DENIAL.text, "2024-09-01", DENIAL.events, outlet="The Standard")
        add(store, linker, older)
        assert only(list(ledger(store, as_of="2025-01-01")))["status"] == "open"


def test_ledger_filters(db_url, linker):
    with open_store(db_url) as store:
        for report in (PLAN, REFERENDUM, DENIAL, RAILWAY):
            add(store, linker, report)
        day = "2024-12-01"
        statuses = {i["status"] for i in ledger(store, as_of=day)}
        assert statuses == {"open", "contradicted", "overdue"}
        assert [i["type"] for i in ledger(store, as_of=day, status="overdue")] == ["OTHER"]
        assert [i["due"]["value"] for i in ledger(store, as_of=day, due_before="2025-01-01")] == [
            "2024-06"
        ]
        assert [i["type"] for i in ledger(store, as_of=day, actor="USA")] == ["RETREAT"]
        assert [i["type"] for i in ledger(store, as_of=day, actor="kenya")] == ["OTHER"]
        with pytest.raises(ConfigError):
            list(ledger(store, status="late"))
        with pytest.raises(ConfigError):
            list(ledger(store, as_of="soon"))


def test_ledger_as_of_defaults_to_today(db_url, linker):
    with open_store(db_url) as store:
        add(store, linker, RAILWAY)  # due June 2024, long past
        assert only(list(ledger(store)))["status"] == "overdue"
