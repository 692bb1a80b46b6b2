"""Phrase conditions of trigger readings: the words of the phrase a verb takes decide its
category ("release PRISONERS" is a release, "release a STATEMENT" no event).

- `objw=SPEC`: the verb's direct object phrase;
- `subjw=SPEC`: its subject phrase;
- `ppw=PREP:SPEC`: the object of one of its prepositional phrases ("appear IN COURT");
- `particle=WORD`: its particle ("set OFF", "press ON"): a `prt` child, or the word right
  after the verb attached to it;
- `question`: the verb introduces a question ("asked whether", "asked if", "asked what",
  "asked about"), not a demand.

SPEC is `a+b|c`: alternatives separated by `|`, each a set of words joined by `+` that must
all be in the phrase (its head noun and that noun's compound, adjective and possessive
modifiers, as lemmas or as written); a word `@class` is any member of a word class (members
may be multi-word: "food+aid").

A lemma may have hundreds of such readings (CAMEO's patterns), so the phrases of a token are
read once (`PhraseView`) and the specs parsed once (`parse_spec`).
"""

from __future__ import annotations

import functools
from typing import Any

from eventwire.stages.s2_parse.lemmas import lemma_forms

PHRASE_KEYS = frozenset({"objw", "subjw", "ppw", "particle"})
QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who", "which"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
OBJECT_DEPS = frozenset({"dobj", "obj", "oprd"})
# heads that count or take part of what follows their "of" ("dozens of guests", "a group of
# journalists"): the phrase is about that noun
QUANTITY_HEADS = frozenset(
    "hundreds thousands dozens scores millions number group members some many most all part "
    "rest majority units contingent battalion score dozen handful couple pair total lot".split()
)
# CAMEO's 015, "acknowledge or claim responsibility": verbs that take responsibility for an
# act ("claimed responsibility for the bombing"); who takes it says it did the act.
CLAIMING_VERBS = frozenset("claim accept take assume admit acknowledge".split())
Spec = tuple[tuple[str, ...], ...]


def counted(tok: Any) -> Any | None:
    """The noun a quantity head counts: "guests" in "dozens of guests", "40 of them"; what
    an amount of money is in: "tariffs" in "$100 billion in tariffs"."""
    if tok.lower_ not in QUANTITY_HEADS and tok.pos_ != "NUM":
        return None
    inner = next(iter(of_phrases(tok)), None)
    if inner is None and tok.ent_type_ == "MONEY":
        inner = next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in pobjs(c)),
            None,
        )
    return inner


def counted_phrase_words(tok: Any) -> frozenset[str]:
    """`phrase_words`, with those of the noun a quantity head counts: "released hundreds of
    political prisoners" has prisoners for its object's words, as "released political
    prisoners" has."""
    words = phrase_words(tok)
    inner = counted(tok)
    return words if inner is None else words | phrase_words(inner)


def phrase_words(tok: Any) -> frozenset[str]:
    """The words of the noun phrase headed by `tok`: the head and its modifiers, and the
    hyphenated words they are part of ("re-election", "self-determination")."""
    words = {tok.lemma_.lower(), tok.lower_}
    words |= hyphenated(tok)
    for child in tok.children:
        if child.dep_ in MODIFIER_DEPS:
            words |= {child.lemma_.lower(), child.lower_}
            words |= hyphenated(child)
    return frozenset(words)


def hyphenated(tok: Any) -> set[str]:
    """The hyphenated word `tok` is part of, written with no spaces ("re-election" parsed as
    "re", "-", "election"; the lexicons write it whole), as written and with its last part's
    lemma ("counter-attacks" -> "counter-attack"); none for most tokens."""
    doc = tok.doc
    start = end = tok.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not (doc[start - 1].whitespace_ or doc[start - 2].whitespace_)
    ):
        start -= 2
    while (
        end + 2 < len(doc)
        and doc[end + 1].text == "-"
        and not (doc[end].whitespace_ or doc[end + 1].whitespace_)
    ):
        end += 2
    if start == end:
        return set()
    parts = [doc[k].lower_ for k in range(start, end)]
    return {"".join(parts) + doc[end].lower_, "".join(parts) + doc[end].lemma_.lower()}


@functools.lru_cache(maxsize=65536)
def parse_spec(spec: str) -> Spec:
    return tuple(tuple(alternative.split("+")) for alternative in spec.split("|"))


