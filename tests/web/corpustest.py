"""A store with stories and a ledger, for the web tests (no spaCy): three outlets' own
reports of one strike, and a withdrawal planned, postponed and done, each written with an
input item (so the corpus names the input's id, not the article id) and linked as ingest
links it. Built from tests/corpus/corpusdocs.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from corpusdocs import DONE, PLAN, POSTPONED, Ev, Report, add

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
