"""The quality gate: the PLOVER and factuality evaluations on the development records kept in
tests/data must not fall below the floors pinned in tests/data/floors.json. Raise a floor when
the product improves; lowering one needs a changelog line saying why (docs/changelog.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate import factuality, plover

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data"
FLOORS = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plover_scores():
    return plover.score(DATA / "plover" / "dev.jsonl")


@pytest.fixture(scope="module")
def factuality_scores():
    return factuality.score(DATA / "meantime" / "factuality.jsonl")


def test_quality_gate_plover_event_types(plover_scores):
    assert plover_scores.sentences == 158
    assert plover_scores.f1 >= FLOORS["plover_type_f1"]


def test_quality_gate_plover_actors(plover_scores):
    assert plover_scores.actor_exact >= FLOORS["plover_actor_exact"]
    assert plover_scores.recipient_exact >= FLOORS["plover_recipient_exact"]


def test_quality_gate_factuality(factuality_scores):
    agreement = factuality_scores.agreement
    assert agreement["time"] >= FLOORS["factuality_time_agreement"]
    assert agreement["polarity"] >= FLOORS["factuality_polarity_agreement"]
    assert agreement["certainty"] >= FLOORS["factuality_certainty_agreement"]
    # future/non-future is where modality must beat always answering "happened"
    assert agreement["time"] > factuality_scores.baseline["time"]
