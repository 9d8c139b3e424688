"""The mentor scheme's maximum support, against the figures in DOMAIN.md and the
pilot report (versions 1.0 and 2.0, as the data migration stores them)."""

import importlib
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.apps import apps as django_apps
from django.utils import translation

from network.models import (
    CourseFeeKind,
    CourseFeeRule,
    RelationshipKind,
    RelationshipRule,
    SchemeRules,
)
from network.scheme.support import (
    COURSE_FEE,
    HOUSING,
    MENTEE,
    MENTOR,
    MENTOR_FEE,
    PRACTICE_STIPEND,
    TRAVEL,
    course_fee_line,
    course_fee_support,
    format_kroner,
    maximum_support,
    rules_in_force,
    working_days,
)

STUDENT = RelationshipKind.STUDENT_PLACEMENT
LICENCE = RelationshipKind.TEMPORARY_LICENCE
AUTHORISED = RelationshipKind.INEXPERIENCED_VET
MENTORVET = RelationshipKind.MENTORVET

NBSP = "\xa0"


@pytest.fixture(autouse=True)
def _english():
    """The assertions read the English source strings."""
    with translation.override("en"):
        yield


def load(version):
    return SchemeRules.objects.prefetch_related("relationship_rules", "course_fee_rules").get(
        version=version
    )


@pytest.fixture
def versions(db):
    return {version: load(version) for version in ("1.0", "2.0")}


def amounts(support):
    return {line.category: line.amount for line in support.lines}


# --- the data migration ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "valid_from", "mentor_share_min", "flexible_share_max", "kinds"),
    [
        ("1.0", date(2024, 9, 1), 50, 50, {STUDENT, LICENCE, AUTHORISED}),
        ("2.0", date(2025, 6, 1), None, None, {STUDENT, LICENCE, AUTHORISED, MENTORVET}),
    ],
)
def test_versions_are_stored(
    versions, version, valid_from, mentor_share_min, flexible_share_max, kinds
):
    rules = versions[version]
    assert rules.valid_from == valid_from
    assert rules.summary
    assert rules.mentor_share_min_percent == mentor_share_min
    assert rules.flexible_share_max_percent == flexible_share_max
    assert {rule.kind for rule in rules.relationship_rules.all()} == kinds
    assert {rule.course for rule in rules.course_fee_rules.all()} == set(CourseFeeKind.values)


@pytest.mark.parametrize(
    ("version", "kind", "expected"),
    [
        ("1.0", STUDENT, {"mentor_per_week": 3500}),
        (
            "1.0",
            LICENCE,
            {
                "mentor_first_month": 20000,
                "mentor_following_month": 10000,
                "mentor_following_months_max": 2,
                "mentor_cap": 40000,
                "reverse_ride_along_min_weeks": 1,
                "employment_required": True,
            },
        ),
        (
            "1.0",
            AUTHORISED,
            {"mentor_cap": 40000, "backup_weeks_required": 6, "reverse_ride_along_min_weeks": 1},
        ),
        (
            "2.0",
            STUDENT,
            {"mentor_per_week": 4000, "mentee_housing_per_week": 2500, "mentee_travel_cap": 6000},
        ),
        (
            "2.0",
            LICENCE,
            {
                "mentor_first_month": 20000,
                "mentor_following_month": 10000,
                "mentor_following_months_max": 2,
                "mentor_cap": 40000,
                "mentee_housing_per_relationship": 5000,
                "mentee_travel_cap": 6000,
                "practice_stipend_per_week": 5000,
                "reverse_ride_along_min_weeks": 1,
                "employment_required": True,
            },
        ),
        (
            "2.0",
            AUTHORISED,
            {
                "mentor_cap": 40000,
                "practice_stipend_per_week": 5000,
                "backup_weeks_required": 8,
                "reverse_ride_along_min_weeks": 1,
            },
        ),
        ("2.0", MENTORVET, {}),
    ],
)
def test_relationship_rates_are_stored(versions, version, kind, expected):
    rule = versions[version].rule_for(kind)
    fields = [
        f.name
        for f in RelationshipRule._meta.concrete_fields
        if f.name not in ("id", "rules", "kind", "employment_required")
    ]
    stored = {name: getattr(rule, name) for name in fields if getattr(rule, name) is not None}
    if rule.employment_required:
        stored["employment_required"] = True
    assert stored == expected


