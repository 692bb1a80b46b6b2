"""Smoke test of event types on NGEC's headline templates (MIT), placeholders filled with
fixed real names. Not a gold set of news text: a check that the categories are not far off
on short headline language. Reports the share of headlines whose PLOVER category is among
ours, and the precision over every category we emit.

Run: .venv/bin/python tools/headline_smoke.py PATH/TO/headline_templates.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import eventwire
from eventwire.evaluate.plover import plover_events

FILL = {"country_1": "Kenya", "country_2": "Ethiopia", "country_3": "Somalia", "city": "Nairobi"}


def main(path: str) -> None:
    hits = Counter()
    total = Counter()
    others = 0  # categories we emit that are not the headline's
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in records:
        text = record["text_template"].format(**FILL)
        try:
            result = eventwire.extract(text)
        except eventwire.EventwireError:
            types: set[str] = set()
        else:
            types = {e.plover_type for e in plover_events(result)}
        total[record["event"]] += 1
        hits[record["event"]] += record["event"] in types
        others += len(types - {record["event"]})
    n, found = sum(total.values()), sum(hits.values())
    print(f"{found}/{n} headlines ({found / n:.3f}) have their category")  # noqa: T201
    precision = found / (found + others) if found + others else 0.0
    print(f"precision over every category we emit: {precision:.3f}")  # noqa: T201
    for category in sorted(total):
        print(f"  {category:<10} {hits[category]:>3}/{total[category]:<3}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1])
