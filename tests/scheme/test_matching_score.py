import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.utils import translation

from network.models import Animal
from network.models.scheme.rules import RelationshipKind
from network.scheme.matching import geography
from network.scheme.matching.score import WEIGHTS, Candidate, Seeker, match_score

TODAY = date(2027, 1, 10)
SPRING = (date(2027, 3, 1), date(2027, 6, 30))  # 122 days
TYNSET, TOLGA, HAMAR, TROMSO, OYER, LILLEHAMMER, MOLDE = (
    "3427",
    "3426",
    "3403",
    "5501",
    "3440",
    "3405",
    "1506",
)
PLACEMENT = RelationshipKind.STUDENT_PLACEMENT


@pytest.fixture(autouse=True)
def _bokmal():
    """People read the reasons in Bokmål first; the assertions do too."""
    with translation.override("nb"):
        yield


def seeker(**changes):
    base = Seeker(
        municipality=TYNSET,
        county="Innlandet",
        regions=frozenset(),
        counties=frozenset(),
        periods=(SPRING,),
        kind=PLACEMENT,
        animals=frozenset({Animal.CATTLE, Animal.SMALL_RUMINANTS}),
        needs_housing=False,
        needs_car=False,
        municipality_name="Tynset",
    )
    return dataclasses.replace(base, **changes)


def candidate(**changes):
    base = Candidate(
        municipality=TOLGA,
        county="Innlandet",
        periods=(SPRING,),
        kinds=frozenset({PLACEMENT}),
        animals=frozenset({Animal.CATTLE, Animal.SMALL_RUMINANTS}),
        capacity_left=2,
        offers_housing=False,
        offers_car=False,
    )
    return dataclasses.replace(base, **changes)


def part(key, the_seeker=None, the_candidate=None):
    score = match_score(the_seeker or seeker(), the_candidate or candidate(), today=TODAY)
    found = score.part(key)
    return found.points, found.reason


def test_weights_add_up_to_100():
    assert sum(WEIGHTS.values()) == 100


def test_a_perfect_match_scores_100_with_every_reason():
    score = match_score(seeker(), candidate(), today=TODAY)
    assert score.total == 100
    assert [(p.key, p.points, p.max_points) for p in score.parts] == [
        (key, weight, weight) for key, weight in WEIGHTS.items()
    ]
    assert [p.reason for p in score.parts] == [
        "19\xa0km fra Tynset",
        "ledig mars–juni",
        "tar imot studenter i praksis",
        "storfe, småfe",
        "du trenger verken bolig eller bil",
        "2 ledige plasser",
    ]


def test_reasons_in_english():
    with translation.override("en"):
        score = match_score(seeker(), candidate(), today=TODAY)
    assert [p.reason for p in score.parts] == [
        "19\xa0km from Tynset",
        "available March–June",
        "takes students on placement",
        "cattle, sheep and goats",
        "you need no housing or car",
        "2 free places",
    ]


KM_PER_DEGREE = geography.EARTH_RADIUS_KM * 3.141592653589793 / 180


@pytest.mark.parametrize(
    ("km", "points"),
    [(0, 30), (38, 30), (50, 30), (175, 25), (425, 15), (675, 5), (800, 0), (1200, 0)],
)
def test_distance_points_fall_linearly_from_50_to_800_km(monkeypatch, km, points):
    centres = {TYNSET: (60.0, 10.0), TOLGA: (60.0 + km / KM_PER_DEGREE, 10.0)}
    monkeypatch.setattr(geography, "_centres", lambda: centres)
    assert part("distance")[0] == points


@pytest.mark.parametrize(
    ("the_seeker", "the_candidate", "points", "reason"),
    [
        (seeker(), candidate(municipality=TYNSET), 30, "samme kommune"),
        (seeker(), candidate(municipality=HAMAR), 25, "165\xa0km fra Tynset"),
        (seeker(), candidate(municipality=TROMSO, county="Troms"), 0, "898\xa0km fra Tynset"),
        (seeker(municipality_name=""), candidate(municipality=HAMAR), 25, "165\xa0km"),
        # A region or county the seeker wants counts as near, however far.
        (seeker(regions=frozenset({TROMSO})), candidate(municipality=TROMSO), 30, None),
        (
            seeker(counties=frozenset({"Troms"})),
            candidate(municipality=TROMSO, county="Troms"),
            30,
            None,
        ),
        # Øyer has no centre in the data: neighbour, then county, then unknown.
        (seeker(municipality=OYER), candidate(municipality=LILLEHAMMER), 30, "nabokommune"),
        (seeker(municipality=OYER), candidate(municipality=HAMAR), 28, "samme fylke"),
        (
            seeker(municipality=OYER),
            candidate(municipality=MOLDE, county="Møre og Romsdal"),
            0,
            "avstand ukjent",
        ),
        (seeker(municipality=None, county=""), candidate(), 0, "avstand ukjent"),
    ],
)
def test_distance_part(the_seeker, the_candidate, points, reason):
    assert part("distance", the_seeker, the_candidate) == (
        points,
        reason or "i et område du ønsker",
    )


