"""Breakout groups for a webinar, from the people marked present."""

import secrets

from django.utils.translation import gettext as _

from ..breakout import plan_rotation
from ..errors import RegistrationError
from ..models import Attendance, BreakoutPlan, EventPage, Registration

MAX_EXERCISES = 12


def make_breakout_plan(*, event: EventPage, exercises: int, by) -> BreakoutPlan:
    """A new plan from those present now; earlier plans are kept for reference."""
    if not 1 <= exercises <= MAX_EXERCISES:
        raise RegistrationError(
            _("Choose between 1 and %(max)s exercises.") % {"max": MAX_EXERCISES},
            code="exercises",
        )
    present = list(
        Registration.objects.confirmed()
        .filter(event=event, attendance=Attendance.ATTENDED)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )
    if len(present) < 3:
        raise RegistrationError(
            _("Mark at least three people as present in the check-in list first."),
            code="too_few",
        )
    names = {r.person_id: r.person.display_name for r in present}
    seed = secrets.randbelow(2**31)
    rounds = plan_rotation([r.person_id for r in present], exercises, seed=seed)
    stored = [
        [
            {
                "number": group.number,
                "seats": [
                    {"person": seat.person, "name": names[seat.person], "role": seat.role}
                    for seat in group.seats
                ],
            }
            for group in groups
        ]
        for groups in rounds
    ]
    return BreakoutPlan.objects.create(
        event=event, exercises=exercises, seed=seed, rounds=stored, created_by=by
    )
