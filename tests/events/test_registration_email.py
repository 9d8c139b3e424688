"""The e-mail that confirms a place carries the event's calendar entry (.ics),
made by the same builder as the event page's calendar download."""

import pytest
from icalendar import Calendar

from django.core import mail

from events.calendar import event_uid
from events.services import cancel, register
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LINK = "https://zoom.example.no/j/123456789"


def _calendar_entries(message) -> list:
    return [
        Calendar.from_ical(content).walk("VEVENT")[0]
        for _filename, content, mimetype in message.attachments
        if mimetype.startswith("text/calendar")
    ]


def test_the_confirmation_email_carries_the_events_calendar_entry(
    make_event, participant, django_capture_on_commit_callbacks
):
    event = make_event(title="Klauvskjæring for nyutdannede", meeting_url=LINK)
    with django_capture_on_commit_callbacks(execute=True):
        register(person=participant, event=event)

    (message,) = mail.outbox
    (filename, _content, mimetype) = message.attachments[0]
    assert filename == "klauvskjaering-for-nyutdannede.ics"
    assert mimetype == "text/calendar"
    (entry,) = _calendar_entries(message)
    assert str(entry["UID"]) == event_uid(event)
    assert str(entry["SUMMARY"]) == "Klauvskjæring for nyutdannede"
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    # A confirmed place may see the meeting link, in the calendar as on the page.
    assert LINK in str(entry["DESCRIPTION"])


def test_a_waitlisted_person_gets_no_calendar_entry_until_a_place_is_theirs(
    make_event, participant, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1, meeting_url=LINK)
    first = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first_registration = register(person=first, event=event)
        register(person=participant, event=event)
    waitlisted = next(m for m in mail.outbox if m.to == [participant.email])
    assert _calendar_entries(waitlisted) == []

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(registration=first_registration)
    offered = next(m for m in mail.outbox if m.to == [participant.email])
    (entry,) = _calendar_entries(offered)
    assert str(entry["UID"]) == event_uid(event)
