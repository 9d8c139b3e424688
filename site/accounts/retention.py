"""Data kept only for a while: drafts nobody finished, and logs. Run daily by
the queue (migration 0005) and by `manage.py purge_expired_data`.

Never purged here: the audit log, the application history of anything sent,
and financial records (claims, payouts, hub payouts), which the law keeps.
Each rule deletes only what is past its window, so running twice is harmless."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RULES = {
    "application_drafts": _("application drafts never sent"),
    "team_invitations": _("team invitations never accepted"),
    "email_confirmations": _("expired e-mail confirmations"),
    "sessions": _("expired sessions"),
    "queue_results": _("results of finished background tasks"),
    "task_reminders": _("records of sent home-task reminders"),
    "login_attempts": _("login attempt logs"),
}


def cutoffs(now=None) -> tuple:
    now = now or timezone.now()
    return (
        now,
        now - timedelta(days=settings.RETENTION_DRAFT_DAYS),
        now - timedelta(days=settings.RETENTION_LOG_DAYS),
    )


def purge_expired_data(*, now=None) -> dict[str, int]:
    """Delete what has expired; return how many rows each rule removed."""
    now, draft_cutoff, log_cutoff = cutoffs(now)
    return {
        "application_drafts": _application_drafts(draft_cutoff),
        "team_invitations": _team_invitations(draft_cutoff),
        "email_confirmations": _email_confirmations(now),
        "sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        "queue_results": _queue_results(log_cutoff),
        "task_reminders": _task_reminders(now, log_cutoff),
        "login_attempts": _login_attempts(log_cutoff),
    }


def _application_drafts(cutoff) -> int:
    from network.models import Application, ApplicationStatus

    removed = 0
    drafts = Application.objects.filter(
        status=ApplicationStatus.DRAFT, submitted_at__isnull=True, updated_at__lt=cutoff
    )
    for draft in drafts.only("pk", "contract"):
        contract = draft.contract.name if draft.contract else ""
        try:
            with transaction.atomic():
                draft.delete()
        except ProtectedError:
            continue  # something that must be kept points at it
        removed += 1
        if contract:
            storage = Application._meta.get_field("contract").storage
            transaction.on_commit(lambda name=contract, storage=storage: storage.delete(name))
    return removed


def _team_invitations(cutoff) -> int:
    """Accepted invitations record who joined; the rest hold only an address."""
    from network.models import TeamInvitation

    return TeamInvitation.objects.filter(accepted_at__isnull=True, created_at__lt=cutoff).delete()[
        0
    ]


def _email_confirmations(now) -> int:
    from allauth.account.models import EmailConfirmation

    return EmailConfirmation.objects.all_expired().delete()[0]


def _queue_results(cutoff) -> int:
    from django_q.models import Task

    return Task.objects.filter(stopped__lt=cutoff).delete()[0]


def _task_reminders(now, cutoff) -> int:
    """A row stops a reminder being sent twice; once no reminder can be due
    for its deadline any more, it is only a log."""
    from network.models import TaskReminder
    from network.services.reminders import LATE_WINDOW

    cutoff = min(cutoff, now - LATE_WINDOW - timedelta(days=1))
    return TaskReminder.objects.filter(deadline__lt=cutoff).delete()[0]


def _login_attempts(cutoff) -> int:
    if not apps.is_installed("axes"):
        return 0
    removed = 0
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        removed += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return removed
