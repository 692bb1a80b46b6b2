"""Scenarios on short articles, through the real pipeline (spaCy) and `eventwire ingest
--events all`: a plan with a deadline, its postponement and its completion; a denial; a
deadline passing with nothing reported; a syndicated copy that must not raise the count of
independent sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

pytestmark = pytest.mark.slow

ARTICLES = [
    {"id": "plan", "published": "2024-09-06", "outlet": "Reuters",
     "text": "The United States agreed on Friday to withdraw its troops from Ain al-Asad air "
             "base by September 2025, Iraqi officials said."},
    {"id": "postponed", "published": "2025-03-10", "outlet": "Al-Monitor",
     "text": "The withdrawal of US troops from Ain al-Asad air base has been postponed until "
             "September 2026, the Pentagon said on Monday."},
    {"id": "done", "published": "2026-09-20", "outlet": "The National",
     "text": "US troops withdrew from Ain al-Asad air base on Sunday, Iraqi officials said."},
    {"id": "referendum", "published": "2024-10-01", "outlet": "Daily Nation",
     "text": "Kenya will hold a referendum on the new constitution by March 2025, the "
             "electoral commission said."},
    {"id": "denial", "published": "2024-11-15", "outlet": "The Standard",
     "text": "The Kenyan government denied that it will hold a referendum on the constitution, "
             "a spokesman said on Friday."},
    {"id": "railway", "published": "2024-01-05", "outlet": "Punch",
     "text": "Nigeria plans to open a new railway between Lagos and Kano by June 2024, the "
             "transport minister said."},
]  # fmt: skip
STRIKE = (
    "Israeli aircraft struck a school in Gaza City on Thursday, killing at least 20 people who "
    "were sheltering there, Palestinian health officials said. The strike hit the al-Tabi'in "
    "school, which housed hundreds of displaced families from the north of the enclave, the "
    "officials said. Rescue teams were still searching the rubble for survivors late on "
    "Thursday, and hospitals in the city said they were overwhelmed."
)
STRIKE_REPORTS = [
    {"id": "reuters", "published": "2024-05-02", "outlet": "Reuters", "text": STRIKE},
    {"id": "copy", "published": "2024-05-02", "outlet": "Yahoo News",
     "text": STRIKE + " (Reporting by Nidal al-Mughrabi; editing by Alex Richardson)"},
    {"id": "aljazeera", "published": "2024-05-03", "outlet": "Al Jazeera",
     "text": "At least 20 people were killed when Israeli warplanes struck a school sheltering "
             "displaced families in Gaza City on Thursday, according to Mahmoud Basal, a "
             "spokesman for the Gaza civil defence agency."},
]  # fmt: skip


def ingest(tmp_path: Path, records: list[dict[str, str]]) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "store.db")
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", db, "--events", "all"],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    return db


def read(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def commitment(items: list[dict], article: str) -> dict:
    return next(i for i in items if i["event"]["article"] == article)


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory):
    return ingest(tmp_path_factory.mktemp("ledger"), ARTICLES)


def test_scenario_plan_postponed_then_completed(ledger_db):
    before = commitment(read("ledger", "--db", ledger_db, "--as-of", "2024-12-01"), "plan")
    assert (before["status"], before["type"], before["due"]["value"]) == ("open", "RETREAT",
                                                                          "2025-09")  # fmt: skip
    moved = commitment(read("ledger", "--db", ledger_db, "--as-of", "2025-10-01"), "plan")
    assert (moved["status"], moved["due"]["value"]) == ("rescheduled", "2026-09")
    done = commitment(read("ledger", "--db", ledger_db, "--as-of", "2027-01-01"), "plan")
    assert done["status"] == "fulfilled"
    assert [(h["status"], h["article"]) for h in done["history"]] == [
        ("open", "plan"), ("rescheduled", "postponed"), ("fulfilled", "done")]  # fmt: skip


def test_scenario_denial_contradicts(ledger_db):
    item = commitment(read("ledger", "--db", ledger_db, "--as-of", "2025-01-01"), "referendum")
    assert item["status"] == "contradicted"
    assert item["history"][-1]["article"] == "denial"


def test_scenario_deadline_passes_with_nothing_reported(ledger_db):
    early = commitment(read("ledger", "--db", ledger_db, "--as-of", "2024-03-01"), "railway")
    assert early["status"] == "open"
    late = read("ledger", "--db", ledger_db, "--as-of", "2024-09-01", "--status", "overdue")
    assert commitment(late, "railway")["due"]["value"] == "2024-06"


def test_scenario_every_event_in_one_story(ledger_db):
    found = read("stories", "--db", ledger_db)
    listed = [(e["article"], e["event"]) for s in found for e in s["events"]]
    # query shows the stored (text-hash) article ids; the stories the input ids, one each
    refs = {r["article_id"]: None for r in read("query", "--db", ledger_db, "--limit", "0",
                                                "--format", "jsonl")}  # fmt: skip
    assert (
        len(listed)
        == len(set(listed))
        == len(read("query", "--db", ledger_db, "--limit", "0", "--format", "jsonl"))
    )
    assert {a for a, _ in listed} == {r["id"] for r in ARTICLES}
    assert len(refs) == len(ARTICLES)


def test_scenario_syndicated_copy_does_not_raise_independent_sources(tmp_path):
    db = ingest(tmp_path, STRIKE_REPORTS[:2])
    struck = next(s for s in read("stories", "--db", db, "--type", "ASSAULT")
                  if s["events"][0]["trigger"]["text"] == "struck")  # fmt: skip
    assert {e["article"] for e in struck["events"]} == {"reuters", "copy"}
    assert (struck["articles"], struck["outlets"], struck["independent_sources"]) == (2, 2, 1)
    (tmp_path / "more").mkdir()
    db = ingest(tmp_path / "more", STRIKE_REPORTS)
    struck = next(s for s in read("stories", "--db", db, "--type", "ASSAULT")
                  if s["events"][0]["trigger"]["text"] == "struck")  # fmt: skip
    assert {e["article"] for e in struck["events"]} == {"reuters", "copy", "aljazeera"}
    assert (struck["articles"], struck["outlets"], struck["independent_sources"]) == (3, 3, 2)