class ClassTerms:
    """Word classes split for matching: single words as a set, multi-word members apart."""

    def __init__(self, classes: dict[str, frozenset[str]]) -> None:
        self.single = {n: frozenset(m for m in ms if "+" not in m) for n, ms in classes.items()}
        self.multi = {
            n: tuple(tuple(m.split("+")) for m in ms if "+" in m) for n, ms in classes.items()
        }

    def holds(self, name: str, words: frozenset[str]) -> bool:
        if not words.isdisjoint(self.single.get(name, frozenset())):
            return True
        return any(all(w in words for w in member) for member in self.multi.get(name, ()))


def all_anchors(condition: str, terms: ClassTerms) -> tuple[tuple[str, frozenset[str]], ...]:
    """The quick tests of every phrase part of a condition, in order: all must pass for the
    condition to hold ("particle=up&objw=barricade" needs "up" as the particle and
    "barricade" in the object)."""
    found = (part_anchor(part, terms) for part in condition.split("&"))
    return tuple(anchor for anchor in found if anchor is not None)


def part_anchor(part: str, terms: ClassTerms) -> tuple[str, frozenset[str]] | None:
    """(where, words) for a quick test of one condition part: one of `words` must be in that
    phrase for the part to hold ("objw=prisoner|@cameo_hostage" needs "prisoner" or a hostage
    word among the object's words). None: no phrase part, no quick test."""
    key, _, spec = part.partition("=")
    if key == "particle":
        return "particle", frozenset({spec})
    if key not in {"objw", "subjw", "ppw"}:
        return None
    where = key
    if key == "ppw":
        prep, _, spec = spec.partition(":")
        where = f"ppw:{prep}"
    words: set[str] = set()
    for alternative in parse_spec(spec):
        term = alternative[0]
        if term.startswith("@"):
            name = term[1:]
            words |= terms.single.get(name, frozenset())
            words |= {member[0] for member in terms.multi.get(name, ())}
        else:
            words.add(term)
    return where, frozenset(words)


class PhraseView:
    """The phrases around one verb token, read once for all of its readings: its children
    are read in one pass, the phrases' words when a reading first asks for them."""

    def __init__(self, tok: Any) -> None:
        self.tok = tok
        self._places: frozenset[str] | None = None  # read with the rest by `read`
        self._objects: list[frozenset[str]] | None = None
        self._subjects: list[frozenset[str]] | None = None
        self._preps: dict[str, list[frozenset[str]]] | None = None
        self._unions: dict[str, frozenset[str]] = {}
        self._object_tokens: list[Any] = []
        self._subject_tokens: list[Any] = []
        self._prep_objects: list[tuple[str, list[Any]]] = []  # (preposition, its objects)
        self._passive = False

    def read(self) -> None:
        """Read the token's children: its phrases' places and heads, and its particles."""
        tok = self.tok
        places = set()
        objects: list[Any] = []
        subjects: list[Any] = []
        preps: list[tuple[str, list[Any]]] = []
        particles = set()
        after = tok.i + 1
        for c in tok.children:
            dep = c.dep_
            if dep in OBJECT_DEPS or dep == "nsubjpass":
                # a passive's subject is what the active's object would be ("a state of
                # emergency was declared"), and its agent the active's subject
                places.add("objw")
                objects.append(c)
            elif dep == "nsubj":
                places.add("subjw")
                subjects.append(c)
            elif dep == "agent":
                agents = [g for g in c.children if g.dep_ == "pobj"]
                if agents:
                    places.add("subjw")
                    subjects += agents
            if dep == "prep" or dep == "agent" or dep == "dative":
                lower = c.lower_
                places.add(f"ppw:{lower}")
                preps.append((lower, pobjs(c)))
            if dep == "prt" or (c.i == after and (dep == "advmod" or dep == "prep")):
                places.add("particle")
                particles.add(c.lower_)
        self._passive = any(c.dep_ == "nsubjpass" for c in objects)
        if not subjects and not self._passive and tok.dep_ in {"xcomp", "conj"}:
            places.add("subjw")  # the subject may be its head's (`subjects`)
        if "ppw:of" not in places and any(
            of_phrases(n) for n in [*objects, *(noun for _, nouns in preps for noun in nouns)]
        ):
            places.add("ppw:of")  # an "of" phrase on a noun of the verb (`prepositional`)
        self._places = frozenset(places)
        self._object_tokens, self._subject_tokens, self._prep_objects = objects, subjects, preps
        self._unions["particle"] = frozenset(particles)

    @property
    def places(self) -> frozenset[str]:
        """The places this token has a phrase at: "objw", "subjw", "ppw:PREP", "particle"
        (a verb has a few; a lemma's patterns name dozens)."""
        if self._places is None:
            self.read()
            assert self._places is not None
        return self._places

    @property
    def objects(self) -> list[frozenset[str]]:
        if self._objects is None:
            if self._places is None:
                self.read()
            found = self._object_tokens
            found = found + [c for o in found for c in o.children if c.dep_ == "conj"]
            self._objects = [counted_phrase_words(o) for o in found]
        return self._objects

    @property
    def subjects(self) -> list[frozenset[str]]:
        if self._subjects is None:
            if self._places is None:
                self.read()
            found = self._subject_tokens
            if not found and not self._passive:
                found = subjects(self.tok)  # an infinitive's or a conjunct's: its head's
            self._subjects = [counted_phrase_words(s) for s in found]
        return self._subjects

    def union(self, where: str) -> frozenset[str]:
        """All the words of the phrases at `where` ("objw", "subjw", "ppw:in"), or the
        token's particles ("particle")."""
        if self._places is None:
            self.read()
        known = self._unions.get(where)
        if known is not None:
            return known
        if where == "objw":
            phrases = self.objects
        elif where == "subjw":
            phrases = self.subjects
        else:
            phrases = self.prepositional(where.partition(":")[2])
        found = frozenset().union(*phrases) if phrases else frozenset()
        self._unions[where] = found
        return found

    def passes(self, anchors: tuple[tuple[str, frozenset[str]], ...]) -> bool:
        """Whether every quick test (`all_anchors`) passes here: a phrase at each place,
        holding one of its words."""
        for where, words in anchors:
            if where not in self.places or self.union(where).isdisjoint(words):
                return False
        return True

    def prepositional(self, prep: str) -> list[frozenset[str]]:
        if self._preps is None:
            if self._places is None:
                self.read()
            self._preps = {}
            nouns = list(self._object_tokens)
            for lower, grands in self._prep_objects:
                for grand in grands:
                    self._preps.setdefault(lower, []).append(counted_phrase_words(grand))
                    nouns.append(grand)
            # CAMEO's patterns are word sequences: the "of" of "* STATE OF EMERGENCY" or
            # "* ON STATE OF ALERT" follows the object or another phrase's noun, which the
            # parse hangs it on ("declared a state of emergency")
            for noun in nouns:
                for inner in of_phrases(noun):
                    self._preps.setdefault("of", []).append(counted_phrase_words(inner))
        return self._preps.get(prep, [])


