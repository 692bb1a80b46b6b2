"""Readers (files, JSON Lines, feeds, WARC) and the ingest batch, with the fake pipeline."""

from __future__ import annotations

import gzip
import json
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from storetest import FAKE_STAGES

from eventwire.errors import FetchError
from eventwire.ingest import (
    FAILED,
    SKIPPED,
    Fetched,
    Inputs,
    Item,
    ItemError,
    Workers,
    ingest,
)
from eventwire.read.feeds import read_feed
from eventwire.read.files import read_jsonl
from eventwire.read.warc import read_warc
from eventwire.settings import Settings
from eventwire.store import STORED, EventFilter, open_store

DATA = Path(__file__).resolve().parents[1] / "data" / "store"


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


def page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Wire Daily"></head><body><article>'
        f"<h1>{title}</h1><p>{body}</p><p>The governor said the council would meet next "
        "week to discuss the demands of the protesters in the city.</p>"
        "</article></body></html>"
    )


class FakeFetcher:
    """Serves pages from a dict; unknown URLs fail like a dead link."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def __call__(self, url: str) -> Fetched:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError(f"cannot fetch {url}: 404")
        return Fetched(url, self.pages[url].encode(), "text/html; charset=utf-8")


def keys(items):
    return [(type(i).__name__, Path(i.key).name if "/" in i.key else i.key) for i in items]


def test_inputs_read_files_and_folders(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Iraq protested in Baghdad on 2024-03-01.")
    (folder / "sub" / "b.html").write_text(page("B", "Kenya agreed in Nairobi on 2024-05-10."))
    (folder / "empty.txt").write_text("   ")
    (folder / ".hidden").write_text("skip me")
    (folder / "bin.dat").write_bytes(b"\x00\x01\x02 binary")
    items = list(Inputs([folder, tmp_path / "missing.txt"]))
    kinds = sorted((type(i).__name__, Path(i.key).name) for i in items)
    assert kinds == [
        ("Item", "a.txt"),
        ("Item", "b.html"),
        ("Item", "empty.txt"),
        ("ItemError", "bin.dat"),
        ("ItemError", "missing.txt"),
    ]
    assert Inputs([folder]).total == 4


def test_read_jsonl_reports_bad_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "x1", "text": "Iraq protested.", "url": "https://u.example/1"}),
                "{not json",
                json.dumps({"id": "x3"}),
                "",
                json.dumps({"text": "Kenya agreed.", "published": "2024-05-10"}),
            ]
        )
    )
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Item", "ItemError", "ItemError", "Item"]
    assert items[0].key.endswith("a.jsonl#id:x1")
    assert items[1].key.endswith("a.jsonl#line:2")
    assert items[3].published == "2024-05-10"
    assert items[0].url == "https://u.example/1"


def test_read_feed_fetches_only_entry_links(tmp_path):
    fetcher = FakeFetcher(
        {
            "https://w.example/1": page("One", "Iraq protested in Baghdad on 2024-03-01."),
            "https://w.example/2": page("Two", "Kenya agreed in Nairobi on 2024-05-10."),
        }
    )
    items = list(read_feed(str(DATA / "feed.xml"), fetcher=fetcher))
    assert fetcher.asked == ["https://w.example/1", "https://w.example/2", "https://w.example/3"]
    assert [type(i).__name__ for i in items] == ["Item", "Item", "ItemError"]
    assert items[0].title == "One from the feed"
    assert items[0].outlet == "Wire Daily feed"
    assert items[0].published == "2024-03-01T08:00:00+00:00"
    assert items[2].stage == "fetch"


def test_read_feed_skips_entries_seen_before():
    fetcher = FakeFetcher({})
    items = list(read_feed(str(DATA / "feed.xml"), fetcher=fetcher, seen=lambda url: True))
    assert items == []
    assert fetcher.asked == []


def test_read_feed_url_through_fetcher():
    feed = (DATA / "feed.xml").read_text()
    fetcher = FakeFetcher({"https://w.example/feed": feed})
    items = list(read_feed("https://w.example/feed", fetcher=fetcher))
    assert fetcher.asked[0] == "https://w.example/feed"
    assert all(isinstance(i, ItemError) for i in items)  # entry pages unknown to the fake


def test_read_feed_bad_xml_is_one_error(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<rss><channel><item><title>broken")
    [error] = read_feed(str(bad), fetcher=FakeFetcher({}))
    assert isinstance(error, ItemError)
    assert "feed" in error.message


def warc_record(url: str, ctype: str, body: str) -> bytes:
    """One WARC/1.0 response record, written by hand (as a crawler would)."""
    payload = body.encode()
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-03-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: Path, pages: list[tuple[str, str, str]], *, zipped: bool = True) -> bytes:
    records = [warc_record(*p) for p in pages]
    data = b"".join(gzip.compress(r) for r in records) if zipped else b"".join(records)
    path.write_bytes(data)
    return data


def test_read_warc_html_responses(tmp_path):
    path = tmp_path / "a.warc.gz"
    write_warc(
        path,
        [
            ("https://w.example/1", "text/html", page("One", "Iraq protested in Baghdad.")),
            ("https://w.example/logo.png", "image/png", "PNG"),
            ("https://w.example/2", "text/html; charset=utf-8", page("Two", "Kenya agreed.")),
        ],
    )
    items = list(read_warc(path))
    assert [i.url for i in items] == ["https://w.example/1", "https://w.example/2"]
    assert all(isinstance(i, Item) for i in items)


@pytest.mark.parametrize("zipped", [True, False])
def test_read_warc_truncated_keeps_records_before_damage(tmp_path, zipped):
    pages = [
        (f"https://w.example/{n}", "text/html", page(f"P{n}", "Iraq protested " * 50))
        for n in range(3)
    ]
    data = write_warc(tmp_path / "whole.warc", pages, zipped=zipped)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 200])  # the last record loses its end
    items = list(read_warc(cut))
    assert [type(i).__name__ for i in items] == ["Item", "Item", "ItemError"]
    assert "damaged WARC" in items[-1].message


def corpus(tmp_path: Path, n: int = 6) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n):
        text = f"Iraq protested in Baghdad on 2024-03-{i + 1:02d}. Item {i}."
        (folder / f"{i:03d}.txt").write_text(text)
    return folder


def run_ingest(db: str, inputs, *, workers: int = 1):
    with open_store(db) as store:
        pool = Workers(n=workers, settings=Settings(stages=(FAKE_STAGES,)))
        try:
            return [p.outcome for p in ingest(store, inputs, workers=pool)]
        finally:
            pool.close()


def test_ingest_stores_then_skips_on_rerun(db_url, tmp_path):
    folder = corpus(tmp_path)
    assert run_ingest(db_url, Inputs([folder])) == [STORED] * 6
    assert run_ingest(db_url, Inputs([folder])) == [SKIPPED] * 6
    with open_store(db_url) as store:
        counts = store.counts()
        assert store.count_events(EventFilter(types=("PROTEST",))) == 6
    assert (counts["articles"], counts["events"], counts["runs"]) == (6, 6, 2)


def test_ingest_records_failures_and_retries_them(db_url, tmp_path, monkeypatch):
    folder = corpus(tmp_path, 3)
    (folder / "bad.txt").write_text("Iraq protested. FAIL here.")
    (folder / "empty.txt").write_text("")
    outcomes = run_ingest(db_url, Inputs([folder]))
    assert sorted(outcomes) == [FAILED, FAILED, STORED, STORED, STORED]
    with open_store(db_url) as store:
        stages = sorted((Path(f.item).name, f.stage, f.error_type) for f in store.failures())
    assert stages == [("bad.txt", "fake_events", "ValueError"), ("empty.txt", "read", "InputError")]
    monkeypatch.setenv("FAKE_FAIL", "0")
    outcomes = run_ingest(db_url, Inputs([folder]))
    assert sorted(outcomes) == [FAILED, SKIPPED, SKIPPED, SKIPPED, STORED]
    with open_store(db_url) as store:
        assert [Path(f.item).name for f in store.failures()] == ["empty.txt"]


def test_ingest_bad_inputs_in_batch_rest_stored(db_url, tmp_path):
    folder = corpus(tmp_path, 2)
    (folder / "lines.jsonl").write_text('{"text": "Kenya agreed in Nairobi."}\n{oops\n')
    bad_feed = tmp_path / "bad.xml"
    bad_feed.write_text("<rss><channel><item>")
    outcomes = run_ingest(db_url, Inputs([folder], feeds=[str(bad_feed)], fetcher=FakeFetcher({})))
    assert sorted(outcomes) == [FAILED, FAILED, STORED, STORED, STORED]


def test_ingest_with_worker_processes(db_url, tmp_path):
    folder = corpus(tmp_path, 8)
    (folder / "bad.txt").write_text("Iraq protested. FAIL here.")
    outcomes = run_ingest(db_url, Inputs([folder]), workers=2)
    assert sorted(outcomes) == [FAILED] + [STORED] * 8
    with open_store(db_url) as store:
        assert store.counts()["events"] == 8


def test_ingest_changed_file_is_a_new_article(db_url, tmp_path):
    folder = corpus(tmp_path, 1)
    run_ingest(db_url, Inputs([folder]))
    (folder / "000.txt").write_text("Kenya agreed in Nairobi on 2024-05-10.")
    assert run_ingest(db_url, Inputs([folder])) == [STORED]


@pytest.mark.parametrize("n", [0, -1])
def test_workers_must_be_positive(n):
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError):
        Workers(n=n, settings=Settings(stages=(FAKE_STAGES,)))


@pytest.mark.slow
def test_ingest_real_pipeline_round_trips_the_sample(db_url, sample_text):
    from eventwire.api import extract
    from eventwire.read.items import digest

    doc = extract(sample_text, published="2024-09-06")
    item = Item(
        key="sample", content=sample_text, digest=digest(sample_text), published="2024-09-06"
    )
    with open_store(db_url) as store:
        pool = Workers(n=1)
        assert [p.outcome for p in ingest(store, [item], workers=pool)] == [STORED]
        stored = store.load_doc(doc.article.id)
        assert stored is not None
        assert stored.to_dict() == doc.to_dict()
        assert store.count_events(EventFilter()) == len(doc.events)


def test_url_fetcher_refuses_other_schemes():
    from eventwire.ingest import UrlFetcher

    with pytest.raises(FetchError, match="not an http"):
        UrlFetcher()("file:///etc/hostname")
