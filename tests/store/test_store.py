"""The store on SQLite and PostgreSQL: round trips, idempotence, versions, failures, runs."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from storetest import fake_doc, full_doc

from eventwire.errors import StoreError
from eventwire.store import (
    EXISTS,
    STORED,
    VERSION,
    Entry,
    EventFilter,
    Failure,
    open_store,
)
from eventwire.store.migrate import latest_version, render


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


def test_store_round_trip_gives_the_same_doc(db_url):
    doc = full_doc()
    with open_store(db_url) as store:
        assert store.write([Entry(doc)]) == [STORED]
        assert store.load_doc(doc.article.id) == doc
        assert store.load_doc("missing") is None


def test_store_rewrite_changes_nothing(db_url):
    doc = full_doc()
    with open_store(db_url) as store:
        store.write([Entry(doc, "a.txt", "d1")])
        before = store.counts()
        assert store.write([Entry(doc, "a.txt", "d1")]) == [EXISTS]
        after = store.counts()
    assert before == after
    assert after["articles"] == 1
    assert after["events"] == 2
    assert after["actors"] == 4


def test_store_changed_text_at_same_url_is_new_version(db_url):
    old = fake_doc("Iraq protested in Baghdad on 2024-09-01.", url="https://x.example/1")
    new = fake_doc("Iraq protested in Basra on 2024-09-02.", url="https://x.example/1")
    with open_store(db_url) as store:
        assert store.write([Entry(old)]) == [STORED]
        assert store.write([Entry(new)]) == [VERSION]
        assert store.counts()["articles"] == 2
        current = list(store.events(EventFilter()))
        both = list(store.events(EventFilter(all_versions=True)))
        assert store.load_doc(old.article.id) == old  # the old version is kept
    assert [r.place for r in current] == ["Basra"]
    assert sorted(r.place for r in both) == ["Baghdad", "Basra"]


def test_store_versions_in_one_batch(db_url):
    old = fake_doc("Iraq protested in Baghdad on 2024-09-01.", url="https://x.example/1")
    new = fake_doc("Iraq protested in Basra on 2024-09-02.", url="https://x.example/1")
    with open_store(db_url) as store:
        assert store.write([Entry(old), Entry(new)]) == [STORED, VERSION]
        assert [r.place for r in store.events(EventFilter())] == ["Basra"]


def test_store_failed_write_leaves_no_partial_article(db_url):
    good = fake_doc("Iraq protested in Baghdad on 2024-09-01.")
    broken = replace(full_doc(), events=(*full_doc().events, full_doc().events[0]))  # same id twice
    with open_store(db_url) as store:
        with pytest.raises(Exception):  # noqa: B017, PT011 - the driver's integrity error
            store.write([Entry(good), Entry(broken)])
        counts = store.counts()
    assert counts["articles"] == 0
    assert counts["events"] == 0
    assert counts["inputs"] == 0


def test_store_inputs_mark_items_seen(db_url):
    with open_store(db_url) as store:
        store.write([Entry(fake_doc("Iraq protested."), "file.txt", "abc")])
        assert store.seen("file.txt", "abc")
        assert not store.seen("file.txt", "other")
        assert store.seen_item("file.txt")
        assert not store.seen_item("else.txt")


def test_store_failure_is_updated_then_cleared(db_url):
    with open_store(db_url) as store:
        store.record_failure(Failure("f.txt", "read", "InputError", "empty"))
        store.record_failure(Failure("f.txt", "fake_events", "ValueError", "boom"))
        [failure] = store.failures()
        assert (failure.item, failure.stage, failure.message) == ("f.txt", "fake_events", "boom")
        store.write([Entry(fake_doc("Iraq protested."), "f.txt", "d")])
        assert store.failures() == []


def test_store_run_records_settings_and_counts(db_url):
    with open_store(db_url) as store:
        run = store.start_run(settings={"workers": 2}, stages=["body"], versions={"x": "1"})
        store.finish_run(run, counts={"stored": 3})
        assert store.counts()["runs"] == 1


def test_store_reopen_does_not_migrate_again(db_url):
    with open_store(db_url) as store:
        store.write([Entry(fake_doc("Iraq protested."))])
    with open_store(db_url) as store:
        assert store.schema_version() == latest_version()  # type: ignore[attr-defined]
        assert store.counts()["articles"] == 1


def test_store_refuses_newer_schema(db_url):
    with open_store(db_url) as store:
        store.execute(
            "INSERT INTO schema_version (version, applied) VALUES (?, ?)",  # type: ignore[attr-defined]
            (latest_version() + 1, "later"),
        )
    with pytest.raises(StoreError, match="upgrade eventwire"):
        open_store(db_url)


def test_store_read_only_open_needs_a_store(tmp_path):
    with pytest.raises(StoreError, match="no eventwire store"):
        open_store(str(tmp_path / "none.db"), migrate=False)
    assert not (tmp_path / "none.db").exists()


def test_store_render_keeps_only_the_engines_lines():
    sql = "CREATE TABLE t (x {float}){strict};\n--@sqlite SELECT 1;\n--@postgres SELECT 2;\n"
    assert render(sql, "sqlite") == ["CREATE TABLE t (x REAL) STRICT", "SELECT 1"]
    assert render(sql, "postgres") == ["CREATE TABLE t (x DOUBLE PRECISION)", "SELECT 2"]


def test_store_sqlite_url_forms(tmp_path):
    path = tmp_path / "s.db"
    with open_store(f"sqlite:///{path}") as store:
        store.write([Entry(fake_doc("Iraq protested."))])
    with open_store(str(path)) as store:
        assert store.counts()["articles"] == 1


# The record fields the store keeps. A field added to a record fails this test until the
# store (schema migration, rows.py) keeps it too.
STORED_FIELDS = {
    "Article": "id text published url title outlet language",
    "Actor": "name country sector role sponsor span rule",
    "Mention": "id span label actor stage",
    "Place": "id span name kind country admin1 lat lon geonames_id confidence stage metonym within",
    "TimeExpr": "id span type value interval anchor stage",
    "Source": "id kind name count affiliation role span stage",
    "Quote": "id span speaker speaker_span cue direct stage",
    "Attribution": "id kind span content source source_span cue direct stage quotes",
    "EventTime": "relation value interval time_id",
    "Count": "min max span",
    "Event": "id type plover_type mode modality modality_cue trigger sentence actors recipients "
    "confidence trace place time attributed_to count context salience",
    "Doc": "article body parsed mentions places times sources quotes events attributions",
}


def test_store_keeps_every_record_field():
    import dataclasses

    from eventwire import model

    for name, known in STORED_FIELDS.items():
        fields = {f.name for f in dataclasses.fields(getattr(model, name))}
        missing = fields - set(known.split())
        assert fields == set(known.split()), f"{name}: the store does not keep {missing}"


def test_store_migrates_a_version_1_store(tmp_path):
    from eventwire.store.migrate import migrations
    from eventwire.store.sqlite import SqliteStore

    path = str(tmp_path / "v1.db")
    old = SqliteStore(path)
    with old.transaction():
        for statement in render(migrations()[0][1], "sqlite"):
            old.execute(statement)
        old.execute("INSERT INTO schema_version (version, applied) VALUES (1, 'then')")
    old.close()
    with open_store(path) as store:
        assert store.schema_version() == latest_version()  # type: ignore[attr-defined]
        doc = full_doc()
        store.write([Entry(doc)])
        assert store.load_doc(doc.article.id) == doc


def test_store_same_article_twice_in_one_batch(db_url):
    doc = fake_doc("Iraq protested.")
    with open_store(db_url) as store:
        assert store.write([Entry(doc, "a.txt", "d"), Entry(doc, "b.txt", "d")]) == [STORED, EXISTS]
        assert store.counts()["articles"] == 1  # type: ignore[attr-defined]
        assert store.seen("b.txt", "d")


def test_store_migrates_a_version_3_store_keeping_event_terms(tmp_path):
    from eventwire.store.migrate import migrations
    from eventwire.store.sqlite import SqliteStore

    path = str(tmp_path / "v3.db")
    old = SqliteStore(path)
    with old.transaction():
        for version, sql in migrations()[:3]:
            for statement in render(sql, "sqlite"):
                old.execute(statement)
            old.execute("INSERT INTO schema_version (version, applied) VALUES (?, 'then')",
                        (version,))  # fmt: skip
    old.close()
    doc = full_doc()
    old = SqliteStore(path)
    with old.transaction():
        write_old_layout(old, doc)  # as an eventwire of version 3 wrote it
    old.close()
    with open_store(path) as store:
        assert store.schema_version() == latest_version()  # type: ignore[attr-defined]
        sql = store.one("SELECT sql FROM sqlite_master WHERE name = 'event_terms'")  # type: ignore[attr-defined]
        assert "WITHOUT ROWID" in sql[0]
        actor = doc.events[0].actors[0]
        assert store.count_events(EventFilter(actor=actor.name)) >= 1
        assert store.load_doc(doc.article.id) == as_written_then(doc)


# Columns and tables added by schema versions after 5, which an older eventwire did not write.
LATER_COLUMNS = {"places": ("within",)}
LATER_TABLES = ("attributions",)


def as_written_then(doc):
    """`doc` as an older store holds it: without the fields of LATER_COLUMNS and the records
    of LATER_TABLES."""
    from dataclasses import replace

    return replace(doc, places=tuple(replace(p, within=None) for p in doc.places), attributions=())


def write_old_layout(store, doc):
    """Write `doc` the way eventwire wrote it before schema version 5: the article's records
    keyed by its text id (article_id) rather than its seq."""
    from eventwire.store import minhash
    from eventwire.store.migrate import now
    from eventwire.store.rows import TABLE_COLUMNS, article_row, doc_rows, insert_sql

    row = article_row(doc, version=1, previous=None, run=None, ingested=now())
    seq = int(store.one(insert_sql("articles") + " RETURNING seq", row)[0])
    store.after_article(seq, doc)
    first = int(store.one("SELECT coalesce(max(seq), 0) FROM events")[0]) + 1
    rows = doc_rows(doc, range(first, first + len(doc.events)), seq)
    sig = minhash.signature(doc.article.text)
    rows["minhashes"] = [(seq, minhash.to_bytes(sig))]
    rows["lsh_buckets"] = [(b, seq) for b in minhash.buckets(sig)]
    for table, table_rows in rows.items():
        if table in LATER_TABLES:
            continue
        columns = list(TABLE_COLUMNS[table])
        for later in LATER_COLUMNS.get(table, ()):  # not in the old schema: left out
            at = columns.index(later)
            del columns[at]
            table_rows = [(*r[:at], *r[at + 1 :]) for r in table_rows]
        if "article_seq" in columns:
            at = columns.index("article_seq")
            columns[at] = "article_id"
            table_rows = [(*r[:at], doc.article.id, *r[at + 1 :]) for r in table_rows]
        if table_rows:
            marks = ", ".join("?" for _ in columns)
            store.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                              table_rows)  # fmt: skip


def test_store_migrates_a_version_4_store_to_article_seq_keys(db_url):
    from eventwire.store.migrate import migrations

    if db_url.startswith("postgresql://"):
        from eventwire.store.postgres import PostgresStore

        old = PostgresStore(db_url)
    else:
        from eventwire.store.sqlite import SqliteStore

        old = SqliteStore(db_url)
    doc = full_doc()
    other = fake_doc("Iraq protested on Monday.", outlet="Other News")
    with old.transaction():
        for version, sql in migrations()[:4]:
            for statement in render(sql, old.dialect):
                old.execute(statement)
            old.execute("INSERT INTO schema_version (version, applied) VALUES (?, 'then')",
                        (version,))  # fmt: skip
        write_old_layout(old, other)
        write_old_layout(old, doc)
    old.close()
    with open_store(db_url, migrate=False) as store:  # as `query` opens it: upgraded too
        assert store.schema_version() == latest_version()  # type: ignore[attr-defined]
        assert store.load_doc(doc.article.id) == as_written_then(doc)
        assert store.load_doc(other.article.id) == as_written_then(other)
        rows = list(store.events(EventFilter(actor=doc.events[0].actors[0].name)))
        assert {r.article_id for r in rows} >= {doc.article.id}
        assert all(r.actors for r in rows)
        assert [r.article_id for r in store.events(EventFilter(text="mission"))] == [
            doc.article.id
        ] * len(doc.events)
        # The migrated MinHash rows still find copies of the migrated articles.
        copy = fake_doc(doc.article.text + " Reuters.")
        assert store.write([Entry(copy)]) == [STORED]
        [link] = store.duplicates()
        assert (link.article_id, link.original_id) == (copy.article.id, doc.article.id)
        collapsed = {r.article_id for r in store.events(EventFilter(collapse=True))}
        assert copy.article.id not in collapsed
        assert store.counts()["events"] == len(doc.events) + len(other.events) + len(copy.events)
