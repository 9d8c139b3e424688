"""Every e-mail template, sent the way the site really sends it, in Bokmål and
in English, reads whole: no empty site name or address ("Hei fra !", "en konto
på ."), no "None", no variable left unfilled, no space before punctuation.

The templates are found by globbing templates/emails/ and allauth's account and
social account e-mails, so a new one fails here until it is given a way to be
sent below, or a reason in NOT_SENT for why the site never sends it."""

import re
from html.parser import HTMLParser
from pathlib import Path

import allauth
import pytest
from allauth.account import app_settings as account_settings

from django.conf import settings
from django.core import mail
from django.test import Client

from courses.services import complete_lesson
from events.services import register
from mentornett.accounts.personal_data import erase_account
from network.models import TeamRole
from network.services import invite_member
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["nb", "en"]
MISSING = "MISSING-VARIABLE"
SIGNUP = "/konto/signup/"
LOGIN = "/konto/login/"
PASSWORD_RESET = "/konto/password/reset/"


def _own_templates() -> set[str]:
    folder = Path(settings.BASE_DIR) / "templates" / "emails"
    return {f"emails/{path.stem}" for path in folder.glob("*.txt")} | {
        f"emails/{path.stem}" for path in folder.glob("*.html")
    }


def _allauth_templates() -> set[str]:
    """allauth's messages by prefix ("account/email/password_reset_key"), ours
    (templates/account/email/) included, for the allauth apps installed."""
    roots = [Path(allauth.__file__).parent / "templates", Path(settings.BASE_DIR) / "templates"]
    found = set()
    for root in roots:
        for folder in ("account/email", "socialaccount/email"):
            for path in (root / folder).glob("*_message.txt"):
                if path.name != "base_message.txt":  # the frame the others extend
                    found.add(f"{folder}/{path.name.removesuffix('_message.txt')}")
    return found


# What each template is sent by: a function of (language, fixtures) that sends
# it for real. Keep in step with the services and allauth's flows.
def _send_base(language, fixtures):
    person = UserFactory(full_name="Kari Nordmann", preferred_language=language)
    erase_account(user=person)


def _send_event(language, fixtures):
    person = UserFactory(full_name="Kari Nordmann", preferred_language=language)
    event = fixtures("make_event")(
        title="Klauvskjæring for nyutdannede", meeting_url="https://zoom.example.no/j/123456789"
    )
    register(person=person, event=event)


def _send_certificate(language, fixtures):
    person = UserFactory(full_name="Kari Nordmann", preferred_language=language)
    _course, (lesson,) = fixtures("make_course")(lessons=1, mandatory_for="mentor")
    complete_lesson(learner=person, lesson=lesson)


def _send_invitation(language, fixtures):
    invitee = UserFactory(full_name="Kari Nordmann", preferred_language=language)
    invite_member(
        team=fixtures("network_team"),
        email=invitee.email,
        role=TeamRole.MENTOR,
        invited_by=UserFactory(full_name="Ola Hansen"),
    )


def _client(language) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _send_signup_confirmation(language, fixtures):
    _client(language).post(
        SIGNUP,
        {
            "full_name": "Ingrid Bergseth",
            "email": "ingrid@example.no",
            "password1": "kalv-og-fjos-2026",
            "password2": "kalv-og-fjos-2026",
        },
    )


def _send_account_already_exists(language, fixtures):
    """Signing up with an address that has an account (ACCOUNT_PREVENT_ENUMERATION)."""
    person = UserFactory(full_name="Kari Nordmann", preferred_language=language)
    _client(language).post(
        SIGNUP,
        {
            "full_name": "Kari Nordmann",
            "email": person.email,
            "password1": "kalv-og-fjos-2026",
            "password2": "kalv-og-fjos-2026",
        },
    )


def _send_unknown_account(language, fixtures):
    """A new password asked for an address with no account."""
    _client(language).post(PASSWORD_RESET, {"email": "ingen-konto@example.no"})


def _send_confirmation_again(language, fixtures):
    """Signing in with an address not yet confirmed sends the confirmation again."""
    person = UserFactory(full_name="Kari Nordmann", preferred_language=language, verified=False)
    person.emailaddress_set.create(email=person.email, verified=False, primary=True)
    _client(language).post(LOGIN, {"login": person.email, "password": PASSWORD})


def _send_password_reset(language, fixtures):
    person = UserFactory(full_name="Kari Nordmann", preferred_language=language)
    _client(language).post(PASSWORD_RESET, {"email": person.email})


