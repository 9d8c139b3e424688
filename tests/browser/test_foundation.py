import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from mentornett.accounts.models import User
from mentornett.accounts.roles import StaffRole
from network.models import Municipality
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in
from .pickers import choose_in_picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = {
    "nb": {
        "signup": "Registrer deg",
        "sign_in": "Logg inn",
        "sign_out": "Logg ut",
        "my_page": "Min side",
        "fill_in_profile": "Fyll ut profilen din",
        "saved": "Profilen din er lagret.",
        "not_found": "Vi finner ikke siden",
        "menu": "Meny",
        "confirm": "Bekreft",
        "too_short": "Passordet er for kort",
        "check_email": "Sjekk e-posten din",
        "save": "Lagre profil",
    },
    "en": {
        "signup": "Sign Up",
        "sign_in": "Sign in",
        "sign_out": "Sign out",
        "my_page": "My page",
        "fill_in_profile": "Fill in your profile",
        "saved": "Your profile is saved.",
        "not_found": "We cannot find that page",
        "menu": "Menu",
        "confirm": "Confirm",
        "too_short": "The password is too short",
        "check_email": "Check your e-mail",
        "save": "Save profile",
    },
}


def submit_signup(page, full_name, email, password):
    page.locator("#id_full_name").fill(full_name)
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    page.locator("form.form button[type=submit]").click()


def open_menu_on_phone(page, viewport, language):
    if viewport == "phone":
        toggle = page.get_by_role("button", name=TEXT[language]["menu"])
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")


def test_home_page(page, language, viewport, demo_content):
    page.goto("/")

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mentornett")
    expect(page.get_by_role("heading", name="Jeg er mentor")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Kom i gang som mentor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("For mentorer")
    assert_accessible(page)
    page.goto("/")
    open_menu_on_phone(page, viewport, language)
    expect(page.get_by_role("link", name=TEXT[language]["sign_in"]).first).to_be_visible()
    assert_accessible(page)


def test_skip_link_moves_focus_to_main(page, language, viewport):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_signup_verify_profile_logout(page, language, viewport):
    Municipality.objects.get_or_create(number="3427", name="Tynset", county="Innlandet")
    words = TEXT[language]

    page.goto("/konto/signup/")
    assert_accessible(page)
    submit_signup(page, "Ingrid Bergseth", "ingrid@example.no", "kort")

    # A weak password is explained; what was typed is kept.
    expect(page.locator(".error-summary")).to_contain_text(words["too_short"])
    expect(page.locator("#id_full_name")).to_have_value("Ingrid Bergseth")
    expect(page.locator("#id_email")).to_have_value("ingrid@example.no")
    assert_accessible(page)

    page.locator("#id_password1").fill("kalv-og-fjos-2026")
    page.locator("#id_password2").fill("kalv-og-fjos-2026")
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    assert_accessible(page)

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.locator("form.form button[type=submit]").click()

    # The first sign-in lands on Min side, whose next steps start with the profile.
    expect(page).to_have_url(re.compile(r"/min-side/$"))
    page.locator(".next-steps__link").filter(has_text=words["fill_in_profile"]).click()
    expect(page).to_have_url(re.compile(r"/min-side/profil/$"))
    assert_accessible(page)
    page.locator("#id_phone").fill("912 34 567")
    page.locator("#id_profession").select_option("veterinarian")
    choose_in_picker(page, "#id_home_municipality", "Tynset")
    page.locator("#id_has_norwegian_authorisation").check()
    page.locator("#id_authorisation_year").fill("2015")
    page.get_by_role("button", name=words["save"]).click()

    expect(page.locator(".message--success")).to_have_text(words["saved"])
    user = User.objects.get(email="ingrid@example.no")
    assert user.phone == "912 34 567"
    assert user.profile.home_municipality.name == "Tynset"

    page.goto("/min-side/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["my_page"])
    assert_accessible(page)

    open_menu_on_phone(page, viewport, language)
    page.get_by_role("button", name=words["sign_out"]).click()
    open_menu_on_phone(page, viewport, language)
    expect(page.get_by_role("link", name=words["sign_in"]).first).to_be_visible()

    # And back in with the new account.
    page.goto("/konto/login/")
    page.locator("#id_login").fill("ingrid@example.no")
    page.locator("#id_password").fill("kalv-og-fjos-2026")
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/min-side/$"))
    page.goto("/min-side/profil/")
    expect(page.locator("#id_phone")).to_have_value("912 34 567")


def test_duplicate_email_is_explained(page, language, viewport):
    """A taken address answers as a new one would (no one learns who has an
    account); the page says what to do next, and the owner gets an e-mail."""
    User.objects.create_user(email="taken@example.no", full_name="Tatt", password="x")
    page.goto("/konto/signup/")
    submit_signup(page, "Ny Person", "taken@example.no", "kalv-og-fjos-2026")

    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TEXT[language]["check_email"])
    expect(page.locator("main").get_by_role("link", name=TEXT[language]["sign_in"])).to_be_visible()
    assert User.objects.filter(email="taken@example.no").count() == 1
    assert_accessible(page)


def test_login_and_password_reset_pages(page, language, viewport):
    page.goto("/konto/login/")
    assert_accessible(page)
    page.locator("#id_login").fill("nobody@example.no")
    page.locator("#id_password").fill("wrong-password")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)

    page.goto("/konto/password/reset/")
    assert_accessible(page)


