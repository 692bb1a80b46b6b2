"""Who did it, to whom, and how many times: the arguments of an event trigger.

Actors and recipients come from the dependency parse around the trigger and are resolved
through the actor stage's mentions (a mention whose span covers the argument's head):
- verbs: the subject is the actor (the "by" agent when passive, the passive subject then
  being the recipient); objects and "against/on/with/to/from/at" objects are recipients; an
  infinitive inherits its subject ("agreed to withdraw"), or the object of a request
  ("called on X to withdraw");
- nouns: "by X", a possessor ("Israel's offensive") or a country adjective ("US withdrawal")
  is the actor; "of X" is the actor or the recipient as the trigger's reading says; a noun
  that is the object of a light verb takes the verb's subject ("came to an agreement").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from eventwire.model import Actor, Count, Mention, Span
from eventwire.stages.s2_parse.headlines import ends_as_sentence
from eventwire.stages.s7_events.modality import (
    Cues,
    is_light_verb,
    lemma_forms,
    marked_by_to,
    takes_part,
)
from eventwire.stages.s7_events.phrases import counted, responsibility_claimer

# the trace of a recipient found as the owner of what the verb acts on ("seized the property
# of X"), and of one found as the owner of an event it acts on ("gave in to X's demands")
OWNER_OF_OBJECT = "recipient:owner-of-object"
OWNER_OF_EVENT = "recipient:owner-of-event"
# verbs of arrival whose subject may be an event noun ("aid arrived in Gaza")
ARRIVALS = frozenset({"arrive", "reach"})
RECIPIENT_PREPS = frozenset(
    {
        "against",
        "on",
        "with",
        "to",
        "from",
        "at",
        "into",
        "upon",
        "toward",
        "towards",
        "over",
        "between",
    }
)
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
# prepositions by which a light verb's object takes its topic: "opened an investigation INTO
# the attack", "launched a probe into the bombing", "held talks ON the strike"
TOPIC_PREPS = frozenset({"into", "about", "over", "on", "regarding", "concerning"})
STATIVE_PASSIVES = frozenset(
    "commit prepare determine resolve oblige dedicate engage involve".split()
)
UNDERGO_VERBS = frozenset("subject expose suffer face endure sustain undergo".split())
# Verbs that, with "on" and an event noun, say their subject is engaged in it: "workers went
# on strike", "remain on hunger strike", "have been on strike".
ENGAGED_ON_VERBS = frozenset("go be remain stay".split())
# Verbs whose object's own verb takes the object as subject: "a deal which would see troops
# pull out", "made them withdraw".
CAUSATIVE_VERBS = frozenset("see make let have watch force lead".split())
# Nouns whose "from X" names their author: "an appeal from President X".
MESSAGES = frozenset(
    "appeal request call demand offer proposal plan message letter invitation warning "
    "ultimatum statement reminder declaration communique".split()
)
# verbs whose object does what their infinitive says ("urged Iran to withdraw", "warned Iran
# not to attack", "forced the army to retreat"): the object controls the infinitive
REQUEST_LEMMAS = frozenset(
    "call urge ask press appeal push encourage order invite warn advise remind instruct tell "
    "force compel persuade pressure allow permit authorize authorise challenge direct command "
    "lobby pressurise pressurize implore beg exhort entreat adjure counsel".split()
)
# prepositions heading a participle clause done by the verb's own subject ("responded by
# attacking", "left without signing")
MANNER_PREPS = frozenset("by after before while without upon despite instead besides".split())
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "them", "him", "her", "its", "their", "his"})
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
}
MIN_QUALIFIERS = ("at least", "more than", "over", "upwards of", "no fewer than", "no less than")
MAX_QUALIFIERS = ("at most", "up to", "fewer than", "less than", "no more than", "under")


@dataclass(frozen=True, slots=True)
class Arguments:
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    rules: tuple[str, ...]


# Codes of actors that are no country ("IGO", "NGO", "MED"...): no clue to where a story is.
NO_HOME = frozenset({"IGO", "NGO", "MED", "IMG", "UAF", "MNC"})
# How much of what an article names one country must hold to be the article's country
HOME_SHARE = 0.75
HOME_MIN = 3


def home_country(place_countries: list[str | None], mentions: tuple[Mention, ...]) -> str | None:
    """The country an article is about: the one that at least three quarters (and at least
    three) of its place mentions and country-coded actor mentions name ("Baku", "Azerbaijan",
    "Azerbaijan's supreme court"), or None where the story spans countries."""
    codes = [c for c in place_countries if c]
    codes += [m.actor.country for m in mentions if m.actor is not None and m.actor.country]
    counts = Counter(c for c in codes if c not in NO_HOME)
    if not counts:
        return None
    best, count = counts.most_common(1)[0]
    return best if count >= HOME_MIN and count >= HOME_SHARE * counts.total() else None


class MentionIndex:
    """Find the actor mention covering a token, and the last actor before a position."""

    def __init__(self, mentions: tuple[Mention, ...], home: str | None = None) -> None:
        self.mentions = [m for m in mentions if m.actor is not None]
        # the one country the article is about (`home_country`), if there is one
        self.home = home
        # positions sorted by start, so that a lookup reads only the mentions near it
        self.by_start = sorted(range(len(self.mentions)), key=lambda n: self.mentions[n].span.start)
        self.starts = [self.mentions[n].span.start for n in self.by_start]
        self.longest = max((m.span.end - m.span.start for m in self.mentions), default=0)
        # (character offset, narrowest) -> the mention covering it: the events stage asks
        # of the same subjects and objects again and again
        self._covering: dict[tuple[int, bool], Mention | None] = {}

    def country_actor(self, tok: Any) -> Actor | None:
        """The actor of the widest mention covering `tok`, where it has a country."""
        mention = self.covering(tok)
        if mention is not None and mention.actor is not None and mention.actor.country:
            return mention.actor
        return None

    def first_country_actor(self, tokens: Iterable[Any]) -> Actor | None:
        """`country_actor` of the first of `tokens` that has one."""
        return next((a for t in tokens if (a := self.country_actor(t)) is not None), None)

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in [lo, hi), in their given order."""
        first = bisect.bisect_left(self.starts, lo)
        last = bisect.bisect_left(self.starts, hi)
        return [self.mentions[n] for n in sorted(self.by_start[first:last])]

    def covering(self, tok: Any, *, narrowest: bool = False) -> Mention | None:
        """The widest actor mention covering a token, or the narrowest ("Greek" in "Turkish
        and Greek sides")."""
        key = (tok.idx, narrowest)
        if key in self._covering:
            return self._covering[key]
        near = self.starting_in(tok.idx - self.longest, tok.idx + 1)
        covering = [m for m in near if m.span.start <= tok.idx < m.span.end]
        found = None
        if covering:
            pick = min if narrowest else max
            found = pick(covering, key=lambda m: m.span.end - m.span.start)
        self._covering[key] = found
        return found

    def before(self, position: int, *, floor: int, pronoun: str = "") -> Mention | None:
        """The closest actor mention that ends before `position`: a pronoun's antecedent.
        Phrases known only by a country adjective ("a Senegalese peace plan") are things, not
        agents, and are passed over; so are bare demonyms; and the mention must agree with
        the pronoun: "he" a person, "it" a body or a state, "they" not one person."""
        found = None
        for m in self.starting_in(floor, position):
            if floor <= m.span.start and m.span.end <= position and may_stand_for(m, pronoun):
                found = m
        return found

    def previous_subject(self, tok: Any, pronoun: str) -> Mention | None:
        """The actor mention that is the subject of the sentence before `tok`'s, if the
        pronoun can stand for it: a pronoun subject takes up the last sentence's subject
        rather than a nearer object ("The governments of two dozen Western countries
        announced the expulsion of Russian diplomats. They have thus expressed solidarity
        with Britain": the governments)."""
        start = tok.sent.start
        if start == 0:
            return None
        root = tok.doc[start - 1].sent.root
        for subject in root.children:
            if subject.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            m = self.covering(subject)
            if m is not None and may_stand_for(m, pronoun):
                return m
        return None


