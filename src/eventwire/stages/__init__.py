"""The article stages, one package each, numbered in the order the data flows (DESIGN.md):

s1_body -> s2_parse -> s3_actors -> s4_places -> s5_times -> s6_sources -> s7_events -> s8_links

Each stage reads some fields of a `Doc` and returns a new `Doc` with the fields it adds; each
package's docstring says which. Stages never import each other: they share only `model`,
`errors`, `settings`, the lexicon reader in `eventwire.data`, and `s2_parse` (the token view).
The registry in `eventwire.pipeline` names them and the settings each one takes.
"""
