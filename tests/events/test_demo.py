import io

import pytest

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page

from events.demo.webinars import WEBINARS
from events.models import Attendance, EventPage, EventSeries, Registration, RegistrationStatus
from mentornett.accounts.models import User
from network.demo.gatherings import GATHERINGS
from network.demo.pages import NETWORK_SLUG
from network.demo.teams import SARPSBORG_TEAM
from network.models import Team, TeamMembership, TeamRole

pytestmark = pytest.mark.django_db


def _load_demo():
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo(demo_world, db):
    """The demo world, built once for this module (tests/conftest.py)."""


def test_event_index_lists_the_upcoming_events(client, demo):
    response = client.get("/arrangementer/")
    assert response.status_code == 200
    html = response.content.decode()
    for spec in WEBINARS:
        assert spec["title"] in html
    assert "Åpent digitalt møte for mentees: spørsmål om midlertidig lisens" in html
    assert "Samling for mentorer og mentees i mentorordningen" in html
    # The past webinar is under "past events", not among the upcoming ones.
    assert "Å gi tilbakemelding i praksis" not in html


def test_webinars_form_a_series_of_three_hours_each(demo):
    series = EventSeries.objects.get()
    sessions = list(series.sessions.order_by("starts_at"))
    assert [session.slug for session in sessions] == [spec["slug"] for spec in WEBINARS]
    for session in sessions:
        assert (session.ends_at - session.starts_at).total_seconds() == 3 * 3600
        assert session.capacity == 24
        assert session.meeting_url.startswith("https://zoom.example.no/")
        assert len(session.programme) >= 4


def test_two_day_gathering_shows_programme_and_questions(client, demo):
    client.force_login(User.objects.get(email="sykepleier@mentornett.no"))
    event = EventPage.objects.get(slug="samling-mentorordningen-gardermoen")
    assert event.is_multi_day
    html = client.get(event.url).content.decode()
    assert "Det psykologiske grunnlaget for et godt mentorforhold" in html
    assert "Felles middag og sosialt samvær" in html
    for question in [
        "Har du behov for spesialkost?",
        "Overnatting?",
        "Blir du med på middagen?",
        "Hvilke dager deltar du?",
        "Bare dag 2",
    ]:
        assert question in html


def test_network_gathering_shows_questions_to_the_team(client, demo):
    client.force_login(User.objects.get(email="sykepleier@mentornett.no"))
    event = EventPage.objects.get(slug="ostfold-samling-2-mentorprogram")
    html = client.get(event.url).content.decode()
    assert "Sosial kveld med middag" in html
    assert "Hvilke dager deltar du?" in html
    assert "/lag/" in html  # The coordinator can register team members.


def test_demo_mentor_sees_registration_and_evaluation_on_min_side(client, demo):
    mentor = User.objects.get(email="mentor@mentornett.no")
    past = EventPage.objects.get(slug="webinar-a-gi-tilbakemelding")
    first = EventPage.objects.get(slug=WEBINARS[0]["slug"])
    assert Registration.objects.get(event=past, person=mentor).attendance == Attendance.ATTENDED
    assert Registration.objects.get(event=first, person=mentor).status == (
        RegistrationStatus.CONFIRMED
    )

    client.force_login(mentor)
    html = client.get("/min-side/").content.decode()
    assert first.title in html
    assert f"/arrangementer/{past.pk}/evaluering/" in html
    assert past.title in html


def test_nurse_coordinates_the_sarpsborg_team(demo):
    team = Team.objects.get(network__slug=NETWORK_SLUG, municipality__number="3105")
    nurse = TeamMembership.objects.get(team=team, person__email="sykepleier@mentornett.no")
    assert nurse.role == TeamRole.COORDINATOR
    roles = set(team.memberships.values_list("role", flat=True))
    assert {TeamRole.LEADER, TeamRole.UNION_REPRESENTATIVE, TeamRole.HR, TeamRole.MENTOR} <= roles
    assert team.memberships.count() == 1 + len(SARPSBORG_TEAM)
    assert Team.objects.filter(network=team.network).count() == 12
    assert not Team.objects.filter(network=team.network, municipality__number="3107").exists()
    gatherings = EventPage.objects.filter(network=team.network, audience="network")
    assert gatherings.count() == len(GATHERINGS) == 7


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (
        Page.objects.count(),
        Registration.objects.count(),
        Team.objects.count(),
        TeamMembership.objects.count(),
        EventSeries.objects.count(),
        User.objects.count(),
    )
    _load_demo()
    assert (
        Page.objects.count(),
        Registration.objects.count(),
        Team.objects.count(),
        TeamMembership.objects.count(),
        EventSeries.objects.count(),
        User.objects.count(),
    ) == counts
