"""Issue 11: what a sentence tells, asks or claims rather than reports: commands to the
reader, a speaker's quoted commands, acts said to be easy or hard, "insist" that states a
claim, visits made by no party, what someone is advised or told to do, what they stopped
short of or went without, and the clauses that keep their own modality (a verb's subject,
a relative clause, a conjunct with its own auxiliary, a condition). Sentences written for
the tests."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.settings import Settings


def events(text: str, **kwargs):
    result = eventwire.extract(text, published="2024-09-06", **kwargs)
    return result, result.events


def coded(text: str) -> list[tuple[str, str]]:
    result, found = events(text)
    return [(result.text_of(e.trigger).lower(), e.plover_type) for e in found]


def test_a_command_to_the_reader_is_no_event():
    text = "To learn more, visit the council's website or call the office."
    assert coded(text) == []
    result, found = events(text, settings=Settings(events="all"))
    visit = next(e for e in found if result.text_of(e.trigger) == "visit")
    assert visit.modality == "hypothetical"
    assert "modality:imperative" in visit.trace


def test_a_report_keeps_its_verb():
    assert coded("Kenya expelled two Ethiopian diplomats on Monday.") == [("expelled", "SANCTION")]


@pytest.mark.parametrize(
    "text",
    [
        '"Release the prisoners now," the Kenyan president said.',
        'The Kenyan president said: "Release the prisoners now."',
    ],
)
def test_a_speakers_quoted_command_is_a_request_by_the_speaker(text):
    _, found = events(text)
    [event] = found
    assert (event.type, event.plover_type, event.modality) == ("RETREAT", "REQUEST", "requested")
    assert [a.country for a in event.actors] == ["KEN"]


def test_an_act_said_to_be_hard_is_not_reported_as_done():
    _, found = events(
        "It is difficult to attack the town from the north.", settings=Settings(events="all")
    )
    [attack] = [e for e in found if e.type == "ASSAULT"]
    assert (attack.modality, attack.plover_type) == ("hypothetical", "OTHER")
    # the adjectives that plan still plan
    assert coded("The army was ready to attack the town.") == [("attack", "THREATEN")]


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian officials insisted that the talks had failed.",
        "Russian officials insist they have a legal right to see her.",
        "The minister insisted that her ministry would publish the figures.",
    ],
)
def test_insisting_on_a_claim_is_no_demand(text):
    assert "REQUEST" not in {t for _, t in coded(text)}, coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya insisted that Ethiopia withdraw its troops.",
        "Kenya insisted that Ethiopia must withdraw its troops.",
        "Kenya insisted that Ethiopia needed to withdraw its troops.",
    ],
)
def test_insisting_on_an_act_is_a_demand(text):
    assert ("insisted", "REQUEST") in coded(text)


def test_what_an_insisted_claim_says_is_not_requested():
    result, found = events(
        "Kenya insists the soldiers are leaving.", settings=Settings(events="all")
    )
    leaving = next(e for e in found if result.text_of(e.trigger) == "leaving")
    assert leaving.modality == "occurred"
    assert "modality:governor:insist-claim" in leaving.trace


@pytest.mark.parametrize(
    "text",
    [
        "The family arrived in Greece in 2016 after a long journey.",
        "Tourists arriving in the city crowded the station.",
        # people of a country are not its government
        "More than 52,000 Venezuelans have arrived in Brazil since 2017.",
        "Chinese tourists visited Paris in record numbers.",
    ],
)
def test_a_journey_of_no_party_is_no_visit(text):
    assert coded(text) == []


def test_a_visit_of_a_public_body_is_a_visit():
    assert coded("A Japanese delegation visited production sites in the UK.") == [
        ("visited", "CONSULT")
    ]


def test_a_visitor_is_not_from_the_place_visited():
    assert [
        [a.country for a in e.actors]
        for e in events("The foreign minister arrived in Nairobi on Monday for talks.")[1]
    ] == [[None]]
    [visit] = events("The Kenyan foreign minister arrived in Addis Ababa on Monday.")[1]
    assert (visit.plover_type, [a.country for a in visit.actors]) == ("CONSULT", ["KEN"])


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police arrested no one after the protest.",
        "The Kenyan president has given no order to pull out the troops.",
    ],
)
def test_an_act_done_to_nothing_is_not_done(text):
    _, found = events(text, settings=Settings(events="all"))
    typed = [e for e in found if e.type != "OTHER" and e.salience == "main"][:1]
    assert [(e.modality, e.plover_type) for e in typed] == [("negated", "OTHER")]


def modality_of(text: str, trigger: str) -> tuple[str, str, list[str | None]]:
    result, found = events(text)
    event = next(e for e in found if result.text_of(e.trigger).lower() == trigger)
    return event.modality, event.plover_type, [a.country for a in event.actors]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # CAMEO's appeal (020) and demand (100) verbs
        ("Kenyan officials advised the Ethiopian minister to resign.", "resign", "ETH"),
        ("Kenyan officials recommended that Ethiopia withdraw its troops.", "withdraw", "ETH"),
        ("Kenyan officials implored the Ethiopian minister to resign.", "resign", "ETH"),
        # a verb that reports, or means something else, asks with an infinitive of its object
        ("Kenyan officials told the Ethiopian minister to resign.", "resign", "ETH"),
        ("Kenyan officials directed the Ethiopian minister to resign.", "resign", "ETH"),
    ],
)
def test_what_someone_is_advised_or_told_to_do_is_requested_of_them(text, trigger, country):
    # PLOVER's REQUEST is the asker's (KEN), the one asked its recipient
    assert modality_of(text, trigger) == ("requested", "REQUEST", ["KEN"])
    result, found = events(text)
    event = next(e for e in found if result.text_of(e.trigger).lower() == trigger)
    assert country in [r.country for r in event.recipients]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan officials told reporters that the Ethiopian minister had resigned.",
        "Kenyan officials advised that the Ethiopian minister had resigned.",
    ],
)
def test_what_someone_tells_or_advises_as_a_fact_is_reported(text):
    assert modality_of(text, "resigned")[0] == "occurred"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kenya stopped short of imposing sanctions on Ethiopia.", "imposing"),
        ("The Kenyan minister left Addis Ababa without signing the agreement.", "signing"),
        ("The Kenyan governor was unwilling to commit troops to the effort.", "commit"),
        ("Kenya was unable to send troops to the border.", "send"),
    ],
)
def test_what_someone_stops_short_of_goes_without_or_is_unable_to_do_is_negated(text, trigger):
    result, found = events(text)
    event = next(e for e in found if result.text_of(e.trigger) == trigger)
    assert event.modality == "negated"
    assert event.plover_type == "OTHER"  # a negated act is no PLOVER event


def test_an_act_done_by_doing_another_is_done_by_the_same_actor():
    result, found = events("The Kenyan army responded by attacking rebel positions.")
    attack = next(e for e in found if result.text_of(e.trigger) == "attacking")
    assert [(a.country, a.sector) for a in attack.actors] == [("KEN", "MIL")]
    assert "actor:clause-subject" in attack.trace


def test_an_act_in_the_condition_itself_is_no_threat():
    # "would retaliate if attacked" threatens the retaliation, not the attack
    text = "If Kenyan troops attacked the journalists, why was nothing said?"
    result, found = events(text, settings=Settings(events="all"))
    attack = next(e for e in found if result.text_of(e.trigger) == "attacked")
    assert (attack.modality, attack.plover_type) == ("hypothetical", "OTHER")
    assert "modality:condition:if" in attack.trace
    found = coded("Kenya will attack the town unless Ethiopia withdraws its troops.")
    assert ("attack", "THREATEN") in found


def test_an_event_said_to_go_on_has_happened():
    text = "The protests in Nairobi will continue for a fourth straight day on Thursday."
    assert ("protests", "PROTEST") in coded(text)
    result, found = events(text)
    protests = next(e for e in found if result.text_of(e.trigger) == "protests")
    assert protests.modality == "occurred"


def modality_in_all(text: str, trigger: str) -> str:
    result, found = events(text, settings=Settings(events="all"))
    return next(e for e in found if result.text_of(e.trigger).lower() == trigger).modality


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # a verb lends its subject nothing: the request was made, the pledge given
        ("Ethiopia's request will be reviewed by Kenyan officials.", "request", "occurred"),
        ("Kenya's pledge to withdraw its troops appealed to voters.", "pledge", "occurred"),
        ("The Kenyan deal with Ethiopia starts in 2025.", "deal", "occurred"),
        # talks that failed were held; a deal that fails to pass exists, its passing not
        ("Negotiations between Kenya and Ethiopia failed.", "negotiations", "occurred"),
        ("The Kenyan bailout deal failed to pass the Senate.", "deal", "occurred"),
        ("The Kenyan bailout deal failed to pass the Senate.", "pass", "negated"),
        # a light verb still stages its subject, and a passive that raises it governs it
        ("Talks between Kenya and Ethiopia will not take place.", "talks", "negated"),
        ("Talks between Kenya and Ethiopia are expected to resume.", "talks", "expected"),
        # a passive's subject is what the verb governs
        ("Talks between Kenya and Ethiopia are scheduled for next week.", "talks", "planned"),
        ("The attack on the town was denied by Kenyan officials.", "attack", "denied"),
        # what governs the whole clause governs its subject too
        (
            "Analysts predict that a Kenyan withdrawal could lead to more attacks.",
            "withdrawal",
            "predicted",
        ),
    ],
)
def test_a_verb_lends_its_modality_to_its_complements_not_its_subject(text, trigger, modality):
    assert modality_in_all(text, trigger) == modality


def test_wanting_to_do_something_oneself_is_an_intent_not_a_request():
    # CAMEO lists WANT with an intent to cooperate (030); "wants X to" still asks X
    assert modality_in_all("Kenya wants to join the talks with Ethiopia.", "join") == "planned"
    assert modality_in_all("Kenya wants Ethiopia to join the talks.", "join") == "requested"


def test_a_coordinated_verb_with_its_own_auxiliary_keeps_its_own_modality():
    text = "Kenyan troops could attack the town and have already shelled its outskirts."
    assert modality_in_all(text, "attack") == "hypothetical"
    assert modality_in_all(text, "shelled") == "occurred"
    # without an auxiliary of its own, a conjunct shares the modal
    text = "Kenya will withdraw its troops and release the prisoners."
    assert modality_in_all(text, "release") == "planned"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # a relative clause or a participle describes its noun in its own tense
        (
            "Kenya will attack the town which Ethiopian rebels captured in May.",
            "captured",
            "occurred",
        ),
        ("Kenya expects sales to exceed the 250 required to break even.", "required", "occurred"),
        # an infinitive of a noun may still be governed by it
        ("Kenya announced a plan to withdraw its troops.", "withdraw", "planned"),
        # a past participle says what befell the noun, which does not ask for it
        ("Kenya's appeal rejected by the court was its last.", "rejected", "occurred"),
        ("The demand for the troops to withdraw was rejected.", "withdraw", "requested"),
    ],
)
def test_a_clause_describing_a_noun_keeps_its_own_modality(text, trigger, modality):
    assert modality_in_all(text, trigger) == modality


def test_a_headline_infinitive_with_its_subject_is_a_plan():
    found = coded("Kenya to withdraw troops from Somalia")
    assert found == [("withdraw", "AGREE")]  # a planned withdrawal, as PLOVER folds it
    # a sentence is no headline: its infinitive reports as before
    assert modality_in_all("Kenya to withdraw troops from Somalia.", "withdraw") == "occurred"


def test_a_chance_or_an_option_to_act_is_hypothetical():
    text = "Kenya has a chance to sign a deal with Ethiopia."
    assert modality_in_all(text, "sign") == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger", "modality", "rule"),
    [
        # a doer that "is to" act: planned, as "will" would say
        ("Kenya is to withdraw its troops from Somalia by June.", "withdraw", "planned", "be-to"),
        ("Kenyan troops were to leave Somalia in May.", "leave", "planned", "be-to"),
        ("Kenyan and Ethiopian envoys are to meet in Nairobi.", "meet", "planned", "be-to"),
        # a subject that says what the act would be: a way, an aim, no doer
        ("The only way is to lift the ban on Kenyan imports.", "lift", "hypothetical", "be-to:way"),
        ("The aim is to end the war in Somalia.", "end", "hypothetical", "be-to:aim"),
        # a plan noun gives its own modality
        ("The plan is to withdraw Kenyan troops by June.", "withdraw", "planned", "governor:plan"),
        # the copula's own negation or condition decides
        ("Kenya's aim is not to attack the town.", "attack", "negated", "neg"),
        ("Kenya must act if it is to defeat the militants.", "defeat", "hypothetical", None),
    ],
)
def test_is_to_gives_its_infinitive_the_modality_its_subject_says(text, trigger, modality, rule):
    result, found = events(text, settings=Settings(events="all"))
    event = next(e for e in found if result.text_of(e.trigger) == trigger)
    assert event.modality == modality
    if rule is not None:
        assert f"modality:{rule}" in event.trace


@pytest.mark.parametrize(
    "text",
    [
        "I would like to note that Kenya and Ethiopia signed an agreement on trade.",
        "We want to stress that Kenya and Ethiopia signed an agreement on trade.",
    ],
)
def test_wanting_to_say_something_says_it(text):
    # politeness, not a wish: the speaker reports the signing
    assert modality_in_all(text, "signed") == "occurred"
    assert ("signed", "SUPPORT") in coded(text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("If they really want to help Kenya, they can send money.", "help"),
        ("If Kenya agrees to withdraw its troops, Ethiopia will lift the sanctions.", "withdraw"),
    ],
)
def test_what_a_governor_says_inside_a_condition_is_only_supposed(text, trigger):
    # "agrees to withdraw" is planned, but only if it happens: a hypothesis
    result, found = events(text, settings=Settings(events="all"))
    event = next(e for e in found if result.text_of(e.trigger) == trigger)
    assert event.modality == "hypothetical"
    assert "modality:condition:if" in event.trace


def test_being_to_blame_is_no_plan():
    assert modality_in_all("Kenya said Ethiopia is to blame for the attack.", "blame") != "planned"


@pytest.mark.slow
def test_a_clause_with_its_own_tense_before_its_verb_keeps_its_own_modality():
    # the parse hangs the first clause on "will highlight"; its "is supported" is its own
    text = (
        "The Kenyan conference is supported by the Ethiopian government; the organisers will "
        "highlight the importance of security."
    )
    supported = next(
        e
        for e in eventwire.extract(text).events
        if "supported" in text[e.trigger.start : e.trigger.end]
    )
    assert supported.modality == "occurred"


@pytest.mark.slow
def test_one_of_a_group_is_no_generic_subject():
    text = "One of the Kenyan soldiers attacked the Somali checkpoint on Monday."
    attacked = next(e for e in eventwire.extract(text).events if e.type == "ASSAULT")
    assert attacked.modality == "occurred"


def test_a_cause_after_due_to_is_as_it_was_and_background():
    # "due to" gives a cause, as "because of" does: no plan ("is due to visit" is one)
    text = "Kenya Airways cancelled its flights due to the Ethiopian ban on Kenyan airlines."
    result, found = events(text, settings=Settings(events="all"))
    ban = next(e for e in found if result.text_of(e.trigger) == "ban")
    assert (ban.modality, ban.plover_type, ban.salience) == ("occurred", "COERCE", "background")
    visit = modality_of("The Kenyan minister is due to visit Ethiopia next week.", "visit")
    assert visit[0] == "planned"