def may_stand_for(mention: Mention, pronoun: str) -> bool:
    """Whether a mention may be a pronoun's antecedent: an agent (not a phrase known only by
    a country adjective, "a Senegalese peace plan", nor a bare demonym) that agrees with it."""
    actor = mention.actor
    if actor is None:
        return False
    if actor.sector is None and (mention.label == "ACTOR" or not actor.country):
        return False
    return agrees(pronoun, mention)


PERSONAL = frozenset({"he", "she", "him", "her", "his"})
IMPERSONAL = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their"})


def agrees(pronoun: str, mention: Mention) -> bool:
    """Whether a pronoun can stand for the mention (person, number as far as the lexicon
    tells: a person has the PERSON label or a role; people and groups are not "it")."""
    person = mention.label == "PERSON" or bool(mention.actor and mention.actor.role)
    if pronoun in PERSONAL:
        return person
    if pronoun in IMPERSONAL:
        return not person and not (mention.actor and mention.actor.sector == "CVL")
    if pronoun in PLURAL:
        return not person
    return True


def conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def owner_of(tok: Any, index: MentionIndex) -> Actor | None:
    """The actor behind an event noun that is itself an argument: "rejected a U.S. request",
    "an appeal from President X", "North Korea's demand"."""
    for child in tok.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            mention = index.covering(child)
            if mention is not None:
                return mention.actor
        if child.dep_ == "prep" and (
            child.lower_ == "by" or (child.lower_ == "from" and tok.lemma_.lower() in MESSAGES)
        ):
            target = pobj(child)
            mention = index.covering(target) if target is not None else None
            if mention is not None:
                return mention.actor
    return None


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def actor_for(tok: Any, index: MentionIndex, sentence_start: int, cues: Cues) -> Actor | None:
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        # "the rebels, who attacked the town": the noun the clause is about
        return actor_for(tok.head.head, index, sentence_start, cues)
    inner = counted(tok)  # "hundreds of Kurds": the people counted
    if inner is not None:
        return actor_for(inner, index, sentence_start, cues)
    if tok.ent_type_ == "MONEY":
        return None  # "fined Nassar one million US dollars": a sum, no party
    mention = index.covering(tok)
    if tok.pos_ == "NOUN":
        # "a fellow US ally in the Gulf, Qatar": the name set beside the noun says who
        named = next(
            (
                m.actor
                for c in tok.rights
                if c.dep_ == "appos"
                and c.pos_ == "PROPN"
                and (m := index.covering(c)) is not None
                and m is not mention
                and m.actor is not None
                and m.actor.country
            ),
            None,
        )
        if named is not None:
            return named
    if mention is not None:
        return mention.actor
    if tok.pos_ == "NOUN":
        owner = owner_of(tok, index)
        if owner is not None:
            return owner
    if tok.lower_ in PRONOUNS:
        # "Bouteflika said he is prepared to ...": the reporter, if the clause is reported
        reporter = speaker_actor(tok, index, cues, pronoun=tok.lower_)
        if reporter is not None:
            return reporter
        noun = reporting_noun(tok, cues)
        if noun is not None:
            # "his defense team said it would appeal": the team, whoever it is, not a
            # country or a court named earlier; its country may be in its own phrase
            # ("militants loyal to Iraq's al-Qaeda said they ...")
            own = actor_for(noun, index, sentence_start, cues)
            if own is not None and own.country:
                return own
            last = noun.right_edge
            inner = index.before(last.idx + len(last), floor=noun.left_edge.idx, pronoun=tok.lower_)
            return inner.actor if inner is not None and inner.actor is not None else own
        earlier = index.before(tok.idx, floor=max(0, sentence_start - 600), pronoun=tok.lower_)
        if (
            earlier is not None
            and earlier.span.end <= tok.sent.start_char
            and tok.dep_ in {"nsubj", "nsubjpass"}
        ):
            # nothing earlier in its own sentence: a subject takes up the last one's subject
            subject = index.previous_subject(tok, tok.lower_)
            if subject is not None and subject.span.start >= max(0, sentence_start - 600):
                earlier = subject
        if earlier is not None and earlier.actor is not None:
            return earlier.actor
    return None


