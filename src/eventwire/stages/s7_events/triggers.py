"""Event triggers: which tokens report an event, and of which PLOVER category.

The readings live in `data/events/triggers.tsv` (with the word classes its conditions use in
`data/events/classes.tsv`). A lemma may have several readings; the first whose condition
holds on the parse wins ("strike a deal" is AGREE, "workers strike" PROTEST, "jets struck"
ASSAULT). Users add readings with their own `events/triggers.tsv` and `events/classes.tsv`
in their lexicon folder (the `lexicons` setting): a user's readings of a lemma are tried
before the bundled ones, and a user's class words join the bundled class.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.data import read_rows
from eventwire.errors import ConfigError
from eventwire.model import PLOVER_TYPES
from eventwire.stages.s7_events.arguments import imputed_party, is_passive
from eventwire.stages.s7_events.modality import (
    is_assertion,
    is_own_infinitive,
    is_state,
    is_subjectless_infinitive,
    lemma_forms,
)
from eventwire.stages.s7_events.phrases import (
    PHRASE_KEYS,
    ClassTerms,
    PhraseView,
    all_anchors,
    asks_a_question,
    counted,
    phrase_holds,
)

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
PATIENT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})  # a direct object, a passive's subject


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    pos: frozenset[str]  # {"V"}, {"N"} or both
    type: str
    mode: str | None
    condition: str | None
    of_role: str | None  # nouns: "act" or "rcp"; verbs: REVERSED or None
    line: int
    origin: str = "triggers.tsv"  # the file the reading comes from (a user's file: its path)
    derived: bool = False  # from the CAMEO dictionary (tools/build_triggers.py)
    cameo: str | None = None  # the CAMEO code of a derived reading


FORMS_REMEMBERED = 50_000  # words whose lexicon lemmas `Triggers.forms_of` keeps


@dataclass(frozen=True, slots=True)
class Triggers:
    """The trigger lexicon: lemma -> readings (tried in order), and the word classes."""

    readings: dict[str, tuple[Reading, ...]]
    classes: dict[str, frozenset[str]]
    terms: ClassTerms = field(init=False)
    # (lemma, part of speech) -> (positions of its readings of that part of speech to try
    # always, and where -> word -> positions of those whose first phrase part, wherever it
    # stands in the condition, needs that word there): a lemma with hundreds of CAMEO
    # patterns tries only those its phrases could satisfy, in their order; a noun never
    # weighs the patterns of the verb
    plans: dict[tuple[str, str], tuple[tuple[int, ...], dict[str, dict[str, list[int]]]]] = field(
        init=False
    )
    # (lemma, position) -> the quick tests of a reading's other phrase conditions, where it
    # has more than one ("particle=up&objw=barricade": "set up" tries no barricade pattern
    # on a token whose object has no such word)
    also: dict[tuple[str, int], tuple[tuple[str, frozenset[str]], ...]] = field(init=False)
    # (lower-case, lemma, part-of-speech ids) -> `forms_of` for the words already seen
    seen_forms: dict[tuple[int, int, int], tuple[str, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        terms = ClassTerms(self.classes)
        plans = {}
        also = {}
        for lemma, readings in self.readings.items():
            for pos in sorted({p for r in readings for p in r.pos}):
                always: list[int] = []
                anchored: dict[str, dict[str, list[int]]] = {}
                for position, reading in enumerate(readings):
                    if pos not in reading.pos:
                        continue
                    tests = all_anchors(reading.condition, terms) if reading.condition else ()
                    if not tests:
                        always.append(position)
                        if reading.condition is None:
                            break  # it always holds: the readings after it are never reached
                        continue
                    (where, words), others = tests[0], tests[1:]
                    for word in words:
                        anchored.setdefault(where, {}).setdefault(word, []).append(position)
                    if others:
                        also[lemma, position] = others
                plans[lemma, pos] = (tuple(always), anchored)
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "plans", plans)
        object.__setattr__(self, "also", also)
        object.__setattr__(self, "seen_forms", {})

    def forms_of(self, tok: Any, pos: str) -> tuple[str, ...]:
        """The lexicon's lemmas this token may be, with readings for its part of speech: its
        lemma, else the base forms its inflection suggests (`lemma_forms`). Remembered by
        word, lemma and part of speech: a text repeats its words."""
        key = (tok.lower, tok.lemma, tok.pos)  # the strings' ids: cheaper than the strings
        known = self.seen_forms.get(key)
        if known is not None:
            return known
        lemma = lemma_of(tok)
        table = self.readings
        found = [lemma] if lemma in table else sorted(lemma_forms(tok) & table.keys())
        forms = tuple(f for f in found if (f, pos) in self.plans)
        if len(self.seen_forms) >= FORMS_REMEMBERED:
            self.seen_forms.clear()
        self.seen_forms[key] = forms
        return forms

    def worth_trying(self, lemma: str, pos: str, view: PhraseView) -> list[Reading]:
        """The readings of `lemma` for this part of speech ("V" or "N") whose conditions
        could hold around this token, in order."""
        plan = self.plans.get((lemma, pos))
        if plan is None:
            return []
        always, anchored = plan
        readings = self.readings[lemma]
        if not anchored:
            return [readings[p] for p in always]
        positions = set(always)
        for where in view.places & anchored.keys():
            by_word = anchored[where]
            for word in view.union(where):
                positions.update(by_word.get(word, ()))
        also = self.also
        return [
            readings[p]
            for p in sorted(positions)
            if (lemma, p) not in also or view.passes(also[lemma, p])
        ]


# The project's readings, then those derived from the CAMEO verb dictionary (generated by
# tools/build_triggers.py): a lemma's readings are tried in that order, a user's first.
TRIGGER_FILES = ("triggers.tsv", "cameo_verbs.tsv")
CLASS_FILES = ("classes.tsv", "cameo_classes.tsv")
# A derived reading of this type says the pattern is no PLOVER event ("release a statement")
# and stops the lemma's later readings.
NO_EVENT = "NONE"
# the condition of a curated row that only drops CAMEO's default reading of the lemma's verb
NO_DEFAULT = "nodefault"
# a verb reading's "of": the act is the other side's, done to the subject (CAMEO's "[:code]":
# "received backing from X" is X's support of the subject)
REVERSED = "rev"


def word_classes(user_dir: Path | None = None) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for name in CLASS_FILES:
        for row in read_rows("events", name, user_dir):
            classes.setdefault(row.cell(0), set()).update(row.cell(1).split())
    return {k: frozenset(v) for k, v in classes.items()}


def load_triggers(user_dir: Path | None = None) -> Triggers:
    """Lemma -> its readings in file order, a user's readings first; checked as read."""
    table: dict[str, list[Reading]] = {}
    classes = word_classes(user_dir)
    rows = [row for name in TRIGGER_FILES for row in read_rows("events", name, user_dir)]
    for row in sorted(rows, key=lambda r: not r.user):  # stable: file order within each
        number, line = row.line, "\t".join(row.cells)
        cells = [c.strip() for c in row.cells]
        where = f"{row.origin} line {number}"
        if len(cells) not in (6, 7):  # a 7th column is provenance (the CAMEO code)
            raise ConfigError(f"{where}: expected 6 columns: {line!r}")
        lemma, pos, etype, mode, condition, of_role = cells[:6]
        if etype not in PLOVER_TYPES and etype != NO_EVENT:
            raise ConfigError(f"{where}: unknown category {etype!r}")
        check_condition(condition, classes, where)
        if of_role not in {"-", "act", "rcp", REVERSED}:
            raise ConfigError(f"{where}: the of column is -, act, rcp or {REVERSED}: {of_role!r}")
        table.setdefault(lemma, []).append(
            Reading(
                lemma=lemma,
                pos=frozenset(pos),
                type=etype,
                mode=None if mode == "-" else mode,
                condition=None if condition == "-" else condition,
                of_role=None if of_role == "-" else of_role,
                line=number,
                origin=row.origin.rpartition("/")[2] if not row.user else row.origin,
                derived=not row.user and row.origin.endswith(TRIGGER_FILES[1:]),
                cameo=cells[6] if len(cells) == 7 else None,
            )
        )
    return Triggers(readings={k: overridden(v) for k, v in table.items()}, classes=classes)


