"""Issue 11: the CAMEO-derived vocabulary, PLOVER's folding rules, recipients from object
phrases and places, questions and rhetoric; sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.model import Event
from eventwire.settings import Settings
from eventwire.stages.s7_events.folding import folded_type
from eventwire.stages.s7_events.triggers import load_triggers

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data" / "events"


def events(text: str, **kwargs) -> list[Event]:
    return list(eventwire.extract(text, published="2024-09-06", **kwargs).events)


def text_of(text: str, event: Event) -> str:
    return text[event.trigger.start : event.trigger.end]


def only(text: str, trigger: str) -> Event:
    result = eventwire.extract(text, published="2024-09-06")
    found = [e for e in result.events if result.text_of(e.trigger).lower().startswith(trigger)]
    assert found, (
        f"no {trigger!r} event in {text!r}: {[result.text_of(e.trigger) for e in result.events]}"
    )
    return found[0]


def only_any(text: str, trigger: str) -> Event:
    """`only` over every event, those a user does not count included (`--events all`)."""
    result = eventwire.extract(text, published="2024-09-06", settings=Settings(events="all"))
    found = [e for e in result.events if result.text_of(e.trigger).lower().startswith(trigger)]
    assert found, f"no {trigger!r} event in {text!r}"
    return found[0]


def test_cameo_lexicon_is_generated_with_its_licence_and_loads():
    head = (DATA / "cameo_verbs.tsv").read_text(encoding="utf-8")[:800]
    assert "CC BY-SA 4.0" in head
    assert "tools/build_triggers.py" in head
    triggers = load_triggers()
    assert len(triggers.readings) > 1500  # the curated table alone has about 300 lemmas
    derived = [r for rs in triggers.readings.values() for r in rs if r.derived]
    assert derived
    assert all(r.cameo for r in derived)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        # words the curated table lacks, typed through CAMEO -> PLOVER
        ("Rebel fighters surrendered to the Nigerian army on Monday.", "surrendered", "CONCEDE"),
        ("Israeli forces demolished the house of a Palestinian militant.", "demolished",
         "ASSAULT"),
        ("The Kenyan government sued the British company over the spill.", "sued", "ACCUSE"),
        ("Iraq castigated Turkey over the raid.", "castigated", "ACCUSE"),
    ],
)  # fmt: skip
def test_cameo_verbs_give_events_the_curated_table_lacks(text, trigger, etype):
    assert only(text, trigger).type == etype


@pytest.mark.slow
def test_cameo_patterns_tell_a_release_from_a_statement():
    assert only("The rebels freed 12 Kenyan soldiers on Friday.", "freed").type == "RETREAT"
    said = events("The Kenyan ministry released a statement on Friday.")
    assert not said, [e.type for e in said]
    # releasing published material (the curated "publication" class) is no release either
    for text in (
        "Kenyan police released photos of the two suspects.",
        "The Kenyan ministry released figures on Friday.",
        "The Chinese authorities released a white paper on religion.",
    ):
        assert not events(text), text
    assert only("The Kenyan army released 20 prisoners.", "released").type == "RETREAT"


@pytest.mark.slow
def test_an_object_condition_reads_the_noun_a_quantity_counts():
    # "dozens of guests hostage": the object's head is "dozens", what it counts is the phrase
    text = "The militants, who stormed the hotel on Saturday, held dozens of guests hostage."
    assert only(text, "held").type == "ASSAULT"
    assert not events("The Kenyan ministry released dozens of statements on Friday.")


@pytest.mark.slow
def test_a_patterns_of_phrase_may_hang_on_the_object():
    # CAMEO's "* STATE OF EMERGENCY": the parse hangs "of emergency" on "state", not the verb
    event = only("The Kenyan government declared a state of emergency in the capital.", "declared")
    assert (event.type, event.mode) == ("COERCE", "martial-law")
    assert not events("The Kenyan government declared the state of the economy sound.")


@pytest.mark.slow
def test_a_patterns_phrases_read_a_passive_as_its_active():
    # CAMEO's patterns are written in the active voice: a passive's subject is the object
    # they name, its agent their subject
    text = "A state of emergency was declared in the capital by the Kenyan government."
    assert only(text, "declared").type == "COERCE"
    assert only("Dozens of hostages were held by Kenyan militants.", "held").type == "ASSAULT"
    assert not events("Photos of both suspects were released on Saturday.")


@pytest.mark.slow
def test_a_passive_subject_is_the_patient_an_object_condition_asks_about():
    # obj= conditions read the patient: the object, or the subject of a passive
    assert only("A ceasefire deal was reached in Cairo on Friday.", "reached").type == "AGREE"
    assert only("Twelve Kenyan prisoners were released.", "released").type == "RETREAT"
    assert not events("Photos of both suspects were released on Saturday.")


@pytest.mark.slow
def test_cameo_readings_need_a_political_actor():
    # a dictionary verb with only private people as actors is no event
    assert not events("It keeps people engaged in the club.")


@pytest.mark.parametrize(
    ("etype", "modality", "rule", "plover"),
    [
        ("RETREAT", "planned", "modal:will", "AGREE"),
        ("ASSAULT", "planned", "modal:will", "THREATEN"),
        ("ASSAULT", "hypothetical", "modal:would+conditional:if", "THREATEN"),
        ("AGREE", "negated", "governor:fail", "OTHER"),  # a failed agreement is no event
        ("RETREAT", "negated", "governor:refuse", "REJECT"),
        ("ASSAULT", "denied", "governor:deny", "OTHER"),
        ("RETREAT", "predicted", "governor:predict", "OTHER"),
        ("ASSAULT", "hypothetical", "modal:could", "OTHER"),
        ("ASSAULT", "alleged", "adverb:allegedly", "ASSAULT"),
        ("RETREAT", "requested", "governor:urge", "REQUEST"),
    ],
)
def test_plover_folding_rules(etype, modality, rule, plover):
    assert folded_type(etype, modality, rule)[0] == plover


@pytest.mark.slow
def test_a_failed_agreement_is_not_coded_agree():
    event = only("Kenya and Ethiopia failed to reach an agreement on the border.", "reach")
    assert event.modality == "negated"
    assert event.plover_type == "OTHER"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Asked whether Iran would attack, the minister said nothing.", "attack"),
        ("Did the army shell the town on Monday?", "shell"),
        ("“You are fighting a losing war,” he told reporters.", "fighting"),
    ],
)
def test_questions_and_rhetoric_are_not_reported_events(text, trigger):
    for event in eventwire.extract(text, published="2024-09-06").events:
        assert event.plover_type == "OTHER" or event.modality != "occurred", event


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Russian officials asked on what basis France had expelled its diplomats.",
        "Russian questions to France concern the probe, including asking on what basis France"
        " became involved.",
    ],
)
def test_a_question_put_through_a_preposition_is_no_request(text):
    assert "REQUEST" not in [e.plover_type for e in events(text)]


def test_a_journalists_question_is_no_request_and_warning_of_a_hazard_no_threat():
    assert not [e for e in events("Reporters asked whether the talks would resume.")
                if e.plover_type == "REQUEST"]  # fmt: skip
    assert not [e for e in events("Kenya warns of famine as the drought spreads.")
                if e.plover_type == "THREATEN"]  # fmt: skip
    threat = only("Kenya warned it would retaliate against any attack.", "warned")
    assert threat.plover_type == "THREATEN"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        # the owner of what the verb acts on
        ("North Korea tried to hack into the computers of South Korean officers.", "hack",
         "KOR"),
        # the light verb's prepositional object
        ("Kenya made concessions to Ethiopia on Sunday.", "concessions", "ETH"),
        # the one asked is who would act
        ("EU ministers demanded the withdrawal of Serbian forces from Bosnia.", "demanded",
         "SRB"),
        # a protest's aim
        ("Students began a hunger strike to demand the resignation of the Algerian president.",
         "strike", "DZA"),
        # the place of a domestic event
        ("Thousands of Kurds demonstrated in Kirkuk on Sunday.", "demonstrated", "IRQ"),
    ],
)  # fmt: skip
def test_recipients_from_object_phrases_aims_and_places(text, trigger, recipient):
    event = only(text, trigger)
    assert recipient in {r.country for r in event.recipients}, event.recipients


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Police in Kirkuk arrested 20 protesters on Sunday.", "arrested", "IRQ"),
        ("Residents of Idlib protested against the government.", "protested", "SYR"),
    ],
)
def test_a_group_takes_the_country_of_the_place_it_is_in(text, trigger, actor):
    event = only(text, trigger)
    assert [a.country for a in event.actors] == [actor]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("Turkey threatened military action unless Sweden cracks down on Kurdish groups.",
         "threatened", "SWE"),
        ("Hamas threatened to end the truce if Israel continued its raids.", "threatened",
         "ISR"),
    ],
)  # fmt: skip
def test_a_conditional_threat_is_aimed_at_the_one_who_must_comply(text, trigger, recipient):
    event = only(text, trigger)
    assert [r.country for r in event.recipients] == [recipient]
    assert "recipient:condition" in event.trace


@pytest.mark.slow
def test_the_other_sides_country_is_no_clue_to_who_meets_it():
    event = only("The prime minister spoke by telephone with the German chancellor.", "spoke")
    assert [r.country for r in event.recipients] == ["DEU"]
    assert "DEU" not in {a.country for a in event.actors}


@pytest.mark.slow
def test_the_place_of_the_reporting_clause_is_no_recipient():
    text = "Rebels killed about 20 people on Sunday, relief officials in Nairobi said."
    event = only(text, "killed")
    assert "KEN" not in {r.country for r in event.recipients}


def test_discards_sport_sentences_give_no_plover_events_unless_a_public_party_acts():
    # Phoenix's discard list: a football match's "attack" is no ASSAULT ...
    text = "The striker was attacked by fans after the football match in Cairo."
    assert events(text) == []
    kept = eventwire.extract(text, published="2024-09-06", settings=Settings(events="all"))
    [attack] = [e for e in kept.events if kept.text_of(e.trigger) == "attacked"]
    assert (attack.type, attack.plover_type) == ("OTHER", "OTHER")
    assert "discard:football" in attack.trace
    # ... but an arrest by a government over a football tournament is still an arrest
    text = "Nigerian authorities jailed 52 activists for playing in a football tournament."
    assert [e.plover_type for e in events(text)] == ["COERCE"]
    # and a place named with a discard word is a place ("Marathon County")
    text = "Rebels attacked a police station in Marathon County on Sunday."
    assert [e.plover_type for e in events(text)] == ["ASSAULT"]


def test_discards_story_phrase_discards_every_sentence_of_the_story():
    text = (
        "Cairo Club Reaches Champions League Final\n\n"
        "The Egyptian side attacked from the first minute and beat the visitors 2-0."
    )
    assert events(text) == []


def test_discards_a_users_list_adds_phrases(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "discards.tsv").write_text("curling\tsentence\n", encoding="utf-8")
    text = "Angry fans attacked the referee after the curling final in Oslo."
    assert [e.plover_type for e in events(text)] == ["ASSAULT"]
    settings = Settings(lexicons=tmp_path)
    assert eventwire.extract(text, published="2024-09-06", settings=settings).events == ()


def test_discards_bundled_list_keeps_dates_out():
    from eventwire.stages.s7_events.vocabulary import load_discards

    discards = load_discards()
    assert next(discards.in_sentence("It happened five years ago."), None) is None
    assert [p for _, _, p in discards.in_sentence("a BASKETBALL game")] == ["basketball"]


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Kenya and Ethiopia held joint military drills near the border.", "drills", "COOPERATE"),
        ("China held military exercises near Taiwan.", "exercises", "MOBILIZE"),
        ("Kenya brought an official complaint against Ethiopia.", "complaint", "ACCUSE"),
        ("Parliament launched an inquiry into the killings.", "inquiry", "ACCUSE"),
        ("Russia announced the expulsion of 20 British diplomats.", "expulsion", "SANCTION"),
        ("Turkish troops staged an incursion into Syria.", "incursion", "ASSAULT"),
    ],
)
def test_event_nouns_of_cameo_categories(text, trigger, plover):
    assert only(text, trigger).plover_type == plover


def test_event_nouns_need_their_sense():
    # an exercise that is no military one, a drill that names a rank: no event
    assert events("He called the plan an exercise in futility.") == []
    assert [e.plover_type for e in events("The drill sergeant shouted at the recruits.")] == []


def test_a_verb_of_saying_or_thinking_has_no_cameo_default_reading():
    # CAMEO files THINK under CONSIDER [040] (CONSULT) and ARGUE under disapproval: a view
    # or a statement, no act; alleging stays an accusation
    assert events("The Iranian government thinks the deal is dead.") == []
    assert events("Russia argued that the sanctions were illegal.") == []
    assert only("Kenya alleges Ethiopia violated the laws of war.", "alleges").plover_type == (
        "ACCUSE"
    )


def test_a_plea_of_guilt_is_no_request_and_police_arriving_no_visit():
    assert events("In 2001 the two brothers pleaded guilty to the arsons.") == []
    assert only("The mother pleaded with the judge for mercy.", "pleaded").plover_type == "REQUEST"
    found = [e.plover_type for e in events("Police arrived within minutes and detained him.")]
    assert found == ["COERCE"]
    assert only("The Chinese president arrived in Moscow.", "arrived").plover_type == "CONSULT"


def test_an_adjective_condition_is_checked_when_the_lexicon_loads(tmp_path):
    from eventwire.errors import ConfigError

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "triggers.tsv").write_text("plead\tV\tNONE\t-\tadj=\t-\n")
    with pytest.raises(ConfigError, match="bad condition"):
        load_triggers(tmp_path)


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Police captured the suspect on Friday.", "captured", "COERCE"),
        ("The two inmates have been captured in Chattanooga.", "captured", "COERCE"),
        ("Syrian troops captured the city.", "captured", "ASSAULT"),
        ("The United States warned Iran not to attack the tanker.", "warned", "THREATEN"),
    ],
)
def test_capturing_people_is_an_arrest_and_a_warning_to_the_public_no_threat(text, trigger, plover):
    assert only(text, trigger).plover_type == plover


def test_a_warning_to_the_public_is_no_threat():
    assert events("The water company is warning people not to swim near the outlet.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Airbus has warned there could be additional charges to come.",
        "Economists warn that the tit-for-tat moves could escalate into a trade war.",
        "The company warned that it might run out of money by March.",
    ],
)
def test_a_warning_that_forecasts_is_no_threat(text):
    assert "THREATEN" not in [e.plover_type for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "China warned that it would retaliate against any new tariffs.",
        "The ministry warned that troops would attack the town if the rebels refused.",
    ],
)
def test_a_warning_of_force_is_a_threat(text):
    assert only(text, "warned").plover_type == "THREATEN"


@pytest.mark.parametrize(
    "text",
    [
        "The Mexican government is going to produce more oil.",
        "The Kenyan government wants to see the judge.",
        "Malta needs to stand its ground, the minister said.",
        "The Chinese government plans to reach its target by Friday.",
    ],
)
def test_a_dictionary_verb_is_the_modal_of_an_infinitive_with_no_event(text):
    # CAMEO's default readings of go (040), want (030), need (100), plan (030) code the
    # verb itself; with an infinitive of its own subject that holds no event, it is a modal
    assert [e.plover_type for e in events(text)] == []


def test_an_infinitive_of_another_or_with_an_event_keeps_the_event():
    assert only("Vietnam wants Russia to play a greater role.", "wants").plover_type == "AGREE"
    talks = only("Iran plans to hold talks with the European Union.", "hold")
    # planned talks: PLOVER's AGREE (a commitment to meet)
    assert (talks.type, talks.modality, talks.plover_type) == ("CONSULT", "planned", "AGREE")


def test_demonstrating_something_is_showing_it_and_a_vehicle_arriving_no_visit():
    assert events("The report demonstrates the destructive potential of the unions.") == []
    assert events("The trial demonstrated that the Kenyan drug works.") == []
    protest = only("Thousands of students demonstrated outside the embassy.", "demonstrated")
    assert protest.plover_type == "PROTEST"
    assert events("The first direct train to Amsterdam arrived on Wednesday.") == []
    assert events("A ship operated by a Norwegian firm arrived at the search area.") == []
    assert only("The Chinese president arrived in Moscow.", "arrived").plover_type == "CONSULT"


def test_a_noobj_condition_is_checked_when_the_lexicon_loads(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "triggers.tsv").write_text("parade\tV\tPROTEST\tdemo\tnoobj\t-\n")
    assert load_triggers(tmp_path).readings["parade"][0].condition == "noobj"


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president died at the scene.",
        "The Nigerian government faced a vastly different environment.",
        "The Chinese government mused about leaving the talks.",
        "The Kenyan ministers had come to similar conclusions.",
        "The Kenyan president is just blowing off steam again.",
    ],
)
def test_a_bare_dictionary_verb_needs_a_recipient(text):
    # CAMEO's entries for die, face, muse and "COME - TO" code an act between two parties
    assert events(text) == []


def test_a_bare_dictionary_verb_with_a_recipient_is_kept():
    found = only("China quickly retaliated against the United States.", "retaliated")
    assert {a.country for a in found.recipients} == {"USA"}


@pytest.mark.parametrize(
    "text",
    [
        "Syrian officers ended their mediation between the rival militias.",
        "Syrian officers today ended mediation efforts between rival militias.",
        "Iran terminated talks with the European Union.",
        "The United States halted the aid programme to Egypt.",
    ],
)
def test_ending_talks_mediation_or_aid_is_a_sanction(text):
    # CAMEO 164/165 (halt negotiations, halt mediation) and 162 (reduce aid): SANCTION;
    # the class may name the object's head or the noun before it ("mediation efforts")
    assert [e.plover_type for e in events(text)] == ["SANCTION"]


def test_an_event_noun_after_a_light_verbs_in_is_its_event_with_its_modality():
    cleansing = only("Serb forces were engaged in ethnic cleansing in Montenegro.", "cleansing")
    assert (cleansing.plover_type, cleansing.salience) == ("ASSAULT", "main")
    assert {a.country for a in cleansing.actors} == {"SRB"}
    talks = only("Iran will not engage in talks with the United States.", "talks")
    assert (talks.type, talks.modality) == ("CONSULT", "negated")
    # after a light verb with an object of its own, "in" is the setting
    found = events("Kenya made concessions to Ethiopia in the nuclear talks.")
    assert [e.plover_type for e in found] == ["CONCEDE"]


@pytest.mark.parametrize(
    ("text", "trigger", "plover_type"),
    [
        (
            "Kenyan and Ethiopian ministers participated in the negotiations.",
            "negotiations",
            "CONSULT",
        ),
        ("Kenyan officials took part in talks with Ethiopia.", "talks", "CONSULT"),
        ("Russian troops took part in the attack on the town.", "attack", "ASSAULT"),
    ],
)
def test_taking_part_in_an_event_is_that_event_with_the_participant_as_actor(
    text, trigger, plover_type
):
    # "participate in" and "take part in" only say their event noun happened; "take part"
    # alone is CAMEO's intent to cooperate (030), which yields to the noun
    found = events(text)
    assert [(text_of(text, e), e.plover_type, e.salience) for e in found] == [
        (trigger, plover_type, "main")
    ]
    assert found[0].actors
    assert all(a.country for a in found[0].actors)


def test_taking_part_in_an_event_keeps_its_modality():
    talks = only("Kenya will not take part in the talks.", "talks")
    assert (talks.type, talks.modality) == ("CONSULT", "negated")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president held a press conference in Nairobi on Monday.",
        "The Kenyan president started the news conference by thanking the public.",
    ],
)
def test_a_conference_for_the_press_is_no_meeting(text):
    assert [e.plover_type for e in events(text)] == []


def test_a_curated_no_event_pattern_keeps_the_dictionarys_default_reading():
    # "convene" has a curated pattern for press conferences only: CAMEO's default stays
    found = events("Kenyan and Ethiopian ministers will convene talks in Nairobi on Monday.")
    assert "CONSULT" in {e.type for e in found}


def test_ending_attacks_is_a_ceasefire_not_an_attack():
    # CAMEO 0871: "end/halt/stop attacks" de-escalates; the ended attacks are not the event
    halted = [(e.type, e.mode) for e in events("The Syrian army halted its attacks on the town.")]
    assert halted == [("RETREAT", "ceasefire")]
    planned = events("Kenya will end its attacks on the rebels.")
    assert [(e.type, e.modality, e.plover_type) for e in planned] == [
        ("RETREAT", "planned", "AGREE")
    ]
    # a light verb that starts its event still yields to the noun
    launched = events("Russian troops launched attacks on the town.")
    assert [e.plover_type for e in launched] == ["ASSAULT"]


def test_a_purpose_to_protest_says_the_act_was_a_protest():
    found = events("Kenyan farmers stayed away from work on Monday to protest the new taxes.")
    assert [(e.plover_type, e.salience) for e in found] == [("PROTEST", "main")]
    # an act that is itself a protest is the one event
    found = events("Kenyan farmers blocked roads in Nairobi to protest the new taxes.")
    assert [e.plover_type for e in found] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition suspended its protests for two weeks.",
        "Kenyan unions called off the strike.",
        "The Kenyan government ended the curfew in Nairobi.",
        "The president of Kenya revoked the ban on opposition rallies.",
    ],
)
def test_ending_restrictions_or_dissent_is_a_concession(text):
    # CAMEO 081/0811/0812 (ease restrictions, lift a ban) and 082 (ease political dissent)
    assert [e.plover_type for e in events(text)] == ["CONCEDE"]


def test_ending_aid_stays_a_sanction_and_a_month_is_no_march():
    assert [e.plover_type for e in events("Kenya suspended aid to Ethiopia.")] == ["SANCTION"]
    assert events("The Kenyan deadline ended on March 29.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Both rail chiefs agree that the train is a good alternative to the plane.",
        "He said he agreed it was a very big problem.",
        "The minister conceded that the plan was a mistake.",
        "Russia accepted that the vote in Kenya was fair.",
    ],
)
def test_accord_with_a_view_is_a_statement_not_an_agreement(text):
    # CAMEO's 019 (express accord): "agree on the importance", "agree that it is ..."
    assert [e.plover_type for e in events(text)] == []


def test_agreeing_that_someone_will_act_stays_an_agreement():
    text = "Kenya and Ethiopia agreed that troops will withdraw by June."
    assert "AGREE" in [e.plover_type for e in events(text)]
    assert "AGREE" in [e.plover_type for e in events("Serbia accepted the peace plan.")]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan minister paused. Then he asked.",  # a question asked, nothing requested
        "The Kenyan minister had called in sick for the previous three days.",
        "Kenyan children play hide and seek in the park.",
        "The Kenyan minister insisted that the plan was fair.",
    ],
)
def test_no_request_without_something_asked_for(text):
    assert "REQUEST" not in [e.plover_type for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya asked for international aid.",
        "Kenya asked Ethiopia for help.",
        "Kenyan prosecutors had asked for Park to receive a 30-year sentence.",
        "The UN called for a ceasefire in Syria.",
        "Russia insisted that Britain release the diplomats.",
    ],
)
def test_requests_keep_their_reading(text):
    assert "REQUEST" in [e.plover_type for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters set up barricades on the main road.",
        "The traders set up a stall and opened fire on nobody.",
        "The army opened fire on the crowd and took over the town.",
        "The talks went through the night before both sides took part in a vote.",
        "Police carried out raids and the rebels gave up their weapons.",
        "The rebels set fire to the embassy after the government set aside funds for troops.",
        "The minister said the plan would go ahead, and he stepped down on Friday.",
    ],
)
def test_the_pattern_plan_finds_the_reading_trying_every_reading_would(text):
    """`Triggers.worth_trying` skips the patterns whose phrase words the token lacks (CAMEO
    gives "set" 239 readings, "open" 278); the reading found must be the first reading in
    file order whose condition holds, as if every one were tried."""
    from eventwire.api import make_article
    from eventwire.model import Doc
    from eventwire.pipeline import event_verbs, headline_words
    from eventwire.stages.s2_parse.nlp import ParseStage
    from eventwire.stages.s7_events.phrases import PhraseView
    from eventwire.stages.s7_events.triggers import holds, reading_for, token_pos

    settings = Settings()
    parse = ParseStage(headline_words=headline_words(settings), event_verbs=event_verbs(settings))
    parsed = parse(Doc(article=make_article(text))).parsed
    triggers = load_triggers()
    tried = 0
    for tok in parsed:
        pos = token_pos(tok)
        if pos is None:
            continue
        view = PhraseView(tok)
        expected = next(
            (
                reading
                for form in triggers.forms_of(tok, pos)
                for reading in triggers.readings[form]
                if pos in reading.pos and holds(reading, view, triggers)
            ),
            None,
        )
        assert reading_for(tok, triggers, pos) == expected, tok.text
        tried += expected is not None
    assert tried >= 1  # each sentence holds a reading


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("The board sought to send a message to other doctors.", False),
        ("The opposition seeks to implicate the prime minister in the bond scam.", False),
        ("The rebels sought talks with the government.", True),
        ("Iran sought the release of its diplomats.", True),
    ],
)
def test_seeking_to_act_is_an_attempt_and_seeking_something_a_request(text, asks):
    """ "Seek to" with an infinitive of its own subject is "try to" (WordNet's seek, attempt);
    a request asks for something ("sought talks", "sought the release")."""
    found = [e for e in events(text) if e.plover_type == "REQUEST"]
    assert bool(found) is asks, [(e.plover_type, e.trace) for e in events(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "China's trade practices have caused American factories to close and lead to the "
            "loss of American jobs.",
            False,
        ),
        ("The Saudi crown prince is coming to the end of a tour of the United States.", False),
        ("The Saudi crown prince came to the United States.", True),
    ],
)
def test_a_bare_cameo_entry_needs_the_other_party_as_an_argument(text, kept):
    """CAMEO's "COME - TO", "LEAD - TO" are visits between two parties: the other party is
    the verb's argument, not the owner of what the verb names ("the end of a tour of the
    United States", "the loss of American jobs")."""
    found = [e for e in events(text) if e.plover_type == "CONSULT"]
    assert bool(found) is kept, [(e.plover_type, e.trace) for e in events(text)]


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("Those calls have been met with passionate responses by Trump supporters.", False),
        ("The proposal was met with scepticism in Brussels.", False),
        ("Wang Yi met with Russian Foreign Minister Sergei Lavrov in Moscow.", True),
        ("The delegation was met by Chinese officials at the airport.", True),
    ],
)
def test_being_met_with_a_reaction_is_no_meeting(text, meeting):
    """ "Was met with criticism" says how something was received (trigger condition
    `passive`); "met with Lavrov" and "was met by officials" are meetings."""
    found = [e for e in events(text) if e.plover_type == "CONSULT"]
    assert bool(found) is meeting, [(e.plover_type, e.trace) for e in events(text)]


