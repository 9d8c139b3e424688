"""The one-click link in the e-mail "Er du fortsatt tilgjengelig?": a page
with one button, so that a mail program's link scanner cannot confirm a
listing by looking at it. The signed token is the key; no sign-in needed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..errors import ConfirmationError
from ..services import freshness


def confirm(request, token):
    try:
        confirmation = freshness.read_token(token)
        profile = freshness.listing_for(confirmation)
    except ConfirmationError as error:
        return render(
            request,
            "network/scheme/finn/confirm.html",
            {"problem": error.messages[0]},
            status=400 if error.code == "invalid" else 200,
        )
    if request.method == "POST":
        try:
            freshness.confirm_listing(profile=profile, asked=confirmation.asked)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Thank you. Your listing stays, and we ask again in six months.")
            )
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "network/scheme/finn/confirm.html",
        {
            "kind": confirmation.kind,
            "state": freshness.link_state(confirmation, profile),
        },
    )
