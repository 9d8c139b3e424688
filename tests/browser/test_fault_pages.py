"""The pages people meet when something is refused or down: too many attempts
(429) and the database being unavailable (503). Both must be readable,
accessible and in the person's language."""

from unittest import mock

import pytest
from playwright.sync_api import expect

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from tests.factories import UserFactory

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADINGS = {
    429: {"nb": "For mange forsøk på kort tid", "en": "Too many attempts in a short time"},
    503: {
        "nb": "Mentornett er utilgjengelig en liten stund",
        "en": "Mentornett is unavailable for a moment",
    },
}


def test_too_many_password_resets_get_a_calm_page(page, language, settings):
    user = UserFactory(email="glemsk@example.no")
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "1/m/key"}
    for _ in range(2):
        page.goto("/konto/password/reset/")
        page.locator("#id_email").fill(user.email)
        page.locator("form.form button[type=submit]").click()
        page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADINGS[429][language])
    assert_accessible(page)


def test_the_database_being_down_gives_a_page_that_needs_no_database(page, language):
    gone = OperationalError("connection to server at 127.0.0.1, port 5432 failed")
    # Every connection, the live server's thread included, fails while the page loads.
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=gone):
        response = page.goto("/min-side/")
    assert response.status == 503
    assert response.headers["retry-after"]
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADINGS[503][language])
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.get_by_role("link", name={"nb": "Prøv igjen", "en": "Try again"}[language]).click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text(HEADINGS[503][language])
