"""Parse stage. Reads: the article's text.
Adds: `Doc.parsed`, a spaCy Doc (sentences, tokens, lemmas, dependencies), never serialised."""
