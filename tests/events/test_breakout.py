import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.breakout import (
    GUIDE,
    OBSERVER,
    ROLES,
    SEEKER,
    Group,
    Seat,
    group_sizes,
    plan_rotation,
    plan_summary,
)


def assert_well_formed(rounds, people, exercises):
    """Every person in exactly one group per exercise; seats are guide, seeker, observers."""
    assert len(rounds) == exercises
    for groups in rounds:
        seated = [seat.person for group in groups for seat in group.seats]
        assert sorted(seated) == sorted(people)
        assert [group.number for group in groups] == list(range(1, len(groups) + 1))
        assert [len(group.seats) for group in groups] == group_sizes(len(people))
        for group in groups:
            roles = [seat.role for seat in group.seats]
            assert roles[:2] == [GUIDE, SEEKER]
            assert set(roles[2:]) == {OBSERVER}


def balanced_range(people, exercises, role):
    """The tallies of `role` that an evenly spread plan gives each person, as (low, high)."""
    groups = len(group_sizes(people))
    slots = people - 2 * groups if role == OBSERVER else groups
    low, rest = divmod(exercises * slots, people)
    return low, low + (1 if rest else 0)


def assert_roles_balanced(rounds, people, exercises):
    counts = plan_summary(rounds).role_counts
    for role in ROLES:
        low, high = balanced_range(len(people), exercises, role)
        tallies = [counts[person][role] for person in people]
        assert low <= min(tallies), (role, tallies)
        assert max(tallies) <= high, (role, tallies)


@pytest.mark.parametrize(
    ("count", "sizes"),
    [
        (3, [3]),
        (4, [4]),
        (5, [5]),
        (6, [3, 3]),
        (7, [4, 3]),
        (8, [4, 4]),
        (9, [3, 3, 3]),
        (10, [4, 3, 3]),
        (11, [4, 4, 3]),
        (12, [3, 3, 3, 3]),
        (13, [4, 3, 3, 3]),
        (14, [4, 4, 3, 3]),
    ],
)
def test_group_sizes_are_threes_with_the_remainder_as_extra_observers_in_the_first_groups(
    count, sizes
):
    assert group_sizes(count) == sizes


@pytest.mark.parametrize("count", [-1, 0, 1, 2])
def test_group_sizes_need_at_least_three_people(count):
    with pytest.raises(ValueError, match="at least three people"):
        group_sizes(count)


@pytest.mark.parametrize("people", [[], [1], [1, 2], [1, 1, 2, 2, 1]])
def test_a_plan_needs_at_least_three_distinct_people(people):
    with pytest.raises(ValueError, match="at least three people"):
        plan_rotation(people, 2)


@pytest.mark.parametrize("exercises", [-1, 0, 13])
def test_a_plan_has_between_one_and_twelve_exercises(exercises):
    with pytest.raises(ValueError):
        plan_rotation(range(9), exercises)


def test_twelve_exercises_is_allowed():
    people = list(range(7))
    rounds = plan_rotation(people, 12)
    assert_well_formed(rounds, people, 12)
    assert_roles_balanced(rounds, people, 12)


@pytest.mark.parametrize("count", range(3, 41))
def test_every_person_sits_in_exactly_one_group_per_exercise(count):
    people = [1000 + 7 * i for i in range(count)]
    for exercises in range(1, 7):
        rounds = plan_rotation(people, exercises, seed=count)
        assert_well_formed(rounds, people, exercises)


@pytest.mark.parametrize("count", [3, 4, 5, 7, 8, 10, 14, 29])
def test_each_group_has_exactly_one_guide_and_one_seeker_and_the_rest_observe(count):
    for groups in plan_rotation(range(count), 4):
        for group in groups:
            roles = Counter(seat.role for seat in group.seats)
            assert roles[GUIDE] == 1
            assert roles[SEEKER] == 1
            assert roles[OBSERVER] == len(group.seats) - 2 >= 1


def test_the_same_seed_gives_the_same_plan_and_another_seed_a_different_one():
    people = list(range(1, 31))
    plan = plan_rotation(people, 4, seed=3)
    assert plan_rotation(people, 4, seed=3) == plan
    assert plan_rotation(people, 4, seed=4) != plan


def test_planning_leaves_the_global_random_generator_alone():
    random.seed(42)
    expected = random.random()
    random.seed(42)
    plan_rotation(range(20), 5)
    assert random.random() == expected


@pytest.mark.parametrize("seed", range(21))
def test_nine_people_three_exercises_each_take_every_role_once_and_never_meet_twice(seed):
    people = list(range(11, 20))
    rounds = plan_rotation(people, 3, seed=seed)
    summary = plan_summary(rounds)

    assert_well_formed(rounds, people, 3)
    assert summary.role_counts == {person: dict.fromkeys(ROLES, 1) for person in people}
    assert summary.repeated_pairs == 0
    assert summary.partners == dict.fromkeys(people, 6)


