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

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwire.budget import check_budget
from eventwire.errors import ConfigError
from eventwire.model import Actor, Doc, Event, Span
from eventwire.stages.s7_events.arguments import (
    Arguments,
    MentionIndex,
    count_of,
    is_eventive_noun,
    noun_arguments,
    speaker_actor,
    verb_arguments,
)
from eventwire.stages.s7_events.modality import (
    Modality,
    find_modality,
    passes,
    salience_of,
    token_span,
)
from eventwire.stages.s7_events.triggers import Reading, reading_for
from eventwire.stages.s7_events.vocabulary import load_vocabulary

STAGE = "events/1"
SCOPES = ("plover", "all")

# Acts often aimed across borders: the sentence's one country may well be the target's
# ("protesters stormed the US embassy"), so it is not lent to an actor without one.
CROSS_BORDER = frozenset({"ASSAULT", "SANCTION", "MOBILIZE", "THREATEN", "AID", "COOPERATE"})
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
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


@dataclass(frozen=True, slots=True)
class Candidate:
    token: Any
    reading: Reading | None  # None for OTHER events
    is_noun: bool


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


def sentence_span(sent: Any) -> Span:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Span(start, max(start, end))


def governing_candidate(tok: Any, by_index: dict[int, Candidate]) -> Candidate | None:
    cur = tok
    for _ in range(10):
        if not passes(cur):
            return None
        cur = cur.head
        if cur.i in by_index:
            return by_index[cur.i]
    return None


LOCATION_PREPS = frozenset({"in", "throughout", "across", "inside"})


def location_country(tok: Any, actors: tuple[Actor, ...], index: MentionIndex) -> str | None:
    """The country of a place phrase ("in Monrovia", "throughout Indonesia") attached to the
    trigger or to an actor's head, as the actor lexicon knows it (country or capital)."""
    doc = tok.doc
    heads = [tok]
    if tok.pos_ in {"NOUN", "PROPN"}:
        # "staged demonstrations throughout Indonesia": the phrase hangs on the light verb
        heads.append(tok.head.head if tok.dep_ == "pobj" else tok.head)
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


def is_event_object(tok: Any, by_index: dict[int, Candidate]) -> bool:
    """Whether a noun trigger is the object of a verb trigger ("rejected the request")."""
    if tok.dep_ in {"dobj", "obj"}:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        verb = tok.head.head
    else:
        return False
    gov = by_index.get(verb.i)
    return gov is not None and gov.reading is not None and not gov.is_noun


def folded_type(event_type: str, modality: str, rule: str) -> tuple[str, str]:
    if modality == "negated" and rule == "neg-refusal":
        return "REJECT", "plover:refusal"
    if modality == "planned" and event_type in COOPERATIVE:
        return "AGREE", "plover:planned-cooperation"
    if (modality == "planned" and event_type in FORCEFUL) or modality == "threatened":
        return "THREATEN", "plover:announced-force"
    if modality == "requested":
        return "REQUEST", "plover:requested"
    return event_type, "plover:same"


