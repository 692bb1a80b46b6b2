"""Whether a verb's subject can do the act its reading names, and whether what an attack
acts on can be harmed.

A dictionary reading says what a verb means when people or bodies do it. Said of a thing, the
same verb is its everyday sense: "the shattered glass struck the child" is no assault, "these
blocks hosted light industry" no consultation, "close cooperation has helped ratchet up the
partnership" no aid. PETRARCH codes a verb only with a source actor from its dictionaries;
eventwire asks less: a subject that is a thing, by WordNet's senses in use
(`events/noun_kinds.tsv`, built by `tools/build_noun_kinds.py`), makes no event. What is not
a thing may act:

- a name, a pronoun, an actor mention, a noun WordNet gives a person, group, place or animal
  sense in use, or a noun it lacks;
- a quantity of something that may act ("thousands of Kurds", "four of the officers");
- a text or a gathering, for a verbal act only ("the report accuses", "the resolution
  demands", "the protest called for");
- a weapon or an act of force, for an attack or coercion only ("a car bomb killed", "the
  offensive has wounded thousands", "the blockade cut off supplies").

An attack harms people, bodies, places or things; an idea it cannot harm ("fight corruption",
"combat poverty and disease", "attacked the policy", "shot down rumors" are no assaults). The
same table says which nouns are ideas or such texts: no sense of theirs is material (a text
with one, "the pipeline", may be attacked); an occasion where people gather is neither
("attacked a wedding", "attacked the protest"). A release of captives frees people: a text,
a thing or an idea released is published or let go ("released new software", "is releasing
a new feature").
"""

from __future__ import annotations

from typing import Any

from eventwire.stages.s7_events.arguments import (
    RELATIVE_PRONOUNS,
    MentionIndex,
    is_headline_passive,
    is_passive,
    passive_agents,
    pobj,
    verb_subjects,
)
from eventwire.stages.s7_events.phrases import QUANTITY_HEADS, of_phrases

NOUN_KINDS = ("actor", "speech", "message", "force", "thing", "idea", "gathering")
# the categories a text may do ("the report accuses"); a weapon's ("a car bomb killed")
VERBAL = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
FORCEFUL = frozenset({"ASSAULT", "COERCE"})
ANIMATE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# subjects found through these rules are the verb's doers; the others are not (the object of
# a request, one accused, the patient of a participle)
DOER_RULES = frozenset(
    {
        "actor:agent",
        "actor:nsubj",
        "actor:relcl",
        "actor:conj",
        "actor:controller-subject",
        "actor:clause-subject",
    }
)
AMOUNT_WORDS = frozenset(
    "thousand hundred dozen score million one two three four five six seven eight nine ten "
    "many some few several both each all none most half".split()
)


def subject_can_act(tok: Any, event_type: str, kinds: dict[str, str], index: MentionIndex) -> bool:
    """Whether the verb `tok`, read as an act of `event_type`, has a doer that may do it: no
    subject at all (the doer is left unsaid), or one subject that is no thing."""
    if tok.dep_ == "acl" or is_passive(tok):
        # "deals reached with Israel", "was struck": the subject undergoes the act; only an
        # agent ("by X") says who did it
        subjects = passive_agents(tok)
    else:
        subjects, rule = verb_subjects(tok)
        if rule not in DOER_RULES or is_headline_passive(tok):
            return True
    return any_may_act(subjects, event_type, kinds, index)


def any_may_act(
    subjects: list[Any], event_type: str, kinds: dict[str, str], index: MentionIndex
) -> bool:
    """Whether one of these subjects may do an act of `event_type` (`may_act`), where any
    can be judged; with none judged (none at all, or amounts of nothing said), yes."""
    verdicts = [may_act(s, event_type, kinds, index) for s in subjects]
    known = [v for v in verdicts if v is not None]
    return not known or any(known)


