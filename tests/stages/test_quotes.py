"""Quotes: pairing quotation marks, and quotes with their cues and speakers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.s6_sources.quote_marks import MAX_QUOTE_CHARS, find_quote_marks
from eventwire.stages.s6_sources.sources import SourceStage


def contents(text: str) -> list[str]:
    return [text[q.span.start : q.span.end] for q in find_quote_marks(text)]


def test_quote_marks_curly_straight_and_meantime() -> None:
    text = "He said “we will go”. She said \"no way\". They said `` maybe later '' ."
    assert contents(text) == ["we will go", "no way", "maybe later"]


def test_quote_marks_nested_single_quotes_stay_inside() -> None:
    text = "“They told me ‘we will leave’ and then left,” she said."
    assert contents(text) == ["They told me ‘we will leave’ and then left,"]


def test_quote_marks_apostrophes_are_not_quotes() -> None:
    text = "Iraq’s government said the officials’ plan was fine and it’s done."
    assert contents(text) == []


def test_quote_marks_quote_running_over_paragraphs() -> None:
    text = "He said: “The first part goes on.\n“And the second part ends here,” he added.\nNext."
    [quote] = find_quote_marks(text)
    assert text[quote.span.start : quote.span.end].startswith("The first part")
    assert text[quote.span.start : quote.span.end].endswith("ends here,")


def test_quote_marks_meantime_quote_over_sentence_lines() -> None:
    text = "Ron Sugar said `` Everyone told us we were crazy .\nBut we hit a home run . ''\nMore ."
    assert contents(text) == ["Everyone told us we were crazy .\nBut we hit a home run ."]


def test_quote_marks_unbalanced_quote_capped_at_paragraph() -> None:
    text = (
        "Lichte said “This will be an American tanker.\nBoeing had agreed to lease tankers.\nEnd."
    )
    [quote] = find_quote_marks(text)
    assert text[quote.span.start : quote.span.end] == "This will be an American tanker."
    assert quote.closing is None


def test_quote_marks_stray_closing_mark_ignored() -> None:
    assert contents("nothing here” at all. Then “a real one” came.") == ["a real one"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n“”\"‘’`'.", max_size=400))
def test_quote_marks_never_crash_nor_run_away(text: str) -> None:
    for quote in find_quote_marks(text):
        assert 0 <= quote.span.start < quote.span.end <= len(text)
        assert quote.span.end - quote.span.start <= MAX_QUOTE_CHARS
        if quote.closing is None:
            assert "\n" not in text[quote.span.start : quote.span.end]


@pytest.fixture(scope="module")
def sources_stage() -> SourceStage:
    return SourceStage()


def quotes_of(doc):  # (text, speaker name-or-text, direct)
    by_id = {s.id: s for s in doc.sources}
    rows = []
    for q in doc.quotes:
        speaker = by_id.get(q.speaker)
        rows.append((doc.text_of(q.span), speaker, q.direct, q))
    return rows


@pytest.mark.slow
def test_quotes_sample_three_quotes_with_speakers(
    parsed_doc, sample_text, sample_gold, sources_stage
) -> None:
    doc = sources_stage(parsed_doc(sample_text, "2024-09-06"))
    direct = [(text, speaker) for text, speaker, is_direct, _ in quotes_of(doc) if is_direct]
    for gold in sample_gold["quotes"]:
        matches = [(t, s) for t, s in direct if t.startswith(gold["text"])]
        assert matches, gold["text"]
        _, speaker = matches[0]
        assert speaker is not None
        if gold["speaker"] == "Farhad Alaaldin":
            assert speaker.name == "Farhad Alaaldin"
        else:
            assert (speaker.kind, speaker.count, speaker.affiliation) == ("anonymous", 1, "USA")
    alaaldin = next(q for t, s, d, q in quotes_of(doc) if d and t.startswith("now on the brink"))
    assert doc.text_of(alaaldin.cue).startswith("quoted")
    assert doc.text_of(alaaldin.cue).endswith("confirming")


@pytest.mark.slow
def test_quotes_indirect_speech_told_and_quoted_as(parsed_doc, sources_stage) -> None:
    text = (
        "The minister told Reuters that the border would reopen next week.\n"
        "The agency quoted Ahmed Salim, a senior aide, as confirming that talks had ended."
    )
    doc = sources_stage(parsed_doc(text, "2024-01-01"))
    rows = {t: (s, d, q) for t, s, d, q in quotes_of(doc)}
    speaker, direct, quote = rows["the border would reopen next week"]
    assert not direct
    assert doc.text_of(quote.cue) == "told"
    assert doc.text_of(quote.speaker_span) == "The minister"
    speaker, direct, quote = rows["talks had ended"]
    assert speaker.name == "Ahmed Salim"
    assert speaker.role == "senior aide"


@pytest.mark.slow
def test_quotes_pronoun_speaker_resolves_to_named_source(parsed_doc, sources_stage) -> None:
    text = (
        "Senator Bob Corker spoke to reporters on Friday after the vote in Washington.\n"
        "“We were about three words away from a deal,” he said."
    )
    doc = sources_stage(parsed_doc(text, "2008-12-12"))
    [(_, speaker, _direct, quote)] = [r for r in quotes_of(doc) if r[2]]
    assert doc.text_of(quote.speaker_span) == "he"
    assert speaker is not None
    assert speaker.name == "Bob Corker"


@pytest.mark.slow
def test_quotes_continuation_paragraph_keeps_speaker(parsed_doc, sources_stage) -> None:
    text = (
        "“We have reduced our design effort,” said Sandy Angers, a spokeswoman.\n"
        "“We need technology breakthroughs in engines and materials before a new plane.”"
    )
    doc = sources_stage(parsed_doc(text, "2008-05-24"))
    direct = [r for r in quotes_of(doc) if r[2]]
    assert len(direct) == 2
    assert direct[0][1] is direct[1][1] or direct[0][1] == direct[1][1]
    assert direct[1][1].name == "Sandy Angers"


@pytest.mark.slow
def test_quotes_unbalanced_mark_does_not_swallow_article(parsed_doc, sources_stage) -> None:
    text = (
        "General Arthur Lichte said “This will be an American tanker flown by American airmen.\n"
        "Boeing had initially agreed to lease 100 tankers in 2003.\n"
        "Both served jail sentences for corruption charges."
    )
    doc = sources_stage(parsed_doc(text, "2008-03-01"))
    direct = [r for r in quotes_of(doc) if r[2]]
    assert [t for t, *_ in direct] == ["This will be an American tanker flown by American airmen."]
    assert direct[0][1].name == "Arthur Lichte"


@pytest.mark.slow
def test_quotes_scare_quotes_are_not_quotes(parsed_doc, sources_stage) -> None:
    doc = sources_stage(
        parsed_doc("Boeing's 787 “Dreamliner” made its first test flight on Tuesday.", None)
    )
    assert doc.quotes == ()


@pytest.mark.slow
def test_quotes_according_to_at_the_end_reports_the_clause_before(
    parsed_doc, sources_stage
) -> None:
    doc = sources_stage(
        parsed_doc("Prices rose 5 percent in March, according to the statistics office.", None)
    )
    [(text, speaker, direct, _)] = quotes_of(doc)
    assert text == "Prices rose 5 percent in March"
    assert not direct
    assert speaker is not None


@pytest.mark.slow
def test_quotes_colon_at_paragraph_end_gives_the_next_quote_its_speaker(
    parsed_doc, sources_stage
) -> None:
    text = (
        "Mayor Ana Ruiz told reporters at the station:\n"
        "“We will rebuild the bridge before the rains come in June.”"
    )
    doc = sources_stage(parsed_doc(text, "2024-01-01"))
    [(_, speaker, _direct, quote)] = [r for r in quotes_of(doc) if r[2]]
    assert speaker is not None
    assert "Ana Ruiz" in speaker.name
    assert doc.text_of(quote.cue) == "told"


@pytest.mark.slow
def test_quotes_dash_and_name_after_a_quote_name_its_speaker(parsed_doc, sources_stage) -> None:
    text = "“The water has not come back to the village since the floods.” ― Maria Lopez"
    doc = sources_stage(parsed_doc(text, None))
    [(_, speaker, _direct, _)] = [r for r in quotes_of(doc) if r[2]]
    assert speaker is not None
    assert speaker.name == "Maria Lopez"


@pytest.mark.slow
def test_quotes_next_sentence_cue_only_when_it_says_nothing_else(parsed_doc, sources_stage) -> None:
    bare = "“We are leaving the city tomorrow morning.”\nThe mayor said."
    [(_, speaker, _d, _)] = [r for r in quotes_of(sources_stage(parsed_doc(bare, None))) if r[2]]
    assert speaker is not None
    assert speaker.name == "mayor"
    busy = (
        "“We are leaving the city tomorrow morning.”\n"
        "The mayor said that buses would wait for the families at the station."
    )
    rows = quotes_of(sources_stage(parsed_doc(busy, None)))
    [(_, speaker, _d, _)] = [r for r in rows if r[2]]
    assert speaker is None  # the mayor's sentence reports words of its own
