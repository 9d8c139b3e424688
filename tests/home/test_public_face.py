"""Sitemap, robots.txt, redirects when pages move, scheduled publishing and
the accessibility checker editors get."""

import datetime

import pytest
from django_q.models import Schedule
from freezegun import freeze_time

from django.utils import timezone

from wagtail.models import PageViewRestriction

from home.tasks import publish_scheduled_pages
from mentornett.accounts.roles import StaffRole
from network.models import NetworkResourcePage

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_public_pages_only(client, make_guide, network_team):
    guide = make_guide()
    private = make_guide(slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = make_guide(slug="utkast")
    draft.unpublish()
    resource = NetworkResourcePage(title="For teamene", slug="for-teamene")
    network_team.network.add_child(instance=resource)
    resource.save_revision().publish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"<loc>{guide.full_url}</loc>" in xml
    assert "/privat/" not in xml
    assert "/utkast/" not in xml
    assert "/for-teamene/" not in xml


def test_robots_txt_keeps_crawlers_out_of_personal_pages_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    for path in ("/admin/", "/min-side/", "/konto/", "/ordningen/"):
        assert f"Disallow: {path}" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_a_page_that_moves_leaves_a_redirect(
    client, make_guide, django_capture_on_commit_callbacks
):
    guide = make_guide(slug="gammel-adresse")
    old_url = guide.url
    guide.slug = "ny-adresse"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/veiledere/ny-adresse/")


def test_a_scheduled_guide_goes_live_when_its_time_comes(client, make_guide):
    guide = make_guide()
    guide.unpublish()
    guide.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    guide.save_revision().publish()  # scheduled, not live
    publish_scheduled_pages()
    assert client.get(guide.url).status_code == 404
    with freeze_time(timezone.now() + datetime.timedelta(hours=2)):
        publish_scheduled_pages()
    assert client.get(guide.url).status_code == 200


def test_publishing_runs_every_five_minutes():
    schedule = Schedule.objects.get(func="home.tasks.publish_scheduled_pages")
    assert (schedule.schedule_type, schedule.minutes, schedule.repeats) == ("I", 5, -1)


def test_editors_get_the_accessibility_checker_in_the_user_bar(client, make_guide, staff_user):
    guide = make_guide()
    client.force_login(staff_user(StaffRole.EDITOR))
    html = client.get(guide.url).content.decode()
    assert 'id="wagtail-userbar-template"' in html
    assert 'id="checker-axe-configuration"' in html  # Wagtail's accessibility checker


def test_visitors_get_no_user_bar(client, make_guide):
    assert "wagtail-userbar-template" not in client.get(make_guide().url).content.decode()
