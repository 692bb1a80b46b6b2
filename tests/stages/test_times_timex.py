"""The candidate finder (stages/s5_times/timex.py): rules skipped when their word is absent."""

from __future__ import annotations

from eventwire.stages.s5_times.timex import REQUIRED_WORDS, compile_rules, find_candidates

TEXTS = (
    "In the 19th century, over the weekend, in the quarter, the Twentieth Century Fund, "
    "the WEEKEND edition and the third quarter of 2009 met.",
    "He said in the Quarter-final of the 21st century at the weekend of May 19.",
)


def test_timex_required_word_is_in_every_match_of_its_rule():
    rules = dict(compile_rules())
    for name, word in REQUIRED_WORDS.items():
        matches = [m.group() for text in TEXTS for m in rules[name].finditer(text)]
        assert matches, name
        assert all(word in m.lower() for m in matches), (name, matches)


def test_timex_text_without_the_word_skips_its_rule():
    found = {c.rule for c in find_candidates("Sales rose in the third quarter of 2009.")}
    assert "century" not in found
    assert "weekend" not in found
    assert {c.rule for c in find_candidates("It happened in the 19th century.")} == {"century"}