@pytest.mark.parametrize(
    ("version", "course", "expected"),
    [
        ("1.0", "insemination", (18000, 100, 18000, False, None, None)),
        ("1.0", "ante_mortem", (3000, None, None, True, None, None)),
        ("1.0", "animal_welfare", (4600, None, None, True, None, None)),
        ("2.0", "insemination", (18000, 75, 13500, False, 6, 6)),
        ("2.0", "ante_mortem", (3000, None, None, True, None, None)),
        ("2.0", "animal_welfare", (4600, None, None, True, None, None)),
    ],
)
def test_course_fee_rules_are_stored(versions, version, course, expected):
    rule = next(r for r in versions[version].course_fee_rules.all() if r.course == course)
    assert (
        rule.price,
        rule.support_percent,
        rule.support_cap,
        rule.means_tested,
        rule.min_employment_weeks,
        rule.job_start_within_months,
    ) == expected


def test_data_migration_reverses_and_runs_again(db):
    migration = importlib.import_module("network.migrations.0007_scheme_rules_data")
    migration.delete_versions(django_apps, None)
    assert not SchemeRules.objects.exists()
    assert not RelationshipRule.objects.exists()
    migration.create_versions(django_apps, None)
    migration.create_versions(django_apps, None)
    assert SchemeRules.objects.count() == 2
    assert RelationshipRule.objects.count() == 7
    assert CourseFeeRule.objects.count() == 6


def test_data_migration_keeps_edited_rates(db):
    migration = importlib.import_module("network.migrations.0007_scheme_rules_data")
    RelationshipRule.objects.filter(rules__version="2.0", kind=STUDENT).update(mentor_per_week=4200)
    migration.create_versions(django_apps, None)
    assert load("2.0").rule_for(STUDENT).mentor_per_week == 4200


# --- which version applies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "version"),
    [
        (date(2024, 8, 31), None),
        (date(2024, 9, 1), "1.0"),
        (date(2025, 5, 31), "1.0"),
        (date(2025, 6, 1), "2.0"),
        (date(2030, 1, 1), "2.0"),
    ],
)
def test_rules_in_force(db, on, version):
    rules = rules_in_force(on)
    assert (rules.version if rules else None) == version


def test_calculation_needs_no_queries_once_rules_are_loaded(
    db, django_assert_num_queries, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        rules = rules_in_force(date(2025, 6, 1))
    with django_assert_num_queries(0):
        for kind in RelationshipKind.values:
            maximum_support(
                rules=rules,
                kind=kind,
                starts_on=date(2026, 3, 2),
                ends_on=date(2026, 5, 29),
                reverse_ride_along_weeks=1,
            )
        for course in CourseFeeKind.values:
            course_fee_support(rules=rules, course=course)


# --- working days ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "days"),
    [
        (date(2026, 3, 2), date(2026, 3, 2), 1),  # Monday, one day
        (date(2026, 3, 7), date(2026, 3, 7), 0),  # Saturday
        (date(2026, 3, 7), date(2026, 3, 8), 0),  # a weekend
        (date(2026, 3, 2), date(2026, 3, 6), 5),  # Monday to Friday
        (date(2026, 3, 2), date(2026, 3, 8), 5),  # Monday to Sunday
        (date(2026, 3, 6), date(2026, 3, 9), 2),  # Friday to Monday
        (date(2026, 3, 2), date(2026, 3, 10), 7),  # to Tuesday the week after
        (date(2026, 3, 2), date(2026, 3, 20), 15),  # three weeks
        (date(2026, 3, 30), date(2026, 4, 10), 10),  # Easter 2026 counts: no holiday calendar
        (date(2026, 1, 1), date(2026, 12, 31), 261),
    ],
)
def test_working_days(starts_on, ends_on, days):
    assert working_days(starts_on, ends_on) == days


def test_working_days_match_counting_one_by_one():
    start = date(2026, 1, 1)
    for length in range(30):
        end = start + timedelta(days=length)
        counted = sum(1 for i in range(length + 1) if (start + timedelta(days=i)).weekday() < 5)
        assert working_days(start, end) == counted


