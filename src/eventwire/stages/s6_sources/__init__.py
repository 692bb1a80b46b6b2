"""Sources stage. Reads: `Doc.parsed` and `Doc.body`.
Adds: `Doc.sources` (outlets, named, anonymous, documents), `Doc.quotes` (direct, indirect),
`Doc.attributions` (statements, beliefs, intentions, findings, denials, questions: source,
cue and content pieces)."""
