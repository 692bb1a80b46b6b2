"""Event stage: reads the parse, the body spans and the actor mentions; adds `Event`s typed in
PLOVER, each with its trigger, sentence, actors, recipients, count, modality (with its cue),
PLOVER's own category, a confidence and the trace of the rules that fired.

Per sentence of the report's body:
1. triggers: verbs and eventive nouns with a reading in `data/events/triggers.tsv`;
2. arguments (arguments.py) and modality (modality.py) for each;
3. `plover_type`: PLOVER folds modality into the category. An event governed by another
   event takes the governor's category ("agreed to withdraw" -> AGREE, "called on X to
   withdraw" -> REQUEST); otherwise a planned cooperative act is AGREE, a planned or
   threatened act of force THREATEN, a requested act REQUEST.
With scope "all", verbs with no PLOVER reading are events too, typed OTHER.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.budget import check_budget
from eventwire.errors import ConfigError
from eventwire.model import Actor, Doc, Event, Span
from eventwire.stages.s2_parse.tokens import tokens_in
from eventwire.stages.s7_events.arguments import (
    MESSAGES,
    OWNER_OF_EVENT,
    OWNER_OF_OBJECT,
    Arguments,
    MentionIndex,
    count_of,
    home_country,
    imputed_party,
    is_eventive_noun,
    is_headline,
    is_objects_topic,
    noun_arguments,
    speaker_actor,
    verb_arguments,
)
from eventwire.stages.s7_events.doers import (
    patient_can_be_harmed,
    patient_can_be_held,
    requester_may_ask,
    subject_can_act,
)
from eventwire.stages.s7_events.folding import FORCEFUL, folded_type
from eventwire.stages.s7_events.modality import (
    Cues,
    Modality,
    find_modality,
    is_light_verb,
    is_own_infinitive,
    lemma_forms,
    marked_by_to,
    passes,
    stages_in,
    token_span,
)
from eventwire.stages.s7_events.phrases import counted
from eventwire.stages.s7_events.salience import (
    denies_what_was_said,
    is_consequence,
    is_protest_purpose,
    is_reason,
    salience_of,
)
from eventwire.stages.s7_events.triggers import (
    COMPLEMENT_DEPS,
    NO_EVENT,
    POS_PARTS,
    REVERSED,
    Reading,
    reading_for,
)
from eventwire.stages.s7_events.vocabulary import load_vocabulary

STAGE = "events/1"
SCOPES = ("plover", "all")

# sectors of a country's own bodies: police, courts and prosecutors, legislatures, government
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG", "GOV"})
# Acts often aimed across borders: the sentence's one country may well be the target's
# ("protesters stormed the US embassy"), so it is not lent to an actor without one.
CROSS_BORDER = frozenset({"ASSAULT", "SANCTION", "MOBILIZE", "THREATEN", "AID", "COOPERATE"})
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# light verbs that end their event noun's event ("ended its attacks")
ENDING_VERBS = frozenset({"end", "halt", "stop", "cease", "suspend", "abandon"})
SKIP_OTHER_LEMMAS = frozenset({"be", "have", "do", "get", "seem", "appear", "become"})
# A verb that reports an event's occurrence also names it ("reach an agreement", "hold talks"):
# the noun then adds no event of its own.
NOUN_FOLDING_CONDITIONS = ("obj=",)

# Confidence of a rule-based event, built from what the rules found. Set by hand, not fitted:
# on the PLOVER dev records verb triggers with a resolved actor were right more often than
# bare nominal triggers, and the weights only order events that way.
BASE_CONFIDENCE = 0.5
VERB_BONUS = 0.15
ACTOR_BONUS = 0.15
RECIPIENT_BONUS = 0.05
OTHER_PENALTY = 0.2
# the readings of a party's visit and of its hosting ("visited Kabul", "hosted the envoy")
VISIT_MODES = frozenset({"visit", "host"})


@dataclass(frozen=True, slots=True)
class Candidate:
    token: Any
    reading: Reading | None  # None for OTHER events
    is_noun: bool
    why: str | None = None  # for an OTHER event: the pattern that said this use is no event


def trigger_span(tok: Any) -> Span:
    """The trigger word, with an adjacent particle ("pull out", "step down")."""
    end = tok.idx + len(tok.text)
    for child in tok.rights:
        if (
            child.dep_ == "prt"
            and child.i == tok.i + 1
            and not (child.i + 1 < len(tok.doc) and tok.doc[child.i + 1].lower_ == "to")
        ):  # not the "up" of "up to 16"
            end = child.idx + len(child.text)
    return Span(tok.idx, end)


def sentence_span(sent: Any, text: str | None = None) -> Span:
    """The sentence's span without its surrounding white space (`text`: the article's text,
    which is the parse's, read instead of rebuilding the sentence from its tokens)."""
    raw = text[sent.start_char : sent.end_char] if text is not None else sent.text
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    end = sent.end_char - (len(raw) - len(raw.rstrip()))
    return Span(start, max(start, end))


# CAMEO's 03x, "express intent to cooperate": AGREE under CAMEO2PLOVER
INTENT_CODES = "03"


def governing_candidate(tok: Any, by_index: dict[int, Candidate]) -> Candidate | None:
    cur = tok
    for _ in range(10):
        if not passes(cur):
            return None
        cur = cur.head
        if cur.i in by_index:
            return by_index[cur.i]
    return None


def is_subject_of(tok: Any, other: Any) -> bool:
    """Whether `tok` is the subject of `other`."""
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i == other.i


def is_sibling(tok: Any, other: Any) -> bool:
    """Whether `tok` is coordinated with `other` ("attack and destroy"): the conjunct of it."""
    return tok.dep_ == "conj" and tok.head.i == other.i


LOCATION_PREPS = frozenset({"in", "throughout", "across", "inside"})


def with_stager(tok: Any) -> list[Any]:
    """The trigger and, for a noun, the verb that stages it ("staged demonstrations
    throughout Indonesia", "set off expulsions ... from Britain"): where its phrases hang."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return [tok, tok.head.head if tok.dep_ == "pobj" else tok.head]
    return [tok]


def location_country(tok: Any, actors: tuple[Actor, ...], index: MentionIndex) -> str | None:
    """The country of a place phrase ("in Monrovia", "throughout Indonesia") attached to the
    trigger or to an actor's head, as the actor lexicon knows it (country or capital)."""
    doc = tok.doc
    heads = with_stager(tok)
    for actor in actors:
        if actor.span is not None:
            span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
            if span is not None:
                heads.append(span.root)
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for target in prep.children:
                mention = index.covering(target) if target.dep_ == "pobj" else None
                actor = mention.actor if mention is not None else None
                if (
                    actor is not None
                    and actor.country not in {None, "IGO", "NGO"}
                    and actor.sector in {"GOV", None}
                ):
                    return actor.country
    return None


def sentence_country(tok: Any, index: MentionIndex) -> str | None:
    """The one country the sentence's actors and places name, if there is exactly one: a
    local group with no country of its own ("fundamentalists demanded the resignation of the
    Algerian president") is taken to belong to it."""
    sent = tok.sent
    countries = {
        m.actor.country
        for m in index.mentions
        if m.actor is not None
        and sent.start_char <= m.span.start < sent.end_char
        and m.actor.country not in {None, "IGO", "NGO", "MED"}
    }
    return countries.pop() if len(countries) == 1 else None


STATE_SECTORS = frozenset({"GOV", "MIL"})
STATE_KINDS = frozenset({"lexicon:country", "lexicon:capital"})
ENVOY_ROLES = frozenset({"ambassador", "envoy", "diplomat", "charge d'affaires"})


