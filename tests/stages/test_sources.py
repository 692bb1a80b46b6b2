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


def test_attribution_cues_are_their_own_table() -> None:
    """Beliefs and intentions attribute content but do not report speech: the events
    stage's reporting verbs (transparent to modality) stay those of cues.tsv."""
    from eventwire.stages.s7_events.vocabulary import load_cues

    lexicon = load_lexicon()
    assert lexicon.attribution_cues[("believe", None)].kind == "belief"
    assert lexicon.attribution_cues[("call", "for")].forms == ("object",)
    assert lexicon.attribution_nouns["claim"].kind == "statement"
    reporting = load_cues().reporting_verbs
    assert "say" in reporting
    assert not {"believe", "want", "hope", "show"} & reporting


def test_attribution_cues_user_additions_and_bad_rows(tmp_path) -> None:
    from eventwire.errors import ConfigError

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "attribution_cues.tsv").write_text("reckon\tbelief\tclause\n", encoding="utf-8")
    assert load_lexicon(tmp_path).attribution_cues[("reckon", None)].forms == ("clause",)
    (folder / "attribution_cues.tsv").write_text("reckon\topinion\tclause\n", encoding="utf-8")
    load_lexicon.cache_clear()
    with pytest.raises(ConfigError, match=r"attribution_cues\.tsv line 1"):
        load_lexicon(tmp_path)
    load_lexicon.cache_clear()


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


# --- attributions ---


def attributions_of(doc: Doc) -> list[tuple[str, list[str], str | None]]:
    """(kind, content pieces, source phrase at the cue) of each attribution."""
    return [
        (
            a.kind,
            [doc.text_of(p) for p in a.content],
            None if a.source_span is None else doc.text_of(a.source_span),
        )
        for a in doc.attributions
    ]


@pytest.mark.parametrize(
    ("sentence", "kind", "content", "source"),
    [
        (
            "Many economists believe that the central bank will raise rates in March.",
            "belief",
            "that the central bank will raise rates in March",
            "Many economists",
        ),
        (
            "The union wants to hold a strike next month.",
            "intention",
            "to hold a strike next month",
            "The union",
        ),
        (
            "A new poll shows that the governor leads by five points.",
            "finding",
            "that the governor leads by five points",
            "A new poll",
        ),
        (
            "The ministry denied that its forces had shelled the village.",
            "denial",
            "that its forces had shelled the village",
            "The ministry",
        ),
        (
            "Reporters asked whether the talks would resume.",
            "question",
            "whether the talks would resume",
            "Reporters",
        ),
        (
            "Unemployment fell to 4 percent in May, according to the labour ministry.",
            "statement",
            "Unemployment fell to 4 percent in May",
            "the labour ministry",
        ),
        (
            "The opposition leader called for an independent inquiry into the shooting.",
            "statement",
            "an independent inquiry into the shooting",
            "The opposition leader",
        ),
        (
            "The president's claim that the vote was rigged was rejected by the court.",
            "statement",
            "that the vote was rigged",
            "The president's",
        ),
        (
            "The general does not believe the ceasefire will hold.",
            "belief",
            "the ceasefire will hold",
            "The general",
        ),
        # a particle completes the cue: its content is the verb's clause or object
        (
            "The mayor pointed out that the bridge had never been inspected.",
            "statement",
            "that the bridge had never been inspected",
            "The mayor",
        ),
        # what a study, a poll or a document found may be its object
        (
            "A 2014 study found 31 incidents of voter impersonation.",
            "finding",
            "31 incidents of voter impersonation",
            "A 2014 study",
        ),
        # a court's ruling and a finding that is determined are findings
        (
            "The Supreme Court ruled that the law was unconstitutional.",
            "finding",
            "that the law was unconstitutional",
            "The Supreme Court",
        ),
        (
            "The inspectors determined that the fire was started deliberately.",
            "finding",
            "that the fire was started deliberately",
            "The inspectors",
        ),
        (
            "The officer testified that the suspect had fired first.",
            "statement",
            "that the suspect had fired first",
            "The officer",
        ),
        (
            "Critics contend that the plan will fail.",
            "statement",
            "that the plan will fail",
            "Critics",
        ),
        # verbs of judgement, attitude and support take their content as an object
        (
            "The senator slammed the new tax plan.",
            "statement",
            "the new tax plan",
            "The senator",
        ),
        (
            "Most farmers support the new water regulations.",
            "belief",
            "the new water regulations",
            "Most farmers",
        ),
        (
            "The board rejected the merger offer.",
            "denial",
            "the merger offer",
            "The board",
        ),
        (
            "The mayor discussed the housing shortage.",
            "statement",
            "the housing shortage",
            "The mayor",
        ),
        # a belief or intention with its topic after a preposition
        (
            "The governor decided against running for a third term.",
            "intention",
            "running for a third term",
            "The governor",
        ),
        (
            "Many parents worry about the cost of child care.",
            "belief",
            "the cost of child care",
            "Many parents",
        ),
        # a noun cue voiced by the subject of its verb
        (
            "The mayor expressed hope that the strike would end soon.",
            "intention",
            "that the strike would end soon",
            "The mayor",
        ),
        (
            "The company announced plans to close two factories.",
            "intention",
            "to close two factories",
            "The company",
        ),
        # the model lemmatises "hopes" and "hoped" as "hop": the inflection's base form counts
        (
            "The senator hopes the bill will pass next week.",
            "intention",
            "the bill will pass next week",
            "The senator",
        ),
        # an infinitive with its own subject, which the model parses as a clause
        (
            "The president wants Congress to pass the bill.",
            "intention",
            "Congress to pass the bill",
            "The president",
        ),
        (
            "The minister hoped the talks would resume.",
            "intention",
            "the talks would resume",
            "The minister",
        ),
    ],
)
@pytest.mark.slow
def test_attributions_beyond_quotes(parsed_doc, stage, sentence, kind, content, source) -> None:
    doc = stage(parsed_doc(sentence, "2024-01-01"))
    assert attributions_of(doc) == [(kind, [content], source)]
    [attribution] = doc.attributions
    assert attribution.source in {s.id for s in doc.sources}
    assert attribution.cue is not None
    assert not attribution.direct