@pytest.mark.parametrize(
    ("wanted", "available", "points", "reason"),
    [
        ((SPRING,), (SPRING,), 25, "ledig mars–juni"),
        ((SPRING,), ((date(2027, 1, 1), date(2027, 12, 31)),), 25, "ledig januar–desember"),
        ((SPRING,), ((date(2027, 3, 1), date(2027, 3, 31)),), 6, "overlapper 4 uker"),
        ((SPRING,), ((date(2027, 3, 1), date(2027, 4, 30)),), 13, "overlapper 8 uker"),
        ((SPRING,), ((date(2027, 6, 28), date(2027, 8, 31)),), 1, "overlapper 3 dager"),
        ((SPRING,), ((date(2027, 6, 30), date(2027, 8, 31)),), 0, "overlapper 1 dag"),
        ((SPRING,), ((date(2027, 7, 1), date(2027, 8, 31)),), 0, "ikke ledig når du ønsker"),
        ((SPRING,), (), 0, "ingen ledig periode"),
        ((SPRING,), ((date(2026, 3, 1), date(2026, 6, 30)),), 0, "ingen ledig periode"),
        ((), (SPRING,), 25, "ledig mars–juni"),  # no period given: any time suits
        ((), ((date(2027, 5, 3), date(2027, 5, 28)),), 25, "ledig i mai"),
        # Two available periods that together cover the wish; overlapping wishes count once.
        (
            (SPRING, (date(2027, 4, 1), date(2027, 4, 30))),
            ((date(2027, 3, 1), date(2027, 4, 30)), (date(2027, 5, 1), date(2027, 6, 30))),
            25,
            "ledig mars–juni",
        ),
    ],
)
def test_period_part(wanted, available, points, reason):
    assert part("period", seeker(periods=wanted), candidate(periods=available)) == (
        points,
        reason,
    )


def test_period_counts_only_the_days_still_ahead():
    # Wanted 1 Dec–31 Jan, seen on 10 Jan: only 10–31 January (22 days) still counts.
    winter = ((date(2026, 12, 1), date(2027, 1, 31)),)
    january = ((date(2027, 1, 1), date(2027, 1, 31)),)
    assert part("period", seeker(periods=winter), candidate(periods=january)) == (
        25,
        "ledig i januar",
    )


@pytest.mark.parametrize(
    ("kinds", "points", "reason"),
    [
        ({PLACEMENT}, 20, "tar imot studenter i praksis"),
        ({PLACEMENT, RelationshipKind.MENTORVET}, 20, "tar imot studenter i praksis"),
        ({RelationshipKind.MENTORVET}, 0, "tilbyr andre typer mentorforhold"),
        (set(), 0, "tilbyr andre typer mentorforhold"),
    ],
)
def test_kind_part(kinds, points, reason):
    assert part("kind", the_candidate=candidate(kinds=frozenset(kinds))) == (points, reason)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        (RelationshipKind.TEMPORARY_LICENCE, "tar imot studenter med midlertidig lisens"),
        (RelationshipKind.INEXPERIENCED_VET, "tar imot nyutdannede veterinærer"),
        (RelationshipKind.MENTORVET, "tilbyr MentorVet"),
    ],
)
def test_kind_reasons(kind, reason):
    assert part("kind", seeker(kind=kind), candidate(kinds=frozenset({kind}))) == (20, reason)


@pytest.mark.parametrize(
    ("wanted", "offered", "points", "reason"),
    [
        (
            {Animal.CATTLE, Animal.SMALL_RUMINANTS},
            {Animal.SMALL_RUMINANTS, Animal.CATTLE},
            10,
            "storfe, småfe",
        ),
        ({Animal.CATTLE}, {Animal.HORSES, Animal.CATTLE, Animal.PIGS}, 10, "storfe"),
        ({Animal.CATTLE, Animal.PIGS}, {Animal.CATTLE}, 5, "storfe"),
        ({Animal.CATTLE, Animal.PIGS, Animal.POULTRY}, {Animal.POULTRY}, 3, "fjørfe"),
        ({Animal.AQUACULTURE}, {Animal.CATTLE}, 0, "andre dyreslag"),
        # No wish: any practice suits, and the reason says what this one works with.
        (set(), {Animal.COMPANION, Animal.HORSES}, 10, "hest, selskapsdyr"),
        (set(), set(), 10, "dyreslag ikke oppgitt"),
    ],
)
def test_animals_part(wanted, offered, points, reason):
    assert part(
        "animals", seeker(animals=frozenset(wanted)), candidate(animals=frozenset(offered))
    ) == (points, reason)


