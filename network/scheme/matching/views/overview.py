"""The national overview of Finn mentor: per county, how many mentors, hubs,
searches and municipality needs are listed. Public, counts only, no names."""

from django.shortcuts import render
from django.utils import timezone

from .. import selectors


def overview(request):
    return render(
        request,
        "network/scheme/finn/overview.html",
        {
            "overview": selectors.national_overview(day=timezone.localdate()),
            "no_county": selectors.NO_COUNTY,
        },
    )
