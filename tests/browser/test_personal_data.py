import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

from wagtail.models import Site

from home.demo.guides import PRIVACY_PAGE
from home.models import HomePage, SiteSettings, StandardPage
from mentornett.accounts.models import Profile, User
from tests.courses.fixtures import publish
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORDS = {
    "nb": {
        "link": "Mine data: last ned eller slett",
        "privacy": "Les personvernerklæringen",
        "download": "Last ned mine data (.zip)",
        "delete": "Slett kontoen min …",
        "password": "Passordet ditt",
        "confirm": "Slett kontoen min nå",
        "wrong": "Passordet er ikke riktig. Ingenting er slettet.",
        "deleted": "Kontoen din er slettet",
    },
    "en": {
        "link": "My data: download or delete",
        "privacy": "Read the privacy statement",
        "download": "Download my data (.zip)",
        "delete": "Delete my account…",
        "password": "Your password",
        "confirm": "Delete my account now",
        "wrong": "The password is not correct. Nothing has been deleted.",
        "deleted": "Your account is deleted",
    },
}


@pytest.fixture
def privacy_page(db):
    home = HomePage.objects.get()
    privacy = publish(home, StandardPage(**PRIVACY_PAGE))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return privacy


def test_download_my_data_and_delete_my_account(page, language, viewport, privacy_page):
    words = WORDS[language]
    person = UserFactory(
        email="kari.data@example.no", full_name="Kari Data", preferred_language=language
    )
    Profile.objects.create(user=person, study_place="NMBU Veterinærhøgskolen")

    sign_in(page, person.email, PASSWORD)
    page.goto("/min-side/")
    page.get_by_role("link", name=words["link"]).click()
    expect(page).to_have_url(re.compile(r"/min-side/mine-data/$"))
    privacy_link = page.get_by_role("link", name=re.compile(words["privacy"]))
    expect(privacy_link).to_have_attribute("href", privacy_page.url)
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=words["download"]).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(download.path()) as archive:
        data = json.loads(archive.read("data.json"))
        assert "README.txt" in archive.namelist()
    assert data["account"]["user"]["email"] == "kari.data@example.no"
    assert data["account"]["profile"]["study_place"] == "NMBU Veterinærhøgskolen"

    page.get_by_role("link", name=words["delete"]).click()
    expect(page).to_have_url(re.compile(r"/min-side/slett-konto/$"))
    assert_accessible(page)

    page.get_by_label(words["password"]).fill("not-the-password-at-all")
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator(".error-summary")).to_contain_text(words["wrong"])
    assert_accessible(page)
    assert User.objects.get(pk=person.pk).anonymised_at is None

    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page).to_have_url(re.compile(r"/konto-slettet/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["deleted"])
    assert_accessible(page)

    person.refresh_from_db()
    assert person.anonymised_at is not None and not person.is_active
    page.goto("/min-side/")
    expect(page).to_have_url(re.compile(r"/konto/login/"))
