"""A running mentor relationship: the mentee's claims within the grant's caps,
the office's approval, both parties' evaluations, the mentor's report, and the
payout that follows them.

Caps hold per relationship and category: the claims that count (all but the
rejected, at their approved amount once decided) never add up to more than
the category's maximum support. Every change to a claim locks the
application's row first, so two claims sent at once cannot both squeeze under
a cap."""

from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mentornett.audit.services import AuditAction, record
from mentornett.dates import PAST_RECORD, SCHEME_PLAN, add_months
from mentornett.formatting import clock_time, short_date
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from mentornett.repeats import AlreadySent, recent_twin
from network.models import (
    Application,
    ApplicationStatus,
    Claim,
    ClaimCategory,
    ClaimStatus,
    CourseFeeKind,
    Evaluation,
    MentorReport,
    Payout,
    SchemeRole,
)

from ..errors import ApplicationError
from ..selectors import Room, granted_by_category, room_for, support_for
from ..support import MENTOR_FEE, format_kroner
from . import history

S = ApplicationStatus

CLAIMABLE = {S.ACTIVE, S.ENDED, S.EVALUATED}
ENDED_EARLY_REASON_MISSING = gettext_lazy(
    "The relationship did not run the planned period: write why it ended early, "
    "and what would have helped."
)
EVALUABLE = {S.ACTIVE, S.ENDED}


class ClaimError(ApplicationError):
    pass


# --- caps ---------------------------------------------------------------------------


def _over_cap_message(category: str, course: str, room: Room) -> str:
    what = (
        CourseFeeKind(course).label if category == ClaimCategory.COURSE_FEE and course else None
    ) or ClaimCategory(category).label
    if room.cap == 0:
        return _("%(what)s is not part of this relationship's grant.") % {"what": what}
    return _(
        "%(what)s can be at most %(cap)s in all for this relationship, and %(used)s is "
        "already claimed: claim at most %(left)s."
    ) % {
        "what": what,
        "cap": format_kroner(room.cap),
        "used": format_kroner(room.used),
        "left": format_kroner(room.left),
    }


# --- the mentee claims --------------------------------------------------------------


def claim_problems(
    application,
    *,
    category: str,
    course: str,
    amount: int,
    spent_on: date,
    job_starts_on: date | None,
    employment_weeks: int | None,
    has_employment_document: bool,
) -> dict[str, str]:
    """What is wrong with a claim, by field. Empty when it can be sent."""
    problems = {}
    if category == ClaimCategory.COURSE_FEE and not course:
        problems["course"] = _("Choose which course the fee is for.")
    if category != ClaimCategory.COURSE_FEE:
        course = ""
    if spent_on > timezone.localdate():
        problems["spent_on"] = _("Claim a cost once you have had it: the date is in the future.")
    elif problem := PAST_RECORD.problem(spent_on):
        problems["spent_on"] = problem
    if job_starts_on is not None and (problem := SCHEME_PLAN.problem(job_starts_on)):
        problems["job_starts_on"] = problem
    if "course" not in problems:
        room = room_for(application, category=category, course=course)
        if amount > room.left:
            problems["amount"] = _over_cap_message(category, course, room)
    if (
        category == ClaimCategory.COURSE_FEE
        and course == CourseFeeKind.INSEMINATION
        and not {"spent_on", "job_starts_on"} & problems.keys()
    ):
        problems.update(
            _insemination_problems(
                application, spent_on, job_starts_on, employment_weeks, has_employment_document
            )
        )
    return problems


def _insemination_problems(application, course_on, job_starts_on, weeks, has_document):
    rule = next(
        (r for r in application.rules.course_fee_rules.all() if r.course == "insemination"),
        None,
    )
    if rule is None:
        return {}
    problems = {}
    if rule.min_employment_weeks:
        if weeks is None or weeks < rule.min_employment_weeks:
            problems["employment_weeks"] = ngettext(
                "Support for the insemination course needs a full-time job of at least "
                "%(weeks)d week in which you will inseminate.",
                "Support for the insemination course needs a full-time job of at least "
                "%(weeks)d weeks in which you will inseminate.",
                rule.min_employment_weeks,
            ) % {"weeks": rule.min_employment_weeks}
        if not has_document:
            problems["employment_document"] = _(
                "Upload the employment contract, or another document that shows the job."
            )
    if rule.job_start_within_months:
        latest = add_months(course_on, rule.job_start_within_months)
        if job_starts_on is None:
            problems["job_starts_on"] = _("Give the date the job starts.")
        elif not course_on <= job_starts_on <= latest:
            problems["job_starts_on"] = ngettext(
                "The job must start within %(months)d month of the course, by %(date)s.",
                "The job must start within %(months)d months of the course, by %(date)s.",
                rule.job_start_within_months,
            ) % {"months": rule.job_start_within_months, "date": short_date(latest)}
    return problems


