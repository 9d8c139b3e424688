"""The demo world `make run` loads: its pages, people and logins."""

import io

import pytest

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page

from home.demo.people import DEMO_PEOPLE
from home.models import HomePage, StandardPage
from mentornett.accounts.models import User
from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_world, db):
    """The demo world, built once for this module (tests/conftest.py)."""


def test_home_page_shows_the_three_entry_points(client, demo):
    html = client.get("/").content.decode()
    assert "Jeg er mentor" in html
    assert "Jeg er mentee" in html
    assert "Kommunen min er i et læringsnettverk" in html
    assert 'href="/om-mentornett/for-mentorer/"' in html


def test_home_page_query_count_is_fixed(client, demo, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(16):
        assert client.get("/").status_code == 200


def test_standard_page_renders_markdown_cleanly(client, demo):
    home = HomePage.objects.get()
    page = StandardPage(
        title="Test",
        slug="test",
        body=[("markdown", "**fet** <script>alert(1)</script>")],
    )
    home.add_child(instance=page)
    html = client.get("/test/").content.decode()
    assert "<strong>fet</strong>" in html
    assert "<script>alert(1)" not in html


def test_demo_data_is_idempotent(demo):
    pages, users = Page.objects.count(), User.objects.count()
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())
    assert (Page.objects.count(), User.objects.count()) == (pages, users)
    from network.demo import DEMO_TEAM_PEOPLE
    from network.scheme.demo import PILOT_PEOPLE
    from network.scheme.demo.finn import FINN_PEOPLE

    assert users == len(DEMO_PEOPLE) + DEMO_TEAM_PEOPLE + PILOT_PEOPLE + FINN_PEOPLE


def test_demo_refuses_without_debug():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Refusing"):
        call_command("load_demo")


def test_demo_logins_work(client, demo):
    assert client.login(email="mentor@mentornett.no", password="mentornett-demo")
    assert client.get("/min-side/").status_code == 200


def test_navigation_fits_the_role(client, demo):
    anonymous = client.get("/").content.decode()
    assert "Logg inn" in anonymous and "Min side" not in anonymous

    client.force_login(User.objects.get(email="mentee@mentornett.no"))
    mentee = client.get("/").content.decode()
    assert "Min side" in mentee and "Administrasjon" not in mentee

    client.force_login(User.objects.get(groups__name=StaffRole.EDITOR.value))
    editor = client.get("/").content.decode()
    assert "Administrasjon" in editor


def test_demo_mentor_holds_a_mentor_certificate(demo):
    from courses.selectors import mandatory_certificate

    mentor = User.objects.get(email="mentor@mentornett.no")
    assert mandatory_certificate(user=mentor, role="mentor").ok
    mentee = User.objects.get(email="mentee@mentornett.no")
    assert mentee.enrolments.get().lessons_done == 2
