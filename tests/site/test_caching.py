"""Visitors' pages, the header and footer, and permissions come from the cache;
nothing cached may be served after what it shows has changed."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

from events.services.registration import register
from home.models import HomePage, MenuLink, SiteSettings, StandardPage
from mentornett.accounts.roles import StaffRole
from mentornett.page_cache import HIT_HEADER
from tests.courses.fixtures import publish
from tests.factories import UserFactory


def get_counted(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def test_a_visitor_gets_the_second_view_of_a_page_from_the_cache(client, make_guide):
    guide = make_guide()
    first, _ = get_counted(client, guide.url)
    second, queries = get_counted(client, guide.url)
    assert first[HIT_HEADER] == "miss"
    assert second[HIT_HEADER] == "hit"
    assert queries == 0
    assert second.content == first.content
    assert "Cookie" in second["Vary"]
    assert second["Content-Language"] == "nb"


def test_a_publish_is_seen_at_once(client, make_guide):
    guide = make_guide(title="Ansettelse av studenter")
    client.get(guide.url)
    guide.title = "Ansettelse av veterinærstudenter"
    guide.save_revision().publish()
    response = client.get(guide.url)
    assert response[HIT_HEADER] == "miss"
    assert "Ansettelse av veterinærstudenter" in response.content.decode()


def test_an_unpublished_page_is_gone_at_once(client, make_guide):
    guide = make_guide()
    client.get(guide.url)
    guide.unpublish()
    assert client.get(guide.url).status_code == 404


def test_a_draft_is_not_shown_to_visitors(client, make_guide):
    guide = make_guide(title="Publisert tittel")
    client.get(guide.url)
    guide.title = "Utkast"
    guide.save_revision()
    html = client.get(guide.url).content.decode()
    assert "Publisert tittel" in html and "Utkast" not in html


def test_a_new_registration_updates_the_places_left_for_visitors(client, make_event):
    event = make_event(capacity=10)
    assert "10 av 10" in client.get(event.url).content.decode()
    register(person=UserFactory(), event=event)
    assert "9 av 10" in client.get(event.url).content.decode()


def test_a_changed_footer_and_menu_show_on_every_page(client, make_guide):
    guide = make_guide()
    client.get(guide.url)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_phone = "22 33 44 55"
    site_settings.save()
    MenuLink.objects.create(settings=site_settings, title="Om oss", url="/om/", sort_order=0)
    html = client.get(guide.url).content.decode()
    assert "22 33 44 55" in html
    assert 'href="/om/"' in html


def test_languages_are_cached_apart(client, make_guide):
    guide = make_guide()
    client.get(guide.url)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(guide.url)
    assert english[HIT_HEADER] == "miss"
    assert 'lang="en"' in english.content.decode()


def test_signed_in_people_never_get_a_cached_page(client, participant, make_guide):
    guide = make_guide()
    client.get(guide.url)
    client.get(guide.url)
    client.force_login(participant)
    response = client.get(guide.url)
    assert HIT_HEADER not in response
    assert "Logg ut" in response.content.decode()


def test_a_page_with_a_csrf_form_is_not_cached(client, event_index):
    home = HomePage.objects.get()
    restricted = publish(home, StandardPage(title="Lukket", slug="lukket"))
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    first = client.get(restricted.url)
    assert first.status_code == 200  # Wagtail's password form
    second = client.get(restricted.url)
    assert HIT_HEADER not in second


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(client, make_guide):
    guide = make_guide()
    client.get(guide.url)
    client.cookies["messages"] = "something"
    assert HIT_HEADER not in client.get(guide.url)


def test_only_wagtail_pages_are_cached(client, db):
    client.get("/sok/?q=mentor")
    assert HIT_HEADER not in client.get("/sok/?q=mentor")


def test_the_language_switch_of_a_visitor_is_a_get_form_without_a_token(client, make_guide):
    html = client.get(make_guide().url).content.decode()
    switch = html[html.index('class="language-switch"') - 120 :]
    assert 'method="get"' in switch[:200]
    assert "csrfmiddlewaretoken" not in html


def test_the_header_and_footer_cost_no_query_once_cached(client, participant, make_guide):
    guide = make_guide()
    client.force_login(participant)
    client.get(guide.url)
    _, warm = get_counted(client, guide.url)
    MenuLink.objects.create(
        settings=SiteSettings.for_site(Site.objects.get(is_default_site=True)),
        title="Om oss",
        url="/om/",
        sort_order=0,
    )
    _, rebuilt = get_counted(client, guide.url)
    assert rebuilt > warm  # the header was built again after the change


def test_a_new_editor_sees_the_administration_link_at_once(client, participant, make_guide):
    guide = make_guide()
    client.force_login(participant)
    assert "/admin/" not in client.get(guide.url).content.decode()
    participant.groups.add(Group.objects.get(name=StaffRole.EDITOR))
    assert 'href="/admin/"' in client.get(guide.url).content.decode()
    participant.groups.clear()
    assert 'href="/admin/"' not in client.get(guide.url).content.decode()


def test_permissions_cost_no_query_once_cached(client, staff_user, make_guide):
    editor = staff_user(StaffRole.EDITOR)
    guide = make_guide()
    client.force_login(editor)
    client.get(guide.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(guide.url)
    # Django's own permission lookups (Wagtail's page permissions are its own).
    model_backend = 'SELECT "django_content_type"."app_label" AS "content_type__app_label"'
    assert not [q for q in queries.captured_queries if q["sql"].startswith(model_backend)]


def test_a_new_view_restriction_applies_at_once_to_the_page_and_below(client, participant, db):
    home = HomePage.objects.get()
    parent = publish(home, StandardPage(title="Intern", slug="intern"))
    child = publish(parent, StandardPage(title="Referat", slug="referat"))
    client.force_login(participant)
    assert "Referat" in client.get(child.url).content.decode()
    PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    for page in (parent, child):
        html = client.get(page.url).content.decode()
        assert 'name="password"' in html
        assert "<h1>Referat</h1>" not in html


def test_every_model_the_content_cache_ignores_exists():
    from django.apps import apps

    from mentornett.content_cache import IGNORED_MODELS

    installed = {f"{m._meta.app_label}.{m.__name__}" for m in apps.get_models()}
    assert installed >= IGNORED_MODELS


def test_private_work_leaves_visitors_pages_cached(client, make_guide, participant):
    guide = make_guide()
    client.get(guide.url)
    participant.full_name = "Kari Nordmann-Hansen"
    participant.save()
    assert client.get(guide.url)[HIT_HEADER] == "hit"


def test_without_a_shared_cache_nothing_is_kept_between_requests(client, settings, make_guide):
    # Without Redis each process would keep its own copy and miss another's publish.
    settings.SHARED_CACHE = False
    guide = make_guide(title="Første tittel")
    client.get(guide.url)
    response = client.get(guide.url)
    assert HIT_HEADER not in response
    guide.title = "Andre tittel"
    guide.save_revision().publish()
    assert "Andre tittel" in client.get(guide.url).content.decode()