def coordinated_modifiers(tok: Any, index: MentionIndex) -> list[Actor]:
    """ "the Turkish and Greek sides", "U.S. and Russian negotiators": the second country
    modifier names a second actor of the head's kind."""
    head_mention = index.covering(tok)
    sector = head_mention.actor.sector if head_mention and head_mention.actor else None
    found = []
    for modifier in tok.lefts:
        if modifier.dep_ not in {"amod", "compound", "nmod"}:
            continue
        for other in conjuncts(modifier)[1:]:
            mention = index.covering(other, narrowest=True)
            if mention is not None and mention.actor is not None and mention.actor.country:
                found.append(replace(mention.actor, sector=mention.actor.sector or sector))
    return found


def actors_of(
    tokens: list[Any], index: MentionIndex, sentence_start: int, cues: Cues
) -> list[Actor]:
    out: list[Actor] = []
    for tok in tokens:
        for conj in conjuncts(tok):
            actor = actor_for(conj, index, sentence_start, cues)
            if actor is not None and actor not in out:
                out.append(actor)
            for shared in coordinated_modifiers(conj, index):
                if shared not in out:
                    out.append(shared)
    return sorted(out, key=lambda a: a.span.start if a.span else 0)


def noun_children(tok: Any) -> list[Any]:
    """A noun's dependents, with a prepositional phrase that spaCy hung on the first of two
    conjoined nouns moved to the nearer one ("negotiations and attacks by militias")."""
    conj_starts = [c.i for c in tok.children if c.dep_ == "conj"]
    own = [
        c for c in tok.children if not (c.dep_ == "prep" and conj_starts and c.i > min(conj_starts))
    ]
    if tok.dep_ == "conj":
        own += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
    return own


def is_engaged_on(verb: Any, noun: Any) -> bool:
    """ "went on strike", "remain on hunger strike": the verb's subject is engaged in the
    event the noun names. With "be" only a bare noun counts ("have been on strike"): "the
    focus is on the talks" says where attention is, not who talks."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.i == verb.i):
        return False
    forms = lemma_forms(verb) & ENGAGED_ON_VERBS
    if forms == {"be"}:
        return not any(c.dep_ in {"det", "poss"} for c in noun.children)
    return bool(forms)


def undergoes(verb: Any, noun: Any) -> bool:
    """ "X was subjected to attacks", "X came under attack": the subject is the recipient."""
    lemma = verb.lemma_.lower()
    if lemma in UNDERGO_VERBS:
        return True
    return lemma == "come" and noun.dep_ == "pobj" and noun.head.lower_ == "under"


def pobj(prep: Any) -> Any | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def is_surely_active(tok: Any) -> bool:
    """A verb that cannot be a passive sharing another's auxiliary: one with an active
    auxiliary of its own ("will resign", "has resigned") or a form that is no participle. A
    bare "-ed" form ("was arrested and handed over") may be either."""
    own_aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.dep_ == "auxpass" for c in own_aux):
        return False
    return bool(own_aux) or tok.tag_ in {"VB", "VBZ", "VBP", "VBG"}


def is_passive(tok: Any) -> bool:
    """A verb in the passive: a passive subject or auxiliary of its own ("was struck")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)


