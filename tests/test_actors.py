"""Actors resolved from mentions: demonyms, capitals, forces, sponsors, bodies, titles."""

from __future__ import annotations

import pytest

from eventwire.annotate.actors import extract_mentions

pytestmark = pytest.mark.slow


def actor(parsed_doc, text: str, phrase: str):
    doc = parsed_doc(text)
    for mention in extract_mentions(doc.parsed):
        if doc.text_of(mention.span) == phrase:
            return mention.actor
    found = [doc.text_of(m.span) for m in extract_mentions(doc.parsed)]
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


def test_actors_user_data_extends_the_lexicon(parsed_doc, tmp_path, monkeypatch):
    from eventwire.annotate import lexicon

    (tmp_path / "organizations.tsv").write_text("Wagner Free Corps\tRUS\tMIL\t\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_ACTORS_DIR", str(tmp_path))
    lexicon.surface_forms.cache_clear()
    lexicon.first_words.cache_clear()
    try:
        found = actor(parsed_doc, "The Wagner Free Corps seized the town.", "Wagner Free Corps")
        assert (found.country, found.sector) == ("RUS", "MIL")
    finally:
        monkeypatch.delenv("EVENTWIRE_ACTORS_DIR")
        lexicon.surface_forms.cache_clear()
        lexicon.first_words.cache_clear()
