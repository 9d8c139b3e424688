"""Requests: the mentee sends one to up to three mentors or hubs in order,
follows where it stands and may withdraw it; the one asked accepts or
declines. A request is seen by its mentee and by those it has asked;
anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.dates import DATE_RANGE_CODE
from mentornett.repeats import AlreadySent, show_existing
from network.models import MenteeProfile, RequestStatus

from .. import permissions, selectors
from ..forms import AnswerForm, RequestForm
from ..selectors import Pick
from ..services import requests as services
from .directory import no_profile

# Which field a service error belongs on, by its code; the rest concern the
# choices and are shown above them.
REQUEST_ERROR_FIELDS = {"period": "ends_on", DATE_RANGE_CODE: "starts_on", "kind": "kind"}


def _picks(values) -> list[Pick]:
    picks = []
    for value in values:
        pick = Pick.parse(value)
        if pick is not None and pick not in picks:
            picks.append(pick)
    return picks


def _initial(profile) -> dict:
    today = timezone.localdate()
    period = next((p for p in profile.periods.all() if p.ends_on >= today), None)
    initial = {"kind": profile.kind}
    if period is not None:
        initial.update(starts_on=max(period.starts_on, today), ends_on=period.ends_on)
    return initial


def _request_page(request, form, missing, status=200):
    return render(
        request,
        "network/scheme/finn/new_request.html",
        {"form": form, "missing": missing},
        status=status,
    )


@login_required
def new_request_view(request):
    profile = MenteeProfile.objects.filter(user=request.user).prefetch_related("periods").first()
    if profile is None:
        return no_profile(request, for_request=True)
    data = request.POST if request.method == "POST" else request.GET
    picks = _picks(data.getlist("velg"))
    removed = Pick.parse(request.POST.get("fjern", "")) if request.method == "POST" else None
    if removed in picks:
        picks.remove(removed)
    found, missing = selectors.picked(picks, today=timezone.localdate())
    if request.method != "POST" or removed is not None:
        # A first look, or a pick removed: what was typed stays, unjudged.
        initial = _initial(profile) if request.method != "POST" else request.POST.dict()
        return _request_page(request, RequestForm(initial=initial, picks=found), missing)
    form = RequestForm(request.POST, picks=found)
    if form.is_valid():
        try:
            sent = services.send_request(
                mentee=request.user,
                choices=[Pick.parse(value) for value in form.ordered_picks()],
                kind=form.cleaned_data["kind"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
                message=form.cleaned_data["message"],
            )
        except AlreadySent as repeat:
            return show_existing(
                request, repeat, reverse("finn:request", args=[repeat.existing.pk])
            )
        except ValidationError as error:
            form.add_error(REQUEST_ERROR_FIELDS.get(error.code), error)
        else:
            messages.success(
                request,
                _("The request is sent. Your first choice has five days to answer."),
            )
            return HttpResponseRedirect(reverse("finn:request", args=[sent.pk]))
    return _request_page(request, form, missing, status=400)


@login_required
def my_requests_view(request):
    return render(
        request,
        "network/scheme/finn/requests.html",
        {
            "sent": selectors.requests_of(request.user),
            "incoming": selectors.incoming_choices(request.user),
        },
    )


def _request_for(request, request_id):
    """The request and the person's role in it; 404 for anyone else's."""
    found = selectors.request_with_choices(request_id)
    role = permissions.request_role(request.user, found) if found else None
    if role is None:
        raise Http404
    return found, role


def _detail(request, match_request, role, *, answer_form=None, status=200):
    user = request.user
    choices = list(match_request.choices.all())
    hub_ids = permissions.contact_hub_ids(user)
    accepted = next((c for c in choices if c.status == "accepted"), None)
    contacts = []
    if accepted is not None:
        if role == "mentee":
            contacts = (
                [accepted.mentor]
                if accepted.mentor_id
                else selectors.hub_contacts([accepted.hub_id]).get(accepted.hub_id, [])
            )
        elif permissions.is_chosen(user, accepted, hub_ids):
            contacts = [match_request.mentee]
    asked = permissions.asked_choice_for(user, match_request)
    return render(
        request,
        "network/scheme/finn/request.html",
        {
            "match_request": match_request,
            "role": role,
            # The chosen see their own choice, not whom else the mentee asked.
            "choices": choices
            if role == "mentee"
            else [c for c in choices if permissions.is_chosen(user, c, hub_ids)],
            "contacts": contacts,
            "asked": asked,
            "answer_form": answer_form or (AnswerForm() if asked else None),
            "mentee_profile": MenteeProfile.objects.filter(user=match_request.mentee_id)
            .select_related("municipality")
            .first(),
            "can_withdraw": role == "mentee" and match_request.status == RequestStatus.OPEN,
        },
        status=status,
    )


@login_required
def request_view(request, request_id):
    match_request, role = _request_for(request, request_id)
    return _detail(request, match_request, role)


@login_required
@require_POST
def answer_view(request, request_id):
    match_request, role = _request_for(request, request_id)
    if role != "chosen":
        raise Http404
    form = AnswerForm(request.POST)
    accept = request.POST.get("answer") == "accept"
    if form.is_valid():
        service = services.accept_request if accept else services.decline_request
        try:
            service(request=match_request, user=request.user, message=form.cleaned_data["message"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if accept:
                messages.success(request, _("You have accepted. You now see how to reach them."))
            else:
                messages.success(request, _("You have declined. The request goes on."))
            return HttpResponseRedirect(reverse("finn:request", args=[match_request.pk]))
    return _detail(request, match_request, role, answer_form=form, status=400)


@login_required
@require_POST
def withdraw_view(request, request_id):
    match_request, role = _request_for(request, request_id)
    if role != "mentee":
        raise Http404
    try:
        services.withdraw_request(request=match_request, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The request is withdrawn."))
    return HttpResponseRedirect(reverse("finn:request", args=[match_request.pk]))