@pytest.mark.parametrize("order", ["given", "reversed", "shuffled"])
@pytest.mark.parametrize("seed", range(21))
def test_twelve_people_three_exercises_each_take_every_role_once_and_never_meet_twice(seed, order):
    people = list(range(1, 13))
    if order == "reversed":
        people.reverse()
    elif order == "shuffled":
        random.Random(seed).shuffle(people)
    rounds = plan_rotation(people, 3, seed=seed)
    summary = plan_summary(rounds)

    assert summary.role_counts == {person: dict.fromkeys(ROLES, 1) for person in people}
    assert summary.repeated_pairs == 0
    assert summary.partners == dict.fromkeys(people, 6)


def test_thirty_people_two_exercises_repeat_no_role_and_meet_new_people_only():
    people = list(range(100, 130))
    rounds = plan_rotation(people, 2)
    summary = plan_summary(rounds)

    assert_well_formed(rounds, people, 2)
    assert all(max(counts.values()) == 1 for counts in summary.role_counts.values())
    assert summary.repeated_pairs == 0
    assert summary.partners == dict.fromkeys(people, 4)


@pytest.mark.parametrize("seed", range(6))
def test_thirty_people_six_exercises_take_each_role_once_per_three_and_never_meet_twice(seed):
    people = list(range(1, 31))
    rounds = plan_rotation(people, 6, seed=seed)

    for done, times in ((3, 1), (6, 2)):
        counts = plan_summary(rounds[:done]).role_counts
        assert counts == {person: dict.fromkeys(ROLES, times) for person in people}
    assert plan_summary(rounds).repeated_pairs == 0


def test_regenerating_after_a_drop_out_places_everyone_left_and_nobody_who_left():
    people = list(range(1, 13))
    first = plan_rotation(people, 3, seed=5)
    dropped = {first[0][0].seats[0].person, first[0][1].seats[2].person}
    remaining = [person for person in people if person not in dropped]

    rounds = plan_rotation(remaining, 2, seed=5)

    assert_well_formed(rounds, remaining, 2)
    seated = {seat.person for groups in rounds for group in groups for seat in group.seats}
    assert seated == set(remaining)
    assert not seated & dropped
    assert_roles_balanced(rounds, remaining, 2)


def test_duplicate_people_are_ignored():
    with_duplicates = [5, 3, 5, 8, 1, 3, 9, 2, 2, 7]
    distinct = [5, 3, 8, 1, 9, 2, 7]

    rounds = plan_rotation(with_duplicates, 3, seed=2)

    assert rounds == plan_rotation(distinct, 3, seed=2)
    assert_well_formed(rounds, distinct, 3)


def test_groups_of_four_and_five_get_extra_observers_and_still_balanced_roles():
    for count in (4, 5, 10, 11):
        people = list(range(count))
        rounds = plan_rotation(people, 6)
        assert_well_formed(rounds, people, 6)
        assert_roles_balanced(rounds, people, 6)


def test_summary_counts_roles_extra_meetings_and_distinct_partners():
    def group(number, *seats):
        return Group(number=number, seats=tuple(Seat(person, role) for person, role in seats))

    rounds = [
        [group(1, (1, GUIDE), (2, SEEKER), (3, OBSERVER), (4, OBSERVER))],
        [group(1, (2, GUIDE), (1, SEEKER), (3, OBSERVER)), group(2, (4, GUIDE), (5, SEEKER))],
        [group(1, (1, GUIDE), (2, SEEKER), (5, OBSERVER))],
    ]

    summary = plan_summary(rounds)

    assert summary.role_counts[1] == {GUIDE: 2, SEEKER: 1, OBSERVER: 0}
    assert summary.role_counts[4] == {GUIDE: 1, SEEKER: 0, OBSERVER: 1}
    assert summary.role_counts[5] == {GUIDE: 0, SEEKER: 1, OBSERVER: 1}
    # 1-2 met three times (two extra meetings), 1-3 and 2-3 twice (one extra each).
    assert summary.repeated_pairs == 4
    assert summary.partners == {1: 4, 2: 4, 3: 3, 4: 4, 5: 3}


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(min_value=3, max_value=30),
    exercises=st.integers(min_value=1, max_value=5),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_any_plan_is_well_formed_and_spreads_every_role_evenly(count, exercises, seed):
    people = random.Random(seed).sample(range(1, 1000), count)

    rounds = plan_rotation(people, exercises, seed=seed)

    assert_well_formed(rounds, people, exercises)
    assert_roles_balanced(rounds, people, exercises)
    counts = plan_summary(rounds).role_counts
    if count % 3 == 0:
        # Everyone in a group of three: each role as close to a third of the exercises as can be.
        for role in ROLES:
            assert all(abs(counts[p][role] - exercises / 3) < 1 for p in people)
    for person in people:
        for role in (GUIDE, SEEKER):
            low, high = balanced_range(count, exercises, role)
            # Where the share of a role is close enough to a third, nobody strays 1 from it.
            if exercises / 3 - 1 <= low and high <= exercises / 3 + 1:
                assert abs(counts[person][role] - exercises / 3) <= 1
