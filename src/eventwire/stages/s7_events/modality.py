"""Modality: did the event happen, or is it planned, expected, predicted, hypothetical,
requested, threatened, negated, denied or alleged?

From the trigger, the rules walk up the dependency tree through the words that govern it
("agreed on a plan on [the withdrawal]", "calling on X to accelerate [a withdrawal]",
"analysts predict that [such a withdrawal] could ...") and stop at the first strong cue:
- negation on the trigger ("did not attack", "no attacks took place");
- a governing word from the tables below (plan nouns, "expected to", "predict", "call on",
  "threaten to", "deny", "claim", "refuse to");
- a modal: "will/shall" -> planned; "should/must" -> requested; "would/could/might/may" are
  weak cues (hypothetical) that a stronger governor above overrides ("a deal which would see
  troops pull out" -> planned; "said it would withdraw" -> planned: reported intention);
- an "if"/"unless" clause -> hypothetical.
No cue: occurred. Reporting verbs ("said", "told", "quoted as confirming") are transparent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.clauses import FINITE_TAGS
from eventwire.stages.s2_parse.headlines import ends_as_sentence
from eventwire.stages.s2_parse.lemmas import lemma_forms, lemmas_to_try
from eventwire.stages.s7_events.phrases import asks_a_question, responsibility_claimer

# The cue words (governing verbs, adjectives and nouns; modals; adverbs; conditional marks),
# the reporting verbs and the light verbs are data: `data/events/modality.tsv`,
# `data/sources/cues.tsv` and `data/events/light_verbs.tsv`, read into a `Cues` by
# vocabulary.py. What stays here is grammar: dependency labels and closed-class words.


@dataclass(frozen=True, slots=True)
class Cues:
    """Modality cues by kind (word -> modality), the reporting verbs and the light verbs."""

    by_kind: dict[str, dict[str, str]]
    reporting_verbs: frozenset[str]
    object_light_verbs: frozenset[str]
    subject_light_verbs: frozenset[str]
    light_verbs: frozenset[str]  # both of the above
    # governing verbs that make their complement planned ("planned a strike", "arranged a
    # meeting"): their object noun is an event to come, their subject its doer
    planning_verbs: frozenset[str] = frozenset()

    def of(self, kind: str) -> dict[str, str]:
        return self.by_kind.get(kind, {})


SEQUENCE_VERBS = frozenset({"follow", "precede"})
# verbs that introduce questions as well as demands ("asked whether" is no request)
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "question"})
# Modals that, under a past reporting verb, report an intention ("said it would withdraw").
FUTURE_MODALS = frozenset({"would", "will", "shall", "'ll", "wo"})
# Dependency labels through which a governor passes its modality down.
PASS_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "obj",
        "pobj",
        "prep",
        "pcomp",
        "acl",
        "relcl",
        "conj",
        "nsubj",
        "nsubjpass",
        "attr",
        "oprd",
        "compound",
        "agent",
        "appos",
        "dative",
        "acomp",
    }
)
# Adjuncts of time, cause and concession do not pass modality down: "agreed ... following
# months of attacks" leaves the attacks as they were.
STOP_PREPOSITIONS = frozenset(
    "following after before despite amid amidst during since until because while within "
    "like in at".split()
)
# Nouns of a reply: what they answer ("a response to China's threat", "retaliation for the
# attack") came before them, as it was, whatever is said of the reply.
REPLY_NOUNS = frozenset("response reaction retaliation reprisal reply answer riposte".split())
MAX_STEPS = 10
# infinitives that "is to" makes an idiom, not a plan: "Russia is to blame" says who is
# responsible
BE_TO_IDIOMS = frozenset({"blame"})
# subjects of "is to" that are no doer and name no content: "it is to be hoped"
EMPTY_SUBJECTS = frozenset({"it", "this", "that", "these", "those", "what", "which", "there"})
# verbs of wanting whose infinitive of saying is the saying itself: "I would like to note
# that ...", "I want to stress that ..." report what the speaker says, not a wish
PERFORMATIVE_WANTS = frozenset({"like", "want", "wish"})


def stages_in(tok: Any, light_verbs: frozenset[str]) -> bool:
    """ "in" after a light verb with no object but "part": what it stages ("engaged in
    ethnic cleansing", "participated in the negotiations", "will not take part in talks");
    not a setting ("made concessions in the talks")."""
    verb = tok.head
    return (
        tok.dep_ == "prep"
        and tok.lower_ == "in"
        and (verb.lemma_.lower() in light_verbs or takes_part(verb))
        and all(c.lemma_.lower() == "part" for c in verb.children if c.dep_ in {"dobj", "obj"})
    )


def takes_part(verb: Any) -> bool:
    """ "take part (in ...)": the phrase is a light verb, whatever "take" alone means."""
    return verb.lemma_.lower() == "take" and any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() == "part" for c in verb.children
    )


def is_light_verb(verb: Any, light_verbs: frozenset[str]) -> bool:
    """A verb that only says its event noun happened: one of `light_verbs` (any form the
    inflection suggests, `lemma_forms`) or "take part"."""
    return bool(lemma_forms(verb) & light_verbs) or takes_part(verb)


def marked_by_to(tok: Any) -> bool:
    """Whether a verb is an infinitive marked by "to": "(wants) to see", "to protest"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_subjectless_infinitive(tok: Any) -> bool:
    """An infinitive marked by "to" without a subject of its own: "(vowed) to fight", not
    "(asked for) Park to receive"."""
    return marked_by_to(tok) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def is_own_infinitive(tok: Any) -> bool:
    """An infinitival complement without a subject of its own: "(wants) to see"."""
    return (
        tok.dep_ == "xcomp"
        and is_subjectless_infinitive(tok)
        and not any(c.dep_ in {"dobj", "obj"} and c.i < tok.i for c in tok.head.children)
    )


# heads of a "to" that gives a cause: "cancelled its flights due to the ban", "owing to"
CAUSE_HEADS = frozenset({"due", "owing"})


def is_cause_to(tok: Any) -> bool:
    """The preposition "to" of "due to" or "owing to" (not the "to" of an infinitive: "is
    due to visit" plans the visit)."""
    return tok.lower_ == "to" and tok.dep_ in {"prep", "pcomp"} and tok.head.lower_ in CAUSE_HEADS


def passes(tok: Any) -> bool:
    """Whether the walk may go from `tok` up to its head."""
    if tok.head.i == tok.i or tok.dep_ not in PASS_DEPS:
        return False
    if is_cause_to(tok):
        return False  # "due to the EU ban": a cause, as "because of" is
    if tok.dep_ != "prep":
        return True
    if tok.lower_ in {"to", "for"} and tok.head.lemma_.lower() in REPLY_NOUNS:
        return False  # "the proposal was a response to China's threat": the threat was made
    return tok.lower_ not in STOP_PREPOSITIONS


@dataclass(frozen=True, slots=True)
class Modality:
    value: str
    cue: Span | None
    rule: str


def token_span(tok: Any) -> Span:
    return Span(tok.idx, tok.idx + len(tok.text))


def local_cue(
    cur: Any, *, is_trigger_clause: bool, cues: Cues, is_trigger: bool = False
) -> tuple[str, Any, str, bool] | None:
    """(modality, cue token, rule, strong) from the modifiers of one token (`is_trigger`:
    the event's own trigger, whose object alone may deny it: "arrested no one")."""
    strong_modals, weak_modals = cues.of("strong-modal"), cues.of("modal")
    strong_adverbs, weak_adverbs = cues.of("adverb"), cues.of("weak-adverb")
    conditionals = cues.of("conditional")
    # the children with their labels and words, read once for the tests below
    kids = [(c, c.dep_, c.lower_) for c in cur.children]
    neg = next((c for c, dep, low in kids if dep == "neg" or (dep == "det" and low == "no")), None)
    if neg is not None and (is_trigger_clause or cur.lemma_.lower() in cues.light_verbs):
        refusal = any(
            dep == "aux" and low in {"will", "would", "wo", "shall"} for _, dep, low in kids
        )
        # "will not meet their demands": a refusal, which PLOVER codes as REJECT
        return "negated", neg, "neg-refusal" if refusal else "neg", True
    if is_trigger and cur.pos_ in {"VERB", "AUX"}:
        for child, dep, _ in kids:
            if dep in {"dobj", "obj"}:
                no = next((g for g in child.children if g.dep_ == "det" and g.lower_ == "no"), None)
                if no is not None:
                    # "has given no formal order", "police made no arrests": not done
                    return "negated", no, "neg-object", True
    # an "if"/"unless" clause on this verb: a condition of what the modal says ("will pay
    # if no price is agreed": planned, on a condition), or, with no modal, a hypothesis; on
    # a verb of saying or of a stance toward an act ("threatened a strike if no deal is
    # reached", "warned that ... if"), the condition is part of what was said: the threat
    # was made
    condition = None
    lemma = cur.lemma_.lower()
    says = lemma in cues.reporting_verbs or lemma in cues.of("verb")
    if is_trigger_clause and not says:
        for child, dep, _ in kids:
            mark = condition_mark(child, cues) if dep == "advcl" else None
            if mark is not None:
                condition = mark
    when = f"+conditional:{condition.lower_}" if condition is not None else ""
    for child, dep, low in kids:
        if dep in {"aux", "auxpass"} and child.tag_ == "MD":
            if low in strong_modals and is_trigger_clause:
                return strong_modals[low], child, f"modal:{low}{when}", True
            if low in weak_modals:
                return weak_modals[low], child, f"modal:{low}{when}", False
        if dep == "advmod" and low in strong_adverbs:
            return strong_adverbs[low], child, f"adverb:{low}", True
        if dep == "advmod" and low in weak_adverbs:
            return weak_adverbs[low], child, f"adverb:{low}", False
        if dep == "mark" and low in conditionals:
            # the clause is the condition itself ("if Ethiopia attacked"): no act offered or
            # threatened on it (`conditional:` is the act that depends on one)
            return conditionals[low], child, f"condition:{low}", True
        if (dep == "aux" and low == "going") or (
            dep == "aux" and low == "to" and cur.head.lower_ == "going"
        ):
            return "planned", child, "going-to", True
        if (
            dep == "aux"
            and low == "to"
            and cur.dep_ in {"acl", "relcl"}
            and cur.head.head.i == cur.head.i
            and cur.head.pos_ in {"NOUN", "PROPN"}
        ):
            # a headline's "GM to cut 10,000 jobs": the announced plan
            return "planned", child, "headline-infinitive", True
        if (
            dep == "aux"
            and low == "to"
            and cur.dep_ == "ROOT"
            and any(c.dep_ == "nsubj" for c in cur.children)
            and not ends_as_sentence(cur.sent.text)
        ):
            # the same headline parsed with the verb as its root: "Kenya to withdraw troops
            # from Somalia"
            return "planned", child, "headline-infinitive", True
    if condition is not None:
        # weak, so that "willing to send troops if attacked" stays a conditional offer
        return conditionals[condition.lower_], condition, f"conditional:{condition.lower_}", False
    return None


# the subject of an active verb: the doer, not what the verb governs (a passive's subject is)
ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})