def acts_on_its_state(args: Arguments, country: str) -> bool:
    """Whether state bodies with no country of their own ("the ministry", "the army") act on
    a country named as a whole ("the US", "Washington") or on its envoy ("the US ambassador")
    whose code is `country`: a state's organ does not accuse, ask or reject its own state,
    and an envoy serves abroad, so the sentence's one country is no clue to theirs."""
    bodies = [a for a in args.actors if not a.country]
    return all(a.sector in STATE_SECTORS for a in bodies) and any(
        r.country == country and (r.rule in STATE_KINDS or r.role in ENVOY_ROLES)
        for r in args.recipients
    )


# acts that last, and the verbs that say one has ended: a deal or a ceasefire that collapses
# was made before
LASTING_TYPES = frozenset({"AGREE", "RETREAT"})
COLLAPSE_VERBS = frozenset({"collapse", "fail", "falter", "unravel", "crumble", "expire", "lapse"})


def comes_to_an_end(noun: Any, event_type: str) -> bool:
    """Whether an event noun of a lasting act is the subject of a verb that says it ended:
    "the deal collapsed", "the ceasefire broke down", "the truce fell apart"."""
    if event_type not in LASTING_TYPES or noun.dep_ != "nsubj":
        return False
    verb = noun.head
    lemma = verb.lemma_.lower()
    if lemma in COLLAPSE_VERBS:
        return True
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod", "prep"}}
    return (lemma == "break" and "down" in particles) or (
        lemma == "fall" and bool(particles & {"apart", "through"})
    )


def is_event_object(tok: Any, by_index: dict[int, Candidate]) -> bool:
    """Whether a noun trigger is the object of a verb trigger ("rejected the request"), or
    the topic of an event noun the verb has for its object ("opened an investigation into
    the attack": the attack is what is investigated, no new report)."""
    if tok.dep_ in {"dobj", "obj"}:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        verb = tok.head.head
        if is_objects_topic(verb, tok) and any(
            c.dep_ in {"dobj", "obj"} and (found := by_index.get(c.i)) is not None and found.reading
            for c in verb.children
        ):
            return True
    else:
        return False
    gov = by_index.get(verb.i)
    return gov is not None and gov.reading is not None and not gov.is_noun


# Verbs whose object is an event already there, not a new one: "fulfilling the promises of
# the Euromaidan", "implement the agreement", "honour the ceasefire", "delivered on its
# pledge"; what they do to it is theirs to code (CAMEO's "violate the ceasefire").
PRESUPPOSING_VERBS = frozenset(
    "fulfil fulfill keep honour honor implement uphold respect abide deliver renege".split()
)


def does_its_verbs_act(cand: Candidate, by_index: dict[int, Candidate]) -> bool:
    """Whether an event noun is the subject of a verb trigger of its own category, read
    from the project's lexicon: "the attack killed 20 people", "missile strikes hit Kyiv"
    report one attack, the verb's (a CAMEO reading may yield to the noun: "operations were
    continuing")."""
    tok = cand.token
    if tok.dep_ != "nsubj" or cand.reading is None:
        return False
    verb = by_index.get(tok.head.i)
    return (
        verb is not None
        and not verb.is_noun
        and verb.reading is not None
        and not verb.reading.derived
        and verb.reading.type == cand.reading.type
    )


def refers_back(tok: Any) -> bool:
    """Whether an event noun is what a verb keeps or carries out ("fulfilling the promises",
    "the deal was implemented", "abide by the truce"): an event told before, background."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        amount = tok.head.head
        inner = counted(amount) if amount.lower_ not in {"none", "any", "each"} else tok
        if inner is not None and inner.i == tok.i:
            tok = amount  # "fulfilled none of its promises": what the amount is of
    if tok.dep_ in {"dobj", "obj", "nsubjpass"}:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in {"on", "by"}:
        verb = tok.head.head
    else:
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in PRESUPPOSING_VERBS


# Dependency labels of tokens that are never triggers: modifiers inside a name or noun phrase,
# and function words the tagger calls verbs ("according to", "provided that").
NON_TRIGGER_DEPS = frozenset(
    {"amod", "compound", "prep", "mark", "cc", "aux", "auxpass", "case", "acomp", "oprd"}
)
# PLOVER categories that need a recipient (PLOVER manual): without one, a reading derived
# from CAMEO is not trusted.
RECIPIENT_NEEDED = frozenset({"COOPERATE", "AID", "SANCTION"})
# speech acts about another's act: their recipient is the one who would act
ASKING = frozenset({"REQUEST", "REJECT"})
# sectors of private people and bodies: an actor of only these is not enough for a reading
# derived from CAMEO, whose patterns were written for political actors
PRIVATE = frozenset({"CVL", "BUS", "MED", "EDU"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# verbal and material cooperation: what private people do with each other every day
PRIVATE_COOPERATION = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
# acts of the authorities: one faced or received needs no doer named (`has_needed_arguments`)
AUTHORITIES_ACTS = frozenset({"ACCUSE", "COERCE", "SANCTION"})
# the rules that give an actor the country of the place it acts in
PLACED_ACTORS = ("actor:location", "actor:sentence-country")


def yields_to_its_complement(
    cand: Candidate,
    by_index: dict[int, Candidate],
    light_verbs: frozenset[str],
    index: MentionIndex,
) -> bool:
    """A verb known only from the CAMEO dictionary's default reading (no pattern) yields to
    the event it governs ("prepared to resume shelling" is the shelling), and a light verb's
    default never counts ("issued a reminder", "staged a rally": the object decides)."""
    reading = cand.reading
    if reading is None or not reading.derived:
        return False
    if any(part.startswith("particle=") for part in (reading.condition or "").split("&")):
        return False  # a phrasal verb has its own sense: "gave in to the demands" yields
    tok = cand.token
    light = is_light_verb(tok, light_verbs)
    worded = has_words(reading.condition)
    ending = worded and bool(lemma_forms(tok) & ENDING_VERBS)
    if light or ending:
        kids = list(tok.children)
        staged = [c for c in kids if c.dep_ in {"dobj", "obj"}]
        staged += [
            g for c in kids if c.dep_ == "prep" and stages_in(c, light_verbs) for g in c.children
        ]
        nouns = [by_index[n.i] for n in staged if n.i in by_index and by_index[n.i].is_noun]
        if ending and any(n.reading is not None and n.reading.type != reading.type for n in nouns):
            # ending an event is not that event: CAMEO's pattern says what it is ("ended
            # its attacks" is a ceasefire, 0871; "halted the strike" a concession)
            return False
        if light and nouns:
            # "staged demonstrations", "began a hunger strike", "took part in the talks":
            # the noun is the event
            return True
    if worded:
        return False
    if light:
        # "issued a reminder", "staged a rally": a thing as object says what happened; an
        # actor as object leaves the verb its own sense ("ordered Menem to appear")
        objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
        if objects and not any(index.covering(o) for o in objects):
            return True
    for child in tok.children:  # "came to an agreement": the agreement
        nouns = [child] if child.dep_ in {"dobj", "obj"} else []
        nouns += [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any(n.i in by_index and by_index[n.i].is_noun for n in nouns):
            return True
    if reading.condition is not None:
        return False
    complements = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}]
    if (reading.cameo or "").startswith("03") and not complements:
        return True  # CAMEO 03x is an intent: "prepared to negotiate", not "trained hackers"
    todo = list(complements)
    while todo:  # "prepared to resume shelling": the shelling, through "resume"
        child = todo.pop()
        other = by_index.get(child.i)
        if other is not None and other.reading is not None:
            return True
        todo += [c for c in child.children if c.dep_ in {"xcomp", "ccomp", "dobj"}]
    # an infinitive of its own subject with no event in it: the verb is its modal, as in
    # "we want to see the judge", "we need to come in", "we are going to produce things";
    # an infinitive of another's ("wants Russia to play a role") keeps the verb's reading
    return any(is_own_infinitive(c) for c in complements)


# entities whose words name something: "the Air Force", "the North American Free Trade
# Agreement"; a named event ("World War II") is left to the other rules
NAME_ENTITIES = frozenset(
    {"ORG", "GPE", "FAC", "LOC", "NORP", "PERSON", "LAW", "PRODUCT", "WORK_OF_ART"}
)


def in_a_name(tok: Any) -> bool:
    """A word of a name of several words ("Force" in "the Air Force", "Accord" in "the
    Government of National Accord"): part of what it names, no trigger."""
    if tok.ent_type_ not in NAME_ENTITIES:
        return False
    if tok.ent_iob_ == "I":
        return True
    following = tok.i + 1
    return following < len(tok.doc) and tok.doc[following].ent_iob_ == "I"


def is_nominal_use(tok: Any) -> bool:
    """A verb form standing as a noun phrase ("the wounded", "the accused")."""
    return tok.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} and any(
        c.dep_ == "det" for c in tok.children
    )


