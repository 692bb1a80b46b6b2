"""The tense a time expression is read in (stages/s5_times/tense.py)."""

from __future__ import annotations

import pytest

from eventwire.stages.s5_times.times import TimeStage

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the parser hangs "on Monday" on "cut"; it lies before the clause, so it is the saying's
        ("The airline said on Monday it will cut 100 jobs .", "2009-07-13"),
        ("GM said Monday it will close four plants .", "2009-07-13"),
        # inside the clause, after its subject or "that", it is the clause's own
        ("GM said it will close four plants on Monday .", "2009-07-20"),
        ("GM said that on Monday it will close four plants .", "2009-07-20"),
    ],
)
def test_times_weekday_between_saying_verb_and_its_clause(parsed_doc, text, value):
    doc = TimeStage()(parsed_doc(text, "2009-07-15"))
    assert [t.value for t in doc.times] == [value]
