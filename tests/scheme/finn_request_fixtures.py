"""Fixtures for Finn mentor's directory and requests, built on `scheme`: a
mentee with a profile in Tynset, and makers of listed mentors and hubs."""

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from django.utils import timezone

from courses.models import Certificate
from network.models import (
    HubListing,
    HubMentor,
    HubStatus,
    MenteeProfile,
    MenteeStage,
    MentorAvailability,
    MentorHub,
    MentorProfile,
    Municipality,
    RelationshipKind,
)
from tests.factories import UserFactory

PLACEMENT = RelationshipKind.STUDENT_PLACEMENT
# Plans are made for next year, whenever the tests run.
NEXT_YEAR = timezone.localdate().year + 1

PLACES = {
    "tynset": ("3427", "Tynset", "Innlandet"),
    "tolga": ("3426", "Tolga", "Innlandet"),
    "oslo": ("0301", "Oslo", "Oslo"),
    "tromso": ("5501", "Tromsø", "Troms"),
}


def certify(user, course) -> Certificate:
    """A valid certificate of the mandatory mentor course, as completing it
    issues one (without walking the lessons: the lists need many mentors)."""
    return Certificate.objects.create(
        code=uuid.uuid4().hex[:12].upper(),
        holder=user,
        holder_name=user.full_name,
        course=course,
        course_title=course.title,
        course_version=1,
        mandatory_for="mentor",
        workload_hours=1,
        issued_at=timezone.now(),
    )


@dataclass
class Finn:
    scheme: object
    places: dict
    mentee: object  # the scheme's mentee, with a mentee profile in Tynset

    def mentor(
        self,
        name,
        place="tynset",
        *,
        capacity=1,
        kinds=(PLACEMENT,),
        animals=("cattle",),
        periods=((date(NEXT_YEAR, 3, 1), date(NEXT_YEAR, 6, 30)),),
        listed=True,
        certified=True,
        user=None,
        **fields,
    ) -> MentorProfile:
        user = user or UserFactory(full_name=name)
        if certified and not user.certificates.filter(mandatory_for="mentor").exists():
            certify(user, self.scheme.mentor_course)
        profile = MentorProfile.objects.create(
            user=user,
            municipality=self.places[place],
            capacity=capacity,
            kinds=dict.fromkeys(kinds, True),
            animals=dict.fromkeys(animals, True),
            listed=listed,
            listed_at=timezone.now() if listed else None,
            **fields,
        )
        for starts_on, ends_on in periods:
            MentorAvailability.objects.create(profile=profile, starts_on=starts_on, ends_on=ends_on)
        return profile

    def hub(self, name, place="tolga", *, contact=None, listed=True, animals=("cattle",)):
        contact = contact or UserFactory(full_name=f"Kontakt {name}")
        hub = MentorHub.objects.create(
            name=name,
            municipality=self.places[place],
            status=HubStatus.APPROVED,
            registered_by=contact,
            approved_at=timezone.now(),
        )
        HubMentor.objects.create(hub=hub, user=contact, is_contact=True)
        HubListing.objects.create(
            hub=hub,
            listed=listed,
            weeks_per_half_year=8,
            helps_with_housing=True,
            animals=dict.fromkeys(animals, True),
        )
        return hub


@pytest.fixture
def finn(scheme):
    places = {}
    for key, (number, name, county) in PLACES.items():
        places[key], _created = Municipality.objects.get_or_create(
            number=number, defaults={"name": name, "county": county}
        )
    MenteeProfile.objects.create(
        user=scheme.mentee,
        stage=MenteeStage.STUDENT,
        study_place="NMBU, Ås",
        municipality=places["tynset"],
        kind=PLACEMENT,
        needs={"housing": True},
    )
    return Finn(scheme, places, scheme.mentee)
