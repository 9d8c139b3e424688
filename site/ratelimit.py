"""Abuse limits: a small fixed-window counter in the shared cache, the client
address every limit agrees on, and django-axes' hooks for login throttling.

allauth limits sign-in, sign-up and password reset itself (ACCOUNT_RATE_LIMITS),
counting per e-mail address where there is one and only loosely per client
address, so a class behind one campus network signs up together; axes locks an
e-mail address on one client after repeated failed logins; this module counts
everything else a person could repeat to make the site send e-mail or guess
codes (invitations, certificate checks)."""

import ipaddress
import logging
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def client_ip(request) -> str | None:
    """The visitor's address. Behind TRUSTED_PROXY_COUNT reverse proxies that
    append to X-Forwarded-For, it is that many entries from the right; the
    left-hand entries are whatever the client claimed and are never trusted.
    allauth reads it too (AccountAdapter.get_client_ip). None when there is no
    valid address (axes stores it in an address column)."""
    return _client(request)[0]


def client_address_trusted(request) -> bool:
    """False when a proxy is trusted but the request did not come through one
    (see _client): the address is then the connection's, and what is counted
    per client is counted per e-mail address as well (axes_lockout_parameters)."""
    return _client(request)[1]


def _client(request) -> tuple[str | None, bool]:
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    connection = request.META.get("REMOTE_ADDR", "")
    connection = connection if _valid(connection) else None
    if not proxies:
        return connection, True
    if connection and ipaddress.ip_address(connection).is_global:
        # Our proxy reaches the app from loopback or a private network. A public
        # address means the app is reachable without it, and X-Forwarded-For is
        # whatever the caller wrote: a new "client" on every request.
        _warn_untrusted_proxy(connection)
        return connection, False
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) >= proxies and _valid(hops[-proxies]):
        return hops[-proxies], True
    return connection, False


def _warn_untrusted_proxy(connection: str) -> None:
    # Once a minute per address, so a flood of requests is not a flood of log lines.
    if cache.add(f"untrusted-proxy-warning:{connection}", 1, timeout=60):
        logger.warning(
            "A request came from the public address %s while TRUSTED_PROXY_COUNT=%s: "
            "the app is reachable without the proxy, or the count is wrong. "
            "X-Forwarded-For is ignored for it.",
            connection,
            settings.TRUSTED_PROXY_COUNT,
        )


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


def _who(request, per: str) -> str:
    if per == "user" and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    # Anonymous requests are counted by address, so the limit still holds.
    return f"ip:{client_ip(request) or 'unknown'}"


def allow(request, scope: str, limit: Limit, *, per: str = "ip") -> bool:
    """Count one use of `scope` by this client (per="ip") or person (per="user")
    and say whether it is within the limit. The window opens with the first use
    and lasts `limit.seconds`; what is refused is counted too, so hammering does
    not reopen the window early."""
    key = f"ratelimit:{scope}:{_who(request, per)}"
    cache.add(key, 0, timeout=limit.seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.set(key, 1, timeout=limit.seconds)
        count = 1
    return count <= limit.count


def certificate_lookups() -> Limit:
    return Limit(settings.CERTIFICATE_LOOKUPS_PER_MINUTE, 60)


def invitations() -> Limit:
    return Limit(settings.INVITATIONS_PER_HOUR, 3600)


def invitation_limit_message() -> str:
    return _(
        "You have sent many invitations in a short time. Wait an hour and try again; "
        "what you wrote is still in the form."
    )


def too_many_requests(request, *, message: str = "", retry_after: int = 60):
    """The friendly 429 page; allauth's own limits render the same template."""
    response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


# --- django-axes ----------------------------------------------------------------------


def login_identifier(request, credentials) -> str | None:
    """The e-mail address a login attempt was for, normalised, so that every
    sign-in path counts against one key: allauth's form passes it as `email`
    (posted as `login`), Wagtail's admin login as `username`, and the OpenID
    Connect path (login_paused) as `email`. The failure signal only carries
    what the form passed, so the posted fields are read too."""
    credentials = credentials or {}
    typed = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
    )
    if not isinstance(typed, str):
        return None
    # NFKC as Django's admin form does, so both forms reach the same key.
    normalised = unicodedata.normalize("NFKC", typed).strip().lower()
    return normalised or None


def axes_lockout_parameters(request_or_attempt, credentials=None) -> list:
    """What axes counts failures by (AXES_LOCKOUT_PARAMETERS): the e-mail
    address on one client. When the client's address cannot be trusted (a
    proxy is trusted but the request did not come through it), per e-mail
    address alone, so a forged X-Forwarded-For does not start a new count."""
    if isinstance(request_or_attempt, HttpRequest) and not client_address_trusted(
        request_or_attempt
    ):
        return ["username"]
    return [["username", "ip_address"]]


def login_paused(request, email: str) -> bool:
    """Whether axes holds sign-in for `email` from this client, for the paths
    that do not authenticate with a password (OpenID Connect)."""
    return AxesProxyHandler.is_locked(request, {"email": email})


def _locked_until(request, credentials):
    from axes.models import AccessAttempt

    attempts = AccessAttempt.objects.filter(username=login_identifier(request, credentials))
    if client_address_trusted(request):
        attempts = attempts.filter(
            ip_address=getattr(request, "axes_ip_address", None) or client_ip(request)
        )
    attempt = attempts.order_by("-attempt_time").first()
    started = attempt.attempt_time if attempt else timezone.now()
    return started + settings.AXES_COOLOFF_TIME


def lockout_response(request, original_response=None, credentials=None):
    """The locked-out person learns when to try again and how to reset the
    password. It says nothing about whether the address has an account: axes
    counts failures for any address typed."""
    until = _locked_until(request, credentials)
    minutes = max(1, round((until - timezone.now()) / timedelta(minutes=1)))
    response = render(
        request,
        "accounts/lockout.html",
        {"until": timezone.localtime(until), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


class RequestlessLoginBackend(AxesStandaloneBackend):
    """For the test settings only: the test client's `login()` authenticates
    without a request, which axes refuses. Every login through a view passes
    its request and is throttled as in production."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _unlock_after_password_reset(sender, request, user, **kwargs):
    """Whoever set a new password through the e-mailed link owns the address:
    the lockout page sends them there, so the new password works at once."""
    from axes.utils import reset

    reset(username=user.email.strip().lower())


def connect() -> None:
    from allauth.account.signals import password_reset

    password_reset.connect(_unlock_after_password_reset, dispatch_uid="ratelimit-unlock")
