"""A very long article is parsed in pieces cut at line breaks (issue 16: the time budget is
checked between them), and the pieces give the parse of the whole; the lookups the later
stages use (`stages/s2_parse/tokens.py`) give what spaCy's own whole-text attributes give."""

from __future__ import annotations

import pytest

from eventwire.api import make_article
from eventwire.model import Doc, Span
from eventwire.stages.s2_parse.nlp import pieces

PARAGRAPH = (
    "Iraqi officials said on Friday that US troops would leave the Ain al-Asad base in "
    "Anbar province by September 2025, according to Reuters.\n"
)


@pytest.mark.parametrize(
    "text",
    [PARAGRAPH * 40, (PARAGRAPH * 40).replace("\n", " "), "x" * 2500, "short\n"],
    ids=["lines", "no-line-breaks", "one-long-word", "short"],
)
def test_issue_16_pieces_join_back_and_cut_at_line_breaks(text):
    found = pieces(text, 1000)
    assert "".join(found) == text
    assert all(len(p) <= 1000 for p in found)
    if "\n" in text:
        assert all(p.endswith("\n") for p in found[:-1])


@pytest.mark.slow
def test_issue_16_a_parse_in_pieces_is_the_parse_of_the_whole():
    from eventwire.stages.s2_parse.nlp import ParseStage

    text = PARAGRAPH * 30
    doc = Doc(article=make_article(text))
    whole = ParseStage()(doc).parsed
    cut = ParseStage(piece_chars=1000)(doc).parsed
    assert cut.text == text
    assert [(t.idx, t.text) for t in cut] == [(t.idx, t.text) for t in whole]
    assert [s.start_char for s in cut.sents] == [s.start_char for s in whole.sents]
    # the model reads a few words either side: paragraphs cut apart parse as they did together
    assert [(e.start_char, e.label_) for e in cut.ents] == [
        (e.start_char, e.label_) for e in whole.ents
    ]
    assert [t.dep_ for t in cut] == [t.dep_ for t in whole]


@pytest.mark.slow
def test_issue_16_token_lookups_match_spacy(parsed_doc):
    from eventwire.stages.s2_parse.tokens import (
        entities_in,
        entity_range,
        paragraph_of,
        text_of_doc,
        tokens_in,
    )

    doc = parsed_doc(PARAGRAPH * 3 + "Mr. John Smith met Joe Biden in Washington.")
    parsed = doc.parsed
    text = parsed.text
    assert text_of_doc(parsed) == text
    for start, end in [(0, len(text)), (5, 60), (100, 101), (len(text) - 20, len(text) + 5)]:
        assert tokens_in(parsed, start, end) == [t for t in parsed if start <= t.idx < end]
        expected = [e for e in parsed.ents if start <= e.start_char and e.end_char <= end]
        assert entities_in(parsed, start, end) == expected
        assert [e.label_ for e in entities_in(parsed, start, end)] == [e.label_ for e in expected]
    for ent in parsed.ents:
        for token in ent:
            assert entity_range(token) == (ent.start, ent.end)
    for pos in (0, 10, len(PARAGRAPH) - 1, len(PARAGRAPH), len(text) - 1):
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        assert paragraph_of(parsed, pos) == Span(start, len(text) if end < 0 else end)
