"""Who may register for an event, see its meeting link, register a team and
run the event as an organiser."""

from django.utils.translation import gettext as _

from courses.selectors import participant_roles
from mentornett.accounts.permissions import has_staff_role
from mentornett.accounts.roles import StaffRole
from network.models import TeamMembership, TeamRole

from .models import EventAudience


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
    return (
        network_id is not None
        and TeamMembership.objects.filter(person=user, team__network_id=network_id).exists()
    )


def can_manage_events(user) -> bool:
    """Check-in, participant lists, evaluation results and breakout groups."""
    return user.is_authenticated and (
        user.is_superuser
        or has_staff_role(user, StaffRole.NETWORK_ORGANISER)
        or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR)
    )


def can_register_team(user, team) -> bool:
    return (
        user.is_authenticated
        and TeamMembership.objects.filter(
            team=team, person=user, role=TeamRole.COORDINATOR
        ).exists()
    )


def can_see_meeting_link(registration) -> bool:
    """Only a confirmed participant ever sees the link: on the page, in e-mail
    and in their calendar."""
    return registration is not None and registration.is_confirmed
