"""Attributions: every statement, belief, intention, finding, denial or question the text
attributes to a source, with its cue and its content (one piece or several).

Built from the quote candidates and from cues of their own:

- an indirect quote (a reporting verb's clause, "according to X") is a statement's content,
  with its "that";
- a reporting verb with no clause of its own: parenthetical in the clause it reports ("The
  museum, he said, celebrated ..."), or a verb of `attribution_cues.tsv` with its content
  form ("X cited the figure");
- "according to X" in the middle of its clause ("A, according to X, B");
- a verb of `attribution_cues.tsv` alone: "X believes ...", "X wants to ...", "a poll shows
  ...", "X denied ...", "X asked whether ..."; a noun of `attribution_nouns.tsv`: "Trump's
  claim that ..." (`noun_cues.py`);
- an agentless passive of a verb whose row has the `passive` form ("X is expected to win"):
  kept without a speaker, its content the subject and the complement;
- direct quotes join the attribution of their cue: a quote inside its cue's clause is part
  of it ("X reported that ... “...”"), quotes sharing a cue in one paragraph are its pieces
  ("“A,” she said. “B.”"), and so is a quote that continues another in its paragraph; any
  other direct quote is an attribution of its own.

An attribution whose cue lies inside another's content and has the same speaker is a part
of that one ("X wanted [to know who ...]") and is dropped; so is one found from a cue of its
own (not a quote's) inside quotation marks or inside another's content: a belief in a quote
("“I think ...,” she said") is part of the statement. Speakers become Sources in
`sources.py`, as quotes' do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.model import Span
from eventwire.stages.s2_parse.lemmas import lemmas_to_try
from eventwire.stages.s2_parse.tokens import paragraph_of, text_of_doc
from eventwire.stages.s6_sources.contents import (
    OBJECT_DEPS,
    according_middle,
    complement,
    parenthetical,
    passive_content,
    with_that,
)
from eventwire.stages.s6_sources.lexicon import AttributionCue, SourceLexicon
from eventwire.stages.s6_sources.noun_cues import NounCue
from eventwire.stages.s6_sources.quote_marks import find_quote_marks
from eventwire.stages.s6_sources.quotes import QuoteCandidate, marked_region
from eventwire.stages.s6_sources.speakers import (
    RELATIVE_PRONOUNS,
    Cue,
    cue_of,
    find_speaker,
    token_span,
)

# Kinds whose cue still attributes its content when negated ("she does not believe ...",
# "he did not want to ..."). A negation after the verb is the parser's misreading and is
# ignored for every kind.
ATTITUDES = frozenset({"belief", "intention"})
# The auxiliaries a passive cue starts from ("[is] expected", "[has been] accused").
PASSIVE_AUX = frozenset({"aux", "auxpass", "neg"})


@dataclass(frozen=True, slots=True)
class AttributionCandidate:
    content: tuple[Span, ...]
    cue: Cue | None  # None for a quote that continues another's speaker
    kind: str
    quotes: tuple[int, ...] = ()  # indices into the quote candidates
    direct: bool = False
    # the source's mention at the cue when it is not the speaker's phrase: the relative
    # pronoun of "Smith, who said ..." (the source is still Smith)
    mention: Span | None = None
    # a passive cue with no agent ("X is expected to win"): the attribution of no one in
    # particular, kept without a speaker
    agentless: bool = False


def cue_entry(tok: Any, lexicon: SourceLexicon) -> tuple[Any, Any] | None:
    """The attribution cue row a verb token matches: (the token of its preposition or
    particle, or None; the row). A preposition's object is the content ("called for [X]"); a
    particle only completes the verb ("pointed out [that ...]")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    words = [c for c in tok.rights if c.dep_ in ("prep", "prt")]
    for lemma in lemmas_to_try(tok):  # "hopes": the model's lemma "hop", then "hope"
        for word in words:
            entry = lexicon.attribution_cues.get((lemma, word.lower_))
            if entry is not None:
                return word, entry
        entry = lexicon.attribution_cues.get((lemma, None))
        if entry is not None:
            return None, entry
    return None


def preposition_of(word: Any) -> str | None:
    """The preposition whose object is a cue's content; None for no word or a particle."""
    return word.lower_ if word is not None and word.dep_ == "prep" else None


def kind_of(parsed: Any, cue: Cue, lexicon: SourceLexicon) -> str:
    entry = cue_entry(parsed[cue.token], lexicon)
    return entry[1].kind if entry is not None else "statement"


