from datetime import timedelta

import pytest

from django.utils import timezone

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.courses.fixtures import publish


@pytest.fixture
def event_index(db):
    return publish(
        HomePage.objects.get(), EventIndexPage(title="Arrangementer", slug="arrangementer")
    )


@pytest.fixture
def make_event(event_index):
    """make_event(capacity=10, days=7, **fields) → a published EventPage that
    starts `days` from now and lasts three hours."""
    counter = {"n": 0}

    def make(*, days=7, hours=3, capacity=None, **fields):
        counter["n"] += 1
        starts = fields.pop("starts_at", timezone.now() + timedelta(days=days))
        return publish(
            event_index,
            EventPage(
                title=fields.pop("title", f"Webinar {counter['n']}"),
                slug=fields.pop("slug", f"webinar-{counter['n']}"),
                starts_at=starts,
                ends_at=fields.pop("ends_at", starts + timedelta(hours=hours)),
                capacity=capacity,
                **fields,
            ),
        )

    return make


@pytest.fixture
def network_team(db):
    """A team of Sarpsborg in a published learning network."""
    from network.models import LearningNetworkPage, Municipality, NetworkIndexPage, Team

    networks = publish(
        HomePage.objects.get(), NetworkIndexPage(title="Læringsnettverk", slug="laeringsnettverk")
    )
    network = publish(networks, LearningNetworkPage(title="Østfold 2026–2028", slug="ostfold"))
    municipality, _created = Municipality.objects.get_or_create(
        number="3105", defaults={"name": "Sarpsborg", "county": "Østfold"}
    )
    return Team.objects.create(network=network, municipality=municipality)
