"""Registrations of the demo people, made through the services."""

from datetime import timedelta

from django.utils import timezone

from mentornett.accounts.models import User

from ..models import Attendance, EventPage, Registration
from ..services import mark_attendance, register
from .questions import answers_by_id

MENTOR_EMAIL = "mentor@mentornett.no"


def mark_attended(registrations):
    """Check in everyone confirmed among `registrations`, as the organiser would."""
    for registration in registrations.confirmed().exclude(attendance=Attendance.ATTENDED):
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)


def register_once(person, event: EventPage, answers=None, now=None):
    if Registration.objects.filter(event=event, person=person).exists():
        return
    if now is None and event.starts_at <= timezone.now():
        return  # An old demo database: the event has started, so leave it.
    register(person=person, event=event, answers=answers_by_id(event, answers or {}), now=now)


def demo_mentor_registrations(past_webinar: EventPage, first_webinar: EventPage):
    mentor = User.objects.get(email=MENTOR_EMAIL)
    register_once(
        mentor,
        past_webinar,
        {"Hva ønsker du å øve på?": "Å gi tilbakemelding når noe har gått galt i fjøset."},
        now=past_webinar.starts_at - timedelta(days=7),
    )
    mark_attended(Registration.objects.filter(event=past_webinar, person=mentor))
    register_once(
        mentor,
        first_webinar,
        {"Hva ønsker du å øve på?": "Å stille åpne spørsmål og tåle stillhet i samtalen."},
    )
