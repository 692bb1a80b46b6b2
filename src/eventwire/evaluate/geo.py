"""Score the place stage on a geoparsing gold set in the GeoWebNews JSON Lines format.

Each line: {"doc_id", "text", "toponyms": [{"start", "end", "text", "type", "modifier_type",
"lat", "lon", ...}]}. Following Gritta et al. (2019), the annotated context phrases
(Literal_Expression, Non_Lit_Expression) and Non_Toponym are not toponyms. Two gold views:

- "all": every other toponym, adjectives ("French") and demonyms included, as the paper scores;
- "nominal": without demonyms, languages, homonyms and adjectival modifiers, which eventwire
  by design does not take for places.

Toponym recognition: precision, recall and F1 on spans, strict (same offsets) and relaxed
(overlap). Resolution, on relaxed matches with a gold point: accuracy within 161 km, mean and
median error in km, and AUC of the log-error curve (lower is better; Gritta et al. 2018).
A prediction without coordinates counts as the largest possible error.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate.folds import held_out, in_part
from eventwire.model import Article, Doc, Place

NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
NOT_NOMINAL = frozenset({"Demonym", "Language", "Homonym"})
EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the earth's circumference
ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GeoRecord:
    doc_id: str
    text: str
    all: tuple[GoldToponym, ...]
    nominal: tuple[GoldToponym, ...]


@dataclass(slots=True)
class SpanScores:
    gold: int = 0
    predicted: int = 0
    strict_tp: int = 0
    relaxed_tp: int = 0
    errors_km: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.gold, "predicted": self.predicted}
        for name, tp in (("strict", self.strict_tp), ("relaxed", self.relaxed_tp)):
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        errors = self.errors_km
        out["resolved"] = len(errors)
        if errors:
            out["accuracy_161km"] = round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4)
            out["mean_km"] = round(statistics.fmean(errors), 1)
            out["median_km"] = round(statistics.median(errors), 1)
            out["auc"] = round(
                statistics.fmean(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors), 4
            )
        return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def read_records(path: Path, *, limit: int | None = None) -> Iterator[GeoRecord]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield to_record(json.loads(line))


def to_record(raw: dict[str, Any]) -> GeoRecord:
    seen: dict[tuple[int, int], GoldToponym] = {}
    nominal: dict[tuple[int, int], GoldToponym] = {}
    for t in raw.get("toponyms", ()):
        if t.get("type") in NOT_TOPONYMS or t.get("offset_note") == "unresolved":
            continue
        if t["start"] < 0 or t["end"] <= t["start"]:
            continue
        gold = GoldToponym(t["start"], t["end"], t["text"], t["type"], t.get("lat"), t.get("lon"))
        key = (gold.start, gold.end)
        if key not in seen or (seen[key].lat is None and gold.lat is not None):
            seen[key] = gold
        adjective = t.get("modifier_type") == "Adjective"
        if (
            t["type"] not in NOT_NOMINAL
            and not adjective
            and (key not in nominal or nominal[key].lat is None)
        ):
            nominal[key] = gold
    return GeoRecord(
        str(raw.get("doc_id", "")),
        raw["text"],
        tuple(sorted(seen.values(), key=lambda g: g.start)),
        tuple(sorted(nominal.values(), key=lambda g: g.start)),
    )


@dataclass(frozen=True, slots=True)
class GeoError:
    """One error of the nominal view: a missed gold toponym ("missed"), a prediction matching
    none ("spurious"), an overlap with other offsets ("span"), or a resolution more than
    161 km off ("far")."""

    doc_id: str
    kind: str
    gold: str | None
    predicted: str | None
    km: float | None = None


def score_record(
    scores: SpanScores,
    gold: Iterable[GoldToponym],
    places: Iterable[Place],
    errors: list[GeoError] | None = None,
    doc_id: str = "",
) -> None:
    gold_list, predicted = list(gold), list(places)
    scores.gold += len(gold_list)
    scores.predicted += len(predicted)
    exact = {(p.span.start, p.span.end) for p in predicted}
    scores.strict_tp += sum((g.start, g.end) in exact for g in gold_list)
    used: set[str] = set()
    for g in gold_list:
        match = next(
            (
                p
                for p in predicted
                if p.id not in used and p.span.start < g.end and g.start < p.span.end
            ),
            None,
        )
        if match is None:
            if errors is not None:
                errors.append(GeoError(doc_id, "missed", describe_gold(g), None))
            continue
        used.add(match.id)
        scores.relaxed_tp += 1
        if errors is not None and (match.span.start, match.span.end) != (g.start, g.end):
            errors.append(GeoError(doc_id, "span", describe_gold(g), describe_place(match)))
        if g.lat is None or g.lon is None:
            continue
        if match.lat is None or match.lon is None:
            km = MAX_ERROR_KM
        else:
            km = distance_km(g.lat, g.lon, match.lat, match.lon)
        scores.errors_km.append(km)
        if errors is not None and km > ACCURACY_KM:
            errors.append(GeoError(doc_id, "far", describe_gold(g), describe_place(match), km))
    if errors is not None:
        errors.extend(
            GeoError(doc_id, "spurious", None, describe_place(p))
            for p in predicted
            if p.id not in used
        )


def describe_gold(g: GoldToponym) -> str:
    point = "" if g.lat is None or g.lon is None else f" ({g.lat:.2f}, {g.lon:.2f})"
    return f"{g.text}@{g.start} [{g.type}]{point}"


def describe_place(p: Place) -> str:
    point = "" if p.lat is None or p.lon is None else f" ({p.lat:.2f}, {p.lon:.2f})"
    where = "/".join(x for x in (p.country, p.admin1) if x)
    return f"{p.span.start}:{p.span.end} {p.name} [{p.kind} {where}]{point}"


def default_places() -> tuple[Callable[[Doc], Doc], Callable[[Doc], Doc]]:
    from eventwire.pipeline import load_stage

    return load_stage("parse"), load_stage("places")


def evaluate_geo(
    path: Path,
    *,
    limit: int | None = None,
    part: str = "all",
    stages: tuple[Callable[[Doc], Doc], Callable[[Doc], Doc]] | None = None,
    with_errors: bool = False,
) -> dict[str, Any]:
    """Run parse + places over the gold file (or its `part`: dev, held-out; see folds.py);
    return the scores as a plain dict, with the nominal view's errors when asked."""
    held = held_out(r.doc_id for r in read_records(path)) if part != "all" else frozenset()
    parse, places = stages or default_places()
    views = {"all": SpanScores(), "nominal": SpanScores()}
    errors: list[GeoError] | None = [] if with_errors else None
    parse_s = places_s = 0.0
    docs = 0
    for record in read_records(path, limit=limit):
        if not in_part(record.doc_id, part, held):
            continue
        doc = Doc(article=Article(id=record.doc_id, text=record.text))
        started = time.perf_counter()
        doc = parse(doc)
        parsed_at = time.perf_counter()
        doc = places(doc)
        places_s += time.perf_counter() - parsed_at
        parse_s += parsed_at - started
        score_record(views["all"], record.all, doc.places)
        score_record(views["nominal"], record.nominal, doc.places, errors, record.doc_id)
        docs += 1
    result: dict[str, Any] = {
        "file": str(path),
        "part": part,
        "documents": docs,
        "all": views["all"].summary(),
        "nominal": views["nominal"].summary(),
        "seconds": {"parse": round(parse_s, 2), "places": round(places_s, 2)},
    }
    if errors is not None:
        result["errors"] = [asdict(e) for e in errors]
    return result