@pytest.mark.parametrize(
    ("text", "word", "event"),
    [
        (
            "The eighth round of North American Free Trade Agreement negotiations was suspended.",
            "agreement",
            False,
        ),
        (
            "Tunisia worked with the US as the Government of National Accord in Libya launched "
            "an operation.",
            "accord",
            False,
        ),
        (
            "The agreement between Kenya and Ethiopia came after months of talks.",
            "agreement",
            True,
        ),
    ],
)
def test_a_word_of_a_name_is_no_trigger(text, word, event):
    """ "Agreement" in the name of a treaty, "Accord" in a government's name: part of what
    they name, not an agreement reported."""
    result = eventwire.extract(text, published="2024-09-06")
    found = [e for e in result.events if result.text_of(e.trigger).lower() == word]
    assert bool(found) is event, [(result.text_of(e.trigger), e.trace) for e in result.events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Peace requires the withdrawal of all foreign troops.", "withdrawal"),
        ("Israel needs to withdraw its troops from the West Bank.", "withdraw"),
    ],
)
def test_what_is_required_or_needed_has_not_occurred(text, trigger):
    """CAMEO files NEED and NECESSITATE with DEMAND: what a verb of need governs is
    asked for, not reported as done."""
    assert only(text, trigger).modality == "requested"


