"""Abuse limits: login throttling (django-axes) through allauth's form and the
Wagtail admin's, and the rate limits on sign-up, password reset, invitations and
certificate checks. Each limit is proved at its configured size where that is
cheap, and each refusal is a clear page or a re-rendered form, never a 500."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from freezegun import freeze_time

from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mentornett import ratelimit
from mentornett.settings import base
from network.models import RelationshipKind
from network.scheme.services import applications as scheme_services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/konto/login/"
ADMIN_LOGIN = "/admin/login/"
WRONG = "not-the-password-at-all"


def sign_in(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail_until_locked(client, email, *, login=LOGIN, field="login"):
    """Send wrong passwords until the limit; returns the responses."""
    return [
        client.post(login, {field: email, "password": WRONG})
        for _ in range(base.AXES_FAILURE_LIMIT)
    ]


# --- login throttling -----------------------------------------------------------------


def test_repeated_wrong_passwords_lock_the_address_with_a_friendly_page(
    client, participant, password
):
    responses = fail_until_locked(client, participant.email)

    assert [r.status_code for r in responses[:-1]] == [200] * (base.AXES_FAILURE_LIMIT - 1)
    locked = responses[-1]
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Innloggingen er satt på pause en stund" in text
    until = timezone.localtime(timezone.now() + base.AXES_COOLOFF_TIME)
    minutes = base.AXES_COOLOFF_TIME.seconds // 60
    said = re.search(rf"prøve igjen om {minutes} minutter, klokka (\d\d:\d\d)", text)
    assert said, text
    assert said.group(1) in {
        until.strftime("%H:%M"),
        (until - timedelta(minutes=1)).strftime("%H:%M"),
    }
    assert reverse("account_reset_password") in text
    assert int(locked["Retry-After"]) > 0


def test_the_right_password_is_refused_during_the_lockout(client, participant, password):
    fail_until_locked(client, participant.email)

    response = sign_in(client, participant.email, password)

    assert response.status_code == 429
    assert not signed_in(client)


def test_the_lockout_is_the_same_for_an_address_without_an_account(client, participant):
    known = fail_until_locked(client, participant.email)[-1]
    unknown = fail_until_locked(client, "finnes-ikke@example.no")[-1]

    assert unknown.status_code == known.status_code == 429

    def without_times(response):
        return re.sub(r"\d+", "N", response.content.decode())

    assert without_times(unknown) == without_times(known)


def test_the_lock_holds_one_address_on_one_client(client, participant, password):
    fail_until_locked(client, participant.email)

    other_device = Client(REMOTE_ADDR="10.1.2.3")
    assert sign_in(other_device, participant.email, password).status_code == 302
    assert signed_in(other_device)


def test_the_cool_off_releases_the_lock(client, participant, password):
    with freeze_time(timezone.now()) as frozen:
        fail_until_locked(client, participant.email)
        frozen.tick(base.AXES_COOLOFF_TIME - timedelta(seconds=5))
        assert sign_in(client, participant.email, password).status_code == 429
        frozen.tick(timedelta(seconds=10))

        response = sign_in(client, participant.email, password)

    assert response.status_code == 302
    assert signed_in(client)


def test_more_tries_during_the_lockout_do_not_move_the_promised_time(client, participant):
    with freeze_time(timezone.now()) as frozen:
        fail_until_locked(client, participant.email)
        frozen.tick(timedelta(minutes=5))
        sign_in(client, participant.email, WRONG)
        frozen.tick(base.AXES_COOLOFF_TIME - timedelta(minutes=5) + timedelta(seconds=5))

        response = sign_in(client, participant.email, WRONG)

    assert response.status_code == 200  # counted afresh, not locked


def test_the_office_can_see_the_lockout(client, participant):
    fail_until_locked(client, participant.email.upper())

    attempt = AccessAttempt.objects.get()
    assert attempt.username == participant.email
    assert attempt.failures_since_start == base.AXES_FAILURE_LIMIT
    assert "not-the-password" not in attempt.post_data
    assert participant.email not in attempt.post_data.lower()  # personal data only where needed


def test_the_admin_login_is_throttled_too(client, password):
    editor = UserFactory(is_staff=True, is_superuser=True)
    responses = fail_until_locked(client, editor.email, login=ADMIN_LOGIN, field="username")
    assert responses[-1].status_code == 429
    assert "Innloggingen er satt på pause en stund" in responses[-1].content.decode()

    response = client.post(ADMIN_LOGIN, {"username": editor.email, "password": password})

    assert response.status_code == 429
    assert not signed_in(client)
    # The same address is locked on the site's own form as well.
    assert sign_in(client, editor.email, password).status_code == 429


def test_a_new_password_from_the_reset_link_lifts_the_lock(
    client, participant, django_capture_on_commit_callbacks
):
    fail_until_locked(client, participant.email)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/password/reset/", {"email": participant.email})
    link = re.search(r"https?://[^/\s]+(/konto/password/reset/key/\S+/)", mail.outbox[-1].body)
    form_url = client.get(link.group(1))["Location"]
    new = "en-helt-ny-og-lang-frase-77"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302

    assert sign_in(client, participant.email, new).status_code == 302
    assert signed_in(client)


# --- allauth's limits on sign-up and password reset ------------------------------------


@pytest.fixture
def allauth_limits(settings):
    """The production limits; the test settings switch allauth's limits off."""
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