def overridden(readings: list[Reading]) -> tuple[Reading, ...]:
    """A lemma's readings in the order they are tried: the curated ones (a user's, then the
    project's) with a condition; CAMEO's patterns that say a use is no event ("released a
    statement", "released a report"); the curated readings without a condition; CAMEO's
    other patterns; and CAMEO's default reading of a verb only where the curated table has no
    verb reading of that lemma (the curated table overrides the derived one; a curated
    pattern that only says a use is no event, "hold a press conference", does not; a
    curated `nodefault` row does, and is no reading itself)."""
    curated = [r for r in readings if not r.derived]
    # a curated "nodefault" row only drops CAMEO's default reading of its part of speech
    # ("lead", "control": CAMEO files them under material cooperation, 060)
    no_default = any(r.condition == NO_DEFAULT and "V" in r.pos for r in curated)
    curated = [r for r in curated if r.condition != NO_DEFAULT]
    curated_verb = no_default or any(
        "V" in r.pos and not (r.type == NO_EVENT and r.condition is not None) for r in curated
    )
    patterns = [r for r in readings if r.derived and r.condition is not None]
    defaults = [r for r in readings if r.derived and r.condition is None and not curated_verb]
    if not curated:
        return tuple(patterns + defaults)
    specific = [r for r in curated if r.condition is not None]
    general = [r for r in curated if r.condition is None]
    stops = [r for r in patterns if r.type == NO_EVENT]
    others = [r for r in patterns if r.type != NO_EVENT]
    return tuple(specific + stops + general + others + defaults)


