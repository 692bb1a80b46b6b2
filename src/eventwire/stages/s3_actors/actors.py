"""Actor stage: reads the parse, adds `Mention`s of people, groups, organisations and states,
each resolved (where the lexicon allows) to an `Actor`: country, sector, role and sponsor.

How an actor is resolved, for a noun-phrase head:
1. a known name at the head (organisations first, then countries, capitals and demonyms:
   "Hezbollah" -> LBN REB, "Washington" -> USA GOV, "Iraqis" -> IRQ);
2. otherwise the head's sector word ("officials" GOV, "troops" MIL, "militias" REB) or, for a
   person, the title beside the name ("Serbian President X", "X, adviser to ...");
3. the country from the phrase's modifiers and attachments ("Iraqi officials", "Iraq's Prime
   Minister", "forces from Iraq"), except a sponsor ("Iran-backed militias" -> sponsor IRN).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.budget import check_budget
from eventwire.model import Actor, Doc, Mention, Span
from eventwire.stages.s2_parse.tokens import entity_range, tokens_in
from eventwire.stages.s3_actors.coreference import corefer_titles
from eventwire.stages.s3_actors.lexicon import ActorLexicon, Entry, SectorWord, load_lexicon

STAGE = "actors/1"

# Dependency labels of a head's left modifiers that belong to its noun phrase.
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "npadvmod", "nmod", "quantmod", "case", "punct"}
)
# Prepositions whose object can give the country of a group ("officials from Iraq").
COUNTRY_PREPS = frozenset({"of", "from", "in", "to"})
SPONSOR_LEMMAS = frozenset({"back", "support", "sponsor", "fund", "arm", "ally", "align"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
MEMBER_NOUNS = frozenset(
    "member members head chief representative representatives delegate delegates delegation "
    "envoy spokesman spokeswoman spokesperson leader leaders".split()
)
NON_COUNTRY_CODES = frozenset({"IGO", "NGO", "MED"})


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    start: int  # token index
    end: int  # token index, exclusive


def in_long_entity(tok: Any) -> bool:
    """Whether the token is part of a named entity of two or more tokens (a person's name
    "Chad Smith"; the tagger's one-word PERSON "Ugandan" is no name)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


def is_whole_entity(doc: Any, start: int, size: int) -> bool:
    """Whether tokens start..start+size are a whole named entity, no more and no less: a
    country's name the tagger took for a person's ("Sri Lanka", "Papua New Guinea")."""
    end = start + size
    return (
        doc[start].ent_iob_ == "B"
        and all(doc[k].ent_iob_ == "I" for k in range(start + 1, end))
        and (end == len(doc) or doc[end].ent_iob_ != "I")
    )


def is_country_not_person(head: Any, match: Match) -> bool:
    """Whether a country's name that the tagger took for a one-word person's name is the
    country ("Mali condemned the attack", "Niger expelled the envoy"): so unless the article
    names a person of that name in full ("Michael Jordan ... Jordan said")."""
    if match.entry.kind != "country" or in_long_entity(head):
        return False
    return not any(
        ent.label_ == "PERSON" and len(ent) > 1 and any(t.text == head.text for t in ent)
        for ent in head.doc.ents
    )


def inside_longer_name(doc: Any, start: int, size: int) -> bool:
    """Whether tokens start..start+size sit inside a longer named entity that begins before
    them (an organisation's name that merely ends with a known body's name)."""
    tok = doc[start]
    if tok.ent_iob_ != "I" or tok.ent_type_ not in {"ORG", "FAC", "WORK_OF_ART", "EVENT"}:
        return False
    first = start
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    # "The UN Security Council": only a determiner before it, so the name is the body's own
    return any(t.pos_ not in {"DET", "PUNCT"} for t in doc[first:start])


def after_new(doc: Any, start: int) -> bool:
    """Whether a country's or capital's name is the end of a name that begins with "New"
    ("New Mexico", "New South Wales", "New England"): another place, named after it."""
    first = start
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text != "New":
        first -= 1
    return first > 0 and doc[first - 1].text == "New" and start - first <= 1


def find_matches(parsed: Any, lexicon: ActorLexicon) -> dict[int, Match]:
    """Token index -> the longest lexicon form covering it."""
    table = lexicon.forms
    firsts = lexicon.first_words
    found: dict[int, Match] = {}
    n = len(parsed)
    i = 0
    while i < n:
        tok = parsed[i]
        longest = firsts.get(tok.text)
        hit: Match | None = None
        if longest:
            for size in range(min(longest, n - i), 0, -1):
                key = tuple(t.text for t in parsed[i : i + size])
                entry = table.get(key)
                if entry is None:
                    continue
                # a person's name only where the parser sees a name; a place or body's form
                # never inside a person's name ("Chad", "Jordan")
                in_name = (
                    tok.ent_type_ == "PERSON"
                    and in_long_entity(tok)
                    and not (entry.kind == "country" and is_whole_entity(parsed, i, size))
                )
                if entry.kind == "person" and not (in_name or tok.pos_ == "PROPN"):
                    continue
                if entry.kind == "person" and has_other_given_name(parsed, i, size, lexicon):
                    continue  # "Melania Trump", "Billy Downer": not the office-holder
                if entry.kind != "person" and in_name:
                    continue
                if entry.kind == "org" and inside_longer_name(parsed, i, size):
                    continue  # "All Progressives Congress" is no US Congress
                if entry.kind in {"country", "capital"} and after_new(parsed, i):
                    continue  # "New Mexico", "New South Wales": a state, not Mexico or Wales
                hit = Match(entry, i, i + size)
                break
        if hit is None:
            i += 1
            continue
        for j in range(hit.start, hit.end):
            found[j] = hit
        i = hit.end
    return found


def has_other_given_name(parsed: Any, start: int, size: int, lexicon: ActorLexicon) -> bool:
    """Whether a person's name found at tokens start..start+size is the end of a longer name
    whose given names are none of the known full names' ("Chelsea Clinton", "Billy Downer":
    someone else of that surname). A name the lexicon knows in no longer form decides
    nothing."""
    known = lexicon.given_names.get(parsed[start + size - 1].text)
    if not known:
        return False
    given = []
    k = start - 1
    while k >= 0 and parsed[k].ent_type_ == "PERSON" and parsed[k].pos_ in {"PROPN", "PUNCT"}:
        if parsed[k].pos_ == "PROPN":
            given.append(parsed[k].text)
        if parsed[k].ent_iob_ == "B":
            break
        k -= 1
    return bool(given) and not any(word in known for word in given)


def left_tokens(head: Any) -> list[Any]:
    """The head's left modifiers inside its noun phrase, recursively."""
    out: list[Any] = []
    stack = [c for c in head.lefts if c.dep_ in NP_LEFT_DEPS]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(tok.lefts)
        stack.extend(c for c in tok.rights if c.dep_ in NP_LEFT_DEPS or tok.dep_ == "poss")
    return out


def sponsor_tokens(tokens: list[Any]) -> set[int]:
    """Indices of tokens naming a sponsor: "Iran" in "Iran-backed"."""
    out: set[int] = set()
    for tok in tokens:
        if tok.lemma_.lower() in SPONSOR_LEMMAS and tok.pos_ in {"VERB", "ADJ"}:
            for child in tok.subtree:
                if child.i != tok.i:
                    out.add(child.i)
            # "Iran - backed": spaCy may hang the country on the noun instead.
            if tok.i >= 2 and tok.nbor(-1).text == "-":
                out.add(tok.i - 2)
    return out


def sector_of(
    head: Any, left: list[Any], words: dict[str, SectorWord]
) -> tuple[str | None, str | None]:
    """(sector, role) from the head noun and its compounds ("prime minister", "troops")."""
    lemma = head.lemma_.lower()
    text = head.text.lower()
    compounds = [t for t in left if t.dep_ in {"compound", "amod"} and t.head.i == head.i]
    if compounds:
        nearest = max(compounds, key=lambda t: t.i)  # `left` is not in text order
        bigram = f"{nearest.text.lower()} {text}"
        bigram_lemma = f"{nearest.text.lower()} {lemma}"
        for key in (bigram, bigram_lemma):
            if key in words:
                word = words[key]
                return word.sector, key if word.is_role else None
    for key in (text, lemma):
        if key in words:
            word = words[key]
            return word.sector, head.text if word.is_role else None
    if head.ent_type_ == "ORG" and compounds:
        # a named body whose head says only what kind of unit it is: "the Lagos State
        # Police Command", "the New York Police Department", "Army Headquarters" (the word
        # right before the head; "Army Football Club" is no army)
        nearest = max(compounds, key=lambda t: t.i)
        word = words.get(nearest.text.lower()) or words.get(nearest.lemma_.lower())
        if nearest.i == head.i - 1 and word is not None and not word.is_role:
            return word.sector, None
    return None, None


def title_of(
    person_head: Any, left: list[Any], words: dict[str, SectorWord]
) -> tuple[str | None, str | None, list[Any]]:
    """(sector, role, tokens to search for a country) for a person's name."""
    titles = [t for t in left if t.dep_ in {"compound", "amod"} and t.text.lower() in words]
    if titles:
        first = min(t.i for t in titles)
        last = max(t.i for t in titles)
        doc = person_head.doc
        role = doc[first : last + 1].text
        return words[titles[-1].text.lower()].sector, role, []
    for child in person_head.rights:
        if child.dep_ == "appos":
            sector, role_word = sector_of(child, left_tokens(child), words)
            if sector is not None:
                span = child.doc[child.left_edge.i : child.right_edge.i + 1]
                role = span.text.strip(" ,")
                return sector, role or role_word, list(child.subtree)
    return None, None, []


def resolve(
    head: Any, matches: dict[int, Match], lexicon: ActorLexicon, when: date | None = None
) -> Actor | None:
    """The actor a noun-phrase head stands for (on the article's date `when`), or None when
    nothing is known of it."""
    words = lexicon.sectors
    left = left_tokens(head)
    sponsors = sponsor_tokens(left)
    at_head = matches.get(head.i)
    span = phrase_span(head, left)
    name = phrase_text(head.doc, span)
    sponsor = next((matches[i].entry.code for i in sorted(sponsors) if i in matches), None)
    if (
        at_head is not None
        and at_head.entry.kind == "person"
        and not is_unplaced_surname(at_head, matches)
    ):
        entry = at_head.entry
        return Actor(
            name=name,
            country=entry.code,
            sector=entry.sector,
            role=entry.role,
            sponsor=sponsor,
            span=span,
            rule="lexicon:person",
        )
    if head.lower_ in MEMBER_NOUNS:
        # "a member of the Syrian parliament": the body's actor
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                inner = next((g for g in child.children if g.dep_ == "pobj"), None)
                inner_actor = resolve(inner, matches, lexicon, when) if inner is not None else None
                if inner_actor is not None:
                    return replace(inner_actor, name=name, span=span, rule="member-of")
    if at_head is not None and (head.ent_type_ != "PERSON" or is_country_not_person(head, at_head)):
        entry = at_head.entry
        sector = entry.sector
        if entry.kind == "adjective":
            # "the Iraqis", "Palestinians": a people, not its government.
            sector = None
        own_sector, role = sector_of(head, left, words) if entry.kind == "org" else (None, None)
        return Actor(
            name=name,
            country=entry.code,
            # the lexicon's sector for a body wins over a word of its name ("European
            # Union" is an IGO, not a labour union); the name's word where it has none
            sector=sector or own_sector,
            role=role,
            sponsor=entry.sponsor or sponsor,
            span=span,
            rule=f"lexicon:{entry.kind}",
        )
    search = [t for t in left if t.i not in sponsors]
    own_words = len(search)  # the phrase's own modifiers, before any "in X" after it
    role: str | None
    if head.ent_type_ == "PERSON" or ends_hyphenated_name(head):
        sector, role, extra = title_of(head, left, words)
        search += extra
        owner = head.head
        if head.dep_ == "appos" and owner.pos_ in {"NOUN", "PROPN"} and owner.i < head.i:
            # "Saudi Arabia's de facto ruler, Crown Prince Mohammed Bin Salman": the office
            # the name is set beside says whose it is
            owner_left = left_tokens(owner)
            owner_sector, owner_role = sector_of(owner, owner_left, words)
            if owner_sector is not None:
                search += owner_left
                sector, role = sector or owner_sector, role or owner_role
        rule = "person:title" if sector else "person"
    else:
        sector, role = sector_of(head, left, words)
        rule = "sector:head"
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in COUNTRY_PREPS:
            search += [t for t in child.subtree]
    country: str | None = None
    body: Entry | None = None  # an international body among the modifiers ("U.N. helicopters")
    own = {t.i for t in search[:own_words]}
    body_named = False
    for tok in sorted(search, key=lambda t: t.i):
        match = matches.get(tok.i)
        if match is None or not match.entry.code:
            continue
        if (
            match.entry.kind == "org"
            and match.entry.sector != "PTY"
            and head.lemma_.lower() == "party"
            and tok.i in own
        ):
            continue  # "the Congress party" (India's) is named after a body, not the body's
        if match.entry.kind != "org" or match.entry.code not in NON_COUNTRY_CODES:
            # a country form, or a national body ("US military forces"); where the body is
            # named in the phrase itself, a country only said after it is where it stands
            # ("NATO headquarters in Brussels", "UN troops in Mali")
            if not body_named or tok.i in own:
                country = match.entry.code
            break
        body = body or match.entry
        body_named = body_named or tok.i in own
    if country is None and body is not None:
        country = body.code
        sector = sector or body.sector
    if country is None and head.ent_type_ == "PERSON":
        # an office-holder known by name at the article's date: "Bouteflika" -> DZA GOV; by
        # surname alone only in an article that names the country ("Allen" in a California
        # food column is not Jamaica's governor-general)
        full_name = person_name(head)
        post = lexicon.post_of(full_name, when)
        if post is not None and (
            full_name in lexicon.posts or names_country(matches, post.country)
        ):
            country, sector = post.country, sector or post.sector
            rule = f"{rule}+office-holder"
    if (
        country is None
        and sector is None
        and (
            head.ent_type_ not in ENTITY_LABELS
            or (sponsor is None and head.ent_type_ not in {"PERSON", "ORG", "NORP"})
        )
    ):
        return None
    return Actor(
        name=name,
        country=country,
        sector=sector,
        role=role,
        sponsor=sponsor,
        span=span,
        rule=rule,
    )


def phrase_span(head: Any, left: list[Any]) -> Span:
    """Character span of the phrase: its left modifiers (without a leading determiner) to
    the head; a person's name also takes the rest of the entity."""
    tokens = [
        t
        for t in left
        if t.dep_ not in {"det", "punct", "case"} or t.i > min((x.i for x in left), default=head.i)
    ]
    start_tok = min([t.i for t in tokens] + [head.i])
    while start_tok < head.i and head.doc[start_tok].dep_ in {"det", "punct", "cc", "preconj"}:
        start_tok += 1
    end_tok = head.i + 1
    if head.ent_type_ == "PERSON":
        entity = entity_range(head)
        if entity is not None:
            start_tok = min(start_tok, entity[0])
            end_tok = max(end_tok, entity[1])
    doc = head.doc
    return Span(doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text))


