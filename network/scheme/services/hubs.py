"""MentorHubs: a vet centre registers with its mentors, registers its students
per week instead of applying per student, and is paid half-yearly from the
registered student-weeks.

A week belongs to the half-year of its Monday and is priced at the
student-placement rate to the mentor (`mentor_per_week`) of the rules in force
on that Monday, so a half-year that spans a rules change is priced week by
week. Money is whole kroner. Every change to a hub's weeks or payouts locks
the hub's row first, so a payout never misses a week registered at the same
moment; the unique constraints hold where row locks do not (SQLite)."""

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.selectors import mandatory_certificate
from mentornett.accounts.models import User
from mentornett.audit.services import AuditAction, record
from mentornett.dates import DATE_RANGE_CODE, HUB_WEEK
from mentornett.formatting import clock_time
from mentornett.repeats import AlreadySent, lock_person, recent_twin
from network.models import (
    HubMentor,
    HubPayout,
    HubStatus,
    HubStudentWeek,
    MentorHub,
    RelationshipKind,
    SchemeRules,
)

from ..errors import HubError
from ..permissions import is_hub_contact, is_scheme_administrator
from ..support import format_kroner, rules_in_force

MENTOR = "mentor"


def _locked(hub) -> MentorHub:
    return MentorHub.objects.select_for_update().get(pk=hub.pk)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- half-years -------------------------------------------------------------------


def half_year_bounds(year: int, half: int) -> tuple[date, date]:
    """First and last day of the half-year; 1 is January–June, 2 July–December."""
    if half not in (1, 2) or not 2000 <= year <= 2100:
        raise HubError(_("Choose a year and a half-year (1 or 2)."), code="half_year")
    if half == 1:
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)


def half_year_of(day: date) -> tuple[int, int]:
    return day.year, 1 if day.month <= 6 else 2


def last_ended_half_year(today: date | None = None) -> tuple[int, int]:
    year, half = half_year_of(today or timezone.localdate())
    return (year - 1, 2) if half == 1 else (year, 1)


# --- registration and mentors -------------------------------------------------------


def certificate_problem(user, *, day=None) -> str | None:
    reason = mandatory_certificate(user=user, role=MENTOR, day=day).reason
    if reason is None:
        return None
    values = {"name": user.display_name}
    if reason == "expired":
        return _("%(name)s's mentor course certificate has expired.") % values
    if reason == "revoked":
        return _("%(name)s's mentor course certificate is revoked.") % values
    return _("%(name)s has not completed the mandatory mentor course.") % values


@transaction.atomic
def register_hub(*, user, name: str, organisation_number: str, municipality) -> MentorHub:
    """The person registering becomes the hub's contact; the office approves."""
    problem = certificate_problem(user)
    if problem:
        raise HubError(
            problem + " " + _("Only a mentor with a valid course certificate can register a hub."),
            code="certificate",
        )
    # No hub row exists yet to lock, so the person's is.
    lock_person(user)
    twin = recent_twin(
        MentorHub.objects.filter(
            registered_by=user,
            name=name.strip(),
            organisation_number=organisation_number.replace(" ", ""),
            municipality=municipality,
        )
    )
    if twin is not None:
        raise AlreadySent(
            _("%(hub)s was already registered at %(time)s. Here it is.")
            % {"hub": twin.name, "time": clock_time(twin.created_at)},
            existing=twin,
        )
    hub = MentorHub.objects.create(
        name=name.strip(),
        organisation_number=organisation_number.replace(" ", ""),
        municipality=municipality,
        registered_by=user,
    )
    HubMentor.objects.create(hub=hub, user=user, is_contact=True)
    return hub


@transaction.atomic
def approve_hub(*, hub, user) -> MentorHub:
    if not is_scheme_administrator(user):
        raise HubError(_("Only the programme office can approve a hub."), code="not_allowed")
    hub = _locked(hub)
    if hub.status == HubStatus.APPROVED:
        return hub
    if hub.status != HubStatus.PENDING:
        raise HubError(_("Only a hub waiting for approval can be approved."), code="status")
    hub.status = HubStatus.APPROVED
    hub.approved_at = timezone.now()
    hub.save(update_fields=["status", "approved_at"])
    record(
        AuditAction.HUB_APPROVED,
        actor=user,
        target=hub,
        label=hub.name,
        changes={"status": [HubStatus.PENDING, HubStatus.APPROVED]},
    )
    return hub


def _guard_contact(hub, user) -> None:
    if not is_hub_contact(user, hub):
        raise HubError(
            _("Only the hub's contact person can change its mentors and students."),
            code="not_contact",
        )


