"""Salience: is an event the sentence's own report ("main"), or background it restates?

"background": the trigger sits in a relative, adverbial, purpose or participle clause ("the
town, which rebels seized last year"; "after months of fighting"; "to demand reforms"), in a
phrase describing a noun ("a ceasefire subject to talks", "contracts open to accusations"), or
in an adjunct of time or cause ("in protest of the arrest"), or gives another act's grounds
("arrested for collaborating with Israel"). PLOVER codes the main events,
and the default output holds only those (`--events all` keeps the background too).

Some clauses are content, not background: a clause on a plan or message noun says what the
plan or message is ("a deal which would see troops pull out"), though a past participle
says what befell it ("the interim deals reached with Israel" is background); a clause on the
head of a sentence with no verb of its own is that sentence's report (a headline: "Four
killed in air strike"); "followed by" / "preceded by" lists another event of the report; and a
participle clause after its verb says what the act did ("opened fire, killing one"); a
purpose "to protest" says what the act was ("shunned work to protest the settlements"); a
denial in a clause on a claim is the denier's act ("Britain blames Russia, which Russia
denies").
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from eventwire.stages.s7_events.modality import (
    MAX_STEPS,
    SEQUENCE_VERBS,
    STOP_PREPOSITIONS,
    is_cause_to,
    is_subjectless_infinitive,
    stages_in,
    undergoes,
)

# clauses and phrases that restate or describe; `amod`: an adjective phrase on a noun ("a
# ceasefire subject to talks")
BACKGROUND_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "npadvmod", "parataxis", "amod"})
CLAUSE_ON_NOUN = frozenset({"relcl", "acl"})
NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
# adverbs whose "of"/"to" sets a time by another event: "ahead of the protests", "prior to
# the talks"
TIME_HEADS = frozenset({"ahead", "prior"})
# participles that give an act's grounds or words, not a further act
REASON_VERBS = frozenset({"cite", "say", "add", "note", "claim", "argue", "explain", "state"})


def is_consequence(tok: Any, word_verbs: frozenset[str] = frozenset()) -> bool:
    """A participle clause after its verb, with no subordinating word: "opened fire, killing
    one person and arresting 12" reports what the act did, not its background."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.i < tok.head.i:
        return False
    # its own subject or a subordinating word makes it another clause; "citing", "saying"
    # only give the act's reason or words, as "demanding", "calling for" give a protest's
    lemma = tok.lemma_.lower()
    if lemma in REASON_VERBS or lemma in word_verbs:
        return False
    return not any(c.dep_ in {"mark", "aux", "nsubj", "nsubjpass"} for c in tok.children)


# verbs whose purpose infinitive says what the act was: a protest
PROTEST_PURPOSES = frozenset({"protest", "demonstrate"})


def is_protest_purpose(tok: Any) -> bool:
    """ "(workers downed tools) to protest the cuts": the act was the protest."""
    return (
        tok.dep_ in {"advcl", "xcomp"}
        and tok.lemma_.lower() in PROTEST_PURPOSES
        and is_subjectless_infinitive(tok)
    )


def is_reason(tok: Any, word_verbs: frozenset[str]) -> bool:
    """An act given as the grounds of another: "arrested for collaborating with Israel",
    "criticized Israel for attacking the convoy", "thanked Ethiopia for supporting the talks".
    PLOVER codes the arrest, the criticism, the thanks; the grounds are background, and
    lend the act no recipients. After a verb that says or asks (`word_verbs`), "for" gives
    what is asked ("called for withdrawing troops"), which is content."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.pos_ != "VERB" or prep.dep_ != "prep" or prep.lower_ != "for":
        return False
    verb = prep.head
    if verb.dep_ in {"dobj", "nsubjpass"} and verb.pos_ in NOMINAL:
        verb = verb.head  # the parser hangs the grounds on the one arrested, too
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in word_verbs


# verbs that deny what was said: a denial put in a clause on the claim ("..., which Russia
# denies", "a charge denied by the Kremlin") is the denier's own act, news, not background
DENIAL_VERBS = frozenset({"deny", "dispute", "refute", "reject"})
CLAIM_NOUNS = frozenset({"claim", "charge", "accusation", "allegation", "assertion"})


def denies_what_was_said(tok: Any) -> bool:
    """A denial in a clause on a claim or set off by a comma: "Britain blames Russia, which
    Russia denies", "a charge that the Kremlin denies", "a charge denied by the Kremlin"."""
    if tok.dep_ not in CLAUSE_ON_NOUN or tok.lemma_.lower() not in DENIAL_VERBS:
        return False
    if tok.head.lemma_.lower() in CLAIM_NOUNS:
        return True
    start = tok.left_edge.i
    return start > tok.sent.start and tok.doc[start - 1].text == ","