@pytest.mark.parametrize(
    ("text", "accusation"),
    [
        ("Airbus, in particular, charge an added cost for taking an aircraft to Indonesia.", False),
        ("Banks charge a fee for every transfer.", False),
        ("Police charged him with murder.", True),
    ],
)
def test_charging_a_price_is_no_accusation(text, accusation):
    assert bool([e for e in events(text) if e.plover_type == "ACCUSE"]) is accusation


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Kenyan army purchased a dozen of Russia's helicopters.", "RUS"),
        ("The Indian government purchased a handful of French warplanes.", "FRA"),
    ],
)
def test_an_amount_of_things_is_the_object_itself(text, country):
    """ "A dozen of", "a handful of", "a score of": the object is what follows, so its owner
    is the other party a CAMEO bare entry needs, as for the object itself."""
    found = [e for e in events(text) if e.plover_type == "COOPERATE"]
    assert found
    assert country in [r.country for r in found[0].recipients]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Kenyan teachers went on strike over pay.", "KEN"),
        ("French rail workers have been on strike since Monday.", "FRA"),
    ],
)
def test_being_on_strike_is_a_strike_by_the_verbs_subject(text, actor_country):
    event = only(text, "strike")
    assert (event.type, event.plover_type, event.modality) == ("PROTEST", "PROTEST", "occurred")
    assert [a.country for a in event.actors] == [actor_country]


