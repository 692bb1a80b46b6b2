"""Linkers, after events. Read: `Doc.events`, `Doc.parsed`, places, times, sources, quotes, body.
Set on each event: its place (event_places), time (event_times), sources (attribution)."""
