"""The tense of the clause a time expression sits in, read from the spaCy parse.

News uses a bare "Friday" or "June 18" for the nearest such day; the verb says which side of
the publication date: "met on Friday" (past) against "will meet on Friday" (future).
"""

from __future__ import annotations

from typing import Any

from eventwire.stages.s2_parse.headlines import ends_as_sentence

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
# Verbs whose complement lies in the future: "is expected to take place this month".
FUTURE_HEADS = frozenset(
    {
        "expect",
        "schedule",
        "plan",
        "set",
        "due",
        "intend",
        "aim",
        "hope",
        "want",
        "prepare",
        "agree",
        "promise",
        "vow",
        "pledge",
        "threaten",
    }
)
SCHEDULE_VERBS = frozenset({"schedule", "plan", "expect", "set"})
# Modals that put the clause ahead of publication ("should be completed in October").
FUTURE_MODALS = frozenset({"should", "may", "might", "must", "can", "could", "shall"})
MAX_CLIMB = 4
# The dependents that open a complement clause: its subject, "that", "there".
CLAUSE_OPENERS = frozenset({"nsubj", "nsubjpass", "mark", "expl"})


def tense_at(parsed: Any, start: int, end: int, *, futurate: bool = True) -> str | None:
    """ "past", "future" or None (present, or unknown) for the verb governing [start, end);
    with `futurate` false, a present that schedules ("the board meets on Monday") is a
    present, not a future."""
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(reporting_verb(token, span.start) or token, futurate=futurate)


def reporting_verb(verb: Any, first: int) -> Any:
    """The verb a time between it and its complement clause belongs to: in "said on Monday it
    will cut jobs" the parser may hang "on Monday" on "cut", but a clause's own adjuncts lie
    inside it, after its subject or "that"; one before them is the saying verb's. None when
    the time (its first token at `first`) is inside the clause."""
    if verb.dep_ != "ccomp" or not verb.head.i < first < verb.i:
        return None
    opening = [c.i for c in verb.children if c.dep_ in CLAUSE_OPENERS]
    if not opening or first > min(opening):
        return None
    return verb.head


def verb_tense(verb: Any, *, futurate: bool = True) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if any(a.tag_ == "MD" for a in auxes):
        return "future" if any(a.lower_ in FUTURE_MODALS for a in auxes) else None
    if verb.lemma_ in SCHEDULE_VERBS and verb.tag_ == "VBN":
        return "future"  # "a hearing has been scheduled", "talks are planned"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_HEADS:
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) or any(a.lower_ in ("has", "have") for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    # a bare participle ("Boeing hit by strike", "the plane, delivered in May"); one with a
    # present auxiliary is present ("before it is officially reported in March")
    present = any(a.tag_ in ("VBZ", "VBP", "VB") for a in auxes)  # "be made": subjunctive
    bare = verb.dep_ in ("ROOT", "conj", "advcl", "relcl", "ccomp", "acl")
    if verb.tag_ == "VBN" and bare and not present:
        return "past"
    if futurate and is_futurate(verb, auxes):
        return "future"
    return None


# Verbs that report, in the present of news ("says on Monday it will ..."): not futurate.
REPORTING = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "claim", "confirm", "warn", "note",
     "explain", "insist", "write", "argue", "admit", "deny", "reveal", "suggest", "show"}
)  # fmt: skip


def is_headline(tok: Any) -> bool:
    """Whether the token's line reads as a headline: it does not end as a sentence does
    (`ends_as_sentence` on its last words, read token by token to the line's end, not from
    the whole text)."""
    doc, tail = tok.doc, []
    for i in range(tok.i, len(doc)):
        word = doc[i]
        if word.text.strip():
            tail = [*tail[-3:], word]  # a full stop, then closing quotes
        if "\n" in word.text_with_ws:
            break
    return not ends_as_sentence("".join(w.text_with_ws for w in tail))


def is_futurate(verb: Any, auxes: list[Any]) -> bool:
    """A present that schedules: "the board is meeting on Monday", "the ban takes effect on
    Sunday". Not a verb of reporting, nor a headline's present ("Kenya Signs Deal Monday"),
    which reports the past."""
    if verb.lemma_.lower() in REPORTING or is_headline(verb):
        return False
    if verb.tag_ == "VBG":
        return any(a.lower_ in ("is", "are", "am", "'s", "'re") for a in auxes)
    return verb.tag_ in ("VBZ", "VBP") and not auxes