@transaction.atomic
def submit_claim(
    *,
    application,
    user,
    category: str,
    description: str,
    amount: int,
    spent_on: date,
    receipt,
    course: str = "",
    job_starts_on: date | None = None,
    employment_weeks: int | None = None,
    employment_document=None,
) -> Claim:
    application = history.locked(application)
    if application.role_of(user) != SchemeRole.MENTEE:
        raise ClaimError(_("Only the mentee can claim support."), code="party")
    if application.status not in CLAIMABLE:
        raise ClaimError(
            _("Claims can be sent once the relationship has started, until it is paid out."),
            code="status",
        )
    if category != ClaimCategory.COURSE_FEE:
        course = ""
    _refuse_repeat(
        application,
        user,
        category=category,
        course=course,
        description=description.strip(),
        amount=amount,
        spent_on=spent_on,
    )
    if receipt is None:
        raise ClaimError(_("Attach the receipt."), code="receipt")
    problems = claim_problems(
        application,
        category=category,
        course=course,
        amount=amount,
        spent_on=spent_on,
        job_starts_on=job_starts_on,
        employment_weeks=employment_weeks,
        has_employment_document=employment_document is not None,
    )
    if problems:
        raise ClaimError(
            {field: ClaimError(message, code="invalid") for field, message in problems.items()}
        )
    claim = Claim(
        application=application,
        claimant=user,
        category=category,
        course=course,
        description=description.strip(),
        amount=amount,
        spent_on=spent_on,
        job_starts_on=job_starts_on if course == CourseFeeKind.INSEMINATION else None,
        employment_weeks=employment_weeks if course == CourseFeeKind.INSEMINATION else None,
        receipt_name=receipt.name[-200:],
    )
    claim.receipt.save(receipt.name, receipt, save=False)
    if employment_document is not None and course == CourseFeeKind.INSEMINATION:
        claim.employment_document.save(employment_document.name, employment_document, save=False)
        claim.employment_document_name = employment_document.name[-200:]
    claim.save()
    record(
        AuditAction.CLAIM_SUBMITTED,
        actor=user,
        target=claim,
        label=claim.get_category_display(),
        changes={"status": [None, claim.status], "amount": [None, amount]},
    )
    return claim


def _refuse_repeat(application, user, **same) -> None:
    """The same claim from the same mentee within a minute (two tabs, a
    double click) is the one already sent. Checked before the caps, which
    the first one has used."""
    # A rejected claim may be sent again at once, with a better receipt.
    claims = application.claims.exclude(status=ClaimStatus.REJECTED)
    twin = recent_twin(claims.filter(claimant=user, **same))
    if twin is not None:
        raise AlreadySent(
            _("This claim was already sent at %(time)s: “%(what)s”, %(amount)s.")
            % {
                "time": clock_time(twin.created_at),
                "what": twin.description,
                "amount": format_kroner(twin.amount),
            },
            existing=twin,
        )


# --- the office decides -------------------------------------------------------------


@transaction.atomic
def decide_claim(*, claim, user, approved_amount: int, note: str = "") -> Claim:
    """Approve `approved_amount` of the claim (all of it, part of it, or 0 to
    reject it). Less than claimed needs a note to the mentee."""
    application = history.locked(claim.application)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimStatus.SUBMITTED:
        raise ClaimError(
            _("This claim has already been decided (%(status)s).")
            % {"status": claim.get_status_display()},
            code="decided",
        )
    if approved_amount < 0 or approved_amount > claim.amount:
        raise ClaimError(
            _("Approve between NOK 0 and the amount claimed, %(amount)s.")
            % {"amount": format_kroner(claim.amount)},
            code="amount",
        )
    if approved_amount < claim.amount and not note.strip():
        raise ClaimError(
            _("Write a note to the mentee that explains why less is approved."), code="note"
        )
    if approved_amount:
        room = room_for(application, category=claim.category, course=claim.course, excluding=claim)
        if approved_amount > room.left:
            raise ClaimError(_over_cap_message(claim.category, claim.course, room), code="cap")
    claim.status = ClaimStatus.APPROVED if approved_amount else ClaimStatus.REJECTED
    claim.approved_amount = approved_amount
    claim.decision_note = note.strip()
    claim.decided_by = user
    claim.decided_at = timezone.now()
    claim.save()
    record(
        AuditAction.CLAIM_DECIDED,
        actor=user,
        target=claim,
        label=claim.get_category_display(),
        changes={
            "status": [ClaimStatus.SUBMITTED, claim.status],
            "approved_amount": [None, approved_amount],
        },
        note=claim.decision_note,
    )
    _tell_mentee_of_decision(claim, application)
    return claim


def _tell_mentee_of_decision(claim, application):
    url = absolute(reverse("scheme:claims", args=[application.pk]))

    def compose():
        if claim.status == ClaimStatus.REJECTED:
            first = _("Your claim “%(what)s” (%(amount)s) is not approved.")
        else:
            first = _("Your claim “%(what)s” is approved with %(approved)s of %(amount)s.")
        paragraphs = [
            first
            % {
                "what": claim.description,
                "amount": format_kroner(claim.amount),
                "approved": format_kroner(claim.approved_amount or 0),
            }
        ]
        if claim.decision_note:
            paragraphs.append(claim.decision_note)
        paragraphs.append(_("Approved claims are paid out with the relationship's payout."))
        return Message(
            subject=_("Your claim is decided"),
            paragraphs=paragraphs,
            action=(_("See your claims"), url),
        )

    send_to_person(application.mentee, compose)


# --- the end: evaluations, the mentor's report, payout -------------------------------


def end_of_relationship_missing(application) -> list[str]:
    """What is still missing before payout, as sentences; empty when complete."""
    roles = set(application.evaluations.values_list("role", flat=True))
    missing = []
    if SchemeRole.MENTOR not in roles:
        missing.append(_("The mentor's evaluation is not in."))
    if SchemeRole.MENTEE not in roles:
        missing.append(_("The mentee's evaluation is not in."))
    if not MentorReport.objects.filter(application=application).exists():
        missing.append(_("The mentor's report is not in."))
    return missing


def advance_if_complete(application, *, user) -> None:
    """An ended relationship whose evaluations and report are all in is
    evaluated. Call with the application locked."""
    if application.status == S.ENDED and not end_of_relationship_missing(application):
        history.move(
            application,
            to=S.EVALUATED,
            by=history.ON_ITS_OWN,
            user=user,
            note=_("Both evaluations and the mentor's report are in."),
        )


def _ensure_can_evaluate(application, user, *, role=None):
    actual = application.role_of(user)
    if actual is None or (role is not None and actual != role):
        raise ApplicationError(
            _("Only the mentor can write the mentor's report.")
            if role == SchemeRole.MENTOR
            else _("Only the mentor or the mentee can evaluate."),
            code="party",
        )
    if application.status not in EVALUABLE:
        raise ApplicationError(
            _("The evaluation opens when the relationship has started, and closes at payout."),
            code="status",
        )
    return actual


@transaction.atomic
def submit_evaluation(*, application, user, **answers) -> Evaluation:
    application = history.locked(application)
    role = _ensure_can_evaluate(application, user)
    if Evaluation.objects.filter(application=application, role=role).exists():
        raise ApplicationError(_("You have already sent your evaluation. Thank you!"), code="done")
    evaluation = Evaluation.objects.create(
        application=application, role=role, author=user, **answers
    )
    advance_if_complete(application, user=user)
    return evaluation


@transaction.atomic
def submit_mentor_report(*, application, user, **answers) -> MentorReport:
    application = history.locked(application)
    _ensure_can_evaluate(application, user, role=SchemeRole.MENTOR)
    if MentorReport.objects.filter(application=application).exists():
        raise ApplicationError(_("The report has already been sent. Thank you!"), code="done")
    if (
        not answers.get("ended_as_planned", True)
        and not answers.get("ended_early_reason", "").strip()
    ):
        raise ApplicationError(ENDED_EARLY_REASON_MISSING, code="ended_early_reason")
    report = MentorReport.objects.create(application=application, author=user, **answers)
    advance_if_complete(application, user=user)
    return report