SENDERS = {
    "emails/base": _send_base,
    "emails/event": _send_event,
    "emails/certificate_issued": _send_certificate,
    "emails/invitation": _send_invitation,
    "account/email/email_confirmation_signup": _send_signup_confirmation,
    "account/email/email_confirmation": _send_confirmation_again,
    "account/email/password_reset_key": _send_password_reset,
    "account/email/account_already_exists": _send_account_already_exists,
    "account/email/unknown_account": _send_unknown_account,
}

_NOTIFICATIONS_OFF = "a notification of a change to the account: ACCOUNT_EMAIL_NOTIFICATIONS is off"
NOT_SENT = {
    "account/email/email_changed": _NOTIFICATIONS_OFF,
    "account/email/email_confirm": _NOTIFICATIONS_OFF,
    "account/email/email_deleted": _NOTIFICATIONS_OFF,
    "account/email/password_changed": _NOTIFICATIONS_OFF,
    "account/email/password_reset": _NOTIFICATIONS_OFF,
    "account/email/password_set": _NOTIFICATIONS_OFF,
    "account/email/login_code": "sign-in by code (ACCOUNT_LOGIN_BY_CODE_ENABLED) is off",
    "account/email/password_reset_code": (
        "password reset by code (ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED) is off"
    ),
    "socialaccount/email/account_connected": _NOTIFICATIONS_OFF,
    "socialaccount/email/account_disconnected": _NOTIFICATIONS_OFF,
}

# Each says something went missing: an empty name or address, a value never filled.
SLIPS = [
    (re.compile(r"\s[!.,:;?](?!\w)"), "a space before punctuation: an empty value?"),
    (re.compile(r"\S {2,}\S"), "two spaces in a row: an empty value?"),
    (re.compile(r"\bNone\b"), "None"),
    (re.compile(MISSING), "a variable the template could not fill"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|%\(\w+\)s"), "an unrendered placeholder"),
    (re.compile(r"^\s*-\s*$", re.MULTILINE), "an empty list item"),
    (re.compile(r"(?:fra|from|på|on|bruke|using) !"), "an empty site name"),
]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def _visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html.split("<body", 1)[1])
    return " ".join("".join(parser.parts).split())


def _slips(text: str) -> list[str]:
    return [
        f"{reason}: {match.group(0)!r}"
        for pattern, reason in SLIPS
        for match in pattern.finditer(text)
    ]


@pytest.fixture
def missing_variables_show(settings):
    """A variable a template cannot fill shows as MISSING-VARIABLE[name] rather than nothing."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "string_if_invalid": f"{MISSING}[%s]"}}
    ]


def test_every_email_template_is_sent_or_has_a_reason_it_is_not():
    templates = _own_templates() | _allauth_templates()
    unaccounted = templates - set(SENDERS) - set(NOT_SENT)
    assert not unaccounted, f"Give these a sender in SENDERS or a reason in NOT_SENT: {unaccounted}"
    assert not set(SENDERS) & set(NOT_SENT)
    assert not (set(SENDERS) | set(NOT_SENT)) - templates, "an entry names no template"


def test_the_templates_not_sent_stay_switched_off():
    assert not account_settings.EMAIL_NOTIFICATIONS
    assert not account_settings.LOGIN_BY_CODE_ENABLED
    assert not account_settings.PASSWORD_RESET_BY_CODE_ENABLED


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", sorted(SENDERS))
def test_every_email_reads_whole(
    template, language, request, missing_variables_show, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        SENDERS[template](language, request.getfixturevalue)
    assert mail.outbox, f"{template} sent nothing"
    for message in mail.outbox:
        (html,) = [content for content, kind in message.alternatives if kind == "text/html"]
        for part, text in (
            ("subject", message.subject),
            ("text", message.body),
            ("HTML", _visible_text(html)),
        ):
            assert not _slips(text), f"{template} ({language}), {part}:\n{text}\n{_slips(text)}"
        assert message.body.rstrip().endswith(settings.SITE_NAME)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_email_names_the_site_at_its_public_address(
    language, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://mentornett.example"
    with django_capture_on_commit_callbacks(execute=True):
        _send_signup_confirmation(language, None)
    (message,) = mail.outbox
    assert "mentornett.example" in message.body
    assert "testserver" not in message.body
    assert "https://mentornett.example/konto/confirm-email/" in message.body
