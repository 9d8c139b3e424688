"""Organiser views, made for a phone at the door: check-in, the participant
list as CSV, evaluation results and breakout groups. Everyone else gets 404."""

import csv
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mentornett.spreadsheets import spreadsheet_safe

from .breakout import ROLES
from .errors import RegistrationError
from .forms import AttendanceForm, BreakoutForm
from .models import BreakoutPlan, EventPage, Registration
from .permissions import can_manage_events
from .selectors import POLL_OPEN_DAYS, event_listing, participants, poll_results, with_counts
from .services import make_breakout_plan, mark_attendance, remind_poll


def _managed_event(request, event_id) -> EventPage:
    if not can_manage_events(request.user):
        raise Http404
    return get_object_or_404(with_counts(EventPage.objects.all()), pk=event_id)


@login_required
def organiser_overview(request):
    if not can_manage_events(request.user):
        raise Http404
    upcoming = event_listing()
    recent = event_listing(past=True)
    return render(
        request,
        "events/organiser/overview.html",
        {
            "upcoming": Paginator(upcoming, 30).get_page(request.GET.get("page")),
            "recent": recent[:10],
        },
    )


@login_required
def checkin(request, event_id):
    event = _managed_event(request, event_id)
    query = request.GET.get("q", "").strip()[:100]
    registrations = participants(event=event, query=query)
    return render(
        request,
        "events/organiser/checkin.html",
        {
            "event": event,
            "query": query,
            "registrations": registrations,
            "attended": event.registrations.filter(attendance="attended").count(),
        },
    )


@login_required
@require_POST
def mark_view(request, event_id, registration_id):
    event = _managed_event(request, event_id)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    form = AttendanceForm(request.POST)
    query = request.POST.get("q", "")
    target = reverse("events:checkin", args=[event.pk])
    if query:
        target += "?" + urlencode({"q": query})
    if not form.is_valid():
        messages.error(request, _("Choose “Attended” or “Did not come”."))
        return HttpResponseRedirect(target)
    try:
        mark_attendance(registration=registration, attendance=form.cleaned_data["attendance"])
    except RegistrationError as error:
        messages.error(request, error.messages[0])
    return HttpResponseRedirect(f"{target}#person-{registration.pk}")


@login_required
def participants_csv(request, event_id):
    event = _managed_event(request, event_id)
    questions = [(block.id, block.value["question"]) for block in event.questions]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"deltakere-{slugify(event.title) or event.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Name"),
            _("E-mail"),
            _("Phone"),
            _("Status"),
            _("Waitlist since"),
            _("Registered"),
            _("Attendance"),
            *[question for _id, question in questions],
        ]
    )
    for registration in participants(event=event):
        by_id = {answer["id"]: answer["answer"] for answer in registration.answers}
        writer.writerow(
            [
                spreadsheet_safe(registration.person.full_name),
                spreadsheet_safe(registration.person.email),
                spreadsheet_safe(registration.person.phone),
                registration.get_status_display(),
                _when(registration.waitlisted_at) if registration.is_waitlisted else "",
                _when(registration.registered_at),
                registration.get_attendance_display() if registration.attendance else "",
                *[
                    spreadsheet_safe(_answer_text(by_id.get(question_id)))
                    for question_id, _q in questions
                ],
            ]
        )
    return response


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _answer_text(value):
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    return value or ""


@login_required
def poll_results_view(request, event_id):
    event = _managed_event(request, event_id)
    return render(
        request,
        "events/organiser/poll_results.html",
        {
            "event": event,
            "results": poll_results(event),
            "ended": event.is_past,
            "closed": timezone.now() >= event.ends_at + timedelta(days=POLL_OPEN_DAYS),
        },
    )


@login_required
@require_POST
def poll_remind_view(request, event_id):
    event = _managed_event(request, event_id)
    try:
        count = remind_poll(event=event)
    except RegistrationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            ngettext(
                "A reminder is on its way to %(count)s person who has not answered.",
                "A reminder is on its way to %(count)s people who have not answered.",
                count,
            )
            % {"count": count},
        )
    return HttpResponseRedirect(reverse("events:poll_results", args=[event.pk]))


@login_required
def breakout_view(request, event_id):
    event = _managed_event(request, event_id)
    form = BreakoutForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            make_breakout_plan(
                event=event, exercises=form.cleaned_data["exercises"], by=request.user
            )
        except RegistrationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("New groups are ready, made from those present now."))
            return HttpResponseRedirect(request.path)
    plan = event.breakout_plans.first()
    return render(
        request,
        "events/organiser/breakout.html",
        {
            "event": event,
            "form": form,
            "plan": plan,
            "present": event.registrations.filter(attendance="attended").count(),
            "share_url": request.build_absolute_uri(
                reverse("events:shared_plan", args=[plan.share_token])
            )
            if plan
            else "",
        },
        status=400 if form.errors else 200,
    )


def shared_plan(request, token):
    """The plan for the host, by a secret link that needs no sign-in."""
    plan = get_object_or_404(BreakoutPlan.objects.select_related("event"), share_token=token)
    return render(
        request, "events/breakout_plan.html", {"plan": plan, "event": plan.event, "roles": ROLES}
    )