def is_participle_on_patient(tok: Any) -> bool:
    """A past participle on the noun it was done to ("the diplomats expelled from Britain",
    "diplomats being expelled", a headline's "Opposition leader arrested"), not a clause with
    a subject or an object of its own ("doctors ... donated and delivered $50,000 worth of
    goods", where the parser missed the main verb)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN":
        return False
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    return not any(c.dep_ in {"nsubj", "dobj", "obj"} for v in verbs for c in v.children)


def controller_patients(tok: Any) -> list[Any]:
    """Who undergoes a passive infinitive with no subject of its own: the object of a verb
    of asking ("urged the army to be withdrawn"), else the subject of the verb it completes
    ("the rebels are expected to be attacked", "had to be evacuated")."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i:
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        return []
    head = tok.head
    if head.lemma_.lower() in REQUEST_LEMMAS:
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        if objects:
            return objects
    own = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return own or verb_subjects(head)[0]


def passive_agents(tok: Any) -> list[Any]:
    """The objects of a passive's "by" ("was struck by shattered glass"), also where the parse
    hangs the "by" on the passive's gerund complement: "has been accused of misusing public
    funds by Haitian officials" (an active gerund takes no agent; "by" a noun after it is the
    accusers)."""
    found = [pobj(c) for c in tok.children if c.dep_ == "agent"]
    if not found and tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children):
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            for gerund in prep.children:
                if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
                    continue
                found += [
                    g
                    for c in gerund.children
                    if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children
                    if g.dep_ == "pobj"
                    and g.pos_ in {"NOUN", "PROPN"}
                    and not any(m.tag_ == "VBG" for m in g.children)  # "by standing firm"
                ]
    return [a for a in found if a is not None]


def verb_subjects(tok: Any) -> tuple[list[Any], str]:
    """Subject tokens of a verb, following control and relative clauses."""
    agent = passive_agents(tok)
    if agent:
        return agent, "actor:agent"
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    head = tok.head
    if tok.dep_ == "ccomp" and head.lemma_.lower() in CAUSATIVE_VERBS:
        subjects += [c for c in head.children if c.dep_ in OBJECT_DEPS]
    if subjects:
        return subjects, "actor:nsubj"
    if head.i == tok.i:
        # a root verb with a name hung before it and no subject: the parser's misreading of
        # a headline's subject ("Kenya and Ethiopia sign landmark peace agreement")
        named = [c for c in tok.lefts if c.dep_ in {"nmod", "npadvmod"} and c.pos_ == "PROPN"]
        if named:
            return named, "actor:name-before-verb"
    if tok.dep_ == "xcomp" and head.i != tok.i:
        if head.lemma_.lower() in REQUEST_LEMMAS:
            objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
            objects += [
                pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
            ]
            objects = [o for o in objects if o is not None]
            if objects:
                return objects, "actor:controller-object"
        if head.pos_ in {"ADJ"} and head.head.i != head.i:
            head = head.head
        return verb_subjects(head)[0], "actor:controller-subject"
    if tok.dep_ == "conj" and head.i != tok.i:
        patients = [c for c in head.children if c.dep_ == "nsubjpass"]
        if patients and is_surely_active(tok):
            # "the minister was indicted by the court and will resign": the one who resigns
            # is the subject they share, not the court
            return patients, "actor:conj-subject"
        return verb_subjects(head)[0], "actor:conj"
    if tok.dep_ == "advcl" and head.i != tok.i and (marked_by_to(tok) or tok.tag_ == "VBG"):
        # a purpose or participle clause: "began a hunger strike to protest ...", "police
        # opened fire, killing one person"
        return verb_subjects(head)[0], "actor:clause-subject"
    if tok.dep_ in {"relcl", "acl"} and head.i != tok.i:
        if is_participle_on_patient(tok):
            return [], "actor:none"  # "diplomats expelled from Britain": done to them
        return [head], "actor:relcl"
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in {"of", "for", "with"}:
        # "accused the rebels of attacking", "blamed X for shelling": the one accused
        verb = head.head
        if verb.dep_ in OBJECT_DEPS and verb.pos_ in {"NOUN", "PROPN"}:
            return [verb], "actor:accused-object"  # the parse hung "of" on the object
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        if objects and verb.pos_ in {"VERB", "AUX"}:
            return objects, "actor:accused-object"
        if verb.lower_ == "short" and verb.dep_ == "advmod":
            verb = verb.head  # "Kenya stopped short of imposing": the parse hangs "of" there
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and verb.pos_ in {"VERB", "AUX"} and head.lower_ == "of":
            return subjects, "actor:clause-subject"  # "Kenya stopped short of imposing"
    if (
        tok.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in MANNER_PREPS
        and head.head.pos_ in {"VERB", "AUX"}
    ):
        # "the army responded by attacking rebel positions", "after meeting X, he ...":
        # the clause's doer is the verb's
        return verb_subjects(head.head)[0], "actor:clause-subject"
    if (
        tok.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ == "on"
        and head.head.pos_ == "VERB"
        and not any(c.dep_ in OBJECT_DEPS for c in head.head.children)
    ):
        # "signed off on selling artillery", "insisted on meeting": the verb's subject does
        # it (with an object, the object does: "congratulated Kenya on winning")
        return verb_subjects(head.head)[0], "actor:clause-subject"
    return [], "actor:none"


