"""Keeping listings fresh: a listing confirmed more than six months ago is
asked once, by e-mail with a one-click link; left unconfirmed for 30 days it
is hidden, once, and its owner is told. With a frozen clock, the daily task
run twice does everything once."""

import re
from datetime import datetime, timedelta

import pytest
from django_q.models import Schedule
from freezegun import freeze_time

from django.core import mail
from django.utils import timezone

from mentornett.audit.models import AuditAction, AuditEvent
from network.models import MenteeProfile, MentorProfile
from network.scheme.matching.services import freshness
from network.scheme.matching.tasks import keep_listings_fresh_task
from tests.factories import UserFactory

from .finn_board_helpers import list_mentor, publish_search, tynset

pytestmark = pytest.mark.django_db

LISTED = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.get_fixed_timezone(60))
ASKED = LISTED + timedelta(days=200)  # past six months
HIDDEN = ASKED + timedelta(days=31)  # past the 30 days to answer


@pytest.fixture
def mentor(django_capture_on_commit_callbacks):
    with freeze_time(LISTED):
        return list_mentor(UserFactory(full_name="Marit Mentor"), tynset())


def _run(at, capture):
    with freeze_time(at), capture(execute=True):
        return keep_listings_fresh_task()


def _link(message) -> str:
    return re.search(r"/ordningen/finn-mentor/bekreft/[^/\s]+/", message.body).group(0)


def test_nothing_is_asked_before_six_months(mentor, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    assert _run(LISTED + timedelta(days=150), django_capture_on_commit_callbacks) == {
        "asked": 0,
        "hidden": 0,
    }
    assert mail.outbox == []


def test_a_listing_is_asked_once_even_when_the_task_runs_twice(
    mentor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    assert _run(ASKED, django_capture_on_commit_callbacks)["asked"] == 1
    assert _run(ASKED, django_capture_on_commit_callbacks)["asked"] == 0
    assert _run(ASKED + timedelta(days=1), django_capture_on_commit_callbacks)["asked"] == 0
    (message,) = mail.outbox
    assert message.to == [mentor.user.email]
    assert message.subject.endswith("Er du fortsatt tilgjengelig?")
    assert "/ordningen/finn-mentor/bekreft/" in message.body
    mentor.refresh_from_db()
    assert mentor.confirmation_requested_at == ASKED
    assert mentor.listed


def test_the_link_opens_a_page_and_only_its_button_confirms(
    client, mentor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    _run(ASKED, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    with freeze_time(ASKED + timedelta(days=3)):
        page = client.get(link)  # a mail program's link scanner, or the person
        assert page.status_code == 200
        assert "Ja, jeg er fortsatt tilgjengelig" in page.content.decode()
        mentor.refresh_from_db()
        assert mentor.confirmation_requested_at == ASKED
        response = client.post(link, follow=True)
        assert "Takk" in response.content.decode()
        client.post(link)  # a second click is harmless
        assert "Oppføringen din er bekreftet" in client.get(link).content.decode()
    mentor.refresh_from_db()
    assert mentor.confirmed_at == ASKED + timedelta(days=3)
    assert mentor.confirmation_requested_at is None
    mail.outbox.clear()
    assert _run(HIDDEN, django_capture_on_commit_callbacks) == {"asked": 0, "hidden": 0}
    mentor.refresh_from_db()
    assert mentor.listed
    # Six months after the confirmation, the question comes again.
    again = mentor.confirmed_at + timedelta(days=183)
    assert _run(again, django_capture_on_commit_callbacks) == {"asked": 1, "hidden": 0}


def test_an_unconfirmed_listing_is_hidden_once_and_its_owner_told(
    mentor, django_capture_on_commit_callbacks
):
    _run(ASKED, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert _run(ASKED + timedelta(days=29), django_capture_on_commit_callbacks)["hidden"] == 0
    assert _run(HIDDEN, django_capture_on_commit_callbacks)["hidden"] == 1
    assert _run(HIDDEN, django_capture_on_commit_callbacks) == {"asked": 0, "hidden": 0}
    mentor.refresh_from_db()
    assert not mentor.listed
    assert mentor.confirmation_requested_at is None
    (message,) = mail.outbox
    assert message.to == [mentor.user.email]
    assert "skjult" in message.subject
    event = AuditEvent.objects.get(action=AuditAction.FINN_HIDDEN)
    assert (event.actor, event.subject) == (None, mentor.user)


def test_the_link_of_a_hidden_listing_has_expired(
    client, mentor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    _run(ASKED, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    _run(HIDDEN, django_capture_on_commit_callbacks)
    with freeze_time(HIDDEN + timedelta(hours=1)):
        page = client.get(link).content.decode()
        assert "Lenken er utløpt" in page
        client.post(link)
    mentor.refresh_from_db()
    assert not mentor.listed


def test_a_changed_link_is_refused(client, mentor):
    mentor.confirmation_requested_at = timezone.now()
    mentor.save()
    token = freshness.token_for(mentor)
    response = client.get(f"/ordningen/finn-mentor/bekreft/{token[:-3]}xyz/")
    assert response.status_code == 400
    assert "Lenken er ikke gyldig" in response.content.decode()


def test_searches_are_asked_while_open_and_matched_ones_are_left_alone(
    django_capture_on_commit_callbacks,
):
    with freeze_time(LISTED):
        open_search = publish_search(UserFactory())
        matched = publish_search(UserFactory())
        matched.matched_at = timezone.now()
        matched.save()
        hidden = publish_search(UserFactory(), listed=False)
    mail.outbox.clear()
    assert _run(ASKED, django_capture_on_commit_callbacks) == {"asked": 1, "hidden": 0}
    assert [message.to[0] for message in mail.outbox] == [open_search.user.email]
    for profile in (matched, hidden):
        profile.refresh_from_db()
        assert profile.confirmation_requested_at is None


def test_mentors_and_mentees_are_asked_in_their_own_language(django_capture_on_commit_callbacks):
    with freeze_time(LISTED):
        english = UserFactory(preferred_language="en")
        list_mentor(english, tynset())
    mail.outbox.clear()
    _run(ASKED, django_capture_on_commit_callbacks)
    assert mail.outbox[0].subject.endswith("Are you still available?")
    assert MentorProfile.objects.get().confirmation_requested_at is not None
    assert not MenteeProfile.objects.exists()


def test_a_migration_runs_the_task_daily():
    schedule = Schedule.objects.get(func="network.scheme.matching.tasks.keep_listings_fresh_task")
    assert schedule.schedule_type == Schedule.DAILY
