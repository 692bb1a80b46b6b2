"""The page and its files: served by the app with a strict Content-Security-Policy, no
inline script, no data in the HTML, nothing from anywhere else, and a small bundle."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

from eventwire.web.page import INDEX, STATIC

ROOT = Path(__file__).resolve().parents[2]
# The page's JavaScript budget, gzipped (issue 14: "under about 150 KB").
BUNDLE_BUDGET = 150 * 1024


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.script_text.append(data)


def parsed_index() -> Tags:
    tags = Tags()
    tags.feed(INDEX.read_text(encoding="utf-8"))
    return tags


def test_page_is_served_with_a_strict_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert directives["connect-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    for path in ("/api/events", "/static/app.js", "/openapi.json", "/api/nothing"):
        assert client.get(path).headers["content-security-policy"] == policy, path


def test_page_has_no_inline_script_handlers_or_styles():
    tags = parsed_index()
    assert tags.script_text == []
    scripts = [attrs for tag, attrs in tags.tags if tag == "script"]
    assert [s.get("src") for s in scripts] == ["/static/app.js"]
    for tag, attrs in tags.tags:
        assert not any(name.startswith("on") for name in attrs), tag
        assert "style" not in attrs, tag
    assert not [tag for tag, _ in tags.tags if tag == "style"]


def test_page_files_are_bundled_and_served_from_the_package(client):
    tags = parsed_index()
    wanted = [
        attrs.get("src") or attrs.get("href")
        for tag, attrs in tags.tags
        if tag in {"script", "link"}
    ]
    assert "/static/app.css" in wanted
    for path in [*wanted, "/static/world-110m.json"]:
        assert path.startswith("/static/"), path  # never another host: no CDN
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content, path
    world = client.get("/static/world-110m.json").json()
    assert world["type"] == "Topology"
    assert len(world["objects"]["countries"]["geometries"]) > 150


def test_page_script_is_small_and_never_writes_html_or_calls_out():
    script = (STATIC / "app.js").read_bytes()
    assert len(gzip.compress(script, compresslevel=9)) < BUNDLE_BUDGET
    text = script.decode("utf-8")
    for risky in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ):
        assert risky not in text, risky
    urls = set(re.findall(r"https?://[^\"'\s)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg"}  # the SVG namespace, not a fetch


def test_page_sources_and_build_script_are_in_the_repository():
    frontend = ROOT / "frontend"
    for name in ("package.json", "package-lock.json", "build.mjs", "src/main.js"):
        assert (frontend / name).is_file(), name
    assert (STATIC / "LICENSES.txt").read_text(encoding="utf-8").count("ISC") >= 3