def verb_arguments(
    tok: Any,
    index: MentionIndex,
    sentence_start: int,
    cues: Cues,
    preps: frozenset[str] = frozenset(),
) -> Arguments:
    """The verb's actors and recipients. `preps`: the prepositions its reading names ("LEAVE
    FOR" a visit, "VOTE FOR" support), whose objects are recipients as those of "against",
    "with", "to", ... always are."""
    subjects, rule = verb_subjects(tok)
    rules = [rule]
    kids = [(c, c.dep_) for c in tok.children]  # read once for the tests below
    passive = is_passive(tok)
    if passive and tok.lemma_.lower() in STATIVE_PASSIVES:
        # "Vietnam is committed to opening up": a state of the subject, not done to it
        subjects = subjects or [c for c, dep in kids if dep == "nsubjpass"]
        passive = False
    recipient_tokens: list[Any] = []
    if passive:
        recipient_tokens += [c for c, dep in kids if dep == "nsubjpass"]
        patients = controller_patients(tok)
        if patients:
            # "two soldiers had to be evacuated", "want to be released", "are expected to be
            # attacked by the army": who controls a passive infinitive undergoes it
            recipient_tokens += patients
            if rule in {"actor:controller-subject", "actor:controller-object"}:
                subjects, rules = [], ["actor:none"]
            rules.append("recipient:controller")
    else:
        undergoing = undergoing_subjects(tok)
        if undergoing:
            # a passive the parse misread as active: its subject is done to, its agent does
            subjects = passive_agents(tok)
            rules = ["actor:agent" if subjects else "actor:none", "recipient:undergoing-subject"]
            recipient_tokens += undergoing
    if not recipient_tokens and is_participle_on_patient(tok):
        recipient_tokens.append(tok.head)
        rules.append("recipient:participle-noun")
    objects = [c for c, dep in kids if dep in OBJECT_DEPS]
    recipient_tokens += objects
    for child, dep in kids:
        if dep in {"prep", "dative"} and (child.lower_ in RECIPIENT_PREPS or child.lower_ in preps):
            target = pobj(child)
            if target is not None:
                recipient_tokens.append(target)
        if dep == "prt":
            for grand in child.children:
                if grand.dep_ == "prep" and pobj(grand) is not None:
                    recipient_tokens.append(pobj(grand))
    # the object's possessor and phrases: "support Turkey's efforts", "break relations with
    # Russia", "cut off electricity to Nakhichevan"; an amount's, what it counts ("imposed
    # $50 billion in tariffs on Chinese imports")
    amounts = [inner for obj in objects if (inner := counted(obj)) is not None]
    for obj in objects + amounts:
        recipient_tokens += [c for c in obj.children if c.dep_ == "poss"]
        recipient_tokens += [
            target
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS and (target := pobj(c)) is not None
        ]
    actors = actors_of(subjects, index, sentence_start, cues)
    recipients = [
        a for a in actors_of(recipient_tokens, index, sentence_start, cues) if a not in actors
    ]
    if not recipients:
        # "demanded that the United States match ...": the one asked is the complement's subject
        complement_subjects = [
            s
            for c, dep in kids
            if dep in {"ccomp", "xcomp"}
            for s in c.children
            if s.dep_ in {"nsubj", "nsubjpass"}
        ]
        recipients = [
            a
            for a in actors_of(complement_subjects, index, sentence_start, cues)
            if a not in actors
        ]
    if recipients:
        rules.append("recipient:object")
    else:
        # "hacked into the computers of South Korean officers", "seized the property of X":
        # the owner of what the verb acts on
        owners = [o for t in recipient_tokens for o in owner_tokens(t, index)]
        recipients = [a for a in actors_of(owners, index, sentence_start, cues) if a not in actors]
        if recipients:
            rules.append(OWNER_OF_OBJECT)
    return Arguments(tuple(actors), tuple(recipients), tuple(rules))


def owner_tokens(tok: Any, index: MentionIndex, depth: int = 2) -> list[Any]:
    """The possessor and "of" objects of a phrase that is no actor itself, one or two levels
    down ("the computers of X", "X's property", "the homes of X's citizens")."""
    if depth == 0 or index.covering(tok) is not None:
        return []
    found: list[Any] = []
    for child in tok.children:
        if child.dep_ == "poss":
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found.append(grand)
                    found += owner_tokens(grand, index, depth - 1)
    return found


# what a clause says of a party when it lays a wrong at its door: "was responsible for",
# "was behind", "was involved in" (CAMEO's "HOLD * RESPONSIBLE", "BELIEVE * RESPONSIBLE"
# [112, 110], said of a clause); the wrong is a word of the class `wrong`
CULPABLE = frozenset({"responsible", "guilty", "culpable", "complicit"})
CULPABLE_PREPS = frozenset({"for", "of", "in", "behind"})