def check_condition(condition: str, classes: dict[str, frozenset[str]], where: str) -> None:
    if "&" in condition:
        for part in condition.split("&"):
            check_condition(part, classes, where)
        return
    if condition in {
        "-",
        NO_DEFAULT,
        "comp",
        "nocomp",
        "noobj",
        "ownto",
        "passive",
        "question",
        "statecomp",
        "claimcomp",
        "forcecomp",
        "forceobj",
        "imputecomp",
    }:
        return
    key, sep, value = condition.partition("=")
    if key in PHRASE_KEYS and sep:
        for name in re.findall(r"@([\w-]+)", value):
            if name not in classes:
                raise ConfigError(f"{where}: unknown word class {name!r}")
        return
    if not sep or key not in {"obj", "prt", "prep", "adj", "subj", "subj!", "gov", "mod", "ownto"}:
        raise ConfigError(f"{where}: bad condition {condition!r}")
    if not all(value.split("|")):
        raise ConfigError(f"{where}: bad condition {condition!r} (an empty word)")
    if key in {"obj", "subj", "subj!", "gov", "mod", "ownto"}:
        for name in value.split("|"):
            if name not in classes:
                raise ConfigError(f"{where}: unknown word class {name!r}")


# spaCy's parts of speech that have readings, and the lexicon's letter for each
POS_PARTS = {"VERB": "V", "NOUN": "N", "PROPN": "N"}


def token_pos(tok: Any) -> str | None:
    return POS_PARTS.get(tok.pos_)


def lemma_of(tok: Any) -> str:
    return tok.lemma_.lower()


def in_classes(tok: Any | None, names: str, classes: dict[str, frozenset[str]]) -> bool:
    if tok is None:
        return False
    words = {lemma_of(tok), tok.lower_}
    return any(words & classes[name] for name in names.split("|"))


def direct_object(tok: Any) -> Any | None:
    """The verb's patient: its direct object, the subject of its passive ("the deal was
    signed"), the object of "agreed to", or the noun its relative clause hangs on."""
    for child in tok.children:
        if child.dep_ in {"dobj", "obj", "oprd", "nsubjpass"}:
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "on"}:
            # "agreed to a ceasefire", "came to an agreement"
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    if tok.dep_ == "relcl" or tok.dep_ == "acl":
        return tok.head
    return None


