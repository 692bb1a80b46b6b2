"""The event stage's word lists, read from data files (with a user's additions):

- `events/triggers.tsv`, `events/classes.tsv`: trigger readings and word classes (triggers.py);
- `events/modality.tsv`: the words that decide modality (governing verbs, adjectives and
  nouns, modals, adverbs, conditional marks);
- `events/light_verbs.tsv`: verbs that only say that an event noun's event happened;
- `events/discards.tsv`: phrases that make a sentence or a story sport or entertainment;
- `events/noun_kinds.tsv`: nouns that cannot do a political act (doers.py), from WordNet;
- `sources/cues.tsv`: the reporting verbs, one list shared with the sources stage.

`load_vocabulary` reads them once per process and lexicon folder (once per change of them
where a cache folder keeps the result); the stage passes it down to the functions that read
it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.data import read_rows
from eventwire.data.built import cached_build
from eventwire.errors import ConfigError
from eventwire.model import MODALITIES
from eventwire.stages.s7_events.doers import NOUN_KINDS
from eventwire.stages.s7_events.modality import Cues
from eventwire.stages.s7_events.triggers import Triggers, load_triggers

CUE_KINDS = (
    "verb",
    "verb-to",
    "verb-claim",
    "verb-obj-to",
    "verb-of",
    "adjective",
    "noun",
    "modal",
    "strong-modal",
    "adverb",
    "weak-adverb",
    "conditional",
    "subject-be-to",
)
LIGHT_ROLES = ("object", "subject")
DISCARD_SCOPES = ("sentence", "story")


@dataclass(frozen=True, slots=True)
class Discards:
    """Phoenix's discard phrases (whole words, any case, any spacing), by scope. A text is
    searched only for the phrases whose every word it holds: thousands of phrases, of which
    a text holds the words of a few or none."""

    # first word -> (the phrase's words, the phrase, its scope) of each phrase it starts
    by_first_word: dict[str, tuple[tuple[frozenset[str], str, str], ...]] = field(
        default_factory=dict
    )

    def in_sentence(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase) of each sentence-level phrase in `text`."""
        return self.found_in("sentence", text)

    def in_story(
        self, text: str, held: list[tuple[str, str]] | None = None
    ) -> Iterator[tuple[int, int, str]]:
        """The story-level phrases in `text` (`held`: `held(text)`, where known)."""
        return self.found_in("story", text, held)

    def held(self, text: str) -> list[tuple[str, str]]:
        """(phrase, scope) of the phrases whose every word `text` holds: with none, none of
        its sentences holds a phrase either, and none need be searched."""
        words = set(WORDS.findall(text.lower()))
        return [
            (phrase, scope)
            for word in words
            for needed, phrase, scope in self.by_first_word.get(word, ())
            if needed <= words
        ]

    def found_in(
        self, scope: str, text: str, held: list[tuple[str, str]] | None = None
    ) -> Iterator[tuple[int, int, str]]:
        """The phrases of `scope` in `text` (`held`: `held(text)`, where known)."""
        if held is None:
            held = self.held(text)
        phrases = tuple(sorted(p for p, s in held if s == scope))
        pattern = phrase_pattern(phrases)
        if pattern is None:
            return
        for match in pattern.finditer(text):
            yield match.start(), match.end(), " ".join(match.group().lower().split())


WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=1024)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    # longest first, so that "world war ii" is named rather than "world war i"
    parts = [r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def load_discards(user_dir: Path | None = None) -> Discards:
    index: dict[str, list[tuple[frozenset[str], str, str]]] = {}
    for row in read_rows("events", "discards.tsv", user_dir):
        if row.cell(1) not in DISCARD_SCOPES or not row.cell(0).split():
            raise ConfigError(
                f"{row.origin} line {row.line}: expected a phrase and sentence or story"
            )
        phrase = row.cell(0).lower()
        words = WORDS.findall(phrase)
        if words:
            index.setdefault(words[0], []).append((frozenset(words), phrase, row.cell(1)))
    return Discards({word: tuple(entries) for word, entries in index.items()})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    triggers: Triggers
    cues: Cues
    discards: Discards
    noun_kinds: dict[str, str] = field(default_factory=dict)


def load_noun_kinds(user_dir: Path | None = None) -> dict[str, str]:
    """noun -> one of `NOUN_KINDS` but `actor` (`doers.py`); a user's row for a noun replaces
    the bundled one, and `actor` says that a noun may act after all."""
    kinds: dict[str, str] = {}
    for row in read_rows("events", "noun_kinds.tsv", user_dir):
        if row.cell(1) not in NOUN_KINDS or not row.cell(0):
            raise ConfigError(
                f"{row.origin} line {row.line}: expected a noun and one of {', '.join(NOUN_KINDS)}"
            )
        kinds[row.cell(0).lower()] = row.cell(1)
    return kinds


def load_cues(user_dir: Path | None = None) -> Cues:
    by_kind: dict[str, dict[str, str]] = {kind: {} for kind in CUE_KINDS}
    for row in read_rows("events", "modality.tsv", user_dir):
        word, kind, modality = row.cell(0), row.cell(1), row.cell(2)
        if kind not in CUE_KINDS or modality not in MODALITIES:
            got = " | ".join(row.cells)
            raise ConfigError(
                f"{row.origin} line {row.line}: expected a word, one of {', '.join(CUE_KINDS)} "
                f"and a modality; got {got!r}"
            )
        by_kind[kind][word] = modality
    light: dict[str, set[str]] = {role: set() for role in LIGHT_ROLES}
    for row in read_rows("events", "light_verbs.tsv", user_dir):
        if row.cell(1) not in LIGHT_ROLES:
            raise ConfigError(f"{row.origin} line {row.line}: role must be object or subject")
        light[row.cell(1)].add(row.cell(0))
    reporting = frozenset(row.cell(0) for row in read_rows("sources", "cues.tsv", user_dir))
    return Cues(
        by_kind=by_kind,
        reporting_verbs=reporting,
        object_light_verbs=frozenset(light["object"]),
        subject_light_verbs=frozenset(light["subject"]),
        light_verbs=frozenset(light["object"] | light["subject"]),
        planning_verbs=frozenset(w for w, m in by_kind["verb"].items() if m == "planned"),
    )


@functools.lru_cache(maxsize=4)
def load_vocabulary(user_dir: Path | None = None, cache_dir: Path | None = None) -> Vocabulary:
    """The event stage's vocabulary, checked as it is read (a ConfigError names the line);
    with a `cache_dir`, kept there once built (`eventwire.data.built`: the tens of thousands
    of CAMEO readings take most of a second to read and index)."""
    return cached_build(
        "events",
        lambda: Vocabulary(
            triggers=load_triggers(user_dir),
            cues=load_cues(user_dir),
            discards=load_discards(user_dir),
            noun_kinds=load_noun_kinds(user_dir),
        ),
        cache_dir=cache_dir,
        areas=("events", "sources"),
        user_dir=user_dir,
        packages=(__package__ or "",),
    )


def headline_words(user_dir: Path | None = None, cache_dir: Path | None = None) -> frozenset[str]:
    """Words of the event lexicon that are common words, not names: trigger lemmas and the
    words of the word classes (the parse stage lowers them in Title Case headlines)."""
    triggers = load_vocabulary(user_dir, cache_dir).triggers
    words = {*triggers.readings, *(w for ws in triggers.classes.values() for w in ws)}
    return frozenset(w.lower() for w in words)


def event_verbs(user_dir: Path | None = None, cache_dir: Path | None = None) -> frozenset[str]:
    """Lemmas with a verb reading of an event (not NONE): the words the parse stage may read
    as a headline's verb."""
    triggers = load_vocabulary(user_dir, cache_dir).triggers
    return frozenset(
        lemma.lower()
        for lemma, readings in triggers.readings.items()
        if any("V" in r.pos and r.type != "NONE" for r in readings) and lemma.isalpha()
    )


# verbs of asking for and threatening an act, and the commitments made in words, whose
# speaker acts by saying them ("called for", "urged", "vowed to")
SPEECH_ACT_MODALITIES = frozenset({"requested", "threatened"})
PROMISES = frozenset({"promise", "pledge", "vow"})
# verbs of those modalities that state a need rather than say anything ("needed aid")
STATE_VERBS = frozenset({"need", "require", "necessitate", "want", "seek"})


def speaker_verbs(user_dir: Path | None = None, cache_dir: Path | None = None) -> frozenset[str]:
    """Verbs by which a speaker says, asks for or commits to something ("said", "called for",
    "urged", "vowed"): the reporting cues, and the modality cues' verbs of request and
    threat (not those of a need), and promises."""
    cues = load_vocabulary(user_dir, cache_dir).cues
    verbs = cues.of("verb")
    acts = {w for w, m in verbs.items() if m in SPEECH_ACT_MODALITIES and w not in STATE_VERBS}
    return frozenset(cues.reporting_verbs | acts | (PROMISES & verbs.keys()))
