"""What Finn mentor's pages read, each with a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Count, Exists, OuterRef, When

from courses.models import Certificate, CoursePage
from network.models import (
    HubListing,
    MenteeProfile,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    NeedStatus,
)

from ..permissions import is_scheme_administrator
from . import permissions

# --- profiles, municipality contacts and needs ---


def holds_mentor_certificate(day: date, user_field: str = "user") -> Exists:
    """For a queryset: the row's person holds a mentor course certificate
    valid on `day`. One place for the rule "listed mentors are shown only
    while certified"."""
    return Exists(
        Certificate.objects.valid_on(day).filter(
            holder=OuterRef(user_field), mandatory_for="mentor"
        )
    )


def visible_mentor_profiles(day: date):
    """Mentor profiles others may see: listed, and certified on `day`."""
    return MentorProfile.objects.filter(listed=True).filter(holds_mentor_certificate(day))


def mentor_is_visible(profile: MentorProfile, day: date) -> bool:
    """Whether the profile shows in Finn mentor: the mentor chose to be listed
    and holds a valid mentor certificate on `day`."""
    return profile.listed and visible_mentor_profiles(day).filter(pk=profile.pk).exists()


def mentor_course() -> CoursePage | None:
    """The live mandatory mentor course, for "complete the mentor course"."""
    return CoursePage.objects.live().filter(mandatory_for="mentor").first()


def mentor_profile_for(user) -> MentorProfile | None:
    return (
        MentorProfile.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("availability")
        .first()
    )


def mentee_profile_for(user) -> MenteeProfile | None:
    return (
        MenteeProfile.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("periods", "wanted_municipalities")
        .first()
    )


def counties() -> list[str]:
    return list(Municipality.objects.order_by("county").values_list("county", flat=True).distinct())


@dataclass
class Overview:
    """What the start page tells a person about their own part in Finn mentor."""

    mentor: MentorProfile | None
    mentor_visible: bool
    mentee: MenteeProfile | None
    contacts: list = field(default_factory=list)  # their MunicipalityContact rows
    hubs: list = field(default_factory=list)  # approved hubs they keep the listing of
    office: bool = False
    waiting_contacts: int = 0  # for the office: contacts to verify


def overview(user, day: date) -> Overview:
    mentor = (
        MentorProfile.objects.filter(user=user)
        .annotate(certified=holds_mentor_certificate(day))
        .select_related("municipality")
        .first()
    )
    office = is_scheme_administrator(user)
    return Overview(
        mentor=mentor,
        mentor_visible=bool(mentor and mentor.listed and mentor.certified),
        mentee=MenteeProfile.objects.filter(user=user).first(),
        contacts=list(
            MunicipalityContact.objects.filter(user=user)
            .select_related("municipality")
            .order_by("municipality__name")
        ),
        hubs=list(
            permissions.listable_hubs(user).select_related("listing").order_by("name").distinct()
        ),
        office=office,
        waiting_contacts=(
            MunicipalityContact.objects.filter(verified_at__isnull=True).count() if office else 0
        ),
    )


def hub_listing_for(hub) -> HubListing:
    """The hub's listing, or an unsaved one with the defaults (not listed)."""
    return HubListing.objects.filter(hub=hub).first() or HubListing(hub=hub)


def municipality_needs(municipality):
    """Every need of the municipality, open first, with how many answered."""
    return (
        MunicipalityNeed.objects.filter(municipality=municipality)
        .annotate(
            interest_count=Count("interests"),
            closed=Case(When(status=NeedStatus.OPEN, then=0), default=1),
        )
        .order_by("closed", "-created_at", "-pk")
    )


def open_needs():
    return (
        MunicipalityNeed.objects.filter(status=NeedStatus.OPEN)
        .select_related("municipality", "municipality__matching_profile")
        .order_by("-created_at", "-pk")
    )


def need_interests(need):
    return need.interests.select_related("user").order_by("created_at")


def unverified_contacts():
    return (
        MunicipalityContact.objects.filter(verified_at__isnull=True)
        .select_related("user", "municipality")
        .order_by("registered_at", "pk")
    )
