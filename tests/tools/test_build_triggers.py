"""tools/build_triggers.py on a small dictionary written here, in CAMEO.2.0.txt's layout."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_triggers.py"

CAMEO = """\
&WEAPON
+GUN
+RIFLE

####### VERB PATTERNS #######

---  ACCUSE   [112]  ---
ACCUSE
- * (IN COURT)                                        [112]         # CHARGE
- * VIOLENCE                                          [112]         # BLAME




---  DELAY   [120]---  ---
DELAY
POSTPONE
- * TALKS                                             [161]         # POSTPONE




---  ENDANGER   [130]  ---
ENDANGER
RISK
- * INTERESTS                                         [131]         # ENDANGER




---  LAY   [---]  ---
LAY
- * DOWN &WEAPON                                      [0871]        # LAID_DOWN




---  HIT   [190]  ---
HIT
- * OUT (AT CLAIM)                                    [111]         # HIT
- * BACK (AT)                                         [111]         # HIT




---  RISK   [---]  ---
GAMBLE
RISK
- RUN *                                               [012]         # RISK




---  RECEIVE   [---]  ---
GAIN
RECEIVE
- * BACKING                                           [051]         # GAIN
- * BACKING                                           [:051]        # RECEIVE
"""
TABLE = """\
112: ACCUSE, disapprove, legal # Accuse
120: REJECT,  , diplomatic # Reject
161: SANCTION, withdraw, diplomatic # Reduce or break relations
130: THREATEN,  ,  # Threaten
0871: RETREAT, ceasefire, military # Declare truce, ceasefire
131: THREATEN,  ,  # Threaten non-force
051: SUPPORT,  ,  # Praise or endorse
111: ACCUSE, disapprove,  # Criticize or denounce
190: ASSAULT,  , military # Use conventional military force
"""


def build(tmp_path: Path, monkeypatch):
    spec = importlib.util.spec_from_file_location("build_triggers", TOOL)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_triggers", tool)  # its dataclasses look it up
    spec.loader.exec_module(tool)
    (tmp_path / "CAMEO.2.0.txt").write_text(CAMEO, encoding="latin-1")
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(TABLE, encoding="utf-8")
    readings, _, _ = tool.build(tmp_path)
    return {(r.lemma, r.condition): (r.type, r.code) for r in tool.unique(readings)}


def reversed_readings(tmp_path: Path, monkeypatch) -> dict[tuple[str, str], bool]:
    build(tmp_path, monkeypatch)
    tool = sys.modules["build_triggers"]
    readings, _, _ = tool.build(tmp_path)
    return {(r.lemma, r.condition): r.reverse for r in tool.unique(readings)}


def test_a_block_whose_header_runs_into_its_dashes_is_its_own_block(tmp_path, monkeypatch):
    # "---  DELAY   [120]---  ---": its verbs take its code and patterns, not the block's
    # before it (the ACCUSE block's patterns had been given to "postpone" and "delay")
    table = build(tmp_path, monkeypatch)
    assert table[("postpone", "-")] == ("REJECT", "120")
    assert table[("delay", "objw=talk")] == ("SANCTION", "161")
    assert not [key for key in table if key[0] == "postpone" and "court" in key[1]]
    assert table[("accuse", "-")] == ("ACCUSE", "112")


def test_a_verb_with_a_block_of_its_own_takes_its_default_from_that_block(tmp_path, monkeypatch):
    # RISK heads a block coded [---] and is a synonym under ENDANGER [130]: "risking prison"
    # is no threat, while ENDANGER's pattern still applies to it ("risk interests")
    table = build(tmp_path, monkeypatch)
    assert ("risk", "-") not in table
    assert table[("risk", "objw=interest")] == ("THREATEN", "131")
    assert table[("endanger", "-")] == ("THREATEN", "130")
    assert ("gamble", "-") not in table  # its block has no event code


def test_discards_keep_topics_and_leave_dates_out(tmp_path, monkeypatch):
    build(tmp_path, monkeypatch)
    tool = sys.modules["build_triggers"]
    (tmp_path / "Phoenix.discards.txt").write_text(
        "# Story-level discards are indicated with a '+'.\n"
        "1914\nYEARS AGO\nAPRIL 1942   # ELH 13 Jul 2009\n"
        "BASKETBALL   \n+CHAMPIONS LEAGUE   # mj 27 Jan 2006\nGROUP A_\nBASKETBALL\n",
        encoding="latin-1",
    )
    assert tool.read_discards(tmp_path / "Phoenix.discards.txt") == [
        ("basketball", "sentence"),
        ("champions league", "story"),
        ("group a", "sentence"),
    ]


def test_a_particle_before_an_object_is_the_verbs_particle(tmp_path, monkeypatch):
    # "LAY - * DOWN &WEAPON": "laid down their weapons" has "down" as the verb's particle,
    # not a word of the object phrase
    table = build(tmp_path, monkeypatch)
    assert table[("lay", "particle=down&objw=@cameo_weapon")] == ("RETREAT", "0871")


def test_a_particle_before_a_prepositional_phrase_is_the_verbs_particle(tmp_path, monkeypatch):
    # "HIT - * OUT (AT CLAIM)": "hit out at the claim" has "out" as the particle, not as
    # the object (no parse has an object "out", so the pattern never held)
    table = build(tmp_path, monkeypatch)
    assert table[("hit", "particle=out&ppw=at:claim")] == ("ACCUSE", "111")
    assert table[("hit", "particle=back&prep=at")] == ("ACCUSE", "111")
    assert not any(lemma == "hit" and "objw=out" in cond for lemma, cond in table)


def test_a_pattern_coded_for_the_other_side_is_a_reversed_reading(tmp_path, monkeypatch):
    # "[:051]": the target backs the source ("received backing from X" is X's support); of
    # two patterns with the same words, the one written for the verb wins for it
    table = reversed_readings(tmp_path, monkeypatch)
    assert table[("receive", "objw=backing")] is True
    assert table[("gain", "objw=backing")] is False
