"""How near two municipalities are: the great-circle distance between their
administrative centres, or, where a centre is missing from the data, the next
best thing we know (the same municipality, neighbours, the same county).

The data are two files in network/data, each naming its source in its header:
municipality_centres.csv (number,latitude,longitude) and
municipality_neighbours.csv (number,neighbour, symmetrised here). They are read
once per process; nothing here touches the database.
"""

import csv
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext

from mentornett.formatting import kilometres

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
CENTRES_CSV = DATA_DIR / "municipality_centres.csv"
NEIGHBOURS_CSV = DATA_DIR / "municipality_neighbours.csv"

EARTH_RADIUS_KM = 6371.0088  # the mean Earth radius (IUGG)

MEASURED = "measured"
SAME_MUNICIPALITY = "same_municipality"
NEIGHBOUR = "neighbour"
SAME_COUNTY = "same_county"
UNKNOWN = "unknown"

# A neighbour whose distance we cannot measure counts as "within N km" from 50 km
# up: in the shipped data 78 % of neighbouring municipalities have their centres
# within 50 km of each other (median 32 km), so below 50 km a neighbour is more
# often too far than not, and from 50 km it is mostly right.
NEIGHBOUR_WITHIN_KM = 50

# What the match score assumes when it cannot measure: the median distance between
# the centres of neighbouring municipalities (32 km) and of two municipalities in
# the same county (93 km) in the shipped data.
NEIGHBOUR_TYPICAL_KM = 32
SAME_COUNTY_TYPICAL_KM = 93

Point = tuple[float, float]


def _data_rows(path: Path) -> Iterator[dict[str, str]]:
    """The CSV's rows as dicts; lines starting with # (the source notes) are skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


@cache
def _centres() -> dict[str, Point]:
    return {
        row["number"]: (float(row["latitude"]), float(row["longitude"]))
        for row in _data_rows(CENTRES_CSV)
    }


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    found = defaultdict(set)
    for row in _data_rows(NEIGHBOURS_CSV):
        found[row["number"]].add(row["neighbour"])
        found[row["neighbour"]].add(row["number"])
    return {number: frozenset(others) for number, others in found.items()}


def centre(number: str) -> Point | None:
    """The administrative centre (latitude, longitude) of a municipality, or None."""
    return _centres().get(number)


def neighbours(number: str) -> frozenset[str]:
    """The municipalities that share a land border with this one."""
    return _neighbours().get(number, frozenset())


def distance_km(a: Point, b: Point) -> float:
    """The great-circle distance between two (latitude, longitude) points (haversine)."""
    lat_a, lon_a, lat_b, lon_b = map(math.radians, (*a, *b))
    half_chord = (
        math.sin((lat_b - lat_a) / 2) ** 2
        + math.cos(lat_a) * math.cos(lat_b) * math.sin((lon_b - lon_a) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(half_chord))


@dataclass(frozen=True)
class Nearness:
    """How near two municipalities are. `km` is set when it was measured, and is
    0 for the same municipality when its centre is known; `basis` says how we know."""

    km: float | None
    basis: str

    @property
    def label(self) -> str:
        """What a person reads: "38 km", "samme kommune", "avstand ukjent"."""
        if self.basis == MEASURED:
            return kilometres(self.km)
        return {
            SAME_MUNICIPALITY: gettext("same municipality"),
            NEIGHBOUR: gettext("neighbouring municipality"),
            SAME_COUNTY: gettext("same county"),
        }.get(self.basis, gettext("distance unknown"))


def nearness(
    a_number: str | None,
    a_county: str,
    b_number: str | None,
    b_county: str,
    *,
    centres: Mapping[str, Point] | None = None,
    neighbours: Mapping[str, frozenset[str]] | None = None,
) -> Nearness:
    """How near municipality a is to municipality b: measured between their centres
    when both are known, else same municipality, neighbours, same county, unknown.
    `centres` and `neighbours` replace the shipped data (tests take a centre out)."""
    centres = _centres() if centres is None else centres
    neighbours = _neighbours() if neighbours is None else neighbours
    a_centre = centres.get(a_number) if a_number else None
    b_centre = centres.get(b_number) if b_number else None
    if a_number and a_number == b_number:
        return Nearness(km=0.0 if a_centre else None, basis=SAME_MUNICIPALITY)
    if a_centre and b_centre:
        return Nearness(km=distance_km(a_centre, b_centre), basis=MEASURED)
    if a_number and b_number and b_number in neighbours.get(a_number, ()):
        return Nearness(km=None, basis=NEIGHBOUR)
    if a_county and a_county == b_county:
        return Nearness(km=None, basis=SAME_COUNTY)
    return Nearness(km=None, basis=UNKNOWN)


def within(nearness: Nearness, max_km: float) -> bool:
    """For the directory's "within N km" filter. Only a measured distance, the same
    municipality or (from NEIGHBOUR_WITHIN_KM up) a neighbour can be within reach;
    the same county or an unknown distance never is, since a county spans hundreds
    of kilometres."""
    if nearness.basis == MEASURED:
        return nearness.km <= max_km
    if nearness.basis == SAME_MUNICIPALITY:
        return True
    if nearness.basis == NEIGHBOUR:
        return max_km >= NEIGHBOUR_WITHIN_KM
    return False
