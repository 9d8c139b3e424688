"""Who may see and do what in a learning network. Team members see their own
team; advisors the teams assigned to them; organisers every team of the
networks they organise; superusers everything. Everyone else gets 404, so
that whether a team or report exists is never revealed.

Organisers and advisors are named on the network page (NetworkStaff). The
staff groups give access to the admin; the network page gives the scope."""

from django.db.models import Q

from .models import NetworkStaff, NetworkStaffRole, Team, TeamMembership, TeamRole


def _signed_in(user) -> bool:
    return user.is_authenticated and user.is_active


def organised_network_ids(user) -> set[int]:
    if not _signed_in(user):
        return set()
    return set(
        NetworkStaff.objects.filter(person=user, role=NetworkStaffRole.ORGANISER).values_list(
            "network_id", flat=True
        )
    )


def is_organiser(user, network_id) -> bool:
    if not _signed_in(user):
        return False
    return user.is_superuser or (
        NetworkStaff.objects.filter(
            person=user, network_id=network_id, role=NetworkStaffRole.ORGANISER
        ).exists()
    )


def is_network_staff(user, network_id) -> bool:
    """Organisers and advisors named on the network."""
    if not _signed_in(user):
        return False
    return (
        user.is_superuser
        or NetworkStaff.objects.filter(person=user, network_id=network_id).exists()
    )


def membership(user, team) -> TeamMembership | None:
    if not _signed_in(user):
        return None
    # A page asks several of the checks below about one team: one query, kept
    # on the team object (which lives for one request).
    found = team.__dict__.setdefault("_membership_of", {})
    if user.pk not in found:
        found[user.pk] = TeamMembership.objects.filter(team=team, person=user).first()
    return found[user.pk]


def is_member(user, team) -> bool:
    return membership(user, team) is not None


def is_coordinator(user, team) -> bool:
    found = membership(user, team)
    return found is not None and found.role == TeamRole.COORDINATOR


def is_advisor(user, team) -> bool:
    return _signed_in(user) and team.advisor_id == user.pk


def can_view_team(user, team) -> bool:
    return is_member(user, team) or is_advisor(user, team) or is_organiser(user, team.network_id)


def can_manage_members(user, team) -> bool:
    """Invite and remove members."""
    return is_coordinator(user, team) or is_organiser(user, team.network_id)


def can_edit_team_work(user, team) -> bool:
    """Draft and submit home tasks, record measurements."""
    return is_member(user, team)


def can_review(user, team) -> bool:
    """Return a submission, mark it read, give progress scores."""
    return is_advisor(user, team) or is_organiser(user, team.network_id)


def can_view_review_queue(user) -> bool:
    """The advisor's list of work waiting for review, across their teams: for
    the advisor of a team, or a person named advisor on a network (who sees it
    empty until a team is assigned)."""
    if not _signed_in(user):
        return False
    return (
        Team.objects.filter(advisor=user).exists()
        or NetworkStaff.objects.filter(person=user, role=NetworkStaffRole.ADVISOR).exists()
    )


def can_sign_as_leader(user, team) -> bool:
    found = membership(user, team)
    return found is not None and found.role == TeamRole.LEADER


def can_see_shared(user, network_id) -> bool:
    """The poster walk: every team member, advisor and organiser of the network."""
    return is_network_staff(user, network_id) or (
        _signed_in(user)
        and TeamMembership.objects.filter(person=user, team__network_id=network_id).exists()
    )


def can_view_members_content(user, network) -> bool:
    return can_see_shared(user, network.pk)


def visible_teams(user, network=None):
    """The teams this person may open."""
    teams = Team.objects.all()
    if network is not None:
        teams = teams.filter(network=network)
    if not _signed_in(user):
        return teams.none()
    if user.is_superuser:
        return teams
    return teams.filter(
        Q(memberships__person=user)
        | Q(advisor=user)
        | Q(network__staff__person=user, network__staff__role=NetworkStaffRole.ORGANISER)
    ).distinct()


def can_register_team(user, team) -> bool:
    """A team's coordinator registers its members for gatherings and webinars."""
    return (
        user.is_authenticated
        and TeamMembership.objects.filter(
            team=team, person=user, role=TeamRole.COORDINATOR
        ).exists()
    )
