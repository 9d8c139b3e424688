"""RFC 5545 calendars: one event, or a person's feed of confirmed events.
Times are written with TZID=Europe/Oslo and a VTIMEZONE, so a calendar shows
the right time on both sides of a daylight-saving change."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mentornett.links import absolute

from .models import EventPage, EventSchedule
from .permissions import can_see_meeting_link

OSLO = ZoneInfo("Europe/Oslo")
UID_DOMAIN = "mentornett.no"
# slugify drops what has no ASCII decomposition: æ and ø would vanish from file names.
NORWEGIAN_IN_ASCII = str.maketrans({"æ": "ae", "ø": "o", "Æ": "Ae", "Ø": "O"})


def event_uid(event) -> str:
    """Stable for the life of the event, whatever an editor changes."""
    return f"event-{event.pk}@{UID_DOMAIN}"


def where_lines(event: EventPage, *, with_link: bool) -> list[str]:
    """Where the event is, in lines, for e-mails and calendar entries."""
    if event.is_online:
        lines = [_("Online")]
        if with_link and event.meeting_url:
            lines.append(_("Meeting link: %(url)s") % {"url": event.meeting_url})
            if event.meeting_details:
                lines.append(event.meeting_details)
        return lines
    return [line for line in (event.venue, event.address) if line]


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Mentornett//Arrangementer//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _component(event, *, sequence: int, with_link: bool, stamp) -> Event:
    component = Event()
    component.add("uid", event_uid(event))
    component.add("sequence", sequence)
    component.add("dtstamp", stamp)
    component.add("dtstart", event.starts_at.astimezone(OSLO))
    component.add("dtend", event.ends_at.astimezone(OSLO))
    component.add("summary", event.title)
    url = absolute(event.url or "")
    component.add("url", url)
    lines = [event.intro] if event.intro else []
    if with_link and event.meeting_url:
        lines += where_lines(event, with_link=True)
    lines.append(url)
    component.add("description", "\n".join(lines))
    if event.is_online:
        component.add(
            "location", event.meeting_url if with_link and event.meeting_url else "Digitalt"
        )
    else:
        component.add("location", ", ".join(part for part in (event.venue, event.address) if part))
    component.add("status", "CONFIRMED")
    return component


def _finish(calendar: Calendar, events) -> bytes:
    days = [timezone.localdate(e.starts_at) for e in events] or [date.today()]
    calendar.add_missing_timezones(
        first_date=min(days) - timedelta(days=366), last_date=max(days) + timedelta(days=366)
    )
    return calendar.to_ical()


def event_ics(event, *, sequence: int, with_link: bool) -> bytes:
    calendar = _calendar(event.title)
    stamp = timezone.now()
    calendar.add_component(_component(event, sequence=sequence, with_link=with_link, stamp=stamp))
    return _finish(calendar, [event])


def event_entry(event, *, registration) -> tuple[str, bytes]:
    """One event's calendar file (name, content) as `registration`'s holder may
    see it, or anyone when it is None: the meeting link only for a confirmed
    place, at the sequence registrants were last told, so a calendar that has
    the entry updates it rather than adding a second."""
    schedule = EventSchedule.objects.filter(event=event).first()
    content = event_ics(
        event,
        sequence=schedule.sequence if schedule else 0,
        with_link=can_see_meeting_link(registration),
    )
    return f"{slugify(event.title.translate(NORWEGIAN_IN_ASCII)) or 'arrangement'}.ics", content


def feed_ics(events_with_sequence, *, name: str) -> bytes:
    """events_with_sequence: [(event, sequence)] of the person's confirmed events."""
    calendar = _calendar(name)
    calendar.add("x-published-ttl", "PT6H")
    stamp = timezone.now()
    for event, sequence in events_with_sequence:
        calendar.add_component(_component(event, sequence=sequence, with_link=True, stamp=stamp))
    return _finish(calendar, [event for event, _ in events_with_sequence])