def subject(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if tok.dep_ in {"xcomp", "conj"} and tok.head.pos_ in {"VERB", "AUX"}:
        return subject(tok.head)
    return None


def holds(reading: Reading, view: PhraseView, triggers: Triggers) -> bool:
    cond = reading.condition
    if cond is None:
        return True
    return all(condition_holds(part, view, triggers) for part in split_condition(cond))


@functools.lru_cache(maxsize=65536)
def split_condition(condition: str) -> tuple[str, ...]:
    return tuple(condition.split("&"))


def condition_holds(cond: str, view: PhraseView, triggers: Triggers) -> bool:
    tok, classes = view.tok, triggers.classes
    if cond == "question":
        return asks_a_question(tok)
    if cond == "comp":
        return any(is_complement(c) for c in tok.children) or frames_what_came_before(tok)
    if cond == "nocomp":
        return not any(is_complement(c) for c in tok.children)
    if cond == "statecomp":  # "agreed that it was a big problem": accord with a view
        return any(c.dep_ == "ccomp" and is_state(c) for c in tok.children)
    if cond == "claimcomp":  # "insisted that the ministry would issue details": a claim
        return any(c.dep_ == "ccomp" and is_assertion(c) for c in tok.children)
    if cond == "forcecomp":  # "warned that it would retaliate": a threat, not a forecast
        warner = subject(tok)
        return any(is_said_act(c) and names_force(c, triggers, warner) for c in tok.children)
    if cond == "forceobj":  # "promised arrests", "vowed a crackdown": a threat, not a pledge
        patient = direct_object(tok)
        if patient is None or patient.pos_ not in {"NOUN", "PROPN"}:
            return False
        nouns = [patient, *(c for c in patient.children if c.dep_ == "conj")]
        return any(
            (reading := reading_for(n, triggers)) is not None and reading.type in FORCE_TYPES
            for n in nouns
        )
    if cond == "imputecomp":  # "said Russia was behind the attack": an accusation
        return any(
            c.dep_ == "ccomp" and imputed_party(c, classes) is not None for c in tok.children
        )
    if cond == "passive":  # "the proposal was met with criticism": received, not a meeting
        return is_passive(tok)
    if cond == "ownto":  # "sought to downplay the threat": an attempt, not a request
        return any(is_own_infinitive(c) for c in tok.children)
    if cond == "noobj":  # intransitive: "crowds demonstrated", not "demonstrated its power"
        return not any(c.dep_ in PATIENT_DEPS for c in tok.children)
    key, _, value = cond.partition("=")
    if key in PHRASE_KEYS:
        return phrase_holds(key, value, view, triggers.terms)
    if key == "obj":
        patient = direct_object(tok)
        if in_classes(patient, value, classes):
            return True
        inner = counted(patient) if patient is not None else None
        if inner is not None and in_classes(inner, value, classes):
            return True  # "regained most of the towns": what the quantity counts
        # "ended mediation efforts", "halted the aid programme", "imposed martial law": the
        # word before the head
        return patient is not None and any(
            c.dep_ in {"compound", "amod"} and in_classes(c, value, classes) for c in patient.lefts
        )
    if key == "ownto":  # "declined to comment": what the infinitive's verb is
        return any(is_own_infinitive(c) and in_classes(c, value, classes) for c in tok.children)
    if key == "subj":
        return in_classes(subject(tok), value, classes)
    if key == "subj!":
        return not in_classes(subject(tok), value, classes)
    if key == "gov":
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return verb.i != tok.i and in_classes(verb, value, classes)
    if key == "mod":
        return any(
            c.dep_ in {"compound", "amod", "nmod"} and in_classes(c, value, classes)
            for c in tok.lefts
        )
    words = set(value.split("|"))
    if key == "adj":  # an adjective complement: "pleaded guilty"
        return any(c.dep_ in {"acomp", "oprd"} and c.lower_ in words for c in tok.children)
    if key == "prt":
        return any(
            c.dep_ in {"prt", "prep", "advmod"}
            and c.lower_ in words
            and not out_of_after(tok, c)
            and not is_modified_adverb(c)
            for c in tok.children
        )
    # prep: not one whose object is a date or a time ("called in sick for three days")
    return any(
        c.dep_ in {"prep", "dative", "agent"} and c.lower_ in words and not is_time_adjunct(c)
        for c in tok.children
    )


def is_complement(child: Any) -> bool:
    """A clause that completes its verb: a clausal or infinitival complement, or an
    infinitive with its own subject after "for" ("asked for Park to receive a sentence",
    which the parse hangs on the verb as an adverbial clause)."""
    if child.dep_ in COMPLEMENT_DEPS:
        return True
    return child.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ == "for" for g in child.children
    )


