"""Who may see and do what with scheme applications. The mentor and the mentee
see their own applications; scheme administrators see all. Anyone else gets
404, so that whether an application exists is never revealed."""

from django.db.models import Q

from mentornett.accounts.models import Profession, Profile
from mentornett.accounts.permissions import has_staff_role
from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    ApplicationStatus,
    HubMentor,
    HubStatus,
    MentorHub,
    Municipality,
    SchemeRole,
)

# The professions the veterinary scheme is for. Someone who has not said may
# be one; a nurse never applies (the health side is another programme).
SCHEME_PROFESSIONS = frozenset({"", Profession.VETERINARIAN, Profession.VET_STUDENT})


def is_scheme_administrator(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR)
    )


def is_party(user, application) -> bool:
    return user.is_authenticated and application.role_of(user) is not None


def can_view_application(user, application) -> bool:
    return is_party(user, application) or is_scheme_administrator(user)


def can_view_claim(user, claim) -> bool:
    """A claim and its receipt are the mentee's own (housing support is
    means-tested): the mentee and the office see them, not the mentor."""
    return (
        user.is_authenticated and user.pk == claim.application.mentee_id
    ) or is_scheme_administrator(user)


def my_applications(user):
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(Q(mentor=user) | Q(mentee=user))


def may_apply_with(user, certificate) -> bool:
    """Whether a course certificate lets its holder apply to the scheme: it is
    theirs, valid, of the mandatory course for mentors or for mentees, and
    their profession is one the scheme is for. The application itself checks
    the partner's certificate and the rest when it is sent."""
    if not user.is_authenticated or certificate is None or certificate.holder_id != user.pk:
        return False
    if certificate.mandatory_for not in SchemeRole.values or certificate.status != "valid":
        return False
    profession = Profile.objects.filter(user=user).values_list("profession", flat=True).first()
    return (profession or "") in SCHEME_PROFESSIONS


# --- MentorHubs and equipment lending ------------------------------------------------
# A hub is seen by its mentors and by scheme administrators; only its contact
# persons change its mentors and students. Equipment sets are booked by the
# parties of a granted or active application, by mentors of an approved hub
# and by scheme administrators; a booking is cancelled by its booker or an
# administrator. Anyone else gets 404 for another person's hub or booking.


def is_hub_mentor(user, hub) -> bool:
    return user.is_authenticated and hub.mentors.filter(user=user).exists()


def is_hub_contact(user, hub) -> bool:
    return user.is_authenticated and hub.mentors.filter(user=user, is_contact=True).exists()


def can_view_hub(user, hub) -> bool:
    return is_hub_mentor(user, hub) or is_scheme_administrator(user)


def my_hubs(user):
    if not user.is_authenticated:
        return MentorHub.objects.none()
    return MentorHub.objects.filter(mentors__user=user)


def can_book_equipment(user) -> bool:
    if not user.is_authenticated:
        return False
    if is_scheme_administrator(user):
        return True
    in_relationship = my_applications(user).filter(
        status__in=[ApplicationStatus.GRANTED, ApplicationStatus.ACTIVE]
    )
    return (
        in_relationship.exists()
        or HubMentor.objects.filter(user=user, hub__status=HubStatus.APPROVED).exists()
    )


def can_cancel_booking(user, booking) -> bool:
    return user.is_authenticated and (
        booking.booked_by_id == user.pk or is_scheme_administrator(user)
    )


# --- Reports and municipality summaries ---------------------------------------------------


def can_view_scheme_reports(user) -> bool:
    """The dashboard and the grant authority's CSV: the programme office."""
    return is_scheme_administrator(user)


def contact_municipalities(user):
    """The municipalities whose read-only summary `user` may see, as their
    verified municipality contact; none for anyone else (scheme administrators
    too). A contact who registered themselves acts for the municipality only
    once the programme office has verified them."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(
        scheme_contacts__user=user, scheme_contacts__verified_at__isnull=False
    ).distinct()
