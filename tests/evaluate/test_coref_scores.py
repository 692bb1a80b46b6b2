"""Coreference metrics against figures worked out by hand."""

from __future__ import annotations

import pytest

from eventwire.evaluate.coref_scores import assign, score_clusters

KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_coref_scores_worked_example():
    s = score_clusters(KEY, RESPONSE)
    assert s.muc.precision == pytest.approx(2 / 3)
    assert s.muc.recall == pytest.approx(2 / 3)
    assert s.b_cubed.precision == pytest.approx(11 / 15)
    assert s.b_cubed.recall == pytest.approx(11 / 15)
    assert s.ceaf_e.precision == pytest.approx(0.8)
    assert s.ceaf_e.recall == pytest.approx(0.8)
    assert s.conll_f1 == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)
    assert (s.mentions, s.key_clusters, s.response_clusters) == (5, 2, 2)


def test_coref_scores_perfect_response_scores_one():
    s = score_clusters(KEY, {m: f"r{k}" for m, k in KEY.items()})
    assert s.conll_f1 == pytest.approx(1.0)


def test_coref_scores_all_singletons_have_no_muc_links():
    s = score_clusters(KEY, {m: m for m in KEY})
    assert s.muc.f1 == 0.0
    assert s.b_cubed.precision == pytest.approx(1.0)
    assert s.b_cubed.recall == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    # CEAF-e: best alignment pairs each key cluster with one of its singletons
    assert s.ceaf_e.recall == pytest.approx((2 * 1 / 4 + 2 * 1 / 3) / 2)
    assert s.ceaf_e.precision == pytest.approx((2 * 1 / 4 + 2 * 1 / 3) / 5)


def test_coref_scores_mentions_the_response_lacks_are_singletons():
    partial = {"a": "x", "b": "x"}
    assert score_clusters(KEY, partial) == score_clusters(KEY, {**partial, "c": 3, "d": 4, "e": 5})


def test_assign_finds_the_best_one_to_one_alignment():
    # greedy takes 0.9 and is left with 0.0; the best alignment is 0.8 + 0.8
    assert assign([[0.9, 0.8], [0.8, 0.0]]) == pytest.approx(1.6)
    assert assign([[0.5], [0.7], [0.2]]) == pytest.approx(0.7)


def test_eval_coref_refuses_a_file_that_is_not_meantime(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    path = tmp_path / "other.jsonl"
    path.write_text('{"text": "Troops left.", "event_mentions": []}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "coref", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("eventwire: error: ")
    assert "doc_id" in result.stderr
