"""What the learning networks and the mentor scheme hold about a person (see
mentornett.accounts.personal_data). The scheme's part lives in
network/scheme/personal_data.py and is exported in this section, as before."""

from django.db.models import Q
from django.utils.translation import gettext as _

from mentornett.accounts.personal_data import (
    DELETED_EMAIL_DOMAIN,
    DELETED_NAME,
    email_addresses,
    matching_addresses,
    safe_file_name,
)
from mentornett.audit.services import AuditAction, record

from .models import (
    CollaborationAgreement,
    NetworkStaff,
    SubmissionComment,
    SubmissionVersion,
    Team,
    TeamInvitation,
    TeamMembership,
)
from .scheme import personal_data as scheme


def export(user) -> dict:
    addresses = email_addresses(user)
    return {
        "team_memberships": list(
            TeamMembership.objects.filter(person=user)
            .order_by("pk")
            .values("team__network__title", "team__municipality__name", "team__name", "role")
        ),
        "team_invitations": list(
            TeamInvitation.objects.filter(matching_addresses("email", addresses))
            .order_by("pk")
            .values(
                "email",
                "team__network__title",
                "team__municipality__name",
                "role",
                "created_at",
                "sent_at",
                "accepted_at",
                "revoked_at",
            )
        ),
        "home_task_versions_sent": list(
            SubmissionVersion.objects.filter(submitted_by=user)
            .order_by("submitted_at", "pk")
            .values(
                "submission__task__title",
                "submission__team__municipality__name",
                "number",
                "content",
                "file_name",
                "submitted_by_name",
                "submitted_at",
                "is_late",
            )
        ),
        "home_task_comments": list(
            SubmissionComment.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values(
                "submission__task__title",
                "submission__team__municipality__name",
                "visibility",
                "author_name",
                "body",
                "created_at",
            )
        ),
        "agreements_signed": list(
            CollaborationAgreement.objects.filter(
                Q(leader_user=user) | Q(coordinator_user=user) | Q(scan_uploaded_by=user)
            )
            .order_by("pk")
            .values(
                "team__municipality__name",
                "leader_user",
                "leader_name",
                "leader_title",
                "leader_signed_at",
                "leader_ip",
                "coordinator_user",
                "coordinator_name",
                "coordinator_signed_at",
                "coordinator_ip",
                "scan_uploaded_by",
                "scan_uploaded_at",
            )
        ),
        **scheme.export(user, addresses),
    }


def files(user):
    yield from scheme.files(user)
    for agreement in CollaborationAgreement.objects.filter(scan_uploaded_by=user).exclude(scan=""):
        yield f"samarbeidsavtale-{agreement.pk}", agreement.scan
    for version in (
        SubmissionVersion.objects.filter(submitted_by=user).exclude(file="").order_by("pk")
    ):
        yield f"hjemmeoppgave-{version.pk}-{safe_file_name(version.file_name, 'fil')}", version.file


def blocks_erasure(user) -> str | None:
    staff = NetworkStaff.objects.filter(person=user)
    if staff.exists() or Team.objects.filter(advisor=user).exists():
        return _(
            "You organise or advise a learning network. Ask an administrator to hand over "
            "your role and delete the account."
        )
    return None


def erase(user) -> None:
    addresses = email_addresses(user)
    gone = f"slettet-{user.pk}@{DELETED_EMAIL_DOMAIN}"
    scheme.erase(user, addresses=addresses, gone=gone)
    TeamInvitation.objects.filter(
        matching_addresses("email", addresses), accepted_at__isnull=True, revoked_at__isnull=True
    ).delete()
    TeamInvitation.objects.filter(matching_addresses("email", addresses)).update(email=gone)
    # Roles end; what the person wrote for the team stays with the team.
    memberships = TeamMembership.objects.filter(person=user).select_related("team__municipality")
    for membership in memberships:
        record(
            AuditAction.TEAM_MEMBER_REMOVED,
            actor=user,
            target=membership,
            subject=user,
            label=str(membership.team),
            changes={"role": [membership.role, None]},
            note="account deleted",
        )
    memberships.delete()
    SubmissionVersion.objects.filter(submitted_by=user).update(submitted_by_name=DELETED_NAME)
    SubmissionComment.objects.filter(author=user).update(author_name=DELETED_NAME)
