"""The attribution scorer: PolNeAR-format gold read from a path, content matching, speakers,
recall by cue kind and the held-out fold. The gold here is written by the tests; PolNeAR
itself is never in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate.attribution import (
    GoldArticle,
    GoldAttribution,
    Predicted,
    held_out_ids,
    read_gold,
    score_attributions,
)
from eventwire.evaluate.cue_kinds import classify_cue
from eventwire.model import Span

TEXT = (
    "“We will not leave,” the mayor said. “This is our city.” "
    "A new poll shows the governor ahead. Officials hope to reopen the road."
)


def at(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words))


def gold_article(article_id: str = "a") -> GoldArticle:
    return GoldArticle(
        article_id,
        TEXT,
        "2024-01-01",
        (
            GoldAttribution(
                (at("“We will not leave,”"), at("“This is our city.”")),
                (at("the mayor"),),
                (at("said"),),
                "speech verb",
            ),
            GoldAttribution(
                (at("the governor ahead"),), (at("A new poll"),), (at("shows"),), "document"
            ),
            GoldAttribution(
                (at("to reopen the road"),),
                (at("Officials"),),
                (at("hope"),),
                "belief or intention",
            ),
        ),
    )


def scores_of(predicted: list[Predicted]) -> dict:
    return score_attributions([(gold_article(), predicted)], held_out=frozenset()).to_dict()


def test_score_attributions_perfect_prediction() -> None:
    predicted = [
        Predicted((at("We will not leave,"), at("This is our city.")), at("the mayor"), "s"),
        Predicted((at("the governor ahead"),), at("A new poll"), "finding"),
        Predicted((at("to reopen the road"),), at("Officials"), "intention"),
    ]
    row = scores_of(predicted)["all"]
    assert row["content"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert row["strict"]["f1"] == 1.0  # quote marks aside, the same words
    assert row["speaker_accuracy"] == 1.0
    assert {k: v["recall"] for k, v in row["recall_by_cue_kind"].items()} == {
        "speech verb": 1.0,
        "belief or intention": 1.0,
        "document": 1.0,
    }


def test_score_attributions_quote_cut_in_two_counts_once_when_paired() -> None:
    predicted = [
        Predicted((at("We will not leave,"),), at("the mayor"), "statement"),
        Predicted((at("This is our city."),), at("the mayor"), "statement"),
    ]
    row = scores_of(predicted)["all"]
    assert row["content"]["precision"] == 1.0  # both pieces lie in a gold content
    assert row["content"]["recall"] == pytest.approx(1 / 3, abs=0.001)
    assert row["paired"]["precision"] == 0.5  # one to one: the second piece is extra
    assert row["strict"]["f1"] == 0.0


def test_score_attributions_wrong_speaker_and_missed_kinds() -> None:
    predicted = [Predicted((at("the governor ahead"),), at("the mayor"), "finding")]
    row = scores_of(predicted)["all"]
    assert row["speaker_accuracy"] == 0.0
    assert row["recall_by_cue_kind"]["document"]["recall"] == 1.0
    assert row["recall_by_cue_kind"]["speech verb"]["recall"] == 0.0
    assert row["precision_by_kind"] == {"finding": {"predicted": 1, "precision": 1.0}}


def test_score_attributions_held_out_fold_apart() -> None:
    articles = [gold_article(f"doc{i:02d}") for i in range(10)]
    held_out = held_out_ids(articles)
    assert held_out == {"doc04", "doc09"}  # every fifth by id
    pairs = [(a, []) for a in articles]
    folds = score_attributions(pairs, held_out=held_out).to_dict()
    assert (folds["all"]["articles"], folds["tuning"]["articles"]) == (10, 8)
    assert folds["held-out"]["gold"] == 2 * len(gold_article().attributions)


@pytest.mark.parametrize(
    ("cue", "lemmas", "source", "kind"),
    [
        ("said", ["say"], "the mayor", "speech verb"),
        ("according to", ["accord", "to"], "the ministry", "according to"),
        ("shows", ["show"], "A new poll", "document"),
        ("hopes", ["hope"], "Officials", "belief or intention"),
        (":", [":"], "Headline Name", "other"),
    ],
)
def test_classify_cue_kinds(cue, lemmas, source, kind) -> None:
    assert classify_cue(cue, lemmas, source) == kind


def write_gold(path: Path) -> Path:
    a = gold_article()
    record = {
        "doc_id": a.id,
        "publication_date": a.published,
        "text": a.text,
        "annotations": [
            {
                "annotator": "x",
                "attributions": [
                    {
                        "id": str(i),
                        "has_source": True,
                        **{
                            key: [{"start": s.start, "end": s.end, "text": s.of(TEXT)} for s in v]
                            for key, v in (
                                ("source", g.source),
                                ("cue", g.cue),
                                ("content", g.content),
                            )
                        },
                    }
                    for i, g in enumerate(a.attributions)
                ],
            }
        ],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_read_gold_takes_the_first_annotation_set(tmp_path) -> None:
    [article] = read_gold(write_gold(tmp_path / "gold.jsonl"))
    assert article.id == "a"
    assert [p.of(TEXT) for p in article.attributions[0].content] == [
        "“We will not leave,”",
        "“This is our city.”",
    ]


@pytest.mark.slow
def test_eval_attribution_cli_runs_on_a_gold_file(tmp_path) -> None:
    from eventwire.cli import main

    path = write_gold(tmp_path / "gold.jsonl")
    result = CliRunner().invoke(main, ["eval", "attribution", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["all"]["gold"] == 3
    assert data["all"]["content"]["recall"] >= 2 / 3  # the quote and the poll at least
    quotes = CliRunner().invoke(main, ["eval", "attribution", str(path), "--from", "quotes"])
    assert quotes.exit_code == 0, quotes.output
    assert "from quotes" in quotes.output
