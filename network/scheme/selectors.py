"""Reads across the mentor scheme that views and reports share: the maximum
support of an application, the money of a relationship by category (granted,
claimed, approved, paid) in a fixed number of queries, and every claim cap with
how much may still be claimed under it."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, Min, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from network.models import (
    Application,
    ApplicationInvitation,
    ApplicationStatus,
    Claim,
    ClaimCategory,
    ClaimStatus,
    Evaluation,
    HubStatus,
    MentorHub,
    Payout,
    SchemeRole,
)
from network.services.invitation_links import MAX_AGE as INVITATION_MAX_AGE

from .support import MENTOR_FEE, Support, course_fee_support, maximum_support, rules_in_force

S = ApplicationStatus

# The order categories are shown in; keep in sync with ClaimCategory.
CATEGORIES = (
    MENTOR_FEE,
    ClaimCategory.HOUSING,
    ClaimCategory.TRAVEL,
    ClaimCategory.PRACTICE_STIPEND,
    ClaimCategory.COURSE_FEE,
)


def reverse_ride_along_weeks(application) -> int:
    """Whole weeks of reverse ride-along planned; a part-week pays nothing."""
    if not (application.reverse_ride_along_from and application.reverse_ride_along_to):
        return 0
    days = (application.reverse_ride_along_to - application.reverse_ride_along_from).days + 1
    return max(days // 7, 0)


def support_for(application) -> Support | None:
    """The maximum support for the period, under the version it was granted
    under, or the one in force on its start date."""
    if not (application.starts_on and application.ends_on):
        return None
    if application.ends_on < application.starts_on:
        return None
    rules = application.rules or rules_in_force(application.starts_on)
    if rules is None:
        return None
    try:
        return maximum_support(
            rules=rules,
            kind=application.kind,
            starts_on=application.starts_on,
            ends_on=application.ends_on,
            reverse_ride_along_weeks=reverse_ride_along_weeks(application),
        )
    except ValueError:
        # The type is not part of that version (MentorVet before 2.0): no support.
        return None


def granted_by_category(support: Support | None) -> dict[str, int]:
    """The caps of the grant by category. Course fees have no line of their
    own: each course's cap comes from the rules when it is claimed."""
    granted = defaultdict(int)
    if support is not None:
        for line in support.lines:
            granted[line.category] += line.amount
    return dict(granted)


@dataclass
class Money:
    category: str
    granted: int | None = None
    claimed: int = 0
    approved: int = 0
    paid: int = 0

    @property
    def label(self) -> str:
        if self.category == MENTOR_FEE:
            return gettext("Mentor's fee")
        return ClaimCategory(self.category).label


def claim_totals(application_ids) -> dict[tuple[int, str], dict[str, int]]:
    """Claimed, approved and paid per (application, category), in one query.
    Rejected claims count nowhere; approved means approved or already paid."""
    rows = (
        Claim.objects.filter(application_id__in=application_ids)
        .values("application_id", "category")
        .annotate(
            claimed=Sum("amount", filter=~Q(status=ClaimStatus.REJECTED)),
            approved=Sum(
                "approved_amount", filter=Q(status__in=[ClaimStatus.APPROVED, ClaimStatus.PAID])
            ),
            paid=Sum("approved_amount", filter=Q(status=ClaimStatus.PAID)),
        )
    )
    return {
        (row["application_id"], row["category"]): {
            "claimed": row["claimed"] or 0,
            "approved": row["approved"] or 0,
            "paid": row["paid"] or 0,
        }
        for row in rows
    }


def relationship_money(application, *, support: Support | None = None) -> list[Money]:
    """One row per category for one relationship. The mentor's fee is not
    claimed: it is granted, and paid with the payout."""
    if support is None:
        support = support_for(application)
    granted = granted_by_category(support)
    totals = claim_totals([application.pk])
    payout = Payout.objects.filter(application=application).first()
    rows = []
    for category in CATEGORIES:
        money = Money(category, granted=granted.get(category))
        if category == MENTOR_FEE:
            if payout is not None:
                money.paid = payout.mentor_fee
        else:
            for key, value in totals.get((application.pk, category), {}).items():
                setattr(money, key, value)
        if money.granted or money.claimed or money.paid:
            rows.append(money)
    return rows


