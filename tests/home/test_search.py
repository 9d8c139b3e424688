import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from home.search import excerpt, highlight, search_terms, searchable_text
from network.models import NetworkResourcePage

pytestmark = pytest.mark.django_db


def search(client, **params):
    return client.get("/sok/", params).content.decode()


def test_search_finds_a_guide_by_a_word_in_its_body_and_marks_it(client, make_guide):
    make_guide(title="Ansettelse av studenter")
    html = search(client, q="bakvakt")
    assert "1 treff for «bakvakt»" in html
    assert "Ansettelse av studenter" in html
    assert "<mark>Bakvakt</mark>" in html


def test_search_covers_courses_events_and_networks(
    client, make_guide, make_course, make_event, network_team
):
    make_guide(title="Veileder om samarbeid")
    make_course(title="Samarbeid i praksis", slug="samarbeid", lessons=1)
    make_event(days=5, title="Webinar om samarbeid", slug="webinar-samarbeid")
    network_team.network.title = "Samarbeidsnettverket"
    network_team.network.save_revision().publish()
    html = search(client, q="samarbeid")
    for title in ("Veileder om samarbeid", "Samarbeid i praksis", "Webinar om samarbeid"):
        assert (
            title.replace("samarbeid", "<mark>samarbeid</mark>").replace(
                "Samarbeid", "<mark>Samarbeid</mark>"
            )
            in html
        )
    only_courses = search(client, q="samarbeid", type="course")
    assert "praksis" in only_courses
    assert "Veileder om" not in only_courses
    assert "Webinar om" not in only_courses


def test_search_narrows_by_audience(client, make_guide):
    make_guide(slug="mentor", title="Bakvakt for mentorer", for_mentors=True)
    make_guide(slug="kommune", title="Bakvakt for kommuner", for_municipalities=True)
    html = search(client, q="bakvakt", audience="municipality")
    assert "for kommuner" in html
    assert "for mentorer" not in html


def test_search_leaves_out_drafts_private_and_members_only_pages(client, make_guide, network_team):
    draft = make_guide(slug="utkast", title="Utkast om bakvakt")
    draft.unpublish()
    private = make_guide(slug="privat", title="Privat om bakvakt")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    network = network_team.network
    network.add_child(
        instance=NetworkResourcePage(title="Teamenes bakvakt", slug="team", lead="Bakvakt")
    )
    html = search(client, q="bakvakt")
    assert "Utkast om" not in html
    assert "Privat om" not in html
    assert "Teamenes" not in html


def test_bad_search_input_gets_a_message_and_keeps_what_was_typed(client):
    html = search(client, q="bakvakt", type="virus")
    assert "Velg en type fra listen." in html
    assert 'value="bakvakt"' in html
    long_query = "a" * 300
    html = search(client, q=long_query)
    assert "Skriv høyst 200 tegn." in html
    assert f'value="{long_query}"' in html


def test_nothing_found_says_what_to_try(client, make_guide):
    make_guide()
    html = search(client, q="sjiraff")
    assert "0 treff for «sjiraff»" in html
    assert "Prøv andre eller færre ord" in html


def test_search_runs_the_same_queries_for_many_results_as_for_few(client, make_guide):
    make_guide(slug="en")
    with CaptureQueriesContext(connection) as few:
        search(client, q="bakvakt")
    for number in range(12):
        make_guide(slug=f"flere-{number}")
    with CaptureQueriesContext(connection) as many:
        html = search(client, q="bakvakt")
    assert "13 treff" in html
    assert 'rel="next"' in html
    assert len(many) <= len(few) + 1  # the pagination count


def test_highlight_escapes_what_the_page_says():
    assert highlight("<b>bakvakt</b>", ["bakvakt"]) == "&lt;b&gt;<mark>bakvakt</mark>&lt;/b&gt;"


def test_a_word_form_is_marked_from_its_stem():
    assert "<mark>mentorene</mark>" in highlight("Alle mentorene møtes", search_terms("mentorer"))
    assert "<mark>forsikring</mark>" in highlight("Om forsikring", search_terms("forsikringene"))
    assert highlight("Om sau", search_terms("s")) == "Om sau"  # one letter is no word


def test_the_excerpt_is_cut_around_the_first_word_found():
    text = "Innledning. " * 40 + "Her står det om bakvakt på natten. " + "Slutt. " * 40
    cut = excerpt(text, ["bakvakt"])
    assert cut.startswith("… ") and cut.endswith(" …")
    assert "<mark>bakvakt</mark>" in cut
    assert len(cut) < 320


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Norwegian stemming is PostgreSQL full-text search; CI runs this on PostgreSQL",
)
def test_postgres_search_matches_norwegian_word_forms(client, make_guide):
    make_guide(title="Ansettelse av studenter")  # the body says "Yrkesskade" and "ansatt"
    call_command("update_index", verbosity=0)
    html = search(client, q="forsikringene")
    assert "Ansettelse av studenter" in html
    assert "<mark>forsikring</mark>" in html


def test_block_settings_are_not_searched_as_text(make_guide):
    text = searchable_text(make_guide())
    assert "Bakvakt" in text
    for label in ("Overskrift 2", "Heading 2", "Advarsel", "Warning"):
        assert label not in text
