"""Fetching (issue 16): a total time limit per URL, whatever the server's pace, and a feed's
pages fetched a few at a time, in order. The real `UrlFetcher` is tried against a server on
127.0.0.1 run by the test (nothing leaves the machine); the feed uses a fake `Fetcher`."""

from __future__ import annotations

import socketserver
import threading
import time
from collections.abc import Iterator

import pytest

from eventwire.errors import FetchError
from eventwire.read.feeds import read_feed
from eventwire.read.fetch import FETCH_THREADS, Fetched, UrlFetcher, fetch_all
from eventwire.read.items import Item

PAGE = b"<html><body><p>Troops withdrew from the town, officials said.</p></body></html>"
# A server's pause between the bytes it drips: far below the per-read timeout, so only a
# limit on the whole fetch stops it.
DRIP_S = 0.05


class Handler(socketserver.BaseRequestHandler):
    """Answers one request as the server's `mode` says: at once, or a byte at a time."""

    def handle(self) -> None:
        self.request.recv(65536)
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: %d\r\n\r\n" % len(PAGE * 100))  # fmt: skip
        mode = self.server.mode  # type: ignore[attr-defined]
        try:
            if mode == "fast":
                self.request.sendall(head.replace(b"%d" % len(PAGE * 100), b"%d" % len(PAGE))
                                     + PAGE)  # fmt: skip
                return
            body = PAGE * 100
            data = head + body if mode == "slow-head" else body
            if mode == "slow-body":
                self.request.sendall(head)
            for i in range(len(data)):
                self.request.sendall(data[i : i + 1])
                time.sleep(DRIP_S)
        except OSError:
            return  # the client hung up


@pytest.fixture
def server() -> Iterator[socketserver.ThreadingTCPServer]:
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def url_of(httpd: socketserver.ThreadingTCPServer, mode: str) -> str:
    httpd.mode = mode  # type: ignore[attr-defined]
    host, port = httpd.server_address[:2]
    return f"http://{host}:{port}/article"


def test_issue_16_fetch_reads_a_page(server):
    page = UrlFetcher(timeout=10, total=30)(url_of(server, "fast"))
    assert page.content == PAGE
    assert page.content_type == "text/html; charset=utf-8"


@pytest.mark.parametrize("mode", ["slow-body", "slow-head"])
def test_issue_16_fetch_stops_a_dripping_server_at_the_total_limit(server, mode):
    # ~8,000 bytes a byte at a time would take minutes; every single read is quick
    with pytest.raises(FetchError, match=r"over 1 s in all"):
        UrlFetcher(timeout=10, total=1)(url_of(server, mode))


class CountingFetcher:
    """A fake that records how many calls run at once; each waits (up to a generous limit)
    until another one has started, so fetches one after another show as 1."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = 0
        self.most = 0
        self.company = threading.Event()

    def __call__(self, url: str) -> Fetched:
        with self.lock:
            self.active += 1
            self.most = max(self.most, self.active)
            if self.active >= 2:
                self.company.set()
        try:
            self.company.wait(timeout=5)
            if url.endswith("/dead"):
                raise FetchError(f"cannot fetch {url}: 404")
            return Fetched(url, b"<html><body><p>" + url.encode() + b"</p></body></html>", None)
        finally:
            with self.lock:
                self.active -= 1


def test_issue_16_feed_pages_are_fetched_a_few_at_a_time_in_order(tmp_path):
    links = [f"https://w.example/{i}" for i in range(10)] + ["https://w.example/dead"]
    items = "".join(f"<item><title>T{i}</title><link>{link}</link></item>"
                    for i, link in enumerate(links))  # fmt: skip
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}'
                    "</channel></rss>")  # fmt: skip
    fetcher = CountingFetcher()
    got = list(read_feed(str(feed), fetcher=fetcher))
    assert [g.key for g in got] == links
    assert [isinstance(g, Item) for g in got] == [True] * 10 + [False]
    assert 2 <= fetcher.most <= FETCH_THREADS


def test_issue_16_fetch_all_gives_errors_in_their_place():
    fetcher = CountingFetcher()
    urls = ["https://a.example/1", "https://a.example/dead", "https://a.example/3"]
    results = list(fetch_all(urls, fetcher, threads=3))
    assert [u for u, _ in results] == urls
    assert [type(r).__name__ for _, r in results] == ["Fetched", "FetchError", "Fetched"]
