"""Pages are found by their whole address in a fixed number of queries, with
Wagtail's rules intact: a draft parent still leads to its live children, and
pages that route in their own way (a guide's PDF) still do."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from tests.courses.fixtures import publish


def nested(parent, depth, prefix):
    page = parent
    for level in range(depth):
        page = publish(page, StandardPage(title=f"{prefix} {level}", slug=f"{prefix}-{level}"))
    return page


def queries_for(client, url):
    client.get(url)  # warm the site root cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_deep_page_costs_no_more_queries_than_a_shallow_one(page_cache_off, client, db):
    home = HomePage.objects.get()
    shallow = nested(home, 2, "grunn")  # deep enough for breadcrumbs, like the deep one
    deep = nested(home, 6, "dyp")
    assert queries_for(client, deep.url) == queries_for(client, shallow.url)


def test_a_live_page_under_a_draft_parent_is_served(client, db):
    parent = nested(HomePage.objects.get(), 1, "forelder")
    child = publish(parent, StandardPage(title="Barn", slug="barn"))
    parent.unpublish()
    assert client.get("/forelder-0/barn/").status_code == 200
    assert client.get("/forelder-0/").status_code == 404
    assert child.live


def test_unknown_addresses_are_404(client, db):
    page = nested(HomePage.objects.get(), 2, "side")
    assert client.get(page.url + "finnes-ikke/").status_code == 404
    assert client.get("/finnes-ikke/side-1/").status_code == 404
    assert client.get("/side-0/finnes-ikke/").status_code == 404


def test_a_guide_still_routes_its_own_pdf_address(client, make_guide):
    guide = make_guide()
    response = client.get(guide.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
