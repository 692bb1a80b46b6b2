"""Annotate stages: read the parsed article and add mentions resolved to actors (actors.py),
places (places.py), time expressions (times.py), and sources and quotes (sources.py)."""
