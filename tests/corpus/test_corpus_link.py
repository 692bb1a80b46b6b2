"""The link decision, due dates and source origins, on small hand-made records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.corpus.due import due_of
from eventwire.corpus.features import EventView, content_words, stem_lemma
from eventwire.corpus.link import chain_events, compatible, score_across
from eventwire.corpus.origins import event_origins, independent_sources
from eventwire.model import Article, Doc, Event, EventTime, Source, Span

REPORTING = frozenset({"say", "tell"})
DAY = date(2024, 5, 2)


def view(seq=1, article=1, **changes) -> EventView:
    base = EventView(
        seq=seq, article_seq=article, type="ASSAULT", lemma="strik", mode=None,
        modality="occurred", actors=frozenset(), actor_countries=frozenset(),
        recipients=frozenset(), recipient_countries=frozenset(), place=None,
        place_country=None, lat=None, lon=None, time_lo=None, time_hi=None, fallback=False,
        published=DAY, words=frozenset(), sentence=0,
    )  # fmt: skip
    return replace(base, **changes)


def links(a: EventView, b: EventView) -> bool:
    return compatible(a, b) and score_across(a, b, reporting=REPORTING) > 0


ISRAEL = {"actors": frozenset({"israeli", "aircraft"}), "actor_countries": frozenset({"ISR"})}
THURSDAY = {"time_lo": DAY, "time_hi": DAY}


def test_link_same_lemma_alone_is_not_enough_across_articles():
    assert not links(view(), view(seq=2, article=2))
    assert not links(view(lemma="say", type="OTHER"), view(seq=2, article=2, lemma="say",
                                                           type="OTHER"))  # fmt: skip


def test_link_same_actors_and_day_across_articles():
    assert links(view(**ISRAEL, **THURSDAY), view(seq=2, article=2, **ISRAEL, **THURSDAY))


def test_link_refused_when_times_places_actors_or_types_disagree():
    a = view(**ISRAEL, **THURSDAY, place="gaza city", place_country="PSE", lat=31.5, lon=34.47)
    b = replace(a, seq=2, article_seq=2)
    assert links(a, b)
    later = date(2024, 5, 20)
    assert not links(a, replace(b, time_lo=later, time_hi=later))
    assert not links(a, replace(b, place="rafah", lat=29.0, lon=32.0))  # ~300 km off
    assert not links(a, replace(b, place_country="ISR"))
    assert not links(a, replace(b, actors=frozenset({"hamas"}), actor_countries=frozenset()))
    assert not links(a, replace(b, type="COERCE"))


def test_link_typed_events_of_one_mode_may_differ_in_lemma():
    a = view(type="RETREAT", lemma="withdraw", mode="withdraw", **ISRAEL, **THURSDAY)
    b = replace(a, seq=2, article_seq=2, lemma="pullout")
    assert compatible(a, b)
    assert not compatible(replace(a, type="OTHER"), replace(b, type="OTHER"))


def test_link_chains_within_an_article():
    headline = view(seq=1, sentence=0, words=frozenset({"boeing", "contract", "tanker"}),
                    actors=frozenset({"northrop"}), type="OTHER", lemma="defeat")  # fmt: skip
    body = replace(headline, seq=2, sentence=90,
                   words=frozenset({"boeing", "contract", "tanker", "billion"}))  # fmt: skip
    said_1 = view(seq=3, type="OTHER", lemma="say", actors=frozenset({"nesbit"}), sentence=200)
    said_2 = replace(said_1, seq=4, actors=frozenset({"sugar"}), sentence=300)
    plan_1 = view(seq=5, type="RETREAT", lemma="withdraw", modality="planned", sentence=400,
                  actors=frozenset({"troops"}), time_lo=date(2025, 9, 1),
                  time_hi=date(2025, 9, 30))  # fmt: skip
    plan_2 = replace(plan_1, seq=6, sentence=400, time_lo=date(2026, 9, 1),
                     time_hi=date(2026, 9, 30))  # fmt: skip
    chains = chain_events([headline, body, said_1, said_2, plan_1, plan_2], reporting=REPORTING)
    assert [[v.seq for v in c] for c in chains] == [[1, 2], [3], [4], [5], [6]]


def test_stem_lemma_meets_verbs_and_their_nouns():
    assert stem_lemma("withdraw") == stem_lemma("withdrawal")
    assert stem_lemma("agree") == stem_lemma("agreement")
    assert stem_lemma("deliver") == stem_lemma("delivery")
    assert stem_lemma("say") != stem_lemma("rise")
    assert content_words("The attacks were attacking") == {"attack"}


@pytest.mark.parametrize(
    ("relation", "value", "interval", "deadline"),
    [
        ("by", "2025-09", ("2025-09-01", "2025-09-30"), "2025-09-30"),
        ("by", "2025-09", ("2025-09-01", None), "2025-09-30"),
        ("before", "2025-09", ("2025-09-01", "2025-09-30"), "2025-08-31"),
        ("during", "2026", None, "2026-12-31"),
        ("on", "2024-W11", None, "2024-03-17"),
        ("by", "2025-Q3", None, "2025-09-30"),
        ("during", "P2Y", ("2024-09-27", "2026-09-27"), "2026-09-27"),
        ("after", "2025-09", ("2025-09-01", "2025-09-30"), None),
        ("by", "FUTURE_REF", None, None),
    ],
)
def test_due_deadlines(relation, value, interval, deadline):
    due = due_of(EventTime(relation, value, interval, None))
    assert (None if due is None else due.deadline.isoformat()) == deadline


def origin_doc(outlet: str | None, *sources: Source) -> tuple[Doc, Event]:
    article = Article(id="x", text="Officials said troops left.", outlet=outlet)
    event = Event(id="e1", type="RETREAT", plover_type="RETREAT", mode=None,
                  modality="occurred", modality_cue=None, trigger=Span(21, 25),
                  sentence=Span(0, 27), actors=(), recipients=(), confidence=0.5, trace=(),
                  attributed_to=tuple(s.id for s in sources))  # fmt: skip
    return Doc(article=article, sources=sources, events=(event,)), event


def test_origins_of_an_event():
    own = Source("s1", "outlet", "BBC", None, None, None, None, "t")
    wire = Source("s2", "outlet", "the Associated Press", None, None, None, Span(0, 3), "t")
    officials = Source("s3", "anonymous", None, 2, "USA", "officials", Span(0, 9), "t")
    person = Source("s4", "named", "John Kirby", None, "USA", "spokesman", Span(0, 9), "t")
    assert event_origins(*origin_doc("BBC", own)) == ["own"]
    assert event_origins(*origin_doc(None)) == ["own"]
    assert event_origins(*origin_doc("BBC", own, wire, officials)) == ["wire:associated press"]
    assert event_origins(*origin_doc("BBC", own, officials, person)) == [
        "anon:usa:officials", "named:john kirby", "own"]  # fmt: skip


def test_independent_sources_counting():
    bbc, cnn = "bbc", "cnn"
    # each outlet's own unnamed officials are its own source; a named one is one source
    assert independent_sources([(bbc, ["anon:usa:officials"]), (cnn, ["anon:usa:officials"])]) == 2
    assert independent_sources([(bbc, ["named:john kirby"]), (cnn, ["named:john kirby"])]) == 1
    # one outlet's reports count once; two relays of one wire count once
    assert independent_sources([(bbc, ["own"]), (bbc, ["anon::officials"])]) == 1
    assert independent_sources([(bbc, ["wire:reuters"]), (cnn, ["wire:reuters"])]) == 1
    # ... and nothing beside the wire's own report
    assert independent_sources([(bbc, ["wire:reuters"]), ("reuters", ["own"])]) == 1
