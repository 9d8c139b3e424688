"""MentorHubs for their mentors (registering the hub, its mentors and its
student-weeks) and for the programme office (approving hubs, the half-yearly
summary and payouts). Other people's hubs are 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.dates import DATE_RANGE_CODE
from mentornett.repeats import AlreadySent, show_existing
from network.models import HubMentor, HubStatus, HubStudentWeek, MentorHub

from .. import permissions
from ..forms import HalfYearForm, HubMentorForm, HubRegistrationForm, StudentWeekForm
from ..services import hubs as services

# Which field a service error belongs on, by its code.
WEEK_ERROR_FIELDS = {
    "mentor": "mentor",
    "certificate": "mentor",
    "duplicate": "student_email",
    "paid": "week_starts_on",
    "rules": "week_starts_on",
    DATE_RANGE_CODE: "week_starts_on",
}


def _hub(request, hub_id) -> MentorHub:
    hub = get_object_or_404(MentorHub.objects.select_related("municipality"), pk=hub_id)
    if not permissions.can_view_hub(request.user, hub):
        raise Http404
    return hub


def _add_service_error(form, error: ValidationError, fields: dict | None = None) -> None:
    form.add_error((fields or {}).get(getattr(error, "code", None)), error)


def _half_year(data) -> tuple[int, int]:
    """The half-year asked for in the query string; this half-year otherwise."""
    form = HalfYearForm(data)
    if form.is_valid():
        return form.cleaned_data["year"], form.cleaned_data["half"]
    return services.half_year_of(timezone.localdate())


def _neighbours(year: int, half: int) -> tuple[tuple[int, int], tuple[int, int]]:
    previous = (year, 1) if half == 2 else (year - 1, 2)
    following = (year, 2) if half == 1 else (year + 1, 1)
    return previous, following


@login_required
def hub_list(request):
    form = HubRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hub = services.register_hub(user=request.user, **form.cleaned_data)
        except AlreadySent as repeat:
            return show_existing(
                request, repeat, reverse("scheme_hubs:hub", args=[repeat.existing.pk])
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The hub is registered. The programme office will approve it."),
            )
            return HttpResponseRedirect(reverse("scheme_hubs:hub", args=[hub.pk]))
    return render(
        request,
        "network/scheme/hub_list.html",
        {
            "hubs": permissions.my_hubs(request.user).select_related("municipality"),
            "form": form,
            "certificate_problem": services.certificate_problem(request.user),
        },
        status=400 if form.errors else 200,
    )


def _detail(request, hub, *, mentor_form=None, week_form=None, status=200):
    year, half = _half_year(request.GET or None)
    summary, weeks = services.hub_half_year(hub=hub, year=year, half=half)
    previous, following = _neighbours(year, half)
    return render(
        request,
        "network/scheme/hub_detail.html",
        {
            "hub": hub,
            "is_contact": permissions.is_hub_contact(request.user, hub),
            "approved": hub.status == HubStatus.APPROVED,
            "mentors": hub.mentors.select_related("user"),
            "mentor_form": mentor_form or HubMentorForm(),
            "week_form": week_form or StudentWeekForm(hub=hub),
            "summary": summary,
            "weeks": weeks,
            "previous": urlencode({"year": previous[0], "half": previous[1]}),
            "following": urlencode({"year": following[0], "half": following[1]}),
        },
        status=status,
    )


@login_required
def hub_view(request, hub_id):
    return _detail(request, _hub(request, hub_id))


@login_required
@require_POST
def add_mentor_view(request, hub_id):
    hub = _hub(request, hub_id)
    if not permissions.is_hub_contact(request.user, hub):
        messages.error(
            request, _("Only the hub's contact person can change its mentors and students.")
        )
        return HttpResponseRedirect(reverse("scheme_hubs:hub", args=[hub.pk]))
    form = HubMentorForm(request.POST)
    if form.is_valid():
        try:
            membership = services.add_hub_mentor(
                hub=hub, email=form.cleaned_data["email"], added_by=request.user
            )
        except ValidationError as error:
            _add_service_error(form, error, {"unknown": "email", "certificate": "email"})
        else:
            messages.success(
                request,
                _("%(name)s is a mentor at the hub.") % {"name": membership.user.display_name},
            )
            return HttpResponseRedirect(reverse("scheme_hubs:hub", args=[hub.pk]))
    return _detail(request, hub, mentor_form=form, status=400)


@login_required
@require_POST
def remove_mentor_view(request, hub_id, mentor_id):
    hub = _hub(request, hub_id)
    membership = get_object_or_404(HubMentor, hub=hub, pk=mentor_id)
    try:
        services.remove_hub_mentor(hub_mentor=membership, removed_by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The mentor is removed from the hub."))
    return HttpResponseRedirect(reverse("scheme_hubs:hub", args=[hub.pk]))


@login_required
@require_POST
def add_week_view(request, hub_id):
    hub = _hub(request, hub_id)
    if not permissions.is_hub_contact(request.user, hub):
        messages.error(
            request, _("Only the hub's contact person can change its mentors and students.")
        )
        return HttpResponseRedirect(reverse("scheme_hubs:hub", args=[hub.pk]))
    form = StudentWeekForm(request.POST, hub=hub)
    if form.is_valid():
        try:
            week = services.register_student_week(
                hub=hub, registered_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_service_error(form, error, WEEK_ERROR_FIELDS)
        else:
            messages.success(
                request,
                _("%(student)s is registered for the week of %(monday)s.")
                % {"student": week.student_name, "monday": date_format(week.week_starts_on)},
            )
            year, half = services.half_year_of(week.week_starts_on)
            url = reverse("scheme_hubs:hub", args=[hub.pk])
            return HttpResponseRedirect(f"{url}?{urlencode({'year': year, 'half': half})}")
    return _detail(request, hub, week_form=form, status=400)


@login_required
@require_POST
def remove_week_view(request, hub_id, week_id):
    hub = _hub(request, hub_id)
    week = get_object_or_404(HubStudentWeek, hub=hub, pk=week_id)
    try:
        services.remove_student_week(week=week, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The student-week is removed."))
    year, half = services.half_year_of(week.week_starts_on)
    url = reverse("scheme_hubs:hub", args=[hub.pk])
    return HttpResponseRedirect(f"{url}?{urlencode({'year': year, 'half': half})}")


# --- the programme office -----------------------------------------------------------


def _office_only(request) -> None:
    if not permissions.is_scheme_administrator(request.user):
        raise Http404


@login_required
def office_summary(request):
    _office_only(request)
    if "year" in request.GET or "half" in request.GET:
        form = HalfYearForm(request.GET)
    else:
        year, half = services.last_ended_half_year()
        form = HalfYearForm({"year": year, "half": half})
    summary = []
    if form.is_valid():
        summary = services.half_year_summary(**form.cleaned_data)
    ended = form.is_valid() and (
        services.half_year_bounds(**form.cleaned_data)[1] < timezone.localdate()
    )
    return render(
        request,
        "network/scheme/hub_office.html",
        {
            "form": form,
            "summary": summary,
            "ended": ended,
            "total_weeks": sum(row.weeks for row in summary),
            "total_amount_text": services.format_kroner(sum(row.amount for row in summary)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def office_payout(request, hub_id):
    _office_only(request)
    hub = get_object_or_404(MentorHub, pk=hub_id)
    form = HalfYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a year and a half-year (1 or 2)."))
        return HttpResponseRedirect(reverse("scheme_hubs:office_summary"))
    try:
        payout = services.record_hub_payout(hub=hub, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("The payout of %(amount)s to %(hub)s is recorded.")
            % {"amount": services.format_kroner(payout.amount), "hub": hub.name},
        )
    url = reverse("scheme_hubs:office_summary")
    return HttpResponseRedirect(f"{url}?{urlencode(form.cleaned_data)}")


@login_required
def office_approval(request):
    _office_only(request)
    pending = (
        MentorHub.objects.filter(status=HubStatus.PENDING)
        .select_related("municipality", "registered_by")
        .order_by("created_at")
    )
    return render(request, "network/scheme/hub_approval.html", {"pending": pending})


@login_required
@require_POST
def office_approve(request, hub_id):
    _office_only(request)
    hub = get_object_or_404(MentorHub, pk=hub_id)
    try:
        services.approve_hub(hub=hub, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("%(hub)s is approved.") % {"hub": hub.name})
    return HttpResponseRedirect(reverse("scheme_hubs:office_approval"))