def is_mere_subject(child: Any, verb: Any, cues: Cues) -> bool:
    """Whether `child` is `verb`'s nominal subject and nothing more: the verb neither stages it (a
    light verb of its subject, "negotiations failed", or of its object in the passive, "the
    deal was signed") nor raises it ("the talks are expected to resume")."""
    if child.dep_ not in {"nsubj", "nsubjpass"}:
        return False  # a clause as subject shares its verb's mood: "attacking it would be ..."
    forms = lemma_forms(verb)
    if child.dep_ == "nsubj":
        return not forms & cues.subject_light_verbs
    if forms & cues.object_light_verbs:
        return False
    return not raises(verb)


def describes(verb: Any) -> bool:
    """A clause that describes its noun, in its own tense: a relative clause ("the town
    which rebels captured") or a participle ("the 250 required"), not an infinitive of the
    noun ("calls to withdraw", "a plan to attack"), which the noun may govern."""
    if verb.dep_ == "relcl":
        return True
    return verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}


def has_own_auxiliary(verb: Any) -> bool:
    """A verb with an auxiliary or modal of its own ("has been named"): coordinated with
    another, it does not share that verb's modal or negation."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children
    )


def is_finite(verb: Any) -> bool:
    """A verb with a tense of its own: a finite form, or a finite auxiliary ("is supported",
    "has left"), not an infinitive or a participle alone."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in verb.children)


