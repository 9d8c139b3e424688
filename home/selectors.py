from dataclasses import dataclass

from django.db.models import Exists
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from mentornett.accounts.models import Profession, Profile
from mentornett.accounts.services import ensure_profile
from network.scheme.permissions import contact_municipalities


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    url: str


def profile_checklist(*, user, profile) -> list[ChecklistItem]:
    """What a participant should fill in so the programme office can help them."""
    profile_url = reverse("accounts:profile")
    items = [
        ChecklistItem(_("Write your full name"), bool(user.full_name), profile_url),
        ChecklistItem(_("Add a mobile phone number"), bool(user.phone), profile_url),
        ChecklistItem(_("Choose your profession"), bool(profile.profession), profile_url),
        ChecklistItem(
            _("Choose your home municipality"),
            profile.home_municipality_id is not None,
            profile_url,
        ),
    ]
    if profile.profession == Profession.VET_STUDENT:
        items.append(
            ChecklistItem(_("Write where you study"), bool(profile.study_place), profile_url)
        )
    return items


def dashboard_profile(*, user) -> Profile:
    """The person's profile for "Min side", made on the first visit, with its
    home municipality and `is_municipality_contact`, in one query."""
    profile = (
        Profile.objects.filter(user=user)
        .select_related("home_municipality")
        .annotate(is_municipality_contact=Exists(contact_municipalities(user)))
        .first()
    )
    if profile is None:
        profile = ensure_profile(user=user)
        profile.is_municipality_contact = contact_municipalities(user).exists()
    return profile


def live_pages_of_type(*models) -> dict:
    """{model: its first live page} for section pages there is one of (the
    course catalogue, the event list), in one query."""
    found = {}
    for page in Page.objects.live().type(*models).order_by("path"):
        found.setdefault(page.specific_class, page)
    return found
