"""Finn mentor's start page and a person's own profiles: as a mentor, as a
student or vet seeking a place (a listed one is a published search), and an
approved hub's listing. Listing is a choice of its own, and "Hide me now"
hides at once. Someone else's hub is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.selectors import mandatory_certificate
from network.models import MentorHub, SchemePage

from .. import permissions, selectors
from ..errors import ProfileError
from ..forms import HubListingForm, MenteeProfileForm, MentorProfileForm
from ..services import profiles as services

# Which field a service error belongs on, by its code (None: the whole form).
PROFILE_ERROR_FIELDS = {
    "capacity": "capacity",
    "kinds": "kinds",
    "introduction": "introduction",
    "languages": "languages",
    "study_place": "study_place",
    "weeks": "weeks_per_half_year",
}


def _add_error(form, error: ProfileError) -> None:
    field = PROFILE_ERROR_FIELDS.get(error.code)
    form.add_error(field if field in form.fields else None, error)


@login_required
def start(request):
    today = timezone.localdate()
    overview = selectors.overview(request.user, today)
    needs_course = overview.mentor is not None and not overview.mentor.certified
    return render(
        request,
        "network/scheme/finn/start.html",
        {
            "overview": overview,
            "may_make_profile": permissions.may_make_profile(request.user),
            "mentor_course": selectors.mentor_course() if needs_course else None,
            "scheme_page": SchemePage.objects.live().first(),
        },
    )


def _not_for_this_profession(request):
    status = 403 if request.method == "POST" else 200
    return render(request, "network/scheme/finn/not_for_you.html", status=status)


@login_required
def mentor_profile(request):
    if not permissions.may_make_profile(request.user):
        return _not_for_this_profession(request)
    today = timezone.localdate()
    profile = selectors.mentor_profile_for(request.user)
    form = MentorProfileForm(
        request.POST or None,
        initial=MentorProfileForm.initial_for(profile),
        periods=profile.availability.all() if profile else (),
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.save_mentor_profile(user=request.user, **form.changes())
        except ProfileError as error:
            _add_error(form, error)
        else:
            if not profile.listed:
                messages.success(request, _("Your profile is saved. It is not shown to anyone."))
            elif selectors.mentor_is_visible(profile, today):
                messages.success(request, _("Your profile is saved and shown in Finn mentor."))
            else:
                messages.warning(
                    request,
                    _(
                        "Your profile is saved, but not shown yet: complete the mentor course "
                        "to be visible."
                    ),
                )
            return HttpResponseRedirect(reverse("finn:mentor_profile"))
    certified = mandatory_certificate(user=request.user, role="mentor", day=today).ok
    return render(
        request,
        "network/scheme/finn/mentor_profile.html",
        {
            "form": form,
            "profile": profile,
            "certified": certified,
            "mentor_course": None if certified else selectors.mentor_course(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def mentee_profile(request):
    if not permissions.may_make_profile(request.user):
        return _not_for_this_profession(request)
    profile = selectors.mentee_profile_for(request.user)
    form = MenteeProfileForm(
        request.POST or None,
        initial=MenteeProfileForm.initial_for(profile),
        periods=profile.periods.all() if profile else (),
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.save_mentee_profile(user=request.user, **form.changes())
        except ProfileError as error:
            _add_error(form, error)
        else:
            if profile.listed:
                messages.success(
                    request,
                    _(
                        "Your search is saved and published in Finn mentor as "
                        "“Søker praksisplass/mentor”."
                    ),
                )
            else:
                messages.success(request, _("Your profile is saved. It is not shown to anyone."))
            return HttpResponseRedirect(reverse("finn:mentee_profile"))
    return render(
        request,
        "network/scheme/finn/mentee_profile.html",
        {"form": form, "profile": profile},
        status=400 if form.errors else 200,
    )


def _back(request, default: str) -> HttpResponseRedirect:
    # Back to the page the button was on: the start page or the profile.
    name = "finn:start" if request.POST.get("back") == "start" else default
    return HttpResponseRedirect(reverse(name))


@login_required
@require_POST
def hide_mentor(request):
    services.hide_mentor_profile(user=request.user)
    messages.success(request, _("You are hidden from Finn mentor now."))
    return _back(request, "finn:mentor_profile")


@login_required
@require_POST
def hide_mentee(request):
    services.hide_mentee_profile(user=request.user)
    messages.success(request, _("Your search is hidden from Finn mentor now."))
    return _back(request, "finn:mentee_profile")


@login_required
def hub_listing(request, hub_id):
    hub = get_object_or_404(MentorHub.objects.select_related("municipality"), pk=hub_id)
    if not permissions.may_edit_hub_listing(request.user, hub):
        raise Http404
    listing = selectors.hub_listing_for(hub)
    form = HubListingForm(request.POST or None, initial=HubListingForm.initial_for(listing))
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.save_hub_listing(hub=hub, user=request.user, **form.cleaned_data)
        except ProfileError as error:
            _add_error(form, error)
        else:
            if listing.listed:
                messages.success(request, _("The hub's listing is saved and shown in Finn mentor."))
            else:
                messages.success(
                    request, _("The hub's listing is saved. It is not shown to anyone.")
                )
            return HttpResponseRedirect(reverse("finn:hub_listing", args=[hub.pk]))
    return render(
        request,
        "network/scheme/finn/hub_listing.html",
        {
            "hub": hub,
            "listing": listing,
            "form": form,
            "mentors": hub.mentors.select_related("user").order_by("user__full_name"),
        },
        status=400 if form.errors else 200,
    )