def phrase_text(doc: Any, span: Span) -> str:
    """The parsed text of a phrase span (read off its tokens, not the whole text)."""
    tokens = tokens_in(doc, span.start, span.end)
    if not tokens:
        return ""
    words = doc[tokens[0].i : tokens[-1].i + 1].text
    return words[: span.end - span.start]


def is_head_candidate(tok: Any, matches: dict[int, Match], words: dict[str, SectorWord]) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"} and not (tok.i in matches and tok.pos_ == "ADJ"):
        return False
    if tok.dep_ in {"compound"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ == "amod":
        return False
    if tok.i in matches:
        match = matches[tok.i]
        # only the last token of a multi-word name is its head
        return tok.i == match.end - 1 or tok.head.i not in range(match.start, match.end)
    if tok.ent_type_ in ENTITY_LABELS:
        return True
    if tok.lemma_.lower() in words or tok.text.lower() in words:
        return True
    if tok.lower_ in MEMBER_NOUNS:
        return True
    if ends_hyphenated_name(tok):
        return True  # "Moon Jae-in", parsed "Jae", "-", "in"
    # "the Turkish and Greek sides": an unknown head with a country modifier
    return any(c.dep_ in {"amod", "compound"} and c.i in matches for c in tok.lefts)


def ends_hyphenated_name(tok: Any) -> bool:
    """Whether a token ends a name written with a hyphen that the tokenizer split ("Jae-in" in
    "Moon Jae-in" is "Jae", "-", "in", and the tagger calls "in" a noun)."""
    doc = tok.doc
    i = tok.i
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].pos_ == "PROPN"
    )


