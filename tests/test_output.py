"""Every output follows the eventwire/1 schema, and every span's text is its slice of
article.text (the invariant the whole contract rests on)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventwire

pytestmark = pytest.mark.slow

SCHEMA = json.loads(
    (resources.files("eventwire") / "schema" / "eventwire-1.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

SENTENCES = [
    "Iraq and the United States agreed on a plan to withdraw American troops by September 2025.",
    "Police arrested at least 40 protesters in Minsk on Saturday, a spokesman said.",
    "“We will not accept this,” the foreign minister told Reuters.",
    "Iran-backed militias attacked US bases in Syria last week.",
    "The rebels denied that they had kidnapped the aid workers.",
    "Analysts predict that Moscow could cut gas supplies to Europe next year.",
    "Five US officials, speaking on condition of anonymity, said talks would resume in Doha.",
    "Read more: Iraq buys military helicopters from France",
    "Thousands marched in Paris on 7 October last year to demand higher wages.",
    "The UN Security Council called on Israel and Hamas to agree a ceasefire “without delay.",
]


def spans_of(result: dict) -> list[tuple[str, int, int]]:
    """(text, start, end) of every item that carries text and offsets."""
    out = []
    for key in ("mentions", "places", "times", "sources", "quotes", "attributions"):
        for item in result[key]:
            if item.get("start") is not None and item.get("text") is not None:
                out.append((item["text"], item["start"], item["end"]))
    for quote in result["quotes"]:
        for key in ("speaker_span", "cue"):
            if quote.get(key):
                out.append((quote[key]["text"], quote[key]["start"], quote[key]["end"]))
    for attribution in result["attributions"]:
        for piece in attribution["content"]:
            out.append((piece["text"], piece["start"], piece["end"]))
        for key in ("source_span", "cue"):
            if attribution.get(key):
                span = attribution[key]
                out.append((span["text"], span["start"], span["end"]))
    for event in result["events"]:
        out.append((event["trigger"]["text"], event["trigger"]["start"], event["trigger"]["end"]))
        if event.get("modality_cue"):
            cue = event["modality_cue"]
            out.append((cue["text"], cue["start"], cue["end"]))
        for actor in event["actors"] + event["recipients"]:
            if actor.get("start") is not None:
                out.append((actor["mention"], actor["start"], actor["end"]))
        if event.get("count") and "text" in event["count"]:
            assert event["count"]["text"] in result["article"]["text"]
    return out


def check(result: dict) -> None:
    VALIDATOR.validate(result)
    text = result["article"]["text"]
    for piece, start, end in spans_of(result):
        assert text[start:end] == piece
    ids = {s["id"] for s in result["sources"]}
    quotes = {q["id"] for q in result["quotes"]}
    for attribution in result["attributions"]:
        assert attribution["source"] is None or attribution["source"] in ids
        assert set(attribution["quotes"]) <= quotes
    places = {p["id"] for p in result["places"]}
    for event in result["events"]:
        assert text[event["sentence"]["start"] : event["sentence"]["end"]].strip()
        assert set(event["attributed_to"]) <= ids
        assert event["place"] is None or event["place"] in places


def test_output_sample_validates_against_the_schema(sample_text):
    result = json.loads(eventwire.extract(sample_text, published="2024-09-06").to_json())
    check(result)
    assert result["schema"] == "eventwire/1"
    assert result["article"]["text"] == sample_text


def test_output_without_publication_date_validates():
    result = eventwire.extract(" ".join(SENTENCES[:5])).to_dict()
    check(result)
    assert result["article"]["published"] is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    joiners=st.lists(
        st.sampled_from([" ", "\n", "\n\n", "  ", "\r\n", "\t"]), min_size=6, max_size=6
    ),
    noise=st.text(alphabet=" \u00a0\u2019\u201c\u201d\"'-,.;:()", max_size=6),
)
def test_output_spans_always_slice_the_text(picks, joiners, noise):
    text = noise + "".join(p + j for p, j in zip(picks, joiners, strict=False))
    try:
        result = eventwire.extract(text, published="2024-09-06T10:00:00+02:00").to_dict()
    except eventwire.InputError:
        return  # too little English to judge: refused clearly, which is fine
    check(result)
