"""Query budgets for the event page and the registration service: the same
number of queries for an event with two registrations and one with forty."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Registration
from events.services import register
from tests.factories import UserFactory
from tests.queries import query_count

pytestmark = pytest.mark.django_db

# Signed-in pages include the shared per-request queries (session, user, site,
# page routing, header and footer), which shrink separately.
SIGNED_IN_BUDGET = 12
ANONYMOUS_BUDGET = 12
# The event's row lock, the count, the insert and its audit row.
REGISTER_BUDGET = 4

QUESTIONS = [("text_question", {"question": "Spesialkost?", "help_text": "", "required": False})]


def fill(event, people):
    for _ in range(people):
        register(person=UserFactory(verified=False), event=event)


@pytest.fixture
def small_and_large(make_event):
    """Two full events with a waitlist: 2 registrations (1 place) and 40 (20 places)."""
    small = make_event(capacity=1, questions=QUESTIONS)
    large = make_event(capacity=20, questions=QUESTIONS)
    fill(small, 2)
    fill(large, 40)
    return small, large


def test_event_page_for_visitors_runs_the_same_queries_however_many_registrations(
    client, small_and_large
):
    small, large = small_and_large
    few, many = query_count(client, small.url), query_count(client, large.url)
    assert few == many <= ANONYMOUS_BUDGET


@pytest.mark.parametrize("status", ["confirmed", "waitlisted"])
def test_event_page_for_a_registrant_runs_the_same_queries_however_many_registrations(
    client, participant, make_event, status
):
    counts = []
    for people, places in ((2, 3), (40, 41)):
        event = make_event(capacity=places, questions=QUESTIONS)
        fill(event, people)
        if status == "waitlisted":
            fill(event, places - people)
            fill(event, people)
        assert register(person=participant, event=event).status == status
        client.force_login(participant)
        counts.append(query_count(client, event.url))
    assert counts[0] == counts[1] <= SIGNED_IN_BUDGET


def test_gathering_page_for_a_member_registered_by_the_coordinator_runs_the_same_queries(
    client, participant, make_event, network_team
):
    from network.models import TeamMembership, TeamRole

    coordinator = UserFactory(full_name="Sara Sykepleier")
    for person, role in ((coordinator, TeamRole.COORDINATOR), (participant, TeamRole.MENTOR)):
        TeamMembership.objects.create(team=network_team, person=person, role=role)
    client.force_login(participant)
    counts = []
    for people in (2, 40):
        event = make_event(
            capacity=100, audience="network", network=network_team.network, questions=QUESTIONS
        )
        for _ in range(people):
            member = UserFactory(verified=False)
            TeamMembership.objects.create(team=network_team, person=member, role=TeamRole.MENTOR)
            register(person=member, event=event, registered_by=coordinator)
        register(person=participant, event=event, registered_by=coordinator)
        counts.append(query_count(client, event.url))
    html = client.get(event.url).content.decode()
    assert "Sara Sykepleier meldte deg på." in html
    assert "Teamene i Østfold 2026–2028" in html
    assert counts[0] == counts[1] <= SIGNED_IN_BUDGET


def test_event_page_for_someone_not_registered_runs_the_same_queries(
    client, participant, small_and_large
):
    small, large = small_and_large
    client.force_login(participant)
    few, many = query_count(client, small.url), query_count(client, large.url)
    assert few == many <= SIGNED_IN_BUDGET


def test_event_page_shows_places_waitlist_and_own_position(client, participant, make_event):
    event = make_event(capacity=20, questions=QUESTIONS)
    fill(event, 25)
    register(person=participant, event=event)
    fill(event, 3)
    client.force_login(participant)
    html = client.get(event.url).content.decode()
    assert "0 av 20 plasser igjen" in html
    assert "9 på venteliste" in html
    assert "Nummer 6 på ventelisten" in html


def test_register_runs_the_same_queries_however_many_are_registered(make_event):
    def queries_to_register(event):
        person = UserFactory(verified=False)
        with CaptureQueriesContext(connection) as queries:
            register(person=person, event=event, answers={})
        # The test runs inside a transaction, so the service's own is a savepoint.
        return sum(1 for q in queries if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE")))

    small, large = make_event(capacity=3), make_event(capacity=30)
    fill(small, 2)
    fill(large, 29)
    # A place left, then the waitlist.
    assert queries_to_register(small) == queries_to_register(large) <= REGISTER_BUDGET
    assert queries_to_register(small) == queries_to_register(large) <= REGISTER_BUDGET
    assert Registration.objects.filter(event=large).waitlisted().count() == 1