@pytest.mark.slow
def test_on_without_an_event_noun_is_no_event():
    assert events("He went on to win the election.") == []
    assert events("The report went on sale on Monday.") == []


@pytest.mark.slow
def test_being_on_a_determined_event_noun_says_where_attention_is():
    assert [e.type for e in events("The focus of the summit is on the strike.")] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The fire service spent the night fighting two apartment fires.",
        "Firefighters battled the blaze for hours.",
        "The minister said the fight against poverty would take years.",
        "I am going to fight for more funding to repair our roads.",
        "Many of these land disputes have been fought in the courts.",
    ],
)
def test_a_fight_with_no_party_against_it_is_no_assault(text):
    """A hazard fought, a cause fought for, a forum fought in: no one is attacked (nor
    threatened: a planned fight folds to THREATEN, so the action's own type is checked)."""
    assert [e.type for e in events(text) if e.type == "ASSAULT"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels fought government troops near Aleppo.", "fought"),
        ("Police fought with protesters in the capital.", "fought"),
        ("Fierce fighting between the two armies went on for days.", "fighting"),
    ],
)
def test_a_fight_between_parties_stays_an_assault(text, trigger):
    assert only(text, trigger).plover_type == "ASSAULT"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("Russia recognized the independence of Kosovo.", "recognized", "XKX"),
        ("France recognized the new government in Tripoli.", "recognized", "LBY"),
        ("Sweden recognised the state of Palestine.", "recognised", "PSE"),
    ],
)
def test_recognising_a_state_or_a_government_is_support(text, trigger, recipient):
    event = only(text, trigger)
    assert event.plover_type == "SUPPORT"
    assert recipient in [r.country for r in event.recipients]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The minister recognizes that the plan has problems.",
        "The council recognized street art as a form of expression.",
        "The family will host a Passover Seder.",
        "The university hosted a workshop on climate.",
        "The museum will host an exhibition of Kenyan art.",
    ],
)
def test_recognising_a_fact_or_hosting_without_a_party_is_no_event(text):
    assert events(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Kenya hosted the Ethiopian president.", "ETH"),
        ("Qatar hosted the negotiations.", None),
    ],
)
def test_a_party_that_hosts_a_visit_or_talks_consults(text, recipient):
    event = only(text, "hosted")
    assert event.plover_type == "CONSULT"
    assert [r.country for r in event.recipients] == ([recipient] if recipient else [])


@pytest.mark.slow
def test_a_hyphenated_word_of_the_lexicon_matches_the_words_the_parse_splits():
    """The parse splits "re-election" into "re", "-", "election"; CAMEO writes it whole."""
    assert events("The senator is seeking re-election in November.") == []
    gave = only("Kenya gave the go-ahead for the new pipeline.", "gave")
    assert gave.plover_type == "AGREE"
    assert any("cameo_verbs.tsv" in step for step in gave.trace)


@pytest.mark.parametrize(
    "text",
    [
        "The students learned about threats to marine turtles globally.",
        "Officials have sought to downplay the threat of a broader trade dispute.",
    ],
)
def test_a_threat_made_by_no_one_is_a_danger_not_a_threat(text):
    assert "THREATEN" not in [e.plover_type for e in events(text)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The proposal answers China's recent threat of new tariffs.", "CHN"),
        ("Iran renewed its threats against Israel.", "IRN"),
        # "set" stages the ultimatum: its subject made it
        ("Obama has set three ultimatums before Fiat.", "USA"),
    ],
)
def test_a_threat_someone_makes_is_theirs(text, country):
    threats = [e for e in events(text) if e.plover_type == "THREATEN"]
    assert [a.country for e in threats for a in e.actors] == [country]


def test_a_protest_after_the_words_it_frames_is_an_accusation():
    # the clause before the comma is what the union protested: a verbal protest (ACCUSE),
    # not a demonstration
    text = "The government is hiding the truth, the union protested on Monday."
    assert only(text, "protested").plover_type == "ACCUSE"
    assert only("Hundreds of students protested outside parliament.", "protested").plover_type == (
        "PROTEST"
    )


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a vow or pledge of force is a threat (PLOVER), of anything else a pledge
        ("China vowed on Friday to fight the U.S. at any cost.", "THREATEN"),
        ("The rebels vowed to attack the capital.", "THREATEN"),
        ("The president vowed to fight corruption.", "AGREE"),
        ("The minister pledged to increase aid to the region.", "AGREE"),
    ],
)
def test_a_vow_of_force_is_a_threat(text, plover):
    trigger = "vowed" if "vowed" in text else "pledged"
    assert only(text, trigger).plover_type == plover


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan is holding an election, with President Ilham Aliyev seeking his fourth term.",
        "The senator is seeking the Democratic nomination for governor.",
    ],
)
def test_seeking_an_office_is_a_campaign_no_request(text):
    assert "REQUEST" not in [e.plover_type for e in events(text)]
    assert only("Iran sought the release of its diplomats.", "sought").plover_type == "REQUEST"


def test_a_count_out_of_another_is_no_particle():
    # "21 out of 29" is a proportion: the BJP rules the states, it rules nothing out
    assert events("The BJP or its partners rule 21 out of 29 Indian states.") == []
    assert only("Iran ruled out talks with the United States.", "ruled out").plover_type == (
        "REJECT"
    )
    assert only("The army pulled out of the town.", "pulled").plover_type == "RETREAT"


@pytest.mark.parametrize(
    "text",
    [
        # CAMEO's "DECLINE * COMMENT" [011]: a statement, no refusal PLOVER codes
        "Kenyan police declined to comment on the lawsuit.",
        "The Ethiopian foreign ministry refused to elaborate on the talks.",
        "The Kenyan minister declined to speculate on the outcome.",
        # a price charged is no charge laid
        "Kenyan power companies charge differently for the use of the grid.",
        # a product released frees no one
        "Kenya Airways is preparing to release a new aircraft in 2026.",
        # what something promises to be is no promise of an act
        "The Nairobi trade fair promises to be the biggest yet.",
    ],
)
def test_declining_to_comment_pricing_products_and_promising_to_be_are_no_events(text):
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Kenya refused to respond to a demand from Ethiopia.", "refused", "REJECT"),
        ("Kenya declined to sign the agreement with Ethiopia.", "declined", "REJECT"),
        ("Kenyan police charged two Ethiopian men with murder.", "charged", "ACCUSE"),
        ("Somali militants released 20 Kenyan hostages.", "released", "RETREAT"),
        ("Kenya promised to withdraw its troops from Somalia.", "promised", "AGREE"),
    ],
)
def test_refusing_an_act_charging_people_and_freeing_them_stay_events(text, trigger, plover):
    assert only(text, trigger).plover_type == plover


def test_an_ownto_class_condition_is_checked_when_the_lexicon_loads(tmp_path):
    from eventwire.errors import ConfigError

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "triggers.tsv").write_text("balk\tV\tNONE\t-\townto=nosuchclass\t-\n")
    with pytest.raises(ConfigError, match="nosuchclass"):
        load_triggers(tmp_path)


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "actor", "recipient"),
    [
        ("Kenya arranged a meeting with Ethiopian officials.", "meeting", "AGREE", "KEN", "ETH"),
        ("Kenya scheduled talks with Ethiopia for next week.", "talks", "AGREE", "KEN", "ETH"),
        ("Kenyan unions planned a strike on Monday.", "strike", "THREATEN", "KEN", None),
    ],
)
def test_an_event_planned_is_an_event_to_come_with_its_planner_as_actor(
    text, trigger, plover, actor, recipient
):
    event = only(text, trigger)
    assert (event.plover_type, event.modality) == (plover, "planned")
    assert [a.country for a in event.actors] == [actor]
    assert "actor:planner" in event.trace
    if recipient is not None:
        assert recipient in [r.country for r in event.recipients]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya blames Ethiopia for the attack, which Ethiopia denies.",
        "Kenya says Ethiopian troops shelled the town, a charge that Ethiopia denies.",
        "Kenya accused Ethiopia of shelling the town, a charge denied by Ethiopia.",
    ],
)
def test_a_denial_in_a_clause_on_a_claim_is_news_aimed_at_the_claimant(text):
    denial = only(text, "denie")
    assert (denial.plover_type, denial.salience) == ("REJECT", "main")
    assert [a.country for a in denial.actors] == ["ETH"]
    assert [r.country for r in denial.recipients] == ["KEN"]
    assert "recipient:claimant" in denial.trace


def test_a_clause_describing_a_place_stays_background():
    text = "Kenyan troops seized the town, which Ethiopian forces recaptured last week."
    assert [e.plover_type for e in events(text)] == ["COERCE"]


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "actor", "recipient"),
    [
        # CAMEO's "[:code]": the act is the other side's, done to the subject
        (
            "Kenya received strong backing from the United States.",
            "received",
            "SUPPORT",
            "USA",
            "KEN",
        ),
        ("Kenya received a loan from the World Bank.", "received", "AID", "IGO", "KEN"),
        ("Kenya has received threats from Somali militants.", "received", "THREATEN", "SOM", "KEN"),
    ],
)
def test_receiving_an_act_makes_its_giver_the_actor(text, trigger, plover, actor, recipient):
    event = only(text, trigger)
    assert event.plover_type == plover
    assert [a.country for a in event.actors] == [actor]
    assert [r.country for r in event.recipients] == [recipient]
    assert "actor:reversed" in event.trace


