"""What happens when an editor publishes an event: the calendar SEQUENCE goes
up and registrants hear about it when the time or place changes, and a raised
capacity moves people up from the waitlist."""

from django.db import transaction
from django.utils import timezone

from .. import notifications
from ..models import CalendarFeed, EventPage, EventSchedule, Registration
from .registration import fill_free_places


@transaction.atomic
def record_published(*, event: EventPage, now=None) -> EventSchedule:
    now = now or timezone.now()
    fingerprint = event.place_fingerprint()
    schedule, created = EventSchedule.objects.select_for_update().get_or_create(
        event=event, defaults={"fingerprint": fingerprint}
    )
    if not created and schedule.fingerprint != fingerprint:
        schedule.sequence += 1
        schedule.fingerprint = fingerprint
        schedule.save(update_fields=["sequence", "fingerprint", "updated_at"])
        if event.ends_at > now:
            active = list(
                Registration.objects.filter(event=event).active().select_related("person", "event")
            )
            # A moved event earns its reminders again.
            Registration.objects.filter(pk__in=[r.pk for r in active]).update(
                reminded_week_at=None, reminded_day_at=None
            )
            for registration in active:
                transaction.on_commit(lambda r=registration: notifications.schedule_changed(r))
    fill_free_places(event=event, now=now)
    return schedule


@transaction.atomic
def renew_calendar_feed(*, person) -> CalendarFeed:
    """A new secret address for the person's calendar; the old one stops working."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(person=person)
    if not created:
        feed.token = CalendarFeed._meta.get_field("token").default()
        feed.save(update_fields=["token", "created_at"])
    return feed


def calendar_feed_for(*, person) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed
