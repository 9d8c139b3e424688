"""Keeping Finn mentor's listings true. Every CONFIRM_EVERY (six months) a
listed mentor, and a mentee whose search is still open, is asked by e-mail
whether they are still available; a listing not confirmed within
CONFIRM_WITHIN (30 days) of the question is hidden, and its owner is told.

The e-mail carries a one-click link: a signed token, no sign-in. Most people
read the e-mail on a phone, where they are seldom signed in, and a sign-in
there is the step that makes people leave it. The token only confirms that
one listing for that one question, and stops working when the listing is
confirmed or hidden. The link opens a page with one button, so a mail
program's link scanner cannot confirm a listing by looking at it.

Each listing is changed under its own row lock and checked again inside it,
so the daily task asks and hides each person once, even when it runs twice
or two runs overlap."""

from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.formatting import long_date
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from network.models import CONFIRM_EVERY, CONFIRM_WITHIN, MenteeProfile, MentorProfile

from ..errors import ConfirmationError

SALT = "network.finn-confirm-listing"
# The listing is hidden CONFIRM_WITHIN after the question, and the token then
# no longer matches; the age limit is a second lock on old links.
TOKEN_MAX_AGE = CONFIRM_WITHIN * 2

MENTOR, MENTEE = "mentor", "mentee"
MODELS = {MENTOR: MentorProfile, MENTEE: MenteeProfile}


def kind_of(profile) -> str:
    return MENTOR if isinstance(profile, MentorProfile) else MENTEE


def _listed(kind: str):
    """The listings the question is for: a mentee's only while the search is open."""
    listed = MODELS[kind].objects.filter(listed=True, user__is_active=True)
    return listed.filter(matched_at__isnull=True) if kind == MENTEE else listed


def _last_confirmed(profile) -> datetime | None:
    return profile.confirmed_at or profile.listed_at or profile.created_at


def _due_for_question(profile, now) -> bool:
    last = _last_confirmed(profile)
    asked = profile.confirmation_requested_at
    return last is not None and last < now - CONFIRM_EVERY and (asked is None or asked < last)


def _due_for_hiding(profile, now) -> bool:
    asked = profile.confirmation_requested_at
    return (
        asked is not None
        and asked <= now - CONFIRM_WITHIN
        and (profile.confirmed_at is None or profile.confirmed_at < asked)
    )


def token_for(profile) -> str:
    asked = profile.confirmation_requested_at
    return signing.dumps(
        {"k": kind_of(profile), "p": profile.pk, "a": asked.isoformat() if asked else None},
        salt=SALT,
        compress=True,
    )


@dataclass(frozen=True)
class Confirmation:
    kind: str
    profile_id: int
    asked: str | None


def read_token(token: str) -> Confirmation:
    try:
        data = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ConfirmationError(_expired_message(), code="expired") from error
    except signing.BadSignature as error:
        raise ConfirmationError(
            _("The link is not valid. Check that you copied all of it."), code="invalid"
        ) from error
    if not isinstance(data, dict) or data.get("k") not in MODELS:
        raise ConfirmationError(
            _("The link is not valid. Check that you copied all of it."), code="invalid"
        )
    return Confirmation(data["k"], data["p"], data.get("a"))


def _expired_message() -> str:
    return _(
        "The link has expired. If your listing was hidden, you can show it again on your "
        "profile in Finn mentor."
    )


def listing_for(confirmation: Confirmation):
    profile = MODELS[confirmation.kind].objects.filter(pk=confirmation.profile_id).first()
    if profile is None:
        raise ConfirmationError(_expired_message(), code="expired")
    return profile


@transaction.atomic
def confirm_listing(*, profile, asked: str | None = None):
    """The person is still available: the listing stays, and is asked again
    in six months. With `asked` (from a link), only the question the link
    was sent for is confirmed; a second click is harmless."""
    profile = type(profile).objects.select_for_update().get(pk=profile.pk)
    current = profile.confirmation_requested_at
    if asked is not None:
        asked_at = datetime.fromisoformat(asked)
        confirmed = profile.confirmed_at
        if current is None and profile.listed and confirmed and confirmed >= asked_at:
            return profile  # confirmed already, by this link or on the profile
        if current != asked_at:
            raise ConfirmationError(_expired_message(), code="expired")
    if not profile.listed:
        raise ConfirmationError(_expired_message(), code="expired")
    profile.confirmed_at = timezone.now()
    profile.confirmation_requested_at = None
    profile.save(update_fields=["confirmed_at", "confirmation_requested_at", "updated_at"])
    return profile


@dataclass(frozen=True)
class FreshnessRun:
    asked: int
    hidden: int


def keep_listings_fresh(*, now=None) -> FreshnessRun:
    now = now or timezone.now()
    asked = hidden = 0
    for kind in MODELS:
        for pk in _candidates_to_hide(kind, now):
            hidden += _hide(kind, pk, now)
        for pk in _candidates_to_ask(kind, now):
            asked += _ask(kind, pk, now)
    return FreshnessRun(asked=asked, hidden=hidden)


def _candidates_to_ask(kind, now) -> list[int]:
    last = Coalesce("confirmed_at", "listed_at", "created_at")
    return list(
        _listed(kind)
        .alias(last=last)
        .filter(last__lt=now - CONFIRM_EVERY)
        .filter(Q(confirmation_requested_at__isnull=True) | Q(confirmation_requested_at__lt=last))
        .values_list("pk", flat=True)
    )


def _candidates_to_hide(kind, now) -> list[int]:
    return list(
        _listed(kind)
        .filter(confirmation_requested_at__lte=now - CONFIRM_WITHIN)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def _ask(kind, pk, now) -> int:
    profile = (
        _listed(kind).select_for_update(of=("self",)).select_related("user").filter(pk=pk).first()
    )
    if profile is None or not _due_for_question(profile, now):
        return 0  # another run asked first, or the person confirmed meanwhile
    profile.confirmation_requested_at = now
    profile.save(update_fields=["confirmation_requested_at", "updated_at"])
    url = absolute(reverse("finn:confirm", args=[token_for(profile)]))
    hide_by = timezone.localtime(now + CONFIRM_WITHIN).date()

    def compose():
        listed_as = (
            _("You are listed in Finn mentor as a mentor.")
            if kind == MENTOR
            else _("Your search for a placement or mentor is published in Finn mentor.")
        )
        return Message(
            subject=_("Are you still available?"),
            paragraphs=[
                listed_as,
                _(
                    "We ask every six months, so that what others find is true. If you are "
                    "still available, confirm it with the button below by %(date)s. If we do "
                    "not hear from you, the listing is hidden then; you can show it again "
                    "whenever you like."
                )
                % {"date": long_date(hide_by)},
            ],
            action=(_("Yes, I am still available"), url),
        )

    send_to_person(profile.user, compose)
    return 1


@transaction.atomic
def _hide(kind, pk, now) -> int:
    profile = (
        _listed(kind).select_for_update(of=("self",)).select_related("user").filter(pk=pk).first()
    )
    if profile is None or not _due_for_hiding(profile, now):
        return 0  # another run hid it first, or the person confirmed meanwhile
    profile.listed = False
    # Cleared, so that listing again starts a new six months.
    profile.confirmation_requested_at = None
    profile.save(update_fields=["listed", "confirmation_requested_at", "updated_at"])
    # Hidden by the system (no actor), for want of a confirmation.
    record(
        AuditAction.FINN_HIDDEN,
        actor=None,
        target=profile,
        subject=profile.user,
        changes={"listed": [True, False]},
        note="not confirmed",
    )
    url = absolute(_profile_path())

    def compose():
        return Message(
            subject=_("Your listing in Finn mentor is hidden"),
            paragraphs=[
                _(
                    "We asked a month ago whether you are still available and did not hear "
                    "from you, so your listing in Finn mentor is now hidden. Nothing else is "
                    "changed: your profile is kept, and you can show it again at any time."
                )
            ],
            action=(_("Open Finn mentor"), url),
        )

    send_to_person(profile.user, compose)
    return 1


def _profile_path() -> str:
    """Finn mentor's start page, where the profile is; Min side until it exists."""
    try:
        return reverse("finn:start")
    except NoReverseMatch:
        return reverse("home:dashboard")


ASKING, CONFIRMED, EXPIRED = "asking", "confirmed", "expired"


def link_state(confirmation: Confirmation, profile) -> str:
    """What the link's page offers: the button (ASKING), a thank-you
    (CONFIRMED, the question is answered) or the way to list again (EXPIRED)."""
    if not profile.listed:
        return EXPIRED
    current = profile.confirmation_requested_at
    if confirmation.asked is None:
        return ASKING
    asked = datetime.fromisoformat(confirmation.asked)
    if current == asked:
        return ASKING
    if current is None and profile.confirmed_at and profile.confirmed_at >= asked:
        return CONFIRMED
    return EXPIRED
