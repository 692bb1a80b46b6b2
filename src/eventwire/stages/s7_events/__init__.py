"""Event stage. Reads: `Doc.parsed`, `Doc.body` and `Doc.mentions`.
Adds: `Doc.events`, PLOVER-typed events with actors, recipients, count, modality and rule trace."""
