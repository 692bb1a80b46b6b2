"""Which lines of an article's text belong to the report.

News pages pasted or scraped as text carry lines that are not part of the report: links to
related articles ("Iraq buys military helicopters from France"), photo captions, "Read
more", share buttons. They must not produce events. The body stage keeps the report's
paragraphs as spans and leaves such lines out; the headline (a short first line) is kept,
since it states the report's main event.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.model import Doc, Span

# Lines that are page furniture whatever their length.
FURNITURE = re.compile(
    r"""^\s*(
        read\s+(more|also|next)\b | see\s+also\b | related(\s+(articles?|stories|content))?\s*: |
        also\s+read\b | click\s+here\b | (photo|image|picture|video|caption|credit)s?\s*: |
        share\s+(this|on)\b | follow\s+us\b | sign\s+up\b | subscribe\b | advertisement\s*$ |
        (file\s+)?photo\s*[:/] | \(?(reporting|writing|editing)\s+by\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A line that ends like a sentence (possibly inside closing quotes or brackets).
SENTENCE_END = re.compile(r"""[.!?…:;]["'”’)\]]*\s*$|["”’]\s*$""")

# A headline-like line is short and does not end like a sentence. Calibrated on the
# sample and on MEANTIME headlines: headlines and link lines run 4-18 words, body
# paragraphs without final punctuation (a quote running to the end) run far longer.
MAX_HEADLINE_WORDS = 20


def is_headline_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not SENTENCE_END.search(line)


def body_spans(text: str) -> tuple[Span, ...]:
    """Spans of the lines that are part of the report, in text order."""
    spans: list[Span] = []
    seen_body = False
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip() or FURNITURE.match(line):
            continue
        headline_like = is_headline_like(line)
        if headline_like and seen_body:
            # A headline-like line after the report began: a related-article link, a
            # caption or a subheading. Left out.
            continue
        if not headline_like:
            seen_body = True
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.end() - (len(line) - len(line.rstrip()))
        spans.append(Span(start, end))
    return tuple(spans)


class BodyStage:
    name = "body"
    needs = frozenset({"article"})
    gives = frozenset({"body"})

    def __call__(self, doc: Doc) -> Doc:
        return replace(doc, body=body_spans(doc.article.text))
