"""Find time expressions in text: regular patterns built from the words in
data/times/lexicon.toml.

Each rule is a named regular expression; a match becomes a `Candidate` whose span is the
rule's group "x" when it has one (so a rule can read a preposition it leaves out of the span:
"within the next two years" -> span "the next two years", `lead` "within"). Overlapping matches
are settled longest first. Normalisation is done elsewhere (times.py).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from eventwire.data import read_toml

# Words before a span that may be prepositions of the expression (kept out of the span).
LEAD = re.compile(
    r"\b(within|in|by|before|after|since|until|till|during|on|at|for|over|from|through|"
    r"throughout|following|of|to|as\s+of)\s+$",
    re.IGNORECASE,
)
# Modifiers taken into a date's span without changing its value ("early June" -> 2009-06).
MODIFIER = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder)\s+of\s+"
    r"|\b(?:the\s+)?(?:first|last|second|third|final)\s+(?:weeks?|days?|half)\s+of\s+"
    r"|\b(?:early|late|mid|earlier|later)(?:\s+|-)|\bmid-)$",
    re.IGNORECASE,
)
MODIFIABLE = frozenset(
    {
        "month",
        "month_year",
        "month_rel",
        "year",
        "rel_unit",
        "quarter",
        "season",
        "decade",
        "date_dm",
        "the_unit",
        "weekday",
        "deictic",
    }
)


@dataclass(frozen=True, slots=True)
class Candidate:
    rule: str
    start: int
    end: int
    groups: dict[str, str | None]
    lead: str | None  # a preposition just before the span, lower case


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    month_abbreviations: frozenset[str]  # the month names shorter than another of their month
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    units: dict[str, str]  # any form (singular or plural) -> singular
    references: dict[str, str]
    sets: dict[str, str]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    ordinals: dict[str, int]
    amounts: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw: dict[str, Any] = read_toml("times", "lexicon.toml")
    units = {}
    for singular, plural in raw["units"].items():
        units[singular] = singular
        units[plural] = singular
    months: dict[str, int] = dict(raw["months"])
    longest = {n: max((m for m in months if months[m] == n), key=len) for n in months.values()}
    return Lexicon(
        months=months,
        month_abbreviations=frozenset(m for m, n in months.items() if m != longest[n]),
        ambiguous_months=frozenset(raw["ambiguous_months"]["words"]),
        weekdays=dict(raw["weekdays"]),
        numbers=dict(raw["numbers"]),
        vague_numbers=tuple(raw["vague_numbers"]["words"]),
        units=units,
        references=dict(raw["references"]),
        sets=dict(raw["sets"]),
        seasons=dict(raw["seasons"]),
        day_parts=dict(raw["day_parts"]),
        ordinals=dict(raw["ordinals"]),
        amounts=frozenset(raw["amounts"]["words"]),
    )


def alternation(words: Any) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.lru_cache(maxsize=1)
def compile_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = load_lexicon()
    # only an abbreviation takes a full stop: "in July." ends a sentence, "Sept. 5" does not
    full_months = alternation(m for m in lex.months if m not in lex.month_abbreviations)
    # never the start of a longer word ("Mayor", "Marching", "Junes")
    month = rf"(?-i:{full_months}|(?:{alternation(lex.month_abbreviations)})\.?)(?![^\W\d_])"
    weekday = rf"(?-i:{alternation(lex.weekdays)})"
    day = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
    # a year, also after "mid-" ("by mid-2025"), never inside a longer number or code,
    # nor a measure ("the 2000-metre race", "a 1500-strong force"; "a 2009-born cow" is)
    measure = r"-(?:metres?|meters?|km|kilometres?|miles?|yards?|feet|foot|pages?|words?|seats?"
    measure += r"|strong|members?|points?|tonnes?|tons?|pounds?|kg|hp|cc|mm|cm)\b"
    # "2009-2011" is two years
    # (the lookahead first: the lookbehinds are tried only where a year starts)
    year = r"(?=(?:19|20)\d\d)(?:(?<![\w$£€#.,/-])|(?<=\bmid-)"
    year += r"|(?<=(?<![\w$£€#.,/-])(?:19|20)\d\d-))(?:19|20)\d\d"
    year += rf"(?![\w%]|[.,]\d|{measure})"
    word_num = alternation(w for w in lex.numbers if w not in ("a", "an"))
    # "3,000" whole: with digits alone, "000 years ago" would be read out of it
    num = (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+(?:\.\d+)?"
        rf"|(?:{word_num})(?:[\s-](?:{word_num}))*|an?)"
    )
    vague = alternation(lex.vague_numbers)
    unit = alternation(lex.units)
    # the weekday said with a date ("Saturday, March 31") tells the year the date is in
    wd_prefix = rf"(?:(?P<wdp>{weekday})\s*,?\s+)?"
    rel_year = r"(?:this|last|next|the\s+(?:previous|following|same))\s+year"
    ordinal = r"first|second|third|fourth|final|last|1st|2nd|3rd|4th"
    ordinal_words = alternation(lex.ordinals)
    deictic = r"today|tonight|yesterday|tomorrow"
    parts = alternation(lex.day_parts)
    seasons = alternation(lex.seasons)
    tz = r"UTC|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST"
    rules = {
        "date_mdy": rf"{wd_prefix}(?P<mon>{month})\s+(?P<day>{day})\s*,?\s*(?P<year>{year})",
        "date_dmy": rf"{wd_prefix}(?P<day>{day})\s+(?:of\s+)?(?P<mon>{month})\s*,?\s*"
        rf"(?P<year>{year})",
        "date_iso": r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])"
        r"-(?P<day>0[1-9]|[12]\d|3[01])(?![\w-])",
        # "09.03.2018": a dotted date is written day first
        "date_dot": r"(?<![\w.])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<mon>0?[1-9]|1[0-2])"
        r"\.(?P<year>(?:19|20)\d\d)(?![\w]|\.\d)",
        "date_slash": r"(?<![\w/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\w/])",
        "date_rel_dm": rf"{wd_prefix}(?:(?P<mon>{month})\s+(?P<day>{day})"
        rf"|(?P<day2>{day})\s+(?:of\s+)?(?P<mon2>{month}))\s*,?\s+(?:of\s+)?(?P<rel>{rel_year})",
        "month_year": rf"(?P<mon>{month})\s*,?\s+(?:of\s+)?(?P<year>{year})",
        "month_rel": rf"(?P<mon>{month})\s+(?P<rel>{rel_year})"
        rf"|(?P<rel2>last|next|this|coming)\s+(?P<mon2>{month})",
        "date_dm": rf"{wd_prefix}(?:(?P<mon>{month})\s+(?P<day>{day})(?!\s*,?\s*\d)"
        rf"|(?:the\s+)?(?P<day2>{day})\s+(?:of\s+)?(?P<mon2>{month}))",
        "month": rf"(?P<mon>{month})(?:(?=\s+of\s+(?P<ofrel>this|last|next)\s+year\b)|(?!\s*\d))",
        # "fiscal 2008", "fiscal year 2008", "FY2008", "the 2008 fiscal year": the whole span
        "year": rf"(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?P<year>{year})(?:\s+fiscal\s+year\b)?",
        # a year before 1900 only after a preposition of time and before punctuation, a
        # conjunction or a name ("laid out in 1806.", "since 1776, when"): "in 1500 troops",
        # "from 1500 to 2000 people" are counts
        "old_year": r"(?P<lead>in|since|by|until|till|from|before|after|around|circa)\s+"
        r"(?P<x>(?P<year>1[0-8]\d\d))(?![\w%-]|[.,]\d)"
        r"(?!\s*(?:-|–|to|or|and)\s*\d)"
        r"(?=\s*(?:[,.;:)!?'\"”’]|$)|\s+(?:and|or|when|until|the|a|an)\b|\s+(?-i:[A-Z]))",
        # a decade, also after "mid-" ("the mid-1990s"), never inside a word or a code
        "decade": r"(?:(?<![\w$£€#'-])|(?<=\bmid-))'?(?P<c>1[5-9]|20)?(?P<d>\d)0['’]?s(?!\w)",
        "century": rf"(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal_words})"
        r"\s+century(?![\w-])",
        "quarter": rf"(?:the\s+)?(?:fiscal\s+)?(?P<ord>{ordinal})[\s-]+(?P<unit>quarter|half)"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{year})|\s+of\s+(?P<rel>{rel_year}))?"
        rf"|(?-i:Q(?P<q>[1-4]))(?:\s+(?P<year2>{year}))?(?!\w)",
        "season": rf"(?:(?P<the>the)\s+)?(?:(?P<rel>this|last|next|early|late)\s+)?"
        rf"(?P<season>{seasons})"
        rf"(?:\s+(?:of\s+)?(?P<year>{year}))?(?!\w)",
        "same_ago": r"the\s+same\s+(?P<unit>day|week|month|quarter|period|time|year)\s+"
        r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|a\s+year\s+prior"
        r"|the\s+(?:previous|prior)\s+year|(?:of\s+)?the\s+year\s+before)",
        # "over the weekend": the weekend the story or the tense points to; "the weekend of
        # May 19" is that date's
        "weekend": r"the\s+weekend(?![\w'’-]|\s+of\b)",
        "rel_unit": r"(?:(?P<mod>earlier|later)\s+)?(?P<the>the\s+)?"
        r"(?P<rel>this|last|next|past|coming|current|present|previous|preceding|following|same)\s+"
        r"(?:(?P<kind>fiscal|financial|school|academic|calendar)\s+(?=year))?"
        r"(?P<unit>weekend|week|month|year|quarter|decade"
        r"|century|day)(?!\w)",
        "unit_rel": r"(?:the\s+)?(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later"
        r"|previous|prior)(?!\s+(?:(?:the|a|an|his|her|its|their|this|that|last|next)\b"
        r"|(?-i:[A-Z\d])))",
        "deictic": rf"(?:(?P<mod>earlier|later)\s+)?(?P<word>{deictic})"
        rf"(?:\s+(?P<part>{parts}))?(?!\w)"
        rf"|(?P<this>this|last)\s+(?P<part2>{parts})(?!\w)",
        "clock": rf"(?:(?P<wd1>{weekday}|{deictic})\s+(?:at\s+)?)?(?:(?P<h>[01]?\d|2[0-3])"
        rf"(?:(?::|\.)(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)?"
        rf"|(?P<named>noon|midday|midnight)(?!\w))(?:\s*(?P<tz>{tz})\b)?(?:\s+(?:on\s+)?(?P<wd2>{weekday}|{deictic}))?",
        "weekday": rf"(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{weekday})"
        rf"(?:\s+(?P<part>{parts}))?(?!\w)",
        # "months ago" with no number: some months before publication (PAST_REF)
        "ago": rf"(?:(?P<num>{num}|{vague})\s+)?(?P<unit>{unit})\s+"
        r"(?:(?P<dir>ago|from\s+now|(?:earlier|later)(?!\s+(?:than|in|on|at)\b))"
        r"|(?P<dir2>before|after)(?=\s*(?:[,.;:)]|$)))",
        "another": r"(?P<lead>after|in|within)\s+"
        r"(?P<x>(?:another|a\s+further|an\s+additional|one\s+more)"
        rf"\s+(?:(?P<num>{num})\s+)?(?P<unit>{unit}))(?!\w)",
        "duration": r"(?:(?P<the>the\s+)"
        r"(?P<rel>next|past|last|coming|previous|first|final|following)\s+)?"
        r"(?:(?P<approx>almost|nearly|about|around|over(?!\s+the\b)|more\s+than|less\s+than"
        r"|under|some|roughly|approximately|at\s+least|up\s+to|just)\s+)?"
        rf"(?:(?P<halfa>half\s+an?)|(?P<num>{num})(?P<half>\s+and\s+a\s+half)?"
        rf"|(?P<vague>{vague}))[\s-]+(?:(?:consecutive|straight|successive|long|full|whole)\s+)?"
        rf"(?P<unit>{unit})(?:-long|(?P<half2>\s+and\s+a\s+half))?"
        r"(?![\w-])",
        # the first number of a range takes the unit of the second: "between 60 and 90 days"
        "range_start": rf"(?P<num>\d+(?:\.\d+)?|{word_num})(?=\s*(?:-|–|to|or|and)\s*"
        rf"(?:\d+(?:\.\d+)?|{word_num})[\s-]+(?P<unit>{unit})(?![\w-]))",
        # a part of the day after a preposition: "in the morning", "in morning trading"
        "day_part": rf"(?:the\s+)?(?P<part>{parts})(?!\w)",
        "the_years": r"(?P<lead>over|in|during|through|throughout)\s+"
        r"(?P<x>the\s+(?P<unit>years|months|decades|centuries|weeks))(?!\w)",
        # "in the quarter": the quarter the text has just named
        "the_quarter": r"the\s+quarter(?![\w'’-]|\s+of\b)",
        "whole_unit": r"(?:the\s+(?:entire|whole|full|same)|that)\s+"
        r"(?P<unit>year|month|week|quarter|day|time)(?!\w)"
        r"|(?:earlier|later)\s+in\s+(?P<x>the\s+(?P<unit2>day|week|month|year))(?!\w)",
        # "years of war"; not "the early hours of Monday", a part of that day
        "bare_of": r"(?<!early\s)(?<!small\s)(?<!wee\s)"
        r"(?P<unit>years|months|weeks|decades|centuries|days|hours)(?=\s+of\b)",
        # "the end of the month": the present one, taken only with its modifier
        "the_unit": r"(?<=\bof\s)the\s+(?P<unit>week|month|year|decade)(?![\w'’-])",
        # "for years", "within minutes", "the worst drought in decades"
        "bare_after": r"(?P<lead>for|over|after|within|during|in)\s+(?P<x>(?P<unit>years|months"
        r"|weeks|decades|centuries|days|hours|minutes))(?![\w'’-]|\s+(?:past|gone|to\s+come)\b)",
        "set": rf"(?:once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|every|each)\s+"
        rf"(?P<fqunit>{unit})(?!\w)"
        rf"|(?:every|each|per)\s+(?:(?P<num>{num}|other)\s+|(?P<vague>{vague})\s+)?"
        rf"(?P<unit>{unit}|weekend)(?!\w)"
        rf"|(?:every|each)\s+(?:(?P<wd>{weekday})(?:\s+(?P<part>{parts}))?|(?P<part2>{parts})"
        rf"|(?P<season>{seasons})|(?P<mon>{month}))(?!\w)"
        rf"|(?:(?<=\bon\s)|(?<=\bOn\s))(?P<wds>{weekday})s(?!\w)"
        rf"|(?P<word>{alternation(lex.sets)})(?!\w)",
        "reference": rf"(?P<ref>{alternation(lex.references)})(?![\w-])",
    }
    # no rule starts inside a word or after a hyphen, except a year or a decade, whose
    # patterns say where they may start, and a month after "mid-" ("in mid-October")
    return tuple(
        (name, re.compile(RULE_STARTS.get(name, r"(?<![\w-])") + f"(?:{pattern})", re.I))
        for name, pattern in rules.items()
    )


AFTER_MID = r"(?-i:(?=[A-Z]))(?:(?<![\w-])|(?<=\bmid-))"  # months are capitalised
RULE_STARTS = {"year": "", "decade": "", "month": AFTER_MID, "month_year": AFTER_MID}
# Words a rule cannot match without: a text lacking the word skips the rule's scan.
REQUIRED_WORDS = {"century": "century", "weekend": "weekend", "the_quarter": "quarter"}
# Words before "N units ago" that make it approximate without changing its value ("nearly a
# year ago"), taken into its span before overlaps are settled ("over a week" is no duration
# of its own there).
APPROX_BEFORE = re.compile(
    r"\b(?:almost|nearly|about|around|over|more\s+than|less\s+than|some|roughly"
    r"|approximately|just|only|at\s+least)\s+$",
    re.IGNORECASE,
)


RULE_ORDER = {
    name: i
    for i, name in enumerate(
        (
            "date_mdy",
            "date_dmy",
            "date_iso",
            "date_slash",
            "date_dot",
            "date_rel_dm",
            "month_year",
            "month_rel",
            "same_ago",
            "another",
            "ago",
            "clock",
            "date_dm",
            "quarter",
            "season",
            "rel_unit",
            "weekend",
            "unit_rel",
            "deictic",
            "weekday",
            "duration",
            "decade",
            "century",
            "year",
            "old_year",
            "month",
            "set",
            "range_start",
            "day_part",
            "the_years",
            "whole_unit",
            "the_quarter",
            "bare_of",
            "bare_after",
            "the_unit",
            "reference",
        )
    )
}


def find_candidates(text: str) -> list[Candidate]:
    """Non-overlapping candidate time expressions, in text order."""
    found: list[Candidate] = []
    lowered = text.lower()
    for name, pattern in compile_rules():
        if name in REQUIRED_WORDS and REQUIRED_WORDS[name] not in lowered:
            continue
        for match in pattern.finditer(text):
            start, end = match.span("x") if match.groupdict().get("x") else match.span()
            if name == "ago":
                approx = APPROX_BEFORE.search(text, max(0, start - 24), start)
                start = approx.start() if approx else start
            while end > start and text[end - 1].isspace():
                end -= 1  # "at 13:51 | Compiled": the space an optional part tried for
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            if name == "clock" and not (":" in match.group() or {"ampm", "named"} & set(groups)):
                continue
            lead_match = LEAD.search(text, max(0, start - 16), start)
            lead = groups.get("lead") or (lead_match.group(1) if lead_match else None)
            found.append(Candidate(name, start, end, groups, lead.lower() if lead else None))
    found.sort(key=lambda c: (-(c.end - c.start), RULE_ORDER[c.rule], c.start))
    kept = settle_overlaps(found)
    pairs = [(extend_modifier(text, c), c) for c in kept]
    # "the month" is a time only with its modifier ("the end of the month")
    pairs = [(e, k) for e, k in pairs if e.rule != "the_unit" or "modifier" in e.groups]
    extended = [e for e, _ in pairs]
    kept = [k for _, k in pairs]
    # A modifier taken into a span ("the last week of March") wins over what it overlaps.
    grown = [c for c, k in zip(extended, kept, strict=True) if c.start != k.start]
    if not grown:
        return extended
    grown.sort(key=lambda c: c.start)
    grown_starts = [g.start for g in grown]
    longest = max(g.end - g.start for g in grown)
    grown_ids = {id(g) for g in grown}

    def overlaps_grown(c: Candidate) -> bool:
        first = bisect.bisect_left(grown_starts, c.start - longest)
        last = bisect.bisect_left(grown_starts, c.end)
        return any(g.start < c.end and c.start < g.end for g in grown[first:last])

    return [c for c in extended if id(c) in grown_ids or not overlaps_grown(c)]


def settle_overlaps(found: list[Candidate]) -> list[Candidate]:
    """The candidates kept, in text order: each in turn unless it overlaps one kept before
    it (the kept ones never overlap, so a binary search finds the two it could touch)."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for cand in found:
        at = bisect.bisect_right(starts, cand.start)
        if at > 0 and ends[at - 1] > cand.start:
            continue
        if at < len(starts) and starts[at] < cand.end:
            continue
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
        kept.insert(at, cand)
    return kept


def extend_modifier(text: str, cand: Candidate) -> Candidate:
    if cand.rule not in MODIFIABLE:
        return cand
    match = MODIFIER.search(text, max(0, cand.start - 40), cand.start)
    if match is None:
        return cand
    lead_match = LEAD.search(text, max(0, match.start() - 16), match.start())
    lead = lead_match.group(1).lower() if lead_match else cand.lead
    groups = {**cand.groups, "modifier": match.group(0).strip().lower()}
    return Candidate(cand.rule, match.start(), cand.end, groups, lead)


def number_value(words: str) -> float | None:
    """The value of "2", "2.5", "twenty-five", "two hundred", "a"; None for vague words."""
    words = words.strip().lower()
    try:
        return float(words.replace(",", "") if words[:1].isdigit() else words)
    except ValueError:
        pass
    lex = load_lexicon()
    total = 0
    for part in re.split(r"[\s-]+", words):
        value = lex.numbers.get(part)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return float(total) if total else None
