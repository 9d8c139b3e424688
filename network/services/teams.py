"""Team membership: invitations by e-mail, accepting them, removing members and
assigning an advisor."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, current_actor, record
from mentornett.links import absolute
from mentornett.mail import Message

from ..errors import TeamError
from ..models import NetworkStaff, NetworkStaffRole, Team, TeamInvitation, TeamMembership, TeamRole
from . import invitation_links

INVITATION_SALT = "network.team-invitation"


def invitation_token(invitation: TeamInvitation) -> str:
    return invitation_links.sign(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> TeamInvitation:
    pk = invitation_links.unsign(
        token,
        salt=INVITATION_SALT,
        error_class=TeamError,
        expired_message=_(
            "The invitation has expired. Ask the team coordinator to send a new one."
        ),
    )
    invitation = TeamInvitation.objects.select_related("team__municipality").filter(pk=pk).first()
    if invitation is None or invitation.revoked_at is not None:
        raise TeamError(
            _("The invitation has been withdrawn. Ask the team coordinator if you should join."),
            code="revoked",
        )
    return invitation


@transaction.atomic
def invite_member(*, team: Team, email: str, role: str, invited_by) -> TeamInvitation:
    """Invite a person by e-mail. Inviting the same address again sends the
    invitation again (with the new role), it does not make a second one."""
    email = email.strip().lower()
    if TeamMembership.objects.filter(team=team, person__email__iexact=email).exists():
        raise TeamError(_("%(email)s is already on the team.") % {"email": email}, code="member")
    invitation = (
        TeamInvitation.objects.select_for_update()
        .filter(team=team, email=email, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    now = timezone.now()
    if invitation is None:
        try:
            with transaction.atomic():
                invitation = TeamInvitation.objects.create(
                    team=team, email=email, role=role, invited_by=invited_by, sent_at=now
                )
        except IntegrityError:
            # Another request invited the same address a moment ago.
            invitation = TeamInvitation.objects.get(
                team=team, email=email, accepted_at__isnull=True, revoked_at__isnull=True
            )
    invitation.role = role
    invitation.invited_by = invited_by
    invitation.sent_at = now
    invitation.save(update_fields=["role", "invited_by", "sent_at"])
    _send_invitation(invitation)
    return invitation


def _send_invitation(invitation: TeamInvitation) -> None:
    team = invitation.team
    inviter = invitation.invited_by
    url = absolute(reverse("network:invitation", args=[invitation_token(invitation)]))

    def compose():
        return Message(
            subject=_("Invitation to the team of %(team)s") % {"team": team},
            paragraphs=[
                _(
                    "%(inviter)s invites you to join the team of %(team)s in the learning "
                    "network “%(network)s”, as %(role)s."
                )
                % {
                    "inviter": inviter.display_name if inviter else _("The team coordinator"),
                    "team": team,
                    "network": team.network.title,
                    "role": TeamRole(invitation.role).label,
                },
            ],
            action=(_("Accept the invitation"), url),
        )

    invitation_links.send_invitation(email=invitation.email, compose=compose)


@transaction.atomic
def accept_invitation(*, invitation: TeamInvitation, user) -> TeamMembership:
    invitation = TeamInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.revoked_at is not None:
        raise TeamError(_("The invitation has been withdrawn."), code="revoked")
    if not invitation_links.owns_address(user, invitation.email):
        raise TeamError(
            _(
                "The invitation was sent to another e-mail address. Sign in with the address "
                "the invitation was sent to, or ask the coordinator to invite %(email)s."
            )
            % {"email": user.email},
            code="address",
        )
    membership, created = TeamMembership.objects.get_or_create(
        team_id=invitation.team_id, person=user, defaults={"role": invitation.role}
    )
    if created:
        _audit(AuditAction.TEAM_MEMBER_ADDED, membership, user, [None, membership.role])
    if invitation.accepted_at is None:
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def revoke_invitation(*, invitation: TeamInvitation) -> None:
    TeamInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def remove_member(*, membership: TeamMembership) -> None:
    """Remove a person from the team. What they wrote stays with the team,
    under their name. The team always keeps a coordinator."""
    Team.objects.select_for_update().get(pk=membership.team_id)
    if membership.role == TeamRole.COORDINATOR and not (
        TeamMembership.objects.filter(team_id=membership.team_id, role=TeamRole.COORDINATOR)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise TeamError(
            _(
                "The team needs a coordinator. Make another member coordinator before you "
                "remove this one."
            ),
            code="last_coordinator",
        )
    _audit(AuditAction.TEAM_MEMBER_REMOVED, membership, current_actor(), [membership.role, None])
    membership.delete()


@transaction.atomic
def assign_advisor(*, team: Team, advisor) -> Team:
    if (
        advisor is not None
        and not NetworkStaff.objects.filter(
            network_id=team.network_id, person=advisor, role=NetworkStaffRole.ADVISOR
        ).exists()
    ):
        raise TeamError(
            _("Choose one of the network's advisors. Add advisors on the network page."),
            code="not_advisor",
        )
    previous = Team.objects.filter(pk=team.pk).values_list("advisor_id", flat=True).first()
    Team.objects.filter(pk=team.pk).update(advisor=advisor)
    team.advisor = advisor
    record(
        AuditAction.TEAM_ADVISOR_ASSIGNED,
        actor=current_actor(),
        target=team,
        subject=advisor,
        label=str(team),
        changes={"advisor": [previous, advisor]},
    )
    return team


def _audit(action, membership: TeamMembership, actor, roles) -> None:
    record(
        action,
        actor=actor,
        target=membership,
        subject=membership.person_id,
        label=str(membership.team),
        changes={"role": roles},
    )