def is_verbless_root(tok: Any) -> bool:
    """A sentence head that is a noun phrase: a headline or caption without a finite verb."""
    return tok.head.i == tok.i and tok.pos_ in NOMINAL


def is_first_verb_of_verbless_sentence(tok: Any) -> bool:
    """A clause on a noun that is the first verb of a sentence whose head is a noun phrase:
    the parser found no main verb ("Doctors from two aid groups donated ... goods", read as
    "doctors who donated"), so this clause is the sentence's report."""
    root = tok.sent.root
    if root.pos_ not in NOMINAL:
        return False
    return next((t.i for t in tok.sent if t.pos_ == "VERB"), None) == tok.i


def salience_of(
    trigger: Any,
    *,
    content_heads: Container[int] = frozenset(),
    background: frozenset[int] = frozenset(),
    word_verbs: frozenset[str] = frozenset(),
    light_verbs: frozenset[str] = frozenset(),
) -> str:
    """ "main" or "background" for the event whose trigger is `trigger`; `content_heads` are
    the token indices of plan and message nouns, whose clauses are their content,
    `background` those of nouns already known to be background (their content is too), and
    `word_verbs` the lemmas of verbs that say or ask (reporting and request verbs): their
    participle after an act gives its words ("marched, demanding reforms"), no further act;
    `light_verbs` those that only stage an event noun ("engaged in ethnic cleansing")."""
    cur = trigger
    for _ in range(MAX_STEPS * 2):
        head = cur.head
        if head.i == cur.i:
            return "main"
        if head.i in background:
            # inside a noun already known to be background ("rejected an appeal for
            # deploying troops"): its content is too
            return "background"
        if cur.i == trigger.i and denies_what_was_said(cur):
            return "main"
        if cur.dep_ in CLAUSE_ON_NOUN and is_first_verb_of_verbless_sentence(cur):
            # the sentence's report, whatever the noun it hangs on ("Kenya: Four killed in
            # air strike", where "Four" is an apposition of the dateline's country)
            return "main"
        if cur.dep_ in CLAUSE_ON_NOUN and (
            (head.i in content_heads and not undergoes(head, cur)) or is_verbless_root(head)
        ):
            cur = head
            continue
        if cur.dep_ in {"acl", "advcl"} and cur.lemma_.lower() in SEQUENCE_VERBS:
            cur = head  # "X by 2025, followed by the withdrawal of Y": a list of events
            continue
        if cur.i == trigger.i and is_protest_purpose(cur):
            cur = head  # "shunned work to protest the settlements": the act was a protest
            continue
        if is_consequence(cur, word_verbs):
            cur = head  # "police opened fire, killing one person": what the act did
            continue
        if cur.dep_ in BACKGROUND_DEPS or is_reason(cur, word_verbs):
            return "background"
        if stages_in(cur, light_verbs):
            cur = head  # "engaged in ethnic cleansing": the light verb's event
            continue
        if cur.dep_ == "prep" and cur.lower_ in STOP_PREPOSITIONS | {"over"}:
            return "background"
        if cur.dep_ == "prep" and cur.lower_ in {"of", "to"} and cur.head.lower_ in TIME_HEADS:
            return "background"  # "deployed ahead of the protests", "prior to the talks"
        if is_cause_to(cur):
            return "background"  # "cancelled its flights due to the Ethiopian ban"
        cur = head
    return "main"