def test_a_charge_faced_needs_no_charger_but_money_earned_is_no_aid():
    charged = only("Kenya's former finance minister faces charges of corruption.", "faces")
    assert charged.plover_type == "ACCUSE"
    assert [r.country for r in charged.recipients] == ["KEN"]
    assert events("Kenyan farmers earned millions of dollars last year.") == []


def test_a_demand_to_face_penalties_is_asked_of_the_one_who_would_face_them():
    text = "Kenya said that Ethiopia must end its raids or face penalties."
    demand = only(text, "face")
    assert demand.plover_type == "REQUEST"
    assert [a.country for a in demand.actors] == ["KEN"]
    assert [r.country for r in demand.recipients] == ["ETH"]


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # CAMEO's "REGAIN * LAND" [171] for any ground taken, through a quantity
        ("The Kenyan army has regained most of the towns near the border.", "regained", "COERCE"),
        ("Kenyan troops have retaken the city of Kismayo.", "retaken", "COERCE"),
        # an armed campaign or operation is an attack; "wage" is a light verb, in the
        # passive too
        (
            "The Kenyan army is pressing its military operations in Somalia.",
            "operations",
            "ASSAULT",
        ),
        ("Kenya says an air campaign was waged against the town.", "campaign", "ASSAULT"),
        # an object counted still decides: diplomats expelled are a sanction
        ("Kenya has expelled 23 of Ethiopia's diplomats.", "expelled", "SANCTION"),
    ],
)
def test_ground_retaken_armed_campaigns_and_counted_objects(text, trigger, plover):
    event = only(text, trigger)
    assert (event.plover_type, event.modality) == (plover, "occurred")


def test_an_election_campaign_is_no_attack_and_pressing_for_talks_still_asks():
    assert events("Kenya's opposition launched an election campaign.") == []
    assert only("Kenyan protesters pressed for talks with Ethiopia.", "pressed").plover_type == (
        "REQUEST"
    )


def test_a_country_named_beside_the_noun_is_the_party_and_a_title_takes_it_back():
    sanction = only("Ethiopia imposed an embargo on a fellow US ally, Kenya.", "imposed")
    assert [r.country for r in sanction.recipients] == ["KEN"]
    text = (
        "Saudi Arabia's de facto ruler, Crown Prince Mohammed Bin Salman, is touring Kenya. "
        "On Monday the crown prince detained Lebanon's Prime Minister Saad Hariri."
    )
    detention = only(text, "detained")
    assert [a.country for a in detention.actors] == ["SAU"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya warns Ethiopia of retaliation after diplomats expelled.",
        "Iran warned of a crushing response to any attack.",
    ],
)
def test_a_warning_of_ones_own_response_is_a_threat(text):
    assert only(text, "warn").plover_type == "THREATEN"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts warned that the rebels could attack the capital.",
        "Doctors warned of the consequences of the heat wave.",
        "The UN warned of a humanitarian catastrophe in Gaza.",
    ],
)
def test_a_warning_of_what_others_may_do_is_no_threat(text):
    assert "THREATEN" not in {e.plover_type for e in events(text)}


def test_an_attack_warned_of_is_predicted_not_reported():
    attack = only("The minister warned of an attack on the capital.", "attack")
    assert attack.modality == "predicted"
    assert attack.plover_type == "OTHER"
    assert events("The minister warned of an attack on the capital.") == [attack]


def test_voicing_support_is_support_and_declining_aid_a_rejection():
    assert only("Kenya expressed support for Ethiopia's policy.", "expressed").type == "SUPPORT"
    text = "The Kenyan government declined humanitarian assistance to Ethiopia."
    refusal = only(text, "declined")
    assert (refusal.plover_type, refusal.recipients[0].country) == ("REJECT", "ETH")
    assert events("Prices declined sharply in October.") == []


def test_aid_that_arrives_is_aid_to_where_it_arrives():
    aid = only("The first shipment of U.S. military aid arrived in Ukraine on Tuesday.", "aid")
    assert aid.plover_type == "AID"
    assert [a.country for a in aid.actors] == ["USA"]
    assert [r.country for r in aid.recipients] == ["UKR"]


def test_a_headline_after_a_country_and_colon_is_the_report():
    killed = only("Kenya: Four killed in air strike", "killed")
    assert (killed.plover_type, killed.salience) == ("ASSAULT", "main")


@pytest.mark.parametrize(
    "text",
    [
        "Anyone with information is asked to call police at 11 Division.",
        "The sheriff's office is asking the public to be on the lookout for two inmates.",
        "Police appealed to the public for information about the attack.",
        "The mayor urged residents to evacuate their homes.",
        "'We are asking you to stay at home,' the health minister said.",
        "Police are asking for your help in locating three stolen puppies.",
        "Detectives are seeking the public's help in identifying the suspect.",
    ],
)
def test_an_appeal_to_the_public_is_no_request(text):
    assert [e.plover_type for e in events(text)] in ([], ["OTHER"])


def test_a_request_of_a_party_stays_one():
    urged = only("Kenya urged Ethiopia to withdraw its troops.", "urged")
    assert (urged.plover_type, urged.recipients[0].country) == ("REQUEST", "ETH")
    asked = only("The US asked for Japan's help.", "asked")
    assert (asked.plover_type, asked.recipients[0].country) == ("REQUEST", "JPN")


def test_a_release_of_what_cannot_be_held_is_no_retreat():
    assert events("The band announced the release of its new album.") == []
    assert events("The court ordered the timely release of water to the state.") == []
    release = only("Israel completed the release of 100 Palestinian prisoners.", "release")
    assert release.plover_type == "RETREAT"


def test_helping_something_happen_is_no_aid_and_holding_an_election_no_agreement():
    assert events("The new rules helped to reduce costs.") == []
    aid = only("The US helped Ukraine to defend itself.", "helped")
    assert (aid.plover_type, aid.recipients[0].country) == ("AID", "UKR")
    assert "AGREE" not in {
        e.plover_type for e in events("Azerbaijan is holding a snap presidential election.")
    }
    assert only("The two leaders held talks in Geneva.", "held").plover_type == "CONSULT"


def test_an_expulsion_is_done_by_the_country_they_are_sent_from():
    text = "Some of the 60 Russian diplomats being expelled from the United States have left."
    result = eventwire.extract(text, settings=Settings(events="all"))
    (expelled,) = [e for e in result.events if result.text_of(e.trigger) == "expelled"]
    assert [a.country for a in expelled.actors] == ["USA"]
    assert [r.country for r in expelled.recipients] == ["RUS"]
    noun = only("The dispute set off expulsions of Russian diplomats from Britain.", "expulsions")
    assert ([a.country for a in noun.actors], [r.country for r in noun.recipients]) == (
        ["GBR"],
        ["RUS"],
    )


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Britain says the Russian government was involved in the poisoning.", "GBR", "RUS"),
        ("The United States said Iran was behind the attack on the tanker.", "USA", "IRN"),
    ],
)
def test_saying_a_party_is_behind_a_wrong_accuses_it(text, actor, recipient):
    accusation = only(text, "sa")
    assert accusation.plover_type == "ACCUSE"
    assert ([a.country for a in accusation.actors], [r.country for r in accusation.recipients]) == (
        [actor],
        [recipient],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Russia said it was not involved in the poisoning.",
        "He said the weather was responsible for the delay.",
        "Police said the man was involved in a car accident.",
    ],
)
def test_a_denial_or_a_cause_that_is_no_wrong_accuses_no_one(text):
    assert "ACCUSE" not in {e.plover_type for e in events(text)}


def test_the_one_said_to_be_behind_an_attack_is_its_actor():
    attack = only("The United States said Iran was behind the attack on the tanker.", "attack")
    assert [a.country for a in attack.actors] == ["IRN"]


def test_a_gerund_subject_of_a_modal_is_supposed_not_reported():
    text = "The army said regaining control over the suburbs would stop the rocket attacks."
    regaining = only(text, "regaining")
    assert (regaining.modality, regaining.plover_type) == ("hypothetical", "OTHER")
    assert only("Regaining control of the city took the army months.", "regaining").modality == (
        "occurred"
    )


def test_what_a_rejection_of_names_is_rejected():
    rejection = only("The rejection of NATO's offer raises questions.", "rejection")
    assert ([a.country for a in rejection.actors], [r.country for r in rejection.recipients]) == (
        [],
        ["IGO"],
    )


def test_police_and_courts_in_a_story_about_one_country_are_that_countrys():
    text = (
        "There was rare good news from Baku today. Azerbaijan's supreme court released the "
        "journalist Aziz Orujov. Police arrested Orujov in May 2017 and a court sentenced him "
        "to 30 days detention. Rights groups in Azerbaijan welcomed his release."
    )
    arrest = only(text, "arrested")
    assert [a.country for a in arrest.actors] == ["AZE"]
    assert "actor:article-country" in arrest.trace


def test_a_story_that_spans_countries_lends_its_police_none():
    text = (
        "Police arrested two men on Monday. Officials in France, Germany and Italy said the "
        "men had travelled through Belgium and Spain."
    )
    assert [a.country for a in only(text, "arrested").actors] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Four floor plans are offered.",
        "Maui Divers Jewelry offers employees extra money to cover the cost of driving.",
        "But then an angel appears, offering help.",
    ],
)
def test_an_offer_of_money_or_help_between_private_parties_is_no_agreement(text):
    assert "AGREE" not in {e.plover_type for e in events(text)}


