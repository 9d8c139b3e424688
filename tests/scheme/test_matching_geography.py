import csv

import pytest

from django.utils import translation

from network.scheme.matching import geography
from network.scheme.matching.geography import (
    MEASURED,
    NEIGHBOUR,
    SAME_COUNTY,
    SAME_MUNICIPALITY,
    UNKNOWN,
    Nearness,
    centre,
    distance_km,
    nearness,
    neighbours,
    within,
)
from network.services.municipalities import DEFAULT_MUNICIPALITIES_CSV

OSLO, TROMSO, TYNSET, TOLGA, ALVDAL, HAMAR = "0301", "5501", "3427", "3426", "3428", "3403"
BERGEN, MOLDE = "4601", "1506"

# Left out of municipality_centres.csv, each for the reason its header gives.
KNOWN_WITHOUT_CENTRE = {"1578", "3440", "5516"}
# Split in 2024 from one municipality in the boundary source: no neighbours shipped.
KNOWN_WITHOUT_NEIGHBOURS = {"1508", "1580"}


def municipalities():
    with DEFAULT_MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        return {row["number"]: row for row in csv.DictReader(handle)}


def test_every_municipality_has_a_centre_or_is_known_to_lack_one():
    numbers = set(municipalities())
    assert len(numbers) == 357
    with_centre = {number for number in numbers if centre(number)}
    assert numbers - with_centre == KNOWN_WITHOUT_CENTRE


def test_every_centre_is_a_2024_municipality_inside_norway():
    numbers = set(municipalities())
    centres = geography._centres()
    assert set(centres) <= numbers
    for number, (latitude, longitude) in centres.items():
        assert 57.9 <= latitude <= 71.2, number
        assert 4.5 <= longitude <= 31.2, number


def test_neighbours_are_symmetric_2024_municipalities():
    numbers = set(municipalities())
    for number in numbers:
        for other in neighbours(number):
            assert other in numbers
            assert other != number
            assert number in neighbours(other)


def test_only_islands_and_the_2024_split_have_no_neighbours():
    without = {number for number in municipalities() if not neighbours(number)}
    assert without >= KNOWN_WITHOUT_NEIGHBOURS
    # Island municipalities, e.g. Utsira, Værøy, Askøy, Hvaler; never an inland one.
    assert without >= {"1151", "1857", "4627", "3110"}
    assert not without & {OSLO, TYNSET, HAMAR, "5612", "3433"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (TYNSET, TOLGA, True),
        (TYNSET, ALVDAL, True),
        (OSLO, "3201", True),  # Bærum
        (OSLO, "3212", False),  # Nesodden: across the fjord, no land border
        (BERGEN, "4627", False),  # Askøy: an island
        (TYNSET, HAMAR, False),
    ],
)
def test_shipped_neighbours(a, b, expected):
    assert (b in neighbours(a)) is expected


@pytest.mark.parametrize(
    ("number", "latitude", "longitude"),
    [(OSLO, 59.91, 10.75), (TROMSO, 69.65, 18.96), (TYNSET, 62.28, 10.78)],
)
def test_known_centres(number, latitude, longitude):
    assert centre(number) == pytest.approx((latitude, longitude), abs=0.01)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((59.91, 10.75), (59.91, 10.75), 0),
        ((0.0, 0.0), (0.0, 1.0), 111.2),  # one degree along the equator
        ((0.0, 0.0), (1.0, 0.0), 111.2),  # one degree along a meridian
        ((59.91, 10.75), (69.65, 18.96), 1150),  # Oslo–Tromsø
    ],
)
def test_distance_km(a, b, km):
    assert distance_km(a, b) == pytest.approx(km, rel=0.005, abs=0.01)
    assert distance_km(b, a) == pytest.approx(distance_km(a, b))


def test_distances_between_shipped_centres():
    assert distance_km(centre(OSLO), centre(TROMSO)) == pytest.approx(1150, abs=10)
    assert distance_km(centre(TYNSET), centre(HAMAR)) == pytest.approx(170, abs=10)


# A small made-up map: A and B have centres; C and D have none; C borders A and D.
CENTRES = {"A": (60.0, 10.0), "B": (60.0, 11.0)}
NEIGHBOURS = {"A": frozenset({"C"}), "C": frozenset({"A", "D"}), "D": frozenset({"C"})}


