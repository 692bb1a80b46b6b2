"""eventwire: news articles in, sourced, time-anchored, modality-aware PLOVER events out."""

import logging

from eventwire.api import extract, extract_html, extract_lines, make_article
from eventwire.errors import (
    ConfigError,
    EventwireError,
    FetchError,
    InputError,
    StageError,
    StoreError,
)
from eventwire.model import (
    Actor,
    Article,
    Count,
    Doc,
    Event,
    EventTime,
    Mention,
    Place,
    Quote,
    Source,
    Span,
    TimeExpr,
)
from eventwire.output import ArticleResult
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings, load_settings

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "Article",
    "ArticleResult",
    "ConfigError",
    "Count",
    "Doc",
    "Event",
    "EventTime",
    "EventwireError",
    "FetchError",
    "InputError",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "Settings",
    "Source",
    "Span",
    "StageError",
    "StoreError",
    "TimeExpr",
    "__version__",
    "extract",
    "extract_html",
    "extract_lines",
    "load_settings",
    "make_article",
]
