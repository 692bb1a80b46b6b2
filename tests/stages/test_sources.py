"""Sources: outlets, named, anonymous and document sources with count, affiliation, role."""

from __future__ import annotations

import pytest

from eventwire.api import make_article
from eventwire.model import Doc
from eventwire.stages.s6_sources.lexicon import load_lexicon, parse_count
from eventwire.stages.s6_sources.sources import SourceStage


def test_source_lexicon_countries_and_outlets() -> None:
    lexicon = load_lexicon()
    assert lexicon.country("Iraqi") == "IRQ"
    assert lexicon.country("Iraq’s") == "IRQ"
    assert lexicon.country("US") == "USA"
    assert lexicon.outlet("the Associated Press") == "Associated Press"
    assert lexicon.cues["say"] == "indirect"
    assert parse_count("five") == 5
    assert parse_count("12") == 12
    assert parse_count("several") is None


@pytest.fixture(scope="module")
def stage() -> SourceStage:
    return SourceStage()


@pytest.mark.slow
def test_sources_sample_gives_all_five_gold_sources(
    parsed_doc, sample_text, sample_gold, stage
) -> None:
    doc = stage(parsed_doc(sample_text, "2024-09-06"))
    for gold in sample_gold["sources"]:
        kind = gold["kind"]
        matches = [s for s in doc.sources if s.kind == kind]
        if kind == "outlet":
            assert any(s.name == gold["name"] for s in matches)
        elif kind == "named":
            [named] = [s for s in matches if s.name == gold["name"]]
            assert named.role == gold["role"]
            assert named.affiliation == gold["affiliation"]
        else:
            found = [
                s
                for s in matches
                if s.count == gold["count"] and s.affiliation == gold["affiliation"]
            ]
            assert found, gold
            assert doc.text_of(found[0].span) == gold["evidence"]


@pytest.mark.slow
def test_sources_outlet_references_resolve_back(parsed_doc, sample_text, stage) -> None:
    doc = stage(parsed_doc(sample_text, "2024-09-06"))
    outlets = [s for s in doc.sources if s.kind == "outlet"]
    assert [s.name for s in outlets] == ["Reuters"]  # "the news agency", "the outlet" add none


@pytest.mark.slow
def test_sources_article_outlet_is_a_source(stage) -> None:
    from eventwire.pipeline import Pipeline

    article = make_article(
        "The ministry said on Monday that the talks would resume in March.", published="2024-01-01"
    )
    article = type(article)(
        **{**{f: getattr(article, f) for f in article.__slots__}, "outlet": "Al Jazeera"}
    )
    doc = stage(Pipeline.from_names(["body", "parse"])(Doc(article=article)))
    assert any(
        s.kind == "outlet" and s.name == "Al Jazeera" and s.span is None for s in doc.sources
    )


@pytest.mark.slow
def test_sources_anonymous_counts(parsed_doc, stage) -> None:
    text = (
        "A senior official said the ceasefire would hold through the weekend.\n"
        "Diplomats said the talks in Geneva had stalled over prisoner exchanges.\n"
        "Two French diplomats told reporters that a new round was planned for May."
    )
    doc = stage(parsed_doc(text, "2024-01-01"))
    anonymous = {doc.text_of(s.span): s for s in doc.sources if s.kind == "anonymous"}
    assert anonymous["A senior official"].count == 1
    assert anonymous["Diplomats"].count is None
    assert anonymous["Two French diplomats"].count == 2
    assert anonymous["Two French diplomats"].affiliation == "FRA"


@pytest.mark.slow
def test_sources_several_sources_in_one_sentence(parsed_doc, stage) -> None:
    text = (
        "The plan was confirmed by several sources, including four Turkish officials, "
        "two diplomats from Gulf states and a senior Egyptian official."
    )
    doc = stage(parsed_doc(text, "2024-01-01"))
    found = {(s.count, s.affiliation) for s in doc.sources if s.kind == "anonymous"}
    assert {(4, "TUR"), (2, "Gulf states"), (1, "EGY")} <= found


@pytest.mark.slow
def test_sources_document_speaker(parsed_doc, stage) -> None:
    doc = stage(
        parsed_doc("A statement from the ministry said that the convoy had been attacked.", None)
    )
    [source] = [s for s in doc.sources if s.kind == "document"]
    assert source.name.startswith("statement")
    [quote] = doc.quotes
    assert quote.speaker == source.id
    assert not quote.direct


@pytest.mark.slow
def test_sources_ids_and_stage_names(parsed_doc, sample_text, stage) -> None:
    doc = stage(parsed_doc(sample_text, "2024-09-06"))
    assert [s.id for s in doc.sources] == [f"s{i}" for i in range(1, len(doc.sources) + 1)]
    assert all(s.stage == "sources/1" for s in doc.sources)
    assert all(q.speaker in {s.id for s in doc.sources} for q in doc.quotes if q.speaker)
    for quote in doc.quotes:  # every span inside the text
        assert 0 <= quote.span.start < quote.span.end <= len(sample_text)