def pobjs(prep: Any) -> list[Any]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def of_phrases(noun: Any) -> list[Any]:
    """The nouns of the "of" phrases a noun takes ("emergency" in "a state of emergency")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)]


def responsibility_claimer(noun: Any) -> Any | None:
    """The verb by which someone takes responsibility for the act a noun names ("the group
    claimed responsibility for the bombing": "claimed"), or None. A denial of it is no
    claim ("denied responsibility for the attack")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    taken = noun.head.head
    if taken.lemma_.lower() != "responsibility" or taken.dep_ not in {"dobj", "obj"}:
        return None
    verb = taken.head
    if verb.pos_ != "VERB" or not lemma_forms(verb) & CLAIMING_VERBS:
        return None
    return verb


def subjects(tok: Any) -> list[Any]:
    found = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not found and tok.dep_ in {"xcomp", "conj"} and tok.head.pos_ in {"VERB", "AUX"}:
        return subjects(tok.head)
    return found


def spec_holds(spec: str, words: frozenset[str], terms: ClassTerms) -> bool:
    for alternative in parse_spec(spec):
        if all(terms.holds(t[1:], words) if t.startswith("@") else t in words for t in alternative):
            return True
    return False


def asks_a_question(tok: Any) -> bool:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ == "prep" and any(
            g.dep_ in {"det", "advmod"} and g.lower_ in QUESTION_WORDS for g in child.subtree
        ):
            return True  # "asked on what basis France became involved"
        if child.dep_ in {"ccomp", "xcomp", "advcl"} and any(
            g.lower_ in QUESTION_WORDS and g.i < child.i for g in child.subtree
        ):
            return True
    return False


def phrase_holds(key: str, value: str, view: PhraseView, terms: ClassTerms) -> bool:
    if key == "particle":
        return value in view.union("particle")
    if key == "objw":
        phrases = view.objects
    elif key == "subjw":
        phrases = view.subjects
    else:
        prep, _, value = value.partition(":")
        phrases = view.prepositional(prep)
    return any(spec_holds(value, words, terms) for words in phrases)
