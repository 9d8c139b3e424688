"""Who may register for an event, when registration is open, who sees its
meeting link and who runs the event as an organiser."""

from django.utils.translation import gettext as _

from mentornett.accounts.permissions import has_staff_role
from mentornett.accounts.roles import StaffRole
from mentornett.accounts.selectors import participant_roles
from mentornett.formatting import short_datetime

from .errors import RegistrationError
from .models import EventAudience, EventPage


def audience_refusal(user, event) -> str | None:
    """None when the person belongs to the event's audience; otherwise why not."""
    if not user.is_authenticated or not user.is_active:
        return _("Sign in to register.")
    if event.audience == EventAudience.MENTORS and "mentor" not in participant_roles(user):
        return _("This event is for mentors. Tick “I would like to be a mentor” on your profile.")
    if event.audience == EventAudience.MENTEES and "mentee" not in participant_roles(user):
        return _("This event is for mentees.")
    if event.audience == EventAudience.NETWORK and not is_network_member(user, event.network_id):
        return _("This gathering is for the teams of its learning network.")
    return None


def is_network_member(user, network_id) -> bool:
    # Through the person's memberships (the network app's), so this app needs
    # no import from the app above it.
    return (
        network_id is not None
        and user.team_memberships.filter(team__network_id=network_id).exists()
    )


def can_manage_events(user) -> bool:
    """Check-in, participant lists, evaluation results and breakout groups."""
    return user.is_authenticated and (
        user.is_superuser
        or has_staff_role(user, StaffRole.NETWORK_ORGANISER)
        or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR)
    )


def can_see_meeting_link(registration) -> bool:
    """Only a confirmed participant ever sees the link: on the page, in e-mail
    and in their calendar."""
    return registration is not None and registration.is_confirmed


def _local(moment) -> str:
    return short_datetime(moment)


def window_refusal(event: EventPage, now) -> RegistrationError | None:
    """Why registration is not possible right now, whoever asks."""
    if not event.live:
        return RegistrationError(_("This event is not published."), code="not_live")
    if now >= event.starts_at:
        return RegistrationError(
            _("This event has already started, so registration is closed."), code="started"
        )
    if event.registration_opens_at and now < event.registration_opens_at:
        return RegistrationError(
            _("Registration opens %(when)s.") % {"when": _local(event.registration_opens_at)},
            code="not_open",
        )
    if now >= event.closes_at:
        return RegistrationError(
            _("Registration closed %(when)s.") % {"when": _local(event.closes_at)},
            code="closed",
        )
    return None
