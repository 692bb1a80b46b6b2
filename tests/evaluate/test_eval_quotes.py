"""The quote scorer, and the quality gate on the MEANTIME quote set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate.quotes import GoldArticle, GoldQuote, read_gold, score_quotes
from eventwire.model import Quote, Span

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = DATA / "quotes" / "meantime-quotes.jsonl"
TEXT = "Boeing said that sales would rise sharply next year . `` We are happy , '' said Angers ."


def quote(start: int, end: int, speaker: Span | None, *, direct: bool) -> Quote:
    return Quote("q", Span(start, end), None, speaker, None, direct, "test")


def gold_article() -> GoldArticle:
    clause = TEXT.index("sales")
    said = TEXT.index("We")
    return GoldArticle(
        "a",
        TEXT,
        None,
        (
            GoldQuote(Span(clause, TEXT.index(" next")), Span(0, 6), False),
            GoldQuote(
                Span(said, TEXT.index(" ''")),
                Span(TEXT.index("Angers"), TEXT.index("Angers") + 6),
                True,
            ),
        ),
    )


def test_score_quotes_perfect_prediction() -> None:
    gold = gold_article()
    predicted = [quote(g.span.start, g.span.end, g.speaker, direct=g.direct) for g in gold.quotes]
    scores = score_quotes([(gold, predicted)]).to_dict()
    assert scores["all"]["content"]["f1"] == 1.0
    assert scores["all"]["exact"]["f1"] == 1.0
    assert scores["all"]["speaker_accuracy"] == 1.0


def test_score_quotes_partial_credit_by_words() -> None:
    gold = gold_article()
    clause = gold.quotes[0]
    # Predict "sales would rise sharply next year": 4 gold words of 6 predicted.
    predicted = [quote(clause.span.start, TEXT.index(" ."), Span(0, 6), direct=False)]
    row = score_quotes([(gold, predicted)]).to_dict()["indirect"]
    assert row["content"]["precision"] == pytest.approx(4 / 6, abs=0.001)
    assert row["content"]["recall"] == 1.0
    assert row["exact"]["f1"] == 0.0
    assert row["overlap"]["f1"] == 1.0


def test_score_quotes_wrong_speaker_and_missed_quote() -> None:
    gold = gold_article()
    direct = gold.quotes[1]
    predicted = [quote(direct.span.start, direct.span.end, Span(0, 6), direct=True)]
    scores = score_quotes([(gold, predicted)]).to_dict()
    assert scores["all"]["speaker_accuracy"] == 0.0
    assert scores["all"]["overlap"]["recall"] == 0.5


def test_read_gold_offsets_match_recorded_text() -> None:
    articles = read_gold(GOLD)
    assert 15 <= len(articles) <= 20
    raw = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    for article, record in zip(articles, raw, strict=True):
        for q, r in zip(article.quotes, record["quotes"], strict=True):
            assert article.text[q.span.start : q.span.end] == r["text"]
            assert article.text[q.speaker.start : q.speaker.end] == r["speaker"]


@pytest.mark.slow
def test_eval_quotes_meets_floors() -> None:
    from eventwire.evaluate.quotes import evaluate_quotes

    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    scores = evaluate_quotes(GOLD).to_dict()
    assert scores["all"]["content"]["f1"] >= floors["quotes_content_f1"]
    assert scores["all"]["speaker_accuracy"] >= floors["quotes_speaker_accuracy"]


@pytest.mark.slow
def test_eval_quotes_cli_json() -> None:
    from eventwire.cli import main

    result = CliRunner().invoke(main, ["eval", "quotes", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["articles"] == len(read_gold(GOLD))
