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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present that schedules points ahead (2009-07-15 is a Wednesday)
        ("Officials said so .\nThe board is meeting on Monday .", "2009-07-20"),
        ("Officials said so .\nThe ban takes effect on Sunday .", "2009-07-19"),
        # a present of reporting, and a headline's present, report the past
        ("Officials said so .\nThe minister says on Monday that he will resign .", "2009-07-13"),
        ("Kenya Signs Aid Deal On Monday\nThe deal was signed in Nairobi .", "2009-07-13"),
    ],
)
def test_times_a_scheduling_present_points_ahead(parsed_doc, text, value):
    doc = TimeStage()(parsed_doc(text, "2009-07-15"))
    assert [t.value for t in doc.times][:1] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The union will vote within days .", "PXD"), ("Rescuers came within hours .", "PTXH")],
)
def test_times_days_and_hours_after_a_preposition_are_vague_durations(parsed_doc, text, value):
    doc = TimeStage()(parsed_doc(text, "2009-07-15"))
    assert [(t.type, t.value) for t in doc.times] == [("DURATION", value)]