@transaction.atomic
def add_hub_mentor(*, hub, email: str, added_by) -> HubMentor:
    """Adding someone who is already a mentor of the hub changes nothing."""
    _guard_contact(hub, added_by)
    hub = _locked(hub)
    if hub.status == HubStatus.CLOSED:
        raise HubError(_("The hub is closed."), code="closed")
    email = email.strip()
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        raise HubError(
            _(
                "No one with the e-mail address %(email)s has an account on Mentornett. "
                "Ask them to register and complete the mentor course first."
            )
            % {"email": email},
            code="unknown",
        )
    existing = HubMentor.objects.filter(hub=hub, user=person).first()
    if existing is not None:
        return existing
    problem = certificate_problem(person)
    if problem:
        raise HubError(
            problem + " " + _("Every mentor at a hub must hold a valid mentor course certificate."),
            code="certificate",
        )
    return HubMentor.objects.create(hub=hub, user=person)


@transaction.atomic
def remove_hub_mentor(*, hub_mentor, removed_by) -> None:
    hub = _locked(hub_mentor.hub)
    _guard_contact(hub, removed_by)
    hub_mentor = HubMentor.objects.select_for_update().filter(pk=hub_mentor.pk).first()
    if hub_mentor is None:
        return
    if (
        hub_mentor.is_contact
        and not hub.mentors.filter(is_contact=True).exclude(pk=hub_mentor.pk).exists()
    ):
        raise HubError(
            _("The hub must keep a contact person. Ask the programme office to name another."),
            code="last_contact",
        )
    hub_mentor.delete()


# --- student-weeks ------------------------------------------------------------------


def _paid_out(hub, monday: date) -> HubPayout | None:
    year, half = half_year_of(monday)
    return HubPayout.objects.filter(hub=hub, year=year, half=half).first()


@transaction.atomic
def register_student_week(
    *, hub, student_name: str, student_email: str, week_starts_on: date, mentor, registered_by
) -> HubStudentWeek:
    """`week_starts_on` may be any day of the week; the week is stored by its Monday."""
    _guard_contact(hub, registered_by)
    hub = _locked(hub)
    if hub.status != HubStatus.APPROVED:
        raise HubError(
            _("Students can be registered once the programme office has approved the hub."),
            code="not_approved",
        )
    if problem := HUB_WEEK.problem(week_starts_on):
        raise HubError(problem, code=DATE_RANGE_CODE)
    monday = monday_of(week_starts_on)
    if not hub.mentors.filter(user=mentor).exists():
        raise HubError(
            _("%(name)s is not a mentor at %(hub)s.")
            % {"name": mentor.display_name, "hub": hub.name},
            code="mentor",
        )
    problem = certificate_problem(mentor, day=monday)
    if problem:
        raise HubError(
            problem + " " + _("The mentor must hold a valid certificate in the week registered."),
            code="certificate",
        )
    if rules_in_force(monday) is None:
        raise HubError(_("No scheme rules are in force for that week."), code="rules")
    if _paid_out(hub, monday) is not None:
        raise HubError(
            _(
                "The half-year of that week has been paid out and can no longer be changed. "
                "Contact the programme office."
            ),
            code="paid",
        )
    student_email = student_email.strip().lower()
    duplicate = _("%(student)s is already registered at the hub for the week of %(monday)s.") % {
        "student": f"{student_name.strip()} ({student_email})",
        "monday": date_format(monday),
    }
    if HubStudentWeek.objects.filter(
        hub=hub, student_email=student_email, week_starts_on=monday
    ).exists():
        raise HubError(duplicate, code="duplicate")
    try:
        with transaction.atomic():
            return HubStudentWeek.objects.create(
                hub=hub,
                student_name=student_name.strip(),
                student_email=student_email,
                week_starts_on=monday,
                mentor=mentor,
                registered_by=registered_by,
            )
    except IntegrityError:
        raise HubError(duplicate, code="duplicate") from None


@transaction.atomic
def remove_student_week(*, week, user) -> None:
    hub = _locked(week.hub)
    _guard_contact(hub, user)
    week = HubStudentWeek.objects.filter(pk=week.pk).first()
    if week is None:
        return
    if week.payout_id is not None:
        raise HubError(_("The week has been paid out and can no longer be changed."), code="paid")
    week.delete()


# --- pricing, the half-yearly summary and payouts ------------------------------------


def _all_rules() -> list[SchemeRules]:
    """Every rules version, oldest first, with its rates: two queries."""
    return list(SchemeRules.objects.order_by("valid_from").prefetch_related("relationship_rules"))


def _rules_on(versions: list[SchemeRules], day: date) -> SchemeRules | None:
    index = bisect.bisect_right([rules.valid_from for rules in versions], day)
    return versions[index - 1] if index else None


def week_rate(versions: list[SchemeRules], monday: date) -> int:
    """The student-placement rate to the mentor in force on `monday`; 0 when
    no rules (or no such rate) were in force."""
    rules = _rules_on(versions, monday)
    rule = rules.rule_for(RelationshipKind.STUDENT_PLACEMENT) if rules else None
    return (rule.mentor_per_week or 0) if rule else 0


