"""A store with stories and a ledger, for the web tests (no spaCy): three outlets' own
reports of one strike, and a withdrawal planned, postponed and done, each written with an
input item (so the corpus names the input's id, not the article id) and linked as ingest
links it. Built from tests/corpus/corpusdocs.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from corpusdocs import Ev, Report, add

from eventwire.corpus import Linker
from eventwire.store import open_store

STRIKES = {
    "reuters": ("Reuters", "Israeli aircraft struck a school in Gaza City on Thursday, killing "
                "at least 20 people who were sheltering there, Palestinian health officials "
                "said."),
    "aljazeera": ("Al Jazeera", "At least 20 people were killed when Israeli warplanes struck "
                  "a school sheltering displaced families in Gaza City on Thursday, rescuers "
                  "said, as the war on the enclave entered its eighth month."),
    "bbc": ("BBC", "An Israeli air strike has hit a school used as a shelter in Gaza City. "
            "Witnesses said aircraft struck the building on Thursday morning while families "
            "slept inside."),
}  # fmt: skip
PLAN = Report(
    "The United States agreed on Friday to withdraw its troops from Ain al-Asad air base by "
    "September 2025, Iraqi officials said.", "2024-09-06",
    (Ev("agreed", "AGREE", "agree", actors=("United States",),
        time=("on", "2024-09-06", "2024-09-06", "2024-09-06")),
     Ev("withdraw", "RETREAT", "withdraw", "planned", actors=("United States",),
        recipients=("its troops",), place="Ain al-Asad", mode="withdraw",
        time=("by", "2025-09", "2025-09-01", "2025-09-30"))),
    outlet="Reuters",
)  # fmt: skip
POSTPONED = Report(
    "The withdrawal of US troops from Ain al-Asad air base has been postponed until September "
    "2026, the Pentagon said on Monday.", "2025-03-10",
    (Ev("withdrawal", "RETREAT", "withdrawal", actors=("US",), place="Ain al-Asad",
        mode="withdraw", time=("until", "2026-09", "2026-09-01", "2026-09-30")),),
    outlet="Al-Monitor",
)  # fmt: skip
DONE = Report(
    "US troops withdrew from Ain al-Asad air base on Sunday, Iraqi officials said.",
    "2026-09-20",
    (Ev("withdrew", "RETREAT", "withdraw", actors=("US",), place="Ain al-Asad", mode="withdraw",
        time=("on", "2026-09-20", "2026-09-20", "2026-09-20")),),
    outlet="The National",
)  # fmt: skip


def strike(outlet: str, text: str) -> Report:
    return Report(
        text, "2024-05-02",
        (Ev("struck", "ASSAULT", "strike", actors=("Israel",), place="Gaza City",
            time=("on", "2024-05-02", "2024-05-02", "2024-05-02")),),
        outlet=outlet,
    )  # fmt: skip


def fill_corpus(db: str) -> dict[str, str]:
    """Write and link the reports; the stored article id of each input id."""
    linker = Linker()
    ids = {}
    with open_store(db) as store:
        for ref, (outlet, text) in STRIKES.items():
            ids[ref] = add(store, linker, strike(outlet, text), item=f"news.jsonl#id:{ref}")
        for ref, report in (("plan", PLAN), ("postponed", POSTPONED), ("done", DONE)):
            ids[ref] = add(store, linker, report, item=f"news.jsonl#id:{ref}")
    return {ref: doc.article.id for ref, doc in ids.items()}
