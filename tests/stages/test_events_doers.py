"""Issue 11: an event needs a subject that can act (WordNet's kinds of nouns, doers.py);
sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.settings import Settings
from eventwire.stages.s7_events.vocabulary import load_noun_kinds

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data" / "events"


def types(text: str, **kwargs) -> list[tuple[str, str]]:
    result = eventwire.extract(text, published="2024-09-06", **kwargs)
    return [(result.text_of(e.trigger).lower(), e.plover_type) for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "According to police, the shattered glass struck the child in the back seat.",
        "The child was struck by shattered glass outside the court in Nairobi.",
        "Three bedrooms, each with a bathroom, occupy the top floor.",
        "The funding has helped Ford Australia secure the largest research project.",
        "GM and Chrysler software contracts provide $300 million a year to vendors in India.",
        "The glitch led the pilots to disengage an engine, allowing its blades to turn freely.",
    ],
)
def test_a_thing_does_no_act(text):
    assert [t for t in types(text) if t[1] != "OTHER"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon or an act of force may be the doer of an attack
        ("A car bomb killed 12 people in Baghdad on Monday.", ("killed", "ASSAULT")),
        (
            "Three US soldiers were killed by an improvised explosive device near Basra.",
            ("killed", "ASSAULT"),
        ),
        (
            "The Russian-backed offensive in eastern Ghouta has killed 1,600 civilians.",
            ("killed", "ASSAULT"),
        ),
        # a text may be the doer of a verbal act
        ("The UN report accuses Rwanda of arming the rebels.", ("accuses", "ACCUSE")),
        # and so may a filing in court
        ("The lawsuit accuses the Kenyan police of torture.", ("accuses", "ACCUSE")),
        # a quantity of people, people, bodies and polities act
        ("Thousands of Iraqi Kurds demonstrated in Kirkuk.", ("demonstrated", "PROTEST")),
        ("Thousands demonstrated in Kirkuk on Sunday.", ("demonstrated", "PROTEST")),
        ("Israeli police arrested 20 protesters in Hebron.", ("arrested", "COERCE")),
        ("The country expelled 23 Russian diplomats on Wednesday.", ("expelled", "SANCTION")),
        # a headline drops the passive's auxiliary: the curfew is what was lifted
        ("Curfew lifted in Nairobi after protests", ("lifted", "CONCEDE")),
    ],
)
def test_doers_that_may_act_keep_their_event(text, expected):
    assert expected in types(text)


def test_weapon_does_no_verbal_act_and_text_no_attack():
    assert [t for t in types("The bomb accused Kenya of lying.") if t[1] != "OTHER"] == []
    assert [t for t in types("The letter struck the officer in Nairobi.") if t[1] != "OTHER"] == []


def test_all_events_keep_a_things_act_untyped_and_say_why():
    text = "According to police, the shattered glass struck the child in the back seat."
    found = types(text, settings=Settings(events="all"))
    assert ("struck", "OTHER") in found
    result = eventwire.extract(text, published="2024-09-06", settings=Settings(events="all"))
    struck = next(e for e in result.events if result.text_of(e.trigger) == "struck")
    assert "reading:subject-cannot-act" in struck.trace


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government vowed to fight corruption.",
        "The new president of Kenya pledged to combat poverty and disease.",
        "The Kenyan army has long fought rumors of a coup.",
    ],
)
def test_a_fight_against_an_idea_or_a_text_is_no_assault(text):
    """No event of the fight itself, nor one the vow or pledge lends it ("vowed to fight
    corruption" is no planned assault, so no AGREE to fight either); an attack on a policy
    is criticism (test_events_lexicon)."""
    verbs = {"fight", "combat", "fought"}
    assert [t for t in types(text) if t[0] in verbs and t[1] != "OTHER"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police attacked the protest in Nairobi with tear gas.", ("attacked", "ASSAULT")),
        ("Gunmen attacked a wedding in a village near Kabul.", ("attacked", "ASSAULT")),
        ("Israeli jets bombed the bridge.", ("bombed", "ASSAULT")),
        ("The Kenyan army battled the rebels near the border.", ("battled", "ASSAULT")),
        ("Militants attacked the pipeline in the Niger Delta.", ("attacked", "ASSAULT")),
    ],
)
def test_an_attack_on_people_places_things_or_gatherings_stays(text, expected):
    assert expected in types(text)


def test_all_events_say_why_an_attack_on_an_idea_is_untyped():
    text = "The Kenyan government vowed to attack the problem."
    result = eventwire.extract(text, published="2024-09-06", settings=Settings(events="all"))
    attack = next(e for e in result.events if result.text_of(e.trigger) == "attack")
    assert attack.plover_type == "OTHER"
    assert "reading:patient-cannot-be-harmed" in attack.trace


def test_all_events_name_the_pattern_that_says_a_use_is_no_event():
    text = "The Kenyan government vowed to fight corruption."
    result = eventwire.extract(text, published="2024-09-06", settings=Settings(events="all"))
    fight = next(e for e in result.events if result.text_of(e.trigger) == "fight")
    assert fight.plover_type == "OTHER"
    assert any(step.startswith("reading:no-event (triggers.tsv:") for step in fight.trace)


@pytest.mark.parametrize(
    ("text", "released"),
    [
        ("Dropbox is also releasing a new selective sync feature for business customers.", False),
        ("The company released new software on Monday.", False),
        ("The rebels released three hostages on Friday.", True),
        ("The court in Baku released him on a suspended sentence.", True),
        ("He was released without charge.", True),
    ],
)
def test_a_release_frees_captives_not_texts_or_things(text, released):
    found = [t for t in types(text) if t[1] == "RETREAT"]
    assert bool(found) is released, types(text, settings=Settings(events="all"))


@pytest.mark.parametrize(
    "text",
    [
        "The Russian-backed offensive has killed more than 1600 civilians and wounded thousands.",
        "The army said hundreds of rebels had been killed in the offensive.",
    ],
)
def test_an_attack_on_an_amount_of_people_stays(text):
    assert len([t for t in types(text) if t[1] == "ASSAULT"]) >= 1


def test_users_row_says_a_noun_may_act(tmp_path):
    text = "The shattered glass struck a policeman in Nairobi."
    assert [t for t in types(text) if t[1] != "OTHER"] == []
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "noun_kinds.tsv").write_text("glass\tactor\n", encoding="utf-8")
    assert ("struck", "ASSAULT") in types(text, settings=Settings(lexicons=tmp_path))


def test_users_bad_row_names_its_line(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "noun_kinds.tsv").write_text("glass\tmineral\n", encoding="utf-8")
    with pytest.raises(eventwire.errors.ConfigError, match="line 1"):
        load_noun_kinds(tmp_path)


def test_noun_kinds_table_is_generated_with_its_licences_and_spares_actors():
    head = (DATA / "noun_kinds.tsv").read_text(encoding="utf-8")[:3000]
    assert "tools/build_noun_kinds.py" in head
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in head
    assert "Phoenix.agents.txt" in head
    kinds = load_noun_kinds()
    assert len(kinds) > 20000
    assert kinds["glass"] == "thing"
    assert kinds["bomb"] == "force"
    assert kinds["report"] == "message"
    assert kinds["pipeline"] == "speech"  # a text, and a thing an attack may damage
    assert kinds["corruption"] == "idea"
    assert kinds["protest"] == "gathering"
    # people, groups, polities and the field's actor nouns are never things
    for noun in ("minister", "cabinet", "embassy", "government", "army", "country", "company"):
        assert noun not in kinds, noun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya: Widespread Torture During Government Occupation", ("torture", "ASSAULT")),
        ("Negotiations Ongoing at International Climate Conference", ("negotiations", "CONSULT")),
    ],
)
def test_a_verbless_headline_reports_the_event_it_names(text, expected):
    assert expected in types(text)


def test_a_verbless_sentence_is_no_headline():
    # a figure of speech in a car review, ending as a sentence does
    assert types("The Porsche invasion. The Alfa attack.") == []
