"""An HTML page's publication date comes from its metadata, never from its text (issue 16)."""

from __future__ import annotations

import logging

import pytest

from eventwire.read.articles import read_article

BODY = (
    "<article><h1>Vote result</h1><p>The elections of 1998 were contested by the opposition, "
    "which said on 3 March 2001 that the count was rigged. Officials said on Friday that a new "
    "vote would be held next year.</p><p>Protesters gathered in the capital yesterday to "
    "demand the resignation of the electoral commission, police said.</p></article>"
)


def page(head: str = "", body_start: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body_start}{BODY}</body></html>"


@pytest.mark.parametrize(
    "html",
    [
        page("<title>The 1998 elections</title>"),
        page(body_start='<p class="byline">Published 5 June 2020</p>'),
        page('<meta name="description" content="Published on 4 April 2019">'),
    ],
    ids=["years-in-text-and-title", "byline-text", "description"],
)
def test_issue_16_no_date_from_the_text(html, caplog):
    with caplog.at_level(logging.WARNING, logger="eventwire.read.articles"):
        article = read_article(html)
    assert "elections of 1998" in article.text
    assert article.published is None
    assert "no publication date" in caplog.text
    assert article.id in caplog.text


@pytest.mark.parametrize(
    ("head", "body_start", "published"),
    [
        ('<meta property="article:published_time" content="2024-03-02T08:00:00Z">', "",
         "2024-03-02"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
         '"2023-05-06T10:00:00Z", "articleBody": "In 1998 ..."}</script>', "", "2023-05-06"),
        ("", '<span itemprop="datePublished" content="2022-07-08">8 July</span>', "2022-07-08"),
        ("", '<time pubdate datetime="2021-01-02">2 January</time>', "2021-01-02"),
    ],
    ids=["meta", "json-ld", "itemprop", "time-pubdate"],
)  # fmt: skip
def test_issue_16_date_from_the_metadata(head, body_start, published):
    assert read_article(page(head, body_start)).published.isoformat() == published


def test_issue_16_url_date_comes_after_the_tags():
    url = "https://example.org/2020/01/15/vote-result"
    assert read_article(page(), url=url).published.isoformat() == "2020-01-15"
    tagged = page('<meta property="article:published_time" content="2024-03-02">')
    assert read_article(tagged, url=url).published.isoformat() == "2024-03-02"


def test_issue_16_stated_date_wins_and_says_nothing(caplog):
    with caplog.at_level(logging.WARNING, logger="eventwire.read.articles"):
        article = read_article(page(), published="2024-09-06")
    assert article.published.isoformat() == "2024-09-06"
    assert caplog.text == ""
