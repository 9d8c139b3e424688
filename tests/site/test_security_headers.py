"""Security headers on every kind of response, the Content Security Policy
without 'unsafe-inline' outside the Wagtail admin, and `check --deploy` clean
for the production settings."""

import importlib
import os
import secrets
import subprocess
import sys

import pytest

from django.conf import settings
from django.urls import reverse

from tests.scheme.fixtures import complete_application

pytestmark = pytest.mark.django_db

POLICY = "Content-Security-Policy"


def directives(response) -> dict[str, list[str]]:
    policy = {}
    for part in response[POLICY].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def assert_strict_policy(response):
    policy = directives(response)
    assert "'unsafe-inline'" not in response[POLICY]
    assert "'unsafe-eval'" not in response[POLICY]
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def assert_security_headers(response):
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_public_page_has_the_strict_policy_also_from_the_page_cache(client, make_guide):
    guide = make_guide()

    first = client.get(guide.url)
    cached = client.get(guide.url)

    assert first.status_code == cached.status_code == 200
    assert cached["X-Page-Cache"] == "hit"
    for response in (first, cached):
        assert_strict_policy(response)
        assert_security_headers(response)


def test_a_signed_in_page_has_the_strict_policy(signed_in):
    response = signed_in.get(reverse("home:dashboard"))

    assert response.status_code == 200
    assert_strict_policy(response)
    assert_security_headers(response)


def test_a_private_file_download_keeps_its_own_stricter_policy(client, scheme):
    application = complete_application(scheme)
    client.force_login(scheme.mentor)

    response = client.get(reverse("scheme:contract", args=[application.pk]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    # mentornett.uploads sets it; the site's policy must not replace it.
    assert response[POLICY] == "default-src 'none'; sandbox"
    assert_security_headers(response)


def test_error_pages_and_the_lockout_page_have_the_strict_policy(client):
    assert_strict_policy(client.get("/finnes-ikke/"))
    assert_strict_policy(client.get("/konto/login/"))


def test_only_the_admin_allows_inline_scripts_and_styles_and_its_own_frames(client, superuser):
    client.force_login(superuser)

    response = client.get("/admin/")

    policy = directives(response)
    assert response.status_code == 200
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    # Everything else stays as strict as on the site.
    assert policy["object-src"] == ["'none'"]
    assert policy["img-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_site_pages_under_an_admin_like_address_keep_the_strict_policy(client):
    response = client.get("/administrasjon/")
    assert "'unsafe-inline'" not in response[POLICY]


def test_the_policy_has_no_nonce_because_whole_pages_are_cached(client, make_guide):
    guide = make_guide()
    assert "nonce-" not in client.get(guide.url)[POLICY]


def test_no_template_outside_the_emails_has_inline_styles_or_scripts():
    offenders = []
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        # E-mails, WeasyPrint's PDF sources and the reflections document (a
        # download opened from disk) are never shown under the policy.
        if "emails" in path.parts or "pdf" in path.stem or path.stem == "reflections_document":
            continue
        text = path.read_text()
        for needle in ('style="', "<style", "javascript:", " onclick=", " onload=", " onerror="):
            if needle in text:
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {needle}")
        if "<script>" in text or "<script " in text.replace("<script src=", ""):
            offenders.append(f"{path.relative_to(settings.BASE_DIR)}: inline <script>")
    assert offenders == []


@pytest.mark.parametrize("name", ["pct-0", "pct-37", "pct-100"])
def test_every_width_a_bar_can_have_is_a_class_in_the_stylesheet(name):
    css = (settings.PROJECT_DIR / "static" / "css" / "site.css").read_text()
    percent = name.removeprefix("pct-")
    assert f".{name}{{width:{percent}%}}" in css


def test_production_settings_pass_check_deploy(tmp_path):
    """With Redis, as production runs; without it the check warns
    (tests/site/test_settings.py)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mentornett.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "mentornett.no",
        "MENTORNETT_VAR_DIR": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    environment.pop("DATABASE_URL", None)

    result = subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("issuer", "login_host"),
    [
        ("https://idporten.no", "https://login.idporten.no"),
        ("https://test.idporten.no", "https://login.test.idporten.no"),
        ("https://auth.dataporten.no", "https://auth.dataporten.no"),
    ],
)
def test_with_oidc_the_form_may_post_on_to_the_providers_login(monkeypatch, issuer, login_host):
    """Signing in with ID-porten or Feide posts to our own view, which redirects
    to the provider; Chromium checks that redirect against form-action."""
    from mentornett.settings import base

    monkeypatch.setenv("OIDC_CLIENT_ID", "mentornett")
    monkeypatch.setenv("OIDC_SERVER_URL", issuer)
    try:
        reloaded = importlib.reload(base)
        form_action = reloaded.CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"]
        assert form_action == ["'self'", login_host]
    finally:
        monkeypatch.delenv("OIDC_CLIENT_ID")
        monkeypatch.delenv("OIDC_SERVER_URL")
        importlib.reload(base)


def test_an_admin_views_own_stricter_policy_is_kept(rf):
    from csp.middleware import CSPMiddleware

    from django.http import HttpResponse

    from mentornett.security import AdminContentSecurityPolicyMiddleware

    def private_file(request):
        response = HttpResponse(b"%PDF-1.4")
        response[POLICY] = "default-src 'none'; sandbox"
        return response

    stack = CSPMiddleware(AdminContentSecurityPolicyMiddleware(private_file))

    assert stack(rf.get("/admin/fil/"))[POLICY] == "default-src 'none'; sandbox"
