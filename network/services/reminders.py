"""E-mails about home tasks: to coordinators before a task is due and when it
is late, a digest of new submissions to each advisor, and a note to the team
when the advisor returns a report. Each reminder is claimed by a unique row
before it is sent, so a reminder goes out once even if two workers run."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentornett.links import absolute
from mentornett.mail import Message, send_to_person

from ..models import (
    HomeTask,
    ReminderKind,
    Submission,
    SubmissionVersion,
    TaskReminder,
    Team,
    TeamMembership,
    TeamRole,
)

# Late reminders are sent for tasks due in the last month, not for old ones.
LATE_WINDOW = timedelta(days=30)


def _coordinators(team_ids):
    by_team = defaultdict(list)
    for membership in TeamMembership.objects.filter(
        team_id__in=team_ids, role=TeamRole.COORDINATOR
    ).select_related("person"):
        by_team[membership.team_id].append(membership.person)
    return by_team


def _deadline_text(task) -> str:
    return date_format(timezone.localtime(task.deadline), "l j. F Y H:i")


def _claim(*, team, task, kind) -> bool:
    try:
        with transaction.atomic():
            TaskReminder.objects.create(team=team, task=task, kind=kind, deadline=task.deadline)
    except IntegrityError:
        return False
    return True


def _remind(task, team, coordinators, kind):
    url = absolute(reverse("network:task", args=[team.pk, task.pk]))

    def compose():
        values = {
            "task": task.title,
            "deadline": _deadline_text(task),
            "gathering": task.gathering.title,
        }
        if kind == ReminderKind.DUE_SOON:
            subject = _("“%(task)s” is due %(deadline)s") % values
            text = (
                _(
                    "The team's answer to “%(task)s” is due %(deadline)s, before the gathering "
                    "“%(gathering)s”. The draft is saved as you write, and everyone on the "
                    "team can add to it."
                )
                % values
            )
        else:
            subject = _("“%(task)s” is late") % values
            text = (
                _(
                    "The deadline for “%(task)s” was %(deadline)s, and the team has not sent "
                    "its answer yet. Send what you have: the organisers read it before "
                    "the gathering, and a late answer is better than none."
                )
                % values
            )
        return Message(subject=subject, paragraphs=[text], action=(_("Open the task"), url))

    for person in coordinators:
        send_to_person(person, compose)


def send_task_reminders(*, now=None) -> int:
    now = now or timezone.now()
    ahead = timedelta(days=settings.NETWORK_TASK_REMINDER_DAYS)
    tasks = HomeTask.objects.select_related("gathering").filter(
        gathering__starts_at__gte=now - LATE_WINDOW,
        gathering__starts_at__lte=now + ahead + timedelta(days=130),
    )
    sent = 0
    for task in tasks:
        if now <= task.deadline <= now + ahead:
            kind = ReminderKind.DUE_SOON
        elif now - LATE_WINDOW <= task.deadline < now:
            kind = ReminderKind.LATE
        else:
            continue
        submitted = Submission.objects.filter(task=task, submitted_at__isnull=False).values(
            "team_id"
        )
        teams = list(Team.objects.filter(network_id=task.network_id).exclude(pk__in=submitted))
        coordinators = _coordinators([team.pk for team in teams])
        for team in teams:
            if coordinators[team.pk] and _claim(team=team, task=task, kind=kind):
                _remind(task, team, coordinators[team.pk], kind)
                sent += 1
    return sent


@transaction.atomic
def send_advisor_digests(*, now=None) -> int:
    """One e-mail per advisor listing the versions sent since the last digest."""
    now = now or timezone.now()
    versions = list(
        SubmissionVersion.objects.select_for_update(of=("self",))
        .filter(advisor_notified_at__isnull=True, submission__team__advisor__isnull=False)
        .select_related("submission__team__advisor", "submission__team__municipality")
        .select_related("submission__task")
        .order_by("submitted_at")
    )
    by_advisor = defaultdict(list)
    for version in versions:
        by_advisor[version.submission.team.advisor].append(version)
    url = absolute(reverse("network:my_teams"))
    for advisor, items in by_advisor.items():

        def compose(items=items):
            return Message(
                subject=ngettext(
                    "%(count)s new report from your teams",
                    "%(count)s new reports from your teams",
                    len(items),
                )
                % {"count": len(items)},
                paragraphs=[_("Your teams have sent these since the last summary:")],
                lines=[_line(version) for version in items],
                action=(_("Open your teams"), url),
            )

        send_to_person(advisor, compose)
    SubmissionVersion.objects.filter(pk__in=[v.pk for v in versions]).update(
        advisor_notified_at=now
    )
    return len(by_advisor)


def _line(version) -> str:
    submission = version.submission
    late = _(" (late)") if version.is_late else ""
    return f"{submission.team} – {submission.task.title}, v{version.number}{late}"


def notify_returned(*, submission: Submission) -> None:
    team = submission.team
    task = submission.task
    url = absolute(reverse("network:task", args=[team.pk, task.pk]))

    def compose():
        return Message(
            subject=_("“%(task)s” was returned for changes") % {"task": task.title},
            paragraphs=[
                _(
                    "Your advisor has read the team's answer to “%(task)s” and asks for some "
                    "changes. The comment is on the task page."
                )
                % {"task": task.title}
            ],
            action=(_("Open the task"), url),
        )

    for person in _coordinators([team.pk])[team.pk]:
        send_to_person(person, compose)


def run_network_reminders() -> dict:
    return {"reminders": send_task_reminders(), "digests": send_advisor_digests()}
