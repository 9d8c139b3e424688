"""Breakout groups for practising guidance in webinars.

In each exercise a group of three takes the roles guide ("veileder"), guidance-seeker
("veisøker") and observer ("observatør"); when the head count does not divide by three, some
groups get a fourth or fifth member as an extra observer. Across the exercises of a webinar the
plan gives every person each role as evenly as possible and, second to that, lets people meet as
many different people as possible.

Role balance is a hard guarantee: after the last exercise, the number of times each person has
been guide (and seeker, and observer) differs by at most one between any two people, which is
exactly the plan with the least squared deviation from the ideal. The exercises are planned one
by one, and a role is only handed out if such a balanced end result is still reachable. Within
that, a local search prefers plans that are also balanced after every earlier exercise, and then
plans with few repeated meetings.

Pure Python: no Django, no database.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

GUIDE = "guide"
SEEKER = "seeker"
OBSERVER = "observer"
ROLES = (GUIDE, SEEKER, OBSERVER)

MAX_EXERCISES = 12

# Role indices inside this module: a seat's index in its group is its role for seats 0 and 1.
_G, _S, _O = 0, 1, 2
_DEAD = 8  # the kind of a person who can no longer end up balanced
# _SUBMASKS[q]: the role sets (bitmasks) contained in q, for Hall's condition.
_SUBMASKS = [[m for m in range(8) if m & q == m] for q in range(8)]
# Weight of the squared role counts after each exercise against one earlier meeting: an even
# spread of roles along the way comes before meeting new people. (The spread after the last
# exercise does not rely on this weight: it is a hard rule, see _Targets.)
_W_ROLE = 1000
_SEARCH_BUDGET = 300_000


@dataclass(frozen=True)
class Seat:
    person: int
    role: str


@dataclass(frozen=True)
class Group:
    number: int
    seats: tuple[Seat, ...]


@dataclass(frozen=True)
class Summary:
    role_counts: dict[int, dict[str, int]]
    repeated_pairs: int
    partners: dict[int, int]


def group_sizes(count: int) -> list[int]:
    """Split `count` people into groups of three; the rest join the first groups as observers."""
    if count < 3:
        raise ValueError("at least three people")
    groups, extra = divmod(count, 3)
    sizes = [3] * groups
    for i in range(extra):
        # With a single group (4 or 5 people) both extras land in it.
        sizes[i % groups] += 1
    return sizes


def plan_rotation(people: Sequence[int], exercises: int, *, seed: int = 0) -> list[list[Group]]:
    """Plan the groups of every exercise: one list of groups per exercise.

    Every person sits in exactly one group per exercise; each group has one guide, one seeker
    and one or more observers (seats in that order). Duplicate ids are ignored. The same
    people, exercises and seed always give the same plan.
    """
    ids = list(dict.fromkeys(people))
    if len(ids) < 3:
        raise ValueError("at least three people")
    if not 1 <= exercises <= MAX_EXERCISES:
        raise ValueError(f"exercises must be between 1 and {MAX_EXERCISES}")
    rng = random.Random(seed)  # noqa: S311 - not for security, a seating plan  # nosec B311
    seatings = _Planner(len(ids), exercises).plan(rng)
    return [
        [
            Group(
                number=number,
                seats=tuple(
                    Seat(person=ids[p], role=ROLES[min(index, _O)]) for index, p in enumerate(group)
                ),
            )
            for number, group in enumerate(seating, start=1)
        ]
        for seating in seatings
    ]


def plan_summary(rounds: list[list[Group]]) -> Summary:
    """Count each person's roles, the repeated meetings and the number of people each one met."""
    role_counts: dict[int, dict[str, int]] = {}
    meetings: dict[tuple[int, int], int] = {}
    met: dict[int, set[int]] = {}
    for groups in rounds:
        for group in groups:
            people = [seat.person for seat in group.seats]
            for seat in group.seats:
                role_counts.setdefault(seat.person, dict.fromkeys(ROLES, 0))[seat.role] += 1
                met.setdefault(seat.person, set())
            for a, b in combinations(people, 2):
                pair = (a, b) if a <= b else (b, a)
                meetings[pair] = meetings.get(pair, 0) + 1
                met[a].add(b)
                met[b].add(a)
    return Summary(
        role_counts=role_counts,
        repeated_pairs=sum(times - 1 for times in meetings.values()),
        partners={person: len(others) for person, others in met.items()},
    )