def test_an_offer_of_aid_by_a_party_stays_and_a_misparsed_headline_keeps_its_subject():
    offer = only("The United States offered aid to the flood victims.", "offered")
    assert (offer.plover_type, [a.country for a in offer.actors]) == ("AGREE", ["USA"])
    signing = only("Kenya and Ethiopia sign landmark peace agreement", "sign")
    assert sorted(a.country for a in signing.actors) == ["ETH", "KEN"]


def test_duties_and_tariffs_announced_are_sanctions_and_a_duty_served_is_none():
    text = "Beijing announced separate import duties on $3 billion of U.S. goods."
    duties = only(text, "duties")
    assert (duties.plover_type, [a.country for a in duties.actors]) == ("SANCTION", ["CHN"])
    assert [r.country for r in duties.recipients] == ["USA"]
    tariffs = only("The EU announced retaliatory tariffs on American whiskey.", "tariffs")
    assert tariffs.plover_type == "SANCTION"
    assert "SANCTION" not in {
        e.plover_type for e in events("Soldiers on duty at the border were attacked.")
    }


@pytest.mark.parametrize(
    "text",
    [
        "The new office allows people to access government online services.",
        "Facebook revealed that the network allowed third parties to access profile data.",
        "Legislature rules allow the Opposition to choose up to five bills each spring.",
    ],
)
def test_what_allows_or_enables_something_concedes_nothing(text):
    assert "CONCEDE" not in {e.plover_type for e in events(text)}


def test_a_party_letting_aid_in_still_yields_and_a_refusal_to_allow_is_a_rejection():
    assert only("Israel allowed aid convoys into Gaza on Monday.", "allowed").plover_type == "AID"
    refusal = only(
        "The UNITA militarist wing refused to allow United Nations planes to land.", "re"
    )
    assert refusal.plover_type == "REJECT"


@pytest.mark.parametrize(
    "text",
    [
        "It supports people affected by cancer and other long-term conditions.",
        "Supporting projects like Kemira is part of the drive to a circular economy.",
    ],
)
def test_everyday_backing_with_no_party_is_no_political_support(text):
    assert "SUPPORT" not in {e.plover_type for e in events(text)}


def test_a_countrys_backing_stays_support():
    text = "The United States has supported the coalition with refueling and targeting data."
    assert only(text, "supported").plover_type == "SUPPORT"


def test_a_warning_keeps_its_clauses_own_modality():
    # only what is warned "of" is forecast: a clause says its own modality
    text = "China warned that it would impose tariffs on US goods."
    impose = only(text, "impose")
    assert impose.modality == "planned"
    # the threat is the warning's: PLOVER codes it once
    assert [e.plover_type for e in events(text) if e.plover_type != "OTHER"] == ["THREATEN"]
    sanctions = only("The US warned that Iran would face sanctions.", "sanctions")
    assert sanctions.plover_type == "THREATEN"


def test_the_execution_of_a_policy_is_no_attack_and_of_prisoners_one():
    text = "The civil service had been the arm of the execution of government policies."
    assert "ASSAULT" not in {e.plover_type for e in events(text, settings=Settings(events="all"))}
    result = eventwire.extract(
        "Rights groups condemned the execution of three prisoners.",
        settings=Settings(events="all"),
    )
    assert "ASSAULT" in {e.type for e in result.events}


@pytest.mark.parametrize(
    "text",
    ["He was acquitted of killing his wife.", "He was cleared of attacking the guard."],
)
def test_an_act_a_court_clears_someone_of_is_denied_not_reported(text):
    (act,) = [e for e in events(text, settings=Settings(events="all")) if e.type == "ASSAULT"]
    assert (act.modality, act.plover_type) == ("denied", "OTHER")


def test_an_attack_claimed_is_the_claimants_and_happened():
    attack = only("The Taliban claimed responsibility for the attack in Kabul.", "attack")
    assert (attack.plover_type, attack.modality) == ("ASSAULT", "occurred")
    assert [a.country for a in attack.actors] == ["AFG"]
    # an act is as real as its own words say, whatever is said of the claim; a claim not
    # made names no actor
    for text in (
        "The Taliban did not claim responsibility for the bombing.",
        "The Taliban are expected to claim responsibility for the bombing.",
    ):
        bombing = only(text, "bombing")
        assert (bombing.plover_type, bombing.modality) == ("ASSAULT", "occurred")
    unclaimed = only("The Taliban did not claim responsibility for the bombing.", "bombing")
    assert unclaimed.actors == ()


def test_a_headline_passive_without_its_auxiliary_is_done_to_its_subject():
    # "beheaded by insurgents": the parse reads the subject as the doer; the agent is
    beheading = only("Two Local Administrators Beheaded by Insurgents in South Kenya", "beheaded")
    assert beheading.plover_type == "ASSAULT"
    assert [a.sector for a in beheading.actors] == ["REB"]
    assert "two Local Administrators" in [r.name for r in beheading.recipients]
    detained = only("Opposition Leader Detained After Rally in Nairobi", "detained")
    assert (detained.plover_type, detained.actors) == ("COERCE", ())
    assert "OPP" in {r.sector for r in detained.recipients}
    # a headline's simple past stays active
    gathered = eventwire.extract("Protesters gathered in Nairobi", settings=Settings(events="all"))
    (event,) = [e for e in gathered.events if gathered.text_of(e.trigger) == "gathered"]
    assert [a.name for a in event.actors] == ["Protesters"]


def test_martial_law_imposed_is_coercion():
    imposed = only("The government imposed martial law in the north.", "imposed")
    assert imposed.plover_type == "COERCE"
    assert only("The US imposed sanctions on Iran.", "imposed").plover_type == "SANCTION"


def test_the_object_of_a_readings_own_preposition_is_its_recipient():
    # CAMEO's "LEAVE FOR" is a visit to the object of "for"
    visit = only("Turkey's foreign minister left for Moscow on Monday.", "left")
    assert visit.plover_type == "CONSULT"
    assert ([a.country for a in visit.actors], [r.country for r in visit.recipients]) == (
        ["TUR"],
        ["RUS"],
    )
    # a journey to no party, or by no party, is no visit
    for text in ("The minister left for the airport on Monday.", "The family left for Moscow."):
        assert "CONSULT" not in {e.plover_type for e in events(text)}


def test_what_a_reply_answers_was_done_whatever_the_reply_is():
    text = "He said the proposal was an appropriate response to China's threat of new tariffs."
    threat = only(text, "threat")
    assert (threat.plover_type, threat.modality) == ("THREATEN", "occurred")
    assert [a.country for a in threat.actors] == ["CHN"]


def test_an_event_a_verb_carries_out_or_keeps_was_told_before():
    text = "The law betrays its people, fulfilling none of the promises of the revolution."
    assert "AGREE" not in {e.plover_type for e in events(text)}
    upheld = eventwire.extract("The office upheld the company's protest of the award.")
    assert "PROTEST" not in {e.plover_type for e in upheld.events}
    # a promise made is one
    made = only("Kenya promised Ethiopia to withdraw its troops.", "promised")
    assert made.plover_type == "AGREE"


def test_recruiting_soldiers_mobilizes_and_recruiting_staff_does_not():
    recruited = only("Nigeria has recruited more than 20,000 soldiers this year.", "recruited")
    assert (recruited.plover_type, [a.country for a in recruited.actors]) == ("MOBILIZE", ["NGA"])
    assert "MOBILIZE" not in {e.plover_type for e in events("The firm recruited 200 engineers.")}


def test_what_someone_hopes_for_is_expected_though_the_model_lemmatises_hopes_as_hop():
    for text in (
        "The minister hopes that Kenya will withdraw its troops.",
        "The minister is hoping that Kenya will withdraw its troops.",
    ):
        withdraw = only(text, "withdraw")
        assert (withdraw.modality, withdraw.plover_type) == ("expected", "OTHER")


def test_a_pronoun_subject_takes_up_the_last_sentences_subject_not_a_nearer_object():
    text = (
        "On the campaign trail, Lopez Obrador of Mexico has avoided sparring with Donald "
        "Trump. He called for an extended free-trade zone with Canada."
    )
    called = only(text, "called")
    assert [a.country for a in called.actors] == ["MEX"]
    # with an antecedent in its own sentence, that one ("Russia said it ...")
    said = only("Russia expelled British diplomats and said it would close the consulate.", "close")
    assert [a.country for a in said.actors] == ["RUS"]


def test_a_promise_of_force_is_a_threat_and_of_aid_an_agreement():
    assert only("The government vowed a crackdown on the protesters.", "vowed").plover_type == (
        "THREATEN"
    )
    assert only("Kenya promised aid to Ethiopia.", "promised").plover_type == "AGREE"


def test_an_event_a_time_is_set_by_is_background():
    text = "Police were deployed in the capital ahead of the opposition's protests."
    assert "PROTEST" not in {e.plover_type for e in events(text)}
    assert "MOBILIZE" in {e.plover_type for e in events(text)}


def test_a_phrasal_verb_keeps_its_own_sense_over_the_event_it_acts_on():
    gave = only("Kenya gave in to Ethiopia's demands.", "gave")
    assert (gave.plover_type, [r.country for r in gave.recipients]) == ("CONCEDE", ["ETH"])
    assert [e.plover_type for e in events("Kenya gave in to Ethiopia's demands.")] == ["CONCEDE"]
    # the owner of the demands is the party conceded to
    owned = only("The government gave in to the demands of the protesters.", "gave")
    assert owned.plover_type == "CONCEDE"
    assert [r.sector for r in owned.recipients] == ["CVL"]


