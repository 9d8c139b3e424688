from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mentornett.accounts.models import Profession


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
