"""The directory ("Finn mentor"): listed mentors and hubs near a place, with
the reasons each fits. For signed-in people with a profile in the scheme;
contact details are never shown here."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from network.models import MenteeProfile, MentorHelp, MentorProfile

from .. import selectors
from ..forms import DirectoryForm


def own_profiles(user):
    """The person's mentor and mentee profiles (or None), with their places."""
    mentor = MentorProfile.objects.filter(user=user).select_related("municipality").first()
    mentee = MenteeProfile.objects.filter(user=user).select_related("municipality").first()
    return mentor, mentee


def no_profile(request, *, for_request=False):
    return render(request, "network/scheme/finn/no_profile.html", {"for_request": for_request})


@login_required
def directory_view(request):
    mentor, mentee = own_profiles(request.user)
    if mentor is None and mentee is None:
        return no_profile(request)
    filters = request.GET.copy()
    page_number = filters.pop("page", ["1"])[-1]
    form = DirectoryForm(filters or None)
    searched = form.is_bound
    if searched and not form.is_valid():
        return render(
            request,
            "network/scheme/finn/directory.html",
            {"form": form, "searched": True, "can_request": mentee is not None},
            status=400,
        )
    search = form.search() if searched else selectors.Search()
    own_place = (mentee and mentee.municipality) or (mentor and mentor.municipality)
    seeker = selectors.Seeker(
        origin=search.municipality or own_place,
        kind=mentee.kind if mentee else "",
        needs_housing=bool(mentee and MentorHelp.HOUSING in mentee.needs),
    )
    numbers = selectors.place_numbers(search)
    page = selectors.directory(
        viewer=request.user,
        search=search,
        seeker=seeker,
        today=timezone.localdate(),
        page_number=page_number,
        numbers=numbers,
    )
    return render(
        request,
        "network/scheme/finn/directory.html",
        {
            "form": form,
            "searched": searched,
            "page_obj": page,
            "results": page.object_list,
            "origin": seeker.origin,
            "needs": selectors.needs_near(search=search, origin=seeker.origin, numbers=numbers),
            "base_query": filters.urlencode(),
            "can_request": mentee is not None,
        },
    )
