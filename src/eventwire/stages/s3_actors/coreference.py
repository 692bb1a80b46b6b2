"""In-article coreference of actors known only by a title or a body's common name.

"President Recep Tayyip Erdogan said ... The president added ...": a definite mention with
no country of its own ("the president", "the ministry", "the foreign minister", "the
rebels") takes the country (and the sector, when it has none) of the nearest earlier mention
in the article whose name or role ends with the same head word and whose country is known.
Only definite mentions refer back; "a minister" or "officials" introduce someone new.

A person named again by part of the name ("former prime minister Habib Essid ... Essid's
visit") takes the country, sector and role the article gave that name first: the nearest
earlier person mention with a country or sector whose name ends with the same surname and
holds every word of the later one.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.model import Mention

# how far back (characters) an antecedent may be: a long article's "the minister" is usually
# the last minister named, not one from ten paragraphs before
MAX_DISTANCE = 3000
DEFINITE = ("the ", "this ", "that ")
DETERMINERS = frozenset({"the", "this", "that"})


def head_word(text: str | None) -> str:
    words = (text or "").lower().replace("’", "'").split()
    return words[-1].rstrip(".,'s") if words else ""


def refers_back(mention: Mention, text: str) -> bool:
    actor = mention.actor
    if actor is None or actor.country is not None:
        return False
    name = text[mention.span.start : mention.span.end].lower()
    before = text[max(0, mention.span.start - 6) : mention.span.start].lower().split()
    definite = name.startswith(DEFINITE) or (bool(before) and before[-1] in DETERMINERS)
    return definite and len(name.split()) <= 4


def name_words(text: str) -> list[str]:
    """A name's words, lower case, without a possessive or the numbers an entity may run
    into ("Essid's 2015" -> ["essid"])."""
    words = []
    for word in text.replace("’", "'").lower().split():
        word = word.removesuffix("'s").strip(".,'")
        if word and not any(ch.isdigit() for ch in word):
            words.append(word)
    return words


def renamed_person(mention: Mention, earlier: list[Mention], text: str) -> Mention | None:
    """The earlier mention that introduced the person this mention names again by part of
    the name, if one gave it a country or a sector."""
    actor = mention.actor
    if mention.label != "PERSON" or actor is None or actor.country or actor.sector:
        return None
    words = name_words(text[mention.span.start : mention.span.end])
    if not words or len(words) > 3:
        return None
    for candidate in reversed(earlier):
        known = candidate.actor
        if candidate.label != "PERSON" or known is None or not (known.country or known.sector):
            continue
        full = name_words(text[candidate.span.start : candidate.span.end])
        if full and full[-1] == words[-1] and set(words) <= set(full):
            return candidate
    return None


def corefer_titles(mentions: tuple[Mention, ...], text: str) -> tuple[Mention, ...]:
    """The mentions, with definite title mentions resolved to their antecedent's country,
    and persons named again by part of their name to the actor first named
    (`renamed_person`)."""
    out: list[Mention] = []
    for mention in mentions:
        first = renamed_person(mention, out, text)
        if first is not None and first.actor is not None and mention.actor is not None:
            mention = replace(
                mention,
                actor=replace(
                    mention.actor,
                    country=first.actor.country,
                    sector=first.actor.sector,
                    role=mention.actor.role or first.actor.role,
                    rule=f"{mention.actor.rule}+coref:{first.id}",
                ),
            )
        elif refers_back(mention, text):
            antecedent = find_antecedent(mention, out, text)
            if antecedent is not None and antecedent.actor is not None:
                actor = mention.actor
                assert actor is not None
                resolved = replace(
                    actor,
                    country=antecedent.actor.country,
                    sector=actor.sector or antecedent.actor.sector,
                    rule=f"{actor.rule}+coref:{antecedent.id}",
                )
                mention = replace(mention, actor=resolved)
        out.append(mention)
    return tuple(out)


def find_antecedent(mention: Mention, earlier: list[Mention], text: str) -> Mention | None:
    word = head_word(text[mention.span.start : mention.span.end])
    if not word:
        return None
    for candidate in reversed(earlier):
        if mention.span.start - candidate.span.end > MAX_DISTANCE:
            return None
        actor = candidate.actor
        if actor is None or actor.country is None:
            continue
        name = text[candidate.span.start : candidate.span.end]
        words = {w.rstrip(".,") for w in f"{name} {actor.role or ''}".lower().split()}
        if word in words or word.rstrip("s") in words:
            return candidate
    return None
