"""Team invitations never accepted and old home-task reminder records are
deleted (mentornett.accounts.retention runs the rules)."""

from datetime import timedelta

from mentornett.accounts.retention import Cutoffs

from .models import TaskReminder, TeamInvitation
from .services.reminders import LATE_WINDOW


def purge_team_invitations(cutoffs: Cutoffs) -> int:
    """Accepted invitations record who joined; the rest hold only an address."""
    expired = TeamInvitation.objects.filter(accepted_at__isnull=True, created_at__lt=cutoffs.drafts)
    return expired.delete()[0]


def purge_task_reminders(cutoffs: Cutoffs) -> int:
    """A row stops a reminder being sent twice; once no reminder can be due
    for its deadline any more, it is only a log."""
    cutoff = min(cutoffs.logs, cutoffs.now - LATE_WINDOW - timedelta(days=1))
    return TaskReminder.objects.filter(deadline__lt=cutoff).delete()[0]
