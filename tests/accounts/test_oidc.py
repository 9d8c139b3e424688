import importlib

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialLogin

from django.test import RequestFactory

from mentornett.accounts.models import User
from mentornett.accounts.oidc import NationalOIDCProvider, without_national_id

pytestmark = pytest.mark.django_db

CLAIMS = {
    "sub": "abc-subject-123",
    "pid": "01017012345",
    "name": "Kari Nordmann",
    "email": "kari@example.no",
    "acr": "idporten-loa-substantial",
}


def test_national_identity_number_is_dropped_at_every_level():
    data = {"userinfo": CLAIMS, "id_token": {**CLAIMS, "nested": [{"pid": "x", "ok": 1}]}}
    cleaned = without_national_id(data)
    assert "pid" not in cleaned["userinfo"]
    assert "pid" not in cleaned["id_token"]
    assert cleaned["id_token"]["nested"] == [{"ok": 1}]
    assert cleaned["userinfo"]["sub"] == "abc-subject-123"


def _provider():
    app = SocialApp(
        provider="openid_connect",
        provider_id="idporten",
        name="ID-porten",
        client_id="client",
        secret="secret",
        settings={"server_url": "https://idporten.example"},
    )
    return NationalOIDCProvider(RequestFactory().get("/"), app=app)


def test_social_login_is_keyed_on_subject_and_stores_no_pid():
    provider = _provider()
    login = provider.sociallogin_from_response(
        RequestFactory().get("/"), {"userinfo": CLAIMS, "id_token": CLAIMS}
    )
    assert isinstance(login, SocialLogin)
    assert login.account.uid == "abc-subject-123"
    assert "01017012345" not in str(login.account.extra_data)


def test_existing_account_is_found_by_subject_not_email(participant):
    SocialAccount.objects.create(
        user=participant, provider="idporten", uid="abc-subject-123", extra_data={}
    )
    stranger = User.objects.create_user(email="kari@example.no.other", full_name="Someone")
    login = _provider().sociallogin_from_response(
        RequestFactory().get("/"), {"userinfo": {**CLAIMS, "email": stranger.email}}
    )
    login.lookup()
    assert login.user == participant
    stored = SocialAccount.objects.get(uid="abc-subject-123")
    assert "pid" not in str(stored.extra_data)


def test_oidc_is_switched_on_by_settings_alone(monkeypatch):
    from mentornett.settings import base

    monkeypatch.setenv("OIDC_CLIENT_ID", "mentornett")
    monkeypatch.setenv("OIDC_SERVER_URL", "https://test.idporten.no")
    reloaded = importlib.reload(base)
    try:
        config = reloaded.SOCIALACCOUNT_PROVIDERS["openid_connect"]
        assert config["OAUTH_PKCE_ENABLED"] is True
        assert config["provider_class"] == "mentornett.accounts.oidc.NationalOIDCProvider"
        assert config["APPS"][0]["settings"]["server_url"] == "https://test.idporten.no"
        assert reloaded.SOCIALACCOUNT_EMAIL_AUTHENTICATION is False
    finally:
        monkeypatch.delenv("OIDC_CLIENT_ID")
        importlib.reload(base)
