"""Reads about events that span relations. Listings annotate their counts so
a page runs the same number of queries for ten events or three hundred."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, F, IntegerField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import Page

from .models import (
    Attendance,
    CalendarFeed,
    EventPage,
    PollAnswer,
    PollParticipation,
    Registration,
    RegistrationStatus,
    TimeUse,
)
from .permissions import audience_refusal, window_refusal

POLL_OPEN_DAYS = 30


def _count(queryset, outer="pk", inner="event"):
    counted = (
        queryset.filter(**{inner: OuterRef(outer)})
        .order_by()
        .values(inner)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_counts(events):
    """Annotate confirmed_count, waitlist_count and places_left (None: no limit)."""
    return events.annotate(
        confirmed_count=_count(Registration.objects.confirmed()),
        waitlist_count=_count(Registration.objects.waitlisted()),
    ).annotate(places_left=F("capacity") - F("confirmed_count"))


def event_listing(*, index=None, past=False, kind="", audience="", now=None):
    now = now or timezone.now()
    events = EventPage.objects.live().public()
    if index is not None:
        events = events.child_of(index)
    if kind:
        events = events.filter(kind=kind)
    if audience:
        events = events.filter(audience=audience)
    if past:
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "pk")
    else:
        events = events.filter(ends_at__gt=now).order_by("starts_at", "pk")
    return with_counts(events.select_related("network", "series").defer_streamfields())


def upcoming_events(*, limit=3, now=None):
    return event_listing(now=now)[:limit]


def network_gatherings(*, network):
    gatherings = EventPage.objects.live().filter(network=network).defer_streamfields()
    return with_counts(gatherings.order_by("starts_at"))


def waitlist_position(registration) -> int | None:
    if not registration.is_waitlisted:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id).waitlisted()
    return (
        ahead.filter(
            Q(waitlisted_at__lt=registration.waitlisted_at)
            | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
        ).count()
        + 1
    )


def _with_positions(registrations):
    ahead = Registration.objects.waitlisted().filter(
        Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
        | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
    )
    return registrations.annotate(queue_ahead=_count(ahead, outer="event", inner="event"))


@dataclass
class EventState:
    """Everything the event page needs to draw its registration box."""

    event: EventPage
    registration: Registration | None
    confirmed_count: int
    waitlist_count: int
    position: int | None
    # open | waitlist | registered | waitlisted | not_open | closed | audience | signed_out
    button: str
    refusal: str = ""
    can_cancel: bool = False
    late_if_cancelled: bool = False
    poll_open: bool = False
    series_count: int = 0
    # Registration is open and the person is not registered: others may be.
    registration_open: bool = False

    @property
    def places_left(self):
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - self.confirmed_count, 0)

    @property
    def show_link(self):
        return self.registration is not None and self.registration.is_confirmed


def event_state(*, user, event: EventPage, now=None) -> EventState:
    """One query for the counts and whether the person is registered; a
    second for their registration, with its waitlist position, when they are."""
    now = now or timezone.now()
    counted = {
        "confirmed": Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        "waiting": Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
    }
    if user.is_authenticated:
        mine = Q(person=user) & ~Q(status=RegistrationStatus.CANCELLED)
        counted["mine"] = Max("pk", filter=mine)
    counts = Registration.objects.filter(event=event).aggregate(**counted)
    registration = None
    if counts.get("mine"):
        registration = (
            _with_positions(Registration.objects.filter(pk=counts["mine"]).active())
            .select_related("registered_by")
            .first()
        )
    state = EventState(
        event=event,
        registration=registration,
        confirmed_count=counts["confirmed"],
        waitlist_count=counts["waiting"],
        position=registration.queue_ahead + 1
        if registration is not None and registration.is_waitlisted
        else None,
        button="",
    )
    if registration is not None:
        state.button = "registered" if registration.is_confirmed else "waitlisted"
        state.can_cancel = now < event.starts_at
        state.late_if_cancelled = registration.is_confirmed and now > event.cancel_by
        state.poll_open = poll_is_open_for(user=user, event=event, now=now)
        return state
    refusal = window_refusal(event, now)
    if refusal is not None:
        state.button = "not_open" if refusal.code == "not_open" else "closed"
        state.refusal = refusal.messages[0]
        return state
    state.registration_open = True
    if not user.is_authenticated:
        state.button = "signed_out"
    elif reason := audience_refusal(user, event):
        state.button, state.refusal = "audience", reason
    else:
        full = event.capacity is not None and state.places_left == 0
        state.button = "waitlist" if full else "open"
        if event.series_id:
            state.series_count = series_sessions(event, now).count()
    return state


@dataclass
class Surroundings:
    """The pages an event page links to besides itself."""

    index: Page | None  # the event list above it
    network: Page | None  # the learning network whose gathering it is


def event_surroundings(event: EventPage) -> Surroundings:
    """The event list and the event's learning network, in one query."""
    parent_path = event.path[: -Page.steplen]
    found = Page.objects.filter(Q(path=parent_path) | Q(pk=event.network_id))
    pages = {page.pk: page for page in found}
    index = next((page for page in pages.values() if page.path == parent_path), None)
    return Surroundings(index=index, network=pages.get(event.network_id))


