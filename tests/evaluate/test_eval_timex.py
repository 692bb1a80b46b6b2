"""Quality gate for the time stage on a MEANTIME subset, and the scorer's arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.timex import GoldTimex, evaluate_timex, gold_timexes, match, prf
from eventwire.model import Span

DATA = Path(__file__).resolve().parents[1] / "data"
SUBSET = DATA / "meantime" / "sample.jsonl"


def floor(key: str) -> float:
    return json.loads((DATA / "floors.json").read_text(encoding="utf-8"))[key]


@pytest.mark.slow
def test_eval_timex_value_f1_above_floor():
    scores = evaluate_timex(SUBSET)
    assert scores.docs == 10
    assert scores.figures()["value_f1"] >= floor("timex_value_f1")


@pytest.mark.slow
def test_eval_timex_cli_json():
    result = CliRunner().invoke(main, ["eval", "timex", str(SUBSET), "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["docs"] == 2
    assert 0.0 <= figures["value_f1"] <= 1.0


def test_eval_timex_gold_excludes_creation_time_and_late_sentences():
    text = "Head\nMarch 01 , 2008\nIt fell in 2007 .\n3\n4\n5\nIn 2006 too ."
    record = {
        "text": text,
        "timex3": [
            {
                "start": 5,
                "end": 20,
                "type": "DATE",
                "value": "2008-03-01",
                "functionInDocument": "CREATION_TIME",
            },
            {"start": 32, "end": 36, "type": "DATE", "value": "2007", "functionInDocument": "NONE"},
            {"start": None, "end": None, "type": "DATE", "value": "2009"},
            {
                "start": text.index("2006"),
                "end": text.index("2006") + 4,
                "type": "DATE",
                "value": "2006",
            },
        ],
    }
    gold, excluded = gold_timexes(record)
    assert [g.value for g in gold] == ["2007"]
    assert excluded == [Span(5, 20)]


def test_eval_timex_match_is_one_to_one():
    gold = [GoldTimex(Span(0, 10), "DATE", "a"), GoldTimex(Span(5, 8), "DATE", "b")]

    class Pred:
        def __init__(self, start: int, end: int) -> None:
            self.span = Span(start, end)

    pairs = match(gold, [Pred(5, 8)])
    assert [(g.value, p.span) for g, p in pairs] == [("b", Span(5, 8))]
    assert prf(1, 2, 4) == pytest.approx((0.5, 0.25, 1 / 3))


def test_folds_hold_out_every_fifth_document_in_id_order():
    from eventwire.evaluate.folds import held_out, in_part

    ids = [str(n) for n in (12, 3, 100, 7, 45, 9, 1, 30, 8, 2)]
    held = held_out(ids)
    # sorted numerically: 1 2 3 7 8 | 9 12 30 45 100 -> the 5th and the 10th
    assert held == {"8", "100"}
    assert in_part("8", "held-out", held)
    assert not in_part("8", "dev", held)
    assert in_part("9", "dev", held)
    assert in_part("9", "all", held)
    with pytest.raises(ValueError, match="unknown part"):
        in_part("9", "test", held)


def test_eval_timex_scores_each_timex3_type_on_its_own():
    from eventwire.evaluate.timex import TimexScores, score_doc
    from eventwire.model import Article, Doc, TimeExpr

    text = "Head\nDate\nIt ran for two years and met every week in 2007 .\n3\n4\n5\n"

    def span(s: str) -> Span:
        return Span(text.index(s), text.index(s) + len(s))

    record = {
        "doc_id": "d1",
        "text": text,
        "timex3": [
            {"start": span("two years").start, "end": span("two years").end,
             "type": "DURATION", "value": "P2Y"},
            {"start": span("every week").start, "end": span("every week").end,
             "type": "SET", "value": "P1W"},
            {"start": span("2007").start, "end": span("2007").end, "type": "DATE",
             "value": "2007"},
        ],
    }  # fmt: skip
    times = (
        TimeExpr("t1", span("two years"), "DURATION", "P2Y", None, None, "test"),
        TimeExpr("t2", span("every week"), "SET", "P2W", None, None, "test"),
        TimeExpr("t3", span("2007"), "DATE", "2007", None, None, "test"),
    )
    scores = TimexScores()
    score_doc(scores, record, Doc(article=Article(id="d1", text=text), times=times))
    by_type = scores.by_type()
    assert by_type["DURATION"]["value_f1"] == 1.0
    assert by_type["SET"]["gold"] == 1
    assert by_type["SET"]["value_r"] == 0.0
    assert by_type["DATE"]["value_p"] == 1.0
    assert by_type["TIME"]["gold"] == 0
    assert scores.to_dict()["by_type"]["SET"]["predicted"] == 1