def names_a_source(tok: Any) -> bool:
    """Whether the noun is (in) the phrase of "according to": who or what a report cites
    ("according to a news release from the sheriff's office"), never an event of its own."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in {"pobj", "conj", "appos"} or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lower_ == "to" and cur.head.lower_ == "according":
            return True
    return False


STANCES = frozenset({"expected", "predicted", "hypothetical"})


def reading_for_a_view(tok: Any, cues: Cues) -> bool:
    """Whether the verb only reports words or a view: a reporting verb ("argued", "claimed",
    "revealed") or a verb of expecting, predicting or weighing ("expect", "consider",
    "speculate", "think"). CAMEO files some of these under acts (CONSIDER is [040], CONSULT;
    EXPECT is an intent, AGREE); their default reading is no event, while a pattern with an
    object still is. Alleging and claiming stay accusations."""
    lemma = tok.lemma_.lower()
    cue = cues.of("verb").get(lemma)
    if cue == "alleged":
        return False  # "Kenya alleges Ethiopia violated the laws of war": an accusation
    return cue in STANCES or lemma in cues.reporting_verbs


def is_inverted_report(tok: Any, reporting_verbs: frozenset[str]) -> bool:
    """A reporting verb after what it reports, with its speaker after it: "..., reports the
    agency", "..., said Reuters". Its object is the speaker, so no dictionary pattern of
    the verb ("report AID" -> AGREE) and no recipient comes from it."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting_verbs or tok.head.i >= tok.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "ccomp"} for c in tok.children):
        return False
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return before is not None and before.lower_ in {",", "--", "\u2014", "\u2013"}


TOKEN_IDS = ["POS", "LOWER", "LEMMA"]  # read with `Doc.to_array`, kept for verbs and nouns
GENERIC_SUBJECTS = frozenset({"you", "one"})


OWN_SUBJECT_OR_AUX = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass"})
QUOTE_MARKS = frozenset('"\u201c\u201d')


def is_bare_base_form(verb: Any) -> bool:
    """A verb's base form with no subject or auxiliary of its own ("to" is one): the shape
    of a command ("visit our website", "release the prisoners")."""
    return verb.tag_ == "VB" and not any(c.dep_ in OWN_SUBJECT_OR_AUX for c in verb.children)


def is_imperative(tok: Any, sentence_text: str) -> bool:
    """A verb that tells the reader what to do: the base form heading its sentence, or
    joined to it, with no subject or auxiliary of its own ("To find out more, visit our
    website", "call police at ..."). Not in a headline, whose bare verbs report ("Kenya
    Expels Envoy"), nor in a sentence with quotation marks, where a speaker demands."""
    if tok.dep_ == "ROOT":
        verbs = [tok]
    elif tok.dep_ == "conj" and tok.head.dep_ == "ROOT":
        verbs = [tok.head, tok]
    else:
        return False
    if not all(is_bare_base_form(verb) for verb in verbs):
        return False
    return QUOTE_MARKS.isdisjoint(sentence_text) and not is_headline(tok.sent)


def is_reported_imperative(tok: Any, reporting_verbs: frozenset[str]) -> bool:
    """A command that a speaker is reported to give: a bare base form, the complement of a
    reporting verb ("'Release the prisoners now,' he said", "he said: 'Withdraw your
    troops'")."""
    return (
        tok.dep_ in {"ccomp", "xcomp", "parataxis"}
        and tok.head.lemma_.lower() in reporting_verbs
        and is_bare_base_form(tok)
    )


def is_outcome_of_no_act(tok: Any, stopped: set[int]) -> bool:
    """A participle after its verb that says what it did ("crashed, killing 228",
    `is_consequence`), where the verb's reading says this use is no event (`stopped`:
    "&AIRCRAFT * [---] # CRASH")."""
    return tok.head.i in stopped and is_consequence(tok)


def is_protest_on_protesters(cand: Candidate) -> bool:
    """A protest verb's present participle on the people doing it: "demonstrators protesting
    election results", "crowds protesting against the ban"."""
    tok = cand.token
    return (
        cand.reading is not None
        and cand.reading.type == "PROTEST"
        and not cand.is_noun
        and tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and tok.head.pos_ in {"NOUN", "PROPN"}
    )


def generic_subject(tok: Any) -> Any | None:
    """The subject "you" or "one" of a verb: an address or a generalisation ("one of the
    A380s", a number with what it counts, is neither)."""
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in GENERIC_SUBJECTS:
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children):
                continue
            return child
    return None


def question_clauses(sent: Any) -> dict[int, Any]:
    """Token index -> the question mark of the question clause holding it."""
    found: dict[int, Any] = {}
    for tok in sent:
        if tok.text == "?" and tok.head.i != tok.i:
            for inner in tok.head.subtree:
                found.setdefault(inner.i, tok)
    return found


def protest_target(tok: Any, index: MentionIndex) -> Actor | None:
    """The first actor with a country in a protest's aim: its purpose clause ("to demand X's
    resignation") or its "in protest against/of/at X" phrase, on the trigger or, for a noun,
    on the verb that stages it."""
    aims = (
        t
        for head in with_stager(tok)
        for child in head.children
        if (child.dep_ in {"advcl", "xcomp"} and marked_by_to(child))
        or (child.dep_ == "prep" and child.lower_ in {"in", "against", "over"})
        for t in child.subtree
    )
    return index.first_country_actor(aims)


CONDITION_MARKS = frozenset({"if", "unless"})


def subject_with_country(verb: Any, index: MentionIndex) -> Actor | None:
    """The actor with a country who is `verb`'s subject, if one is."""
    return index.first_country_actor(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})


# PLOVER's modes of sending people out of a country (SANCTION expel, COERCE deport)
EXPULSIONS = frozenset({"expel", "deport"})


def expelled_from(tok: Any, index: MentionIndex) -> Actor | None:
    """The actor with a country named by "from" on an expulsion ("expelled from Britain"),
    on the trigger or, for a noun, on the verb that stages it."""
    return index.first_country_actor(
        target
        for head in with_stager(tok)
        for child in head.children
        if child.dep_ == "prep" and child.lower_ == "from"
        for target in child.children
        if target.dep_ == "pobj"
    )


def with_recipient(args: Arguments, party: Actor, rule: str) -> Arguments:
    return replace(args, recipients=(*args.recipients, party), rules=(*args.rules, rule))


def condition_party(tok: Any, index: MentionIndex) -> Actor | None:
    """The actor with a country who is the subject of a threat's condition ("threatened
    military action unless Sweden cracks down", "threatened to end the truce if Israel
    continued its raids"): the one the threat is aimed at. The condition hangs on the
    threat's verb or on the act threatened."""
    heads = [tok, *(c for c in tok.children if c.dep_ in COMPLEMENT_DEPS)]
    for head in heads:
        for clause in head.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children
            ):
                party = subject_with_country(clause, index)
                if party is not None:
                    return party
    return None