def signup_data(n):
    phrase = "kalv-og-fjos-2026"
    return {
        "full_name": f"Person {n}",
        "email": f"person-{n}@example.no",
        "password1": phrase,
        "password2": phrase,
    }


def test_sign_up_is_limited_per_client(client, allauth_limits, settings):
    """Proved at a small size: the real one lets a class of 60 sign up from one
    address (tests/site/test_shared_network_limits.py)."""
    allowed = 3
    settings.ACCOUNT_RATE_LIMITS = {**base.ACCOUNT_RATE_LIMITS, "signup": f"{allowed}/h/ip"}
    statuses = [client.post("/konto/signup/", signup_data(n)).status_code for n in range(allowed)]
    assert statuses == [302] * allowed

    refused = client.post("/konto/signup/", signup_data(allowed))

    assert refused.status_code == 429
    assert "For mange forsøk på kort tid" in refused.content.decode()
    assert not refused.wsgi_request.user.is_authenticated
    # Someone else is not held back.
    assert Client(REMOTE_ADDR="10.9.9.9").post("/konto/signup/", signup_data(99)).status_code == 302


def test_password_reset_for_one_address_is_limited(
    client, participant, allauth_limits, django_capture_on_commit_callbacks
):
    per_address = int(base.ACCOUNT_RATE_LIMITS["reset_password"].split(",")[1].split("/")[0])
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(per_address):
            assert (
                client.post("/konto/password/reset/", {"email": participant.email}).status_code
                == 302
            )
        refused = client.post("/konto/password/reset/", {"email": participant.email})

    assert refused.status_code == 429
    assert "For mange forsøk på kort tid" in refused.content.decode()
    assert len(mail.outbox) == per_address


# --- invitations ----------------------------------------------------------------------


def test_team_invitations_are_limited_per_person_and_keep_what_was_typed(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.INVITATIONS_PER_HOUR = 2
    client.force_login(world.coordinator_a)
    url = reverse("network:invite", args=[world.team_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            response = client.post(url, {"email": f"ny{n}@example.no", "role": "other"})
            assert response.status_code == 302
        refused = client.post(url, {"email": "en-til@example.no", "role": "other"})

    assert refused.status_code == 429
    text = refused.content.decode()
    assert "Du har sendt mange invitasjoner på kort tid" in text
    assert 'value="en-til@example.no"' in text
    assert sorted(message.to[0] for message in mail.outbox) == ["ny0@example.no", "ny1@example.no"]

    other = Client()
    other.force_login(world.coordinator_b)
    response = other.post(
        reverse("network:invite", args=[world.team_b.pk]),
        {"email": "ny@example.no", "role": "other"},
    )
    assert response.status_code == 302


def test_scheme_invitations_share_the_limit(
    client, scheme, settings, django_capture_on_commit_callbacks
):
    settings.INVITATIONS_PER_HOUR = 1
    application = scheme_services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
    )
    client.force_login(scheme.mentor)
    url = reverse("scheme:invite", args=[application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"email": "mentee@example.no"}).status_code == 302
        refused = client.post(url, {"email": "andre@example.no"})

    assert refused.status_code == 429
    text = refused.content.decode()
    assert "Du har sendt mange invitasjoner på kort tid" in text
    assert 'value="andre@example.no"' in text


# --- certificate checks and the counter itself -----------------------------------------


def test_checking_a_credential_file_counts_against_the_same_limit(client, settings):
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 2
    for _ in range(2):
        assert client.get("/kursbevis/MN-0000-0000-0000-0000/").status_code in {400, 404}

    refused = client.post(reverse("certificates:verify_badge"), {"token": "x.y.z"})

    assert refused.status_code == 429


def test_the_window_closes_after_its_period(rf):
    request = rf.get("/")
    limit = ratelimit.Limit(count=2, seconds=60)
    with freeze_time(timezone.now()) as frozen:
        assert [ratelimit.allow(request, "test", limit) for _ in range(3)] == [True, True, False]
        frozen.tick(timedelta(seconds=61))
        assert ratelimit.allow(request, "test", limit)


def test_behind_a_proxy_the_visitor_is_counted_not_the_proxy(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    limit = ratelimit.Limit(count=1, seconds=60)

    def from_visitor(visitor, claimed="1.1.1.1"):
        return rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"{claimed}, {visitor}")

    assert ratelimit.allow(from_visitor("203.0.113.5"), "proxy", limit)
    assert ratelimit.allow(from_visitor("203.0.113.6"), "proxy", limit)
    # What the client writes itself into X-Forwarded-For does not give it a new count.
    assert not ratelimit.allow(from_visitor("203.0.113.5", claimed="9.9.9.9"), "proxy", limit)


def test_without_a_trusted_proxy_forwarded_for_is_ignored(rf):
    limit = ratelimit.Limit(count=1, seconds=60)
    first = rf.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="1.2.3.4")
    second = rf.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="5.6.7.8")

    assert ratelimit.allow(first, "spoof", limit)
    assert not ratelimit.allow(second, "spoof", limit)


