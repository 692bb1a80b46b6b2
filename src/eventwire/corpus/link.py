"""The link decision: is this event the same real-world event as that one?

Two events can be linked only when they are compatible: the same type, the same trigger
lemma (or, for a typed event, the same mode: "withdrew" and "pullout" are both RETREAT
withdraw), and no two different countries for their places. A compatible pair gets a score,
a weighted sum of features; it links when the score is above zero. There are two sets of
weights, because the evidence differs:

- within one article (`score_within`): a report names one event several times (headline,
  lead, later paragraphs) with the same verb; repeated reporting verbs ("said") are mostly
  different statements, and two actors that share nothing point to two events;
- across articles (`score_across`): the same lemma in two articles is weak evidence by
  itself ("said", "rise" occur in every report), so a link needs more: the same actors or
  recipients, similar wording, an event time that matches; an event time far from the
  other's, or (without event times) publications more than a week apart, count against.

Calibration: the weights started from a logistic regression on pairs of gold event mentions
in MEANTIME's Airbus sub-corpus (30 articles; 61 same-article pairs with a shared lemma, 610
cross-article ones, 9 of them coreferent), fitted separately for the two kinds of pair, and
were then rounded, with a sign fixed where the fit gave a sign the evidence cannot have
(two actors sharing nothing never makes a link likelier). The GM sub-corpus was kept out of
the fit and is reported apart (docs/corpus.md). Weights marked "not calibrated" concern
evidence MEANTIME hardly has (places with coordinates, typed events with different lemmas,
two explicit dates in one article); they are set by hand to what a reader would expect.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.corpus.features import EventView

# --- within one article: link when the score is above zero ---
WITHIN_BIAS = -0.5
WITHIN_ACTORS = 2.5  # the actors share a name word or a country
WITHIN_ACTOR_CONFLICT = -0.5  # both have actors, sharing nothing
WITHIN_RECIPIENTS = 0.8
WITHIN_WORDS = 5.0  # times the Jaccard similarity of the two sentences' words
WITHIN_REPORTING = -3.5  # a reporting verb ("said", "told")
WITHIN_SAME_MODALITY = 1.5
WITHIN_SAME_PLACE = 0.4
WITHIN_DATES_DIFFER = -4.0  # not calibrated: two dates read from the text, days apart

# --- across articles: link when the score is above zero ---
ACROSS_BIAS = -0.3
ACROSS_ACTORS = 0.8
ACROSS_ACTOR_CONFLICT = -1.4
ACROSS_RECIPIENTS = 1.0
ACROSS_RECIPIENT_CONFLICT = -0.3
ACROSS_WORDS = 1.5  # fitted 0.5; raised: reports of one event share its words
ACROSS_REPORTING = -0.9
ACROSS_TIME_MATCH = 0.8  # the event times overlap, at least one read from the text
ACROSS_TIME_FAR = -2.8  # the event times are further apart than TIME_SLACK_DAYS
ACROSS_PUBLISHED_FAR = -1.2  # no time to compare, and published over PUBLISHED_DAYS apart
ACROSS_SAME_PLACE = 0.3
ACROSS_PLACE_FAR = -1.5  # not calibrated: places over PLACE_FAR_KM apart

DIFFERENT_LEMMA = -1.0  # not calibrated: a typed event of the same mode, named by another word

# Days two event times may lie apart and still be one event: a day for dates read from the
# text (outlets in other time zones), three when one is the publication-day fallback.
TIME_SLACK_DAYS = 1
FALLBACK_SLACK_DAYS = 3
PUBLISHED_DAYS = 7
PLACE_FAR_KM = 100.0
# Lookup: an event is filed under the days of its event time when that spans at most
# ANCHOR_DAYS (its first and last, and one a week between), else under its publication day;
# matches are looked for within LOOKUP_SLACK of that (further apart, the time or publication
# penalties above refuse the link anyway).
ANCHOR_DAYS = 62
LOOKUP_SLACK = timedelta(days=PUBLISHED_DAYS)
FILE_EVERY = timedelta(days=PUBLISHED_DAYS)


@dataclass(frozen=True, slots=True)
class Shared:
    """What two events share, the inputs of both scores."""

    actors: bool
    actor_conflict: bool
    recipients: bool
    recipient_conflict: bool
    same_lemma: bool
    same_place: bool
    place_far: bool


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def distance_km(a: EventView, b: EventView) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def compatible(a: EventView, b: EventView) -> bool:
    """Could the two be one event at all (type, lemma or mode, place country)?"""
    if a.type != b.type:
        return False
    if a.lemma != b.lemma and (a.type == "OTHER" or a.mode is None or a.mode != b.mode):
        return False
    return not (a.place_country and b.place_country and a.place_country != b.place_country)


def shared(a: EventView, b: EventView) -> Shared:
    actors = bool(a.actors & b.actors or a.actor_countries & b.actor_countries)
    recipients = bool(a.recipients & b.recipients or a.recipient_countries & b.recipient_countries)
    far = distance_km(a, b)
    return Shared(
        actors=actors,
        actor_conflict=bool(a.actors and b.actors and not actors),
        recipients=recipients,
        recipient_conflict=bool(a.recipients and b.recipients and not recipients),
        same_lemma=a.lemma == b.lemma,
        same_place=bool(a.place and a.place == b.place),
        place_far=far is not None and far > PLACE_FAR_KM,
    )


def time_gap(a: EventView, b: EventView) -> int | None:
    """Days between the two event times (0 when they overlap); None when one has none."""
    if a.time_lo is None or b.time_lo is None or a.time_hi is None or b.time_hi is None:
        return None
    if a.time_lo <= b.time_hi and b.time_lo <= a.time_hi:
        return 0
    return min(abs((a.time_lo - b.time_hi).days), abs((b.time_lo - a.time_hi).days))


def published_gap(a: EventView, b: EventView) -> int:
    if a.published is None or b.published is None:
        return 0
    return abs((a.published - b.published).days)


def score_within(a: EventView, b: EventView, *, reporting: frozenset[str]) -> float:
    """The link score of two compatible events of one article."""
    s = shared(a, b)
    score = WITHIN_BIAS
    score += WITHIN_ACTORS * s.actors + WITHIN_ACTOR_CONFLICT * s.actor_conflict
    score += WITHIN_RECIPIENTS * s.recipients
    if a.sentence != b.sentence:  # two events of one sentence share all its words
        score += WITHIN_WORDS * jaccard(a.words, b.words)
    score += WITHIN_REPORTING * (a.lemma in reporting)
    score += WITHIN_SAME_MODALITY * (a.modality == b.modality)
    score += WITHIN_SAME_PLACE * s.same_place
    score += DIFFERENT_LEMMA * (not s.same_lemma)
    gap = time_gap(a, b)
    if gap is not None and gap > TIME_SLACK_DAYS and not (a.fallback or b.fallback):
        score += WITHIN_DATES_DIFFER
    return score


def score_across(a: EventView, b: EventView, *, reporting: frozenset[str]) -> float:
    """The link score of two compatible events of different articles."""
    s = shared(a, b)
    score = ACROSS_BIAS
    score += ACROSS_ACTORS * s.actors + ACROSS_ACTOR_CONFLICT * s.actor_conflict
    score += ACROSS_RECIPIENTS * s.recipients + ACROSS_RECIPIENT_CONFLICT * s.recipient_conflict
    score += ACROSS_WORDS * jaccard(a.words, b.words)
    score += ACROSS_REPORTING * (a.lemma in reporting)
    score += ACROSS_SAME_PLACE * s.same_place + ACROSS_PLACE_FAR * s.place_far
    score += DIFFERENT_LEMMA * (not s.same_lemma)
    gap = time_gap(a, b)
    if gap is None:
        score += ACROSS_PUBLISHED_FAR * (published_gap(a, b) > PUBLISHED_DAYS)
    else:
        slack = FALLBACK_SLACK_DAYS if a.fallback or b.fallback else TIME_SLACK_DAYS
        score += ACROSS_TIME_FAR * (gap > slack)
        score += ACROSS_TIME_MATCH * (gap == 0 and not (a.fallback and b.fallback))
    return score


def chain_events(views: list[EventView], *, reporting: frozenset[str]) -> list[list[EventView]]:
    """Group one article's events into chains (its mentions of one event), in text order:
    each event joins the chain whose compatible members score highest on average, if that
    average is above zero, else starts a chain."""
    chains: list[list[EventView]] = []
    for view in views:
        best: tuple[float, int] | None = None
        for index, chain in enumerate(chains):
            scores = [score_within(u, view, reporting=reporting) for u in chain
                      if compatible(u, view)]  # fmt: skip
            if scores:
                mean = sum(scores) / len(scores)
                if best is None or mean > best[0]:
                    best = (mean, index)
        if best is not None and best[0] > 0:
            chains[best[1]].append(view)
        else:
            chains.append([view])
    return chains


def anchor(view: EventView) -> tuple[date, date] | None:
    """The days an event is filed under for lookup: its event time when that spans at most
    ANCHOR_DAYS, else its publication day; None when it has neither."""
    lo, hi = view.time_lo, view.time_hi
    bounded = lo is not None and hi is not None and lo != date.min and hi != date.max
    if bounded and lo is not None and hi is not None and 0 <= (hi - lo).days <= ANCHOR_DAYS:
        return lo, hi
    when = view.published
    return None if when is None else (when, when)


def filed_days(view: EventView) -> list[date]:
    """The days an event is filed under: its anchor's first and last day, and every
    FILE_EVERY days between, so that a lookup LOOKUP_SLACK either side of any day of the
    span finds it."""
    days = anchor(view)
    if days is None:
        return []
    lo, hi = days
    filed = [lo + timedelta(days=d) for d in range(0, (hi - lo).days, FILE_EVERY.days)]
    return [*filed, hi] if not filed or filed[-1] != hi else filed


def lookup_range(view: EventView) -> tuple[date, date, date] | None:
    """Where a report of the same event is filed: (earliest, anchor day, latest), the
    anchor widened by LOOKUP_SLACK either side."""
    days = anchor(view)
    if days is None:
        return None
    try:
        return days[0] - LOOKUP_SLACK, days[0], days[1] + LOOKUP_SLACK
    except OverflowError:
        return days[0], days[0], days[1]
