"""The municipality picker on the profile: searchable and usable with the
keyboard alone (the ARIA combobox pattern), and a plain select reading
"Velg kommune" when JavaScript is off."""

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.test import Client

from mentornett.accounts.models import Profile
from network.models import Municipality
from tests.factories import UserFactory

from .conftest import VIEWPORTS, assert_accessible
from .pickers import choose_in_picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROFILE = "/min-side/profil/"
SAVE = {"nb": "Lagre profil", "en": "Save profile"}
CHOOSE = {"nb": "Velg kommune", "en": "Choose municipality"}


@pytest.fixture
def places(db):
    for number, name in [("3427", "Tynset"), ("3401", "Kongsvinger"), ("3430", "Os")]:
        Municipality.objects.create(number=number, name=name, county="Innlandet")
    Municipality.objects.create(number="5636", name="Unjárga Nesseby", county="Finnmark")


@pytest.fixture
def person(db, language):
    return UserFactory(
        full_name="Kari Nordmann", email="kari@example.no", preferred_language=language
    )


def signed_in(context, live_server, person):
    client = Client()
    client.force_login(person)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_a_municipality_is_found_and_chosen_with_the_keyboard_alone(
    page, live_server, language, places, person
):
    signed_in(page.context, live_server, person)
    page.goto(PROFILE)
    box = page.locator("#id_home_municipality")
    expect(box).to_have_attribute("role", "combobox")
    expect(page.locator("select[name=home_municipality]")).to_be_hidden()
    assert_accessible(page)

    # Typing filters; letters with accents match without them.
    box.focus()
    box.press_sequentially("unj")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_text(["Unjárga Nesseby"])
    box.fill("")
    box.press_sequentially("o")
    expect(listbox.get_by_role("option").first).to_have_text("Os")
    assert_accessible(page)
    # Escape closes the list and keeps the text box.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_be_focused()
    box.fill("")

    choose_in_picker(page, "#id_home_municipality", "Kongsvinger")
    page.get_by_role("button", name=SAVE[language]).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert Profile.objects.get(user=person).home_municipality.name == "Kongsvinger"
    # The saved choice is shown again, by name.
    expect(page.locator("#id_home_municipality")).to_have_value("Kongsvinger")


def test_without_javascript_the_picker_is_a_select_that_says_velg_kommune(
    browser, live_server, viewport, language, places, person
):
    context = browser.new_context(
        java_script_enabled=False,
        viewport=VIEWPORTS[viewport],
        base_url=live_server.url,
        locale="nb-NO" if language == "nb" else "en-GB",
    )
    context.add_cookies(
        [{"name": "mentornett_language", "value": language, "url": live_server.url}]
    )
    signed_in(context, live_server, person)
    page = context.new_page()
    try:
        page.goto(PROFILE)
        select = page.locator("select#id_home_municipality")
        expect(select).to_be_visible()
        expect(select.locator("option").first).to_have_text(CHOOSE[language])
        assert "---------" not in page.content()
        select.select_option(label="Tynset")
        page.get_by_role("button", name=SAVE[language]).click()
        expect(page.locator(".message--success")).to_be_visible()
        assert Profile.objects.get(user=person).home_municipality.name == "Tynset"
    finally:
        context.close()
