"""Guides, search, the accessibility statement and privacy page, and the
members-only network resource page in a real browser: the audience tabs, the
table of contents and FAQ by keyboard alone, the PDF, search with its empty and
invalid states, and who may see a resource page. axe runs on every page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import Site

from home.demo.guides import ACCESSIBILITY_STATEMENT, PRIVACY_PAGE
from home.models import HomePage, SiteSettings, StandardPage
from mentornett.accounts.roles import StaffRole
from network.demo.pages import RESOURCE_BODY
from network.models import NetworkResourcePage, TeamMembership, TeamRole
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in, sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = {
    "nb": {
        "guides_for": "Veiledere for",
        "all_guides": "Alle veiledere",
        "mentors": "Mentorer",
        "breadcrumbs": "Brødsmulesti",
        "contents": "Innhold",
        "last_reviewed": "Sist gjennomgått",
        "search": "Søk",
        "search_for": "Søk etter",
        "one_result": "1 treff for «bakvakt»",
        "many_results": "13 treff for «bakvakt»",
        "no_results": "0 treff for «sjiraff»",
        "nothing_found": "Ingen treff",
        "bad_type": "Velg en type fra listen.",
        "next": "Neste",
        "previous": "Forrige",
        "for_the_teams": "For teamene",
        "not_found": "Vi finner ikke siden",
        "search_counts": "1–2 av 2 sider",
    },
    "en": {
        "guides_for": "Guides for",
        "all_guides": "All guides",
        "mentors": "Mentors",
        "breadcrumbs": "Breadcrumbs",
        "contents": "Contents",
        "last_reviewed": "Last reviewed",
        "search": "Search",
        "search_for": "Search for",
        "one_result": "1 result for “bakvakt”",
        "many_results": "13 results for “bakvakt”",
        "no_results": "0 results for “sjiraff”",
        "nothing_found": "Nothing found",
        "bad_type": "Choose a type from the list.",
        "next": "Next",
        "previous": "Previous",
        "for_the_teams": "For the teams",
        "not_found": "We cannot find that page",
        "search_counts": "1–2 of 2 pages",
    },
}


def tab_to(page, selector, presses=60):
    """Press Tab until the focused element matches selector; fail after `presses`."""
    for _press in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return page.locator(selector)
    raise AssertionError(f"{presses} presses of Tab never reached {selector!r} on {page.url}")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_guide_index_and_guide_pass_axe_and_the_audience_tabs_filter(
    page, language, viewport, guide_index, make_guide
):
    words = TEXT[language]
    make_guide(slug="for-mentorer", title="Veileder for mentorer", for_mentors=True)
    make_guide(slug="for-kommuner", title="Veileder for kommuner", for_municipalities=True)

    page.goto(guide_index.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Veiledere")
    cards = page.locator(".guide-list .card")
    expect(cards).to_have_count(2)
    tabs = page.get_by_role("navigation", name=words["guides_for"])
    expect(tabs.get_by_role("link", name=words["all_guides"])).to_have_attribute(
        "aria-current", "page"
    )
    # A section page, not a deep one: no breadcrumbs.
    expect(page.get_by_role("navigation", name=words["breadcrumbs"])).to_have_count(0)
    assert_accessible(page)

    mentors = tabs.get_by_role("link", name=words["mentors"], exact=True)
    mentors.click()
    expect(page).to_have_url(re.compile(r"\?for=mentor$"))
    expect(mentors).to_have_attribute("aria-current", "page")
    expect(tabs.locator("[aria-current]")).to_have_count(1)
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Veileder for mentorer")
    assert_accessible(page)

    cards.first.get_by_role("link", name="Veileder for mentorer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veileder for mentorer")
    breadcrumbs = page.get_by_role("navigation", name=words["breadcrumbs"])
    expect(breadcrumbs.get_by_role("link", name="Veiledere")).to_have_attribute(
        "href", guide_index.url
    )
    expect(breadcrumbs.locator("[aria-current=page]")).to_have_text("Veileder for mentorer")
    expect(page.get_by_role("navigation", name=words["contents"])).to_be_visible()
    expect(page.locator(".guide__meta")).to_contain_text(words["last_reviewed"])
    expect(page.locator(".faq__item")).to_have_count(2)
    expect(page.locator(".guide-checklist")).to_contain_text("Arbeidsavtale")
    expect(page.locator("main")).to_contain_text("Mentee med midlertidig lisens")
    expect(page.locator("main a[href^='mailto:']").first).to_be_visible()
    assert_accessible(page)

    # The audience on the guide links back to the filtered index.
    page.locator(f".guide__meta a[href='{guide_index.url}?for=mentor']").click()
    expect(page).to_have_url(re.compile(r"\?for=mentor$"))
    expect(cards).to_have_count(1)
    assert_accessible(page)


def test_contents_and_faq_work_by_keyboard_alone(page, language, viewport, make_guide):
    guide = make_guide()
    page.goto(guide.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ansettelse av studenter")
    assert_accessible(page)

    first_entry = page.locator("nav.toc li:first-child a")
    anchor = first_entry.get_attribute("href")
    assert anchor == "#ansettelse-og-forsikring"
    tab_to(page, "nav.toc li:first-child a")
    expect(first_entry).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"{re.escape(guide.url)}{anchor}$"))
    expect(page.locator(anchor)).to_be_in_viewport()
    # Scrolled to the top of the screen, not merely visible (on a desktop it is
    # visible before the jump, some 400px down).
    page.wait_for_function(
        "id => { const top = document.getElementById(id).getBoundingClientRect().top;"
        " return top >= 0 && top < 100; }",
        arg=anchor[1:],
    )

    item = page.locator("details.faq__item").first
    answer = item.locator(".faq__answer")
    expect(item).to_have_js_property("open", False)
    expect(answer).to_be_hidden()
    question = tab_to(page, "details.faq__item:first-of-type > summary")
    expect(question).to_have_text("Må studenten være ansatt?")

    page.keyboard.press("Enter")
    expect(item).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    expect(answer).to_have_text("Ja, alltid.")
    assert_accessible(page)
    page.keyboard.press("Enter")
    expect(item).to_have_js_property("open", False)
    expect(answer).to_be_hidden()

    page.keyboard.press("Space")
    expect(item).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    page.keyboard.press("Space")
    expect(item).to_have_js_property("open", False)
    expect(answer).to_be_hidden()
    # The other question stayed closed throughout.
    expect(page.locator("details.faq__item").nth(1)).to_have_js_property("open", False)


def test_the_guide_downloads_as_a_pdf_and_prints(page, language, viewport, make_guide):
    guide = make_guide()
    page.goto(guide.url)
    assert_accessible(page)

    link = page.locator(".guide__actions a[href$='/pdf/']")
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    assert href == f"{guide.url}pdf/"
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "ansettelse.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # The print button asks the browser to print; the dialog itself is stubbed out.
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    page.locator(".guide__actions button[data-print]").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")


def test_search_finds_marks_and_explains(page, language, viewport, make_guide):
    words = TEXT[language]
    guide = make_guide(title="Ansettelse av studenter")

    page.goto("/sok/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["search"])
    assert_accessible(page)

    field = page.get_by_role("searchbox", name=words["search_for"])
    field.fill("bakvakt")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q=bakvakt"))
    expect(page.locator(".search-summary")).to_have_text(words["one_result"])
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    expect(results.first.locator("mark").first).to_be_visible()
    expect(results.first.locator("mark").first).to_have_text(re.compile("bakvakt", re.I))
    expect(page.locator("#id_q")).to_have_value("bakvakt")
    assert_accessible(page)

    results.first.get_by_role("link", name="Ansettelse av studenter").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(guide.url)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ansettelse av studenter")
    assert_accessible(page)

    page.goto("/sok/")
    page.locator("#id_q").fill("sjiraff")
    page.locator("#id_q").press("Enter")
    expect(page.locator(".search-summary")).to_have_text(words["no_results"])
    expect(page.locator(".search-result")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(words["nothing_found"])
    assert_accessible(page)

    page.goto("/sok/?q=x&type=bad")
    type_field = page.locator(".field", has=page.locator("#id_type"))
    expect(type_field.locator(".field__error")).to_contain_text(words["bad_type"])
    expect(page.locator("#id_type")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_type")).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_type_error\b")
    )
    expect(page.locator("#id_q")).to_have_value("x")
    expect(page.locator(".search-summary")).to_have_count(0)
    assert_accessible(page)


def test_search_results_are_paginated(page, language, viewport, make_guide):
    words = TEXT[language]
    make_guide(slug="ansettelse")
    for number in range(12):
        make_guide(slug=f"flere-{number}", title=f"Veileder nummer {number + 1}")

    page.goto("/sok/?q=bakvakt")
    expect(page.locator(".search-summary")).to_have_text(words["many_results"])
    first_page = page.locator(".search-result")
    expect(first_page.first).to_be_visible()
    shown = first_page.count()
    assert 0 < shown < 13
    pages = page.locator("nav.pagination")
    expect(pages.locator("[aria-current=page]")).to_contain_text("1")
    assert_accessible(page)

    pages.get_by_role("link", name=words["next"]).click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator("#id_q")).to_have_value("bakvakt")
    expect(page.locator(".search-result")).to_have_count(13 - shown)
    expect(page.locator(".search-results")).to_have_attribute("start", str(shown + 1))
    previous = page.locator("nav.pagination").get_by_role("link", name=words["previous"])
    expect(previous).to_be_visible()
    assert_accessible(page)


def test_accessibility_statement_and_privacy_page(page, language, viewport):
    home = HomePage.objects.get()
    statement = publish(home, StandardPage(**ACCESSIBILITY_STATEMENT))
    privacy = publish(home, StandardPage(**PRIVACY_PAGE))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.accessibility_page = statement
    settings.privacy_page = privacy
    settings.save()

    page.goto("/")
    footer = page.locator("footer.site-footer")
    for standard_page in (statement, privacy):
        footer.get_by_role("link", name=standard_page.title).click()
        expect(page).to_have_url(re.compile(rf"{re.escape(standard_page.url)}$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(standard_page.title)
        expect(page.locator(".lead")).to_have_text(standard_page.lead)
        expect(page.locator("main h2").first).to_be_visible()
        assert_accessible(page)


def test_network_resource_page_is_for_the_teams_only(page, language, viewport, network_team):
    words = TEXT[language]
    network = network_team.network
    resource = publish(
        network,
        NetworkResourcePage(
            title="Fra samlingene",
            slug="fra-samlingene",
            lead="Oppsummeringer, åpen skjerm og hva dere gjør før neste samling.",
            body=RESOURCE_BODY,
        ),
    )
    member = UserFactory(email="teammedlem@example.no", preferred_language=language)
    TeamMembership.objects.create(team=network_team, person=member, role=TeamRole.MENTOR)
    outsider = UserFactory(email="utenfor@example.no", preferred_language=language)

    sign_in(page, member.email, PASSWORD)
    page.goto(network.url)
    for_the_teams = page.locator("section", has=page.locator("#members-heading"))
    expect(for_the_teams.get_by_role("heading", level=2)).to_have_text(words["for_the_teams"])
    assert_accessible(page)
    for_the_teams.get_by_role("link", name="Fra samlingene").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(resource.url)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Fra samlingene")
    expect(page.locator("main")).to_contain_text("Åpen skjerm")
    assert_accessible(page)

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    sign_in(page, outsider.email, PASSWORD)
    page.goto(network.url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#members-heading")).to_have_count(0)
    expect(page.get_by_role("link", name="Fra samlingene")).to_have_count(0)
    assert_accessible(page)
    response = page.goto(resource.url)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(words["not_found"])
    expect(page.locator("main")).not_to_contain_text("Åpen skjerm")
    assert_accessible(page)


def test_editors_list_of_guides_due_for_review(page, language, viewport, make_guide):
    words = TEXT[language]
    two_years_ago = timezone.localdate() - datetime.timedelta(days=730)
    make_guide(slug="gammel", title="Gammel veileder", last_reviewed=two_years_ago)
    editor = UserFactory(
        email="red@example.no", is_staff=True, staff_role=StaffRole.EDITOR,
        preferred_language=language,
    )  # fmt: skip
    sign_in_to_admin(page, editor.email, PASSWORD)
    page.goto("/admin/veiledere-til-gjennomgang/")
    expect(page.get_by_role("link", name="Gammel veileder")).to_be_visible()
    assert_accessible(page)
    # Wagtail's page search, with its counts in our words.
    page.goto("/admin/pages/search/?q=veileder")
    expect(page.get_by_role("link", name="Gammel veileder").first).to_be_visible()
    expect(page.locator("main thead").first).to_contain_text(words["search_counts"])
    assert_accessible(page)