def raises(verb: Any) -> bool:
    """A passive with an infinitive of its subject: "the talks are expected to resume"."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "xcomp" for c in verb.children
    )


PREDICTING_MODALS = frozenset({"will", "would", "can", "could", "may", "might"})
NECESSITY_VERBS = frozenset({"need", "have", "ought"})  # "needs to", "has to"


def is_assertion(verb: Any) -> bool:
    """A clause that says what is, was or will be, not what should be: a state
    (`is_state`), a verb in the present or past with no modal of its own ("insisted the
    talks had failed"), or a modal of prediction ("insisted that it would issue details").
    A base form ("insisted that he resign"), a modal of duty ("must leave") or a verb of
    necessity ("needed to stand its ground", "has to go") demands."""
    if is_state(verb):
        return True
    if verb.lemma_.lower() in NECESSITY_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "insisted that Malta needed to stand its ground": what must be done
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    modals = [c.lower_ for c in auxiliaries if c.tag_ == "MD"]
    if modals:
        return all(m in PREDICTING_MODALS for m in modals)
    if any(c.lower_ == "be" for c in auxiliaries):
        return False  # "that they be allowed": the subjunctive, whatever the tag says
    finite = [c for c in auxiliaries if c.tag_ in {"VBZ", "VBD", "VBP"}] or [verb]
    # a plural present ("they have a right") reads as a base form too ("that they
    # leave"): only "have" of possession is taken as a claim
    return finite[0].tag_ in {"VBZ", "VBD"} or (
        finite[0].tag_ == "VBP" and (finite[0] is not verb or verb.lemma_.lower() == "have")
    )


# verbs that ask with "for" or an infinitive ("pressed for talks", "pushed Kenya to
# withdraw") but go on with an act they take as object ("pressed its offensive")
PRESSING_ON = frozenset({"press", "push"})
# verbs that say an event goes on: "the protests will continue" does not make the protests
# a plan, nor "did not continue their strike" the strike undone
CONTINUATION_VERBS = frozenset({"continue", "persist"})


def continues(noun: Any) -> bool:
    """Whether the event noun is the subject or object of a verb saying it goes on."""
    return noun.dep_ in {"nsubj", "dobj", "obj"} and noun.head.lemma_.lower() in CONTINUATION_VERBS


def stops_short(tok: Any) -> bool:
    """ "stopped short (of ...)": `tok` is the verb with "short", or "short" on the verb."""
    if tok.lower_ == "short":
        return tok.head.lemma_.lower() == "stop"
    return tok.lemma_.lower() == "stop" and any(c.lower_ == "short" for c in tok.children)


def is_object_infinitive(verb: Any, complement: Any) -> bool:
    """Whether `complement` is an infinitive whose doer is `verb`'s object: "told the
    minister to resign", "challenged Ethiopia to withdraw"."""
    return (
        complement.dep_ == "xcomp"
        and marked_by_to(complement)
        and any(c.dep_ in {"dobj", "obj"} for c in verb.children)
    )


def is_state(verb: Any) -> bool:
    """A clause that says how things are, not what anyone does: its head is a copula ("the
    train is a good alternative") or an adjective or noun the parse made its head."""
    if verb.pos_ in {"ADJ", "NOUN", "PROPN"}:
        return True
    return verb.lemma_.lower() == "be" and any(
        c.dep_ in {"attr", "acomp", "oprd"} for c in verb.children
    )


def takes_of(verb: Any, child: Any) -> bool:
    return child.dep_ == "prep" and child.lower_ == "of"


def takes_assertion(verb: Any, child: Any) -> bool:
    return child.dep_ == "ccomp" and is_assertion(child)


# The verb cues read in one relation to the child the walk came up from, in the order they
# are tried: (cue kind, rule suffix, relation). "sought to expel" (own infinitive), "warned of
# an attack" (its "of"), "told the minister to resign" (its object's infinitive), "insist
# they are leaving" (an asserting clause).
RELATIONAL_VERB_CUES: tuple[tuple[str, str, Callable[[Any, Any], bool]], ...] = (
    ("verb-to", "to", lambda verb, child: is_own_infinitive(child)),
    ("verb-of", "of", takes_of),
    ("verb-obj-to", "obj-to", is_object_infinitive),
    ("verb-claim", "claim", takes_assertion),
)
VERB_CUE_KINDS = ("verb", *(kind for kind, _, _ in RELATIONAL_VERB_CUES))


def cue_lemma(tok: Any, cues: Cues) -> str:
    """The token's lemma as the verb cues know it: the model's, else a base form its
    inflection suggests ("hopes" and "hoping" are lemmatised "hop": "hope")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"}:
        return lemma

    def known(word: str) -> bool:
        return any(word in cues.of(kind) for kind in VERB_CUE_KINDS)

    if known(lemma):
        return lemma
    return next((word for word in lemmas_to_try(tok) if known(word)), lemma)


def governor_cue(cur: Any, cues: Cues, came_from: Any | None = None) -> tuple[str, str] | None:
    """(modality, rule) when `cur` itself is a governing word, or a verb whose subject is a
    plan ("the deal would see troops pull out"); `came_from`: the child the walk came up
    from, where an infinitive of the verb's own subject may take another modality ("sought
    to expel": planned)."""
    verbs, adjectives, nouns = cues.of("verb"), cues.of("adjective"), cues.of("noun")
    strong_modals = cues.of("strong-modal")
    lemma = cue_lemma(cur, cues)
    if lemma in PRESSING_ON and came_from is not None and came_from.dep_ in {"dobj", "obj"}:
        return None  # "pressed its military operations": went on with them, asked nothing
    if (
        cur.pos_ in {"VERB", "AUX"}
        and verbs.get(lemma) == "negated"
        and came_from is not None
        and came_from.dep_ not in ACTIVE_SUBJECTS
    ):
        return "negated", f"governor:{lemma}"  # "the deal fails to pass": not passed
    if cur.pos_ in {"VERB", "AUX"}:
        for child in cur.children:
            if came_from is not None and child.i == came_from.i:
                continue  # "that deal starts in 2018": the plan noun is the event itself
            if child.dep_ == "nsubj" and child.lemma_.lower() in nouns:
                noun = child.lemma_.lower()
                return nouns[noun], f"governor:{noun}"
    if cur.pos_ in {"VERB", "AUX"} and lemma in QUESTION_VERBS and asks_a_question(cur):
        return "hypothetical", f"question:{lemma}"  # "asked whether Iran would attack"
    if came_from is not None and came_from.lower_ == "of" and stops_short(cur):
        return "negated", "governor:stop-short-of"  # "stopped short of imposing sanctions"
    if cur.dep_ == "prep" and cur.lower_ == "without" and came_from is not None:
        return "negated", "governor:without"  # "left without signing the agreement"
    if cur.pos_ in {"VERB", "AUX"} and came_from is not None:
        for kind, suffix, relates in RELATIONAL_VERB_CUES:
            table = cues.of(kind)
            if lemma in table and relates(cur, came_from):
                return table[lemma], f"governor:{lemma}-{suffix}"
    if (
        cur.pos_ in {"VERB", "AUX"}
        and lemma in verbs
        and not (came_from is not None and came_from.dep_ in ACTIVE_SUBJECTS)
    ):
        # a verb governs its complements, not its subject: "Modi's pledge appealed to
        # them" asks for nothing, "negotiations failed" were held and "the deal fails to
        # pass" exists; a passive's subject is what it governs ("the talks are scheduled
        # for next week", "the attack was denied", "the talks are expected to resume")
        return verbs[lemma], f"governor:{lemma}"
    if lemma == "be" and came_from is not None and came_from.dep_ == "xcomp":
        # "it was hard to arrest them", "it is likely to rain": the parse hangs the
        # infinitive on the copula beside its adjective
        for child in cur.children:
            if child.dep_ == "acomp" and child.lemma_.lower() in adjectives:
                adjective = child.lemma_.lower()
                return adjectives[adjective], f"governor:{adjective}"
        if marked_by_to(came_from) and came_from.lemma_.lower() not in BE_TO_IDIOMS:
            return be_to(cur, cues)
    if cur.pos_ == "ADJ" and lemma in adjectives:
        copula = cur.head
        demanded = next(
            (c.lower_ for c in copula.children if c.dep_ == "aux" and c.lower_ in strong_modals),
            None,
        )
        if demanded is not None:
            # "the US must be ready to mediate": asked of the US, not offered by it
            return strong_modals[demanded], f"modal:{demanded}"
        return adjectives[lemma], f"governor:{lemma}"
    if cur.pos_ in {"NOUN", "PROPN"} and lemma in nouns and not undergoes(cur, came_from):
        return nouns[lemma], f"governor:{lemma}"
    return None


def be_to(copula: Any, cues: Cues) -> tuple[str, str] | None:
    """The modality that "is to" gives its infinitive, by the copula's subject: a doer is
    to do it ("Britain is to send troops", "the army was to withdraw": planned); a plan or
    another cue noun gives its own ("the plan is to withdraw"); a noun that cannot act says
    what the act would be ("the easiest way is to lift the ban", "the aim is to end the
    war": hypothetical); anything else is to act or to happen ("the talks are to resume")."""
    if any(c.dep_ in {"attr", "acomp", "neg", "mark"} for c in copula.children):
        # "it was hard to ...": the predicate decides; "the aim is not to ...", "if they
        # are to meet demand": the copula's own negation or condition does
        return None
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in EMPTY_SUBJECTS:
        return None
    noun = subject.lemma_.lower()
    if subject.pos_ == "NOUN":
        nouns, contents = cues.of("noun"), cues.of("subject-be-to")
        if noun in nouns:
            return nouns[noun], f"governor:{noun}"
        if noun in contents:
            return contents[noun], f"be-to:{noun}"
    elif subject.pos_ not in {"PRON", "PROPN"}:
        return None
    return "planned", "be-to"


def is_performative(verb: Any, came_from: Any, cues: Cues) -> bool:
    """A verb of saying, reached from what it says, that a verb of wanting governs as its
    own infinitive: "I would like to note that the governments concluded an agreement" says
    the agreement was concluded; the modal is politeness."""
    return (
        came_from.dep_ == "ccomp"
        and verb.lemma_.lower() in cues.reporting_verbs
        and is_own_infinitive(verb)
        and verb.head.lemma_.lower() in PERFORMATIVE_WANTS
    )


def undergoes(noun: Any, came_from: Any | None) -> bool:
    """Whether the walk came up from a past participle that says what befell the noun
    ("with the Blues' appeal rejected by the FA", "the plan approved last week"), which
    the noun does not ask for or plan."""
    return came_from is not None and came_from.dep_ == "acl" and came_from.tag_ == "VBN"


def lends_its_cues(cur: Any, trigger: Any, came_by: str, came_from: Any | None, cues: Cues) -> bool:
    """Whether the modal and negation of `cur` reach the trigger the walk came up from. Not
    a verb's to its mere subject ("the request will be reviewed"; what governs the whole
    clause still does: "analysts predict that such a withdrawal could lead to ..."), nor to a
    conjunct with an auxiliary of its own ("could attack the town and have already shelled
    it"), nor to a clause with its own tense set before it, nor those of "continue" to the
    event said to go on ("the protests will continue")."""
    if came_from is None:
        return True
    if cur.pos_ in {"VERB", "AUX"} and is_mere_subject(came_from, cur, cues):
        return False
    if came_by == "conj" and has_own_auxiliary(came_from):
        return False
    if came_by in {"ccomp", "parataxis"} and came_from.i < cur.i and is_finite(came_from):
        # a clause with its own tense before the verb it hangs on: "X is supported by Dubai
        # Police; Gisec will highlight ...", which the parse reads as Gisec's content
        return False
    is_noun = trigger.pos_ in {"NOUN", "PROPN"}
    return not (is_noun and cur.i == trigger.head.i and continues(trigger))


def condition_mark(verb: Any, cues: Cues) -> Any | None:
    """The "if" or "unless" that makes `verb`'s clause a condition, if one does."""
    conditionals = cues.of("conditional")
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in conditionals), None)