# --- student placement -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "starts_on", "ends_on", "expected"),
    [
        # three weeks, 15 working days
        (
            "2.0",
            date(2026, 3, 2),
            date(2026, 3, 20),
            {MENTOR_FEE: 12000, HOUSING: 7500, TRAVEL: 6000},
        ),
        ("1.0", date(2024, 9, 2), date(2024, 9, 20), {MENTOR_FEE: 10500}),
        # 7 working days: 4 000 × 7 / 5
        (
            "2.0",
            date(2026, 3, 2),
            date(2026, 3, 10),
            {MENTOR_FEE: 5600, HOUSING: 3500, TRAVEL: 6000},
        ),
        ("1.0", date(2026, 3, 2), date(2026, 3, 10), {MENTOR_FEE: 4900}),
        # one day
        ("2.0", date(2026, 3, 2), date(2026, 3, 2), {MENTOR_FEE: 800, HOUSING: 500, TRAVEL: 6000}),
        # a weekend only: no working days, travel is still the cap
        ("2.0", date(2026, 3, 7), date(2026, 3, 8), {MENTOR_FEE: 0, HOUSING: 0, TRAVEL: 6000}),
    ],
)
def test_student_placement(versions, version, starts_on, ends_on, expected):
    support = maximum_support(
        rules=versions[version], kind=STUDENT, starts_on=starts_on, ends_on=ends_on
    )
    assert amounts(support) == expected
    assert support.mentor_total == expected[MENTOR_FEE]
    assert support.mentee_total == expected.get(HOUSING, 0) + expected.get(TRAVEL, 0)
    assert support.total == sum(expected.values())


def test_student_placement_labels(versions):
    support = maximum_support(
        rules=versions["2.0"], kind=STUDENT, starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 20)
    )
    assert [(line.recipient, line.label) for line in support.lines] == [
        (MENTOR, f"Mentor fee: 3 weeks × NOK{NBSP}4,000"),
        (MENTEE, f"Housing (means-tested, documented): 3 weeks × NOK{NBSP}2,500"),
        (MENTEE, f"Travel (return, documented): up to NOK{NBSP}6,000"),
    ]


def test_student_placement_label_for_part_of_a_week(versions):
    support = maximum_support(
        rules=versions["2.0"], kind=STUDENT, starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 10)
    )
    assert support.lines[0].label == (
        f"Mentor fee: 7 working days at NOK{NBSP}4,000 per week (5 working days)"
    )


def test_version_1_student_placement_gives_the_flexible_share_in_notes(versions):
    support = maximum_support(
        rules=versions["1.0"], kind=STUDENT, starts_on=date(2024, 9, 2), ends_on=date(2024, 9, 20)
    )
    assert [line.recipient for line in support.lines] == [MENTOR]
    assert support.mentee_total == 0
    assert support.notes == (
        f"Up to NOK{NBSP}5,250 (50 %) of the mentor's grant may cover housing, car, "
        "equipment and insurance.",
        f"At least NOK{NBSP}5,250 (50 %) of the grant must be the mentor's fee.",
    )


@pytest.fixture
def odd_rates(db):
    """A version whose rates do not divide evenly, to see the rounding."""
    rules = SchemeRules.objects.create(
        version="0.9",
        valid_from=date(2000, 1, 1),
        mentor_share_min_percent=50,
        flexible_share_max_percent=33,
    )
    RelationshipRule.objects.create(
        rules=rules,
        kind=STUDENT,
        mentor_per_week=3333,
        mentor_cap=10000,
        mentee_housing_per_week=2222,
        mentee_housing_per_relationship=5000,
    )
    return load("0.9")


@pytest.mark.parametrize(
    ("ends_on", "mentor_fee", "housing", "flexible", "mentor_minimum"),
    [
        (date(2026, 3, 2), 666, 444, 219, 333),  # 666.6, 444.4, 219.78, 333
        (date(2026, 3, 3), 1333, 888, 439, 667),  # 1333.2, 888.8, 439.89, 666.5 up
        (date(2026, 3, 6), 3333, 2222, 1099, 1667),
        (date(2026, 3, 20), 9999, 5000, 3299, 5000),  # housing 6 666 capped
        (date(2026, 3, 27), 10000, 5000, 3300, 5000),  # mentor 13 332 capped
    ],
)
def test_weekly_rates_round_down_and_are_capped(
    odd_rates, ends_on, mentor_fee, housing, flexible, mentor_minimum
):
    support = maximum_support(
        rules=odd_rates, kind=STUDENT, starts_on=date(2026, 3, 2), ends_on=ends_on
    )
    assert amounts(support) == {MENTOR_FEE: mentor_fee, HOUSING: housing}
    assert support.notes == (
        f"Up to {format_kroner(flexible)} (33 %) of the mentor's grant may cover housing, car, "
        "equipment and insurance.",
        f"At least {format_kroner(mentor_minimum)} (50 %) of the grant must be the mentor's fee.",
    )