def imputed_party(clause: Any, classes: dict[str, frozenset[str]] | None) -> Any | None:
    """The subject a complement clause blames for a wrong ("the Russian government was
    involved in the poisoning", "Iran was behind the attack", "the rebels are responsible
    for the bombing"), or None: a clause that is negated ("was not involved"), blames no
    one, or names no wrong ("the weather was responsible for the delay"). With `classes`
    None, the wrong is not checked (a trigger's condition has)."""
    if clause.lemma_.lower() not in {"be", "involve"} or any(
        c.dep_ == "neg" for c in clause.children
    ):
        return None
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].lower_ in {"it", "there", "this", "that", "what"}:
        return None
    holders = [clause]
    if clause.lemma_.lower() == "be":
        holders = [c for c in clause.children if c.dep_ == "acomp" and c.lemma_.lower() in CULPABLE]
        if any(c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children):
            holders.append(clause)
    elif not any(c.dep_ == "auxpass" for c in clause.children):
        return None  # "involves": what something includes
    if classes is None:
        return subjects[0] if holders else None
    wrongs = classes.get("wrong", frozenset())
    for holder in holders:
        for prep in holder.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in CULPABLE_PREPS
                and any(t.lemma_.lower() in wrongs for t in prep.subtree)
            ):
                return subjects[0]
    return None


