"""A class of 60 behind one campus or municipal network (one address, NAT)
signs up, signs in and asks for new passwords together. The limits count per
e-mail address where there is one; what is counted per client address is loose
enough for the class, yet one machine trying many accounts is stopped at the
documented threshold (ACCOUNT_RATE_LIMITS), and django-axes still stops anyone
guessing one account's password."""

import pytest
from allauth.account.models import EmailAddress

from django.test import Client

from mentornett.settings import base
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/konto/signup/"
LOGIN = "/konto/login/"
RESET = "/konto/password/reset/"
CLASSROOM = "192.0.2.60"
CLASS_SIZE = 60
PHRASE = "kalv-og-fjos-2026"
WRONG = "not-the-password-at-all"


@pytest.fixture(autouse=True)
def production_limits(settings):
    """The production limits; the test settings switch allauth's limits off."""
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


def from_the_classroom():
    """A student's own browser; every one of them has the campus address."""
    return Client(REMOTE_ADDR=CLASSROOM)


def student(n):
    return f"student-{n}@example.no"


def signup_data(n, **overrides):
    return {
        "full_name": f"Student {n}",
        "email": student(n),
        "password1": PHRASE,
        "password2": PHRASE,
        **overrides,
    }


def per_address(action, part=0):
    """The count per client address of `action`, as the settings document it."""
    return int(base.ACCOUNT_RATE_LIMITS[action].split(",")[part].split("/")[0])


def test_a_class_of_sixty_signs_up_and_in_from_one_address_with_a_few_typos():
    typos = [
        from_the_classroom().post(SIGNUP, signup_data(n, password2="kalv-og-fjos-2025"))
        for n in range(5)
    ]
    assert [response.status_code for response in typos] == [200] * 5

    signups = [from_the_classroom().post(SIGNUP, signup_data(n)) for n in range(CLASS_SIZE)]

    assert [response.status_code for response in signups] == [302] * CLASS_SIZE
    EmailAddress.objects.update(verified=True)

    wrong = [
        from_the_classroom().post(LOGIN, {"login": student(n), "password": WRONG}) for n in range(5)
    ]
    assert [response.status_code for response in wrong] == [200] * 5

    browsers = [from_the_classroom() for _ in range(CLASS_SIZE)]
    sign_ins = [
        browser.post(LOGIN, {"login": student(n), "password": PHRASE})
        for n, browser in enumerate(browsers)
    ]

    assert [response.status_code for response in sign_ins] == [302] * CLASS_SIZE
    assert all("_auth_user_id" in browser.session for browser in browsers)


def test_a_class_asks_for_new_passwords_together():
    students = UserFactory.create_batch(CLASS_SIZE)

    responses = [from_the_classroom().post(RESET, {"email": s.email}) for s in students]

    assert [response.status_code for response in responses] == [302] * CLASS_SIZE


def test_guessing_one_accounts_password_from_the_classroom_is_still_stopped():
    target = UserFactory(email="student-target@example.no")
    guesser = from_the_classroom()

    responses = [
        guesser.post(LOGIN, {"login": target.email, "password": f"{WRONG}-{n}"})
        for n in range(base.AXES_FAILURE_LIMIT)
    ]

    assert responses[-1].status_code == 429
    assert "Innloggingen er satt på pause en stund" in responses[-1].content.decode()
    refused = guesser.post(LOGIN, {"login": target.email, "password": PASSWORD})
    assert refused.status_code == 429
    assert "_auth_user_id" not in guesser.session


def test_one_address_trying_many_accounts_is_stopped_at_the_documented_threshold():
    threshold = per_address("login_failed")
    assert CLASS_SIZE * 2 <= threshold <= 200  # a class that all mistype twice passes
    sprayer = from_the_classroom()
    for n in range(threshold):
        response = sprayer.post(LOGIN, {"login": f"guess-{n}@example.no", "password": WRONG})
        assert response.status_code == 200, n

    victim = UserFactory(email="victim@example.no")
    refused = sprayer.post(LOGIN, {"login": victim.email, "password": PASSWORD})

    assert refused.status_code == 200
    assert "For mange mislykkede innlogginger på kort tid" in refused.content.decode()
    assert "_auth_user_id" not in sprayer.session
    # Someone on another network is not held back.
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert elsewhere.post(LOGIN, {"login": victim.email, "password": PASSWORD}).status_code == 302


def test_sign_up_attempts_are_counted_per_email_address_and_keep_what_was_typed():
    per_email = int(base.ACCOUNT_RATE_LIMITS["signup_email"].split("/")[0])
    mismatch = signup_data(1, password2="kalv-og-fjos-2025")
    for _ in range(per_email):
        assert from_the_classroom().post(SIGNUP, mismatch).status_code == 200

    refused = Client(REMOTE_ADDR="198.51.100.21").post(SIGNUP, signup_data(1))

    text = refused.content.decode()
    assert refused.status_code == 200
    assert "mange forsøk på å opprette konto med denne e-postadressen" in text
    assert f'value="{student(1)}"' in text
    assert 'value="Student 1"' in text
    # Another student's address on the same network is not held back.
    assert from_the_classroom().post(SIGNUP, signup_data(2)).status_code == 302
