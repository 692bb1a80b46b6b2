"""Body stage. Reads: the article's text.
Adds: `Doc.body`, the spans that belong to the report itself (no captions, links, share lines)."""