# How long a refused claim stays among the mentee's next steps.
REFUSED_CLAIM_DAYS = 14


@dataclass(frozen=True)
class ApplicationEntry:
    application: object
    role: str
    next_step: str  # what the person should do now; "" when nothing
    # Which step that is, for Min side's "Next steps": "finish", "changes",
    # "accept", "evaluate_later", "evaluate", "report" or "".
    step: str = ""
    # The mentee may still send claims, and the payout that closes them is near.
    claims_before_payout: bool = False
    # One of the mentee's claims was refused in the last REFUSED_CLAIM_DAYS.
    claim_refused: bool = False


def _step(application, role, evaluated, accepted) -> str:
    if application.status == S.DRAFT:
        return "finish"
    if application.status == S.CHANGES_REQUESTED:
        return "changes"
    if application.status == S.GRANTED and accepted is None:
        return "accept"
    if application.status in (S.ACTIVE, S.ENDED) and not evaluated:
        return "evaluate_later" if application.status == S.ACTIVE else "evaluate"
    has_report = hasattr(application, "mentor_report")
    if application.status == S.ENDED and role == SchemeRole.MENTOR and not has_report:
        return "report"
    return ""


def _step_text(step: str) -> str:
    texts = {
        "finish": gettext("Finish and send the application."),
        "changes": gettext("Make the changes the programme asked for, and send it again."),
        "accept": gettext("Read and accept the decision letter."),
        "evaluate_later": gettext("Evaluate the relationship when it ends."),
        "evaluate": gettext("Evaluate the relationship."),
        "report": gettext("Write the mentor's report."),
    }
    return texts.get(step, "")


def dashboard_applications(*, user, now=None) -> list[ApplicationEntry]:
    """Min side: the person's applications and relationships with what they
    should do next, in one query however many there are."""
    now = now or timezone.now()
    evaluations = Evaluation.objects.filter(application=OuterRef("pk"))
    refused = Claim.objects.filter(
        application=OuterRef("pk"),
        claimant=user,
        status=ClaimStatus.REJECTED,
        decided_at__gte=now - timedelta(days=REFUSED_CLAIM_DAYS),
    )
    applications = (
        Application.objects.filter(Q(mentor=user) | Q(mentee=user))
        .exclude(status=S.WITHDRAWN)
        .select_related("mentor", "mentee", "mentor_report")
        .annotate(
            mentor_evaluated=Exists(evaluations.filter(role=SchemeRole.MENTOR)),
            mentee_evaluated=Exists(evaluations.filter(role=SchemeRole.MENTEE)),
            claim_refused=Exists(refused),
        )
        .order_by("-created_at")
    )
    entries = []
    for application in applications:
        role = application.role_of(user)
        evaluated = (
            application.mentor_evaluated
            if role == SchemeRole.MENTOR
            else application.mentee_evaluated
        )
        accepted = (
            application.mentor_accepted_at
            if role == SchemeRole.MENTOR
            else application.mentee_accepted_at
        )
        step = _step(application, role, evaluated, accepted)
        is_mentee = role == SchemeRole.MENTEE
        entries.append(
            ApplicationEntry(
                application,
                role,
                _step_text(step),
                step=step,
                claims_before_payout=is_mentee and application.status in (S.ENDED, S.EVALUATED),
                claim_refused=is_mentee and application.claim_refused,
            )
        )
    return entries


def invitations_to_answer(*, user, now=None) -> list[ApplicationInvitation]:
    """Open invitations to join an application, sent to the person's address,
    whose link has not expired and whose place is still free, soonest to
    expire first, in one query."""
    now = now or timezone.now()
    vacant = Q(role=SchemeRole.MENTOR, application__mentor__isnull=True) | Q(
        role=SchemeRole.MENTEE, application__mentee__isnull=True
    )
    return list(
        ApplicationInvitation.objects.filter(
            vacant,
            email__iexact=user.email,
            accepted_at__isnull=True,
            sent_at__gt=now - INVITATION_MAX_AGE,
            application__status__in=(S.DRAFT, S.CHANGES_REQUESTED),
        )
        .select_related("application__mentor", "application__mentee", "invited_by")
        .order_by("sent_at", "pk")
    )


@dataclass(frozen=True)
class ClaimsWaiting:
    application_id: int
    mentor_name: str
    mentee_name: str
    claims: int