@pytest.mark.parametrize(
    ("a", "a_county", "b", "b_county", "basis", "km"),
    [
        ("A", "X", "B", "Y", MEASURED, 55.6),  # both centres: measured, even across counties
        ("A", "X", "A", "X", SAME_MUNICIPALITY, 0.0),
        ("C", "X", "C", "X", SAME_MUNICIPALITY, None),  # no centre: still the same place
        ("A", "X", "C", "Y", NEIGHBOUR, None),  # C has no centre; neighbours across counties
        ("C", "X", "A", "Y", NEIGHBOUR, None),
        ("D", "X", "C", "X", NEIGHBOUR, None),  # neither has a centre
        ("B", "X", "C", "X", SAME_COUNTY, None),  # C has no centre, not B's neighbour
        ("D", "X", "A", "X", SAME_COUNTY, None),
        ("B", "X", "D", "Y", UNKNOWN, None),
        (None, "", "A", "X", UNKNOWN, None),  # a study place abroad
        (None, "X", "A", "X", SAME_COUNTY, None),
        (None, "X", None, "X", SAME_COUNTY, None),  # no municipality is not the same one
    ],
)
def test_nearness_falls_back_step_by_step(a, a_county, b, b_county, basis, km):
    found = nearness(a, a_county, b, b_county, centres=CENTRES, neighbours=NEIGHBOURS)
    assert found.basis == basis
    assert found.km == (pytest.approx(km, abs=0.1) if km else km)


def test_nearness_measures_before_trusting_neighbours():
    centres = {**CENTRES, "C": (60.0, 10.2)}
    found = nearness("A", "X", "C", "X", centres=centres, neighbours=NEIGHBOURS)
    assert found.basis == MEASURED
    assert found.km == pytest.approx(11.1, abs=0.1)


def test_nearness_reads_the_shipped_data_by_default():
    assert nearness(TYNSET, "Innlandet", HAMAR, "Innlandet").basis == MEASURED
    assert nearness("3440", "Innlandet", "3405", "Innlandet").basis == NEIGHBOUR  # Øyer
    assert nearness("3440", "Innlandet", HAMAR, "Innlandet").basis == SAME_COUNTY
    assert nearness("3440", "Innlandet", MOLDE, "Møre og Romsdal").basis == UNKNOWN


@pytest.mark.parametrize(
    ("near", "max_km", "expected"),
    [
        (Nearness(38.4, MEASURED), 50, True),
        (Nearness(50.0, MEASURED), 50, True),
        (Nearness(50.2, MEASURED), 50, False),
        (Nearness(0.0, SAME_MUNICIPALITY), 0, True),
        (Nearness(None, SAME_MUNICIPALITY), 10, True),
        (Nearness(None, NEIGHBOUR), 49, False),
        (Nearness(None, NEIGHBOUR), 50, True),
        (Nearness(None, NEIGHBOUR), 300, True),
        (Nearness(None, SAME_COUNTY), 1000, False),
        (Nearness(None, UNKNOWN), 5000, False),
    ],
)
def test_within(near, max_km, expected):
    assert within(near, max_km) is expected


@pytest.mark.parametrize(
    ("near", "english", "bokmal"),
    [
        (Nearness(38.4, MEASURED), "38\xa0km", "38\xa0km"),
        (Nearness(1147.96, MEASURED), "1,148\xa0km", "1\xa0148\xa0km"),
        (Nearness(0.3, MEASURED), "1\xa0km", "1\xa0km"),
        (Nearness(0.0, SAME_MUNICIPALITY), "same municipality", "samme kommune"),
        (Nearness(None, SAME_MUNICIPALITY), "same municipality", "samme kommune"),
        (Nearness(None, NEIGHBOUR), "neighbouring municipality", "nabokommune"),
        (Nearness(None, SAME_COUNTY), "same county", "samme fylke"),
        (Nearness(None, UNKNOWN), "distance unknown", "avstand ukjent"),
    ],
)
def test_label_in_both_languages(near, english, bokmal):
    with translation.override("en"):
        assert near.label == english
    with translation.override("nb"):
        assert near.label == bokmal