def may_act(
    tok: Any, event_type: str, kinds: dict[str, str], index: MentionIndex, depth: int = 0
) -> bool | None:
    """Whether this subject may do an act of `event_type`; None for an amount of nothing
    said ("three bedrooms, each with a bathroom, occupy ..."): the other subjects decide, and
    with none, the amount is of people ("thousands demonstrated")."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and depth < 3:
        # "the glass, which struck the child": the noun the clause is about
        return may_act(tok.head.head, event_type, kinds, index, depth + 1)
    if tok.pos_ == "NUM" or tok.lower_ in QUANTITY_HEADS or tok.lemma_.lower() in AMOUNT_WORDS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                inner = pobj(child)
                if inner is not None and depth < 3:
                    return may_act(inner, event_type, kinds, index, depth + 1)
        return None
    if tok.pos_ in {"PRON", "PROPN"} or tok.ent_type_ in ANIMATE_ENTITIES:
        return True
    if index.covering(tok) is not None:
        return True  # an actor mention ("the cabinet", "a UN panel")
    kind = kinds.get(tok.lemma_.lower(), "actor")
    if kind in {"thing", "idea", "speech", "message", "gathering"} and any(
        c.dep_ in {"compound", "amod"} and kinds.get(c.lemma_.lower()) == "force"
        for c in tok.children
    ):
        kind = "force"  # "an improvised explosive device"
    if kind in {"speech", "message", "gathering"}:  # "the report accuses", "the protest demanded"
        return event_type in VERBAL
    if kind == "force":
        return event_type in FORCEFUL
    return kind == "actor"


def requester_may_ask(verb: Any, kinds: dict[str, str], index: MentionIndex) -> bool:
    """Whether a verb that asks for an act ("urged", "requires") has a subject that may ask:
    none said, a party, a text ("the resolution demands"); not a clause or an act
    ("modernising the service requires a critical investigation of its history"), a thing
    or an idea ("the situation needs a solution"): PLOVER's REQUEST is a party's."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if any(s.dep_ == "csubj" or s.pos_ in {"VERB", "AUX"} for s in subjects):
        return False
    return any_may_act(subjects, "REQUEST", kinds, index)


def patients_of(tok: Any) -> list[Any]:
    """A verb's patients: its direct objects, or its passive's subjects; a noun's, what its
    "of" names ("the release of the prisoners"); with their conjuncts."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        patients = of_phrases(tok)
    else:
        patients = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return patients + [c for p in patients for c in p.children if c.dep_ == "conj"]


def patient_can_be_harmed(tok: Any, kinds: dict[str, str], index: MentionIndex) -> bool:
    """Whether the verb or noun `tok`, read as an attack, acts on something an attack can
    harm: it has no patient, or one patient that is no idea and no text without a material
    sense in use ("attacked the pipeline" stays an attack; "the execution of the policy" is
    none, "the execution of prisoners" one)."""
    patients = patients_of(tok)
    return not patients or any(
        named_or_actor(p, index) or kinds.get(p.lemma_.lower()) not in {"idea", "message"}
        for p in patients
    )


def patient_can_be_held(tok: Any, kinds: dict[str, str], index: MentionIndex) -> bool:
    """Whether the verb or noun `tok`, read as a release of captives, frees someone: it has
    no patient ("was released"), or one that may act (a person, a group, a name, a pronoun,
    an amount). A text, a thing or an idea released is published or let go: "released new
    software", "is releasing a new feature", "the timely release of water"."""
    patients = patients_of(tok)
    return not patients or any(
        named_or_actor(p, index) or kinds.get(p.lemma_.lower(), "actor") == "actor"
        for p in patients
    )


def named_or_actor(tok: Any, index: MentionIndex) -> bool:
    """A name, a pronoun, an amount or an actor mention ("the army", "thousands"): no
    common noun the table can judge."""
    return (
        tok.pos_ != "NOUN"
        or tok.ent_type_ in ANIMATE_ENTITIES
        or tok.ent_type_ == "CARDINAL"
        or tok.lower_ in QUANTITY_HEADS
        or tok.lemma_.lower() in AMOUNT_WORDS
        or index.covering(tok) is not None
    )