def test_a_capped_line_says_so(odd_rates):
    support = maximum_support(
        rules=odd_rates, kind=STUDENT, starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 27)
    )
    assert support.lines[0].label == (
        f"Mentor fee: 4 weeks × NOK{NBSP}3,333, at most NOK{NBSP}10,000"
    )


# --- student on temporary licence --------------------------------------------------------


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "mentor_fee"),
    [
        # three months: 20 000 + 10 000 + 10 000
        (date(2026, 3, 15), date(2026, 6, 14), 40000),
        # five months: still at most 40 000
        (date(2026, 3, 1), date(2026, 7, 31), 40000),
        # a month counts from the start date: 15 March to 14 April is the first month
        (date(2026, 3, 15), date(2026, 4, 14), 20000),
        # one day short of a month: 30 of 31 days of the first month, rounded down
        (date(2026, 3, 15), date(2026, 4, 13), 20000 * 30 // 31),
        # a single day: 1 of 31 days of the first month
        (date(2026, 3, 2), date(2026, 3, 2), 645),
        # 1.5 months: 20 000 + 15 of 30 days (April) of 10 000
        (date(2026, 3, 1), date(2026, 4, 15), 25000),
        # 15 of 31 days (May) of 10 000 = 4 838.7, rounded down
        (date(2026, 4, 1), date(2026, 5, 15), 24838),
        # 2.5 months
        (date(2026, 3, 1), date(2026, 5, 15), 34838),
        # 3.5 months: the fourth month is not paid
        (date(2026, 3, 1), date(2026, 6, 15), 40000),
        # two months
        (date(2026, 3, 1), date(2026, 4, 30), 30000),
        # starting on the 31st: the first month ends the day before 28 February
        (date(2026, 1, 31), date(2026, 2, 27), 20000),
        (date(2026, 1, 31), date(2026, 3, 30), 30000),
    ],
)
@pytest.mark.parametrize("version", ["1.0", "2.0"])
def test_temporary_licence_mentor_fee(versions, version, starts_on, ends_on, mentor_fee):
    support = maximum_support(
        rules=versions[version], kind=LICENCE, starts_on=starts_on, ends_on=ends_on
    )
    assert amounts(support)[MENTOR_FEE] == mentor_fee
    assert support.mentor_total == mentor_fee


@pytest.mark.parametrize(
    ("version", "weeks", "expected", "mentee_total"),
    [
        (
            "2.0",
            0,
            {MENTOR_FEE: 40000, HOUSING: 5000, TRAVEL: 6000},
            11000,
        ),
        (
            "2.0",
            2,
            {MENTOR_FEE: 40000, HOUSING: 5000, TRAVEL: 6000, PRACTICE_STIPEND: 10000},
            21000,
        ),
        # version 1.0 had no mentee rates: the reverse ride-along weeks pay nothing
        ("1.0", 2, {MENTOR_FEE: 40000}, 0),
    ],
)
def test_temporary_licence_mentee_lines(versions, version, weeks, expected, mentee_total):
    support = maximum_support(
        rules=versions[version],
        kind=LICENCE,
        starts_on=date(2026, 3, 15),
        ends_on=date(2026, 6, 14),
        reverse_ride_along_weeks=weeks,
    )
    assert amounts(support) == expected
    assert support.mentee_total == mentee_total
    assert support.total == 40000 + mentee_total


def test_temporary_licence_labels_and_notes(versions):
    support = maximum_support(
        rules=versions["2.0"],
        kind=LICENCE,
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 5, 15),
        reverse_ride_along_weeks=1,
    )
    k = format_kroner
    assert [line.label for line in support.lines] == [
        f"Mentor fee: first month {k(20000)} + 1 following month × {k(10000)}"
        f" + 15 of 31 days of a following month at {k(10000)} ({k(4838)})",
        f"Housing (means-tested, documented): up to {k(5000)} per relationship",
        f"Travel (return, documented): up to {k(6000)}",
        f"Practice stipend: 1 week of reverse ride-along × {k(5000)}",
    ]
    assert support.notes == (
        "The mentee must be employed (not through their own company).",
        "At least 1 week of reverse ride-along before working alone.",
    )


def test_version_1_temporary_licence_notes(versions):
    support = maximum_support(
        rules=versions["1.0"], kind=LICENCE, starts_on=date(2024, 9, 2), ends_on=date(2024, 12, 1)
    )
    assert support.notes[0] == (
        f"Up to NOK{NBSP}20,000 (50 %) of the mentor's grant may cover housing, car, "
        "equipment and insurance."
    )