def test_another_partys_act_under_consideration_was_made_and_ones_own_is_supposed():
    text = "The British government is considering Russia's request for consular access."
    request = only(text, "request")
    assert (request.modality, request.plover_type) == ("occurred", "REQUEST")
    sanctions = only("Britain is considering sanctions against Russia.", "sanctions")
    assert sanctions.modality == "hypothetical"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("A drone strike on the convoy killed five militants.", "ASSAULT"),
        ("Russian missile strikes hit Kyiv overnight.", "ASSAULT"),
        ("The teachers' strike entered its third week.", "PROTEST"),
    ],
)
def test_an_armed_strike_is_an_attack_and_a_workers_strike_a_protest(text, plover):
    result = eventwire.extract(text, settings=Settings(events="all"))
    strikes = [e for e in result.events if result.text_of(e.trigger).startswith("strike")]
    assert [e.type for e in strikes] == [plover]


def test_an_attack_noun_that_does_its_verbs_act_is_one_attack():
    found = events("A drone strike on the convoy killed five militants.")
    assert [e.plover_type for e in found] == ["ASSAULT"]
    everything = eventwire.extract(
        "A drone strike on the convoy killed five militants.", settings=Settings(events="all")
    )
    strike = [e for e in everything.events if everything.text_of(e.trigger) == "strike"]
    assert [e.salience for e in strike] == ["background"]  # still there, as background


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The doctors said his heart started beating on its own again.",
        '"The President abused the power which was given to her by the citizens," the South '
        "Korean judge said.",
        "The Kenyan general served his country and the United Nations with pride.",
        "The Kenyan minister served as ambassador to Ethiopia.",
        "The No-Confidence Motion against the Prime Minister was handed over to the Speaker by "
        "the Sri Lankan opposition on 21 March.",
        "Russia places importance on reinforcing the friendship with Vietnam.",
        # an adverb phrase is no particle: no "turn down"
        "The Kenyan court turned the ruling upside down.",
        # CAMEO's default LEAD and CONTROL are material cooperation
        "The Manila Archbishop leads the Easter Vigil at the Manila Cathedral.",
        "The Indian Congress party is in opposition in New Delhi and controls only three states.",
        # market demand met is supply
        "Kenya Airways said the new planes would meet additional demand for domestic routes.",
        # business and admissions, not agreements
        "All major Kenyan health insurance cards will be accepted at the Nairobi clinic.",
        "The Kenyan student has been accepted to Florida Atlantic University.",
    ],
)
def test_everyday_senses_of_force_and_release_verbs_are_no_events(text):
    # CAMEO's bare entries (BEAT, ABUSE, SERVE, HAND OVER, REINFORCE) name acts between
    # parties; these senses of the same words are none
    coded = {e.plover_type for e in events(text)} - {"OTHER"}
    assert not coded & {"ASSAULT", "COOPERATE", "RETREAT", "MOBILIZE", "REJECT", "AGREE"}, coded


@pytest.mark.slow
def test_the_same_verbs_keep_their_acts():
    assert only("Police beat the protesters in Lagos.", "beat").plover_type == "ASSAULT"
    assert only("The rebels handed over the town to the army.", "handed").plover_type == ("RETREAT")
    reinforced = only("Russia reinforced its positions near the Ukrainian border.", "reinforced")
    assert reinforced.plover_type == "MOBILIZE"


@pytest.mark.slow
def test_who_appears_in_court_undergoes_the_courts_act_and_is_not_threatened():
    text = "Former South African president Jacob Zuma appeared in a Durban court on Friday."
    appeared = only(text, "appeared")
    assert appeared.plover_type == "COERCE"
    assert not appeared.actors
    assert [a.country for a in appeared.recipients] == ["ZAF"]
    # the hearing to come awaits him: no threat announced by anyone
    text = "Zuma is being held on bail and will appear in court on April 6."
    appear = only(text, "appear")
    assert (appear.modality, appear.plover_type) == ("planned", "COERCE")


@pytest.mark.slow
def test_a_reported_pronoun_takes_its_reporter_over_an_earlier_name():
    # "it" is the committee that says it, not Kenya named before
    text = "In Kenya on Friday, the opposition committee said it would boycott the election."
    boycott = only(text, "boycott")
    assert "KEN" not in [a.country for a in boycott.actors]
    # a name that reports "it" is it too
    text = (
        "Police in Switzerland are investigating. In a statement, Liverpool said it condemned "
        "the damage inflicted on the bus."
    )
    condemned = only_any(text, "condemned")
    assert "CHE" not in [a.country for a in condemned.actors]
    # the reporter's own phrase may name its country
    text = "Militants loyal to Iraq's al-Qaeda leader said they attacked the convoy."
    attacked = only(text, "attacked")
    assert [a.country for a in attacked.actors] == ["IRQ"]


@pytest.mark.slow
def test_who_controls_a_passive_infinitive_undergoes_it():
    text = "Officials said two Kenyan soldiers had to be evacuated from the base."
    evacuated = only(text, "evacuated")
    assert not evacuated.actors
    assert [a.country for a in evacuated.recipients] == ["KEN"]
    text = "Ethiopian rebels are expected to be attacked by the Kenyan army."
    attacked = only(text, "attacked")
    assert [a.country for a in attacked.actors] == ["KEN"]
    assert [a.country for a in attacked.recipients] == ["ETH"]


@pytest.mark.slow
def test_a_pronoun_subject_of_a_reporting_verb_is_not_its_own_object():
    # "We urge X": we are the ones urging, not X, though "urge" reports
    text = (
        '"We urge the Ukrainian government to cancel the requirements," the American envoy added.'
    )
    urge = only(text, "urge")
    assert [a.country for a in urge.actors] == ["USA"]
    assert [a.country for a in urge.recipients] == ["UKR"]


@pytest.mark.slow
def test_encouraging_someone_to_act_urges_it_and_encouraging_a_thing_endorses_it():
    text = "The United States strongly encourages the government of Ukraine to repeal the law."
    assert only(text, "encourages").plover_type == "REQUEST"
    assert only("Kenya encouraged the talks between Ethiopia and Eritrea.", "encouraged").type == (
        "SUPPORT"
    )


@pytest.mark.slow
def test_a_demonstration_of_power_is_no_protest_and_one_against_the_government_is():
    for text in (
        "A demonstration of Russian military power, on the other hand, is available.",
        "Russia staged a demonstration of military power near the Ukrainian border.",
    ):
        assert "PROTEST" not in {e.plover_type for e in events(text)}, text
    text = "Thousands joined a demonstration against the Russian government in Moscow."
    assert only(text, "demonstration").plover_type == "PROTEST"


@pytest.mark.slow
def test_announcing_a_plan_of_force_is_a_threat_and_of_a_withdrawal_an_agreement():
    # CAMEO's ANNOUNCE * PLAN is an intent to cooperate (030); PLOVER makes an announced
    # force a threat
    text = "Kenya announced plans to expel Ethiopian diplomats."
    announced = only(text, "announced")
    assert (announced.plover_type, [a.country for a in announced.recipients]) == (
        "THREATEN",
        ["ETH"],
    )
    assert "SANCTION" not in {e.plover_type for e in events(text)}  # one event, not two
    text = "Kenya announced plans to withdraw its troops from Somalia."
    assert only(text, "announced").plover_type == "AGREE"


@pytest.mark.slow
def test_an_amount_of_money_is_what_it_is_in():
    # "$50 billion in tariffs on Chinese imports": tariffs, on China
    imposed = only("The US imposed $50 billion in tariffs on Chinese imports.", "imposed")
    assert (imposed.plover_type, [a.country for a in imposed.recipients]) == ("SANCTION", ["CHN"])
    text = "The United States slapped an additional $100 billion in tariffs on Chinese goods."
    slapped = only(text, "slapped")
    assert (slapped.plover_type, [a.country for a in slapped.recipients]) == ("SANCTION", ["CHN"])
    # a slap is otherwise a blow
    assert only("The officer slapped the Kenyan protester.", "slapped").plover_type == "ASSAULT"


@pytest.mark.slow
def test_an_act_after_on_is_the_verbs_subjects_unless_it_has_an_object():
    text = "The Trump administration signed off on selling artillery to Saudi Arabia."
    selling = only(text, "selling")
    assert [a.country for a in selling.actors] == ["USA"]
    text = "Kenya congratulated the Ethiopian president on meeting the Eritrean leader."
    assert "KEN" not in [a.country for a in only_any(text, "meeting").actors]


@pytest.mark.slow
def test_backing_in_kind_is_aid_and_in_words_support():
    backed = only("Iran backed the Houthi rebels with weapons and money.", "backed")
    assert (backed.plover_type, [a.country for a in backed.recipients]) == ("AID", ["YEM"])
    assert only("Kenya supported the Ethiopian proposal.", "supported").plover_type == "SUPPORT"


@pytest.mark.slow
def test_a_sum_of_money_is_no_party():
    text = "The Kenyan state board fined the Ethiopian doctor one million US dollars."
    fined = only(text, "fined")
    assert "USA" not in [a.country for a in fined.recipients]


@pytest.mark.slow
def test_a_no_event_pattern_written_for_one_verb_of_a_block_is_that_verbs_alone():
    # CAMEO's "CONTEST * ELECTION [---]" (running in it) is no sense of PROTEST
    text = "Kenyan students protested the election results in Nairobi."
    assert only(text, "protested").plover_type == "PROTEST"


@pytest.mark.slow
def test_a_protest_on_the_protesters_is_the_reported_protest():
    text = (
        "Kenyan police used tear gas to disperse students protesting the fee increase in Nairobi."
    )
    protesting = only(text, "protesting")
    assert (protesting.plover_type, protesting.salience) == ("PROTEST", "main")
    # a participle of another act on a noun stays a description
    text = "Kenyan police arrested three men fighting outside the stadium in Nairobi."
    assert [text_of(text, e) for e in events(text)] == ["arrested"]


