"""The kind of a gold attribution's cue, for reporting recall by mechanism.

The attribution scorer breaks recall down by what attributes the content in the gold set:

- `according to`: the cue is "according to" (whatever the source);
- `document`: the source is a document, a poll, a study or other record ("a new poll shows",
  "a 2014 study found", "the report said");
- `belief or intention`: a verb of thinking, wanting or planning ("X believes", "X wants",
  "X hopes", "X plans");
- `speech verb`: a verb of saying ("said", "told", "warned", "denied", "asked");
- `other`: anything else (punctuation such as a headline's "Name: ...", nouns, verbs of
  acting such as "voted against").

These lists are the scorer's own, fixed definitions of the breakdown, not the product's
vocabulary (the product's cues are `eventwire/data/sources/`): a gold cue is classed the same
way whatever eventwire knows, so a figure by kind says how much of that kind is found.
"""

from __future__ import annotations

from collections.abc import Iterable

KINDS = ("speech verb", "belief or intention", "according to", "document", "other")

SPEECH_VERBS = frozenset(
    """say tell add note write state announce claim confirm explain report reply respond
    answer ask question insist argue deny dispute reject warn urge recommend reveal stress
    emphasize emphasise acknowledge admit concede assert declare maintain reiterate repeat
    allege remark comment disclose describe continue call cite mention recall suggest
    propose promise pledge vow threaten demand predict estimate tweet post testify
    criticize criticise praise accuse blame condemn blast slam charge complain protest
    joke quip boast brag counter contend caution advise inform assure agree echo retort
    shout chant sing declare proclaim vow pronounce speak talk discuss announce
    """.split()
)
BELIEF_VERBS = frozenset(
    """believe think want hope expect plan intend fear worry feel know wish doubt suspect
    assume consider see view understand realize realise recognize recognise remember aim
    seek prefer like love hate trust wonder guess imagine suppose decide refuse favor favour
    oppose support mean try desire anticipate sense
    """.split()
)
DOCUMENT_WORDS = frozenset(
    """poll polls survey surveys study studies report reports analysis analyses data
    statistics records record document documents letter letters memo memos statement
    statements filing filings transcript transcripts video videos footage database
    average averages audit review research census estimate estimates figures numbers
    forecast model slide slides ad ads spot book article editorial email emails release
    index chart map photo photos image images ruling indictment complaint lawsuit budget
    rating ratings results tally count investigation probe paper papers guidelines
    """.split()
)


def classify_cue(cue_text: str, cue_lemmas: Iterable[str], source_text: str) -> str:
    """The kind of a gold cue, from its text, its words' lemmas and its source's text."""
    lowered = " ".join(cue_text.lower().split())
    if "according to" in lowered or lowered == "according":
        return "according to"
    source_words = [w.strip(".,;:’'\"”“") for w in source_text.lower().split()]
    if any(w in DOCUMENT_WORDS for w in source_words):
        return "document"
    lemmas = [lemma.lower() for lemma in cue_lemmas]
    if any(lemma in BELIEF_VERBS for lemma in lemmas):
        return "belief or intention"
    if any(lemma in SPEECH_VERBS for lemma in lemmas):
        return "speech verb"
    return "other"