@dataclass
class HubHalfYear:
    hub: MentorHub
    year: int
    half: int
    weeks: int = 0
    amount: int = 0
    unpaid_weeks: int = 0
    unpaid_amount: int = 0
    payout: HubPayout | None = None

    @property
    def paid_weeks(self) -> int:
        return self.weeks - self.unpaid_weeks

    @property
    def paid_amount(self) -> int:
        return self.amount - self.unpaid_amount

    @property
    def amount_text(self) -> str:
        return format_kroner(self.amount)

    @property
    def unpaid_amount_text(self) -> str:
        return format_kroner(self.unpaid_amount)

    @property
    def payout_amount_text(self) -> str:
        return format_kroner(self.payout.amount) if self.payout else ""


def _priced(hub_weeks: HubHalfYear, weeks, versions) -> HubHalfYear:
    for monday, payout_id in weeks:
        rate = week_rate(versions, monday)
        hub_weeks.weeks += 1
        hub_weeks.amount += rate
        if payout_id is None:
            hub_weeks.unpaid_weeks += 1
            hub_weeks.unpaid_amount += rate
    return hub_weeks


def hub_half_year(*, hub, year: int, half: int):
    """One hub's weeks of a half-year, each with its rate, and the totals.
    Four queries, whatever the number of weeks."""
    first, last = half_year_bounds(year, half)
    weeks = list(
        hub.student_weeks.filter(week_starts_on__range=(first, last))
        .select_related("mentor")
        .order_by("week_starts_on", "student_name")
    )
    versions = _all_rules()
    payout = HubPayout.objects.filter(hub=hub, year=year, half=half).first()
    summary = _priced(
        HubHalfYear(hub, year, half, payout=payout),
        [(week.week_starts_on, week.payout_id) for week in weeks],
        versions,
    )
    return summary, [
        (week, format_kroner(week_rate(versions, week.week_starts_on))) for week in weeks
    ]


def half_year_summary(*, year: int, half: int, hubs=None) -> list[HubHalfYear]:
    """Per hub with weeks in the half-year (or only the given hubs): weeks,
    amount, and what is paid and unpaid. Five queries, whatever the number of
    hubs and weeks."""
    first, last = half_year_bounds(year, half)
    weeks = HubStudentWeek.objects.filter(week_starts_on__range=(first, last))
    if hubs is not None:
        weeks = weeks.filter(hub__in=hubs)
    by_hub: dict[int, list] = {}
    for hub_id, monday, payout_id in weeks.values_list("hub_id", "week_starts_on", "payout_id"):
        by_hub.setdefault(hub_id, []).append((monday, payout_id))
    if not by_hub:
        return []
    versions = _all_rules()
    payouts = {
        payout.hub_id: payout
        for payout in HubPayout.objects.filter(year=year, half=half, hub_id__in=by_hub)
    }
    return [
        _priced(HubHalfYear(hub, year, half, payout=payouts.get(hub.pk)), by_hub[hub.pk], versions)
        for hub in MentorHub.objects.filter(pk__in=by_hub).select_related("municipality")
    ]


@transaction.atomic
def record_hub_payout(*, hub, year: int, half: int, user) -> HubPayout:
    """Pays the hub's registered weeks of an ended half-year, once."""
    if not is_scheme_administrator(user):
        raise HubError(_("Only the programme office can record a payout."), code="not_allowed")
    first, last = half_year_bounds(year, half)
    hub = _locked(hub)
    existing = HubPayout.objects.filter(hub=hub, year=year, half=half).first()
    if existing is not None:
        raise HubError(
            _("%(hub)s was already paid %(amount)s for this half-year on %(date)s.")
            % {
                "hub": hub.name,
                "amount": format_kroner(existing.amount),
                "date": date_format(timezone.localtime(existing.recorded_at).date()),
            },
            code="already_paid",
        )
    if last >= timezone.localdate():
        raise HubError(
            _("The half-year has not ended yet. Record the payout after %(date)s.")
            % {"date": date_format(last)},
            code="not_ended",
        )
    weeks = list(
        HubStudentWeek.objects.filter(
            hub=hub, week_starts_on__range=(first, last), payout__isnull=True
        ).values_list("pk", "week_starts_on")
    )
    if not weeks:
        raise HubError(
            _("%(hub)s has no registered student-weeks to pay for this half-year.")
            % {"hub": hub.name},
            code="nothing",
        )
    versions = _all_rules()
    try:
        with transaction.atomic():
            payout = HubPayout.objects.create(
                hub=hub,
                year=year,
                half=half,
                week_count=len(weeks),
                amount=sum(week_rate(versions, monday) for _pk, monday in weeks),
                recorded_by=user,
            )
    except IntegrityError:
        raise HubError(
            _("%(hub)s was already paid for this half-year.") % {"hub": hub.name},
            code="already_paid",
        ) from None
    HubStudentWeek.objects.filter(pk__in=[pk for pk, _monday in weeks]).update(payout=payout)
    record(
        AuditAction.HUB_PAYOUT_RECORDED,
        actor=user,
        target=payout,
        label=f"{hub.name} {year}/{half}",
        changes={"amount": [None, payout.amount], "week_count": [None, payout.week_count]},
    )
    return payout
