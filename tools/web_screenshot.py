"""Take the screenshots of the web page in docs/web.md, in Debian's chromium (Playwright).

The store holds the bundled real articles (MEANTIME's Wikinews reports in
tests/data/meantime/sample.jsonl and samples/iraq-withdrawal.txt), extracted by the full
pipeline; the page is shown with the evidence of the sample's planned pull-out by
September 2025 open.

Run: .venv/bin/python tools/web_screenshot.py
(writes docs/web.png, docs/web-evidence.png and docs/web-ledger.png)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import eventwire
from eventwire.corpus import Linker
from eventwire.store import Entry, EventFilter, open_store
from eventwire.web import create_app
from eventwire.web.server import running

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]  # fmt: skip
VIEWPORT = {"width": 1400, "height": 860}


def fill(db: str) -> None:
    results = []
    for line in (ROOT / "tests/data/meantime/sample.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        title = record["text"].split("\n")[0]
        results.append(eventwire.extract(record["text"], published=record["dct"],
                                         url=record["url"], title=title))  # fmt: skip
    sample = (ROOT / "samples/iraq-withdrawal.txt").read_text("utf-8")
    results.append(eventwire.extract(sample, published="2024-09-06",
                                     title="Iraq and US agree on withdrawal plan"))  # fmt: skip
    with open_store(db) as store:
        store.write([Entry(r) for r in results])
        Linker().catch_up(store)  # stories and the ledger, as ingest links them


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "docs.db")
        fill(db)
        with open_store(db) as store:
            rows = store.events(EventFilter(types=("RETREAT",), modalities=("planned",)))
            chosen = next(r for r in rows if r.trigger == "pull")
        with running(create_app(db=db)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"{base}/")
            page.wait_for_selector("html[data-state=ready]")
            page.wait_for_selector("#map-canvas:not([data-outlines='0'])")
            page.screenshot(path=str(ROOT / "docs" / "web.png"))
            page.click(f"#event-list button.event[data-article='{chosen.article_id}']"
                       f"[data-event='{chosen.event_id}']")  # fmt: skip
            page.wait_for_selector("#evidence .article-text mark.trigger")
            page.screenshot(path=str(ROOT / "docs" / "web-evidence.png"))
            page.locator("#evidence .close").click()
            page.click("[role=tab][data-tab=ledger]")
            page.wait_for_selector("table.ledger tbody tr")
            page.screenshot(path=str(ROOT / "docs" / "web-ledger.png"))
            browser.close()
    sys.stdout.write("wrote docs/web.png, docs/web-evidence.png and docs/web-ledger.png\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
