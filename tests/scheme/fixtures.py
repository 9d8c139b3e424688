from dataclasses import dataclass
from datetime import date

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import Certificate
from courses.services import complete_lesson
from network.models import Application, MentorCriterion, Municipality, RelationshipKind
from network.scheme.services import applications as services
from tests.factories import UserFactory


@dataclass
class Scheme:
    mentor: object
    mentee: object
    mentor_course: object
    mentee_course: object
    municipality: object


@pytest.fixture
def scheme(make_course, django_capture_on_commit_callbacks):
    """A mentor and a mentee who have both completed their mandatory course."""
    mentor = UserFactory(full_name="Marit Mentor")
    mentee = UserFactory(full_name="Magnus Mentee")
    mentor_course, (mentor_lesson,) = make_course(
        lessons=1, mandatory_for="mentor", slug="mentorkurs", title="Mentorkurs"
    )
    mentee_course, (mentee_lesson,) = make_course(
        lessons=1, mandatory_for="mentee", slug="menteekurs", title="Menteekurs"
    )
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(learner=mentor, lesson=mentor_lesson)
        complete_lesson(learner=mentee, lesson=mentee_lesson)
    assert Certificate.objects.count() == 2
    municipality, _created = Municipality.objects.get_or_create(
        number="3401", defaults={"name": "Kongsvinger", "county": "Innlandet"}
    )
    return Scheme(mentor, mentee, mentor_course, mentee_course, municipality)


def complete_application(scheme, kind=RelationshipKind.TEMPORARY_LICENCE) -> Application:
    """An application with both parties and every field sending requires."""
    application = services.start_application(user=scheme.mentor, role="mentor", kind=kind)
    application.mentee = scheme.mentee
    application.starts_on = date(2026, 1, 5)
    application.ends_on = date(2026, 4, 4)
    application.municipality = scheme.municipality
    application.employer = "Glåmdal veterinærkontor AS"
    application.contract.save(
        "kontrakt.pdf", SimpleUploadedFile("kontrakt.pdf", b"%PDF-1.4\n%%EOF\n"), save=False
    )
    application.backup_plan = "Mentor og to kolleger deler bakvakt, alltid nåbar på telefon."
    application.reverse_ride_along_from = date(2026, 1, 5)
    application.reverse_ride_along_to = date(2026, 1, 16)
    application.insurance_confirmed = True
    application.municipality_contact_name = "Kari Kommune"
    application.municipality_contact_email = "kari@kongsvinger.kommune.no"
    application.planned_use = "Mentorgodtgjørelse og bolig de første ukene."
    application.mentor_declarations = list(MentorCriterion.values)
    application.mentee_goals = "Bli trygg på kalving og stordyrpraksis."
    application.save()
    return application


def active_relationship(
    scheme, kind=RelationshipKind.TEMPORARY_LICENCE, office=None
) -> Application:
    """`complete_application`, sent, granted and accepted by both: running."""
    from network.models import ApplicationStatus as S

    office = office or UserFactory(full_name="Ola Ordning")
    application = services.submit_application(
        application=complete_application(scheme, kind=kind), user=scheme.mentor
    )
    services.change_status(
        application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
    )
    services.change_status(application=application, user=office, expected=S.IN_REVIEW, to=S.GRANTED)
    services.accept_decision(application=application, user=scheme.mentor)
    services.accept_decision(application=application, user=scheme.mentee)
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    return application


def receipt(name="kvittering.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
