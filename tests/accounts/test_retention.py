"""Retention: old drafts and logs are purged; the rest, and everything the law
keeps, stays. Running the purge twice removes nothing more."""

from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress, EmailConfirmation
from django_q.models import Schedule, Task

from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from mentornett.audit.models import AuditEvent
from network.models import (
    Application,
    ApplicationStatus,
    Payout,
    RelationshipKind,
    TaskReminder,
    TeamInvitation,
)
from network.scheme.services import applications as application_services
from tests.factories import UserFactory

DAY = timedelta(days=1)


@pytest.fixture
def windows(settings):
    settings.RETENTION_DRAFT_DAYS = 180
    settings.RETENTION_LOG_DAYS = 60
    return settings


def _aged(model, pk, field, days):
    model.objects.filter(pk=pk).update(**{field: timezone.now() - days * DAY})


def _task(days_ago):
    stopped = timezone.now() - days_ago * DAY
    return Task.objects.create(
        id=f"task-{days_ago}",
        name=f"task-{days_ago}",
        func="mentornett.tasks.send_email",
        started=stopped,
        stopped=stopped,
        success=True,
    )


def _session(expires_in_days):
    store = SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + expires_in_days * DAY
    )
    return store.session_key


def test_purge_removes_exactly_the_expired_rows(windows, world, scheme):
    person = UserFactory()
    old_draft = application_services.start_application(
        user=person, role="mentor", kind=RelationshipKind.INEXPERIENCED_VET
    )
    new_draft = application_services.start_application(
        user=person, role="mentor", kind=RelationshipKind.INEXPERIENCED_VET
    )
    _aged(Application, old_draft.pk, "updated_at", 181)
    _aged(Application, new_draft.pk, "updated_at", 179)
    # Sent long ago and since paid: a financial record, never purged.
    paid = Application.objects.create(
        kind=RelationshipKind.INEXPERIENCED_VET,
        status=ApplicationStatus.PAID,
        mentor=scheme.mentor,
        mentee=scheme.mentee,
        submitted_at=timezone.now() - 900 * DAY,
    )
    Payout.objects.create(application=paid, mentor_fee=40000, mentee_amount=0)
    _aged(Application, paid.pk, "updated_at", 900)

    old_open = TeamInvitation.objects.create(team=world.team_a, email="a@example.no", role="hr")
    new_open = TeamInvitation.objects.create(team=world.team_a, email="b@example.no", role="hr")
    old_accepted = TeamInvitation.objects.create(
        team=world.team_b, email="c@example.no", role="hr", accepted_at=timezone.now()
    )
    _aged(TeamInvitation, old_open.pk, "created_at", 181)
    _aged(TeamInvitation, old_accepted.pk, "created_at", 400)

    old_task, new_task = _task(61), _task(59)
    expired, live = _session(-1), _session(+1)
    old_reminder = TaskReminder.objects.create(
        team=world.team_a, task=world.status_task, kind="late", deadline=timezone.now() - 61 * DAY
    )
    new_reminder = TaskReminder.objects.create(
        team=world.team_a, task=world.final_task, kind="late", deadline=timezone.now() - 10 * DAY
    )
    address = EmailAddress.objects.get(user=person)
    old_confirmation = EmailConfirmation.objects.create(email_address=address, key="old")
    _aged(EmailConfirmation, old_confirmation.pk, "sent", 30)
    fresh_confirmation = EmailConfirmation.objects.create(
        email_address=address, key="fresh", sent=timezone.now()
    )
    login_logs = apps.get_model("axes", "AccessLog")
    old_login = login_logs.objects.create(username="x@example.no", ip_address="10.0.0.1")
    new_login = login_logs.objects.create(username="y@example.no", ip_address="10.0.0.2")
    _aged(login_logs, old_login.pk, "attempt_time", 61)
    audit_rows = AuditEvent.objects.count()
    assert audit_rows  # the certificates of the scheme fixture were logged

    out = StringIO()
    call_command("purge_expired_data", stdout=out)
    report = out.getvalue()

    assert not Application.objects.filter(pk=old_draft.pk).exists()
    assert Application.objects.filter(pk__in=[new_draft.pk, paid.pk]).count() == 2
    assert Payout.objects.filter(application=paid).exists()
    assert set(TeamInvitation.objects.values_list("pk", flat=True)) == {
        new_open.pk,
        old_accepted.pk,
    }
    assert not Task.objects.filter(id=old_task.id).exists()
    assert Task.objects.filter(id=new_task.id).exists()
    assert set(Session.objects.values_list("session_key", flat=True)) >= {live}
    assert not Session.objects.filter(session_key=expired).exists()
    assert set(TaskReminder.objects.values_list("pk", flat=True)) == {new_reminder.pk}
    assert not TaskReminder.objects.filter(pk=old_reminder.pk).exists()
    assert set(EmailConfirmation.objects.values_list("key", flat=True)) == {fresh_confirmation.key}
    assert set(login_logs.objects.values_list("pk", flat=True)) == {new_login.pk}
    assert AuditEvent.objects.count() >= audit_rows

    assert "søknadsutkast som aldri ble sendt: 1" in report
    assert "teaminvitasjoner som aldri ble akseptert: 1" in report
    assert "resultater av ferdige bakgrunnsoppgaver: 1" in report
    assert "logger over innloggingsforsøk: 1" in report

    again = StringIO()
    call_command("purge_expired_data", stdout=again)
    assert "Total: 0" in again.getvalue()


def test_reminder_records_stay_while_a_late_reminder_can_still_be_due(settings, world):
    settings.RETENTION_LOG_DAYS = 1
    recent = TaskReminder.objects.create(
        team=world.team_a, task=world.status_task, kind="late", deadline=timezone.now() - 20 * DAY
    )
    call_command("purge_expired_data", stdout=StringIO())
    assert TaskReminder.objects.filter(pk=recent.pk).exists()


def test_the_purge_runs_daily_on_the_queue(db):
    schedule = Schedule.objects.get(func="mentornett.accounts.tasks.purge_expired_data_task")
    assert schedule.schedule_type == Schedule.DAILY
    assert schedule.repeats == -1
