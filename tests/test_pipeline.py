"""The pipeline checks its order at construction and turns a stage's failure on one article
into a StageError that names the stage and the article."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventwire.api import extract_lines, make_article, run
from eventwire.errors import ConfigError, StageError
from eventwire.model import Doc
from eventwire.pipeline import DEFAULT_STAGES, Pipeline, load_stage


@dataclass
class FakeStage:
    name: str
    needs: frozenset[str]
    gives: frozenset[str]
    fail_on: str | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.fail_on and self.fail_on in doc.article.text:
            raise ValueError("cannot handle this article")
        return doc


def test_pipeline_refuses_a_stage_before_what_it_needs():
    late = FakeStage("events", frozenset({"parsed"}), frozenset({"events"}))
    early = FakeStage("parse", frozenset({"article"}), frozenset({"parsed"}))
    with pytest.raises(ConfigError, match="needs"):
        Pipeline([late, early])
    assert Pipeline([early, late]).names == ("parse", "events")


def test_pipeline_unknown_stage_name_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown stage"):
        load_stage("tarot")


def test_pipeline_default_order_is_consistent():
    assert DEFAULT_STAGES[:2] == ("body", "parse")
    assert DEFAULT_STAGES.index("actors") < DEFAULT_STAGES.index("events")


def test_pipeline_stage_failure_names_stage_and_article():
    pipe = Pipeline([FakeStage("body", frozenset({"article"}), frozenset({"body"}), "poison")])
    article = make_article("The poison article reports that troops withdrew from the town.")
    with pytest.raises(StageError) as caught:
        run(article, pipeline=pipe)
    assert caught.value.stage == "body"
    assert caught.value.article_id == article.id


def test_pipeline_batch_goes_on_after_a_failing_article():
    pipe = Pipeline([FakeStage("body", frozenset({"article"}), frozenset({"body"}), "poison")])
    lines = [
        '{"id": "1", "text": "Troops withdrew from the town on Friday, officials said."}',
        '{"id": "2", "text": "The poison article says troops withdrew from the town."}',
        '{"id": "3", "text": "Police arrested five protesters in the capital on Monday."}',
    ]
    results = list(extract_lines(lines, pipeline=pipe))
    assert [r["article"]["id"] for r in results] == ["1", "2", "3"]
    assert results[1]["error"]["type"] == "StageError"
    assert "body failed on 2" in results[1]["error"]["message"]
    assert "error" not in results[2]


def test_triggers_file_is_validated(tmp_path):
    from eventwire.stages.s7_events.triggers import load_triggers

    (tmp_path / "events").mkdir()
    user_file = tmp_path / "events" / "triggers.tsv"
    user_file.write_text("parley\tV\tNEGOTIATE\t-\t-\t-\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown category") as caught:
        load_triggers(tmp_path)
    assert f"{user_file} line 1" in str(caught.value)


@pytest.mark.slow
def test_parse_starts_a_sentence_at_each_line_break(parsed_doc):
    # a paragraph that ends on a closing quotation mark is not run into the next one
    text = "The adviser said the talks had ended “on good terms”\nIsrael’s offensive went on."
    doc = parsed_doc(text)
    starts = [s.start_char for s in doc.parsed.sents]
    assert text.index("Israel") in starts


@pytest.mark.parametrize("error", [TypeError, AttributeError, KeyError])
def test_pipeline_a_bug_in_a_stage_is_a_crash_not_a_failure_record(error):
    @dataclass
    class BuggyStage:
        name: str = "buggy"
        needs: frozenset[str] = frozenset({"article"})
        gives: frozenset[str] = frozenset({"body"})

        def __call__(self, doc: Doc) -> Doc:
            raise error("a bug")

    article = make_article("Police arrested five protesters in the capital on Monday.")
    with pytest.raises(error):
        run(article, pipeline=Pipeline([BuggyStage()]))
    with pytest.raises(error):  # nor does the batch form turn it into an error record
        list(extract_lines(['{"id": "1", "text": "Police arrested five protesters."}'],
                           pipeline=Pipeline([BuggyStage()])))  # fmt: skip


def test_pipeline_registry_passes_each_stage_its_settings():
    from eventwire.pipeline import STAGES
    from eventwire.settings import Settings

    assert STAGES["events"].options == ("events", "lexicons", "cache_dir")
    stage = load_stage("events", Settings(events="all"))
    assert stage.scope == "all"
    with pytest.raises(ConfigError, match="cannot load the stage"):
        load_stage("no.such.module:Stage")


def test_extract_lines_error_record_keeps_the_id_when_text_is_not_a_string():
    pipe = Pipeline([FakeStage("body", frozenset({"article"}), frozenset({"body"}))])
    lines = ['{"id": "x", "text": 12345}', '{"id": 7}', '{"text": ["a"]}']
    results = list(extract_lines(lines, pipeline=pipe))
    assert [r["article"]["id"] for r in results] == ["x", "7", None]
    assert all(r["error"]["type"] == "InputError" for r in results)


@dataclass
class BatchStage:
    """Marks each doc's body with the size of the batch it came in."""

    name: str = "body"
    needs: frozenset[str] = frozenset({"article"})
    gives: frozenset[str] = frozenset({"body"})
    batches: list[int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if "poison" in doc.article.text:
            raise ValueError("cannot handle this article")
        from eventwire.model import Span, replace

        return replace(doc, body=(Span(0, len(doc.article.text)),))

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        assert self.batches is not None
        self.batches.append(len(docs))
        return [self(d) for d in docs]


def test_pipeline_run_many_matches_one_at_a_time_and_isolates_failures():
    batches: list[int] = []
    pipe = Pipeline([BatchStage(batches=batches), FakeStage("x", frozenset(), frozenset(), "bad")])
    texts = [f"Troops withdrew from town number {i} on Friday." for i in range(7)]
    texts[2] = "The poison article says troops withdrew."  # fails in the batch stage
    texts[5] = "A bad article that the second stage cannot handle."
    docs = [Doc(article=make_article(t)) for t in texts]
    outcomes = list(pipe.run_many(docs, batch_size=3))
    assert len(outcomes) == 7
    for doc, outcome in zip(docs, outcomes, strict=True):
        if "poison" in doc.article.text or "bad" in doc.article.text:
            assert isinstance(outcome, StageError)
            assert outcome.article_id == doc.article.id
        else:
            assert outcome == pipe(doc)
    assert isinstance(outcomes[2], StageError)
    assert outcomes[2].stage == "body"
    assert outcomes[5].stage == "x"
    # whole batches of 3, 3 and 1; the batch with the poison one was run one by one
    assert batches == [3, 3, 1]


def test_api_run_many_and_extract_lines_give_the_per_article_results():
    from eventwire.api import run_many

    pipe = Pipeline([BatchStage(batches=[])])
    articles = [make_article(f"Police detained {i} protesters in the capital.") for i in range(5)]
    assert list(run_many(articles, pipeline=pipe, batch_size=2)) == [
        run(a, pipeline=pipe) for a in articles
    ]
    lines = ['{"id": "a", "text": "Police detained protesters in the capital."}', "{bad json",
             "", '{"id": "c", "text": "The poison article."}']  # fmt: skip
    records = list(extract_lines(lines, pipeline=pipe, batch_size=2))
    assert [r["article"]["id"] for r in records] == ["a", None, "c"]
    assert "error" not in records[0]
    assert records[1]["error"]["type"] == "InputError"
    assert records[2]["error"]["type"] == "StageError"