def my_registrations(*, user, now=None, past_limit=10):
    """(upcoming, past) active registrations, with waitlist positions, in one query."""
    now = now or timezone.now()
    registrations = _with_positions(
        Registration.objects.filter(person=user)
        .active()
        .filter(event__isnull=False, event__live=True)
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )
    upcoming, past = [], []
    for registration in registrations:
        registration.position = registration.queue_ahead + 1 if registration.is_waitlisted else None
        (upcoming if registration.event.ends_at > now else past).append(registration)
    return upcoming, past[::-1][:past_limit]


def poll_attendees(event: EventPage):
    """Who may answer the evaluation: those checked in as present. When the
    organiser recorded no attendance at all, every confirmed participant."""
    confirmed = Registration.objects.filter(event=event).confirmed()
    if confirmed.filter(attendance=Attendance.ATTENDED).exists():
        return confirmed.filter(attendance=Attendance.ATTENDED)
    if confirmed.exclude(attendance="").exists():
        return confirmed.none()
    return confirmed


def poll_is_open_for(*, user, event: EventPage, now=None) -> bool:
    now = now or timezone.now()
    return (
        event.ends_at <= now < event.ends_at + timedelta(days=POLL_OPEN_DAYS)
        and poll_attendees(event).filter(person=user).exists()
        and not PollParticipation.objects.filter(event=event, person=user).exists()
    )


def polls_waiting(*, user, now=None):
    """Events that ended lately whose evaluation this person may still answer
    (the same rule as poll_attendees, in one query)."""
    now = now or timezone.now()
    marked = Registration.objects.confirmed().filter(event=OuterRef("event")).exclude(attendance="")
    candidates = (
        Registration.objects.confirmed()
        .filter(
            person=user,
            event__live=True,
            event__ends_at__lte=now,
            event__ends_at__gt=now - timedelta(days=POLL_OPEN_DAYS),
        )
        .annotate(marked=Exists(marked))
        .filter(Q(attendance=Attendance.ATTENDED) | Q(attendance="", marked=False))
        .exclude(event__poll_takers__person=user)
        .select_related("event")
        .order_by("-event__ends_at")
    )
    return [registration.event for registration in candidates]


@dataclass
class Bar:
    label: str
    count: int
    percent: int


def _bars(counter: Counter, labels: list[tuple], total: int) -> list[Bar]:
    return [
        Bar(
            label=str(label),
            count=counter[key],
            percent=round(100 * counter[key] / total) if total else 0,
        )
        for key, label in labels
    ]


@dataclass
class PollResults:
    answered: int
    attendees: int
    average: float | None
    ratings: list[Bar]
    best: list[Bar]
    time_use: list[Bar]
    best_other: list[str]
    comments: list[str]

    @property
    def not_answered(self):
        return max(self.attendees - self.answered, 0)


