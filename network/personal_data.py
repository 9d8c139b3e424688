"""What the learning networks and the mentor scheme hold about a person (see
mentornett.accounts.personal_data).

Erasure keeps what the scheme must keep as its record: decided applications
(the contract), claims with receipts and payouts (bookkeeping records, kept five
years under bokføringsloven), the mentor's report the payout rests on, and the
hubs' student-weeks a hub payout is counted from. They stay linked to the
anonymised account, so they show "Slettet bruker" instead of the name."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.accounts.personal_data import DELETED_EMAIL_DOMAIN, DELETED_NAME
from mentornett.audit.services import AuditAction, record

from .models import (
    Application,
    ApplicationEvent,
    ApplicationInvitation,
    ApplicationStatus,
    Claim,
    CollaborationAgreement,
    EquipmentBooking,
    Evaluation,
    HubMentor,
    HubStudentWeek,
    MentorHub,
    MentorReport,
    MunicipalityContact,
    NetworkStaff,
    Payout,
    SubmissionComment,
    SubmissionVersion,
    Team,
    TeamInvitation,
    TeamMembership,
)
from .services.applications import withdraw_application

S = ApplicationStatus
UNDECIDED = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED)


def _addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()}
    addresses.update(
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return sorted(addresses)


def _to_addresses(field: str, addresses: list[str]) -> Q:
    condition = Q()
    for address in addresses:
        condition |= Q(**{f"{field}__iexact": address})
    return condition


def _party(user) -> Q:
    return Q(mentor=user) | Q(mentee=user)


def export(user) -> dict:
    addresses = _addresses(user)
    return {
        "team_memberships": list(
            TeamMembership.objects.filter(person=user)
            .order_by("pk")
            .values("team__network__title", "team__municipality__name", "team__name", "role")
        ),
        "team_invitations": list(
            TeamInvitation.objects.filter(_to_addresses("email", addresses))
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
        **_scheme_export(user, addresses),
    }


def _scheme_export(user, addresses) -> dict:
    applications = list(
        Application.objects.filter(_party(user))
        .order_by("created_at", "pk")
        .values(
            "id",
            "kind",
            "status",
            "mentor",
            "mentee",
            "mentor__full_name",
            "mentee__full_name",
            "starts_on",
            "ends_on",
            "municipality__name",
            "employer",
            "contract_name",
            "backup_plan",
            "reverse_ride_along_from",
            "reverse_ride_along_to",
            "insurance_confirmed",
            "planned_use",
            "mentor_declarations",
            "mentee_goals",
            "created_at",
            "submitted_at",
            "mentor_accepted_at",
            "mentee_accepted_at",
            "startup_conversation_on",
            "startup_conversation_notes",
        )
    )
    for application in applications:
        application["role"] = "mentor" if application.pop("mentor") == user.pk else "mentee"
        application.pop("mentee")
    payouts = []
    for row in (
        Payout.objects.filter(Q(application__mentor=user) | Q(application__mentee=user))
        .order_by("recorded_at", "pk")
        .values(
            "application_id", "application__mentor", "mentor_fee", "mentee_amount", "recorded_at"
        )
    ):
        as_mentor = row["application__mentor"] == user.pk
        payouts.append(
            {
                "application": row["application_id"],
                "to_you_as": "mentor" if as_mentor else "mentee",
                "amount_nok": row["mentor_fee"] if as_mentor else row["mentee_amount"],
                "recorded_at": row["recorded_at"],
            }
        )
    return {
        "applications": applications,
        "application_history": list(
            ApplicationEvent.objects.filter(
                Q(application__mentor=user) | Q(application__mentee=user)
            )
            .order_by("application_id", "at", "pk")
            .values("application_id", "from_status", "to_status", "actor_name", "at", "note")
        ),
        "application_invitations": list(
            ApplicationInvitation.objects.filter(_to_addresses("email", addresses))
            .order_by("pk")
            .values("application_id", "email", "role", "sent_at", "accepted_at")
        ),
        "claims": list(
            Claim.objects.filter(claimant=user)
            .order_by("created_at", "pk")
            .values(
                "application_id",
                "category",
                "course",
                "description",
                "amount",
                "spent_on",
                "receipt_name",
                "job_starts_on",
                "employment_weeks",
                "employment_document_name",
                "status",
                "approved_amount",
                "decided_at",
                "decision_note",
                "created_at",
            )
        ),
        "evaluations": list(
            Evaluation.objects.filter(author=user)
            .order_by("pk")
            .values(
                "application_id",
                "role",
                "satisfaction",
                "collaboration",
                "expectations_clarified",
                "went_well",
                "could_be_better",
                "submitted_at",
            )
        ),
        "mentor_reports": list(
            MentorReport.objects.filter(author=user)
            .order_by("pk")
            .values(
                "application_id",
                "summary",
                "mentee_progress",
                "backup_duty_as_planned",
                "ended_as_planned",
                "ended_early_reason",
                "submitted_at",
            )
        ),
        "payouts": payouts,
        "municipality_contact_for": list(
            MunicipalityContact.objects.filter(user=user)
            .order_by("pk")
            .values_list("municipality__name", flat=True)
        ),
        "hubs_registered": list(
            MentorHub.objects.filter(registered_by=user)
            .order_by("pk")
            .values("name", "organisation_number", "status", "created_at")
        ),
        "hub_memberships": list(
            HubMentor.objects.filter(user=user)
            .order_by("pk")
            .values("hub__name", "is_contact", "added_at")
        ),
        "hub_weeks_as_mentor": list(
            HubStudentWeek.objects.filter(mentor=user)
            .order_by("week_starts_on", "pk")
            .values("hub__name", "week_starts_on")
        ),
        "hub_weeks_as_student": list(
            HubStudentWeek.objects.filter(_to_addresses("student_email", addresses))
            .order_by("week_starts_on", "pk")
            .values("hub__name", "student_name", "student_email", "week_starts_on")
        ),
        "equipment_bookings": list(
            EquipmentBooking.objects.filter(booked_by=user)
            .order_by("starts_on", "pk")
            .values(
                "equipment__name", "starts_on", "ends_on", "purpose", "created_at", "cancelled_at"
            )
        ),
    }


def files(user):
    for claim in Claim.objects.filter(claimant=user).order_by("pk"):
        if claim.receipt:
            yield f"krav-{claim.pk}-{_name(claim.receipt_name, 'kvittering')}", claim.receipt
        if claim.employment_document:
            name = _name(claim.employment_document_name, "arbeidsforhold")
            yield f"krav-{claim.pk}-{name}", claim.employment_document
    for application in Application.objects.filter(_party(user)).order_by("pk"):
        if application.contract:
            name = _name(application.contract_name, "kontrakt")
            yield f"soknad-{application.pk}-{name}", application.contract
        if application.decision_letter:
            yield f"soknad-{application.pk}-vedtak", application.decision_letter
    for agreement in CollaborationAgreement.objects.filter(scan_uploaded_by=user).exclude(scan=""):
        yield f"samarbeidsavtale-{agreement.pk}", agreement.scan
    for version in (
        SubmissionVersion.objects.filter(submitted_by=user).exclude(file="").order_by("pk")
    ):
        yield f"hjemmeoppgave-{version.pk}-{_name(version.file_name, 'fil')}", version.file


def _name(name: str, default: str) -> str:
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name or default


def blocks_erasure(user) -> str | None:
    staff = NetworkStaff.objects.filter(person=user)
    if staff.exists() or Team.objects.filter(advisor=user).exists():
        return _(
            "You organise or advise a learning network. Ask an administrator to hand over "
            "your role and delete the account."
        )
    return None


def erase(user) -> None:
    addresses = _addresses(user)
    gone = f"slettet-{user.pk}@{DELETED_EMAIL_DOMAIN}"
    note = _("Withdrawn because the applicant deleted their account.")
    for application in Application.objects.filter(_party(user), status__in=UNDECIDED):
        withdraw_application(application=application, user=user, note=note)
    # The history is append-only; replacing a name (not what happened) is the
    # one change erasure makes to it, by update() rather than save().
    ApplicationEvent.objects.filter(actor=user).update(actor_name=DELETED_NAME)
    ApplicationInvitation.objects.filter(
        _to_addresses("email", addresses), accepted_at__isnull=True
    ).delete()
    ApplicationInvitation.objects.filter(_to_addresses("email", addresses)).update(email=gone)
    TeamInvitation.objects.filter(
        _to_addresses("email", addresses), accepted_at__isnull=True, revoked_at__isnull=True
    ).delete()
    TeamInvitation.objects.filter(_to_addresses("email", addresses)).update(email=gone)
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
    HubMentor.objects.filter(user=user).delete()
    MunicipalityContact.objects.filter(user=user).delete()
    SubmissionVersion.objects.filter(submitted_by=user).update(submitted_by_name=DELETED_NAME)
    SubmissionComment.objects.filter(author=user).update(author_name=DELETED_NAME)
    # Scores stay for the scheme's averages; the person's own words go.
    Evaluation.objects.filter(author=user).update(went_well="", could_be_better="")
    EquipmentBooking.objects.current().filter(
        booked_by=user, starts_on__gt=timezone.localdate()
    ).update(cancelled_at=timezone.now())
