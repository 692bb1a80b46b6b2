"""Events: types, arguments, counts and modality on short reports."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.model import Event

pytestmark = pytest.mark.slow


def events_of(text: str) -> list[Event]:
    return list(eventwire.extract(text, published="2024-09-06").events)


def find(text: str, trigger: str) -> Event:
    result = eventwire.extract(text, published="2024-09-06")
    for event in result.events:
        if result.text_of(event.trigger).lower().startswith(trigger):
            return event
    raise AssertionError(f"no event with trigger {trigger!r} in {text!r}")


def countries(actors) -> set[str | None]:
    return {a.country for a in actors}


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("Israeli jets struck a weapons depot near Damascus on Sunday.", "struck", "ASSAULT"),
        ("Thousands of students protested in Nairobi against the new tax.", "protested", "PROTEST"),
        ("Police arrested 40 opposition activists in Minsk on Saturday.", "arrested", "COERCE"),
        ("The European Union imposed new sanctions on Russia.", "imposed", "SANCTION"),
        ("Egypt hosted talks between Israel and Hamas in Cairo.", "hosted", "CONSULT"),
        ("Japan will give Ukraine $4 billion in aid.", "give", "AID"),
        ("The rebels released 12 hostages on Friday.", "released", "RETREAT"),
        ("China condemned the visit.", "condemned", "ACCUSE"),
        ("Iran rejected the proposal.", "rejected", "REJECT"),
        ("Russia deployed troops to the border.", "deployed", "MOBILIZE"),
        ("The union said workers would strike on Monday.", "strike", "PROTEST"),
        ("The two sides reached an agreement on prisoner exchanges.", "reached", "AGREE"),
    ],
)
def test_events_type_by_trigger_and_context(text, trigger, etype):
    assert find(text, trigger).type == etype


def test_events_have_actors_and_recipients_resolved_to_countries():
    event = find("Iranian forces attacked a US base in Syria on Monday.", "attacked")
    assert countries(event.actors) == {"IRN"}
    assert {a.sector for a in event.actors} == {"MIL"}
    assert "USA" in countries(event.recipients)


def test_events_passive_agent_is_the_actor():
    event = find("The convoy was attacked by Houthi rebels.", "attacked")
    assert countries(event.actors) == {"YEM"}


def test_events_compound_actors_stay_one_event():
    events = [
        e for e in events_of("Iraq and the United States agreed on a plan.") if e.type == "AGREE"
    ]
    assert len(events) == 1
    assert countries(events[0].actors) == {"IRQ", "USA"}


def test_events_capital_stands_for_its_government():
    event = find("Washington and Baghdad signed an agreement on Tuesday.", "signed")
    assert countries(event.actors) == {"USA", "IRQ"}
    assert {a.sector for a in event.actors} == {"GOV"}


def test_events_nominal_trigger_with_count_and_sponsor():
    text = "US bases have been subjected to at least 70 attacks by Iran-backed militias."
    event = find(text, "attacks")
    assert event.type == "ASSAULT"
    assert event.count is not None
    assert event.count.min == 70
    assert event.count.max is None
    assert [a.sponsor for a in event.actors] == ["IRN"]
    assert "USA" in countries(event.recipients)


def test_events_bare_reference_noun_is_not_an_event():
    # "the deal" refers back to an agreement; it reports nothing new.
    text = "Officials said the deal still needs approval from parliament."
    assert not [e for e in events_of(text) if e.type == "AGREE"]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        (
            "Iraq and the United States have agreed on a plan on the withdrawal of forces.",
            "withdrawal",
            "planned",
        ),
        (
            "Iraq and the United States have agreed on a plan on the withdrawal of forces.",
            "agreed",
            "occurred",
        ),
        (
            "The deal would see American troops pull out of the base by September 2025.",
            "pull",
            "planned",
        ),
        ("The army is expected to withdraw from the town this month.", "withdraw", "expected"),
        ("Analysts predict that the army will withdraw from the region.", "withdraw", "predicted"),
        ("The militia could attack the base.", "attack", "hypothetical"),
        # a stated future on a condition: planned (certain, future), coded THREATEN by PLOVER
        ("If talks fail, the army will attack the city.", "attack", "planned"),
        ("The army could attack the city if talks fail.", "attack", "hypothetical"),
        (
            "The government is calling on the rebels to release the hostages.",
            "release",
            "requested",
        ),
        ("The rebels threatened to attack the capital.", "attack", "threatened"),
        ("The army did not attack the village.", "attack", "negated"),
        ("The ministry denied that its forces attacked the village.", "attacked", "denied"),
        ("The rebels claimed that government forces attacked the village.", "attacked", "alleged"),
        ("Government forces allegedly attacked the village.", "attacked", "alleged"),
        ("Syria said it would withdraw its troops from Lebanon.", "withdraw", "planned"),
        ("Government forces attacked the village on Monday.", "attacked", "occurred"),
        (
            "The ministry must confirm that a soldier was killed in the attack.",
            "killed",
            "occurred",
        ),
        ("The US must be ready to mediate between the two sides.", "mediate", "requested"),
        ("Analysts said the militia could attack the base.", "attack", "hypothetical"),
        ("The new jets can strike targets 900 km away.", "strike", "hypothetical"),
        # a governing verb governs its complements, not a verb coordinated with it
        ("Iran threatened Israel and attacked a tanker in the Gulf.", "attacked", "occurred"),
        (
            "Ethiopia and Eritrea agreed to a truce, but witnesses said shelling was still going "
            "on.",
            "shelling",
            "occurred",
        ),
        ("Iran threatened to attack and destroy the base.", "destroy", "threatened"),
        # a condition on a verb of saying is part of what was said: the threat was made
        (
            "Workers threatened a strike if a deal is not reached by midnight.",
            "threatened",
            "occurred",
        ),
        ("They promised to withdraw if the talks succeed.", "promised", "occurred"),
    ],
)
def test_events_modality(text, trigger, modality):
    event = find(text, trigger)
    assert event.modality == modality
    if modality != "occurred":
        assert event.modality_cue is not None


def test_events_plover_category_comes_from_a_governor_not_a_sibling_or_a_verb_of_the_subject():
    # "turned down" is coordinated with "approached", not governed by it
    text = "The Kenyan ministry approached a dozen donors, and no one has turned it down."
    assert find(text, "turned").plover_type != "CONSULT"
    # a verb's subject is not what it governs: "tend" gives "agreements" nothing
    text = "He said agreements with property owners tended to be less formal."
    assert find(text, "agreements").plover_type == "AGREE"
    # "release" shares "withdraw"'s governor: both are what Iraq agreed to, and PLOVER
    # codes the one agreement
    text = "Iraq agreed to withdraw its troops and release the prisoners."
    release = find(text, "release")
    assert (release.type, release.modality, release.plover_type) == ("RETREAT", "planned", "OTHER")
    assert "plover:counted-in:agree" in release.trace
    assert find(text, "agreed").plover_type == "AGREE"


def test_events_plover_type_folds_modality_into_the_category():
    text = "Syria said it would withdraw its troops from Lebanon."
    event = find(text, "withdraw")
    assert (event.type, event.plover_type) == ("RETREAT", "AGREE")
    # an act governed by an event of its PLOVER category is that one PLOVER event: the
    # threat, the call; the act keeps its own type and modality
    text = "The rebels threatened to attack the capital."
    attack = find(text, "attack")
    assert (attack.type, attack.modality, attack.plover_type) == ("ASSAULT", "threatened", "OTHER")
    assert [e.plover_type for e in events_of(text) if e.plover_type != "OTHER"] == ["THREATEN"]
    text = "The government called on the rebels to release the hostages."
    release = find(text, "release")
    assert (release.type, release.modality, release.plover_type) == (
        "RETREAT",
        "requested",
        "OTHER",
    )
    assert [e.plover_type for e in events_of(text) if e.plover_type != "OTHER"] == ["REQUEST"]
    refusal = find("The US said it would not meet the hostage-takers' demands.", "meet")
    assert refusal.plover_type == "REJECT"


def test_events_followed_by_inherits_the_plan():
    text = (
        "The deal would see troops pull out of the airbase by September 2025, followed by "
        "the withdrawal of remaining forces from Erbil after another year."
    )
    second = [e for e in events_of(text) if e.type == "RETREAT"][-1]
    assert second.modality == "planned"


def all_events(text: str):
    from eventwire.settings import Settings

    return eventwire.extract(text, published="2024-09-06", settings=Settings(events="all"))


@pytest.mark.parametrize(
    ("text", "main", "background"),
    [
        ("Serbia lifted a curfew in Montenegro where 28 people have been killed in riots.",
         "lifted", "killed"),
        ("Police arrested five activists who had protested outside the palace.", "arrested",
         "protested"),
        ("Yemen rejected a U.S. request to interrogate the detainees.", "rejected",
         "interrogate"),
        # the content of a rejected appeal, through its preposition
        ("Israel rejected a French appeal for withdrawing its troops from the border.",
         "rejected", "withdrawing"),
        # a participle that only says or asks gives the protest's words, no further act
        ("Hundreds of farmers marched through the capital, demanding higher grain prices.",
         "marched", "demanding"),
        ("Thousands of students rallied outside parliament, calling for new elections.",
         "rallied", "calling"),
        # an adjective phrase describes its noun ("contracts open to accusations")
        ("Kenya signed a ceasefire subject to talks with the rebels.", "signed", "talks"),
        # a past participle on a plan noun says what befell it, not what the plan is
        ("Hamas refused to respond to a demand to adhere to the deals reached with Israel.",
         "refused", "reached"),
    ],
)  # fmt: skip
def test_events_default_output_leaves_background_clauses_out(text, main, background):
    emitted = eventwire.extract(text, published="2024-09-06")
    triggers = [emitted.text_of(e.trigger).lower() for e in emitted.events]
    assert any(t.startswith(main) for t in triggers)
    assert not any(t.startswith(background) for t in triggers)
    everything = all_events(text)
    kept = {everything.text_of(e.trigger).lower(): e.salience for e in everything.events}
    assert [s for t, s in kept.items() if t.startswith(background)] == ["background"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a plan's content, a headline without a verb, a list with "followed by", a result
        ("They agreed on a deal which would see troops pull out by May.", "pull"),
        ("Four killed in air strike", "killed"),
        ("Troops leave by May, followed by the withdrawal of the rest.", "withdrawal"),
        ("Police opened fire on the crowd, killing two protesters.", "killing"),
        ("Police raided the offices of the newspaper, arresting three editors.", "arresting"),
        # the parser found no main verb (a noun heads the sentence): its first verb reports
        (
            "Volunteers from three Norwegian charities donated and delivered medical supplies "
            "worth $20,000 to a hospital in Kabul.",
            "donated",
        ),
    ],
)
def test_events_content_and_consequence_clauses_are_main(text, trigger):
    assert find(text, trigger).salience == "main"


def test_events_carry_evidence_and_trace():
    result = eventwire.extract("Police arrested 40 activists in Minsk.", published="2024-09-06")
    event = result.events[0]
    assert result.text_of(event.trigger) == "arrested"
    assert result.text_of(event.sentence).startswith("Police arrested")
    assert any(step.startswith("trigger:verb:arrest") for step in event.trace)
    assert any(step.startswith("modality:") for step in event.trace)
    assert 0 < event.confidence <= 1


def test_events_all_scope_adds_other_events():
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    pipe = Pipeline.from_names(
        ("body", "parse", "actors", "times", "events"), Settings(events="all")
    )
    result = eventwire.extract(
        "The company announced record profits and hired staff.", pipeline=pipe
    )
    others = [e for e in result.events if e.type == "OTHER"]
    assert {result.text_of(e.trigger) for e in others} >= {"announced", "hired"}
    assert all(e.plover_type == "OTHER" for e in others)
    plain = eventwire.extract("The company announced record profits and hired staff.")
    assert not [e for e in plain.events if e.type == "OTHER"]


def test_events_local_groups_take_the_country_where_they_act():
    event = find("Thousands of students staged demonstrations throughout Indonesia.", "demonstr")
    assert countries(event.actors) == {"IDN"}
    assert "actor:location" in event.trace
    local = find("Fundamentalists demanded the resignation of the Algerian president.", "demanded")
    assert countries(local.actors) == {"DZA"}
    # an attack is often across a border: the target's country is not lent to the attacker
    attack = find("Protesters stormed the US embassy on Friday.", "stormed")
    assert countries(attack.actors) == {None}


def test_events_coordinated_country_modifiers_are_two_actors():
    event = find("U.S. and Russian negotiators held talks in Geneva.", "held")
    assert countries(event.actors) == {"USA", "RUS"}
    assert {a.sector for a in event.actors} == {"GOV"}


def test_events_a_word_inside_a_time_expression_is_no_trigger():
    # "March" of "on March 10" is a date, not a march; the verb still is one
    dated = eventwire.extract("The vote was held on March 15 in Lagos.")
    assert [e.type for e in dated.events] == []
    reported = eventwire.extract("Investigators say that on March 10, officers responded.")
    assert "PROTEST" not in [e.type for e in reported.events]
    marching = eventwire.extract("Thousands of workers marched in Lagos on May 1.")
    assert [e.type for e in marching.events] == ["PROTEST"]


def test_events_what_according_to_cites_is_no_event():
    text = "Two inmates were arrested in Kenya, according to a news release from the police."
    result = eventwire.extract(text, published="2024-09-06")
    assert [result.text_of(e.trigger) for e in result.events] == ["arrested"]


def test_events_a_dictionary_reading_dropped_for_want_of_arguments_lends_no_category():
    # "thought" (CAMEO: consider, CONSULT) has no political actor, so it is no event, and
    # the support it governs is not coded CONSULT through it; the same in either scope (by
    # default the support, a plant's with no party, is no event at all)
    from eventwire.settings import Settings

    text = "The new plant is thought likely to create 2,000 jobs and support 5,000 others."
    for scope in ("plover", "all"):
        result = eventwire.extract(text, settings=Settings(events=scope))
        assert "CONSULT" not in {e.plover_type for e in result.events}, scope
        support = [e for e in result.events if result.text_of(e.trigger) == "support"]
        assert [e.plover_type for e in support] == (["OTHER"] if scope == "all" else []), scope


def test_events_a_verb_whose_own_cameo_block_has_no_code_is_no_event():
    # RISK is a synonym under CAMEO's ENDANGER, but its own block says it is no event
    text = "American doctors delivered medicine to Baghdad, risking 12 years in prison."
    assert all(e.plover_type != "THREATEN" for e in events_of(text))


def test_events_a_report_after_its_content_is_a_frame_with_its_speaker_after_it():
    # "..., reports aid agencies": the agencies are the source, not an object of the report
    # (CAMEO's "report AID" pattern made it an AGREE) nor the recipient of the withdrawal
    result = eventwire.extract("Uzbekistan opened the bridge to Afghanistan, reports aid agencies.")
    assert [(e.plover_type, result.text_of(e.trigger)) for e in result.events] == [
        ("CONCEDE", "opened")
    ]
    result = eventwire.extract("Uzbekistan opened the bridge, reported Reuters.")
    assert all("Reuters" not in {a.name for a in e.recipients} for e in result.events)


def test_events_a_verb_coordinated_with_a_passive_takes_its_subject_not_its_agent():
    text = "Montenegro's prime minister has been indicted by the war crimes court and will resign."
    resign = find(text, "resign")
    assert [a.name for a in resign.actors] == ["Montenegro's prime minister"]
    # a bare participle may share the passive: the police still hand him over
    text = "The Serbian general was arrested by French police and handed over to the tribunal."
    assert "French police" in {a.name for a in find(text, "handed").actors}


def test_events_the_grounds_of_an_act_are_background_and_lend_it_no_recipient():
    result = eventwire.extract(
        "Police in Beirut arrested a missionary for collaborating with Israel."
    )
    assert [(e.plover_type, result.text_of(e.trigger)) for e in result.events] == [
        ("COERCE", "arrested")
    ]
    assert "ISR" not in countries(result.events[0].recipients)
    text = "The UN criticized Israel for attacking the convoy."
    assert [e.plover_type for e in events_of(text)] == ["ACCUSE"]
    # after a verb that asks, "for" gives what is asked: content, not grounds
    assert find("Iran called for withdrawing foreign troops.", "withdraw").salience == "main"


def test_events_a_person_placed_only_by_the_sentence_is_no_political_actor():
    # CAMEO's GO is a visit (CONSULT): a woman known by name only takes South Africa from
    # where she is
    assert events_of("Thandi Mokoena went to a clinic in Cape Town on Friday.") == []
    # protesters in Kenya are Kenyan civilians, as PLOVER codes them
    assert [e.plover_type for e in events_of("Workers joined a nationwide strike in Kenya.")] == [
        "PROTEST"
    ]


def test_events_cooperation_between_private_people_only_is_no_plover_event():
    assert events_of("Barry Smith and Beryl Jones met as teenagers on a coach.") == []
    # a public party on either side keeps it
    assert [e.plover_type for e in events_of("The two leaders met in Geneva on Monday.")] == [
        "CONSULT"
    ]
    assert [e.plover_type for e in events_of("Barry Smith met the Kenyan president.")] == [
        "CONSULT"
    ]
    # parties that are no people (firms the lexicon does not know) keep it too
    assert [e.plover_type for e in events_of("Tasman Partners and Orica agreed on a merger.")] == [
        "AGREE"
    ]


def test_events_the_object_of_a_warning_or_a_force_is_who_would_act():
    attack = find("The United States warned Iran not to attack the tanker.", "attack")
    assert countries(attack.actors) == {"IRN"}
    withdraw = find("Russia forced Ukraine to withdraw its troops.", "withdraw")
    assert countries(withdraw.actors) == {"UKR"}


def test_events_he_in_what_a_person_reports_is_that_person_even_with_no_country():
    text = (
        "President Muhammadu Buhari met the party's chairman on Monday. "
        "Timi Frank, however, said that he would resign his position next year."
    )
    resign = find(text, "resign")
    assert [a.name for a in resign.actors] == ["Timi Frank"]
    assert "NGA" not in countries(resign.actors)  # not the president named before
    # a reporter with a country is still the one a pronoun stands for
    found = find("Kenyan President William Ruto said he would visit Ethiopia.", "visit")
    assert countries(found.actors) == {"KEN"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the sentence's one country is the state acted on, or its envoy: no clue to the body's
        ("The ministry accused the US of interfering in its affairs.", "accused"),
        ("The foreign ministry summoned the US ambassador.", "summoned"),
    ],
)
def test_events_a_state_body_does_not_take_the_country_it_acts_on(text, trigger):
    event = find(text, trigger)
    assert countries(event.actors) == {None}
    assert countries(event.recipients) == {"USA"}


def test_events_a_local_group_still_takes_the_sentences_one_country():
    event = find(
        "Algerian fundamentalists demanded the resignation of the Algerian president.", "demanded"
    )
    assert countries(event.actors) == {"DZA"}
    event = find("Students in Kenya accused the government of corruption.", "accused")
    assert countries(event.actors) == {"KEN"}