@dataclass(frozen=True)
class OfficeWaiting:
    """What waits for the programme office."""

    submitted: int  # applications sent, not yet taken up
    in_review: int
    claims: list  # ClaimsWaiting per relationship, the longest waiting first
    hubs: int  # MentorHubs waiting for approval

    @property
    def claim_count(self) -> int:
        return sum(entry.claims for entry in self.claims)


def office_waiting() -> OfficeWaiting:
    """For the office's "Waiting for you" in the admin: three queries, however
    many applications, claims and hubs there are."""
    applications = Application.objects.aggregate(
        submitted=Count("pk", filter=Q(status=S.SUBMITTED)),
        in_review=Count("pk", filter=Q(status=S.IN_REVIEW)),
    )
    claims = [
        ClaimsWaiting(
            application_id=row["application_id"],
            # Keep in sync with User.display_name.
            mentor_name=row["application__mentor__full_name"]
            or row["application__mentor__email"]
            or "",
            mentee_name=row["application__mentee__full_name"]
            or row["application__mentee__email"]
            or "",
            claims=row["claims"],
        )
        for row in Claim.objects.filter(status=ClaimStatus.SUBMITTED)
        .values(
            "application_id",
            "application__mentor__full_name",
            "application__mentor__email",
            "application__mentee__full_name",
            "application__mentee__email",
        )
        .annotate(claims=Count("pk"), first=Min("created_at"))
        .order_by("first", "application_id")
    ]
    return OfficeWaiting(
        submitted=applications["submitted"],
        in_review=applications["in_review"],
        claims=claims,
        hubs=MentorHub.objects.filter(status=HubStatus.PENDING).count(),
    )


# --- caps: the most a relationship can get, and how much may still be claimed ----------


def claim_cap(application, *, category: str, course: str = "") -> int:
    """The most the relationship can get in all for `category` (for course
    fees: for that course), under the rules it was granted under."""
    if category == ClaimCategory.COURSE_FEE:
        if not course or application.rules is None:
            return 0
        try:
            return course_fee_support(rules=application.rules, course=course)
        except ValueError:
            return 0
    return granted_by_category(support_for(application)).get(category, 0)


def counted_claims(application, *, category: str, course: str = "", excluding=None) -> int:
    claims = Claim.objects.filter(application=application, category=category).counting()
    if category == ClaimCategory.COURSE_FEE:
        claims = claims.filter(course=course)
    if excluding is not None:
        claims = claims.exclude(pk=excluding.pk)
    # A decided claim counts at its approved amount, an undecided one in full.
    total = claims.aggregate(total=Sum(Coalesce("approved_amount", "amount")))["total"]
    return total or 0


@dataclass(frozen=True)
class Room:
    cap: int
    used: int

    @property
    def left(self) -> int:
        return max(self.cap - self.used, 0)


def room_for(application, *, category: str, course: str = "", excluding=None, cap=None) -> Room:
    """What is left of the cap; pass `cap` when the caller already knows it."""
    if cap is None:
        cap = claim_cap(application, category=category, course=course)
    used = counted_claims(application, category=category, course=course, excluding=excluding)
    return Room(cap, used)


# --- the office's queue -------------------------------------------------------------

# What waits for the office: an application to review or decide, a relationship
# whose evaluations and report are in and that waits for its payout.
OFFICE_QUEUE = (S.SUBMITTED, S.IN_REVIEW, S.EVALUATED)

# The colour a status is shown in, beside its name; keep in step with
# templates/network/scheme/status.html.
STATUS_TONES = {
    S.DRAFT: "neutral",
    S.SUBMITTED: "info",
    S.IN_REVIEW: "info",
    S.CHANGES_REQUESTED: "warning",
    S.GRANTED: "success",
    S.REJECTED: "danger",
    S.ACTIVE: "success",
    S.ENDED: "success",
    S.EVALUATED: "success",
    S.PAID: "success",
    S.WITHDRAWN: "danger",
}


def waiting_for_office(applications):
    """The applications the office must act on: those in OFFICE_QUEUE, and
    running relationships with a claim waiting for a decision."""
    claim_waiting = Claim.objects.filter(application=OuterRef("pk"), status=ClaimStatus.SUBMITTED)
    return applications.filter(Q(status__in=OFFICE_QUEUE) | Q(Exists(claim_waiting)))
