from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from mentornett.accounts.services import ensure_profile

from .selectors import profile_checklist


@login_required
def dashboard(request):
    """ "Min side": the signed-in person's own overview."""
    profile = ensure_profile(user=request.user)
    checklist = profile_checklist(user=request.user, profile=profile)
    return render(
        request,
        "home/dashboard.html",
        {
            "profile": profile,
            "checklist": checklist,
            "checklist_done": sum(1 for item in checklist if item.done),
        },
    )
