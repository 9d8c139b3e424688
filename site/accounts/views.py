from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mentornett.ratelimit import Limit, allow, too_many_requests

from .forms import DeleteAccountForm, LanguageForm, ProfileForm
from .languages import serve_in, set_language_cookie
from .personal_data import (
    PersonalDataError,
    build_export,
    erase_account,
    erasure_refusal,
    export_name,
)
from .services import ensure_profile, set_preferred_language, update_profile


@login_required
def profile_edit(request):
    profile = ensure_profile(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(user=request.user, data=form.cleaned_data)
        language = form.cleaned_data["preferred_language"]
        serve_in(request, language)
        messages.success(request, _("Your profile is saved."))
        response = HttpResponseRedirect(reverse("accounts:profile"))
        set_language_cookie(response, language)
        return response
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
def my_data(request):
    """ "My data": what the site holds, the download, and the way to delete."""
    return render(
        request,
        "accounts/my_data.html",
        {"refusal": erasure_refusal(request.user)},
    )


# Building the zip reads everything about a person, and the confirmation checks a
# password: both are limited per person, so neither can be hammered.
EXPORTS = Limit(10, 3600)
DELETION_TRIES = Limit(5, 900)


@login_required
@never_cache
def export_data(request):
    if not allow(request, "personal-data-export", EXPORTS, per="user"):
        return too_many_requests(
            request,
            message=_("You have downloaded your data many times. Wait an hour and try again."),
            retry_after=EXPORTS.seconds,
        )
    archive = build_export(request.user)
    response = FileResponse(
        archive,
        as_attachment=True,
        filename=export_name(request.user),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    refusal = erasure_refusal(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not allow(
        request, "account-deletion", DELETION_TRIES, per="user"
    ):
        return too_many_requests(
            request,
            message=_("Too many tries. Wait a quarter of an hour; nothing has been deleted."),
            retry_after=DELETION_TRIES.seconds,
        )
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            erase_account(user=request.user)
        except PersonalDataError as error:
            refusal = error
        else:
            logout(request)
            return HttpResponseRedirect(reverse("accounts:account_deleted"))
    return render(
        request,
        "accounts/delete_account.html",
        {
            "form": form,
            "refusal": refusal.messages[0] if refusal else None,
        },
        status=400 if request.method == "POST" else 200,
    )


def account_deleted(request):
    return render(request, "accounts/account_deleted.html")


@require_http_methods(["GET", "POST"])
def switch_language(request):
    """Visitors switch by GET (their pages are cached and hold no CSRF token),
    which changes only the visitor's cookie, and only when the link was
    followed from one of our own pages; from anywhere else the person is asked
    to confirm with a button. Only a POST, which CSRF protects, saves a
    signed-in person's choice."""
    data = request.POST if request.method == "POST" else request.GET
    form = LanguageForm(data)
    next_url = data.get("next") or "/"
    if not _on_this_site(request, next_url):
        next_url = "/"
    if not form.is_valid():
        return HttpResponseRedirect(next_url)
    language = form.cleaned_data["language"]
    if request.method == "GET" and not _from_our_pages(request):
        return render(
            request,
            "accounts/switch_language.html",
            {"language": language, "next": next_url},
        )
    response = HttpResponseRedirect(next_url)
    if request.method == "POST" and request.user.is_authenticated:
        set_preferred_language(user=request.user, language=language)
    set_language_cookie(response, language)
    return response


def _on_this_site(request, url: str) -> bool:
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _from_our_pages(request) -> bool:
    """The site sends a same-origin Referer (SECURE_REFERRER_POLICY); a link on
    another site, or a browser that sends none, gets the confirmation page."""
    referer = request.headers.get("referer", "")
    return bool(urlsplit(referer).netloc) and _on_this_site(request, referer)
