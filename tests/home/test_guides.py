import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

from home.models import FooterLink, MenuLink, SiteSettings
from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db


def test_a_guide_shows_its_blocks_contents_and_review_date(client, make_guide):
    guide = make_guide(for_mentees=True, for_employers=True)
    html = client.get(guide.url).content.decode()
    assert "<h1>Ansettelse av studenter</h1>" in html
    # The table of contents links to each heading; repeated headings get their own anchor.
    assert 'href="#ansettelse-og-forsikring"' in html
    assert 'id="ansettelse-og-forsikring"' in html
    assert 'href="#ansettelse-og-forsikring-2"' in html
    assert 'id="ansettelse-og-forsikring-2"' in html
    assert html.count('id="ansettelse-og-forsikring"') == 1
    assert '<summary class="faq__question">Må studenten være ansatt?</summary>' in html
    assert "<li>Arbeidsavtale</li>" in html
    assert "Mentee med midlertidig lisens" in html
    assert 'href="mailto:post@mentornett.no"' in html
    assert "Sist gjennomgått" in html
    assert guide.last_reviewed.strftime("%Y-%m-%d") in html
    assert "?for=mentee" in html and "?for=employer" in html
    assert "?for=mentor" not in html


def test_a_guide_with_forty_blocks_runs_as_many_queries_as_one_with_ten(
    page_cache_off, client, make_guide
):
    small = make_guide(slug="kort", blocks=10)
    large = make_guide(slug="lang", blocks=40)
    for guide in (small, large):
        guide.related_guides.set([small, large])
        guide.save_revision().publish()
    client.get(small.url)  # warm the site root cache
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(small.url).status_code == 200
    with CaptureQueriesContext(connection) as large_queries:
        response = client.get(large.url)
    assert response.content.decode().count('class="faq__item"') == 8
    assert len(large_queries) == len(small_queries)
    assert len(large_queries) <= 16


def test_related_guides_are_linked_and_drafts_are_not(client, make_guide):
    first = make_guide(slug="forste", title="Første")
    second = make_guide(slug="andre", title="Andre")
    draft = make_guide(slug="utkast", title="Utkast")
    draft.unpublish()
    first.related_guides.set([second, draft])
    first.save_revision().publish()
    html = client.get(first.url).content.decode()
    assert f'href="{second.url}"' in html
    assert "Utkast" not in html


def test_the_guide_index_filters_by_audience(client, make_guide, guide_index):
    make_guide(slug="for-mentorer", title="For mentorer", for_mentors=True)
    make_guide(slug="for-kommuner", title="For kommuner", for_municipalities=True)
    everything = client.get(guide_index.url).content.decode()
    assert "For mentorer" in everything and "For kommuner" in everything
    municipalities = client.get(guide_index.url + "?for=municipality").content.decode()
    assert "For kommuner" in municipalities
    assert "For mentorer</a>" not in municipalities
    # An unknown audience is ignored, not an error.
    assert client.get(guide_index.url + "?for=<script>").status_code == 200


def test_any_guide_downloads_as_a_pdf(client, make_guide):
    guide = make_guide()
    response = client.get(guide.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ansettelse.pdf"'
    assert response.content.startswith(b"%PDF")


def test_editors_see_the_guides_not_reviewed_for_twelve_months(client, make_guide, staff_user):
    today = timezone.localdate()
    make_guide(
        slug="gammel", title="Gammel veileder", last_reviewed=today.replace(year=today.year - 2)
    )
    make_guide(slug="fersk", title="Fersk veileder", last_reviewed=today)
    client.force_login(staff_user(StaffRole.EDITOR))
    html = client.get("/admin/veiledere-til-gjennomgang/").content.decode()
    assert "Gammel veileder" in html
    assert "Fersk veileder" not in html


def test_the_review_list_is_only_for_editors(client, participant, staff_user):
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    assert client.get("/admin/veiledere-til-gjennomgang/").status_code in (302, 403)
    client.force_login(participant)
    assert client.get("/admin/veiledere-til-gjennomgang/").status_code == 302


def test_deep_pages_have_breadcrumbs_and_sections_do_not(client, make_guide, guide_index):
    guide = make_guide()
    html = client.get(guide.url).content.decode()
    assert 'aria-label="Brødsmulesti"' in html
    assert f'<a href="{guide_index.url}">Veiledere</a>' in html
    assert 'aria-current="page">Ansettelse av studenter</span>' in html
    assert 'aria-label="Brødsmulesti"' not in client.get(guide_index.url).content.decode()


def test_pages_carry_open_graph_tags_and_a_canonical_address(client, make_guide):
    guide = make_guide(search_description="Alt om ansettelse.")
    html = client.get(guide.url).content.decode()
    assert '<meta property="og:title" content="Ansettelse av studenter">' in html
    assert '<meta property="og:description" content="Alt om ansettelse.">' in html
    assert f'<meta property="og:url" content="{guide.full_url}">' in html
    assert f'<link rel="canonical" href="{guide.full_url}">' in html
    assert '<meta property="og:locale" content="nb_NO">' in html
    assert "<title>Ansettelse av studenter – Mentornett</title>" in html


def test_the_footer_shows_the_contact_details_and_links_editors_chose(client, make_guide):
    guide = make_guide()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone = "22 00 00 00"
    settings.privacy_page = guide  # any page will do
    settings.save()
    FooterLink.objects.create(settings=settings, title="Dyrevernloven", url="https://lovdata.no/")
    html = client.get("/").content.decode()
    assert 'href="tel:22000000"' in html
    assert '<a href="https://lovdata.no/">Dyrevernloven</a>' in html
    assert f'<a href="{guide.url}">{guide.title}</a>' in html


def test_the_menu_follows_the_site_settings_when_editors_set_it(client, make_guide, guide_index):
    guide = make_guide()
    before = client.get("/").content.decode()
    assert guide.title not in before.split("site-nav__list--personal")[0]
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    MenuLink.objects.create(settings=settings, page=guide, title="Ansettelse")
    menu = client.get("/").content.decode().split("site-nav__list--personal")[0]
    assert f'href="{guide.url}">Ansettelse</a>' in menu