@pytest.mark.parametrize(
    ("sentence", "kind", "content"),
    [
        (
            "The rebel leader is expected to sign the agreement.",
            "belief",
            ["The rebel leader", "to sign the agreement"],
        ),
        (
            "The militia is not thought to have heavy weapons.",
            "belief",
            ["The militia", "to have heavy weapons"],
        ),
        ("The new port is considered a threat to the fishing trade.", "belief",
         ["The new port", "a threat to the fishing trade"]),
        ("The contractor was accused of fraud.", "statement", ["The contractor", "of fraud"]),
    ],
)  # fmt: skip
@pytest.mark.slow
def test_attributions_agentless_passive_has_no_source(
    parsed_doc, stage, sentence, kind, content
) -> None:
    doc = stage(parsed_doc(sentence, None))
    assert attributions_of(doc) == [(kind, content, None)]
    [attribution] = doc.attributions
    assert attribution.source is None
    assert attribution.cue is not None


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    ["She was last seen on Friday near the station.", "Two envoys were seen boarding a bus."],
)
def test_attributions_a_passive_of_seeing_without_as_is_a_sighting(
    parsed_doc, stage, sentence
) -> None:
    assert stage(parsed_doc(sentence, None)).attributions == ()
    doc = stage(parsed_doc("The new rail link is being seen as a major step forward.", None))
    assert [kind for kind, _, _ in attributions_of(doc)] == ["belief"]


@pytest.mark.slow
def test_attributions_passive_with_an_agent_is_the_agents(parsed_doc, stage) -> None:
    doc = stage(parsed_doc("The plan was rejected by the council.", None))
    assert doc.attributions == ()
    doc = stage(parsed_doc("The rebel leader is expected by diplomats to sign.", None))
    assert all(a.source_span is not None for a in doc.attributions)


