"""Participant views: the event page and listing, registration, cancellation,
calendars and the evaluation poll."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.view_restrictions import in_private_section

from .calendar import event_entry, feed_ics
from .errors import RegistrationError
from .forms import PollForm, RegistrationForm
from .models import (
    CalendarFeed,
    EventPage,
    Registration,
)
from .notifications import registration_from_token
from .selectors import event_state, event_surroundings
from .services import (
    answer_poll,
    cancel,
    poll_refusal,
    register,
    register_for_series,
    renew_calendar_feed,
    update_answers,
)


def _live_event(event_id) -> EventPage:
    return get_object_or_404(EventPage.objects.live().exclude(in_private_section()), pk=event_id)


def _registration_result(request, registration):
    if registration.is_confirmed:
        messages.success(request, _("You are registered. A confirmation is on its way by e-mail."))
    else:
        messages.info(
            request,
            _("The event is full, so you are on the waitlist. We e-mail you if you get a place."),
        )


@login_required
@require_POST
def register_view(request, event_id):
    event = _live_event(event_id)
    form = RegistrationForm(request.POST, event=event)
    if not form.is_valid():
        return event.serve(request, form=form, status=400)
    try:
        if request.POST.get("series") and event.series_id:
            results = register_for_series(person=request.user, event=event, answers=form.answers())
            return _series_result(request, event, results)
        registration = register(person=request.user, event=event, answers=form.answers())
    except RegistrationError as error:
        form.add_error(None, error.messages[0])
        return event.serve(request, form=form, status=400)
    _registration_result(request, registration)
    return HttpResponseRedirect(event.url + "#registration")


def _series_result(request, event, results):
    for session, outcome in results:
        if isinstance(outcome, RegistrationError):
            messages.error(request, f"{session.title}: {outcome.messages[0]}")
        elif outcome.is_confirmed:
            messages.success(
                request, _("%(event)s: you are registered.") % {"event": session.title}
            )
        else:
            messages.info(
                request, _("%(event)s: you are on the waitlist.") % {"event": session.title}
            )
    return HttpResponseRedirect(event.url + "#registration")


def _own_registration(request, event_id) -> Registration:
    return get_object_or_404(
        Registration.objects.active().select_related("event"),
        event_id=event_id,
        person=request.user,
    )


@login_required
@require_POST
def cancel_view(request, event_id):
    registration = _own_registration(request, event_id)
    try:
        registration = cancel(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.messages[0])
    else:
        if registration.late_cancellation:
            messages.warning(
                request,
                _(
                    "You are no longer registered. The deadline had passed, "
                    "so it is noted as a late cancellation."
                ),
            )
        else:
            messages.success(request, _("You are no longer registered."))
    return HttpResponseRedirect(registration.event.url + "#registration")


@login_required
@require_POST
def answers_view(request, event_id):
    registration = _own_registration(request, event_id)
    event = registration.event
    form = RegistrationForm(request.POST, event=event)
    if form.is_valid():
        try:
            update_answers(registration=registration, answers=form.answers())
        except RegistrationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("Your answers are saved."))
            return HttpResponseRedirect(event.url + "#registration")
    state = event_state(user=request.user, event=event)
    return render(
        request,
        "events/event_page.html",
        {
            "page": event,
            "self": event,
            "state": state,
            "answers_form": form,
            "surroundings": event_surroundings(event),
        },
        status=400,
    )


def give_up_view(request, token):
    """The one-click link in e-mails. It opens a page with one button: a link
    scanner in a mail program must never give a place away by looking at it."""
    registration_id = registration_from_token(token)
    registration = get_object_or_404(
        Registration.objects.select_related("event", "person"),
        pk=registration_id,
        event__isnull=False,
    )
    if request.method == "POST":
        try:
            registration = cancel(registration=registration)
        except RegistrationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("You have given up your place. Thank you for telling us."))
        return HttpResponseRedirect(request.path)
    return render(request, "events/give_up.html", {"registration": registration})


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_calendar(request, event_id):
    event = _live_event(event_id)
    registration = None
    if request.user.is_authenticated:
        registration = Registration.objects.filter(event=event, person=request.user).first()
    filename, content = event_entry(event, registration=registration)
    return _ics_response(content, filename)


def calendar_feed(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("person"), token=token)
    since = timezone.now() - timezone.timedelta(days=90)
    registrations = (
        Registration.objects.confirmed()
        .filter(person=feed.person, event__live=True, event__ends_at__gte=since)
        .select_related("event", "event__schedule")
        .order_by("event__starts_at")
    )
    entries = []
    for registration in registrations:
        schedule = getattr(registration.event, "schedule", None)
        entries.append((registration.event, schedule.sequence if schedule else 0))
    return _ics_response(feed_ics(entries, name="Mentornett"), "mentornett.ics")


@login_required
@require_POST
def renew_feed_view(request):
    renew_calendar_feed(person=request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new address. The old one no longer works: "
            "add the new one to your calendar."
        ),
    )
    return HttpResponseRedirect(reverse("home:dashboard") + "#calendar")


@login_required
def poll_view(request, event_id):
    event = _live_event(event_id)
    refusal = poll_refusal(person=request.user, event=event, now=timezone.now())
    if refusal is not None:
        if refusal.code in ("not_attendee", "not_yet"):
            raise Http404
        messages.info(request, refusal.messages[0])
        return HttpResponseRedirect(event.url)
    form = PollForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            answer_poll(
                person=request.user,
                event=event,
                rating=data["rating"],
                best=data["best"],
                best_other=data["best_other"],
                time_use=data["time_use"],
                comment=data["comment"],
            )
        except RegistrationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("Thank you for your answer!"))
            return HttpResponseRedirect(reverse("home:dashboard"))
    return render(
        request,
        "events/poll.html",
        {"event": event, "form": form},
        status=400 if form.errors else 200,
    )
