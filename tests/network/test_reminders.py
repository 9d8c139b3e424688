from datetime import timedelta

import pytest

from django.core import mail

from network.models import TaskReminder
from network.services import save_draft, send_advisor_digests, send_task_reminders, submit


def _send(world, team, user):
    save_draft(team=team, task=world.status_task, user=user, sections={"done": "x"},
               bases={"done": ""})  # fmt: skip
    return submit(team=team, task=world.status_task, user=user)


@pytest.mark.django_db
class TestTaskReminders:
    def test_coordinators_of_teams_that_have_not_sent_are_reminded_once(
        self, world, django_capture_on_commit_callbacks
    ):
        _send(world, world.team_b, world.coordinator_b)
        soon = world.status_task.deadline - timedelta(days=3)
        with django_capture_on_commit_callbacks(execute=True):
            assert send_task_reminders(now=soon) == 1
        assert [m.to for m in mail.outbox] == [[world.coordinator_a.email]]
        assert "Statusrapport før samling 2" in mail.outbox[0].subject
        with django_capture_on_commit_callbacks(execute=True):
            assert send_task_reminders(now=soon + timedelta(hours=1)) == 0
        assert len(mail.outbox) == 1

    def test_a_late_task_gets_its_own_reminder(self, world, django_capture_on_commit_callbacks):
        deadline = world.status_task.deadline
        with django_capture_on_commit_callbacks(execute=True):
            send_task_reminders(now=deadline - timedelta(days=2))
            send_task_reminders(now=deadline + timedelta(days=1))
        kinds = sorted(TaskReminder.objects.values_list("kind", flat=True))
        # Both teams: due soon, then late.
        assert kinds == ["due_soon", "due_soon", "late", "late"]
        assert len(mail.outbox) == 4

    def test_nothing_is_sent_long_before_the_deadline(self, world):
        assert send_task_reminders(now=world.status_task.deadline - timedelta(days=30)) == 0

    def test_a_moved_gathering_brings_a_new_reminder(
        self, world, django_capture_on_commit_callbacks
    ):
        deadline = world.status_task.deadline
        send_task_reminders(now=deadline - timedelta(days=2))
        gathering = world.gathering
        gathering.starts_at += timedelta(days=10)
        gathering.ends_at += timedelta(days=10)
        gathering.save_revision().publish()
        task = type(world.status_task).objects.get(pk=world.status_task.pk)
        assert send_task_reminders(now=task.deadline - timedelta(days=2)) == 2


@pytest.mark.django_db
def test_advisor_digest_lists_new_versions_once(world, django_capture_on_commit_callbacks):
    _send(world, world.team_a, world.coordinator_a)
    _send(world, world.team_b, world.coordinator_b)  # team B has no advisor
    with django_capture_on_commit_callbacks(execute=True):
        assert send_advisor_digests() == 1
    assert [m.to for m in mail.outbox] == [[world.advisor_a.email]]
    assert "Sarpsborg – Statusrapport før samling 2, v1" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_advisor_digests() == 0
    assert len(mail.outbox) == 1
