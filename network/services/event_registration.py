"""A team's coordinator registers several members for an event at once,
through the events app's own registration service (places, waitlist, audit)."""

from django.utils.translation import gettext as _

from events.errors import RegistrationError
from events.models import EventPage
from events.services import register

from ..models import TeamMembership
from ..permissions import can_register_team


def register_team_members(*, coordinator, team, event: EventPage, people, now=None):
    """A coordinator registers several members of their team in one go.
    Returns [(person, registration or RegistrationError)]."""
    if not can_register_team(coordinator, team):
        raise RegistrationError(
            _("Only the team's coordinator can do this."), code="not_coordinator"
        )
    member_ids = set(TeamMembership.objects.filter(team=team).values_list("person_id", flat=True))
    results = []
    for person in people:
        if person.pk not in member_ids:
            results.append(
                (person, RegistrationError(_("Not a member of the team."), code="not_member"))
            )
            continue
        try:
            results.append(
                (
                    person,
                    register(person=person, event=event, registered_by=coordinator, now=now),
                )
            )
        except RegistrationError as error:
            results.append((person, error))
    return results
