"""The match score: how well a candidate (a mentor, a MentorHub or a municipality
offering a place) fits a seeker (a vet student, a new vet), as a number from 0 to
100 with its parts and the reason for each, in words a person reads.

One pure function, `match_score`: no database, no clock but the `today` it is
given, the same answer for the same input. The total is the sum of the parts,
each worth at most its weight in WEIGHTS, except that a candidate with no free
place scores 0 whatever else fits: the scheme does not offer a mentor at capacity
more requests, so the matching board must not rank one above those who can say yes.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.dates import MONTHS
from django.utils.translation import gettext, gettext_lazy, ngettext

from network.models import Animal, RelationshipKind

from . import geography

WEIGHTS = {
    # Pairs form on geography and timing first (the pilot's experience): field work
    # means riding along in the mentor's car, so how far the mentee must move or
    # travel weighs most.
    "distance": 30,
    # A placement outside the weeks the mentee can come is no placement at all.
    "period": 25,
    # The relationship type decides the support rules and what the mentor must give
    # (employment for a temporary licence, backup duty for a new vet); a mentor who
    # does not offer the type sought is rarely a match.
    "kind": 20,
    # Shared animals make the weeks count for the mentee, but every mixed practice
    # teaches something, so they weigh less than where, when and what kind.
    "animals": 10,
    # Housing and a car are what most often stops a student going far from home;
    # MentorHubs must help with housing for that reason.
    "housing": 10,
    # More free places means a request is likelier to be accepted in time; having
    # none is handled apart (see the module's docstring).
    "capacity": 5,
}

# Full distance points within a day's ride-along from home; none from 800 km, about
# Oslo to Bodø, where every candidate means moving for the period and farther no
# longer makes it worse. Linear in between.
FULL_POINTS_KM = 50
ZERO_POINTS_KM = 800

# Two free places or more earn the capacity points in full: with two, one other
# request accepted meanwhile still leaves room.
FULL_CAPACITY = 2

KIND_OFFERED = {
    RelationshipKind.STUDENT_PLACEMENT: gettext_lazy("takes students on placement"),
    RelationshipKind.TEMPORARY_LICENCE: gettext_lazy("takes students on temporary licence"),
    RelationshipKind.INEXPERIENCED_VET: gettext_lazy("takes newly graduated vets"),
    RelationshipKind.MENTORVET: gettext_lazy("offers MentorVet"),
}

Period = tuple[date, date]


@dataclass(frozen=True)
class Seeker:
    municipality: str | None  # number; None for a study place abroad
    county: str
    regions: frozenset[str]  # municipality numbers wanted
    counties: frozenset[str]  # county names wanted
    periods: tuple[Period, ...]  # (first, last) days, both included
    kind: str  # a RelationshipKind
    animals: frozenset[str]  # Animal codes
    needs_housing: bool
    needs_car: bool
    municipality_name: str = ""  # for the reason: "38 km fra Tynset"


@dataclass(frozen=True)
class Candidate:
    municipality: str
    county: str
    periods: tuple[Period, ...]  # available (first, last) days, both included
    kinds: frozenset[str]
    animals: frozenset[str]
    capacity_left: int
    offers_housing: bool
    offers_car: bool


@dataclass(frozen=True)
class Part:
    key: str  # a key of WEIGHTS
    points: int
    max_points: int
    reason: str


@dataclass(frozen=True)
class Score:
    total: int  # 0-100
    parts: tuple[Part, ...]

    def part(self, key: str) -> Part:
        return next(part for part in self.parts if part.key == key)


def _share(max_points: int, have: float, whole: float) -> int:
    """max_points × have / whole, rounded half up, within 0 and max_points."""
    if whole <= 0:
        return max_points
    return max(0, min(max_points, int(max_points * have / whole + 0.5)))


def _distance(seeker: Seeker, candidate: Candidate) -> Part:
    max_points = WEIGHTS["distance"]
    if candidate.municipality in seeker.regions or candidate.county in seeker.counties:
        return Part("distance", max_points, max_points, gettext("in an area you want"))
    near = geography.nearness(
        seeker.municipality, seeker.county, candidate.municipality, candidate.county
    )
    km = {
        geography.MEASURED: near.km,
        geography.SAME_MUNICIPALITY: 0,
        geography.NEIGHBOUR: geography.NEIGHBOUR_TYPICAL_KM,
        geography.SAME_COUNTY: geography.SAME_COUNTY_TYPICAL_KM,
    }.get(near.basis)
    if km is None:
        points = 0
    else:
        fading = ZERO_POINTS_KM - FULL_POINTS_KM
        points = _share(max_points, min(max(ZERO_POINTS_KM - km, 0), fading), fading)
    if near.basis == geography.MEASURED and seeker.municipality_name:
        reason = gettext("%(distance)s from %(place)s") % {
            "distance": near.label,
            "place": seeker.municipality_name,
        }
    else:
        reason = near.label
    return Part("distance", points, max_points, reason)


def _merged(periods: Iterable[Period]) -> list[Period]:
    """Periods sorted, with overlapping or touching ones joined."""
    merged: list[Period] = []
    for first, last in sorted(p for p in periods if p[0] <= p[1]):
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _days(periods: Iterable[Period]) -> int:
    return sum((last - first).days + 1 for first, last in periods)


def _months(first: date, last: date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return gettext("available in %(month)s") % {"month": MONTHS[first.month]}
    return gettext("available %(first)s–%(last)s") % {
        "first": MONTHS[first.month],
        "last": MONTHS[last.month],
    }


def _period(seeker: Seeker, candidate: Candidate, today: date) -> Part:
    """Points by the share of the seeker's wanted days (from today on) that the
    candidate is available; a seeker who names no period (none still ahead) can
    come any time."""
    max_points = WEIGHTS["period"]
    future = [(max(first, today), last) for first, last in candidate.periods if last >= today]
    available = _merged(future)
    if not available:
        return Part("period", 0, max_points, gettext("no free period"))
    wanted = _merged((max(first, today), last) for first, last in seeker.periods)
    if not wanted:
        return Part("period", max_points, max_points, _months(*available[0]))
    overlap = _merged(
        (max(w_first, a_first), min(w_last, a_last))
        for w_first, w_last in wanted
        for a_first, a_last in available
        if max(w_first, a_first) <= min(w_last, a_last)
    )
    overlap_days, wanted_days = _days(overlap), _days(wanted)
    if not overlap_days:
        return Part("period", 0, max_points, gettext("not free when you want"))
    points = _share(max_points, overlap_days, wanted_days)
    if overlap_days >= wanted_days:
        covering = next(a for a in available if a[0] <= overlap[0][0] <= a[1])
        reason = _months(*covering)
    elif overlap_days >= 7:
        weeks = overlap_days // 7
        reason = ngettext("overlaps %(count)s week", "overlaps %(count)s weeks", weeks) % {
            "count": weeks
        }
    else:
        reason = ngettext("overlaps %(count)s day", "overlaps %(count)s days", overlap_days) % {
            "count": overlap_days
        }
    return Part("period", points, max_points, reason)


def _kind(seeker: Seeker, candidate: Candidate) -> Part:
    max_points = WEIGHTS["kind"]
    if seeker.kind in candidate.kinds and seeker.kind in KIND_OFFERED:
        return Part("kind", max_points, max_points, str(KIND_OFFERED[seeker.kind]))
    return Part("kind", 0, max_points, gettext("offers other relationship types"))


def _animal_names(codes: Iterable[str]) -> str:
    codes = set(codes)
    return ", ".join(str(animal.label).lower() for animal in Animal if animal in codes)


def _animals(seeker: Seeker, candidate: Candidate) -> Part:
    """Points by the share of the seeker's animals the candidate works with; a seeker
    who names none is glad of any."""
    max_points = WEIGHTS["animals"]
    if not seeker.animals:
        shown = _animal_names(candidate.animals) or gettext("animals not given")
        return Part("animals", max_points, max_points, shown)
    shared = seeker.animals & candidate.animals
    if not shared:
        return Part("animals", 0, max_points, gettext("other animals"))
    points = _share(max_points, len(shared), len(seeker.animals))
    return Part("animals", points, max_points, _animal_names(shared))


def _capacity(candidate: Candidate) -> Part:
    max_points = WEIGHTS["capacity"]
    places = max(candidate.capacity_left, 0)
    if not places:
        return Part("capacity", 0, max_points, gettext("no free places"))
    points = _share(max_points, min(places, FULL_CAPACITY), FULL_CAPACITY)
    reason = ngettext("%(count)s free place", "%(count)s free places", places) % {"count": places}
    return Part("capacity", points, max_points, reason)


def _housing(seeker: Seeker, candidate: Candidate) -> Part:
    """Points by the share of the seeker's needs (housing, a car) the candidate can
    meet; a seeker who needs neither gets them all."""
    max_points = WEIGHTS["housing"]
    needs = {"housing": seeker.needs_housing, "car": seeker.needs_car}
    offers = {"housing": candidate.offers_housing, "car": candidate.offers_car}
    needed = [what for what, need in needs.items() if need]
    met = [what for what in needed if offers[what]]
    if not needed:
        shown = frozenset(what for what, offer in offers.items() if offer)
        reason = _can_arrange(shown) if shown else gettext("you need no housing or car")
        return Part("housing", max_points, max_points, reason)
    points = _share(max_points, len(met), len(needed))
    if len(met) == len(needed):
        reason = _can_arrange(frozenset(met))
    elif met == ["housing"]:
        reason = gettext("can arrange housing, not a car")
    elif met == ["car"]:
        reason = gettext("can arrange a car, not housing")
    elif needed == ["housing"]:
        reason = gettext("cannot arrange housing")
    elif needed == ["car"]:
        reason = gettext("cannot arrange a car")
    else:
        reason = gettext("cannot arrange housing or a car")
    return Part("housing", points, max_points, reason)


def _can_arrange(what: frozenset[str]) -> str:
    if what == {"housing", "car"}:
        return gettext("can arrange housing and a car")
    if what == {"housing"}:
        return gettext("can arrange housing")
    return gettext("can arrange a car")


def match_score(seeker: Seeker, candidate: Candidate, *, today: date) -> Score:
    """How well `candidate` fits `seeker` on `today`: parts in WEIGHTS' order."""
    parts = (
        _distance(seeker, candidate),
        _period(seeker, candidate, today),
        _kind(seeker, candidate),
        _animals(seeker, candidate),
        _housing(seeker, candidate),
        _capacity(candidate),
    )
    total = sum(part.points for part in parts) if candidate.capacity_left > 0 else 0
    return Score(total=min(total, 100), parts=parts)