@pytest.mark.parametrize(
    ("needs", "offers", "points", "reason"),
    [
        ((False, False), (False, False), 10, "du trenger verken bolig eller bil"),
        ((False, False), (True, False), 10, "kan skaffe bolig"),
        ((True, False), (True, False), 10, "kan skaffe bolig"),
        ((False, True), (True, True), 10, "kan skaffe bil"),
        ((True, True), (True, True), 10, "kan skaffe bolig og bil"),
        ((True, True), (True, False), 5, "kan skaffe bolig, ikke bil"),
        ((True, True), (False, True), 5, "kan skaffe bil, ikke bolig"),
        ((True, False), (False, True), 0, "kan ikke skaffe bolig"),
        ((False, True), (True, False), 0, "kan ikke skaffe bil"),
        ((True, True), (False, False), 0, "kan verken skaffe bolig eller bil"),
    ],
)
def test_housing_part(needs, offers, points, reason):
    the_seeker = seeker(needs_housing=needs[0], needs_car=needs[1])
    the_candidate = candidate(offers_housing=offers[0], offers_car=offers[1])
    assert part("housing", the_seeker, the_candidate) == (points, reason)


@pytest.mark.parametrize(
    ("places", "points", "reason"),
    [(1, 3, "1 ledig plass"), (2, 5, "2 ledige plasser"), (6, 5, "6 ledige plasser")],
)
def test_capacity_part(places, points, reason):
    assert part("capacity", the_candidate=candidate(capacity_left=places)) == (points, reason)


@pytest.mark.parametrize("places", [0, -1])
def test_a_candidate_without_a_free_place_scores_zero(places):
    score = match_score(seeker(), candidate(capacity_left=places), today=TODAY)
    assert score.total == 0
    assert (score.part("capacity").points, score.part("capacity").reason) == (
        0,
        "ingen ledige plasser",
    )
    # The other parts still show why it would have fitted.
    assert score.part("distance").points == 30


def test_nearer_beats_farther_all_else_equal():
    # 898, 165, 130 and 19 km from Tynset
    places = [TROMSO, HAMAR, "5001", TOLGA]  # Tromsø, Hamar, Trondheim, Tolga
    totals = [match_score(seeker(), candidate(municipality=m), today=TODAY).total for m in places]
    assert totals == sorted(totals)
    assert len(set(totals)) == len(totals)


def test_the_same_input_gives_the_same_score():
    assert match_score(seeker(), candidate(), today=TODAY) == match_score(
        seeker(), candidate(), today=TODAY
    )


MUNICIPALITIES = [TYNSET, TOLGA, HAMAR, TROMSO, OYER, LILLEHAMMER, MOLDE, "0301", "1578"]
periods = st.lists(
    st.tuples(st.dates(date(2026, 1, 1), date(2028, 12, 31)), st.integers(-5, 400)).map(
        lambda pair: (pair[0], pair[0] + timedelta(days=pair[1]))
    ),
    max_size=3,
).map(tuple)
animal_sets = st.frozensets(st.sampled_from(list(Animal)))
kinds = st.sampled_from(list(RelationshipKind))


@settings(max_examples=200, deadline=None)
@given(
    st.builds(
        Seeker,
        municipality=st.sampled_from([*MUNICIPALITIES, None]),
        county=st.sampled_from(["Innlandet", "Troms", ""]),
        regions=st.frozensets(st.sampled_from(MUNICIPALITIES), max_size=2),
        counties=st.frozensets(st.sampled_from(["Innlandet", "Troms"]), max_size=1),
        periods=periods,
        kind=kinds,
        animals=animal_sets,
        needs_housing=st.booleans(),
        needs_car=st.booleans(),
    ),
    st.builds(
        Candidate,
        municipality=st.sampled_from(MUNICIPALITIES),
        county=st.sampled_from(["Innlandet", "Troms", "Møre og Romsdal"]),
        periods=periods,
        kinds=st.frozensets(kinds),
        animals=animal_sets,
        capacity_left=st.integers(-1, 10),
        offers_housing=st.booleans(),
        offers_car=st.booleans(),
    ),
)
def test_totals_stay_within_0_and_100(a_seeker, a_candidate):
    score = match_score(a_seeker, a_candidate, today=TODAY)
    assert 0 <= score.total <= 100
    for found in score.parts:
        assert 0 <= found.points <= found.max_points == WEIGHTS[found.key]
        assert found.reason
    if a_candidate.capacity_left > 0:
        assert score.total == sum(found.points for found in score.parts)
    else:
        assert score.total == 0
