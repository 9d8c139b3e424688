"""Registrations as events.services.registration would leave them: people
arrive in time order, take a place or join the waitlist, some cancel (late
ones are marked), freed places go to the first in line, and after the event
the organiser marks attendance and some answer the evaluation."""

import uuid
from collections import deque
from datetime import timedelta

from events.blocks import CHOICE_QUESTION, YES_NO_QUESTION
from events.models import (
    Attendance,
    EventAudience,
    EventKind,
    PollAnswer,
    PollParticipation,
    Registration,
    RegistrationStatus,
    TimeUse,
)

from .base import bulk

R = RegistrationStatus
TEXT_ANSWERS = [
    "Å stille åpne spørsmål og tåle stillhet i samtalen.",
    "Å gi tilbakemelding når noe har gått galt.",
    "Vegetar.",
    "Glutenfri kost.",
]
POLL_COMMENTS = ["Mer tid til gruppearbeid, takk!", "Veldig nyttig å møte de andre.", ""]


def _pool(event, people, network_members):
    if event.audience == EventAudience.NETWORK:
        return network_members.get(event.network_id, [])
    if event.audience == EventAudience.MENTORS:
        return [p.user for p in people.participants if p.wants_to_mentor]
    if event.audience == EventAudience.MENTEES:
        return [p.user for p in people.participants if not p.wants_to_mentor]
    return [p.user for p in people.participants]


def _weight(event, team_count) -> float:
    if event.audience == EventAudience.NETWORK:
        return 2.5 * team_count.get(event.network_id, 1)
    if event.capacity:
        return event.capacity * (1.25 if event.capacity < 50 else 0.9)
    return 90 if event.kind == EventKind.WEBINAR else 35


def _targets(events, pools, weights, total, now) -> list[int]:
    """Registrations per event: `total` shared by weight, none beyond its
    audience, and one event with a waitlist (the next full one, if any)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    targets = [min(int(x), len(pool)) for x, pool in zip(exact, pools, strict=True)]
    can_fill = [i for i, e in enumerate(events) if e.capacity and len(pools[i]) > e.capacity + 3]
    upcoming = [i for i in can_fill if events[i].starts_at > now]
    full = (upcoming or can_fill or [None])[0]
    if full is not None and targets[full] <= events[full].capacity:
        targets[full] = events[full].capacity + 3
    order = sorted(range(len(events)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    while sum(targets) != total:
        step = 1 if sum(targets) < total else -1
        moved = False
        for i in order:
            if (step > 0 and targets[i] < len(pools[i])) or (
                step < 0 and targets[i] > 1 and i != full
            ):
                targets[i] += step
                moved = True
                if sum(targets) == total:
                    break
        if not moved:
            raise RuntimeError("Not enough people in the events' audiences for the registrations.")
    return targets


def _answers(rng, event) -> list:
    answers = []
    for block in event.questions:
        kind = block.block_type
        if kind == YES_NO_QUESTION:
            value = rng.random() < 0.6
        elif kind == CHOICE_QUESTION:
            value = rng.choice(list(block.value["options"]))
        elif rng.random() < 0.5:
            value = rng.choice(TEXT_ANSWERS)
        else:
            continue
        answers.append({"id": block.id, "question": block.value["question"], "answer": value})
    return answers


def _arrivals(rng, ctx, event, people_for_event):
    """(person, registered_at), in arrival order."""
    closes = min(event.registration_closes_at or event.starts_at, ctx.now)
    opens = min(event.starts_at - timedelta(days=60), closes - timedelta(days=30))
    span = (closes - opens).total_seconds()
    times = sorted(opens + timedelta(seconds=rng.random() * span) for _ in people_for_event)
    return list(zip(people_for_event, times, strict=True))


def _simulate(rng, ctx, event, arrivals, force_cancel):
    """Run the event's registrations and cancellations in time order."""
    limit = min(event.starts_at, ctx.now)
    rows = {}
    moments = []
    for index, (person, at) in enumerate(arrivals):
        rows[person.pk] = Registration(
            event=event,
            event_title=event.title,
            event_starts_at=event.starts_at,
            person=person,
            registered_at=at,
        )
        moments.append((at, 0, person.pk))
        if (force_cancel and index == 0) or rng.random() < 0.08:
            moments.append((at + (limit - at) * rng.uniform(0.1, 0.9), 1, person.pk))
    confirmed, waiting = set(), deque()
    for at, kind, pk in sorted(moments):
        row = rows[pk]
        if kind == 0:
            if event.capacity is None or len(confirmed) < event.capacity:
                row.status, row.confirmed_at = R.CONFIRMED, at
                confirmed.add(pk)
            else:
                row.status, row.waitlisted_at = R.WAITLISTED, at
                waiting.append(pk)
            continue
        was_confirmed = row.status == R.CONFIRMED
        row.status, row.cancelled_at = R.CANCELLED, at
        row.late_cancellation = was_confirmed and at > event.cancel_by
        confirmed.discard(pk)
        if pk in waiting:
            waiting.remove(pk)
        while was_confirmed and waiting and len(confirmed) < event.capacity:
            promoted = rows[waiting.popleft()]
            promoted.status, promoted.confirmed_at, promoted.promoted = R.CONFIRMED, at, True
            confirmed.add(promoted.person.pk)
    return list(rows.values())