def claimant_of(tok: Any, index: MentionIndex) -> Actor | None:
    """For a denial in a clause on a claim (`denies_what_was_said`), the actor with a country
    who makes the claim: the subject of the sentence's head ("Britain says ..., a charge
    that Russia denies")."""
    if not denies_what_was_said(tok):
        return None
    return subject_with_country(tok.sent.root, index)


def blamed_party(tok: Any, index: MentionIndex) -> Actor | None:
    """The actor with a country a reported clause blames ("said the Russian government was
    involved in the poisoning")."""
    for clause in tok.children:
        party = imputed_party(clause, None) if clause.dep_ == "ccomp" else None
        actor = index.country_actor(party) if party is not None else None
        if actor is not None:
            return actor
    return None


# categories whose recipient, when the clause names none, is a party found elsewhere in the
# sentence: a conditional threat is aimed at the one who must comply (PLOVER); a denial
# answers the claimant ("Britain blames Russia, which Russia denies"); saying a party was
# behind a wrong accuses that party
AIMED_AT = {
    "THREATEN": (condition_party, "recipient:condition"),
    "REJECT": (claimant_of, "recipient:claimant"),
    "ACCUSE": (blamed_party, "recipient:blamed"),
}


def with_plover(event: Event, plover_type: str, rule: str) -> Event:
    """The event with its PLOVER category and the trace line that says why, replaced."""
    if (plover_type, rule) == (
        event.plover_type,
        next((t for t in event.trace if t.startswith("plover:")), None),
    ):
        return event
    trace = tuple(rule if t.startswith("plover:") else t for t in event.trace)
    return replace(event, plover_type=plover_type, trace=trace)


def counted_once(
    cand: Candidate,
    event: Event,
    events_at: dict[int, Event],
    by_index: dict[int, Candidate],
    unfit: dict[int, str],
) -> Event:
    """An act that only takes its governor's PLOVER category ("urged Ethiopia to withdraw",
    "agreed to release the prisoners", "threatened to attack") is that one PLOVER event,
    which the governor's event already is: it keeps its own `type` and modality (a
    commitment to track), with `plover_type` OTHER (trace `plover:counted-in:LEMMA`). Where
    the governor is no event of that category, or is background while the act is not, the
    act keeps the category."""
    rule = next((t for t in event.trace if t.startswith("plover:")), "")
    if not rule.startswith("plover:governed-by:") or event.plover_type == "OTHER":
        return event
    gov = governing_candidate(cand.token, by_index)
    for _ in range(5):  # up to the event whose own category it is ("agreed to withdraw
        # and release": the release's governor is the withdrawal's, the agreement)
        if gov is None or gov.token.i in unfit:
            return event
        governor = events_at[gov.token.i]
        if governor.plover_type != event.plover_type:
            return event
        rule = next((t for t in governor.trace if t.startswith("plover:")), "")
        if not rule.startswith("plover:governed-by:"):
            break
        gov = governing_candidate(gov.token, by_index)
    else:
        return event
    if governor.salience != "main" and event.salience == "main":
        return event
    return with_plover(event, "OTHER", f"plover:counted-in:{gov.token.lemma_}")


def as_other(event: Event, why: str = "reading:no-arguments") -> Event:
    """A dictionary reading set aside (`why`: the rule that did), kept untyped."""
    return replace(event, type="OTHER", plover_type="OTHER", mode=None, trace=(*event.trace, why))


def discarded(event: Event, phrase: str) -> Event:
    """An event in a sentence about sport or entertainment (Phoenix's discard list): no
    PLOVER event, kept untyped for `--events all`."""
    return replace(
        event,
        type="OTHER",
        plover_type="OTHER",
        mode=None,
        trace=(*event.trace, f"discard:{phrase}"),
    )


def discard_phrase(span: Any, matches: Iterable[tuple[int, int, str]]) -> str | None:
    """The first discard phrase found in a parsed span that is no place's name ("Marathon
    County", "Bowling Green" are places, not sport)."""
    for start, end, phrase in matches:
        words = span.char_span(start, end, alignment_mode="expand")
        if words is None or not any(t.ent_type_ in PLACE_ENTITIES for t in words):
            return phrase
    return None


def is_discarded(event: Event) -> bool:
    return any(t.startswith("discard:") for t in event.trace)


def has_public_party(event: Event) -> bool:
    """Whether a country (named: "Egypt" is its government, "the Egyptian side" is not),
    a government, an armed or political group, or an organisation takes part: "Nigerian
    authorities jailed 52 members ... for playing in a football tournament" is an arrest."""
    return any(
        a.sector is not None and a.sector not in PRIVATE for a in (*event.actors, *event.recipients)
    )


def has_words(condition: str | None) -> bool:
    """Whether a reading's condition names the words of a phrase (not only a preposition)."""
    return condition is not None and any(k in condition for k in ("objw=", "ppw=", "subjw="))


def names_a_person(actor: Actor, parsed: Any) -> bool:
    """Whether the parser reads the actor's words as a person's name."""
    if actor.span is None:
        return False
    words = parsed.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    return words is not None and any(t.ent_type_ == "PERSON" for t in words)


def cue_token(modality: Modality, sent: Any) -> Any | None:
    """The token of the sentence that gave `modality` (its cue's first), or None."""
    cue = modality.cue
    return None if cue is None else next((t for t in sent if t.idx == cue.start), None)


def is_cued_by(modality: Modality, starts: set[int]) -> bool:
    """Whether the word that gave `modality` begins at one of `starts`."""
    return modality.cue is not None and modality.cue.start in starts


def object_classes(condition: str | None) -> frozenset[str]:
    """The word classes a reading's `obj=` condition names ("obj=aid|talk" -> aid, talk)."""
    parts = (condition or "").split("&")
    return frozenset(
        name for part in parts if part.startswith("obj=") for name in part[4:].split("|")
    )


