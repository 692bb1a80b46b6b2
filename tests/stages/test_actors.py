"""Actors resolved from mentions: demonyms, capitals, forces, sponsors, bodies, titles."""

from __future__ import annotations

import pytest

from eventwire.stages.s3_actors.actors import extract_mentions

pytestmark = pytest.mark.slow


def actor(parsed_doc, text: str, phrase: str, *, lexicon=None):
    doc = parsed_doc(text)
    mentions = extract_mentions(doc.parsed, lexicon)
    for mention in mentions:
        if doc.text_of(mention.span) == phrase:
            return mention.actor
    if lexicon is not None:
        return None
    found = [doc.text_of(m.span) for m in mentions]
    raise AssertionError(f"no mention {phrase!r}; found {found}")


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Iraqi officials met on Monday.", "Iraqi officials", "IRQ", "GOV"),
        ("Washington rejected the offer.", "Washington", "USA", "GOV"),
        ("Baghdad and Washington agreed.", "Baghdad", "IRQ", "GOV"),
        ("American troops left the base.", "American troops", "USA", "MIL"),
        ("The UN Security Council met.", "UN Security Council", "IGO", "IGO"),
        ("Hezbollah fired rockets.", "Hezbollah", "LBN", "REB"),
        ("Russian police detained him.", "Russian police", "RUS", "COP"),
        ("The Pentagon said so.", "Pentagon", "USA", "MIL"),
        ("Protesters from Kenya marched.", "Protesters", "KEN", "CVL"),
    ],
)
def test_actors_country_and_sector(parsed_doc, text, phrase, country, sector):
    found = actor(parsed_doc, text, phrase)
    assert (found.country, found.sector) == (country, sector)


def test_actors_sponsor_is_not_the_country(parsed_doc):
    found = actor(parsed_doc, "Iran-backed militias attacked the base.", "Iran-backed militias")
    assert found.sponsor == "IRN"
    assert found.country is None
    assert found.sector == "REB"


def test_actors_person_title_gives_role_and_country(parsed_doc):
    text = "Farhad Alaaldin, Foreign Affairs adviser to Iraq's Prime Minister, spoke."
    found = actor(parsed_doc, text, "Farhad Alaaldin")
    assert found.country == "IRQ"
    assert found.sector == "GOV"
    assert "adviser" in found.role


def test_actors_user_data_extends_the_lexicon(parsed_doc, tmp_path):
    from eventwire.stages.s3_actors.lexicon import load_lexicon

    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "organizations.tsv").write_text(
        "Zorvath Free Legion\tRUS\tMIL\t\n", encoding="utf-8"
    )
    text = "The Zorvath Free Legion seized the town."
    mine = actor(parsed_doc, text, "Zorvath Free Legion", lexicon=load_lexicon(tmp_path))
    assert (mine.country, mine.sector) == ("RUS", "MIL")
    # the bundled lexicon alone does not know the name: nothing leaks between folders
    bundled = actor(parsed_doc, text, "Zorvath Free Legion", lexicon=load_lexicon(None))
    assert bundled is None or bundled.country is None
