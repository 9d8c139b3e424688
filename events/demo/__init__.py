"""Demo events for `make run`. The demo learning network and its gatherings
are in network/demo/.

Idempotent: pages are looked up by slug, rows with get_or_create, and a
registration that exists is left alone. Dates are set relative to the day the
demo is first loaded, so that the upcoming events are upcoming then; running
it again later changes nothing."""

from django.utils import timezone

from mentornett.demo import publish

from ..models import EventIndexPage
from .meetings import build_mentee_meeting, build_vet_gathering
from .registrations import demo_mentor_registrations
from .webinars import build_past_webinar, build_webinars


def build_event_index(home) -> EventIndexPage:
    """The event index below `home`, made and published if there is none."""
    index = EventIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    return publish(
        home,
        EventIndexPage(
            title="Arrangementer",
            slug="arrangementer",
            show_in_menus=True,
            intro="<p>Webinarer der mentorer øver på veiledning, åpne digitale møter og "
            "fysiske samlinger for nettverksbygging. Meld deg på her – og finn "
            "møtelenken på <b>Min side</b> når du har fått plass.</p>",
        ),
    )


def build_events(home) -> EventIndexPage:
    """The event index and its events, with the demo mentor's registrations.
    Run after the demo people exist."""
    today = timezone.localdate()
    index = build_event_index(home)
    webinars = build_webinars(index, today)
    past_webinar = build_past_webinar(index, today)
    build_mentee_meeting(index, today)
    build_vet_gathering(index, today)
    demo_mentor_registrations(past_webinar, webinars[0])
    return index
