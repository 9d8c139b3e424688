from datetime import timedelta

import pytest
from django_q.models import Schedule
from freezegun import freeze_time

from django.core import mail
from django.utils import timezone
from django.utils.module_loading import import_string

from events.models import Registration, RegistrationStatus
from events.services import cancel, register, send_due_reminders
from events.tasks import send_reminders_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WEEK_BEFORE = timedelta(days=6, hours=23)
DAY_BEFORE = timedelta(hours=23)


@pytest.fixture
def starts():
    """When the event starts: twelve days from now, on a whole minute."""
    return (timezone.now() + timedelta(days=12)).replace(second=0, microsecond=0)


@pytest.fixture
def event(make_event, starts):
    return make_event(starts_at=starts, capacity=2)


def register_at(moment, event, person):
    with freeze_time(moment):
        return register(person=person, event=event)


def run_reminders(capture, moment):
    """Run the reminder task as the schedule would at `moment`; returns (count, recipients)."""
    mail.outbox.clear()
    with freeze_time(moment), capture(execute=True):
        sent = send_due_reminders()
    return sent, sorted(address for message in mail.outbox for address in message.to)


def test_a_week_reminder_is_sent_once(
    event, starts, participant, django_capture_on_commit_callbacks
):
    registration = register_at(starts - timedelta(days=10), event, participant)
    moment = starts - WEEK_BEFORE

    assert run_reminders(django_capture_on_commit_callbacks, moment) == (1, [participant.email])
    registration.refresh_from_db()
    assert registration.reminded_week_at == moment
    assert registration.reminded_day_at is None
    assert run_reminders(django_capture_on_commit_callbacks, moment + timedelta(minutes=15)) == (
        0,
        [],
    )


def test_the_week_reminder_waits_until_a_week_before(
    event, starts, participant, django_capture_on_commit_callbacks
):
    register_at(starts - timedelta(days=10), event, participant)
    too_early = starts - timedelta(days=7, hours=1)
    assert run_reminders(django_capture_on_commit_callbacks, too_early) == (0, [])
    assert Registration.objects.get().reminded_week_at is None


def test_a_day_reminder_comes_23_hours_before(
    event, starts, participant, django_capture_on_commit_callbacks
):
    registration = register_at(starts - timedelta(days=10), event, participant)
    capture = django_capture_on_commit_callbacks
    run_reminders(capture, starts - WEEK_BEFORE)

    assert run_reminders(capture, starts - timedelta(hours=25)) == (0, [])
    assert run_reminders(capture, starts - DAY_BEFORE) == (1, [participant.email])
    registration.refresh_from_db()
    assert registration.reminded_day_at == starts - DAY_BEFORE
    assert run_reminders(capture, starts - timedelta(hours=1)) == (0, [])


def test_someone_who_registered_two_days_before_gets_only_the_day_reminder(
    event, starts, participant, django_capture_on_commit_callbacks
):
    registration = register_at(starts - timedelta(days=2), event, participant)
    capture = django_capture_on_commit_callbacks

    assert run_reminders(capture, starts - timedelta(days=2) + timedelta(minutes=15)) == (0, [])
    assert run_reminders(capture, starts - DAY_BEFORE) == (1, [participant.email])
    registration.refresh_from_db()
    assert registration.reminded_week_at is None
    assert registration.reminded_day_at is not None


def test_cancelled_and_waitlisted_people_get_no_reminders(
    event, starts, django_capture_on_commit_callbacks
):
    coming, cancelled, also_coming, waiting = UserFactory.create_batch(4)
    early = starts - timedelta(days=10)
    register_at(early, event, coming)
    with freeze_time(early):
        cancel(registration=register(person=cancelled, event=event))
    register_at(early, event, also_coming)
    register_at(early, event, waiting)
    statuses = dict(Registration.objects.values_list("person_id", "status"))
    assert statuses[cancelled.pk] == RegistrationStatus.CANCELLED
    assert statuses[waiting.pk] == RegistrationStatus.WAITLISTED
    confirmed = sorted([coming.email, also_coming.email])

    capture = django_capture_on_commit_callbacks
    assert run_reminders(capture, starts - WEEK_BEFORE) == (2, confirmed)
    assert run_reminders(capture, starts - DAY_BEFORE) == (2, confirmed)


def test_an_unpublished_event_sends_no_reminders(
    event, starts, participant, django_capture_on_commit_callbacks
):
    register_at(starts - timedelta(days=10), event, participant)
    event.unpublish()

    capture = django_capture_on_commit_callbacks
    assert run_reminders(capture, starts - WEEK_BEFORE) == (0, [])
    assert run_reminders(capture, starts - DAY_BEFORE) == (0, [])
    assert Registration.objects.filter(reminded_week_at__isnull=False).count() == 0


def test_a_moved_event_tells_registrants_and_earns_its_reminders_again(
    event, starts, participant, other_participant, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    event.capacity = 1
    event.save_revision().publish()
    register_at(starts - timedelta(days=10), event, participant)
    register_at(starts - timedelta(days=10), event, other_participant)  # on the waitlist
    assert run_reminders(capture, starts - WEEK_BEFORE) == (1, [participant.email])

    mail.outbox.clear()
    moved = starts + timedelta(days=3)
    with freeze_time(starts - timedelta(days=6)), capture(execute=True):
        event.starts_at, event.ends_at = moved, moved + timedelta(hours=3)
        event.save_revision().publish()

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [participant.email, other_participant.email]
    )
    registration = Registration.objects.get(person=participant)
    assert (registration.reminded_week_at, registration.reminded_day_at) == (None, None)
    assert run_reminders(capture, moved - WEEK_BEFORE) == (1, [participant.email])
    assert run_reminders(capture, moved - DAY_BEFORE) == (1, [participant.email])


def test_a_republished_event_without_changes_sends_nothing_and_keeps_reminders(
    event, starts, participant, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    register_at(starts - timedelta(days=10), event, participant)
    run_reminders(capture, starts - WEEK_BEFORE)

    mail.outbox.clear()
    with capture(execute=True):
        event.intro = "Ny tekst, samme tid og sted"
        event.save_revision().publish()

    assert mail.outbox == []
    assert Registration.objects.get().reminded_week_at == starts - WEEK_BEFORE
    assert run_reminders(capture, starts - WEEK_BEFORE + timedelta(hours=1)) == (0, [])


def test_the_reminder_task_is_scheduled_by_the_migrations():
    schedule = Schedule.objects.get(func="events.tasks.send_reminders_task")
    assert schedule.repeats == -1
    assert schedule.schedule_type == Schedule.MINUTES
    assert 0 < schedule.minutes <= 60
    assert import_string(schedule.func) is send_reminders_task


def test_the_reminder_task_sends_the_due_reminders(
    event, starts, participant, django_capture_on_commit_callbacks
):
    register_at(starts - timedelta(days=10), event, participant)
    mail.outbox.clear()
    with freeze_time(starts - WEEK_BEFORE), django_capture_on_commit_callbacks(execute=True):
        assert send_reminders_task() == 1
    assert [message.to for message in mail.outbox] == [[participant.email]]