@dataclass(frozen=True, slots=True)
class VerbCue:
    """A verb of `attribution_cues.tsv` with its speaker (a cue of no quote so far)."""

    cue: Cue
    particle: str | None
    row: AttributionCue
    passive: tuple[Span, ...] = ()  # the content of an agentless passive (no speaker)
    by_record: bool = False  # the speaker is a document, a poll or a study (form `record`)


def find_verb_cues(parsed: Any, lexicon: SourceLexicon, taken: set[int]) -> list[VerbCue]:
    """Verbs of `attribution_cues.tsv` that are not reporting cues (`taken`), with a speaker
    in their paragraph. They are cues for direct quotes too ("“...,” he recalled")."""
    found: list[VerbCue] = []
    for tok in parsed:
        if tok.i in taken:
            continue
        entry = cue_entry(tok, lexicon)
        if entry is None:
            continue
        word, row = entry
        negated = any(c.dep_ == "neg" and c.i < tok.i for c in tok.children)
        if negated and row.kind not in ATTITUDES:
            continue  # "did not say" says nothing; "does not think" is still a belief
        speaker, first = find_speaker(tok, lexicon)
        if speaker is None and "passive" in row.forms:
            pieces = passive_content(parsed, tok)
            if pieces:
                start = min([tok.idx] + [c.idx for c in tok.lefts if c.dep_ in PASSIVE_AUX])
                span = Span(start, tok.idx + len(tok.text))
                found.append(VerbCue(cue_of(span, tok, None, "direct"), None, row, pieces))
            continue
        if speaker is None or not paragraph_of(parsed, tok.idx).contains(token_span(speaker)):
            continue
        end = tok.idx + len(tok.text) if word is None else word.idx + len(word.text)
        cue = cue_of(Span(min(parsed[first].idx, tok.idx), end), tok, speaker, "direct")
        by_record = lexicon.nouns.get(speaker.lemma_.lower()) == "document"
        found.append(VerbCue(cue, preposition_of(word), row, by_record=by_record))
    return found


def verb_attributions(parsed: Any, verbs: list[VerbCue]) -> list[AttributionCandidate]:
    found: list[AttributionCandidate] = []
    for verb in verbs:
        if verb.passive:
            found.append(
                AttributionCandidate(verb.passive, verb.cue, verb.row.kind, agentless=True)
            )
            continue
        content = complement(parsed, parsed[verb.cue.token], forms_for(verb), verb.particle)
        if content is None or (verb.cue.speaker is not None and verb.cue.speaker.overlaps(content)):
            continue
        found.append(AttributionCandidate((content,), verb.cue, verb.row.kind))
    return found


def forms_for(verb: VerbCue) -> tuple[str, ...]:
    """The cue's content forms, `record` read as `object` when a document, a poll or a study
    speaks ("a 2014 study found 31 incidents") and left out otherwise ("police found the
    body" attributes nothing)."""
    if "record" not in verb.row.forms:
        return verb.row.forms
    return tuple(
        "object" if f == "record" else f for f in verb.row.forms if f != "record" or verb.by_record
    )


def reporting_cues(
    parsed: Any, lexicon: SourceLexicon, cues: list[Cue], taken: set[int]
) -> list[AttributionCandidate]:
    """Reporting cues that gave no indirect quote: parenthetical ones, "according to" in
    mid-clause, and verbs whose content is an object or an infinitive."""
    found: list[AttributionCandidate] = []
    for cue in cues:
        if cue.token in taken or cue.speaker is None:
            continue
        verb = parsed[cue.token]
        pieces: tuple[Span, ...] = ()
        if verb.lower_ == "according":
            pieces = according_middle(parsed, cue)
        else:
            pieces = parenthetical(parsed, cue)
            entry = cue_entry(verb, lexicon)
            if not pieces and entry is not None:
                content = complement(parsed, verb, entry[1].forms, preposition_of(entry[0]))
                pieces = (content,) if content is not None else ()
        if pieces and not any(cue.speaker.overlaps(p) for p in pieces):
            found.append(AttributionCandidate(pieces, cue, kind_of(parsed, cue, lexicon)))
    return found


