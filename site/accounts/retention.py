"""Data kept only for a while: drafts nobody finished, what people sent each
other in Finn mentor once it is over, and logs. Run daily by
the queue (migration 0005) and by `manage.py purge_expired_data`.

Never purged here: the audit log, the application history of anything sent,
and financial records (claims, payouts, hub payouts), which the law keeps.
Each rule deletes only what is past its window, so running twice is harmless."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

RULES = {
    "application_drafts": _("application drafts never sent"),
    "pending_uploads": _("files kept from a refused form and never sent"),
    "team_invitations": _("team invitations never accepted"),
    "email_confirmations": _("expired e-mail confirmations"),
    "sessions": _("expired sessions"),
    "queue_results": _("results of finished background tasks"),
    "task_reminders": _("records of sent home-task reminders"),
    "login_attempts": _("login attempt logs"),
    "finn_requests": _("closed mentor requests in Finn mentor"),
    "finn_proposals": _("closed proposals of the programme office in Finn mentor"),
    "finn_answers": _("answers to searches that are over in Finn mentor"),
    "finn_interests": _("answers to municipality needs that are closed in Finn mentor"),
}


@dataclass(frozen=True)
class Cutoffs:
    now: datetime
    drafts: datetime  # what was last changed before this is an old draft
    logs: datetime  # what was logged before this is an old log


def cutoffs(now=None) -> Cutoffs:
    now = now or timezone.now()
    return Cutoffs(
        now=now,
        drafts=now - timedelta(days=settings.RETENTION_DRAFT_DAYS),
        logs=now - timedelta(days=settings.RETENTION_LOG_DAYS),
    )


# Each rule's function, by dotted path, so this module stays below the apps
# whose rows it removes. A function takes Cutoffs and returns how many rows
# it removed.
PURGES = {
    "application_drafts": "network.scheme.retention.purge_application_drafts",
    "pending_uploads": "network.scheme.retention.purge_pending_uploads",
    "team_invitations": "network.retention.purge_team_invitations",
    "email_confirmations": "mentornett.accounts.retention.purge_email_confirmations",
    "sessions": "mentornett.accounts.retention.purge_sessions",
    "queue_results": "mentornett.accounts.retention.purge_queue_results",
    "task_reminders": "network.retention.purge_task_reminders",
    "login_attempts": "mentornett.accounts.retention.purge_login_attempts",
    "finn_requests": "network.scheme.retention.purge_finn_requests",
    "finn_proposals": "network.scheme.retention.purge_finn_proposals",
    "finn_answers": "network.scheme.retention.purge_finn_answers",
    "finn_interests": "network.scheme.retention.purge_finn_interests",
}


def purge_expired_data(*, now=None) -> dict[str, int]:
    """Delete what has expired; return how many rows each rule removed."""
    limits = cutoffs(now)
    return {key: import_string(path)(limits) for key, path in PURGES.items()}


def purge_sessions(cutoffs: Cutoffs) -> int:
    return Session.objects.filter(expire_date__lt=cutoffs.now).delete()[0]


def purge_email_confirmations(cutoffs: Cutoffs) -> int:
    from allauth.account.models import EmailConfirmation

    return EmailConfirmation.objects.all_expired().delete()[0]


def purge_queue_results(cutoffs: Cutoffs) -> int:
    from django_q.models import Task

    return Task.objects.filter(stopped__lt=cutoffs.logs).delete()[0]


def purge_login_attempts(cutoffs: Cutoffs) -> int:
    if not apps.is_installed("axes"):
        return 0
    removed = 0
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        removed += model.objects.filter(attempt_time__lt=cutoffs.logs).delete()[0]
    return removed