def test_administrators_see_lockouts_in_the_admin_and_can_lift_them(
    client, participant, password, superuser
):
    fail_until_locked(client, participant.email)
    office = Client()
    office.force_login(superuser)

    listing = office.get("/admin/lockouts/")
    assert listing.status_code == 200
    assert participant.email in listing.content.decode()
    assert office.get("/admin/lockouts/new/").status_code in {302, 403, 404}

    attempt = AccessAttempt.objects.get()
    office.post(f"/admin/lockouts/delete/{attempt.pk}/")

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, participant.email, password).status_code == 302


def test_people_without_admin_rights_do_not_see_lockouts(signed_in):
    assert signed_in.get("/admin/lockouts/").status_code in {302, 403}


def test_a_malformed_forwarded_for_falls_back_to_the_connection(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="<script>, not-an-ip")

    assert ratelimit.client_ip(request) == "10.0.0.1"


# --- every sign-in path shares the pause -------------------------------------------------


def test_a_pause_on_the_site_holds_on_the_admin_sign_in(client, password):
    editor = UserFactory(is_staff=True, is_superuser=True, email="redaktor@example.no")
    fail_until_locked(client, editor.email)

    response = client.post(ADMIN_LOGIN, {"username": editor.email, "password": password})

    assert response.status_code == 429
    assert not signed_in(client)


def test_both_forms_count_against_one_key_however_the_address_is_typed(client, password):
    editor = UserFactory(is_staff=True, is_superuser=True, email="redaktor@example.no")
    for _ in range(base.AXES_FAILURE_LIMIT - 2):
        sign_in(client, " Redaktor@Example.NO ", WRONG)
    for _ in range(2):
        client.post(ADMIN_LOGIN, {"username": "REDAKTOR@example.no", "password": WRONG})

    assert AccessAttempt.objects.values_list("username", flat=True).distinct().get() == (
        editor.email
    )
    assert sign_in(client, editor.email, password).status_code == 429
    assert (
        client.post(ADMIN_LOGIN, {"username": editor.email, "password": password}).status_code
        == 429
    )
    assert not signed_in(client)


def _oidc_sign_in(request, user):
    """The OpenID Connect callback's last step: allauth completes the login the
    provider vouched for (the account is found by its subject, `sub`)."""
    from allauth.core import context as allauth_context
    from allauth.socialaccount.helpers import complete_social_login
    from allauth.socialaccount.models import SocialAccount

    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    from tests.accounts.test_oidc import CLAIMS, _provider

    SocialAccount.objects.create(user=user, provider="idporten", uid=CLAIMS["sub"], extra_data={})
    request.session = SessionStore()
    request.user = AnonymousUser()
    request._messages = FallbackStorage(request)
    sociallogin = _provider().sociallogin_from_response(
        request, {"userinfo": {**CLAIMS, "email": user.email}}
    )
    with allauth_context.request_context(request):
        return complete_social_login(request, sociallogin)


def test_a_pause_holds_on_the_openid_connect_sign_in(client, participant, rf, settings):
    fail_until_locked(client, participant.email)

    request = rf.get("/konto/oidc/idporten/login/callback/")
    response = _oidc_sign_in(request, participant)

    assert response.status_code == 429
    assert "Innloggingen er satt på pause en stund" in response.content.decode()
    assert "_auth_user_id" not in request.session
    # Still paused on the site's own form: the refused sign-in reset nothing.
    assert AccessAttempt.objects.filter(username=participant.email).exists()


