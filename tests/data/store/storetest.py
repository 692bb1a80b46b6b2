"""Shared helpers and fixtures of the store, ingest and CLI-store tests.

Imported by tests/test_store*.py, test_ingest*.py and test_cli_store.py (this folder is put
on sys.path by them). `db_url` runs a test on SQLite and, when EVENTWIRE_TEST_PG is set, on
PostgreSQL in a schema of its own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_stages import FakeEventStage

from eventwire.api import make_article
from eventwire.model import (
    Actor,
    Attribution,
    Count,
    Doc,
    Event,
    EventTime,
    Mention,
    Place,
    Quote,
    Source,
    Span,
    TimeExpr,
)
from eventwire.output import ArticleResult
from eventwire.pipeline import Pipeline

HERE = Path(__file__).resolve().parent
FAKE_STAGES = "fake_stages:FakeEventStage"
PG_ENV = "EVENTWIRE_TEST_PG"


def pg_schema_url(base: str, schema: str) -> str:
    glue = "&" if "?" in base else "?"
    return f"{base}{glue}options=-csearch_path%3D{schema}"


ENGINES = ("sqlite", "postgres")


def database(engine: str, tmp_path: Path) -> Iterator[str]:
    """The body of each test module's `db_url` fixture: a new, empty store's URL."""
    if engine == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL to test against")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def fake_pipeline() -> Pipeline:
    return Pipeline([FakeEventStage()])


def fake_doc(
    text: str, *, url: str | None = None, outlet: str | None = None, published: str | None = None
) -> Doc:
    article = make_article(text, url=url, outlet=outlet, published=published)
    return fake_pipeline()(ArticleResult(article=article))


def subprocess_env(db: str, **extra: str) -> dict[str, str]:
    """Environment for an `eventwire` subprocess using the fake stages."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])
    env["EVENTWIRE_DB"] = db
    env["EVENTWIRE_STAGES"] = FAKE_STAGES
    env.update(extra)
    return env


def full_doc() -> Doc:
    """A doc with every kind of record filled in, for round trips."""
    text = (
        "Iraq and the United States agreed on Friday in Baghdad to end the mission by "
        'September 2025, two officials said at Zawra Square. "We will leave," a spokesman '
        "said."
    )
    article = make_article(
        text,
        published="2024-09-06",
        url="https://example.com/a",
        title="Deal",
        outlet="Example News",
    )
    iraq = Actor("Iraq", "IRQ", "GOV", span=Span(0, 4), rule="gazetteer")
    usa = Actor(
        "United States",
        "USA",
        "GOV",
        role="government",
        sponsor=None,
        span=Span(13, 26),
        rule="gazetteer",
    )
    agreed = text.index("agreed")
    baghdad = text.index("Baghdad")
    square = text.index("Zawra Square")
    friday = text.index("Friday")
    september = text.index("September 2025")
    quote = text.index('"We')
    spokesman = text.index("a spokesman")
    clause = text.index("Iraq and")
    officials = text.index("two officials")
    return ArticleResult(
        article=article,
        body=(Span(0, len(text)),),
        mentions=(
            Mention("m1", Span(0, 4), "GPE", iraq, "actors/1"),
            Mention("m2", Span(13, 26), "GPE", usa, "actors/1"),
            Mention("m3", Span(spokesman, spokesman + 11), "PERSON", None, "actors/1"),
        ),
        places=(
            Place(
                "p1",
                Span(baghdad, baghdad + 7),
                "Baghdad",
                "city",
                "IRQ",
                "Baghdad Governorate",
                33.3406,
                44.4009,
                98182,
                0.93,
                "places/1",
            ),
            Place(
                "p2",
                Span(square, square + 12),
                "Zawra Square",
                "facility",
                "IRQ",
                "Baghdad Governorate",
                33.3406,
                44.4009,
                None,
                0.3,
                "places/1",
                within="p1",
            ),
        ),
        times=(
            TimeExpr(
                "t1",
                Span(friday, friday + 6),
                "DATE",
                "2024-09-06",
                ("2024-09-06", "2024-09-06"),
                "publication",
                "times/1",
            ),
            TimeExpr(
                "t2", Span(september, september + 14), "DATE", "2025-09", None, None, "times/1"
            ),
        ),
        sources=(
            Source("s1", "anonymous", None, 2, None, "officials", None, "sources/1"),
            Source(
                "s2",
                "named",
                "a spokesman",
                1,
                "IRQ",
                "spokesman",
                Span(spokesman, spokesman + 11),
                "sources/1",
            ),
        ),
        quotes=(
            Quote(
                "q1",
                Span(quote, quote + 17),
                "s2",
                Span(spokesman, spokesman + 11),
                None,
                direct=True,
                stage="quotes/1",
            ),
        ),
        attributions=(
            Attribution(
                "a1",
                "statement",
                Span(clause, text.index(", two")),
                (Span(clause, text.index(", two")),),
                "s1",
                Span(officials, officials + 13),
                Span(officials + 14, officials + 18),
                direct=False,
                stage="sources/1",
            ),
            Attribution(
                "a2",
                "intention",
                Span(quote + 1, quote + 15),
                (Span(quote + 1, quote + 8), Span(quote + 9, quote + 15)),
                "s2",
                Span(spokesman, spokesman + 11),
                None,
                direct=True,
                stage="sources/1",
                quotes=("q1",),
            ),
        ),
        events=(
            Event(
                id="e1",
                type="AGREE",
                plover_type="AGREE",
                mode="settle",
                modality="occurred",
                modality_cue=None,
                trigger=Span(agreed, agreed + 6),
                sentence=Span(0, text.index(".") + 1),
                actors=(iraq, usa),
                recipients=(),
                confidence=0.875,
                trace=("verb:agree", "actors:subject"),
                place="p1",
                time=EventTime("on", "2024-09-06", ("2024-09-06", "2024-09-06"), "t1"),
                attributed_to=("s1",),
                count=Count(2, 2, None),
                context=("security",),
            ),
            Event(
                id="e2",
                type="RETREAT",
                plover_type="RETREAT",
                mode=None,
                modality="planned",
                modality_cue=Span(agreed, agreed + 6),
                trigger=Span(text.index("end"), text.index("end") + 3),
                sentence=Span(0, text.index(".") + 1),
                actors=(usa,),
                recipients=(iraq,),
                confidence=0.6,
                trace=(),
                place=None,
                time=EventTime("by", "2025-09", ("2025-09-01", None), "t2"),
                salience="background",
            ),
        ),
    )


# A stuck subprocess fails a test instead of hanging it; not a timing bound.
PATIENCE_S = 120


def store_counts(db: str) -> dict[str, int] | None:
    """The store's record counts, or None while it is not created yet."""
    from eventwire.errors import StoreError
    from eventwire.store import open_store

    try:
        with open_store(db, migrate=False) as store:
            return store.counts()
    except StoreError:
        return None


def kill_when_stored(args: list[str], env: dict[str, str], db: str, articles: int) -> None:
    """Start `args` (an ingest) in its own session, wait until the store holds `articles`
    articles, check it is still running (stalled on the next one), and SIGKILL it."""
    import signal
    import subprocess
    import time

    proc = subprocess.Popen(
        args, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline and proc.poll() is None:
        counts = store_counts(db)
        if counts is not None and counts["articles"] >= articles:
            break
        time.sleep(0.1)
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    if proc.stderr:
        proc.stderr.close()
