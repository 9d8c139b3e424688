from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import EVENTS_PER_PAGE, EventKind, Registration
from events.services import register
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LINK = "https://zoom.example.no/j/987654321"


def query_count(client, url):
    client.get(url)  # warm caches such as the site root
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def fill(event, count):
    for _ in range(count):
        register(person=UserFactory(verified=False), event=event)


def test_event_index_query_count_does_not_grow_with_events(client, make_event, event_index):
    for n in range(10):
        fill(make_event(days=n + 1, capacity=5), 2)
    few = query_count(client, event_index.url)
    # Page 2 holds twice the events of the first count, one of them full.
    for n in range(29):
        make_event(days=n + 20, capacity=5)
    full = make_event(days=30, capacity=50)
    fill(full, 60)
    shown = client.get(event_index.url + "?page=2").context["events"]
    assert len(shown) == EVENTS_PER_PAGE and full in shown
    many = query_count(client, event_index.url + "?page=2")
    assert few == many


def test_event_page_query_count_does_not_grow_with_registrations(client, make_event, participant):
    event = make_event(
        capacity=400,
        questions=[
            ("text_question", {"question": "Spesialkost?", "help_text": "", "required": False}),
        ],
    )
    fill(event, 10)
    client.force_login(participant)
    register(person=participant, event=event)
    few = query_count(client, event.url)
    fill(event, 290)
    assert query_count(client, event.url) == few


def test_event_index_filters_by_kind_and_shows_past_events(client, make_event, event_index):
    make_event(title="Webinar om veiledning", kind=EventKind.WEBINAR)
    make_event(title="Samling på Gardermoen", kind=EventKind.GATHERING)
    make_event(title="Holdt webinar", days=-3)
    html = client.get(event_index.url + "?kind=gathering").content.decode()
    assert "Samling på Gardermoen" in html and "Webinar om veiledning" not in html
    past = client.get(event_index.url + "?when=past").content.decode()
    assert "Holdt webinar" in past and "Samling på Gardermoen" not in past
    assert client.get(event_index.url + "?kind=<script>&page=x").status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "waitlisted", "other", "cancelled"])
def test_the_meeting_link_never_reaches_someone_not_confirmed(client, make_event, who):
    event = make_event(capacity=1, meeting_url=LINK)
    holder = UserFactory()
    register(person=holder, event=event)
    if who != "anonymous":
        person = UserFactory()
        if who == "waitlisted":
            register(person=person, event=event)
        if who == "cancelled":
            from events.services import cancel

            cancel(registration=register(person=person, event=event))
        client.force_login(person)
    assert LINK not in client.get(event.url).content.decode()
    assert LINK not in client.get(reverse("home:dashboard")).content.decode() or who == "anonymous"
    client.force_login(holder)
    assert LINK in client.get(event.url).content.decode()
    assert LINK in client.get(reverse("home:dashboard")).content.decode()


def test_register_and_cancel_through_the_page(client, make_event, participant):
    event = make_event(capacity=1)
    client.force_login(participant)
    assert 'action="/arrangementer/' in client.get(event.url).content.decode()
    response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302
    assert Registration.objects.get(person=participant).is_confirmed
    client.post(reverse("events:cancel", args=[event.pk]))
    assert Registration.objects.get(person=participant).is_cancelled


def test_a_refused_registration_keeps_the_answers_typed(client, make_event, participant):
    event = make_event(
        registration_closes_at=timezone.now() + timedelta(hours=1),
        questions=[
            ("text_question", {"question": "Spesialkost?", "help_text": "", "required": True}),
        ],
    )
    field = f"q_{event.questions[0].id}"
    client.force_login(participant)
    response = client.post(reverse("events:register", args=[event.pk]), {field: ""})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    too_long = "Laktosefri " * 200
    response = client.post(reverse("events:register", args=[event.pk]), {field: too_long})
    assert response.status_code == 400
    assert too_long.strip() in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_after_the_event_started_gets_a_message_not_an_error(
    client, make_event, participant
):
    event = make_event(days=-1)
    client.force_login(participant)
    response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_min_side_shows_waitlist_position_and_calendar_link(client, make_event, participant):
    event = make_event(capacity=1, title="Fullt webinar")
    register(person=UserFactory(), event=event)
    register(person=UserFactory(), event=event)
    register(person=participant, event=event)
    client.force_login(participant)
    html = client.get(reverse("home:dashboard")).content.decode()
    assert "Fullt webinar" in html
    assert reverse("events:ics", args=[event.pk]) in html
    from events.selectors import my_registrations

    (upcoming,), _past = my_registrations(user=participant)
    assert upcoming.position == 2


def test_dashboard_query_count_does_not_grow_with_registrations(client, make_event, participant):
    client.force_login(participant)
    register(person=participant, event=make_event())
    few = query_count(client, reverse("home:dashboard"))
    for n in range(15):
        event = make_event(days=n + 2, capacity=1)
        register(person=UserFactory(verified=False), event=event)
        register(person=participant, event=event)
    assert query_count(client, reverse("home:dashboard")) == few


def test_home_page_shows_upcoming_events(client, make_event):
    make_event(title="Neste webinar")
    make_event(title="Gammelt webinar", days=-10)
    html = client.get("/").content.decode()
    assert "Neste webinar" in html and "Gammelt webinar" not in html