@pytest.mark.slow
def test_attributions_noun_of_a_verb_that_does_not_voice_it(parsed_doc, stage) -> None:
    doc = stage(parsed_doc("The judge read the claim that the vote was rigged.", None))
    assert [s for _, _, s in attributions_of(doc)] != ["The judge"]


@pytest.mark.slow
def test_attributions_poll_is_a_document_source(parsed_doc, stage) -> None:
    doc = stage(parsed_doc("A new poll shows that the governor leads by five points.", None))
    [attribution] = doc.attributions
    [source] = [s for s in doc.sources if s.id == attribution.source]
    assert source.kind == "document"


@pytest.mark.slow
def test_attributions_parenthetical_cue_splits_the_content(parsed_doc, stage) -> None:
    doc = stage(parsed_doc("The deal, the minister said, will be signed on Friday.", None))
    assert attributions_of(doc) == [
        ("statement", ["The deal", "will be signed on Friday"], "the minister")
    ]


@pytest.mark.slow
def test_attributions_quote_cut_by_its_cue_is_one_attribution(parsed_doc, stage) -> None:
    text = "“We will not leave,” the mayor said. “This is our city and we will defend it.”"
    doc = stage(parsed_doc(text, None))
    [attribution] = doc.attributions
    assert [doc.text_of(p) for p in attribution.content] == [
        "We will not leave,",
        "This is our city and we will defend it.",
    ]
    assert attribution.direct
    assert attribution.quotes == tuple(q.id for q in doc.quotes)
    assert doc.text_of(attribution.span).startswith("We will not leave")


@pytest.mark.slow
def test_attributions_belief_inside_a_quote_is_not_a_second_one(parsed_doc, stage) -> None:
    doc = stage(parsed_doc("“I think the plan will fail within a year,” she said.", None))
    assert [(k, s) for k, _, s in attributions_of(doc)] == [("statement", "she")]


@pytest.mark.slow
def test_attributions_negated_speech_says_nothing(parsed_doc, stage) -> None:
    doc = stage(parsed_doc("The minister did not say when the troops would leave.", None))
    assert doc.attributions == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The court ruled out a delay in the trial.",  # a ruling with no clause says nothing
        "The king ruled the country for 20 years.",
        "Troops observed the ceasefire along the border.",
        "Police found the body of a woman near the river.",  # what people find is no finding
    ],
)
def test_attributions_a_cue_verb_without_its_content_says_nothing(
    parsed_doc, stage, sentence
) -> None:
    assert stage(parsed_doc(sentence, None)).attributions == ()


@pytest.mark.slow
def test_attributions_relative_pronoun_is_the_mention(parsed_doc, stage) -> None:
    text = "Ruth Okafor, who says the clinic has no power, stayed at home on Monday."
    doc = stage(parsed_doc(text, None))
    [attribution] = doc.attributions
    assert doc.text_of(attribution.source_span) == "who"
    [source] = [s for s in doc.sources if s.id == attribution.source]
    assert source.name == "Ruth Okafor"


@pytest.mark.slow
def test_attributions_hold_every_quote_of_the_meantime_set(parsed_doc, stage) -> None:
    """Each quote the stage finds in the MEANTIME quote set is gathered by an attribution,
    and every attribution's pieces are ordered spans of the text."""
    from pathlib import Path

    from eventwire.evaluate.quotes import read_gold

    gold = read_gold(Path(__file__).resolve().parents[1] / "data/quotes/meantime-quotes.jsonl")
    for article in gold:
        doc = stage(parsed_doc(article.text, article.published))
        gathered = {q for a in doc.attributions for q in a.quotes}
        for quote in doc.quotes:
            if quote.speaker is not None:
                assert quote.id in gathered or any(
                    p.contains(quote.span) for a in doc.attributions for p in a.content
                ), (article.id, doc.text_of(quote.span))
        for a in doc.attributions:
            starts = [p.start for p in a.content]
            assert starts == sorted(starts)
            assert (a.span.start, a.span.end) == (a.content[0].start, a.content[-1].end)
            assert a.id.startswith("a")
            assert a.stage == "sources/1"
