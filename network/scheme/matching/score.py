"""PROVISIONAL stand-in, written by the finn-board branch so that the matching
board runs and its tests pass before the geo branch lands. The geo branch
owns this module (the documented weights and reasons): when merging, take
the geo branch's file whole. Only the agreed API is relied on elsewhere:
`match_score(seeker, candidate, *, today) -> Score(total, parts)`, each part
with `key`, `points`, `max_points` and `reason`."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from . import geography

WEIGHTS = {"distance": 30, "period": 25, "kind": 20, "animals": 10, "capacity": 5, "housing": 10}


@dataclass(frozen=True)
class Seeker:
    municipality: str | None
    county: str
    regions: frozenset[str]
    counties: frozenset[str]
    periods: tuple[tuple[date, date], ...]
    kind: str
    animals: frozenset[str]
    needs_housing: bool
    needs_car: bool


@dataclass(frozen=True)
class Candidate:
    municipality: str
    county: str
    periods: tuple[tuple[date, date], ...]
    kinds: frozenset[str]
    animals: frozenset[str]
    capacity_left: int
    offers_housing: bool
    offers_car: bool


@dataclass(frozen=True)
class Part:
    key: str
    points: int
    max_points: int
    reason: str


@dataclass(frozen=True)
class Score:
    total: int
    parts: tuple[Part, ...]


def _overlap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    return max(0, (min(a[1], b[1]) - max(a[0], b[0])).days + 1)


def match_score(seeker: Seeker, candidate: Candidate, *, today: date) -> Score:
    parts = []
    # Distance: a wanted place counts as near.
    near = geography.nearness(
        seeker.municipality, seeker.county, candidate.municipality, candidate.county
    )
    wanted = candidate.municipality in seeker.regions or candidate.county in seeker.counties
    if wanted or near.basis == geography.SAME_MUNICIPALITY:
        points = WEIGHTS["distance"]
    elif near.basis == geography.MEASURED:
        points = round(WEIGHTS["distance"] * max(0.0, 1 - max(0.0, near.km - 50) / 750))
    elif near.basis in (geography.NEIGHBOUR, geography.SAME_COUNTY):
        points = WEIGHTS["distance"] * 2 // 3
    else:
        points = 0
    reason = _("a place they want") if wanted else near.label
    parts.append(Part("distance", points, WEIGHTS["distance"], reason))
    wanted_days = sum((end - start).days + 1 for start, end in seeker.periods if end >= today)
    shared = sum(
        _overlap_days(mine, theirs)
        for mine in seeker.periods
        if mine[1] >= today
        for theirs in candidate.periods
    )
    points = round(WEIGHTS["period"] * min(1.0, shared / wanted_days)) if wanted_days else 0
    parts.append(
        Part("period", points, WEIGHTS["period"], _("%(days)s days overlap") % {"days": shared})
    )
    fits = seeker.kind in candidate.kinds
    parts.append(
        Part(
            "kind",
            WEIGHTS["kind"] if fits else 0,
            WEIGHTS["kind"],
            _("offers this type") if fits else _("does not offer this type"),
        )
    )
    common = seeker.animals & candidate.animals
    share = len(common) / len(seeker.animals) if seeker.animals else 1.0
    parts.append(
        Part(
            "animals",
            round(WEIGHTS["animals"] * share),
            WEIGHTS["animals"],
            _("%(count)s of the animals") % {"count": len(common)},
        )
    )
    parts.append(
        Part(
            "capacity",
            WEIGHTS["capacity"] if candidate.capacity_left > 0 else 0,
            WEIGHTS["capacity"],
            _("%(count)s free places") % {"count": candidate.capacity_left},
        )
    )
    helped = not seeker.needs_housing or candidate.offers_housing
    parts.append(
        Part(
            "housing",
            WEIGHTS["housing"] if helped else 0,
            WEIGHTS["housing"],
            _("can help with housing") if candidate.offers_housing else _("no housing help"),
        )
    )
    total = sum(part.points for part in parts) if candidate.capacity_left > 0 else 0
    return Score(min(100, total), tuple(parts))
