"""What the mentor scheme holds about a person; network/personal_data.py puts
it in the network's section of the export, beside the learning networks.

Erasure keeps what the scheme must keep as its record: decided applications
(the contract), claims with receipts and payouts (bookkeeping records, kept five
years under bokføringsloven), the mentor's report the payout rests on, and the
hubs' student-weeks a hub payout is counted from. They stay linked to the
anonymised account, so they show "Slettet bruker" instead of the name."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.accounts.personal_data import DELETED_NAME, matching_addresses, safe_file_name
from network.models import (
    Application,
    ApplicationEvent,
    ApplicationInvitation,
    ApplicationStatus,
    ChoiceStatus,
    Claim,
    EquipmentBooking,
    Evaluation,
    HubMentor,
    HubStudentWeek,
    MatchNote,
    MatchProposal,
    MatchRequest,
    MenteePeriod,
    MenteeProfile,
    MentorAvailability,
    MentorHub,
    MentorProfile,
    MentorReport,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityProfile,
    NeedInterest,
    Payout,
    RequestChoice,
    SearchAnswer,
)

from .services.applications import withdraw_application

LISTING_FIELDS = ("listed", "listed_at", "confirmed_at", "confirmation_requested_at")

S = ApplicationStatus
UNDECIDED = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED)


def party(user) -> Q:
    return Q(mentor=user) | Q(mentee=user)


def export(user, addresses: list[str]) -> dict:
    applications = list(
        Application.objects.filter(party(user))
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
            ApplicationInvitation.objects.filter(matching_addresses("email", addresses))
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
        "municipality_contact_registrations": list(
            MunicipalityContact.objects.filter(user=user)
            .order_by("pk")
            .values("municipality__name", "role", "registered_at", "verified_at")
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
            HubStudentWeek.objects.filter(matching_addresses("student_email", addresses))
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
        **export_finn(user),
    }


def export_finn(user) -> dict:
    """Finn mentor: the person's profiles, what they sent and answered, the
    requests and proposals they are part of, and the office's notes on their
    search."""
    return {
        "finn_mentor_profile": list(
            MentorProfile.objects.filter(user=user).values(
                "municipality__name",
                "kinds",
                "capacity",
                "animals",
                "helps",
                "languages",
                "introduction",
                *LISTING_FIELDS,
                "created_at",
                "updated_at",
            )
        ),
        "finn_mentor_availability": list(
            MentorAvailability.objects.filter(profile__user=user)
            .order_by("starts_on", "pk")
            .values("starts_on", "ends_on")
        ),
        "finn_mentee_profile": list(
            MenteeProfile.objects.filter(user=user).values(
                "stage",
                "study_place",
                "municipality__name",
                "year",
                "kind",
                "wanted_counties",
                "animals",
                "needs",
                "introduction",
                *LISTING_FIELDS,
                "matched_at",
                "created_at",
                "updated_at",
            )
        ),
        "finn_mentee_wanted_municipalities": list(
            MenteeProfile.wanted_municipalities.through.objects.filter(menteeprofile__user=user)
            .order_by("municipality__name")
            .values_list("municipality__name", flat=True)
        ),
        "finn_mentee_periods": list(
            MenteePeriod.objects.filter(profile__user=user)
            .order_by("starts_on", "pk")
            .values("starts_on", "ends_on")
        ),
        "finn_office_notes": list(
            MatchNote.objects.filter(profile__user=user)
            .order_by("created_at", "pk")
            .values("text", "created_at")
        ),
        "finn_need_interests": list(
            NeedInterest.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("need__municipality__name", "need__kind", "message", "created_at")
        ),
        "finn_needs_published": list(
            MunicipalityNeed.objects.filter(published_by=user)
            .order_by("created_at", "pk")
            .values("municipality__name", "kind", "starts_on", "ends_on", "status", "created_at")
        ),
        "finn_search_answers_given": list(
            SearchAnswer.objects.filter(answered_by=user)
            .order_by("created_at", "pk")
            .values(
                "profile__user__full_name",
                "hub__name",
                "municipality__name",
                "message",
                "accepted_at",
                "created_at",
            )
        ),
        "finn_search_answers_received": list(
            SearchAnswer.objects.filter(profile__user=user)
            .order_by("created_at", "pk")
            .values(
                "answered_by__full_name",
                "hub__name",
                "municipality__name",
                "message",
                "accepted_at",
                "created_at",
            )
        ),
        "finn_requests_sent": list(
            MatchRequest.objects.filter(mentee=user)
            .order_by("created_at", "pk")
            .values(
                "id", "kind", "starts_on", "ends_on", "message", "status", "created_at", "closed_at"
            )
        ),
        "finn_request_choices": list(
            RequestChoice.objects.filter(Q(request__mentee=user) | Q(mentor=user))
            .order_by("request_id", "rank")
            .values(
                "request_id",
                "rank",
                "mentor__full_name",
                "hub__name",
                "status",
                "asked_at",
                "answer_by",
                "answered_at",
                "answer_message",
            )
        ),
        "finn_proposals": list(
            MatchProposal.objects.filter(Q(mentee=user) | Q(mentor=user))
            .order_by("created_at", "pk")
            .values(
                "mentee__full_name",
                "mentor__full_name",
                "hub__name",
                "kind",
                "score",
                "message",
                "status",
                "mentee_accepted_at",
                "mentor_accepted_at",
                "created_at",
                "closed_at",
            )
        ),
    }


def files(user):
    for claim in Claim.objects.filter(claimant=user).order_by("pk"):
        if claim.receipt:
            name = safe_file_name(claim.receipt_name, "kvittering")
            yield f"krav-{claim.pk}-{name}", claim.receipt
        if claim.employment_document:
            name = safe_file_name(claim.employment_document_name, "arbeidsforhold")
            yield f"krav-{claim.pk}-{name}", claim.employment_document
    for application in Application.objects.filter(party(user)).order_by("pk"):
        if application.contract:
            name = safe_file_name(application.contract_name, "kontrakt")
            yield f"soknad-{application.pk}-{name}", application.contract
        if application.decision_letter:
            yield f"soknad-{application.pk}-vedtak", application.decision_letter


def erase(user, *, addresses: list[str], gone: str) -> None:
    note = _("Withdrawn because the applicant deleted their account.")
    for application in Application.objects.filter(party(user), status__in=UNDECIDED):
        withdraw_application(application=application, user=user, note=note)
    # The history is append-only; replacing a name (not what happened) is the
    # one change erasure makes to it, by update() rather than save().
    ApplicationEvent.objects.filter(actor=user).update(actor_name=DELETED_NAME)
    ApplicationInvitation.objects.filter(
        matching_addresses("email", addresses), accepted_at__isnull=True
    ).delete()
    ApplicationInvitation.objects.filter(matching_addresses("email", addresses)).update(email=gone)
    HubMentor.objects.filter(user=user).delete()
    MunicipalityContact.objects.filter(user=user).delete()
    erase_finn(user)
    # Scores stay for the scheme's averages; the person's own words go.
    Evaluation.objects.filter(author=user).update(went_well="", could_be_better="")
    EquipmentBooking.objects.current().filter(
        booked_by=user, starts_on__gt=timezone.localdate()
    ).update(cancelled_at=timezone.now())


def erase_finn(user) -> None:
    """Finn mentor: the profiles go (with their periods, the answers to the
    search and the office's notes on it), and so does what the person sent:
    interests, answers, requests, proposals. A choice still waiting for the
    person as mentor is skipped, or, while asked, passed on by the daily
    pass-on as if its time had run out, so no request hangs on them."""
    MentorProfile.objects.filter(user=user).delete()
    MenteeProfile.objects.filter(user=user).delete()
    NeedInterest.objects.filter(user=user).delete()
    SearchAnswer.objects.filter(answered_by=user).delete()
    MatchRequest.objects.filter(mentee=user).delete()
    MatchProposal.objects.filter(Q(mentee=user) | Q(mentor=user)).delete()
    waiting = RequestChoice.objects.filter(mentor=user)
    waiting.filter(status=ChoiceStatus.WAITING).update(status=ChoiceStatus.SKIPPED)
    waiting.filter(status=ChoiceStatus.ASKED).update(answer_by=timezone.now())
    RequestChoice.objects.filter(answered_by=user).update(answer_message="")
    # The municipality's own records stay, without the person.
    MunicipalityNeed.objects.filter(published_by=user).update(published_by=None)
    MunicipalityProfile.objects.filter(updated_by=user).update(updated_by=None)
