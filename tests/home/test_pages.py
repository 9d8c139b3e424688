import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from mentornett.accounts.models import User

pytestmark = pytest.mark.django_db


def test_home_page_exists_after_migrate():
    home = HomePage.objects.get()
    assert home.live
    assert home.get_site().is_default_site


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
