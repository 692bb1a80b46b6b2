"""Tests of the geo evaluation: scoring arithmetic, and a quality gate on our own mini set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate.geo import SpanScores, distance_km, score_record, to_record
from eventwire.model import Place, Span

DATA = Path(__file__).resolve().parents[1] / "data"


def place(pid: str, start: int, end: int, lat: float | None, lon: float | None) -> Place:
    return Place(
        id=pid,
        span=Span(start, end),
        name="x",
        kind="city",
        country=None,
        admin1=None,
        lat=lat,
        lon=lon,
        geonames_id=None,
        confidence=0.9,
        stage="test",
    )


def test_distance_km_paris_to_london():
    assert 330 < distance_km(48.8566, 2.3522, 51.5074, -0.1278) < 350


def test_to_record_drops_expressions_and_keeps_adjectives_out_of_nominal():
    record = to_record(
        {
            "doc_id": "1",
            "text": "French troops in Mali and the area.",
            "toponyms": [
                {
                    "start": 0,
                    "end": 6,
                    "text": "French",
                    "type": "Non_Literal_Modifier",
                    "modifier_type": "Adjective",
                    "lat": 46.0,
                    "lon": 2.0,
                },
                {
                    "start": 17,
                    "end": 21,
                    "text": "Mali",
                    "type": "Literal",
                    "lat": 17.0,
                    "lon": -4.0,
                },
                {"start": 30, "end": 34, "text": "area", "type": "Literal_Expression"},
            ],
        }
    )
    assert [g.text for g in record.all] == ["French", "Mali"]
    assert [g.text for g in record.nominal] == ["Mali"]


def test_score_record_counts_strict_relaxed_and_distance():
    record = to_record(
        {
            "doc_id": "1",
            "text": "Troops in Mali and Niger.",
            "toponyms": [
                {
                    "start": 10,
                    "end": 14,
                    "text": "Mali",
                    "type": "Literal",
                    "lat": 17.0,
                    "lon": -4.0,
                },
                {
                    "start": 19,
                    "end": 24,
                    "text": "Niger",
                    "type": "Literal",
                    "lat": 18.0,
                    "lon": 9.0,
                },
            ],
        }
    )
    scores = SpanScores()
    score_record(
        scores, record.all, [place("p1", 10, 14, 17.0, -4.0), place("p2", 19, 25, None, None)]
    )
    summary = scores.summary()
    assert summary["strict"]["recall"] == 0.5
    assert summary["relaxed"]["recall"] == 1.0
    assert summary["accuracy_161km"] == 0.5


@pytest.mark.slow
def test_eval_geo_mini_set_meets_floors():
    from eventwire.evaluate.geo import evaluate_geo

    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    result = evaluate_geo(DATA / "geo" / "mini-geo.jsonl")
    assert result["documents"] == 6
    assert result["nominal"]["strict"]["f1"] >= floors["geo_mini_span_f1"]
    assert result["nominal"]["accuracy_161km"] >= floors["geo_mini_accuracy_161km"]


@pytest.mark.slow
def test_eval_geo_cli_prints_json():
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(
        main, ["eval", "geo", str(DATA / "geo" / "mini-geo.jsonl"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents"] == 6


def test_score_record_lists_misses_spurious_spans_and_far_resolutions():
    from eventwire.evaluate.geo import GeoError

    record = to_record(
        {
            "doc_id": "7",
            "text": "Troops in Mali and Niger and Chad.",
            "toponyms": [
                {"start": 10, "end": 14, "text": "Mali", "type": "Literal",
                 "lat": 17.0, "lon": -4.0},
                {"start": 19, "end": 24, "text": "Niger", "type": "Literal",
                 "lat": 18.0, "lon": 9.0},
                {"start": 29, "end": 33, "text": "Chad", "type": "Literal",
                 "lat": 15.0, "lon": 19.0},
            ],
        }
    )  # fmt: skip
    errors: list[GeoError] = []
    predicted = [
        place("p1", 10, 14, 17.0, -4.0),  # right
        place("p2", 19, 26, 40.0, 9.0),  # other offsets, 2,400 km off
        place("p3", 0, 6, 0.0, 0.0),  # matches nothing
    ]
    score_record(SpanScores(), record.nominal, predicted, errors, "7")
    kinds = sorted(e.kind for e in errors)
    assert kinds == ["far", "missed", "span", "spurious"]
    far = next(e for e in errors if e.kind == "far")
    assert far.km is not None
    assert far.km > 161
    assert next(e for e in errors if e.kind == "missed").gold.startswith("Chad@29 [Literal]")