def supposing_modal(trigger: Any, cues: Cues) -> Any | None:
    """The modal of a clause whose subject is the trigger's gerund: "regaining control would
    stop the attacks", "lifting the sanctions could help" suppose the act, not report it."""
    if trigger.dep_ != "csubj" or trigger.tag_ != "VBG":
        return None
    modals = cues.of("modal")
    return next(
        (
            c
            for c in trigger.head.children
            if c.dep_ == "aux" and modals.get(c.lower_) == "hypothetical"
        ),
        None,
    )


def is_anothers_act(noun: Any) -> bool:
    """An event noun that is a verb's direct object and names its own doer, a name or a noun
    ("Russia's request", "a request by the rebels"), not a pronoun that may be the verb's
    subject ("its options"): an act already made by that party."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ not in {"dobj", "obj"}:
        return False
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return any(g.dep_ == "pobj" and g.pos_ != "PRON" for g in child.children)
    return False


def find_modality(trigger: Any, *, cues: Cues, previous: Modality | None = None) -> Modality:
    """The modality of the event whose trigger token is `trigger`.

    `previous` is the modality of the closest earlier event in the sentence, inherited by an
    event chained to it with "followed by" / "preceded by".
    """
    # "claimed responsibility for the bombing", "is expected to claim responsibility for the
    # bombing", "no group has claimed responsibility for the attack": the act is as real as
    # its own words say, whatever is said of the claim
    claimer = responsibility_claimer(trigger)
    supposed = supposing_modal(trigger, cues)
    if supposed is not None:
        return Modality("hypothetical", token_span(supposed), "modal-subject")
    weak: tuple[str, Any, str] | None = None
    cur = trigger
    is_noun = trigger.pos_ in {"NOUN", "PROPN"}
    came_by = ""  # the label of the step that reached `cur`
    came_from = None  # the token that step came from
    for _ in range(MAX_STEPS):
        # a governing word governs its complements, not a verb coordinated with it: in
        # "invited the envoys, and no one turned it down" nothing asks for the turning down
        if cur.i != trigger.i and came_by != "conj":
            governed = governor_cue(cur, cues, came_from)
            if (
                governed is not None
                and governed[0] == "hypothetical"
                and came_from is not None
                and came_from.i == trigger.i
                and is_anothers_act(trigger)
            ):
                # "the government is considering Russia's request": the request was made;
                # what is considered is granting it
                governed = None
            if governed is not None:
                value, rule = governed
                condition = condition_mark(cur, cues)
                if condition is not None:
                    # "if they really want to help": what the governor says is itself only
                    # supposed, a hypothesis
                    low = condition.lower_
                    return Modality(
                        cues.of("conditional")[low], token_span(condition), f"condition:{low}"
                    )
                return Modality(value, token_span(cur), rule)
        clause = cur.i == trigger.i or (is_noun and cur.i == trigger.head.i)
        # A verb above the trigger lends it its negation and "must", unless it only reports:
        # "the ministry must confirm that a soldier was killed" is no request to kill.
        governs = cur.pos_ in {"VERB", "AUX"} and cur.lemma_.lower() not in cues.reporting_verbs
        found = None
        if lends_its_cues(cur, trigger, came_by, came_from, cues):
            found = local_cue(
                cur, is_trigger_clause=clause or governs, cues=cues, is_trigger=cur is trigger
            )
        if found is not None:
            value, cue, rule, strong = found
            if strong:
                return Modality(value, token_span(cue), rule)
            if weak is None:
                weak = (value, cue, rule)
        if cur.i != trigger.i:
            lemma = cur.lemma_.lower()
            if lemma in SEQUENCE_VERBS and cur.tag_ == "VBN" and previous is not None:
                return Modality(previous.value, previous.cue, f"sequence:{lemma}")
            if (
                weak is not None
                and weak[1].lower_ in FUTURE_MODALS
                and lemma in cues.reporting_verbs
                and cur.tag_ in {"VBD", "VBN"}
            ):
                # "said it would withdraw": a reported intention ("said it could" stays open)
                return Modality("planned", token_span(weak[1]), f"reported-{weak[2]}")
        if not (passes(cur) or stages_in(cur, cues.object_light_verbs)):
            break
        if came_from is not None and is_performative(cur, came_from, cues):
            break
        if came_from is not None and describes(came_from) and cur.pos_ not in {"VERB", "AUX"}:
            break  # "expected sales to exceed the 250 required": the 250 are required
        if claimer is not None and cur.head.i == claimer.i:
            break  # "responsibility for the bombing": nothing above the claim reaches it
        came_by, came_from = cur.dep_, cur
        cur = cur.head
    if weak is not None:
        return Modality(weak[0], token_span(weak[1]), weak[2])
    return Modality("occurred", None, "default")
