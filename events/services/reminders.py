"""Reminders a week and a day before an event. Run by django-q2 on a
schedule; each reminder is claimed with a conditional update first, so two
task runs never send the same reminder twice."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .. import notifications
from ..models import Registration

# (field, days before, and not when the event is closer than this many days)
WINDOWS = (("reminded_week_at", 7, 1), ("reminded_day_at", 1, 0))


def send_due_reminders(*, now=None) -> int:
    now = now or timezone.now()
    sent = 0
    for field, days, closer in WINDOWS:
        ahead = timedelta(days=days)
        due = (
            Registration.objects.confirmed()
            .filter(
                event__live=True,
                event__starts_at__gt=now + timedelta(days=closer),
                event__starts_at__lte=now + ahead,
                # Whoever got their place inside the window has the facts fresh.
                confirmed_at__lte=F("event__starts_at") - ahead,
                **{f"{field}__isnull": True},
            )
            .select_related("person", "event")
        )
        for registration in due:
            with transaction.atomic():
                claimed = Registration.objects.filter(
                    pk=registration.pk, **{f"{field}__isnull": True}
                ).update(**{field: now})
                if claimed:
                    notifications.reminder(registration, days=days)
                    sent += 1
    return sent
