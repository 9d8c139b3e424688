"""Listings for the tests of Finn mentor's searches, board, overview and
freshness: mentors, hubs and searches made directly as the models hold them
(the profile pages are another area's)."""

from datetime import date, timedelta

from django.utils import timezone

from network.models import (
    Animal,
    HubListing,
    MatchRequest,
    MenteePeriod,
    MenteeProfile,
    MenteeStage,
    MentorAvailability,
    MentorHelp,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    RelationshipKind,
    RequestStatus,
)
from network.scheme.services import hubs as hub_services

PLACEMENT = RelationshipKind.STUDENT_PLACEMENT
# A period in the scheme's planning range whatever day the tests run.
SOON = date.today() + timedelta(days=60)
LATER = SOON + timedelta(days=90)


def municipality(number, name, county) -> Municipality:
    found, _created = Municipality.objects.get_or_create(
        number=number, defaults={"name": name, "county": county}
    )
    return found


def tynset():
    return municipality("3427", "Tynset", "Innlandet")


def tromso():
    return municipality("5501", "Tromsø", "Troms")


def list_mentor(
    user,
    place,
    *,
    capacity=1,
    kinds=(PLACEMENT,),
    animals=(Animal.CATTLE,),
    helps=(),
    listed=True,
    periods=((SOON, LATER),),
) -> MentorProfile:
    now = timezone.now()
    profile = MentorProfile.objects.create(
        user=user,
        municipality=place,
        listed=listed,
        listed_at=now if listed else None,
        confirmed_at=now if listed else None,
        capacity=capacity,
        kinds=dict.fromkeys(kinds, True),
        animals=dict.fromkeys(animals, True),
        helps=dict.fromkeys(helps, True),
        introduction="Stordyrpraksis med mye storfe.",
    )
    for starts_on, ends_on in periods:
        MentorAvailability.objects.create(profile=profile, starts_on=starts_on, ends_on=ends_on)
    return profile


def publish_search(
    user,
    *,
    place=None,
    kind=PLACEMENT,
    listed=True,
    wanted_counties=(),
    wanted=(),
    animals=(Animal.CATTLE,),
    needs=(MentorHelp.HOUSING,),
    periods=((SOON, LATER),),
    listed_at=None,
) -> MenteeProfile:
    listed_at = listed_at or timezone.now()
    profile = MenteeProfile.objects.create(
        user=user,
        stage=MenteeStage.STUDENT,
        study_place="NMBU, Ås",
        municipality=place,
        year=4,
        kind=kind,
        listed=listed,
        listed_at=listed_at if listed else None,
        confirmed_at=listed_at if listed else None,
        wanted_counties=list(wanted_counties),
        animals=dict.fromkeys(animals, True),
        needs=dict.fromkeys(needs, True),
        introduction="Jeg vil bli stordyrveterinær i distriktet.",
    )
    profile.wanted_municipalities.set(wanted)
    for starts_on, ends_on in periods:
        MenteePeriod.objects.create(profile=profile, starts_on=starts_on, ends_on=ends_on)
    return profile


def expired_request(mentee, *, kind=PLACEMENT, created_at=None) -> MatchRequest:
    request = MatchRequest.objects.create(
        mentee=mentee,
        kind=kind,
        starts_on=SOON,
        ends_on=LATER,
        status=RequestStatus.EXPIRED,
        closed_at=timezone.now(),
    )
    if created_at is not None:
        MatchRequest.objects.filter(pk=request.pk).update(created_at=created_at)
        request.refresh_from_db()
    return request


def approved_hub(
    contact, place, office, *, name="Nord-Østerdal dyreklinikk", weeks=10, listed=True, housing=True
):
    hub = hub_services.register_hub(
        user=contact, name=name, organisation_number="", municipality=place
    )
    hub_services.approve_hub(hub=hub, user=office)
    HubListing.objects.create(
        hub=hub,
        listed=listed,
        weeks_per_half_year=weeks,
        helps_with_housing=housing,
        animals={Animal.CATTLE: True},
    )
    return hub


def municipality_contact(user, place, *, verified=True) -> MunicipalityContact:
    return MunicipalityContact.objects.create(
        municipality=place,
        user=user,
        verified_at=timezone.now() if verified else None,
        registered_at=timezone.now(),
    )
