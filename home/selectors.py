from dataclasses import dataclass

from django.db.models import Exists
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Page, TaskState

from mentornett.accounts.models import Profession, Profile
from mentornett.accounts.services import ensure_profile
from network.permissions import can_view_review_queue
from network.scheme.permissions import contact_municipalities, is_scheme_administrator
from network.scheme.selectors import office_waiting
from network.selectors import organiser_waiting, review_queue_count


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


@dataclass(frozen=True)
class Waiting:
    """A line of the admin dashboard's "Waiting for you": how many of what,
    and where to deal with them; `items` are links to single cases."""

    label: str
    url: str
    items: tuple = ()


def _office_lines(office) -> list[Waiting]:
    lines = []
    applications = reverse("wagtailsnippets_network_application:list")
    if office.submitted:
        lines.append(
            Waiting(
                ngettext(
                    "%(count)s scheme application is sent and waits for review",
                    "%(count)s scheme applications are sent and wait for review",
                    office.submitted,
                )
                % {"count": office.submitted},
                f"{applications}?status=submitted",
            )
        )
    if office.in_review:
        lines.append(
            Waiting(
                ngettext(
                    "%(count)s scheme application is in review",
                    "%(count)s scheme applications are in review",
                    office.in_review,
                )
                % {"count": office.in_review},
                f"{applications}?status=in_review",
            )
        )
    if office.claims:
        relationships = tuple(
            (
                ngettext(
                    "%(mentee)s (mentee) and %(mentor)s: %(count)s claim",
                    "%(mentee)s (mentee) and %(mentor)s: %(count)s claims",
                    entry.claims,
                )
                % {"mentee": entry.mentee_name, "mentor": entry.mentor_name, "count": entry.claims},
                reverse("scheme:office", args=[entry.application_id]),
            )
            for entry in office.claims
        )
        lines.append(
            Waiting(
                ngettext(
                    "%(count)s claim waits for approval",
                    "%(count)s claims wait for approval",
                    office.claim_count,
                )
                % {"count": office.claim_count},
                relationships[0][1],
                relationships,
            )
        )
    if office.hubs:
        lines.append(
            Waiting(
                ngettext(
                    "%(count)s MentorHub waits for approval",
                    "%(count)s MentorHubs wait for approval",
                    office.hubs,
                )
                % {"count": office.hubs},
                reverse("scheme_hubs:office_approval"),
            )
        )
    return lines


def waiting_for_you(*, user) -> list[Waiting]:
    """For the admin dashboard: per role the person has, what waits for them
    and where to deal with it. A fixed number of queries, however much waits."""
    lines = []
    pages = TaskState.objects.reviewable_by(user).count()
    if pages:
        lines.append(
            Waiting(
                ngettext(
                    "%(count)s page waits for your approval",
                    "%(count)s pages wait for your approval",
                    pages,
                )
                % {"count": pages},
                # Wagtail's own panel on the same dashboard lists them.
                "#awaiting-review-section",
            )
        )
    if is_scheme_administrator(user):
        lines.extend(_office_lines(office_waiting()))
    if can_view_review_queue(user):
        submissions = review_queue_count(user=user)
        if submissions:
            lines.append(
                Waiting(
                    ngettext(
                        "%(count)s submission from your teams waits for your review",
                        "%(count)s submissions from your teams wait for your review",
                        submissions,
                    )
                    % {"count": submissions},
                    reverse("network:review_queue"),
                )
            )
    for network in organiser_waiting(user=user):
        lines.append(
            Waiting(
                ngettext(
                    "%(network)s: %(count)s submission nobody has read yet",
                    "%(network)s: %(count)s submissions nobody has read yet",
                    network.submissions,
                )
                % {"network": network.title, "count": network.submissions},
                reverse("network:dashboard", args=[network.network_id]),
            )
        )
    return lines
