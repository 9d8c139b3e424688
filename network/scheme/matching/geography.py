"""STAND-IN for the geography module of the `geo` branch (brief A), with its
API and none of its data: no municipality has a centre or a neighbour here,
so every distance falls back to "same municipality", "same county" or
"unknown". The directory and the requests are written against the real
API; when merging, take the `geo` branch's file and drop this one."""

import math
from dataclasses import dataclass

from django.utils.translation import gettext

MEASURED = "measured"
SAME_MUNICIPALITY = "same_municipality"
NEIGHBOUR = "neighbour"
SAME_COUNTY = "same_county"
UNKNOWN = "unknown"

EARTH_RADIUS_KM = 6371.0088
NEIGHBOUR_WITHIN_KM = 50

_CENTRES: dict[str, tuple[float, float]] = {}
_NEIGHBOURS: dict[str, frozenset[str]] = {}


@dataclass(frozen=True)
class Nearness:
    km: float | None
    basis: str

    @property
    def label(self) -> str:
        if self.basis == MEASURED:
            return f"{round(self.km)} km"
        return {
            SAME_MUNICIPALITY: gettext("same municipality"),
            NEIGHBOUR: gettext("neighbouring municipality"),
            SAME_COUNTY: gettext("same county"),
        }.get(self.basis, gettext("distance unknown"))


def centre(number: str) -> tuple[float, float] | None:
    return _CENTRES.get(number)


def neighbours(number: str) -> frozenset[str]:
    return _NEIGHBOURS.get(number, frozenset())


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def nearness(a_number, a_county, b_number, b_county, *, centres=None, neighbours=None):
    centres = _CENTRES if centres is None else centres
    neighbours = _NEIGHBOURS if neighbours is None else neighbours
    if a_number == b_number:
        return Nearness(0.0, SAME_MUNICIPALITY)
    a, b = centres.get(a_number), centres.get(b_number)
    if a and b:
        return Nearness(distance_km(a, b), MEASURED)
    if b_number in neighbours.get(a_number, frozenset()):
        return Nearness(None, NEIGHBOUR)
    if a_county and a_county == b_county:
        return Nearness(None, SAME_COUNTY)
    return Nearness(None, UNKNOWN)


def within(nearness: Nearness, max_km) -> bool:
    if nearness.basis == MEASURED:
        return nearness.km <= max_km
    if nearness.basis == SAME_MUNICIPALITY:
        return True
    return nearness.basis == NEIGHBOUR and max_km >= NEIGHBOUR_WITHIN_KM
