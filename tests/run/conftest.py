"""Inputs for the run tests: small JSON Lines, Parquet and WARC files for the fake stages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

STORE_DATA = Path(__file__).resolve().parents[1] / "data" / "store"
sys.path.insert(0, str(STORE_DATA))

COUNTRIES = ["Iraq", "Iran", "France", "Kenya"]
PLACES = ["Baghdad", "Basra", "Paris", "Nairobi"]


def fake_text(i: int) -> str:
    return (
        f"{COUNTRIES[i % 4]} protested in {PLACES[i % 4]} on 2024-03-{i % 28 + 1:02d}. "
        f"Report number {i} says the talks went on."
    )


@pytest.fixture
def jsonl_input(tmp_path) -> Path:
    """Two JSON Lines files: 23 good records (one the fake stage fails on), a bad line."""
    folder = tmp_path / "in"
    folder.mkdir()
    with (folder / "a.jsonl").open("w", encoding="utf-8") as out:
        for i in range(15):
            text = fake_text(i) + (" FAIL" if i == 4 else "")
            out.write(json.dumps({"id": f"a{i}", "text": text, "published": "2024-03-30"}) + "\n")
        out.write("{not json\n\n")
    with (folder / "b.jsonl").open("w", encoding="utf-8") as out:
        for i in range(15, 23):
            out.write(json.dumps({"text": fake_text(i), "url": f"https://n.example/{i}"}) + "\n")
    return folder
