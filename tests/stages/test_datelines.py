"""Datelines are not part of the report (issue 16): a line that is only a date is left out of
the body, a wire report's place-date-agency opening is cut off its first paragraph, and no
event comes from a dateline's month."""

from __future__ import annotations

import pytest

from eventwire.stages.s1_body.body import body_spans, dateline_end

REPORT = "Rebels seized the town on Sunday, officials said."


def kept(text: str) -> list[str]:
    return [text[s.start : s.end] for s in body_spans(text)]


@pytest.mark.parametrize(
    "dateline",
    [
        "March 01 , 2008",
        "November 24, 2004",
        "24 November 2004",
        "Monday, March 3, 2008 10:32 AM EST",
        "Updated: 3 March 2024",
        "Published on March 3, 2024 at 10:32",
        "2024-03-03",
        "May 2008",
    ],
)
def test_issue_16_a_date_alone_on_a_line_is_not_the_report(dateline):
    text = f"Rebels seize northern town\n{dateline}\n{REPORT}"
    assert kept(text) == ["Rebels seize northern town", REPORT]


@pytest.mark.parametrize(
    "opening",
    [
        "BAGHDAD, March 1 (Reuters) - ",
        "WASHINGTON, March 1, 2008 (AP) — ",
        "SAN SALVADOR, El Salvador, Nov. 3 - ",
    ],
)
def test_issue_16_a_wire_dateline_is_cut_off_the_first_paragraph(opening):
    text = f"{opening}{REPORT}\nTalks resumed."
    assert kept(text) == [REPORT, "Talks resumed."]


@pytest.mark.parametrize(
    "line",
    [
        REPORT,
        "Protesters March on Capital",
        "March 3 was the day the rebels seized the town, officials said.",
        "IRAQ: Protesters march on the capital - police",
        "The vote, on March 3 - the first in years - was peaceful.",
    ],
)
def test_issue_16_lines_that_only_mention_a_date_stay(line):
    assert dateline_end(line) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "date"),
    [
        (f"Rebels seize northern town\nMarch 01 , 2008\n{REPORT}", "March 01 , 2008"),
        (f"BAGHDAD, March 1 (Reuters) - {REPORT}", "March 1"),
    ],
)
def test_issue_16_no_event_from_a_dateline_month(text, date):
    import eventwire

    result = eventwire.extract(text, published="2008-03-05")
    triggers = [result.text_of(e.trigger) for e in result.events]
    assert "March" not in triggers  # it was coded PROTEST
    assert "seized" in triggers
    assert date in [result.text_of(t.span) for t in result.times]  # still a time