def poll_results(event: EventPage) -> PollResults:
    answers = list(PollAnswer.objects.filter(event=event).order_by("id"))
    total = len(answers)
    ratings = Counter(answer.rating for answer in answers)
    best = Counter(choice for answer in answers for choice in answer.best)
    time_use = Counter(answer.time_use for answer in answers)
    return PollResults(
        answered=PollParticipation.objects.filter(event=event).count(),
        attendees=poll_attendees(event).count(),
        average=round(sum(a.rating for a in answers) / total, 1) if total else None,
        ratings=_bars(ratings, [(n, str(n)) for n in range(5, 0, -1)], total),
        best=_bars(best, [(choice, choice) for choice in event.poll_choices()], total),
        time_use=_bars(time_use, list(TimeUse.choices), total),
        # Sorted, never in the order given, so nobody can tell who wrote what.
        best_other=sorted(a.best_other for a in answers if a.best_other),
        comments=sorted(a.comment for a in answers if a.comment),
    )


def participants(*, event: EventPage, query: str = ""):
    registrations = (
        Registration.objects.filter(event=event)
        .active()
        .select_related("person")
        .order_by("status", "person__full_name", "pk")
    )
    if query:
        registrations = registrations.filter(
            Q(person__full_name__icontains=query) | Q(person__email__icontains=query)
        )
    return registrations


def _poll_waits(registration, now) -> bool:
    """The rule of polls_waiting, for one registration annotated with `marked`
    (any attendance recorded at its event) and `polled` (already answered)."""
    ends_at = registration.event.ends_at
    return (
        registration.is_confirmed
        and now - timedelta(days=POLL_OPEN_DAYS) < ends_at <= now
        and (
            registration.attendance == Attendance.ATTENDED
            or (registration.attendance == "" and not registration.marked)
        )
        and not registration.polled
    )


def dashboard_events(*, user, now=None, past_limit=10) -> dict:
    """What "Min side" shows about events: registrations with waitlist
    positions, evaluations waiting, attendance counts and the calendar feed.
    Two queries: all of the person's registrations (a few dozen in a
    lifetime), sorted here, and the feed."""
    now = now or timezone.now()
    marked = Registration.objects.confirmed().filter(event=OuterRef("event")).exclude(attendance="")
    polled = PollParticipation.objects.filter(event=OuterRef("event"), person=user)
    registrations = _with_positions(
        Registration.objects.filter(person=user)
        .select_related("event")
        .defer("event__body", "event__programme", "event__questions")
        .annotate(marked=Exists(marked), polled=Exists(polled))
        .order_by("event__starts_at", "pk")
    )
    upcoming, past, polls = [], [], []
    attendance = Counter()
    for registration in registrations:
        if registration.is_confirmed:
            attendance[registration.attendance] += 1
        event = registration.event
        if registration.is_cancelled or event is None or not event.live:
            continue
        registration.position = registration.queue_ahead + 1 if registration.is_waitlisted else None
        (upcoming if event.ends_at > now else past).append(registration)
        if _poll_waits(registration, now):
            polls.append(event)
    return {
        "upcoming_registrations": upcoming,
        "past_registrations": past[::-1][:past_limit],
        "polls_waiting": sorted(polls, key=lambda event: event.ends_at, reverse=True),
        "attendance": {
            "attended": attendance[Attendance.ATTENDED],
            "no_show": attendance[Attendance.NO_SHOW],
        },
        "calendar_feed": CalendarFeed.objects.filter(person=user).first(),
    }


def series_sessions(event: EventPage, now=None):
    """The series' sessions that have not started, in time order."""
    now = now or timezone.now()
    if event.series_id is None:
        return EventPage.objects.none()
    return (
        EventPage.objects.live()
        .filter(series_id=event.series_id, starts_at__gt=now)
        .order_by("starts_at", "pk")
    )
