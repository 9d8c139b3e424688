"""What the events hold about a person (see mentornett.accounts.personal_data).

Evaluation answers (PollAnswer) are stored without any link to the person, so
they can be neither exported nor erased: only the fact that the person answered
(PollParticipation) is theirs."""

from django.utils import timezone

from mentornett.accounts.personal_data import DELETED_NAME

from .errors import RegistrationError
from .models import BreakoutPlan, CalendarFeed, PollParticipation, Registration, RegistrationStatus
from .services.registration import cancel


def export(user) -> dict:
    feed = CalendarFeed.objects.filter(person=user).values("token", "created_at").first()
    return {
        "registrations": list(
            Registration.objects.filter(person=user)
            .order_by("event_starts_at", "pk")
            .values(
                "event_title",
                "event_starts_at",
                "status",
                "answers",
                "registered_at",
                "registered_by__full_name",
                "waitlisted_at",
                "confirmed_at",
                "promoted",
                "cancelled_at",
                "late_cancellation",
                "attendance",
            )
        ),
        "evaluations_answered": list(
            PollParticipation.objects.filter(person=user)
            .order_by("pk")
            .values("event__title", "event__starts_at")
        ),
        "breakout_groups": _breakout_seats(user),
        "calendar_feed": feed,
    }


def _breakout_plans(user):
    return BreakoutPlan.objects.filter(event__registrations__person=user).distinct()


def _breakout_seats(user) -> list[dict]:
    seats = []
    for plan in _breakout_plans(user).select_related("event").order_by("pk"):
        for round_number, groups in enumerate(plan.rounds, start=1):
            for group in groups:
                for seat in group.get("seats", []):
                    if seat.get("person") == user.pk:
                        seats.append(
                            {
                                "event": plan.event.title,
                                "exercise": round_number,
                                "group": group.get("number"),
                                "role": seat.get("role"),
                                "name_shown": seat.get("name"),
                            }
                        )
    return seats


def files(user):
    return []


def erase(user) -> None:
    """Places at coming events are given up (the waitlist moves up); past
    registrations and attendance stay, without the answers, so event counts
    hold. The calendar address stops working; breakout lists lose the name."""
    now = timezone.now()
    for registration in Registration.objects.filter(
        person=user, event__isnull=False, event_starts_at__gt=now
    ).exclude(status=RegistrationStatus.CANCELLED):
        try:
            cancel(registration=registration, now=now)
        except RegistrationError:
            continue  # started meanwhile: it stays as a past registration
    Registration.objects.filter(person=user).exclude(answers=[]).update(answers=[])
    CalendarFeed.objects.filter(person=user).delete()
    for plan in _breakout_plans(user):
        changed = False
        for groups in plan.rounds:
            for group in groups:
                for seat in group.get("seats", []):
                    if seat.get("person") == user.pk:
                        seat["name"] = DELETED_NAME
                        changed = True
        if changed:
            plan.save(update_fields=["rounds"])