def ask_for_evaluations(application) -> None:
    """When the office ends a relationship: both parties are asked to
    evaluate, and the mentor to report."""
    url = absolute(reverse("scheme:evaluation", args=[application.pk]))
    for person, role in ((application.mentor, "mentor"), (application.mentee, "mentee")):

        def compose(role=role):
            paragraphs = [
                _(
                    "Your mentor relationship (%(kind)s) has ended. Please tell us how it "
                    "went: the evaluation takes about five minutes."
                )
                % {"kind": application.get_kind_display()},
            ]
            if role == SchemeRole.MENTOR:
                paragraphs.append(
                    _(
                        "As the mentor, please also write the short report: the payout waits "
                        "for it and for both evaluations."
                    )
                )
            return Message(
                subject=_("How did the mentor relationship go?"),
                paragraphs=paragraphs,
                action=(_("Evaluate the relationship"), url),
            )

        send_to_person(person, compose)


@transaction.atomic
def record_payout(*, application, user, mentor_fee: int, override_reason: str = "") -> Payout:
    """Pay out the mentor's fee and the mentee's approved claims. Only after
    both evaluations and the mentor's report are in, unless the administrator
    states why not."""
    application = history.locked(application)
    if Payout.objects.filter(application=application).exists():
        raise ApplicationError(_("This relationship has already been paid out."), code="paid")
    if application.status not in (S.ENDED, S.EVALUATED):
        raise ApplicationError(_("A relationship is paid out after it has ended."), code="status")
    missing = end_of_relationship_missing(application)
    if missing and not override_reason.strip():
        raise ApplicationError(
            " ".join(
                [
                    *missing,
                    _("Wait for them, or write why the payout is made without them."),
                ]
            ),
            code="incomplete",
        )
    if application.claims.filter(status=ClaimStatus.SUBMITTED).exists():
        raise ApplicationError(
            _("Decide every claim that waits for approval before the payout."), code="claims"
        )
    granted_fee = granted_by_category(support_for(application)).get(MENTOR_FEE, 0)
    if mentor_fee < 0 or mentor_fee > granted_fee:
        raise ApplicationError(
            _("The mentor's fee can be at most the granted %(amount)s.")
            % {"amount": format_kroner(granted_fee)},
            code="mentor_fee",
        )
    approved = application.claims.filter(status=ClaimStatus.APPROVED)
    mentee_amount = approved.aggregate(total=Sum("approved_amount"))["total"] or 0
    payout = Payout.objects.create(
        application=application,
        mentor_fee=mentor_fee,
        mentee_amount=mentee_amount,
        override_reason=override_reason.strip() if missing else "",
        recorded_by=user,
    )
    claims_paid = approved.update(status=ClaimStatus.PAID, payout=payout)
    record(
        AuditAction.PAYOUT_RECORDED,
        actor=user,
        target=payout,
        label=application.get_kind_display(),
        changes={
            "application": [None, application.pk],
            "mentor_fee": [None, mentor_fee],
            "mentee_amount": [None, mentee_amount],
            "claims_paid": [None, claims_paid],
        },
        note=payout.override_reason,
    )
    note = _("Paid out: %(mentor)s to the mentor, %(mentee)s to the mentee.") % {
        "mentor": format_kroner(mentor_fee),
        "mentee": format_kroner(mentee_amount),
    }
    if payout.override_reason:
        note += " " + _("Before everything was in, because: %(reason)s") % {
            "reason": payout.override_reason
        }
    history.move(application, to=S.PAID, by=history.OFFICE, user=user, note=note)
    _tell_parties_of_payout(application, payout)
    return payout


def _tell_parties_of_payout(application: Application, payout: Payout) -> None:
    url = absolute(reverse("scheme:application", args=[application.pk]))
    for person, amount in (
        (application.mentor, payout.mentor_fee),
        (application.mentee, payout.mentee_amount),
    ):

        def compose(amount=amount):
            return Message(
                subject=_("The mentor scheme has paid out"),
                paragraphs=[
                    _(
                        "The programme has recorded the payout for your mentor relationship "
                        "(%(kind)s): %(amount)s to you. Thank you for taking part!"
                    )
                    % {"kind": application.get_kind_display(), "amount": format_kroner(amount)}
                ],
                action=(_("Open the relationship"), url),
            )

        send_to_person(person, compose)