class _Targets:
    """Which per-person role tallies count as balanced after the last exercise.

    For each role r the balanced tallies are lo[r] and hi[r] (= lo[r] or lo[r] + 1), and exactly
    `surplus[r]` people must end on hi[r]. A person's counts so far allow a set of ways to finish;
    with only three roles, whether everyone can still finish balanced is Hall's condition over
    the eight role subsets, checked on the number of people of each "kind".
    """

    def __init__(self, people: int, slots: Sequence[int], exercises: int) -> None:
        self.lo: list[int] = []
        self.hi: list[int] = []
        surplus: list[int] = []
        for role in (_G, _S, _O):
            lo, rest = divmod(exercises * slots[role], people)
            self.lo.append(lo)
            self.hi.append(lo + (1 if rest else 0))
            surplus.append(rest)
        # Each person ends on hi for exactly `spare` roles (0, 1 or 2 of them).
        self.spare = exercises - sum(self.lo)
        if self.spare == 1:
            # Everyone picks the one role they end high on.
            capacity = surplus
        elif self.spare == 2:
            # Everyone picks the one role they end low on.
            capacity = [people - s for s in surplus]
        else:
            capacity = [0, 0, 0]
        self.capacity = capacity
        self.open = sum(1 << r for r in (_G, _S, _O) if capacity[r] > 0)
        self.hall = [sum(capacity[r] for r in (_G, _S, _O) if q >> r & 1) for q in range(8)]

    def kind(self, counts: Sequence[int], plus: int = -1) -> int:
        """The roles this person may still pick (bitmask), or _DEAD; `plus` adds one role.

        With spare == 1 the pick is the role to end high on, with spare == 2 the role to end low
        on; roles already counted above lo must end high.
        """
        forced = 0
        for role in (_G, _S, _O):
            count = counts[role] + (role == plus)
            if count > self.hi[role]:
                return _DEAD
            if count > self.lo[role]:
                forced |= 1 << role
        if self.spare == 1:
            if not forced:
                return self.open
            return forced if forced & (forced - 1) == 0 else _DEAD
        if self.spare == 2:
            return _DEAD if forced == 7 else 7 & ~forced
        return 0

    def feasible(self, bins: Sequence[int]) -> bool:
        """Can everyone still end balanced, given how many people there are of each kind."""
        if bins[_DEAD]:
            return False
        if self.spare == 0:
            return True
        return all(sum(bins[m] for m in _SUBMASKS[q]) <= self.hall[q] for q in range(8))

    def final(self, pick: int) -> list[int]:
        """The balanced end tally of a person who picked role `pick`."""
        if self.spare == 0:
            return list(self.lo)
        high = 1 << pick if self.spare == 1 else 7 & ~(1 << pick)
        return [self.hi[r] if high >> r & 1 else self.lo[r] for r in (_G, _S, _O)]


def _assign(
    order: Sequence[int], options: Sequence[Sequence[int]], capacity: Sequence[int]
) -> list[int] | None:
    """Give every person one of their options within the capacities (augmenting paths).

    Returns the option per person, or None when that is impossible.
    """
    choice = [-1] * len(options)
    holders: list[list[int]] = [[] for _ in capacity]

    def place(person: int, seen: set[int]) -> bool:
        for option in options[person]:
            if option in seen:
                continue
            seen.add(option)
            if len(holders[option]) < capacity[option]:
                holders[option].append(person)
                choice[person] = option
                return True
            for other in list(holders[option]):
                if place(other, seen):
                    holders[option].remove(other)
                    holders[option].append(person)
                    choice[person] = option
                    return True
        return False

    for person in order:
        if not place(person, set()):
            return None
    return choice


