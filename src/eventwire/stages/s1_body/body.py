"""Which lines of an article's text belong to the report.

News pages pasted or scraped as text carry lines that are not part of the report: links to
related articles ("Iraq buys military helicopters from France"), photo captions, "Read
more", share buttons. They must not produce events. The body stage keeps the report's
paragraphs as spans and leaves such lines out; the headline (a short first line) is kept,
since it states the report's main event.

A dateline is not part of the report either: a line that is only a date ("March 01 , 2008",
"Monday, March 3, 2008 10:32 AM EST", "Updated: 3 March 2024") is left out, and a line that
opens with one ("BAGHDAD, March 1 (Reuters) - Iraqi troops ...") starts after it. So no event
comes from a dateline's month ("March" read as a verb); the time stage, which reads the whole
text, still finds the date. Month and weekday names are the time lexicon's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from eventwire.data import read_toml
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


@functools.lru_cache(maxsize=1)
def dateline_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a line that is only a date, the place-date-agency opening of a wire report)."""
    lexicon = read_toml("times", "lexicon.toml")
    month = "|".join(sorted(map(re.escape, lexicon["months"]), key=len, reverse=True))
    weekday = "|".join(map(re.escape, lexicon["weekdays"]))
    day = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
    year = r"\d{4}"
    date = (
        rf"(?:(?:{month})\.?\s+{day}(?:\s*,?\s*{year})?|{day}\s+(?:{month})\.?(?:\s*,?\s*{year})?"
        rf"|(?:{month})\.?\s*,?\s*{year}|{year}-\d\d-\d\d)"
    )
    clock = r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
    stamp = r"(?:(?:last\s+)?(?:updated|published|posted|modified)\s*(?:on\s*)?:?\s*)?"
    whole = re.compile(rf"\s*{stamp}(?:(?:{weekday})\s*,?\s*)?{date}{clock}\s*$", re.I)
    # "BAGHDAD, March 1 (Reuters) - ", "WASHINGTON, March 1, 2008 (AP) — ": a place in capitals
    opening = re.compile(
        rf"\s*[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ -]*)?,\s*{date}\s*(?:\([^()\n]{{1,40}}\)\s*)?"
        r"[-–—]+\s*"
    )
    return whole, opening


def dateline_end(line: str) -> int | None:
    """Where the report starts in a line that is or opens with a dateline: the line's
    length for a line that is only a date; None when there is no dateline."""
    whole, opening = dateline_patterns()
    if whole.match(line):
        return len(line)
    found = opening.match(line)
    return found.end() if found else None


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
        skip = dateline_end(line)
        if skip is not None and not line[skip:].strip():
            continue  # a dateline alone
        if skip is not None:
            line = " " * skip + line[skip:]  # the report after its dateline
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
