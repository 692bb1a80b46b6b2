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


def test_triggers_file_is_validated(tmp_path, monkeypatch):
    from eventwire.classify import triggers

    (tmp_path / "triggers.tsv").write_text("parley\tV\tNEGOTIATE\t-\t-\t-\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_EVENTS_DIR", str(tmp_path))
    triggers.readings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="unknown category"):
            triggers.readings()
    finally:
        monkeypatch.delenv("EVENTWIRE_EVENTS_DIR")
        triggers.readings.cache_clear()


@pytest.mark.slow
def test_parse_starts_a_sentence_at_each_line_break(parsed_doc):
    # a paragraph that ends on a closing quotation mark is not run into the next one
    text = "The adviser said the talks had ended “on good terms”\nIsrael’s offensive went on."
    doc = parsed_doc(text)
    starts = [s.start_char for s in doc.parsed.sents]
    assert text.index("Israel") in starts
