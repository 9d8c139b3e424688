from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from django.core import mail
from django.urls import reverse

from events.models import CalendarFeed, EventKind
from events.services import cancel, register, renew_calendar_feed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
LINK = "https://zoom.example.no/j/123456789"


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def only_event(calendar):
    (component,) = calendar.walk("VEVENT")
    return component


def test_event_ics_round_trips_time_zone_and_uid(client, make_event):
    event = make_event(days=30, kind=EventKind.GATHERING, venue="Scandic Gardermoen")
    calendar = parse(client.get(reverse("events:ics", args=[event.pk])))
    (timezone_block,) = calendar.walk("VTIMEZONE")
    assert str(timezone_block["TZID"]) == "Europe/Oslo"
    component = only_event(calendar)
    assert component["DTSTART"].params["TZID"] == "Europe/Oslo"
    # iCalendar keeps whole seconds.
    assert component.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert component.decoded("DTSTART").tzinfo.key == "Europe/Oslo"
    assert component.decoded("DTEND") == event.ends_at.replace(microsecond=0)
    assert str(component["UID"]) == f"event-{event.pk}@mentornett.no"
    assert component["SEQUENCE"] == 0
    assert "Scandic Gardermoen" in str(component["LOCATION"])


def test_changing_the_time_raises_the_sequence_keeps_the_uid_and_tells_registrants(
    client, make_event, participant, django_capture_on_commit_callbacks
):
    event = make_event(days=30, meeting_url=LINK)
    register(person=participant, event=event)
    waiting = UserFactory()
    url = reverse("events:ics", args=[event.pk])
    before = only_event(parse(client.get(url)))

    event.title = "Nytt navn, samme tid"
    event.save_revision().publish()
    assert only_event(parse(client.get(url)))["SEQUENCE"] == 0  # title only: no new sequence

    mail.outbox.clear()
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    after = only_event(parse(client.get(url)))
    assert after["SEQUENCE"] == 1
    assert str(after["UID"]) == str(before["UID"])
    assert after.decoded("DTSTART") == before.decoded("DTSTART") + timedelta(days=1)
    assert [message.to for message in mail.outbox] == [[participant.email]]
    assert LINK in mail.outbox[0].body  # confirmed: the link is in the e-mail
    assert waiting.email not in str([m.to for m in mail.outbox])


def test_meeting_link_is_only_in_the_calendar_of_confirmed_participants(
    client, make_event, participant
):
    event = make_event(capacity=1, meeting_url=LINK)
    url = reverse("events:ics", args=[event.pk])
    assert LINK.encode() not in client.get(url).content
    waiting = UserFactory()
    register(person=participant, event=event)
    register(person=waiting, event=event)
    client.force_login(waiting)
    assert LINK.encode() not in client.get(url).content
    client.force_login(participant)
    assert LINK.encode() in client.get(url).content


def test_the_feed_lists_only_confirmed_events_and_a_new_address_revokes_the_old(
    client, make_event, participant
):
    confirmed = make_event(days=3, title="Bekreftet", meeting_url=LINK)
    full = make_event(days=4, title="Fullt", capacity=1)
    dropped = make_event(days=5, title="Avmeldt")
    register(person=UserFactory(), event=full)
    register(person=participant, event=confirmed)
    register(person=participant, event=full)
    cancel(registration=register(person=participant, event=dropped))

    client.force_login(participant)
    client.post(reverse("events:renew_feed"))
    feed = CalendarFeed.objects.get(person=participant)
    assert len(feed.token) >= 43  # 256 random bits, URL-safe
    client.logout()
    calendar = parse(client.get(reverse("events:feed", args=[feed.token])))
    assert [str(c["SUMMARY"]) for c in calendar.walk("VEVENT")] == ["Bekreftet"]
    assert LINK in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])

    old = feed.token
    renew_calendar_feed(person=participant)
    assert client.get(reverse("events:feed", args=[old])).status_code == 404
    new = CalendarFeed.objects.get(person=participant).token
    assert new != old
    assert client.get(reverse("events:feed", args=[new])).status_code == 200


def test_a_made_up_feed_token_is_not_found(client, participant):
    renew_calendar_feed(person=participant)
    assert client.get(reverse("events:feed", args=["gjett-meg"])).status_code == 404