def has_needed_arguments(cand: Candidate, event: Event) -> bool:
    """PETRARCH codes a dictionary pattern only with its actors found: a reading derived from
    CAMEO needs a political actor (a country, or a public sector), and a recipient where
    PLOVER's category needs one or where the reading is the verb's bare entry (no pattern)."""
    if cand.reading is None:
        return True
    if cand.is_noun and event.type in {"THREATEN", "SUPPORT"} and not event.actors:
        # a threat by no one is a danger ("threats to marine turtles", "downplay the threat
        # of a broader trade dispute"); a threat made is someone's ("China's threat of new
        # tariffs", "issued a threat"); backing by no one is a mood or a poll's share
        # ("2.1 percent declared support for the Together Party")
        return False
    if cand.reading.mode in VISIT_MODES and not any(
        a.sector and a.sector not in PRIVATE for a in event.actors
    ):
        # a visit and its hosting are a party's: with no visitor or host of a public body (a
        # country named is its government), it is someone's journey or hospitality ("52,000
        # Venezuelans have arrived in Brazil", "Chinese tourists visited Paris", "the family
        # arrived in Greece", "the family will host a Seder")
        return False
    if not cand.reading.derived:
        # PLOVER's material cooperation and sanctions are acts between parties: with neither
        # an actor nor a recipient ("Help also came from ..."), there is no such event
        if event.type in RECIPIENT_NEEDED and not (event.actors or event.recipients):
            return False
        parties = (*event.actors, *event.recipients)
        political = any(a.country or (a.sector and a.sector not in PRIVATE) for a in parties)
        if event.type == "SUPPORT" and cand.reading.condition is None and not political:
            # backing with no country or public body on either side is everyday help or
            # commerce ("it supports people affected by cancer", "supporting projects like
            # Kemira", "supporting business start-ups"), not PLOVER's political support
            return False
        if (
            event.type in PRIVATE_COOPERATION
            and "aid" in object_classes(cand.reading.condition)
            and not political
        ):
            # an offer of the things aid is made of (money, food, help, supplies) is a
            # party's act; with no country or public body on either side it is commerce or
            # everyday help ("offers employees extra money", "four floor plans are offered",
            # "an angel appears, offering help")
            return False
        # cooperation between private people only ("Barry and Beryl met as teenagers"):
        # a person by name among the parties, and none of a country or a public body
        return not (
            event.type in PRIVATE_COOPERATION
            and event.actors
            and all(a.country is None and a.sector is None for a in parties)
            and any(names_a_person(a, cand.token.doc) for a in parties)
        )
    # a country that a person known by no group or office ("she", a name) took only from
    # where the sentence is ("she went to call a neighbour" in a South African report) makes
    # no political actor; protesters or workers in Kenya are Kenyan civilians
    placed = any(rule in event.trace for rule in PLACED_ACTORS)
    # a reversed reading's act needs its doer named ("received backing from the US"; "they
    # earned millions" is no aid), but a charge, an arrest or a sanction faced comes from
    # the authorities: there the one who faces it is the pattern's party ("Former
    # Politician Faces Charges")
    implicit = cand.reading.of_role == REVERSED and event.type in AUTHORITIES_ACTS
    subjects = event.recipients if implicit else event.actors
    if not any(
        (a.country and (a.sector or not placed)) or (a.sector and a.sector not in PRIVATE)
        for a in subjects
    ):
        return False  # "it keeps people engaged": no political actor, no dictionary event
    if only_prepositions(cand.reading.condition) and (
        not event.recipients or OWNER_OF_OBJECT in event.trace
    ):
        # a verb's bare dictionary entry (its block's code, no pattern, or a preposition or
        # particle alone: "COME - TO", "BLOW OFF") was written for an act between two
        # parties: alone, it is the everyday sense of the verb ("she died at the scene",
        # "grabbing 25 rebounds", "faced risk", "came to a close", "blowing off steam"); the
        # other party is an argument, not the owner of a thing the verb names ("lead to the
        # loss of American jobs" is no visit to the US)
        return False
    return event.type not in RECIPIENT_NEEDED or bool(event.recipients)


def acts_on_an_event(verb: Any, objects: frozenset[int], cands: list[Candidate]) -> bool:
    """Whether one of the event nouns that are objects of a verb trigger (`objects`) is this
    verb's ("gave in to the demands", "rejected the offer")."""
    for cand in cands:
        if cand.token.i not in objects:
            continue
        noun = cand.token
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        if head.i == verb.i:
            return True
    return False


def reading_preps(reading: Reading | None) -> frozenset[str]:
    """The prepositions a reading's condition names alone ("prep=for": CAMEO's "LEAVE FOR",
    a visit to the object of "for")."""
    if reading is None or reading.condition is None:
        return frozenset()
    return frozenset(
        word
        for part in reading.condition.split("&")
        if part.startswith("prep=")
        for word in part.partition("=")[2].split("|")
    )


def only_prepositions(condition: str | None) -> bool:
    """Whether a reading's condition is none, or names a preposition or a particle only
    ("prep=to", "particle=off"): no word of a phrase."""
    return condition is None or all(
        p.startswith(("prep=", "particle=")) for p in condition.split("&")
    )


def time_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the parsed tokens inside the article's time expressions."""
    if doc.parsed is None:
        return frozenset()
    return frozenset(
        tok.i for t in doc.times for tok in tokens_in(doc.parsed, t.span.start, t.span.end)
    )


class NounsOf:
    """The indices of a parse's nouns with one of `lemmas`, tested when asked (most
    sentences never ask)."""

    def __init__(self, parsed: Any, lemmas: frozenset[str]) -> None:
        self.parsed, self.lemmas = parsed, lemmas

    def __contains__(self, i: object) -> bool:
        if not isinstance(i, int):
            return False
        tok = self.parsed[i]
        return bool(tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lemmas)


