"""An application's status: which changes are allowed, and the one place that
makes them, under the application's row lock, with a line in its history and
a row in the audit log."""

from django.utils.translation import gettext as _

from mentornett.accounts.models import User
from mentornett.audit.services import AuditAction, record
from network.models import Application, ApplicationEvent, ApplicationStatus

from ..errors import ApplicationError

S = ApplicationStatus

APPLICANTS = "applicants"
OFFICE = "office"
ON_ITS_OWN = "on_its_own"

# Every change of status, and who makes it. Applicants send, withdraw and
# accept the decision (when both have, it is active); the programme office
# reviews, decides, ends and pays out. An ended relationship becomes evaluated
# on its own when both evaluations and the mentor's report are in.
ALLOWED_TRANSITIONS: dict[str, dict[str, str]] = {
    S.DRAFT: {S.SUBMITTED: APPLICANTS, S.WITHDRAWN: APPLICANTS},
    S.CHANGES_REQUESTED: {S.SUBMITTED: APPLICANTS, S.WITHDRAWN: APPLICANTS},
    S.SUBMITTED: {S.IN_REVIEW: OFFICE, S.WITHDRAWN: APPLICANTS},
    S.IN_REVIEW: {
        S.GRANTED: OFFICE,
        S.REJECTED: OFFICE,
        S.CHANGES_REQUESTED: OFFICE,
        S.WITHDRAWN: APPLICANTS,
    },
    S.GRANTED: {S.ACTIVE: APPLICANTS, S.WITHDRAWN: APPLICANTS},
    S.ACTIVE: {S.ENDED: OFFICE},
    S.ENDED: {S.EVALUATED: ON_ITS_OWN, S.PAID: OFFICE},
    S.EVALUATED: {S.PAID: OFFICE},
}


def next_statuses(status: str, *, by: str) -> set[str]:
    return {to for to, who in ALLOWED_TRANSITIONS.get(status, {}).items() if who == by}


EDITABLE = {S.DRAFT, S.CHANGES_REQUESTED}
WITHDRAWABLE = {status for status in S if S.WITHDRAWN in next_statuses(status, by=APPLICANTS)}
OFFICE_TRANSITIONS = {status: next_statuses(status, by=OFFICE) - {S.PAID} for status in S}


def locked(application) -> Application:
    """The application's row, locked until the transaction ends: every change
    to an application or its claims takes this lock first."""
    return Application.objects.select_for_update().get(pk=application.pk)


def ensure_allowed(application, to: str, *, by: str) -> None:
    if ALLOWED_TRANSITIONS.get(application.status, {}).get(to) != by:
        raise ApplicationError(
            _("An application that is “%(from)s” cannot become “%(to)s”.")
            % {"from": S(application.status).label, "to": S(to).label},
            code="transition",
        )


def move(application, *, to: str, by: str, user, note: str = "", fields=()) -> None:
    """Change the status of a locked application, save it with `fields`, and
    record the change."""
    ensure_allowed(application, to, by=by)
    previous = application.status
    application.status = to
    application.save(update_fields=["status", *fields, "updated_at"])
    record_event(application, from_status=previous, to_status=to, user=user, note=note)


def record_event(application, *, from_status: str, to_status: str, user: User | None, note=""):
    """A line in the application's history (the same status twice records a
    step within it, such as one party accepting) and its audit row."""
    ApplicationEvent.objects.create(
        application=application,
        from_status=from_status,
        to_status=to_status,
        actor=user,
        actor_name=user.display_name if user else "",
        note=note,
    )
    record(
        AuditAction.APPLICATION_STATUS,
        actor=user,
        target=application,
        label=application.get_kind_display(),
        changes={"status": [from_status or None, to_status]} if from_status != to_status else None,
        note=note,
    )