# --- authorised vet and MentorVet --------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "weeks", "expected", "backup_note"),
    [
        (
            "2.0",
            2,
            {MENTOR_FEE: 40000, PRACTICE_STIPEND: 10000},
            "Backup duty for at least the first 8 weeks.",
        ),
        ("2.0", 0, {MENTOR_FEE: 40000}, "Backup duty for at least the first 8 weeks."),
        ("1.0", 2, {MENTOR_FEE: 40000}, "Backup duty for at least the first 6 weeks."),
    ],
)
def test_inexperienced_vet(versions, version, weeks, expected, backup_note):
    # The mentor's fee is a flat "up to", whatever the period.
    for ends_on in (date(2026, 3, 2), date(2026, 8, 31), date(2027, 12, 31)):
        support = maximum_support(
            rules=versions[version],
            kind=AUTHORISED,
            starts_on=date(2026, 3, 2),
            ends_on=ends_on,
            reverse_ride_along_weeks=weeks,
        )
        assert amounts(support) == expected
        assert support.total == sum(expected.values())
        assert backup_note in support.notes
        assert "At least 1 week of reverse ride-along before working alone." in support.notes


def test_inexperienced_vet_label(versions):
    support = maximum_support(
        rules=versions["2.0"],
        kind=AUTHORISED,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 8, 31),
        reverse_ride_along_weeks=2,
    )
    assert [line.label for line in support.lines] == [
        f"Mentor fee: up to NOK{NBSP}40,000 per relationship",
        f"Practice stipend: 2 weeks of reverse ride-along × NOK{NBSP}5,000",
    ]


def test_mentorvet_carries_no_payments(versions):
    support = maximum_support(
        rules=versions["2.0"],
        kind=MENTORVET,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 9, 30),
        reverse_ride_along_weeks=3,
    )
    assert support.lines == ()
    assert (support.mentor_total, support.mentee_total, support.total) == (0, 0, 0)
    assert support.notes == ("This relationship type carries no payments under version 2.0.",)


def test_mentorvet_was_not_part_of_version_1(versions):
    with pytest.raises(ValueError, match="MentorVet is not part of version 1.0"):
        maximum_support(
            rules=versions["1.0"],
            kind=MENTORVET,
            starts_on=date(2024, 9, 2),
            ends_on=date(2024, 9, 2),
        )


# --- invalid input -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", RelationshipKind.values)
@pytest.mark.parametrize("version", ["1.0", "2.0"])
def test_an_end_before_the_start_is_refused(versions, version, kind):
    with pytest.raises(ValueError, match="The period ends before it starts."):
        maximum_support(
            rules=versions[version], kind=kind, starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 1)
        )


def test_working_days_refuse_an_end_before_the_start():
    with pytest.raises(ValueError, match="ends before it starts"):
        working_days(date(2026, 3, 2), date(2026, 3, 1))


@pytest.mark.parametrize(
    ("kind", "weeks", "message"),
    [
        ("farm_visit", 0, "Unknown relationship type"),
        (LICENCE, -1, "cannot be negative"),
    ],
)
def test_bad_arguments_are_refused(versions, kind, weeks, message):
    with pytest.raises(ValueError, match=message):
        maximum_support(
            rules=versions["2.0"],
            kind=kind,
            starts_on=date(2026, 3, 2),
            ends_on=date(2026, 3, 2),
            reverse_ride_along_weeks=weeks,
        )


# --- course fees -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "course", "price", "support"),
    [
        ("2.0", "insemination", None, 13500),  # 75 % of 18 000
        ("1.0", "insemination", None, 18000),  # 100 % of 18 000
        ("2.0", "insemination", 10000, 7500),
        ("2.0", "insemination", 9999, 7499),  # 7 499.25, rounded down
        ("2.0", "insemination", 20000, 13500),  # 15 000 capped
        ("1.0", "insemination", 20000, 18000),  # capped
        ("2.0", "ante_mortem", None, 3000),  # means-tested: up to the price
        ("1.0", "ante_mortem", None, 3000),
        ("2.0", "animal_welfare", None, 4600),
        ("1.0", "animal_welfare", None, 4600),
        ("2.0", "animal_welfare", 2000, 2000),
        ("2.0", "insemination", 0, 0),
    ],
)
def test_course_fee_support(versions, version, course, price, support):
    assert course_fee_support(rules=versions[version], course=course, price=price) == support