def _after_the_event(rng, ctx, event, rows):
    if event.starts_at - timedelta(days=7) < ctx.now:
        for row in rows:
            if row.status == R.CONFIRMED and row.confirmed_at < event.starts_at - timedelta(days=7):
                row.reminded_week_at = event.starts_at - timedelta(days=7)
    if event.ends_at > ctx.now:
        return
    for row in rows:
        if row.status != R.CONFIRMED:
            continue
        row.reminded_day_at = event.starts_at - timedelta(days=1)
        roll = rng.random()
        if roll < 0.95:
            row.attendance = Attendance.ATTENDED if roll < 0.85 else Attendance.NO_SHOW
            row.attendance_marked_at = event.starts_at + timedelta(minutes=30)


def _poll(rng, event, rows):
    participations, answers = [], []
    choices = event.poll_choices()
    for row in rows:
        if row.attendance == Attendance.ATTENDED and rng.random() < 0.4:
            participations.append(PollParticipation(event=event, person=row.person))
            answers.append(
                PollAnswer(
                    id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    event=event,
                    rating=rng.choice((3, 4, 4, 5, 5, 5)),
                    best=rng.sample(choices, rng.randint(1, min(2, len(choices)))),
                    time_use=rng.choice(TimeUse.values[:3]),
                    comment=rng.choice(POLL_COMMENTS),
                )
            )
    # Stored in random order, as the anonymous answers must be.
    rng.shuffle(answers)
    return participations, answers


def build_registrations(ctx, events, people, teams) -> dict:
    rng = ctx.rng("registrations")
    network_members, team_count, coordinator_of = {}, {}, {}
    for info in teams:
        network_id = info.team.network_id
        team_count[network_id] = team_count.get(network_id, 0) + 1
        for person, _role in info.members:
            network_members.setdefault(network_id, []).append(person.user)
            coordinator_of[(network_id, person.user.pk)] = info.coordinator
    events = sorted(events, key=lambda e: (e.starts_at, e.pk))
    pools = [_pool(e, people, network_members) for e in events]
    weights = [_weight(e, team_count) for e in events]
    targets = _targets(events, pools, weights, ctx.plan.registrations, ctx.now)

    # The busiest people have places at upcoming events they may attend.
    chosen = {e.pk: [] for e in events}
    members = [{user.pk for user in pool} for pool in pools]
    for person in people.heavy:
        upcoming = [
            i
            for i, e in enumerate(events)
            if e.starts_at > ctx.now
            and person.user.pk in members[i]
            and len(chosen[e.pk]) < targets[i] - 1
        ]
        for i in rng.sample(upcoming, min(len(upcoming), 4)):
            chosen[events[i].pk].append(person.user)

    rows, participations, answers = [], [], []
    largest = max(range(len(events)), key=lambda i: targets[i])
    for i, event in enumerate(events):
        already = {u.pk for u in chosen[event.pk]}
        others = [u for u in pools[i] if u.pk not in already]
        people_for_event = chosen[event.pk] + rng.sample(others, max(0, targets[i] - len(already)))
        arrivals = _arrivals(rng, ctx, event, people_for_event)
        event_rows = _simulate(rng, ctx, event, arrivals, force_cancel=i == largest)
        for row in event_rows:
            if event.questions:
                row.answers = _answers(rng, event)
            coordinator = coordinator_of.get((event.network_id, row.person.pk))
            if coordinator is not None and coordinator.pk != row.person.pk and rng.random() < 0.5:
                row.registered_by = coordinator
        _after_the_event(rng, ctx, event, event_rows)
        taken, given = _poll(rng, event, event_rows)
        rows += event_rows
        participations += taken
        answers += given
    bulk(Registration, rows)
    bulk(PollParticipation, participations)
    bulk(PollAnswer, answers)
    return {
        "registrations": len(rows),
        "evaluation answers": len(answers),
    }
