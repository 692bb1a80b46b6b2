"""Stories in the store, on SQLite and PostgreSQL: linking across articles, counts of
articles, outlets and independent sources, filters, versions, catching up an older store."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "store"))

import storetest
from corpusdocs import Ev, Report, add, anonymous, named, wire

from eventwire.corpus import Linker, stories
from eventwire.store import Entry, EventFilter, open_store


@pytest.fixture(params=storetest.ENGINES)
def db_url(request, tmp_path):
    yield from storetest.database(request.param, tmp_path)


@pytest.fixture
def linker():
    return Linker()


STRIKE = ("Israeli aircraft struck a school in Gaza City on Thursday, killing at least 20 "
          "people who were sheltering there, Palestinian health officials said. The strike "
          "hit a school that housed hundreds of displaced families from the north.")  # fmt: skip


# Three outlets' own reports of the strike (different words: not near-duplicates).
OWN_WORDS = {
    "Reuters": STRIKE,
    "Al Jazeera": "At least 20 people were killed when Israeli warplanes struck a school "
    "sheltering displaced families in Gaza City on Thursday, rescuers said, as the war on the "
    "enclave entered its eighth month.",
    "BBC": "An Israeli air strike has hit a school used as a shelter in Gaza City. Witnesses "
    "said aircraft struck the building on Thursday morning while families slept inside, and "
    "the local hospital said dozens of wounded had arrived.",
}


# Two outlets relaying Reuters' report in their own words.
RELAYS = {
    "The Guardian": "Israeli aircraft struck a school in Gaza City on Thursday, Reuters "
    "reported, citing Palestinian health officials who said at least 20 people died.",
    "Le Monde": "A school in Gaza City was struck by Israeli aircraft on Thursday, killing "
    "twenty people, according to Reuters, which said health officials gave the toll.",
}
SPEAKERS = {"Al Jazeera": "rescuers", "BBC": "Witnesses"}


def strike(outlet: str, *, text: str = STRIKE, sources=(), cited=(), published="2024-05-02"):
    return Report(
        text, published,
        (Ev("struck", "ASSAULT", "strike", actors=("Israel",), place="Gaza City",
            time=("on", "2024-05-02", "2024-05-02", "2024-05-02"), sources=cited),
         Ev("said", "OTHER", "say", actors=(SPEAKERS.get(outlet, "health officials"),),
            time=("fallback", "", None, None))),
        outlet=outlet, sources=tuple(sources),
    )  # fmt: skip


def story_of(found, article_ref, event_id="e1"):
    return next(s for s in found
                if any(e["article"] == article_ref and e["event"] == event_id
                       for e in s["events"]))  # fmt: skip


def test_stories_every_event_in_exactly_one_story(db_url, linker):
    with open_store(db_url) as store:
        for outlet, text in OWN_WORDS.items():
            add(store, linker, strike(outlet, text=text))
        found = list(stories(store))
        listed = [(e["article"], e["event"]) for s in found for e in s["events"]]
        stored = [(r.article_id, r.event_id) for r in store.events(EventFilter())]
        assert sorted(listed) == sorted(stored)
        assert len(set(listed)) == len(listed)


def test_stories_same_event_three_outlets_is_one_story(db_url, linker):
    with open_store(db_url) as store:
        docs = [add(store, linker, strike(o, text=t)) for o, t in OWN_WORDS.items()]
        assert store.duplicates() == []
        found = list(stories(store))
        story = story_of(found, docs[0].article.id)
        assert story["type"] == "ASSAULT"
        assert {e["article"] for e in story["events"]} == {d.article.id for d in docs}
        assert story["articles"] == story["outlets"] == story["independent_sources"] == 3
        assert story["first_published"] == story["last_published"] == "2024-05-02"
        # "said" in three reports is three statements, not one
        said = [s for s in found if s["events"][0]["trigger"]["text"] == "said"]
        assert len(said) == 3


def test_stories_same_verb_other_day_and_actor_stays_apart(db_url, linker):
    other = Report("Iranian drones struck an oil depot near Basra on Monday, officials said.",
                   "2024-06-11",
                   (Ev("struck", "ASSAULT", "strike", actors=("Iran",), place="Basra",
                       time=("on", "2024-06-10", "2024-06-10", "2024-06-10")),))  # fmt: skip
    with open_store(db_url) as store:
        first = add(store, linker, strike("Reuters"))
        second = add(store, linker, other)
        found = list(stories(store))
        assert story_of(found, first.article.id) != story_of(found, second.article.id)


def test_stories_syndicated_copy_does_not_raise_independent_sources(db_url, linker):
    officials = (anonymous("PSE"),)
    with open_store(db_url) as store:
        original = add(store, linker, strike("Reuters", sources=officials, cited=("s1",)))
        copy = add(store, linker, strike(
            "Yahoo News", text=STRIKE + " (Reporting by Nidal al-Mughrabi.)", sources=officials,
            cited=("s1",)))  # fmt: skip
        assert [d.original_id for d in store.duplicates()] == [original.article.id]
        story = story_of(list(stories(store)), copy.article.id)
        assert (story["articles"], story["outlets"], story["independent_sources"]) == (2, 2, 1)
        own = add(store, linker, strike(
            "Al Jazeera", text=STRIKE.replace("Palestinian health officials said", "Mahmoud "
                                              "Basal of the civil defence agency said"),
            sources=(named("Mahmoud Basal"),), cited=("s1",)))  # fmt: skip
        story = story_of(list(stories(store)), own.article.id)
        assert (story["articles"], story["outlets"], story["independent_sources"]) == (3, 3, 2)


def test_stories_officials_relayed_by_two_outlets_through_one_wire_count_once(db_url, linker):
    relayed = (wire("Reuters", "s1"), anonymous("PSE", sid="s2"))
    with open_store(db_url) as store:
        docs = [add(store, linker, strike(o, text=t, sources=relayed, cited=("s1", "s2")))
                for o, t in RELAYS.items()]  # fmt: skip
        assert store.duplicates() == []
        story = story_of(list(stories(store)), docs[0].article.id)
        assert (story["outlets"], story["independent_sources"]) == (2, 1)
        # Reuters' own report joins: the relays add nothing beyond it
        add(store, linker, strike("Reuters", sources=(anonymous("PSE"),), cited=("s1",)))
        story = story_of(list(stories(store)), docs[0].article.id)
        assert (story["outlets"], story["independent_sources"]) == (3, 1)


def test_stories_same_outlet_updates_count_once(db_url, linker):
    with open_store(db_url) as store:
        first = add(store, linker, strike("BBC", text=STRIKE + " First report."))
        add(store, linker, strike("BBC", text=STRIKE + " Updated with the death toll later.",
                                  published="2024-05-03"))  # fmt: skip
        story = story_of(list(stories(store)), first.article.id)
        assert (story["articles"], story["outlets"], story["independent_sources"]) == (2, 1, 1)
        assert (story["first_published"], story["last_published"]) == ("2024-05-02",
                                                                       "2024-05-03")  # fmt: skip


def test_stories_article_is_the_input_id(db_url, linker):
    with open_store(db_url) as store:
        add(store, linker, strike("Reuters"), item="/data/batch.jsonl#id:reuters-0502")
        refs = {e["article"] for s in stories(store) for e in s["events"]}
        assert refs == {"reuters-0502"}


def test_stories_filters(db_url, linker):
    other = Report("Kenyan police arrested protest leaders in Nairobi on Tuesday.", "2023-03-08",
                   (Ev("arrested", "COERCE", "arrest", actors=("Kenya",), place="Nairobi",
                       time=("on", "2023-03-07", "2023-03-07", "2023-03-07")),))  # fmt: skip
    with open_store(db_url) as store:
        add(store, linker, strike("Reuters"))
        add(store, linker, other)
        types = {s["type"] for s in stories(store, type="coerce")}
        assert types == {"COERCE"}
        assert {s["type"] for s in stories(store, actor="ISR")} == {"ASSAULT"}
        assert {s["type"] for s in stories(store, actor="israel")} == {"ASSAULT"}
        assert {s["type"] for s in stories(store, since="2024-01-01")} == {"ASSAULT", "OTHER"}
        assert {s["type"] for s in stories(store, until="2023-12-31")} == {"COERCE"}
        assert list(stories(store, since="2030-01-01")) == []


def test_stories_new_version_replaces_old_events(db_url, linker):
    url = "https://news.example/strike"
    with open_store(db_url) as store:
        add(store, linker, replace(strike("Reuters"), url=url))
        add(store, linker, replace(strike("Reuters", text=STRIKE + " Updated."), url=url))
        found = list(stories(store))
        current = {r.article_id for r in store.events(EventFilter())}
        assert {e["article"] for s in found for e in s["events"]} == current
        assert len(current) == 1


def test_stories_catch_up_links_a_store_written_before_stories(db_url, linker):
    with open_store(db_url) as store:
        docs = [strike(o, text=OWN_WORDS[o]).doc() for o in ("Reuters", "BBC")]
        store.write([Entry(d) for d in docs])  # as an eventwire before schema version 7 did
        assert list(stories(store)) == []
        assert linker.catch_up(store) == 2
        story = story_of(list(stories(store)), docs[0].article.id)
        assert story["articles"] == 2
        assert linker.catch_up(store) == 0


def test_stories_linking_twice_changes_nothing(db_url, linker):
    with open_store(db_url) as store:
        doc = add(store, linker, strike("Reuters"))
        before = list(stories(store))
        with store.transaction():
            linker.link(store, doc)
        assert list(stories(store)) == before


def test_stories_catch_up_keeps_the_input_ids(db_url, linker):
    with open_store(db_url) as store:
        doc = strike("Reuters").doc()
        store.write([Entry(doc, "/in/batch.jsonl#id:wire-17", "d1")])
        linker.catch_up(store)
        assert {e["article"] for s in stories(store) for e in s["events"]} == {"wire-17"}
