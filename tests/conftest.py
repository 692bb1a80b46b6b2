"""Shared fixtures: parsed docs for stage tests, and the bundled sample article."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.api import make_article
from eventwire.model import Doc

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "iraq-withdrawal.txt"
SAMPLE_GOLD = ROOT / "samples" / "iraq-withdrawal.gold.json"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_gold() -> dict:
    return json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parsed_doc() -> Callable[..., Doc]:
    """Build a Doc that has been through the body and parse stages (spaCy)."""
    from eventwire.pipeline import Pipeline

    pipe = Pipeline.from_names(["body", "parse"])

    def make(text: str, published: str | None = None) -> Doc:
        return pipe(Doc(article=make_article(text, published=published)))

    return make