def join_direct(
    parsed: Any, found: list[AttributionCandidate], quotes: list[QuoteCandidate]
) -> list[AttributionCandidate]:
    """Direct quotes into the attribution of their cue, or into attributions of their own."""
    regions = {q.span: marked_region(q) for q in find_quote_marks(text_of_doc(parsed))}
    holder: dict[int, int] = {}  # quote candidate -> attribution index
    for i, quote in enumerate(quotes):
        if not quote.direct:
            continue
        region = regions.get(quote.span, quote.span)
        para = paragraph_of(parsed, quote.span.start)
        target: int | None = None
        if quote.cue is not None:
            for index, cand in enumerate(found):
                same_cue = cand.cue is not None and cand.cue.token == quote.cue.token
                if same_cue and para.contains(cand.content[0]):
                    target = index
                    break
        elif quote.continues is not None and quote.continues in holder:
            index = holder[quote.continues]
            if para.contains(found[index].content[0]):
                target = index
        else:  # an uncued quote inside a cue's content ("X called it “...”")
            target = next(
                (k for k, c in enumerate(found) if any(p.overlaps(region) for p in c.content)),
                None,
            )
        if target is None:
            found.append(AttributionCandidate((quote.span,), quote.cue, "statement", (i,), True))
            holder[i] = len(found) - 1
            continue
        cand = found[target]
        if any(p.overlaps(region) for p in cand.content):
            content = tuple(
                Span(min(p.start, quote.span.start), max(p.end, quote.span.end))
                if p.overlaps(region)
                else p
                for p in cand.content
            )
        else:
            content = tuple(sorted((*cand.content, quote.span), key=lambda s: s.start))
        found[target] = replace(cand, content=content, quotes=(*cand.quotes, i), direct=True)
        holder[i] = target
    return found


def drop_parts(parsed: Any, found: list[AttributionCandidate]) -> list[AttributionCandidate]:
    """Drop an attribution whose cue lies in another's content with the same speaker, and
    one of a cue of its own (not a quote's) inside quotation marks or another's content:
    "“I think ...,” she said" is her statement, not a second, nested attribution."""
    regions = [marked_region(q) for q in find_quote_marks(text_of_doc(parsed))]
    kept: list[AttributionCandidate] = []
    for cand in found:
        cue = cand.cue
        if cue is None:
            kept.append(cand)
            continue
        inside = [
            other
            for other in found
            if other is not cand and any(p.contains(cue.span) for p in other.content)
        ]
        if any(o.cue is not None and o.cue.speaker_head == cue.speaker_head for o in inside):
            continue
        if not cand.quotes and (inside or any(r.contains(cue.span) for r in regions)):
            continue
        kept.append(cand)
    return kept


def find_attributions(
    parsed: Any,
    lexicon: SourceLexicon,
    quotes: list[QuoteCandidate],
    cues: list[Cue],
    verbs: list[VerbCue],
    nouns: list[NounCue],
) -> list[AttributionCandidate]:
    """Attribution candidates, in text order; `quotes` indexes the quote candidates, `cues`
    are the reporting cues (`find_cues`), `verbs` and `nouns` the other attribution cues."""
    found: list[AttributionCandidate] = []
    taken: set[int] = set()
    for i, quote in enumerate(quotes):
        if quote.direct or quote.cue is None:
            continue
        clause = with_that(parsed, quote.span)
        found.append(
            AttributionCandidate((clause,), quote.cue, kind_of(parsed, quote.cue, lexicon), (i,))
        )
        taken.add(quote.cue.token)
    # A verb whose object is a noun cue it voices ("expressed hope that ...", "announced
    # plans to ...") leaves the attribution to the noun: its content is the noun's clause.
    voiced = {n.cue.token for n in nouns}
    found += [
        c
        for c in reporting_cues(parsed, lexicon, cues, taken) + verb_attributions(parsed, verbs)
        if c.cue is None
        or not any(o.i in voiced for o in parsed[c.cue.token].rights if o.dep_ in OBJECT_DEPS)
    ]
    found += [AttributionCandidate((n.content,), n.cue, n.kind) for n in nouns]
    found = join_direct(parsed, found, quotes)
    found = [replace(c, mention=relative_subject(parsed, c.cue)) for c in drop_parts(parsed, found)]
    return sorted(found, key=lambda c: (c.content[0].start, c.content[-1].end))


def relative_subject(parsed: Any, cue: Cue | None) -> Span | None:
    if cue is None or cue.token >= len(parsed):
        return None
    verb = parsed[cue.token]
    if verb.dep_ != "relcl":
        return None
    for child in verb.children:
        relative = child.lower_ in RELATIVE_PRONOUNS and child.tag_ in ("WDT", "WP")
        if child.dep_ in ("nsubj", "nsubjpass") and relative:
            return token_span(child)
    return None
