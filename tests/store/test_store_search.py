"""`--text` means the same on SQLite and PostgreSQL (issue 16): each word a plain term, all
required, case-insensitive, no stemming, no stop words dropped, no operators. Run on both
engines (PostgreSQL when EVENTWIRE_TEST_PG is set, as in CI) against the same expectations."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from storetest import fake_doc

from eventwire.store import Entry, EventFilter, open_store

# The schema version whose migration moved PostgreSQL's text index to 'simple'.
TEXT_SEARCH_VERSION = 9

ARTICLES = {
    "a": "Iraq protested in Baghdad on 2024-03-01 and the police watched.",
    "b": "France attacked in Paris on 2023-12-31, or so the ministry said.",
    "c": "Kenya agreed in Nairobi on 2024-05-10 to hold protests and talks or a vote.",
    "d": "Iran met in Basra on 2024-03-15 near the Ain al-Asad air base.",
}


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        docs = [fake_doc(text, url=f"https://s.example/{key}") for key, text in ARTICLES.items()]
        opened.write([Entry(doc) for doc in docs])
        yield opened


def found(store, text: str) -> list[str]:
    keys = {doc: key for key, doc in ARTICLES.items()}
    rows = store.events(EventFilter(text=text))
    return sorted({keys[store.load_doc(r.article_id).article.text] for r in rows})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AND OR", ["c"]),  # operators are words; stop words are words
        ("and", ["a", "c"]),
        ("or", ["b", "c"]),
        ("the", ["a", "b", "d"]),
        ("protests", ["c"]),  # no stemming: "protested" is another word
        ("protested", ["a"]),
        ("PARIS ministry", ["b"]),  # case-insensitive, every word required
        ("Paris Nairobi", []),
        ("NOT Paris", []),  # "not" is a word no article has, not an operator
        ("al-Asad", ["d"]),
        ('water "talks', []),
        ("talks*", ["c"]),  # no prefix operator: the word itself
        ("!!! ???", []),  # no word at all: nothing matches, no error
    ],
)
def test_issue_16_text_search_is_the_same_on_both_engines(store, text, expected):
    assert found(store, text) == expected


def test_issue_16_an_older_postgres_store_is_reindexed(tmp_path):
    from eventwire.store.migrate import migrations, render
    from eventwire.store.postgres import PostgresStore

    for url in storetest.database("postgres", tmp_path):
        old = PostgresStore(url)
        with old.transaction():
            for version, sql in migrations()[: TEXT_SEARCH_VERSION - 1]:
                for statement in render(sql, "postgres"):
                    old.execute(statement)
                old.execute("INSERT INTO schema_version (version, applied) VALUES (?, 'then')",
                            (version,))  # fmt: skip
        old.write([Entry(fake_doc(ARTICLES["c"]))])
        [(before,)] = old.all("SELECT tsv::text FROM articles")
        old.close()
        with open_store(url) as store:
            assert store.schema_version() >= TEXT_SEARCH_VERSION
            [(after,)] = store.all("SELECT tsv::text FROM articles")  # type: ignore[attr-defined]
            assert found(store, "AND OR") == ["c"]
            assert found(store, "protests") == ["c"]
        # the 'english' index had stems and no stop words; the 'simple' one has the words
        assert ("'protest'" in before, "'and'" in before) == (True, False)
        assert ("'protests'" in after, "'and'" in after) == (True, True)