class EventStage:
    name = "events"
    needs = frozenset({"parsed", "body", "mentions", "times"})
    gives = frozenset({"events"})

    def __init__(
        self, *, events: str = "plover", lexicons: Path | None = None, cache_dir: Path | None = None
    ) -> None:
        if events not in SCOPES:
            raise ConfigError(f"events must be one of {', '.join(SCOPES)}, not {events!r}")
        self.scope = events
        # read and check the lexicon now, not on the first article
        vocabulary = load_vocabulary(lexicons, cache_dir)
        self.triggers, self.cues = vocabulary.triggers, vocabulary.cues
        self.discards = vocabulary.discards
        self.noun_kinds = vocabulary.noun_kinds
        # verbs that say or ask: reporting verbs, and the verbs of the requested modality
        requests = {w for w, m in self.cues.of("verb").items() if m == "requested"}
        self.word_verbs = self.cues.reporting_verbs | frozenset(requests)
        self.plan_nouns = frozenset(self.cues.of("noun").keys() | MESSAGES)
        from spacy import symbols

        self.trigger_pos = {getattr(symbols, name): part for name, part in POS_PARTS.items()}

    def __call__(self, doc: Doc) -> Doc:
        home = home_country([p.country for p in doc.places], doc.mentions)
        index = MentionIndex(doc.mentions, home)
        dates = time_tokens(doc)
        events: list[Event] = []
        # a story about sport or entertainment, or such a sentence: its events count only
        # with a public party (Phoenix's discard list, as PETRARCH applies it)
        text = doc.article.text  # the parse's text: read, not rebuilt from the tokens
        held = self.discards.held(text)  # most articles hold no discard phrase's words
        searched = bool(held)
        story = discard_phrase(doc.parsed, self.discards.in_story(text, held)) if held else None
        # the verbs' and nouns' part of speech, lower case and lemma ids, read once: most
        # tokens are passed over without building them
        nominal, token_ids = self.verbs_and_nouns(doc.parsed)
        for sent in doc.parsed.sents:
            check_budget()
            found = self.sentence_events(
                doc,
                sent,
                index,
                first_id=len(events) + 1,
                time_tokens=dates,
                token_ids=token_ids,
                nominal=nominal,
            )
            phrase = None
            if found and searched:
                words = text[sent.start_char : sent.end_char]
                phrase = story or discard_phrase(sent, self.discards.in_sentence(words))
            if phrase is not None:
                found = [e if has_public_party(e) else discarded(e, phrase) for e in found]
            events += found
        if self.scope == "plover":
            # what a user counts: the sentences' own reports, not background restated in
            # relative, adverbial or purpose clauses, nor sport (`--events all` keeps those)
            events = [e for e in events if e.salience == "main" and not is_discarded(e)]
        numbered = tuple(replace(e, id=f"e{n}") for n, e in enumerate(events, start=1))
        return replace(doc, events=numbered)

    def candidates(
        self,
        doc: Doc,
        sent: Any,
        index: MentionIndex,
        time_tokens: frozenset[int],
        token_ids: list[list[int]],
        nominal: list[int],
        stopped: set[int] | None = None,
    ) -> list[Candidate]:
        """The sentence's tokens that may be triggers, with their readings; a word inside a
        time expression never is one ("on March 10" is no march), nor what "according to"
        cites ("according to a news release"). `nominal`, `token_ids`: the positions of the
        parse's verbs and nouns and their `TOKEN_IDS` (`verbs_and_nouns`); `stopped` gets
        the positions of words whose reading says this use is no event."""
        found: list[Candidate] = []
        planned_only: set[int] = set()  # nouns that only a planning verb makes events
        all_verbs = self.scope == "all"
        whole = doc.in_body(
            sentence_span(sent, doc.article.text)
        )  # most sentences: no token check needed
        parsed = sent.doc
        first, last = bisect.bisect_left(nominal, sent.start), bisect.bisect_left(nominal, sent.end)
        seen = self.triggers.seen_forms
        for k in range(first, last):  # only verbs and nouns have readings (`--events all`: verbs)
            i = nominal[k]
            pos, lower, lemma = token_ids[k]
            part = self.trigger_pos[pos]
            if not all_verbs and seen.get((lower, lemma, pos)) == ():
                continue  # a word already seen, with no lemma of the lexicon
            tok = parsed[i]
            forms = self.triggers.forms_of(tok, part)
            if not (all_verbs or forms):
                continue  # no lemma of the lexicon: no reading to look for
            if tok.dep_ in NON_TRIGGER_DEPS or not (whole or doc.in_body(token_span(tok))):
                continue
            if tok.i in time_tokens or (tok.pos_ in {"NOUN", "PROPN"} and names_a_source(tok)):
                continue
            if in_a_name(tok):
                continue  # "the Air Force", "the Government of National Accord", "NAFTA"
            if tok.pos_ == "VERB" and is_nominal_use(tok):
                continue  # "evacuated the wounded": a participle used as a noun
            if is_inverted_report(tok, self.cues.reporting_verbs):
                continue  # "..., reports the agency": the report's frame, its speaker after it
            reading = reading_for(tok, self.triggers, part, forms)
            if (
                reading is not None
                and reading.derived
                and reading.condition is None
                and reading_for_a_view(tok, self.cues)
            ):
                reading = None  # "we think of ourselves": CAMEO's CONSIDER [040] is no act
            why = None
            if reading is not None and reading.type == NO_EVENT:
                # a pattern that says this use is no event ("release a report")
                why = f"reading:no-event ({reading.origin}:{reading.line})"
                reading = None
                if stopped is not None:
                    stopped.add(tok.i)
                if self.scope != "all":
                    continue
            if reading is not None:
                is_noun = tok.pos_ in {"NOUN", "PROPN"}
                if is_noun and not is_eventive_noun(
                    tok,
                    index,
                    object_verbs=self.cues.object_light_verbs,
                    subject_verbs=self.cues.subject_light_verbs,
                ):
                    if not is_eventive_noun(
                        tok,
                        index,
                        object_verbs=self.cues.planning_verbs,
                        subject_verbs=frozenset(),
                    ):
                        continue
                    planned_only.add(tok.i)  # "planned a strike": an event to come
                found.append(Candidate(tok, reading, is_noun))
            elif (
                self.scope == "all"
                and tok.pos_ == "VERB"
                and tok.lemma_.lower() not in SKIP_OTHER_LEMMAS
            ):
                found.append(Candidate(tok, None, is_noun=False, why=why))
        by_index = {c.token.i: c for c in found}
        kept = []
        for cand in found:
            if yields_to_its_complement(cand, by_index, self.cues.object_light_verbs, index):
                if self.scope == "all" and not cand.is_noun:
                    kept.append(Candidate(cand.token, None, is_noun=False))
                continue
            if cand.is_noun:
                verb = cand.token.head.head if cand.token.dep_ == "pobj" else cand.token.head
                gov = by_index.get(verb.i)
                if (
                    gov is not None
                    and gov.reading is not None
                    and gov.reading.condition is not None
                    and gov.reading.condition.startswith(NOUN_FOLDING_CONDITIONS)
                ):
                    continue
            kept.append(cand)
        if planned_only:
            # a planning verb that is an event itself ("agreed on a deal") has the noun for
            # its object, no event of its own
            acts = {c.token.i for c in kept if c.reading is not None and not c.is_noun}
            kept = [
                c
                for c in kept
                if c.token.i not in planned_only
                or (c.token.head.head if c.token.dep_ == "pobj" else c.token.head).i not in acts
            ]
        return kept

    def verbs_and_nouns(self, parsed: Any) -> tuple[list[int], list[list[int]]]:
        """The positions of the tokens whose part of speech may have readings, and their
        `TOKEN_IDS`: the ids are 64-bit hashes, costly to make Python numbers of, so only
        these tokens' are."""
        ids = parsed.to_array(TOKEN_IDS)
        pos = ids[:, 0]
        wanted = np.zeros(len(pos), dtype=bool)
        for part in self.trigger_pos:
            wanted |= pos == part
        where = np.flatnonzero(wanted)
        return where.tolist(), ids[where].tolist()

    def sentence_events(
        self,
        doc: Doc,
        sent: Any,
        index: MentionIndex,
        *,
        first_id: int,
        time_tokens: frozenset[int],
        token_ids: list[list[int]],
        nominal: list[int],
    ) -> list[Event]:
        stopped: set[int] = set()
        cands = self.candidates(doc, sent, index, time_tokens, token_ids, nominal, stopped)
        if not cands:
            return []
        # where the words that are no event begin: an act asked for by one ("urged
        # residents to evacuate", an appeal to the public) is no PLOVER request
        stopped_at = {sent.doc[i].idx for i in stopped}
        by_index = {c.token.i: c for c in cands}
        # nouns whose clause is their content: plans ("a deal which would see ...", "a call
        # to withdraw") and messages ("a reminder that it must cooperate"); the clause of
        # another event noun is its purpose or background ("a strike to demand ...")
        content_heads = NounsOf(sent.doc, self.plan_nouns)
        # event nouns that are the object of an event verb ("rejected the U.S. request"):
        # background, and so is their content ("... request to interrogate detainees")
        objects = frozenset(
            c.token.i
            for c in cands
            if c.is_noun
            and (
                is_event_object(c.token, by_index)
                or refers_back(c.token)
                or does_its_verbs_act(c, by_index)
            )
        )
        sentence = sentence_span(sent, doc.article.text)
        modalities: dict[int, Modality] = {}
        previous: Modality | None = None
        sentence_text = sentence.of(doc.article.text)
        asks = "?" in sentence_text
        questions = question_clauses(sent) if asks else {}
        for cand in cands:
            modality = find_modality(cand.token, cues=self.cues, previous=previous)
            mark = questions.get(cand.token.i)
            if mark is not None and modality.value == "occurred":
                # "Did the army shell the town?": asked, not reported
                modality = Modality("hypothetical", token_span(mark), "question")
            generic = generic_subject(cand.token)
            if generic is not None and modality.value == "occurred":
                # "you're fighting a losing war": said to someone, or of anyone; no report
                modality = Modality("hypothetical", token_span(generic), "generic-subject")
            elif modality.value == "occurred" and is_imperative(cand.token, sentence_text):
                # "visit our website": what the reader is told to do, not what happened
                modality = Modality("hypothetical", token_span(cand.token), "imperative")
            elif modality.value == "occurred" and is_reported_imperative(
                cand.token, self.cues.reporting_verbs
            ):
                # "'Release the prisoners,' he said": the speaker demands it
                modality = Modality("requested", token_span(cand.token), "reported-imperative")
            modalities[cand.token.i] = modality
            if cand.reading is not None:
                previous = modality
        plover: dict[int, tuple[str, str]] = {}
        # candidates whose dictionary reading lacked its arguments: no event, so no category
        # to lend the acts they govern (found below, after the events are built)
        rejected: set[int] = set()

        def plover_of(cand: Candidate, depth: int = 0) -> tuple[str, str]:
            if cand.token.i in plover:
                return plover[cand.token.i]
            own = cand.reading.type if cand.reading else "OTHER"
            modality = modalities[cand.token.i].value
            result = (own, "plover:same")
            if cand.reading is not None and modality != "occurred":
                gov = governing_candidate(cand.token, by_index)
                inherited = None
                lends = gov is not None and gov.reading is not None and gov.token.i not in rejected
                if gov is not None and lends and depth < 5:
                    inherited = plover_of(gov, depth + 1)
                    if is_subject_of(cand.token, gov.token):
                        # a verb's subject is not what it governs: "agreements tended to be
                        # less formal" take nothing from "tend"
                        inherited = None
                    elif is_sibling(cand.token, gov.token) and not inherited[1].startswith(
                        "plover:governed-by"
                    ):
                        # a coordinated act ("approached them, and no one turned us down")
                        # shares its sibling's governor, not the sibling's own category
                        inherited = None
                if inherited is not None:
                    assert gov is not None
                    result = (inherited[0], f"plover:governed-by:{gov.token.lemma_}")
                elif modality == "requested" and is_cued_by(modalities[cand.token.i], stopped_at):
                    result = ("OTHER", "plover:not-coded:no-event-request")
                elif modality == "requested" and not asked_by_a_party(modalities[cand.token.i]):
                    result = ("OTHER", "plover:not-coded:no-requester")
                elif modality == "requested" and (asker := asking_event(modalities[cand.token.i])):
                    # "called on the UN to continue to provide aid": the call is the request
                    result = ("OTHER", f"plover:counted-in:{asker.token.lemma_}")
                else:
                    result = folded_type(
                        own,
                        modality,
                        modalities[cand.token.i].rule,
                        undergone=cand.reading.of_role == REVERSED,
                    )
            if result == (own, "plover:same") and announces_force(cand):
                # "announced plans to impose tariffs": CAMEO's intent to cooperate (03x)
                # whose plan is force is an announced force, PLOVER's THREATEN
                result = ("THREATEN", "plover:intent-of-force")
            plover[cand.token.i] = result
            return result

        def asking_event(modality: Modality) -> Candidate | None:
            """The request event whose verb gave this modality, past the verbs between."""
            verb = cue_token(modality, sent)
            found = by_index.get(verb.i) if verb is not None else None
            if found is None or found.reading is None or found.token.i in rejected:
                return None
            return found if found.reading.type == "REQUEST" else None

        def asked_by_a_party(modality: Modality) -> bool:
            verb = cue_token(modality, sent)
            return verb is None or requester_may_ask(verb, self.noun_kinds, index)

        def announces_force(cand: Candidate) -> bool:
            reading = cand.reading
            if reading is None or reading.type != "AGREE" or not reading.derived:
                return False
            if not (reading.cameo or "").startswith(INTENT_CODES):
                return False
            return any(
                other.reading is not None
                and other.reading.type in FORCEFUL
                and modalities[other.token.i].value == "planned"
                and governing_candidate(other.token, by_index) is cand
                for other in cands
                if other is not cand
            )

        events: list[Event] = []
        for cand in cands:
            tok = cand.token
            reading = cand.reading
            if cand.is_noun:
                of_role = reading.of_role if reading else None
                args = noun_arguments(
                    tok,
                    of_role,
                    index,
                    sent.start_char,
                    self.cues,
                    reading.type if reading else None,
                )
            else:
                args = verb_arguments(
                    tok, index, sent.start_char, self.cues, reading_preps(reading)
                )
                if reading is not None and reading.of_role == REVERSED:
                    # CAMEO's "[:code]": "received backing from the US" is the US's support
                    args = replace(
                        args,
                        actors=args.recipients,
                        recipients=args.actors,
                        rules=(*args.rules, "actor:reversed"),
                    )
                if OWNER_OF_OBJECT in args.rules and acts_on_an_event(tok, objects, cands):
                    # "gave in to the demands of the protesters": what the verb acts on is
                    # an event, and its owner a party to it, not the owner of a thing
                    args = replace(
                        args,
                        rules=tuple(
                            OWNER_OF_EVENT if r == OWNER_OF_OBJECT else r for r in args.rules
                        ),
                    )
            modality = modalities[tok.i]
            args = self.complete_arguments(tok, reading, args, modality, events, index)
            salience = salience_of(
                tok,
                content_heads=content_heads,
                background=objects,
                word_verbs=self.word_verbs,
                light_verbs=self.cues.object_light_verbs,
            )
            if tok.i in objects:
                # "rejected the U.S. request", "condemned the attack": PLOVER codes the verb
                salience = "background"
            elif cand.is_noun and reading is not None and comes_to_an_end(tok, reading.type):
                # "the deal between Kenya and Ethiopia collapsed": the deal was made before;
                # the news is its end, no new agreement ("talks collapsed" were held)
                salience = "background"
            elif is_protest_on_protesters(cand):
                # "dispersed demonstrators protesting election results": the protest the
                # sentence reports, whatever else it says of them
                salience = "main"
            governor = by_index.get(tok.head.i)
            if (
                is_protest_purpose(tok)
                and governor is not None
                and governor.reading is not None
                and governor.reading.type == "PROTEST"
            ):
                salience = "background"  # "blocked roads to protest": the blockade is it
            plover_type, plover_rule = plover_of(cand)
            events.append(
                self.make_event(
                    event_id=f"e{first_id + len(events)}",
                    cand=cand,
                    args=args,
                    modality=modality,
                    plover_type=plover_type,
                    plover_rule=plover_rule,
                    sentence=sentence,
                    salience=salience,
                )
            )
        shared = self.share_recipients(events, cands, by_index)
        # why each reading set aside was: its arguments are missing, its subject is a thing
        # that does no such act ("the shattered glass struck the child"), what an attack
        # acts on is an idea ("vowed to fight corruption"), or what a release frees is no
        # captive ("released new software")
        unfit: dict[int, str] = {}
        for cand, event in zip(cands, shared, strict=True):
            if not has_needed_arguments(cand, event):
                unfit[cand.token.i] = "reading:no-arguments"
            elif (
                cand.reading is not None
                and not cand.is_noun
                and not subject_can_act(cand.token, event.type, self.noun_kinds, index)
            ):
                unfit[cand.token.i] = "reading:subject-cannot-act"
            elif event.type == "ASSAULT" and not patient_can_be_harmed(
                cand.token, self.noun_kinds, index
            ):
                unfit[cand.token.i] = "reading:patient-cannot-be-harmed"
            elif event.type == "ASSAULT" and is_outcome_of_no_act(cand.token, stopped):
                # "the jetliner crashed into the Atlantic, killing all 228 people": CAMEO
                # says the crash is no act, so its toll is no attack
                unfit[cand.token.i] = "reading:outcome-of-no-act"
            elif (
                event.type == "RETREAT"
                and cand.reading is not None
                and cand.reading.mode == "release"
                and not patient_can_be_held(cand.token, self.noun_kinds, index)
            ):
                unfit[cand.token.i] = "reading:patient-is-no-captive"
        rejected.update(unfit)
        if rejected:
            plover.clear()
            shared = [
                with_plover(event, *plover_of(cand))
                for cand, event in zip(cands, shared, strict=True)
            ]
        kept: list[Event] = []
        events_at = {c.token.i: e for c, e in zip(cands, shared, strict=True)}
        for cand, event in zip(cands, shared, strict=True):
            if cand.token.i not in unfit:
                event = counted_once(cand, event, events_at, by_index, unfit)
                kept.append(self.asked_by_requester(cand, event, modalities[cand.token.i], index))
            elif self.scope == "all":  # an untrusted dictionary reading: an action, untyped
                kept.append(as_other(event, unfit[cand.token.i]))
        return kept

    def asked_by_requester(
        self, cand: Candidate, event: Event, modality: Modality, index: MentionIndex
    ) -> Event:
        """A requested act that PLOVER codes as the request ("the ministry needs Ethiopia to
        withdraw", "officials advised the minister to resign", trace `plover:requested`) is
        the requester's: the subject of the verb that asks is the actor, and the one asked to
        act (the act's doer) the recipient. A request through a verb that is an event of its
        own is that verb's ("urged Ethiopia to withdraw"), and one through "must" or
        "should" is the speaker's (`complete_arguments`)."""
        if "plover:requested" not in event.trace:
            return event
        verb = cue_token(modality, cand.token.sent)
        if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.i == cand.token.i:
            return event
        asker = verb_arguments(verb, index, cand.token.sent.start_char, self.cues, ()).actors
        if not asker or set(asker) & set(event.actors):
            return event
        asked = event.actors or event.recipients
        return replace(
            event, actors=asker, recipients=asked, trace=(*event.trace, "actor:requester")
        )

    def share_recipients(
        self, events: list[Event], cands: list[Candidate], by_index: dict[int, Candidate]
    ) -> list[Event]:
        """A governing event without recipients takes those of the events it governs:
        "threatened to impose restrictions against German goods" -> DEU."""
        position = {c.token.i: n for n, c in enumerate(cands)}
        shared = list(events)
        for n, cand in enumerate(cands):
            gov = governing_candidate(cand.token, by_index)
            if gov is None or is_reason(cand.token, self.word_verbs):
                continue  # the grounds of an arrest lend it no recipient
            g = position[gov.token.i]
            doers = tuple(a for a in events[n].actors if a.country and a not in shared[g].actors)
            if (
                cand.is_noun
                and gov.reading is not None
                and gov.reading.type in ASKING
                and doers
                and is_event_object(cand.token, by_index)
            ):
                # "demanded the withdrawal of Serbian forces from Bosnia": the one asked (or
                # refused, or threatened) is who would act, not where
                shared[g] = replace(
                    shared[g], recipients=doers, trace=(*shared[g].trace, "recipient:content-actor")
                )
                continue
            if not events[n].recipients:
                continue
            own = shared[g].recipients
            if any(r.country for r in own):
                continue
            # none, or none with a country ("threatened to shell Iraqi towns ... where 100
            # people were killed"): those of the act it governs that have one
            extra = tuple(
                r
                for r in events[n].recipients
                if r not in shared[g].actors and r not in own and (r.country or not own)
            )
            if extra:
                shared[g] = replace(
                    shared[g],
                    recipients=(*own, *extra),
                    trace=(*shared[g].trace, "recipient:governed"),
                )
        return shared

    def complete_arguments(
        self,
        tok: Any,
        reading: Reading | None,
        args: Arguments,
        modality: Modality,
        earlier: list[Event],
        index: MentionIndex,
    ) -> Arguments:
        """Fill actors the clause leaves implicit."""
        if reading is None:
            return args
        if reading.mode in EXPULSIONS and not any(a.country for a in args.actors):
            # "diplomats being expelled from the United States", "expulsions of Russian
            # diplomats from Britain": the country they are sent from expels them
            source = expelled_from(tok, index)
            if source is not None:
                args = replace(
                    args,
                    actors=(source,),
                    recipients=tuple(r for r in args.recipients if r != source),
                    rules=(*args.rules, "actor:expelled-from"),
                )
        if not any(r.country for r in args.recipients):
            if reading.type == "PROTEST":
                # "began a hunger strike to demand the resignation of Algerian President X",
                # "in protest against Sweden's decision": whom the protest is aimed at
                target = protest_target(tok, index)
                if target is not None and target not in args.actors:
                    args = with_recipient(args, target, "recipient:protest-aim")
            aimed = AIMED_AT.get(reading.type)
            if aimed is not None:
                find, rule = aimed
                party = find(tok, index)
                if party is not None and all(a.country != party.country for a in args.actors):
                    args = with_recipient(args, party, rule)
        if modality.rule.split("+")[0] in {"modal:must", "modal:should", "reported-imperative"}:
            # "X said Y must withdraw": X asks, Y is asked
            speaker = speaker_actor(tok, index, self.cues)
            # the one asked is the clause's subject, which a reversed reading made the
            # recipient ("China must face penalties": asked of China)
            asked = args.recipients if reading.of_role == REVERSED else args.actors
            if speaker is not None and speaker not in asked:
                return replace(
                    args,
                    actors=(speaker,),
                    recipients=asked,
                    rules=(*args.rules, "actor:speaker-of-demand"),
                )
        if any(a.country for a in args.actors):
            return args
        if modality.rule.startswith("sequence:") and earlier and earlier[-1].actors:
            # "X withdraw by 2025, followed by the withdrawal of remaining forces": same actor
            return replace(args, actors=earlier[-1].actors, rules=(*args.rules, "actor:sequence"))
        if reading.type in RECIPROCAL and args.recipients and not args.actors:
            # "X confirmed that talks with Y have concluded": X's side is a party
            speaker = speaker_actor(tok, index, self.cues)
            if speaker is not None and speaker not in args.recipients:
                return replace(args, actors=(speaker,), rules=(*args.rules, "actor:speaker"))
        if args.actors and reading.mode != "visit":
            # "students throughout Indonesia staged demonstrations", "police in Monrovia":
            # a group with no country of its own is taken as local to where it acts (a
            # visitor is not: "arrived in Greece" says where they are not from)
            country, rule = location_country(tok, args.actors, index), "actor:location"
            if country is None and reading.type not in CROSS_BORDER:
                country, rule = sentence_country(tok, index), "actor:sentence-country"
                if country is not None and acts_on_its_state(args, country):
                    country = None  # "the ministry accused the US": no US ministry
                elif reading.type in RECIPROCAL and any(
                    r.country == country for r in args.recipients
                ):
                    # "the governor of Texas met President Lopez Obrador": the other side's
                    # country is no clue to the one who meets, talks or agrees with it
                    country = None
            if (
                country is None
                and index.home is not None
                and all(a.country or a.sector in DOMESTIC_SECTORS for a in args.actors)
                and not acts_on_its_state(args, index.home)
            ):
                # "Police arrested Orujov", "a court sentenced him", "the authorities charged
                # him" in a story about Azerbaijan alone: its police, courts and government
                country, rule = index.home, "actor:article-country"
            if country is not None:
                located = tuple(
                    a if a.country else replace(a, country=country) for a in args.actors
                )
                return replace(args, actors=located, rules=(*args.rules, rule))
        return args

    def make_event(
        self,
        *,
        event_id: str,
        cand: Candidate,
        args: Arguments,
        modality: Modality,
        plover_type: str,
        plover_rule: str,
        sentence: Span,
        salience: str,
    ) -> Event:
        tok = cand.token
        reading = cand.reading
        trace = [f"stage:{STAGE}"]
        if reading is not None:
            pos = "noun" if cand.is_noun else "verb"
            trace.append(
                f"trigger:{pos}:{reading.lemma}->{reading.type} ({reading.origin}:{reading.line})"
            )
        else:
            trace.append(f"trigger:verb:{tok.lemma_.lower()}->OTHER")
            if cand.why is not None:
                trace.append(cand.why)
        trace += list(args.rules)
        trace.append(f"modality:{modality.rule}")
        trace.append(plover_rule)
        confidence = BASE_CONFIDENCE
        if not cand.is_noun:
            confidence += VERB_BONUS
        if any(a.country for a in args.actors):
            confidence += ACTOR_BONUS
        if args.recipients:
            confidence += RECIPIENT_BONUS
        if reading is None:
            confidence -= OTHER_PENALTY
        return Event(
            id=event_id,
            type=reading.type if reading else "OTHER",
            plover_type=plover_type,
            mode=reading.mode if reading else None,
            modality=modality.value,
            modality_cue=modality.cue,
            trigger=trigger_span(tok),
            sentence=sentence,
            actors=args.actors,
            recipients=args.recipients,
            confidence=min(confidence, 0.95),
            trace=tuple(trace),
            count=count_of(tok) if cand.is_noun else None,
            salience=salience,
        )
