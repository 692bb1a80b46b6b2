"""The body stage keeps the report's lines and leaves page furniture out."""

from eventwire.stages.s1_body.body import body_spans, is_headline_like


def lines_kept(text: str) -> list[str]:
    return [text[s.start : s.end] for s in body_spans(text)]


def test_body_leaves_out_related_article_links(sample_text):
    kept = lines_kept(sample_text)
    assert "Iraq buys military helicopters from France" not in kept
    assert not any(line.startswith("A US military withdrawal from Syria could") for line in kept)
    assert kept[0].startswith("Iraq and the United States have agreed")
    assert len(kept) == 8


def test_body_keeps_a_headline_before_the_report():
    text = (
        "Rebels seize northern town\nMarch 3, 2024\n"
        "Rebels seized the town on Sunday, officials said."
    )
    kept = lines_kept(text)
    assert kept[0] == "Rebels seize northern town"
    assert kept[-1].startswith("Rebels seized the town")


def test_body_drops_furniture_lines_anywhere():
    text = (
        "Police arrested five protesters in the capital on Monday, a spokesman said.\n"
        "Read more: Protests spread to the south\n"
        "Photo: Protesters gather outside parliament\n"
        "The protests began after fuel prices rose."
    )
    kept = lines_kept(text)
    assert kept == [
        "Police arrested five protesters in the capital on Monday, a spokesman said.",
        "The protests began after fuel prices rose.",
    ]


def test_body_keeps_a_long_paragraph_that_ends_in_a_quote_without_a_full_stop():
    line = (
        "The minister said the government is \u201cnow on the brink of transitioning the "
        "relationship to a new level, focusing on bilateral relations in military, security "
        "and economic areas\u201d"
    )
    assert not is_headline_like(line)
    assert lines_kept("First paragraph of the report ends here.\n" + line)[1] == line


def test_body_spans_are_trimmed_and_point_into_the_text():
    text = "  Troops withdrew from the town on Friday.  \n\n  Talks resumed.\n"
    for span in body_spans(text):
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        assert piece