def is_said_act(child: Any) -> bool:
    """A verb's clause or infinitive: what it says or vows ("warned that it would retaliate",
    "vowed to fight"), also an infinitive the parse hangs on it as a purpose ("vowed on
    Friday to fight the U.S.")."""
    if child.dep_ in COMPLEMENT_DEPS:
        return True
    return child.dep_ == "advcl" and is_subjectless_infinitive(child)


# What a warning must say its warner may do to be a threat (PLOVER: "the content of the
# threat" is a restriction, an arrest, an expulsion or violence).
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})


def names_force(clause: Any, triggers: Triggers, warner: Any = None) -> bool:
    """Whether a complement clause's verb, or a verb coordinated with it, is an act of force
    or restriction that the `warner` (the saying verb's subject) would do ("warned that it
    would retaliate", "that its army will respond") or have done to the clause's subject
    ("that Iran would face sanctions"); "warned there could be additional charges" and
    "analysts warned that the rebels could attack" forecast."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    for verb in verbs:
        reading = reading_for(verb, triggers)
        if reading is None or reading.type not in FORCE_TYPES:
            continue
        if reading.of_role == REVERSED or is_own_act(verb, warner, triggers.classes):
            return True
    return False


def is_own_act(verb: Any, warner: Any, classes: dict[str, frozenset[str]]) -> bool:
    """Whether a said act's doer is the sayer: no subject of its own, a pronoun, the same
    noun, or armed forces ("the army will respond")."""
    doer = subject(verb)
    if doer is None or doer.pos_ == "PRON" or warner is None:
        return True
    if doer.lemma_.lower() == warner.lemma_.lower() or in_classes(doer, "troop", classes):
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doer.children)


def out_of_after(verb: Any, word: Any) -> bool:
    """ "out" of a proportion, a count "out of" another ("rule 21 out of 29 states" is no
    ruling out), where "pulled out of the town" and "pulled its troops out of" keep the
    particle."""
    doc = word.doc
    if word.lower_ != "out" or word.i + 1 >= len(doc) or doc[word.i + 1].lower_ != "of":
        return False
    return word.i - 1 > verb.i and doc[word.i - 1].pos_ == "NUM"


def is_modified_adverb(word: Any) -> bool:
    """An adverb with an adverb of its own before it is a phrase, no particle: "turned the
    law upside down", "went further down the road" (not "turned down the offer")."""
    return word.dep_ == "advmod" and any(c.dep_ == "advmod" and c.i < word.i for c in word.children)


FRAME_MARKS = frozenset({",", "--", "\u2014", "\u2013"})


def frames_what_came_before(tok: Any) -> bool:
    """A verb with its subject after the words it frames, set off by a comma or a dash:
    "The government is hiding the truth, the union protested": the clause before is its
    complement, though the parse hangs the verb on it."""
    if tok.dep_ not in {"ccomp", "parataxis"} or tok.head.i >= tok.i:
        return False
    first = min((c.left_edge.i for c in tok.children if c.i < tok.i), default=tok.i)
    return first > tok.sent.start and tok.doc[first - 1].lower_ in FRAME_MARKS


def is_time_adjunct(prep: Any) -> bool:
    """A prepositional phrase on a date or a time: when or how long, not what the verb is
    for ("called in sick for the previous three days", "waited for hours")."""
    return any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in prep.children)


def reading_for(
    tok: Any, triggers: Triggers, pos: str | None = None, forms: tuple[str, ...] | None = None
) -> Reading | None:
    """The first reading of this token's lemma that fits its part of speech and condition
    (`pos` and `forms`: its `token_pos` and `forms_of`, where the caller has them)."""
    pos = pos or token_pos(tok)
    if pos is None:
        return None
    if forms is None:
        forms = triggers.forms_of(tok, pos)
    if not forms:
        return None
    view = PhraseView(tok)
    for form in forms:
        for reading in triggers.worth_trying(form, pos, view):
            if holds(reading, view, triggers):
                return reading
    return None