def test_not_found_page(page, language, viewport):
    response = page.goto("/finnes-ikke/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(TEXT[language]["not_found"])
    assert_accessible(page)


def test_language_switch(page, language, viewport):
    page.goto("/")
    open_menu_on_phone(page, viewport, language)
    other = "en" if language == "nb" else "nb"
    page.locator(f".language-switch button[value={other}]").click()
    expect(page.locator("html")).to_have_attribute("lang", other)
    assert_accessible(page)


def test_account_management_pages(page, language, viewport):
    user = UserFactory(email="kari@example.no")
    sign_in(page, user.email, PASSWORD)

    for path in ("/konto/password/change/", "/konto/email/", "/konto/logout/"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

    page.goto("/konto/password/change/")
    page.locator("#id_oldpassword").fill(PASSWORD)
    page.locator("#id_password1").fill("ny-og-lang-2026-passord")
    page.locator("#id_password2").fill("ny-og-lang-2026-passord")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".message").first).to_be_visible()
    assert_accessible(page)


def test_password_reset_journey(page, language, viewport):
    user = UserFactory(email="glemsk@example.no")

    page.goto("/konto/password/reset/")
    page.locator("#id_email").fill(user.email)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/konto/password/reset/done/$"))
    assert_accessible(page)

    link = re.search(r"https?://\S+/konto/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    expect(page.locator("#id_password1")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_password1").fill("helt-nytt-passord-2026")
    page.locator("#id_password2").fill("helt-nytt-passord-2026")
    page.locator("form.form button[name=action]").click()
    expect(page).to_have_url(re.compile(r"/konto/password/reset/key/done/$"))
    assert_accessible(page)
    user.refresh_from_db()
    assert user.check_password("helt-nytt-passord-2026")


@pytest.mark.parametrize("view_name", ["bad_request", "permission_denied", "server_error"])
def test_error_pages(page, language, viewport, view_name):
    """400, 403 and 500 cannot be provoked through the UI; render them as the
    handlers would and show them in the browser on the live server's origin."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.utils import translation

    from mentornett import views

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with translation.override(language):
        handler = getattr(views, view_name)
        response = handler(request) if view_name == "server_error" else handler(request, None)
    page.goto("/")
    page.set_content(response.content.decode())
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_component_gallery(page, language, viewport):
    editor = UserFactory(email="redaktor@example.no", is_staff=True, staff_role=StaffRole.EDITOR)
    sign_in(page, editor.email, PASSWORD)
    page.goto("/komponenter/")
    expect(page.locator("[role=progressbar]").first).to_be_visible()
    assert_accessible(page)