def test_openid_connect_signs_in_when_nothing_is_paused(participant, rf):
    request = rf.get("/konto/oidc/idporten/login/callback/")

    response = _oidc_sign_in(request, participant)

    assert response.status_code == 302
    assert request.session["_auth_user_id"] == str(participant.pk)


# --- a trusted proxy that is not there ----------------------------------------------------

PUBLIC = "185.15.59.224"  # a public address: no proxy of ours connects from it


def test_a_forged_forwarded_for_from_a_public_address_is_ignored_and_logged(rf, settings, caplog):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR=PUBLIC, HTTP_X_FORWARDED_FOR="10.20.30.40")

    with caplog.at_level("WARNING", logger="mentornett.ratelimit"):
        assert ratelimit.client_ip(request) == PUBLIC
        ratelimit.client_ip(request)

    assert not ratelimit.client_address_trusted(request)
    warnings = [r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]
    assert len(warnings) == 1  # once a minute per address, not once per request
    assert PUBLIC in warnings[0].getMessage()


def test_behind_the_proxy_the_address_is_trusted(rf, settings, caplog):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=PUBLIC)

    with caplog.at_level("WARNING", logger="mentornett.ratelimit"):
        assert ratelimit.client_ip(request) == PUBLIC

    assert ratelimit.client_address_trusted(request)
    assert not caplog.records


def test_forged_forwarded_for_does_not_reset_the_count_of_wrong_passwords(
    participant, password, settings
):
    """With TRUSTED_PROXY_COUNT=1 and no proxy in front, every attempt claims a new
    client; the count per e-mail address holds all the same."""
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR=PUBLIC)
    statuses = [
        attacker.post(
            LOGIN,
            {"login": participant.email, "password": WRONG},
            HTTP_X_FORWARDED_FOR=f"10.9.{n}.{n}",
        ).status_code
        for n in range(base.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429

    response = attacker.post(
        LOGIN, {"login": participant.email, "password": password}, HTTP_X_FORWARDED_FOR="10.99.0.1"
    )

    assert response.status_code == 429
    assert not signed_in(attacker)


def test_forged_forwarded_for_through_the_admin_sign_in_is_counted_too(password, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    editor = UserFactory(is_staff=True, is_superuser=True)
    attacker = Client(REMOTE_ADDR=PUBLIC)
    for n in range(base.AXES_FAILURE_LIMIT):
        attacker.post(
            ADMIN_LOGIN,
            {"username": editor.email, "password": WRONG},
            HTTP_X_FORWARDED_FOR=f"10.8.{n}.{n}",
        )

    response = attacker.post(
        ADMIN_LOGIN,
        {"username": editor.email, "password": password},
        HTTP_X_FORWARDED_FOR="10.7.0.1",
    )

    assert response.status_code == 429


def test_a_pause_on_the_site_holds_on_the_admin_whatever_the_forwarded_for_says(password, settings):
    """The outside run: production settings (one trusted proxy) with the app
    reachable directly; the site's form was sent with one X-Forwarded-For, the
    admin's without."""
    settings.TRUSTED_PROXY_COUNT = 1
    editor = UserFactory(is_staff=True, is_superuser=True)
    browser = Client(REMOTE_ADDR=PUBLIC)
    for _ in range(base.AXES_FAILURE_LIMIT):
        browser.post(
            LOGIN, {"login": editor.email, "password": WRONG}, HTTP_X_FORWARDED_FOR="10.5.5.5"
        )

    response = browser.post(ADMIN_LOGIN, {"username": editor.email, "password": password})

    assert response.status_code == 429
    assert not signed_in(browser)


def test_allauth_counts_the_same_client_as_the_rest(rf, settings):
    from mentornett.accounts.adapters import AccountAdapter

    settings.TRUSTED_PROXY_COUNT = 1
    forged = rf.get("/", REMOTE_ADDR=PUBLIC, HTTP_X_FORWARDED_FOR="10.1.1.1")
    proxied = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"10.1.1.1, {PUBLIC}")

    assert AccountAdapter().get_client_ip(forged) == PUBLIC
    assert AccountAdapter().get_client_ip(proxied) == PUBLIC


def test_a_short_forwarded_for_behind_two_proxies_is_no_500(client, settings, participant):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS

    response = client.post(
        LOGIN, {"login": participant.email, "password": WRONG}, HTTP_X_FORWARDED_FOR="10.1.1.1"
    )

    assert response.status_code == 200
