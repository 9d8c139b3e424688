"""One language per page in a real browser: an English browser signs in to an
account whose language is Bokmål; the page after and its message are in
Bokmål, and so are the page and message after signing out."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

from .conftest import VIEWPORTS, assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def english_browser(browser, live_server, viewport):
    """A browser that asks for English and has no language cookie yet."""
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="en-GB",
        base_url=live_server.url,
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def test_an_english_browser_signs_in_to_a_bokmal_account_in_one_language(english_browser, viewport):
    page = english_browser
    person = UserFactory(email="solveig@example.no", full_name="Solveig Lie")

    page.goto("/konto/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)
    page.locator("#id_login").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()

    expect(page).not_to_have_url(re.compile(r"/konto/login/"))
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    message = page.locator(".messages")
    expect(message).to_contain_text("Logget inn som")
    expect(message).not_to_contain_text("Successfully")
    assert_accessible(page)

    if viewport == "phone":
        page.get_by_role("button", name="Meny").click()
    page.get_by_role("button", name="Logg ut").click()

    expect(page.locator(".messages")).to_contain_text("Du er logget ut.")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    assert_accessible(page)


CONFIRM = {
    "nb": {"heading": "Bytte språk?", "other": "en", "button": "Switch to English"},
    "en": {"heading": "Change language?", "other": "nb", "button": "Bytt til norsk"},
}


def test_a_language_link_from_elsewhere_asks_before_it_switches(page, language, viewport):
    words = CONFIRM[language]
    # Opened directly, as from another site's link: no Referer of ours.
    page.goto(f"/sprak/?language={words['other']}&next=/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["heading"])
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    page.get_by_role("button", name=words["button"]).click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", words["other"])
