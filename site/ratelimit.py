"""Abuse limits: a small fixed-window counter in the shared cache, the client
address every limit agrees on, and django-axes' hooks for login throttling.

allauth limits sign-in, sign-up and password reset itself (ACCOUNT_RATE_LIMITS),
counting per e-mail address where there is one and only loosely per client
address, so a class behind one campus network signs up together; axes locks an
e-mail address on one client after repeated failed logins; this module counts
everything else a person could repeat to make the site send e-mail or guess
codes (invitations, certificate checks)."""

import ipaddress
from dataclasses import dataclass
from datetime import timedelta

from axes.backends import AxesStandaloneBackend

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _


def client_ip(request) -> str | None:
    """The visitor's address. Behind TRUSTED_PROXY_COUNT reverse proxies that
    append to X-Forwarded-For, it is that many entries from the right; the
    left-hand entries are whatever the client claimed and are never trusted.
    Keep in sync with allauth's reading (ALLAUTH_TRUSTED_PROXY_COUNT). None
    when there is no valid address (axes stores it in an address column)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies and _valid(hops[-proxies]):
            return hops[-proxies]
    address = request.META.get("REMOTE_ADDR", "")
    return address if _valid(address) else None


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
    """The e-mail address a login attempt was for, lower-cased. allauth passes
    it as `email`, Wagtail's admin login as `username`; the failure signal only
    carries what the form passed, so both are read here."""
    credentials = credentials or {}
    typed = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
    )
    return typed.strip().lower() if isinstance(typed, str) and typed.strip() else None


def _locked_until(request, credentials):
    from axes.models import AccessAttempt

    cool_off = settings.AXES_COOLOFF_TIME
    attempt = (
        AccessAttempt.objects.filter(
            username=login_identifier(request, credentials),
            ip_address=getattr(request, "axes_ip_address", None) or client_ip(request),
        )
        .order_by("-attempt_time")
        .first()
    )
    started = attempt.attempt_time if attempt else timezone.now()
    return started + cool_off


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
