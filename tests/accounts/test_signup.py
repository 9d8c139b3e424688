import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import get_hasher
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


def test_sign_up_with_a_known_address_answers_as_for_a_new_one(client, participant):
    """No one learns from the sign-up form whether an address has an account."""
    new = client.post(SIGNUP, signup_data(email="ny-person@example.no"))
    known = client.post(SIGNUP, signup_data(email=participant.email.upper()))

    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=participant.email).count() == 1
    assert User.objects.filter(email="ny-person@example.no").exists()


def test_a_known_address_takes_as_long_as_a_new_one(client, participant):
    """The password is hashed on both paths, so the answer's timing does not
    tell a known address from a new one (hashing is most of the time spent)."""
    hasher = type(get_hasher())
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as encode:
        client.post(SIGNUP, signup_data(email="ny-person@example.no"))
        for_a_new_one = encode.call_count
        client.post(SIGNUP, signup_data(email=participant.email))

    assert for_a_new_one >= 1
    assert encode.call_count == 2 * for_a_new_one


def test_the_owner_of_a_known_address_is_told_how_to_sign_in(client, participant):
    client.cookies["mentornett_language"] = "en"  # whoever typed it reads English

    client.post(SIGNUP, signup_data(email=participant.email))

    (message,) = mail.outbox
    assert message.to == [participant.email]
    assert "Du har allerede en konto" in message.subject  # the owner's language
    assert "Hei Kari," in message.body
    assert "ble ikke laget noen ny konto" in message.body
    assert re.search(r"https?://\S+/konto/login/", message.body)
    assert re.search(r"https?://\S+/konto/password/reset/", message.body)


def test_the_page_after_sign_up_says_what_to_do_next(client, participant):
    response = client.post(SIGNUP, signup_data(email=participant.email))
    page = client.get(response["Location"]).content.decode()

    assert "Sjekk e-posten din" in page
    assert "hvis du allerede har en konto med denne adressen" in page
    assert f'href="{reverse("account_login")}"' in page
    assert f'href="{reverse("account_reset_password")}"' in page


def test_the_page_after_sign_up_reads_the_same_for_a_new_and_a_known_address(client, participant):
    def page_after(email):
        response = client.post(SIGNUP, signup_data(email=email))
        client.logout()
        text = client.get(response["Location"]).content.decode()
        return re.sub(r"[\w.+-]+@[\w.-]+", "ADDRESS", re.sub(r'value="[^"]*"', "", text))

    assert page_after(participant.email) == page_after("ny-person@example.no")


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


def test_password_reset_answers_the_same_for_an_unknown_address(client, participant):
    known = client.post("/konto/password/reset/", {"email": participant.email})
    unknown = client.post("/konto/password/reset/", {"email": "finnes-ikke@example.no"})

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    known_page = client.get(known["Location"]).content.decode()
    assert client.get(unknown["Location"]).content.decode() == known_page
    assert "tilknyttet" not in known_page
    told = mail.outbox[-1]
    assert told.to == ["finnes-ikke@example.no"]
    assert "Det finnes ingen konto med denne adressen" in told.body
    assert re.search(r"https?://\S+/konto/signup/", told.body)


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