def test_course_fee_lines(versions):
    k = format_kroner
    insemination = course_fee_line(rules=versions["2.0"], course="insemination")
    assert insemination.recipient == MENTEE
    assert insemination.category == COURSE_FEE
    assert insemination.amount == 13500
    assert insemination.label == f"Insemination course: 75 % of {k(18000)}, up to {k(13500)}"
    ante_mortem = course_fee_line(rules=versions["2.0"], course="ante_mortem")
    assert ante_mortem.label == f"Ante-mortem inspection course: up to {k(3000)} (means-tested)"


@pytest.mark.parametrize(
    ("course", "price", "message"),
    [("riding", None, "Unknown course"), ("insemination", -1, "cannot be negative")],
)
def test_bad_course_arguments_are_refused(versions, course, price, message):
    with pytest.raises(ValueError, match=message):
        course_fee_support(rules=versions["2.0"], course=course, price=price)


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "NOK 0"), (500, "NOK 500"), (4000, "NOK 4,000"), (1234567, "NOK 1,234,567")],
)
def test_format_kroner(amount, text):
    assert format_kroner(amount) == text.replace(" ", NBSP)


# --- properties --------------------------------------------------------------------------


def test_no_line_exceeds_its_cap_and_totals_are_sums(versions):
    @settings(max_examples=300, deadline=None)
    @given(
        version=st.sampled_from(["1.0", "2.0"]),
        kind=st.sampled_from(RelationshipKind.values),
        starts_on=st.dates(min_value=date(2024, 9, 1), max_value=date(2028, 12, 31)),
        length=st.integers(min_value=0, max_value=800),
        weeks=st.integers(min_value=0, max_value=20),
    )
    def check(version, kind, starts_on, length, weeks):
        rules = versions[version]
        rule = rules.rule_for(kind)
        ends_on = starts_on + timedelta(days=length)
        if rule is None:
            with pytest.raises(ValueError):
                maximum_support(rules=rules, kind=kind, starts_on=starts_on, ends_on=ends_on)
            return
        support = maximum_support(
            rules=rules,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            reverse_ride_along_weeks=weeks,
        )
        days = working_days(starts_on, ends_on)
        for line in support.lines:
            assert line.amount >= 0
            if line.category == MENTOR_FEE:
                if rule.mentor_cap is not None:
                    assert line.amount <= rule.mentor_cap
                if rule.mentor_per_week is not None:
                    assert line.amount <= rule.mentor_per_week * days / 5
                if rule.mentor_first_month is not None:
                    assert line.amount <= rule.mentor_first_month + (
                        rule.mentor_following_month * rule.mentor_following_months_max
                    )
            elif line.category == HOUSING:
                if rule.mentee_housing_per_relationship is not None:
                    assert line.amount <= rule.mentee_housing_per_relationship
                if rule.mentee_housing_per_week is not None:
                    assert line.amount <= rule.mentee_housing_per_week * days / 5
            elif line.category == TRAVEL:
                assert line.amount <= rule.mentee_travel_cap
            else:
                assert line.category == PRACTICE_STIPEND
                assert line.amount == rule.practice_stipend_per_week * weeks
        mentor = [line.amount for line in support.lines if line.recipient == MENTOR]
        mentee = [line.amount for line in support.lines if line.recipient == MENTEE]
        assert len(mentor) + len(mentee) == len(support.lines)
        assert support.mentor_total == sum(mentor)
        assert support.mentee_total == sum(mentee)
        assert support.total == support.mentor_total + support.mentee_total
        if rules.flexible_share_max_percent is None:
            assert not any("mentor's grant" in note for note in support.notes)

    check()


def test_longer_periods_never_pay_less(versions):
    @settings(max_examples=200, deadline=None)
    @given(
        version=st.sampled_from(["1.0", "2.0"]),
        kind=st.sampled_from([STUDENT, LICENCE, AUTHORISED]),
        starts_on=st.dates(min_value=date(2024, 9, 1), max_value=date(2028, 12, 31)),
        length=st.integers(min_value=0, max_value=400),
        extra=st.integers(min_value=1, max_value=60),
    )
    def check(version, kind, starts_on, length, extra):
        ends_on = starts_on + timedelta(days=length)
        shorter = maximum_support(
            rules=versions[version], kind=kind, starts_on=starts_on, ends_on=ends_on
        )
        longer = maximum_support(
            rules=versions[version],
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on + timedelta(days=extra),
        )
        assert longer.total >= shorter.total

    check()
