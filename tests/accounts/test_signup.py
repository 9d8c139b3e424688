import re

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.urls import reverse

from mentornett.accounts.models import Profile, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A client whose requests run their on-commit work (queued e-mail) as a real
    commit would; the test's own transaction never commits."""

    class CommittingClient:
        def __getattr__(self, name):
            return getattr(client, name)

        def post(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(*args, **kwargs)

    return CommittingClient()


SIGNUP = "/konto/signup/"


def signup_data(**overrides):
    data = {
        "full_name": "Ingrid  Bergseth ",
        "email": "ingrid@example.no",
        "password1": "kalv-og-fjos-2026",
        "password2": "kalv-og-fjos-2026",
    }
    data.update(overrides)
    return data


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_creates_user_with_profile_and_sends_verification(client):
    response = client.post(SIGNUP, signup_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="ingrid@example.no")
    assert user.full_name == "Ingrid Bergseth"
    assert user.preferred_language == "nb"
    assert Profile.objects.filter(user=user).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ingrid@example.no"]
    assert not EmailAddress.objects.get(email="ingrid@example.no").verified


def test_verification_link_verifies_and_signs_in(client):
    client.post(SIGNUP, signup_data())
    link = confirmation_link(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ingrid@example.no").verified
    assert client.get(reverse("home:dashboard")).status_code == 200


def test_tampered_verification_link_gets_clear_message(client):
    client.post(SIGNUP, signup_data())
    link = confirmation_link(mail.outbox[0])
    tampered = link[:-6] + "tampr/"

    response = client.get(tampered)

    assert response.status_code == 200
    assert "utgått eller ugyldig" in response.content.decode()
    assert not EmailAddress.objects.get(email="ingrid@example.no").verified


def test_login_before_verification_is_sent_to_verify(client):
    client.post(SIGNUP, signup_data())
    client.logout()

    response = client.post(
        "/konto/login/", {"login": "ingrid@example.no", "password": "kalv-og-fjos-2026"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


def test_duplicate_email_is_refused_with_norwegian_message_and_keeps_input(client, participant):
    response = client.post(SIGNUP, signup_data(email=participant.email.upper()))

    assert response.status_code == 200
    html = response.content.decode()
    assert "allerede registrert" in html
    assert 'value="Ingrid Bergseth"' in html or 'value="Ingrid  Bergseth "' in html
    assert User.objects.filter(email__iexact=participant.email).count() == 1


def test_duplicate_email_message_in_english(client, participant):
    client.cookies["mentornett_language"] = "en"

    response = client.post(SIGNUP, signup_data(email=participant.email))

    assert "already registered" in response.content.decode()


def test_invalid_email_gets_a_message(client):
    response = client.post(SIGNUP, signup_data(email="ikke-en-epost"))

    assert response.status_code == 200
    assert "gyldig e-postadresse" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("kort1", "for kort"),
        ("1234567890123", "bare tall"),
        ("password123", "for vanlig"),
    ],
)
def test_weak_password_is_explained(client, password, fragment):
    response = client.post(SIGNUP, signup_data(password1=password, password2=password))

    assert response.status_code == 200
    assert fragment in response.content.decode()
    assert not User.objects.exists()


def test_mismatched_passwords_are_explained(client):
    response = client.post(SIGNUP, signup_data(password2="something-else-2026"))

    assert response.status_code == 200
    assert not User.objects.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_missing_full_name_is_explained(client):
    response = client.post(SIGNUP, signup_data(full_name="   "))

    assert response.status_code == 200
    assert not User.objects.exists()
    assert "Dette feltet er påkrevet" in response.content.decode()


def test_signup_in_english_sets_english_as_preferred(client):
    client.cookies["mentornett_language"] = "en"

    client.post(SIGNUP, signup_data())

    assert User.objects.get().preferred_language == "en"
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body


def test_password_reset_sends_mail_for_known_address(client, participant):
    response = client.post("/konto/password/reset/", {"email": participant.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/konto/password/reset/key/" in mail.outbox[0].body


def test_verification_mail_goes_through_the_queue_after_commit(
    django_capture_on_commit_callbacks,
):
    from django_q.models import Success

    from django.test import Client

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Client().post(SIGNUP, signup_data())
    assert mail.outbox == []  # nothing leaves before the sign-up is committed

    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    assert Success.objects.filter(func="mentornett.tasks.send_email").count() == 1
