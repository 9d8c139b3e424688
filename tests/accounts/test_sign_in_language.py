"""One language per page: the request's language is decided once, by the
signed-in person's own choice, then the language cookie, then the browser, then
Bokmål; and a flash message is in the language of the page that shows it, also
when signing in or out changes the language between the two requests."""

import pytest

from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/konto/login/"
LOGOUT = "/konto/logout/"
SIGNED_IN = {"nb": "Logget inn som", "en": "Successfully signed in as"}
SIGNED_OUT = {"nb": "Du er logget ut.", "en": "You have signed out."}


def other(language):
    return "en" if language == "nb" else "nb"


def html_language(response):
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("profile", ["nb", "en"])
def test_the_page_after_signing_in_and_its_message_are_in_the_profiles_language(profile):
    person = UserFactory(preferred_language=profile)
    browser = Client(HTTP_ACCEPT_LANGUAGE=other(profile))
    assert html_language(browser.get(LOGIN)) == other(profile)

    landing = browser.post(LOGIN, {"login": person.email, "password": PASSWORD}, follow=True)

    text = landing.content.decode()
    assert html_language(landing) == profile
    assert SIGNED_IN[profile] in text
    assert SIGNED_IN[other(profile)] not in text


@pytest.mark.parametrize("profile", ["nb", "en"])
def test_the_page_after_signing_out_and_its_message_are_in_one_language(profile):
    person = UserFactory(preferred_language=profile)
    browser = Client(HTTP_ACCEPT_LANGUAGE=other(profile))
    browser.post(LOGIN, {"login": person.email, "password": PASSWORD})

    after = browser.post(LOGOUT, follow=True)

    text = after.content.decode()
    assert SIGNED_OUT[profile] in text
    assert html_language(after) == profile
    # The visitor keeps reading in the language they had, on this device.
    assert browser.cookies["mentornett_language"].value == profile


def test_the_profile_comes_before_the_cookie_and_the_browser():
    person = UserFactory(preferred_language="nb")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.cookies["mentornett_language"] = "en"
    browser.force_login(person)

    assert html_language(browser.get("/min-side/")) == "nb"


def test_without_a_signed_in_person_the_cookie_comes_before_the_browser():
    browser = Client(HTTP_ACCEPT_LANGUAGE="nb")
    browser.cookies["mentornett_language"] = "en"

    assert html_language(browser.get(LOGIN)) == "en"


def test_without_a_cookie_the_browser_decides():
    assert html_language(Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get(LOGIN)) == "en"


def test_without_cookie_or_browser_preference_the_site_is_in_bokmal():
    assert html_language(Client().get(LOGIN)) == "nb"
    assert html_language(Client(HTTP_ACCEPT_LANGUAGE="de").get(LOGIN)) == "nb"