@pytest.mark.slow
def test_the_toll_of_an_act_that_is_no_event_is_no_attack():
    # CAMEO: "&AIRCRAFT * [---] # CRASH"; the toll of police fire stays the police's
    text = "The Kenya Airways jetliner crashed into Lake Victoria, killing all 228 people on board."
    assert "ASSAULT" not in {e.plover_type for e in events(text)}
    killing = only("Egyptian police opened fire on the demonstrators, killing one.", "killing")
    assert (killing.plover_type, [a.country for a in killing.actors]) == ("ASSAULT", ["EGY"])


@pytest.mark.slow
def test_an_attack_on_a_decision_or_in_words_is_criticism():
    # CAMEO's ATTACK * DECISION / * &PROPOSAL [111], HIT * OUT (AT ...) [111]: words, no force
    text = "Kenya's opposition leader attacked the government's decision to raise fuel taxes."
    assert only(text, "attacked").plover_type == "ACCUSE"
    # as criticising it is, with no party named
    text = "The Kenyan minister attacked the policy as reckless."
    assert [(e.plover_type, e.mode) for e in events(text)] == [("ACCUSE", "disapprove")]
    text = "The Kenyan minister hit out at Ethiopia over the border dispute."
    hit = only(text, "hit")
    assert (hit.plover_type, [a.country for a in hit.recipients]) == ("ACCUSE", ["ETH"])
    # an attack on forces or a town is force
    text = "Rebels attacked Ethiopian government forces near the Kenyan border."
    assert only(text, "attacked").plover_type == "ASSAULT"


@pytest.mark.slow
def test_a_second_reporting_verb_shares_the_first_ones_reporter():
    # "noted" has no subject of its own: the "it" it reports is the TTC's, as the "it" of
    # "said it" is, not the lawyer named before; and "noted" is no part of what "could not"
    text = (
        "The Ethiopian man's lawyer said officers had pinned him down. The TTC said it could "
        "not comment on the lawsuit but noted it had expelled two Ethiopian diplomats."
    )
    expelled = only(text, "expelled")
    assert (expelled.modality, [a.name for a in expelled.actors]) == ("occurred", ["TTC"])


@pytest.mark.slow
def test_the_topic_of_an_investigation_is_no_act_of_the_investigator():
    # the parse hangs "into" on the verb; the attack is what is investigated
    text = "The Kenyan ministry opened an investigation into the attack on the border post."
    found = [(text_of(text, e), e.plover_type) for e in events(text)]
    assert found == [("investigation", "ACCUSE")]
    # taking part in an attack is taking part
    text = "Ethiopian troops took part in the attack on the border post."
    attack = only(text, "attack")
    assert [a.country for a in attack.actors] == ["ETH"]


@pytest.mark.slow
def test_introducing_a_bill_is_no_meeting():
    # CAMEO's INTRODUCE [040] is to acquaint one party with another; a bill, a plan or a
    # product introduced is no event, sanctions or a curfew introduced are imposed
    assert events("The Kenyan government introduced a bill to raise fuel taxes.") == []
    assert events("Kenya introduced a new identity card on Monday.") == []
    sanctions = only("The European Union introduced sanctions against Ethiopia.", "introduced")
    assert (sanctions.plover_type, [a.country for a in sanctions.recipients]) == (
        "SANCTION",
        ["ETH"],
    )
    text = "The Kenyan minister introduced the Ethiopian envoy to the Somali president."
    assert only(text, "introduced").plover_type == "CONSULT"


@pytest.mark.slow
def test_a_requested_act_coded_as_the_request_is_the_requesters():
    # PLOVER's REQUEST is the asker's: the act's doer is the one asked
    withdraw = only("Kenya needs Ethiopia to withdraw its troops from Somalia.", "withdraw")
    assert withdraw.plover_type == "REQUEST"
    assert [a.country for a in withdraw.actors] == ["KEN"]
    assert "ETH" in [a.country for a in withdraw.recipients]
    # what "requires" an act is no party: no request
    text = "Modernising the Kenyan civil service requires a thorough investigation of its past."
    assert "REQUEST" not in {e.plover_type for e in events(text)}
    # a call through a verb between is one request, the call
    text = "Kenya called on the United Nations to continue to provide aid to Somalia."
    coded = [(text_of(text, e), e.plover_type) for e in events(text) if e.plover_type != "OTHER"]
    assert coded == [("called", "REQUEST")]


@pytest.mark.slow
def test_communications_cut_off_are_coercion_and_a_cyber_attack_coerces():
    # PLOVER's COERCE modes censor and cyber
    cut = only("Kenya cut off internet access in three provinces.", "cut")
    assert (cut.plover_type, cut.mode) == ("COERCE", "censor")
    text = "The Ethiopian government suspended mobile phone services in the region."
    assert only(text, "suspended").mode == "censor"
    assert only("Kenya cut off aid to Ethiopia.", "cut").plover_type == "SANCTION"
    attack = only("Russia launched a cyber attack on Estonian government websites.", "attack")
    assert (attack.plover_type, attack.mode) == ("COERCE", "cyber")
    # an internet shutdown or a communications blackout, imposed or begun, coerces
    shutdown = only("An internet shutdown in Kenya began on Monday.", "shutdown")
    assert (shutdown.plover_type, shutdown.mode) == ("COERCE", "censor")
    assert only("Kenya imposed an internet blackout.", "imposed").plover_type == "COERCE"
    assert events("The US government shutdown entered its third week.") == []


@pytest.mark.slow
def test_a_case_brought_against_a_party_accuses_it():
    text = "Kenya filed a case against Ethiopia at the International Court of Justice."
    case = only(text, "case")
    assert (case.plover_type, [a.country for a in case.actors]) == ("ACCUSE", ["KEN"])
    assert "ETH" in [r.country for r in case.recipients]
    text = "In the case of Kenya, the minister resigned."
    assert "case" not in [text_of(text, e) for e in events(text)]


@pytest.mark.slow
def test_an_event_that_a_passive_is_done_by_happened_to_its_subject():
    # "hit by a rocket attack": the attack is the report, on the embassy
    text = "The Kenyan embassy in Mogadishu was hit by a rocket attack on Sunday."
    attack = only(text, "attack")
    assert (attack.plover_type, [r.country for r in attack.recipients]) == ("ASSAULT", ["KEN"])
    # a headline's "X on Hunger Strike": X strikes
    strike = only("Jailed Kenyan Activist on Hunger Strike in Ethiopia", "strike")
    assert (strike.plover_type, [a.country for a in strike.actors]) == ("PROTEST", ["KEN"])


@pytest.mark.slow
def test_backing_renewed_or_declared_is_support_and_a_polls_share_none():
    text = "Kenya renewed its support of the World Health Organization."
    support = only(text, "support")
    assert (support.plover_type, [a.country for a in support.actors]) == ("SUPPORT", ["KEN"])
    assert [r.country for r in support.recipients] == ["IGO"]
    text = "Asked how they would vote, 2.1 percent declared support for the Kenyan opposition."
    assert "SUPPORT" not in {e.plover_type for e in events(text)}
    # "with the support of X" is no act of backing in itself
    assert events("The Somali rebels won with the support of Ethiopia.") == []


@pytest.mark.slow
def test_quitting_an_office_is_resigning_and_laying_down_arms_disarming():
    quits = only("Kenya Leader Quits Following Corruption Accusations", "quits")
    assert (quits.plover_type, quits.mode) == ("RETREAT", "resign")
    assert only("The Kenyan minister quit his post on Monday.", "quit").mode == "resign"
    assert events("The Kenyan minister quit smoking last year.") == []
    laid = only("Somali militias in Kenya laid down their arms on Friday.", "laid")
    assert (laid.plover_type, laid.mode) == ("RETREAT", "disarm")


@pytest.mark.slow
def test_the_accusers_by_phrase_hung_on_the_gerund_is_the_passives_agent():
    text = "The Kenyan minister was accused of taking bribes by Ethiopian officials."
    accused = only(text, "accused")
    assert [a.country for a in accused.actors] == ["ETH"]
    assert [r.country for r in accused.recipients] == ["KEN"]
    # a gerund's own "by" of means is no agent
    text = "The Kenyan minister was praised for helping the refugees by standing firm."
    assert only(text, "praised").actors == ()


@pytest.mark.slow
def test_ties_strengthened_or_normalised_are_diplomatic_support():
    # CAMEO's 05, diplomatic cooperation ("RESTORE * RELATIONS"): PLOVER's SUPPORT
    text = "Tunisia has strengthened its relations with Algeria."
    ties = only(text, "strengthened")
    assert (ties.plover_type, [r.country for r in ties.recipients]) == ("SUPPORT", ["DZA"])
    # troops strengthened stay a mobilisation
    text = "Kenya strengthened its troops on the Ethiopian border."
    assert only(text, "strengthened").plover_type == "MOBILIZE"


@pytest.mark.slow
def test_a_deal_or_truce_that_collapses_is_no_new_agreement():
    text = "The deal between Kenya and Ethiopia collapsed on Monday."
    assert [e.plover_type for e in events(text)] == []
    text = "The ceasefire between Kenya and Ethiopia broke down on Monday."
    assert "RETREAT" not in {e.plover_type for e in events(text)}
    # talks that collapsed were held; ending an attack is still a ceasefire
    text = "Talks between Kenya and Ethiopia collapsed on Monday."
    assert [e.plover_type for e in events(text)] == ["CONSULT"]


@pytest.mark.slow
def test_agreeing_with_a_remark_is_an_accord_with_a_view():
    # CAMEO's 019: agreeing with what was said is no agreement between parties
    assert events("As President of Kenya, I agree with those remarks.") == []
    agreed = only("Kenya agreed with Ethiopia on a ceasefire.", "agreed")
    assert (agreed.plover_type, [r.country for r in agreed.recipients]) == ("AGREE", ["ETH"])