def is_objects_topic(verb: Any, tok: Any) -> bool:
    """A noun in a topic phrase of a verb that has an object of its own: what that object is
    about, not the verb's own act ("the ministry opened an investigation into the attack":
    the attack is not the ministry's; the parse hangs "into" on the verb)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in TOPIC_PREPS or tok.head.head.i != verb.i:
        return False
    return any(c.dep_ in {"dobj", "obj"} and c.i < tok.head.i for c in verb.children)


# prepositions that name whom backing or help is for, on the nouns of those acts ("support
# for Kenya", "threw its support behind the plan", "aid for refugees")
BENEFICIARY_PREPS = frozenset({"for", "behind"})
BENEFICIARY_TYPES = frozenset({"SUPPORT", "AID"})


def noun_arguments(
    tok: Any,
    of_role: str | None,
    index: MentionIndex,
    sentence_start: int,
    cues: Cues,
    event_type: str | None = None,
) -> Arguments:
    actor_tokens: list[Any] = []
    recipient_tokens: list[Any] = []
    rules: list[str] = []
    for child in noun_children(tok):
        if child.dep_ == "poss":
            actor_tokens.append(child)
            rules.append("actor:possessor")
        elif child.dep_ in {"amod", "compound", "nmod"} and index.covering(child) is not None:
            actor_tokens.append(child)
            rules.append("actor:modifier")
        elif child.dep_ == "prep":
            target = pobj(child)
            if target is None:
                continue
            if child.lower_ == "by":
                actor_tokens.append(target)
                rules.append("actor:by")
            elif child.lower_ == "of":
                (recipient_tokens if of_role == "rcp" else actor_tokens).append(target)
                rules.append(f"{'recipient' if of_role == 'rcp' else 'actor'}:of")
            elif child.lower_ in RECIPIENT_PREPS or (
                event_type in BENEFICIARY_TYPES and child.lower_ in BENEFICIARY_PREPS
            ):
                recipient_tokens.append(target)
                rules.append(f"recipient:{child.lower_}")
    if (
        not actor_tokens
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "on"
        and tok.head.head.pos_ in {"NOUN", "PROPN"}
        and heads_a_verbless_line(tok)
    ):
        # a headline's "Jailed Activist on Hunger Strike": the one on strike does it, as
        # with "went on strike"
        actor_tokens.append(tok.head.head)
        rules.append("actor:engaged-on")
    claimer = responsibility_claimer(tok)
    if claimer is not None and not actor_tokens:
        # "the group claimed responsibility for the bombing": the group says it did it; not
        # one that did not claim it ("the group did not claim", "no group has claimed")
        claimants = [
            s
            for s in verb_subjects(claimer)[0]
            if not any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in s.children)
        ]
        if not any(c.dep_ == "neg" for c in claimer.children) and claimants:
            actor_tokens = claimants
            rules.append("actor:claims-responsibility")
    head = tok.head
    verb = head.head if tok.dep_ == "pobj" else head
    if tok.dep_ == "pobj" and head.dep_ == "agent" and verb.pos_ in {"VERB", "AUX"}:
        # "the embassy was hit by a rocket attack", a headline's "News Site Hit by Cyber
        # Attack": what the passive's subject, or the noun it describes, undergoes
        undergoers = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not undergoers and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            undergoers = [verb.head]
        if not undergoers and is_headline_passive(verb):
            undergoers = [c for c in verb.children if c.dep_ == "nsubj"]
        if undergoers:
            recipient_tokens += undergoers
            rules.append("recipient:undergoer")
    if (
        claimer is None
        and head.i != tok.i
        and tok.dep_ in {"dobj", "obj", "pobj", "attr"}
        and verb.pos_ in {"VERB", "AUX"}
    ):
        subjects, _ = verb_subjects(verb)
        if not subjects and verb.lemma_.lower() in STATIVE_PASSIVES:
            # "Serb forces were engaged in ethnic cleansing"
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if undergoes(verb, tok):
            # "US forces were subjected to attacks": the subject is on the receiving end
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            recipient_tokens += passive or subjects
            rules.append("recipient:undergoer")
        elif (
            subjects
            and all(t.lower_ in PRONOUNS for t in actor_tokens)
            and (is_light_verb(verb, cues.object_light_verbs) or is_engaged_on(verb, tok))
            and not is_objects_topic(verb, tok)
        ):
            # "came to an agreement", "launched an offensive", "continued their hunger
            # strike", "went on strike": the light verb's subject (a possessive pronoun only
            # points back to it)
            actor_tokens = [*subjects]
            rules.append("actor:light-verb-subject")
        elif (
            subjects
            and not actor_tokens
            and tok.dep_ in {"dobj", "obj"}
            and lemma_forms(verb) & cues.planning_verbs
        ):
            # "the union planned a strike", "Kenya arranged a meeting with X": who plans
            # the event is to do it
            actor_tokens = [*subjects]
            rules.append("actor:planner")
        if is_light_verb(verb, cues.object_light_verbs) and not recipient_tokens:
            # "gave a warm welcome to X", "made concessions to X", "launched attacks against
            # X": the light verb's prepositional object is the noun's recipient
            for child in verb.children:
                if child.dep_ in {"prep", "dative"} and child.lower_ in RECIPIENT_PREPS:
                    target = pobj(child)
                    if target is not None and target.i != tok.i:
                        recipient_tokens.append(target)
                        rules.append(f"recipient:light-verb-{child.lower_}")
    if not actor_tokens and tok.dep_ == "pobj" and tok.head.lower_ in CULPABLE_PREPS:
        # "said Iran was behind the attack", "the rebels are responsible for the bombing":
        # the one blamed is whom the speaker says did it
        holder = tok.head.head
        clause = holder.head if holder.dep_ == "acomp" else holder
        party = imputed_party(clause, None)
        if party is not None:
            actor_tokens.append(party)
            rules.append("actor:blamed")
    carrier = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    if not recipient_tokens and carrier.dep_ == "nsubj" and carrier.head.lemma_.lower() in ARRIVALS:
        # "aid arrived in Ukraine", "a shipment of aid reached 40,000 people in Darfur":
        # where the help arrives is who receives it
        for child in carrier.head.children:
            target = child if child.dep_ in {"dobj", "obj"} else None
            if child.dep_ == "prep" and child.lower_ in {"in", "to", "at"}:
                target = pobj(child)
            if target is not None:
                recipient_tokens += [target, *owner_tokens(target, index)]
                rules.append("recipient:destination")
    actors = actors_of(actor_tokens, index, sentence_start, cues)
    recipients = [
        a for a in actors_of(recipient_tokens, index, sentence_start, cues) if a not in actors
    ]
    return Arguments(tuple(actors), tuple(recipients), tuple(rules))


def reporting_noun(tok: Any, cues: Cues) -> Any | None:
    """The common noun that reports the clause whose subject is the pronoun `tok`, where the
    pronoun agrees with it: "it" a singular noun, "they" a plural one ("the company said it
    would ...", "the rebels said they had ..."); None where the clause is not reported, or
    its reporter is a name, a pronoun or a noun of the other number."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.lower_ not in IMPERSONAL | PLURAL:
        return None
    verb = tok.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in cues.reporting_verbs:
        return None
    reporter = verb.head
    subject = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
    if subject is None and reporter.dep_ == "conj":
        # a second reporting verb shares the first one's subject ("the company said it could
        # not comment but noted it had announced an inquiry")
        subject = next((c for c in reporter.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.pos_ == "PROPN":
        # a name that is no person's reporting what "it" did ("Liverpool said it condemned
        # the attack"); a name's number is not in its form, so "they" is left alone
        is_person = subject.ent_type_ == "PERSON"
        return subject if tok.lower_ in IMPERSONAL and not is_person else None
    if subject.pos_ != "NOUN":
        return None
    plural = subject.tag_ == "NNS"
    return subject if plural == (tok.lower_ in PLURAL) else None


def speaker_actor(tok: Any, index: MentionIndex, cues: Cues, *, pronoun: str = "") -> Actor | None:
    """The actor who reports the clause holding `tok` ("X said ...", "quoted X as ..."): one
    with a country, or, for a personal `pronoun` in the clause, the person who reports it
    even with none ("Frank said that he would resign" is Frank, not an earlier president)."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.i == tok.head.i and tok.dep_ in {"nsubj", "nsubjpass"}:
            continue  # the pronoun's own verb: "We urge the government ..." reports itself
        reporters: list[Any] = []
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in MESSAGES:
            # "X issued a reminder to Iraq that it must ...", "X's statement that ..."
            reporters = [c for c in cur.children if c.dep_ == "poss"]
            if not reporters and cur.dep_ in {"dobj", "obj"}:
                reporters = [c for c in cur.head.children if c.dep_ == "nsubj"]
        if cur.lemma_.lower() in cues.reporting_verbs:
            reporters = [c for c in cur.children if c.dep_ in {"nsubj", "dobj"}]
            if not reporters and cur.dep_ == "conj":
                # "rebels rejected the plan and said they ...": the first verb's subject
                reporters = [c for c in cur.head.children if c.dep_ == "nsubj"]
        for child in reporters:
            mention = index.covering(child)
            actor = mention.actor if mention else None
            if actor is None or actor.sector == "MED":
                continue
            if actor.country or (pronoun in PERSONAL and mention and mention.label == "PERSON"):
                return actor
    return None


def is_eventive_noun(
    tok: Any, index: MentionIndex, *, object_verbs: frozenset[str], subject_verbs: frozenset[str]
) -> bool:
    """A noun reports an event (rather than referring back to one) when it has arguments, a
    count, or is the object or subject of a verb that says it happened."""
    for child in noun_children(tok):
        if child.dep_ in {"poss", "nummod"}:
            return True
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS | {"by", "of"}:
            return True
        if child.dep_ in {"amod", "compound", "nmod"} and index.covering(child) is not None:
            return True
    if responsibility_claimer(tok) is not None:
        return True  # "claimed responsibility for the bombing": the bombing happened
    head = tok.head
    verb = head.head if tok.dep_ == "pobj" else head
    if verb.pos_ not in {"VERB", "AUX"}:
        return heads_a_verbless_line(tok)
    if tok.dep_ == "pobj" and head.dep_ == "agent":
        return True  # "the site was hit by a cyber attack": what did it happened
    forms = lemma_forms(verb)
    if is_engaged_on(verb, tok):
        return True
    if tok.dep_ in {"dobj", "obj", "pobj", "attr"}:
        return bool(forms & object_verbs) or takes_part(verb) or undergoes(verb, tok)
    if tok.dep_ == "nsubjpass":
        # a passive's subject is what the active's object would be: "an air campaign was
        # waged", "a ceasefire was declared"
        return bool(forms & (object_verbs | subject_verbs))
    if tok.dep_ == "nsubj":
        return bool(forms & subject_verbs)
    return False


def is_headline(sent: Any) -> bool:
    """A sentence that does not end as a sentence does (`ends_as_sentence`): a headline or a
    title."""
    return not ends_as_sentence(sent.text)


def is_headline_passive(tok: Any) -> bool:
    """A headline drops the passive's auxiliary: "Curfew lifted in Nairobi", "Restrictions
    lifted on organization" (a past form with no object, in a line with no full stop)."""
    if tok.tag_ not in {"VBD", "VBN"} or any(
        c.dep_ in {"aux", "dobj", "obj"} for c in tok.children
    ):
        return False
    return is_headline(tok.sent)


def undergoing_subjects(tok: Any) -> list[Any]:
    """The subjects of a verb the parse reads as active that undergo it: a past form with an
    agent ("by X") and no object ("Two administrators beheaded by insurgents"), or a
    headline's past participle with its auxiliary dropped ("Opposition leader detained after
    rally"). A headline's simple past stays active ("Protesters gathered in Nairobi")."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects or is_passive(tok):
        return []
    has_agent = any(c.dep_ == "agent" for c in tok.children)
    has_object = any(c.dep_ in OBJECT_DEPS for c in tok.children)
    if has_agent and not has_object and tok.tag_ in {"VBD", "VBN"}:
        return subjects
    if tok.tag_ == "VBN" and is_headline_passive(tok):
        return subjects
    return []


def heads_a_verbless_line(tok: Any) -> bool:
    """A noun that a line with no verb is about reports its event: the line's head, or a
    phrase on it ("Jailed Activist on Hunger Strike", "Kenya: Widespread Torture", "Negotiations
    Ongoing at Climate Conference"). Such a line is a headline."""
    sent = tok.sent
    if not is_headline(sent) or any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in sent
    ):
        return False  # "The Porsche invasion.": a figure in a sentence; a participle on a
        # noun is no verb of the line ("Jailed Activist on Hunger Strike")
    root = sent.root
    if tok.i == root.i or (tok.head.i == root.i and tok.dep_ not in {"compound", "amod", "nmod"}):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == root.i


def parse_number(text: str) -> int | None:
    clean = text.replace(",", "").lower()
    if clean.isdigit():
        return int(clean)
    return WORD_NUMBERS.get(clean)


def count_of(tok: Any) -> Count | None:
    """ "at least 70 attacks" -> Count(min=70); "three attacks" -> exactly 3."""
    numbers = [c for c in tok.children if c.dep_ == "nummod"]
    if not numbers:
        return None
    num = numbers[0]
    value = parse_number(num.text)
    if value is None:
        return None
    doc = num.doc
    start_tok = min([num.i] + [t.i for t in num.subtree])
    before = doc[max(0, num.i - 3) : num.i].text.lower()
    low: int | None = value
    high: int | None = value
    for qualifier in MIN_QUALIFIERS:
        if re.search(rf"\b{qualifier}$", before):
            high = None
            start_tok = min(start_tok, num.i - len(qualifier.split()))
            break
    else:
        for qualifier in MAX_QUALIFIERS:
            if re.search(rf"\b{qualifier}$", before):
                low = None
                start_tok = min(start_tok, num.i - len(qualifier.split()))
                break
    first = doc[min(start_tok, tok.i)]
    last = doc[max(tok.i, max(t.i for t in num.subtree))]
    return Count(min=low, max=high, span=Span(first.idx, last.idx + len(last.text)))