def format_table(result: dict[str, Any]) -> str:
    part = "" if result.get("part", "all") == "all" else f" ({result['part']} part)"
    rows = [f"{result['file']}{part}: {result['documents']} documents"]
    columns = ("gold", "pred", "P", "R", "F1", "rP", "rR", "rF1", "acc161", "median", "AUC")
    rows.append(f"{'view':<8} " + " ".join(f"{c:>7}" for c in columns))
    for view in ("all", "nominal"):
        s = result[view]
        strict, relaxed = s["strict"], s["relaxed"]
        values = [
            f"{s['gold']:>7}",
            f"{s['predicted']:>7}",
            *(f"{strict[k]:>7.3f}" for k in ("precision", "recall", "f1")),
            *(f"{relaxed[k]:>7.3f}" for k in ("precision", "recall", "f1")),
            f"{s.get('accuracy_161km', 0.0):>7.3f}",
            f"{s.get('median_km', 0.0):>7.1f}",
            f"{s.get('auc', 0.0):>7.3f}",
        ]
        rows.append(f"{view:<8} " + " ".join(values))
    secs = result["seconds"]
    rows.append(f"time: parse {secs['parse']:.1f} s, places {secs['places']:.1f} s")
    return "\n".join(rows)


def format_errors(result: dict[str, Any]) -> str:
    """One line per error of the nominal view: doc id, kind, gold, prediction, km."""
    lines = []
    for e in result.get("errors", ()):
        km = "" if e["km"] is None else f"\t{e['km']:.0f} km"
        lines.append(
            f"{e['doc_id']}\t{e['kind']}\tgold={e['gold']}\tpredicted={e['predicted']}{km}"
        )
    return "\n".join(lines)


__all__ = [
    "GeoError",
    "GeoRecord",
    "GoldToponym",
    "SpanScores",
    "evaluate_geo",
    "format_errors",
    "format_table",
]