class _Planner:
    def __init__(self, people: int, exercises: int) -> None:
        self.n = people
        self.sizes = group_sizes(people)
        groups = len(self.sizes)
        self.slots = (groups, groups, people - 2 * groups)
        self.targets = _Targets(people, self.slots, exercises)
        # The least sum of squared role counts after t exercises, for t = 1..exercises.
        self.role_floor = [
            _balanced_squares(people, self.slots, t) for t in range(1, exercises + 1)
        ]
        # Meetings can be avoided only so far: per person, and in total over all pairs.
        meetings = sum(s * (s - 1) // 2 for s in self.sizes) * exercises
        per_person = 2 * exercises - (people - 1)
        self.pair_floor = max(0, meetings - people * (people - 1) // 2, people * per_person // 2)
        # A fixed work budget (deterministic: no clock). A local search costs roughly people**2,
        # so small plans, where the perfect plan is tight to find, get many more tries.
        self.restarts = max(1, min(12, 300 // people))
        searches = _SEARCH_BUDGET // (people * people * exercises * self.restarts)
        self.attempts = max(1, min(40, searches))

    def plan(self, rng: random.Random) -> list[list[list[int]]]:
        best_key: tuple[int, int, int] | None = None
        best: list[list[list[int]]] = []
        for _ in range(self.attempts):
            key, seatings = self._attempt(rng)
            if best_key is None or key < best_key:
                best_key, best = key, seatings
            if key[0] == 0 and key[1] <= self.pair_floor:
                break
        return best

    def _attempt(self, rng: random.Random) -> tuple[tuple[int, int, int], list[list[list[int]]]]:
        """Plan the exercises one after another; score the whole plan."""
        n = self.n
        met = [[0] * n for _ in range(n)]
        counts = [[0, 0, 0] for _ in range(n)]
        seatings = []
        role_excess = 0
        for floor in self.role_floor:
            best_cost = None
            best_seating: list[list[int]] = []
            for _ in range(self.restarts):
                cost, seating = self._search(rng, met, counts)
                if best_cost is None or cost < best_cost:
                    best_cost, best_seating = cost, seating
                if cost == (floor, 0):
                    break  # the roles are as even as can be and nobody meets anyone again
            seatings.append(best_seating)
            for group in best_seating:
                for index, person in enumerate(group):
                    counts[person][min(index, _O)] += 1
                for a, b in combinations(group, 2):
                    met[a][b] += 1
                    met[b][a] += 1
            role_excess += sum(c * c for row in counts for c in row) - floor
        repeated = 0
        spread = 0
        for a in range(n):
            for b in range(a + 1, n):
                times = met[a][b]
                if times > 1:
                    repeated += times - 1
                    spread += times * (times - 1) // 2
        return (role_excess, repeated, spread), seatings

    def _designate(self, rng: random.Random, counts: list[list[int]]) -> list[int]:
        """A role per person for the next exercise that keeps a balanced end reachable."""
        targets = self.targets
        n = self.n
        order = list(range(n))
        rng.shuffle(order)
        kinds = [targets.kind(row) for row in counts]
        if targets.spare:
            options = []
            for kind in kinds:
                choices = [r for r in (_G, _S, _O) if kind >> r & 1]
                rng.shuffle(choices)
                options.append(choices)
            picks = _assign(order, options, targets.capacity)
            if picks is None:  # pragma: no cover - ruled out by the Hall check of every step
                raise RuntimeError("no balanced role plan left")
            finals = [targets.final(pick) for pick in picks]
        else:
            finals = [targets.final(0) for _ in range(n)]
        options = []
        for row, final in zip(counts, finals, strict=True):
            # Prefer the roles a person has had least, for balance along the way.
            roles = [r for r in (_G, _S, _O) if final[r] > row[r]]
            rng.shuffle(roles)
            roles.sort(key=row.__getitem__)
            options.append(roles)
        roles = _assign(order, options, self.slots)
        if roles is None:  # pragma: no cover - a balanced end tally always splits into exercises
            raise RuntimeError("no balanced role plan left")
        return roles

    def _search(
        self, rng: random.Random, met: list[list[int]], counts: list[list[int]]
    ) -> tuple[tuple[int, int], list[list[int]]]:
        """One local search for the next exercise, from a random start.

        Moves swap the seats of two people, in different groups or (to swap roles) in the same
        one. Cost: _W_ROLE x the sum of squared role counts after this exercise + the number of
        earlier meetings between people who share a group now. Returns (squares, meetings).
        """
        targets = self.targets
        n = self.n
        roles = self._designate(rng, counts)
        by_role: list[list[int]] = [[], [], []]
        for person, role in enumerate(roles):
            by_role[role].append(person)
        for members in by_role:
            rng.shuffle(members)
        guides, seekers, observers = by_role
        groups: list[list[int]] = []
        for number, size in enumerate(self.sizes):
            groups.append([guides[number], seekers[number]] + observers[: size - 2])
            del observers[: size - 2]

        group_of = [0] * n
        seat_of = [0] * n
        for number, group in enumerate(groups):
            for index, person in enumerate(group):
                group_of[person] = number
                seat_of[person] = index
        kinds = [targets.kind(counts[p], roles[p]) for p in range(n)]
        bins = [0] * 9
        for kind in kinds:
            bins[kind] += 1

        improved = True
        order = list(range(n))
        while improved:
            improved = False
            rng.shuffle(order)
            for a in order:
                ga = group_of[a]
                ra = roles[a]
                met_a = met[a]
                count_a = counts[a]
                here_a = sum(met_a[x] for x in groups[ga])
                if not here_a and count_a[ra] == min(count_a):
                    continue  # nothing to gain by moving this person
                start = rng.randrange(n)
                for b in order[start:] + order[:start]:
                    gb = group_of[b]
                    rb = roles[b]
                    if ga == gb and ra == rb:
                        continue
                    delta = 0
                    if ga != gb:
                        met_b = met[b]
                        delta = (
                            sum(met_a[y] for y in groups[gb])
                            + sum(met_b[x] for x in groups[ga])
                            - 2 * met_a[b]
                            - here_a
                            - sum(met_b[y] for y in groups[gb])
                        )
                    if ra != rb:
                        count_b = counts[b]
                        delta += (
                            2 * _W_ROLE * (count_a[rb] - count_a[ra] + count_b[ra] - count_b[rb])
                        )
                    if delta >= 0:
                        continue
                    if ra != rb:
                        ka = targets.kind(count_a, rb)
                        kb = targets.kind(counts[b], ra)
                        old_a, old_b = kinds[a], kinds[b]
                        bins[old_a] -= 1
                        bins[old_b] -= 1
                        bins[ka] += 1
                        bins[kb] += 1
                        if not targets.feasible(bins):
                            bins[ka] -= 1
                            bins[kb] -= 1
                            bins[old_a] += 1
                            bins[old_b] += 1
                            continue
                        kinds[a], kinds[b] = ka, kb
                    sa, sb = seat_of[a], seat_of[b]
                    groups[ga][sa], groups[gb][sb] = b, a
                    group_of[a], group_of[b] = gb, ga
                    seat_of[a], seat_of[b] = sb, sa
                    roles[a], roles[b] = rb, ra
                    improved = True
                    break

        squares = sum(c * c for row in counts for c in row)
        again = 0
        for group in groups:
            for index, person in enumerate(group):
                squares += 2 * counts[person][min(index, _O)] + 1
            for x, y in combinations(group, 2):
                again += met[x][y]
        return (squares, again), groups


def _balanced_squares(people: int, slots: Sequence[int], exercises: int) -> int:
    """The least possible sum over people and roles of squared role counts."""
    total = 0
    for slot in slots:
        lo, rest = divmod(exercises * slot, people)
        total += people * lo * lo + rest * (2 * lo + 1)
    return total
