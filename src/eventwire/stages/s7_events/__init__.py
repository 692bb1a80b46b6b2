"""Event stage. Reads: `Doc.parsed`, `Doc.body`, `Doc.mentions` and `Doc.times`.
Adds: `Doc.events`, PLOVER-typed events with actors, recipients, count, modality and rule trace."""