class EventStage:
    name = "events"
    needs = frozenset({"parsed", "body", "mentions"})
    gives = frozenset({"events"})

    def __init__(self, *, events: str = "plover", lexicons: Path | None = None) -> None:
        if events not in SCOPES:
            raise ConfigError(f"events must be one of {', '.join(SCOPES)}, not {events!r}")
        self.scope = events
        # read and check the lexicon now, not on the first article
        vocabulary = load_vocabulary(lexicons)
        self.triggers, self.cues = vocabulary.triggers, vocabulary.cues

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc.mentions)
        events: list[Event] = []
        for sent in doc.parsed.sents:
            check_budget()
            events += self.sentence_events(doc, sent, index, first_id=len(events) + 1)
        return replace(doc, events=tuple(events))

    def candidates(self, doc: Doc, sent: Any, index: MentionIndex) -> list[Candidate]:
        found: list[Candidate] = []
        for tok in sent:
            if tok.dep_ in {"amod", "compound"} or not doc.in_body(token_span(tok)):
                continue
            reading = reading_for(tok, self.triggers)
            if reading is not None:
                is_noun = tok.pos_ in {"NOUN", "PROPN"}
                if is_noun and not is_eventive_noun(
                    tok,
                    index,
                    object_verbs=self.cues.object_light_verbs,
                    subject_verbs=self.cues.subject_light_verbs,
                ):
                    continue
                found.append(Candidate(tok, reading, is_noun))
            elif (
                self.scope == "all"
                and tok.pos_ == "VERB"
                and tok.lemma_.lower() not in SKIP_OTHER_LEMMAS
            ):
                found.append(Candidate(tok, None, is_noun=False))
        by_index = {c.token.i: c for c in found}
        kept = []
        for cand in found:
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
        return kept

    def sentence_events(
        self, doc: Doc, sent: Any, index: MentionIndex, *, first_id: int
    ) -> list[Event]:
        cands = self.candidates(doc, sent, index)
        if not cands:
            return []
        by_index = {c.token.i: c for c in cands}
        sentence = sentence_span(sent)
        modalities: dict[int, Modality] = {}
        previous: Modality | None = None
        for cand in cands:
            modality = find_modality(cand.token, cues=self.cues, previous=previous)
            modalities[cand.token.i] = modality
            if cand.reading is not None:
                previous = modality
        plover: dict[int, tuple[str, str]] = {}

        def plover_of(cand: Candidate, depth: int = 0) -> tuple[str, str]:
            if cand.token.i in plover:
                return plover[cand.token.i]
            own = cand.reading.type if cand.reading else "OTHER"
            modality = modalities[cand.token.i].value
            result = (own, "plover:same")
            if cand.reading is not None and modality != "occurred":
                gov = governing_candidate(cand.token, by_index)
                if gov is not None and gov.reading is not None and depth < 5:
                    result = (
                        plover_of(gov, depth + 1)[0],
                        f"plover:governed-by:{gov.token.lemma_}",
                    )
                else:
                    result = folded_type(own, modality, modalities[cand.token.i].rule)
            plover[cand.token.i] = result
            return result

        events: list[Event] = []
        for cand in cands:
            tok = cand.token
            reading = cand.reading
            if cand.is_noun:
                of_role = reading.of_role if reading else None
                args = noun_arguments(tok, of_role, index, sent.start_char, self.cues)
            else:
                args = verb_arguments(tok, index, sent.start_char, self.cues)
            modality = modalities[tok.i]
            args = self.complete_arguments(tok, reading, args, modality, events, index)
            salience = salience_of(tok)
            if cand.is_noun and is_event_object(tok, by_index):
                # "rejected the U.S. request", "condemned the attack": PLOVER codes the verb
                salience = "background"
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
        return self.share_recipients(events, cands, by_index)

    def share_recipients(
        self, events: list[Event], cands: list[Candidate], by_index: dict[int, Candidate]
    ) -> list[Event]:
        """A governing event without recipients takes those of the events it governs:
        "threatened to impose restrictions against German goods" -> DEU."""
        position = {c.token.i: n for n, c in enumerate(cands)}
        shared = list(events)
        for n, cand in enumerate(cands):
            gov = governing_candidate(cand.token, by_index)
            if gov is None or not events[n].recipients:
                continue
            g = position[gov.token.i]
            if shared[g].recipients:
                continue
            extra = tuple(r for r in events[n].recipients if r not in shared[g].actors)
            if extra:
                shared[g] = replace(
                    shared[g], recipients=extra, trace=(*shared[g].trace, "recipient:governed")
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
        if modality.rule in {"modal:must", "modal:should"}:
            # "X said Y must withdraw": X asks, Y is asked
            speaker = speaker_actor(tok, index, self.cues)
            if speaker is not None and speaker not in args.actors:
                return replace(
                    args,
                    actors=(speaker,),
                    recipients=args.actors,
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
        if args.actors:
            # "students throughout Indonesia staged demonstrations", "police in Monrovia":
            # a group with no country of its own is taken as local to where it acts
            country, rule = location_country(tok, args.actors, index), "actor:location"
            if country is None and reading.type not in CROSS_BORDER:
                country, rule = sentence_country(tok, index), "actor:sentence-country"
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
