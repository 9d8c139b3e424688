"""Fixtures for MentorHub and equipment tests, built on the `scheme` fixture."""

from dataclasses import dataclass
from datetime import date

import pytest

from courses.models import LessonPage
from courses.services import complete_lesson
from mentornett.accounts.roles import StaffRole
from network.models import Application, ApplicationStatus, EquipmentSet, RelationshipKind
from network.scheme.services import hubs
from tests.factories import UserFactory


@pytest.fixture
def certified(scheme, django_capture_on_commit_callbacks):
    """certified(full_name=...) → a new user holding a valid mentor certificate."""
    lesson = LessonPage.objects.descendant_of(scheme.mentor_course).first()

    def make(**fields):
        user = UserFactory(**fields)
        with django_capture_on_commit_callbacks(execute=True):
            complete_lesson(learner=user, lesson=lesson)
        return user

    return make


@pytest.fixture
def office(staff_user):
    return staff_user(StaffRole.SCHEME_ADMINISTRATOR)


@dataclass
class Hub:
    hub: object
    contact: object  # scheme.mentor
    mentor: object  # a mentor at the hub, not a contact
    outsider: object  # a certified mentor at no hub


@pytest.fixture
def hub(scheme, certified, office):
    """An approved hub: the scheme's mentor is its contact, with one more mentor."""
    registered = hubs.register_hub(
        user=scheme.mentor,
        name="Glåmdal dyreklinikk",
        organisation_number="987654321",
        municipality=scheme.municipality,
    )
    hubs.approve_hub(hub=registered, user=office)
    mentor = certified(full_name="Hanne Hubmentor", email="hanne@example.no")
    hubs.add_hub_mentor(hub=registered, email=mentor.email, added_by=scheme.mentor)
    outsider = certified(full_name="Ola Utenfor", email="ola@example.no")
    registered.refresh_from_db()
    return Hub(registered, scheme.mentor, mentor, outsider)


def register_week(hub_data, monday: date, email="student@example.no", mentor=None):
    return hubs.register_student_week(
        hub=hub_data.hub,
        student_name="Siri Student",
        student_email=email,
        week_starts_on=monday,
        mentor=mentor or hub_data.contact,
        registered_by=hub_data.contact,
    )


def relationship(scheme, status=ApplicationStatus.ACTIVE) -> Application:
    return Application.objects.create(
        kind=RelationshipKind.STUDENT_PLACEMENT,
        mentor=scheme.mentor,
        mentee=scheme.mentee,
        started_by=scheme.mentor,
        status=status,
    )


@pytest.fixture
def equipment_sets(db):
    return [
        EquipmentSet.objects.create(name=f"Utstyrssett {n}", location="Kontoret, Oslo")
        for n in (1, 2, 3)
    ]
