import io

import pytest

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.demo.people import DEMO_PEOPLE
from home.models import HomePage, StandardPage
from mentornett.accounts.models import User
from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())


def test_home_page_exists_after_migrate():
    home = HomePage.objects.get()
    assert home.live
    assert home.get_site().is_default_site


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
    from network.demo.teams import DEMO_TEAM_PEOPLE
    from network.scheme.demo import PILOT_PEOPLE

    assert users == len(DEMO_PEOPLE) + DEMO_TEAM_PEOPLE + PILOT_PEOPLE


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


def test_dashboard_shows_profile_checklist(client, participant):
    client.force_login(participant)
    html = client.get("/min-side/").content.decode()
    assert "Hei, Kari." in html
    assert 'role="progressbar"' in html
    assert "1 av 4 gjort" in html


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_can_be_created_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_standard_page_is_editable_in_admin(self):
        self.client.force_login(
            User.objects.create_superuser(email="root@example.no", password="x", full_name="Root")
        )
        home = HomePage.objects.get()
        self.assertCanCreate(
            home,
            StandardPage,
            {
                "title": "Personvern",
                "slug": "personvern",
                "lead": "Slik behandler vi personopplysninger.",
                "body-count": "0",
            },
        )


def test_dashboard_requires_sign_in(client):
    response = client.get("/min-side/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_dashboard_query_count_is_fixed(client, participant, django_assert_max_num_queries):
    client.force_login(participant)
    client.get("/min-side/")
    # 19 before, +1 for the municipality contact link, +2 for scheme applications,
    # +2 for the site settings (footer contact details and links).
    with django_assert_max_num_queries(24):
        assert client.get("/min-side/").status_code == 200


def test_demo_mentor_holds_a_mentor_certificate(demo):
    from courses.selectors import mandatory_certificate

    mentor = User.objects.get(email="mentor@mentornett.no")
    assert mandatory_certificate(user=mentor, role="mentor").ok
    mentee = User.objects.get(email="mentee@mentornett.no")
    assert mentee.enrolments.get().lessons_done == 2
