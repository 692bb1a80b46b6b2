"""Headline verbs the parser missed.

Headlines drop auxiliaries and articles ("Kenya Denounces Actions By Ethiopia", "Kenya,
Ethiopia Sign Aid Package"), and the small English model often reads their verb as a noun:
the line then has no verb, and no event. The same words with the verb in the past tense
("Kenya denounced actions by Ethiopia") are parsed as a clause. So a line of at least
`MIN_TOKENS` tokens with no verb at all is parsed once more with one word that can be an
event verb put in the past tense, and the new parse is kept when that word becomes the
line's main verb with a subject before it. The words, the text and the character offsets
stay the article's; the word keeps its own form, its lemma is the verb's.

Which word: a third-person form ("denounces", "launches") first, unless the word after it is
also a verb's base form (then it is a plural subject: "Kenya Rebels Return Property"); else
a base form after a noun, with words after it ("Kenya, Ethiopia Sign ..."). Only verbs with an
event reading count (`verbs`, from the event lexicon), so a line of names and nouns stays as it
was.
"""

from __future__ import annotations

from typing import Any

MIN_TOKENS = 4
# A line or sentence that ends as a sentence does: a full stop, question or exclamation
# mark or an ellipsis before any closing quotes ('... he said: "No."'), or a closing bracket
# (a credit such as "(Zen Trinidad/PNA)"). A quotation that closes without one ends a
# headline ('Minister: "We Will Not Surrender"').
QUOTES_CLOSING = "\"'\u201d\u2019"
SENTENCE_ENDS = (".", "!", "?", "\u2026", ")", "]")
VERB_POS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ATTRS = ("HEAD", "DEP", "TAG", "POS", "MORPH", "LEMMA", "ENT_IOB", "ENT_TYPE")
MAX_TRIES = 3  # candidate words parsed again per line


def ends_as_sentence(text: str) -> bool:
    """Whether a line or sentence ends as a sentence does (`SENTENCE_ENDS`, after any closing
    quotes). A headline does not ("Curfew lifted in Nairobi", "Kenya: Widespread Torture")."""
    return text.rstrip().rstrip(QUOTES_CLOSING).rstrip().endswith(SENTENCE_ENDS)


def third_person_base(word: str, verbs: frozenset[str]) -> str | None:
    """The verb whose third-person singular `word` is ("launches" -> "launch")."""
    if word.endswith("ies") and word[:-3] + "y" in verbs:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2] in verbs:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and word[:-1] in verbs:
        return word[:-1]
    return None


def past_tense(base: str, irregular: dict[str, str]) -> str:
    if base in irregular:
        return irregular[base]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def irregular_pasts(nlp: Any) -> dict[str, str]:
    """Verb -> a past form the lemmatizer lists as an exception ("bring" -> "brought",
    "ban" -> "banned"); where it lists several, the past tense before the participle."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_exc").get("verb", {})
    found: dict[str, list[str]] = {}
    for form, lemmas in table.items():
        if form.endswith(("ing", "s")):
            continue
        for lemma in lemmas:
            found.setdefault(lemma, []).append(form)
    return {
        lemma: min(forms, key=lambda f: (f.endswith("n"), len(f))) for lemma, forms in found.items()
    }


def candidates(sent: Any, verbs: frozenset[str]) -> list[tuple[int, str]]:
    """(token index, verb) of the words of a verbless line that may be its verb, in the
    order they are tried."""
    third: list[tuple[int, str]] = []
    base: list[tuple[int, str]] = []
    tokens = list(sent)
    for n, tok in enumerate(tokens):
        if n == 0 or not tok.is_alpha or tokens[n - 1].pos_ not in {"NOUN", "PROPN"}:
            continue
        word = tok.lower_
        found = third_person_base(word, verbs)
        if found is not None:
            after = tokens[n + 1] if n + 1 < len(tokens) else None
            if after is not None and after.is_alpha and after.lower_ in verbs:
                continue  # "Kenya Rebels Return ...": a plural subject before its verb
            third.append((tok.i, found))
        elif word in verbs and any(t.is_alpha for t in tokens[n + 1 :]):
            # a base form needs words after it: "Teachers Out on Wildcat Strike" ends in
            # the noun
            base.append((tok.i, word))
    return (third + base)[:MAX_TRIES]


def reparsed(nlp: Any, sent: Any, index: int, form: str) -> Any | None:
    """The line parsed with token `index` written `form`, when the tokens stay the same
    and that word is the main verb with a subject before it; else None."""
    doc = sent.doc
    tok = doc[index]
    start = sent.start_char
    text = sent.text_with_ws
    at = tok.idx - start
    again = nlp(text[:at] + form + text[at + len(tok.text) :])
    if len(again) != len(sent):
        return None
    for old, new in zip(sent, again, strict=True):
        if old.i != index and old.text != new.text:
            return None
    verb = again[index - sent.start]
    if verb.pos_ != "VERB" or verb.head.i != verb.i:
        return None
    if not any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None
    return again


def repair_headlines(doc: Any, nlp: Any, verbs: frozenset[str], irregular: dict[str, str]) -> Any:
    """`doc` with each verbless line of at least MIN_TOKENS tokens parsed again where one of
    its words reads as its verb (see the module's docstring); the same doc when none."""
    fixes: list[tuple[Any, Any, int, str]] = []  # (sentence, new parse, verb index, lemma)
    for sent in doc.sents:
        if len(sent) < MIN_TOKENS or any(t.pos_ in VERB_POS for t in sent):
            continue
        for index, lemma in candidates(sent, verbs):
            again = reparsed(nlp, sent, index, past_tense(lemma, irregular))
            if again is not None:
                fixes.append((sent, again, index, lemma))
                break
    if not fixes:
        return doc
    return rebuilt(doc, fixes)


def rebuilt(doc: Any, fixes: list[tuple[Any, Any, int, str]]) -> Any:
    from spacy.tokens import Doc as SpacyDoc

    attrs = list(ATTRS)
    array = doc.to_array(attrs)
    lemma_col, tag_col, morph_col = attrs.index("LEMMA"), attrs.index("TAG"), attrs.index("MORPH")
    iob_col = attrs.index("ENT_IOB")
    strings = doc.vocab.strings
    for sent, again, index, lemma in fixes:
        array[sent.start : sent.end] = again.to_array(attrs)
        word = doc[index].lower_
        array[index, lemma_col] = strings.add(lemma)
        array[index, tag_col] = strings.add("VBP" if word == lemma else "VBZ")
        array[index, morph_col] = strings.add("Tense=Pres|VerbForm=Fin")
        if sent.end < len(doc) and doc[sent.end].ent_iob_ == "I":
            array[sent.end, iob_col] = 3  # an entity running into the line starts anew (B)
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    new = SpacyDoc(doc.vocab, words=words, spaces=spaces)
    new.from_array(attrs, array)
    return new
