"""Actor stage. Reads: `Doc.parsed`.
Adds: `Doc.mentions`, people, groups, bodies and states, each resolved to an `Actor` if known."""
