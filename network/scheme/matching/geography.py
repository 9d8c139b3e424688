"""PROVISIONAL stand-in, written by the finn-board branch so that the matching
board runs and its tests pass before the geo branch lands. The geo branch
owns this module (municipality centres, neighbours, the fall-back): when
merging, take the geo branch's file whole. The API below is the one agreed
in the briefs; this stand-in knows no coordinates, so every distance falls
back to same municipality, same county or unknown."""

import math
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext as _

MEASURED = "measured"
SAME_MUNICIPALITY = "same_municipality"
NEIGHBOUR = "neighbour"
SAME_COUNTY = "same_county"
UNKNOWN = "unknown"


@cache
def _centres() -> dict[str, tuple[float, float]]:
    return {}


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    return {}


def centre(number: str) -> tuple[float, float] | None:
    return _centres().get(number)


def neighbours(number: str) -> frozenset[str]:
    return _neighbours().get(number, frozenset())


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Nearness:
    km: float | None
    basis: str

    @property
    def label(self) -> str:
        if self.basis == MEASURED:
            return _("%(km)s km") % {"km": round(self.km)}
        if self.basis == SAME_MUNICIPALITY:
            return _("same municipality")
        if self.basis == NEIGHBOUR:
            return _("neighbouring municipality")
        if self.basis == SAME_COUNTY:
            return _("same county")
        return _("distance unknown")


def nearness(a_number, a_county, b_number, b_county, *, centres=None, neighbours=None) -> Nearness:
    centres = _centres() if centres is None else centres
    borders = _neighbours() if neighbours is None else neighbours
    if a_number and a_number == b_number:
        return Nearness(0.0, SAME_MUNICIPALITY)
    a, b = centres.get(a_number), centres.get(b_number)
    if a and b:
        return Nearness(distance_km(a, b), MEASURED)
    if b_number in borders.get(a_number, frozenset()):
        return Nearness(None, NEIGHBOUR)
    if a_county and a_county == b_county:
        return Nearness(None, SAME_COUNTY)
    return Nearness(None, UNKNOWN)


def within(nearness: Nearness, max_km: float) -> bool:
    if nearness.basis == MEASURED:
        return nearness.km <= max_km
    if nearness.basis == SAME_MUNICIPALITY:
        return True
    return nearness.basis == NEIGHBOUR and max_km >= 50
