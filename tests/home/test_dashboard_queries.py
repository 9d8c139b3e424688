"""Query budget for "Min side": the same number of queries for a person with
one of everything (course, certificate, registration, team, application) as
for one with ten, whatever other people have."""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.services import complete_lesson
from events.models import Attendance, Registration, RegistrationStatus
from events.services import register, renew_calendar_feed
from mentornett.accounts.models import Profile
from network.models import Municipality, RelationshipKind, TeamMembership, TeamRole
from network.scheme.services import applications as scheme_services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Includes the shared per-request queries (session, user, header and footer),
# which shrink separately.
BUDGET = 13
MANY = 10


@pytest.fixture
def pool(make_course, make_event, world):
    """Ten one-lesson courses, four two-lesson courses, ten upcoming events
    (half of them full) and ten events that ended yesterday."""
    finished = [make_course(lessons=1, slug=f"kort-{n}", title=f"Kort {n}") for n in range(MANY)]
    started = [make_course(lessons=2, slug=f"lang-{n}", title=f"Lang {n}") for n in range(4)]
    upcoming = [make_event(capacity=1 if n % 2 else 50, days=n + 2) for n in range(MANY)]
    for event in upcoming[1::2]:
        register(person=UserFactory(verified=False), event=event)
    ended = [make_event(starts_at=timezone.now() - timedelta(days=1, hours=n)) for n in range(MANY)]
    return {
        "finished": finished,
        "started": started,
        "upcoming": upcoming,
        "ended": ended,
        "world": world,
    }


def give(person, pool, n, django_capture_on_commit_callbacks):
    """n of everything Min side shows, some of it in each state it can be in."""
    municipality = Municipality.objects.get(number="3105")
    Profile.objects.update_or_create(
        user=person, defaults={"profession": "nurse", "home_municipality": municipality}
    )
    with django_capture_on_commit_callbacks(execute=True):
        for _course, (lesson,) in pool["finished"][:n]:
            complete_lesson(learner=person, lesson=lesson)
        for _course, (first, _second) in pool["started"][: max(n // 3, 1)]:
            complete_lesson(learner=person, lesson=first)
    for event in pool["upcoming"][: max(n, 2)]:
        register(person=person, event=event)
    for event in pool["ended"][:n]:
        Registration.objects.create(
            event=event,
            person=person,
            event_title=event.title,
            event_starts_at=event.starts_at,
            status=RegistrationStatus.CONFIRMED,
            attendance=Attendance.ATTENDED,
        )
    world = pool["world"]
    for team in (world.team_a, world.team_b)[: 1 if n == 1 else 2]:
        TeamMembership.objects.create(team=team, person=person, role=TeamRole.MENTOR)
    for _ in range(n):
        scheme_services.start_application(
            user=person, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
        )
    renew_calendar_feed(person=person)


def dashboard_queries(client, person):
    client.force_login(person)
    client.get("/min-side/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/min-side/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_min_side_runs_the_same_queries_for_one_or_ten_of_everything(
    client, pool, django_capture_on_commit_callbacks
):
    one, ten = UserFactory(full_name="En Person"), UserFactory(full_name="Ti Personer")
    give(one, pool, 1, django_capture_on_commit_callbacks)
    give(ten, pool, MANY, django_capture_on_commit_callbacks)
    give(UserFactory(), pool, MANY, django_capture_on_commit_callbacks)

    few, _html = dashboard_queries(client, one)
    many, html = dashboard_queries(client, ten)

    assert few == many <= BUDGET
    assert html.count("/open-badge/") == MANY
    assert html.count("på ventelisten") == MANY // 2
    assert "Nummer 2 på ventelisten" in html  # behind `one`
    assert html.count("Svar på evalueringen av") == MANY
    assert "Tynset" not in html and "Sarpsborg" in html


def test_min_side_for_a_newcomer_stays_within_budget(client):
    count, html = dashboard_queries(client, UserFactory())
    assert count <= BUDGET
    assert "Du har ikke startet på et kurs ennå" in html
