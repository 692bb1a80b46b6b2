"""Sources stage. Reads: `Doc.parsed` and `Doc.body`.
Adds: `Doc.sources` (outlets, named, anonymous, documents), `Doc.quotes` (direct, indirect)."""