def is_unplaced_surname(match: Match, matches: dict[int, Match]) -> bool:
    """A figure's surname alone ("Kohl") in a text that names neither the figure in full nor
    the figure's country: a namesake, a shop or a word ("Walmart and Kohl's" in a Virginia
    shopping column is no German chancellor)."""
    entry = match.entry
    if match.end - match.start != 1 or entry.code is None:
        return False
    for other in matches.values():
        if other.entry.kind != "person" and other.entry.code == entry.code:
            return False  # the country, a body or a place of it
        if other.entry == entry and other.end - other.start > 1:
            return False  # the figure named in full ("Helmut Kohl ... Kohl")
    return True


def names_country(matches: dict[int, Match], code: str) -> bool:
    """Whether the text names the country (or a body, a place or a people of it) anywhere."""
    return any(m.entry.code == code for m in matches.values())


def person_name(head: Any) -> tuple[str, ...]:
    """The lower-case tokens of the person entity that `head` ends."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    return tuple(t.lower_ for t in doc[start : head.i + 1] if t.ent_type_ == "PERSON")


def extract_mentions(
    parsed: Any, lexicon: ActorLexicon | None = None, *, when: date | None = None
) -> tuple[Mention, ...]:
    lexicon = lexicon if lexicon is not None else load_lexicon()
    words = lexicon.sectors
    matches = find_matches(parsed, lexicon)
    mentions: list[Mention] = []
    for tok in parsed:
        if not is_head_candidate(tok, matches, words):
            continue
        check_budget()
        actor = resolve(tok, matches, lexicon, when)
        if actor is None or actor.span is None:
            continue
        label = tok.ent_type_ or "ACTOR"
        mentions.append(
            Mention(
                id=f"m{len(mentions) + 1}",
                span=actor.span,
                label=label,
                actor=actor,
                stage=STAGE,
            )
        )
    return tuple(mentions)


class ActorStage:
    name = "actors"
    needs = frozenset({"parsed"})
    gives = frozenset({"mentions"})

    def __init__(self, *, lexicons: Path | None = None, cache_dir: Path | None = None) -> None:
        self.lexicon = load_lexicon(lexicons, cache_dir)

    def __call__(self, doc: Doc) -> Doc:
        when = doc.article.published
        mentions = extract_mentions(doc.parsed, self.lexicon, when=when)
        return replace(doc, mentions=corefer_titles(mentions, doc.article.text))
