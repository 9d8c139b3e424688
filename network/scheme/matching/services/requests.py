"""Requests that cannot hang. A mentee asks up to three mentors or hubs in
order; one is asked at a time and has ANSWER_TIME to answer. A decline, or
silence (the daily `pass_on_overdue`), passes the request to the next choice
that is still listed and has room; with none left the request expires. An
accept gives both sides each other's contact details and, with a mentor,
starts the application draft they send together.

Every change locks the request's row first (and, on accept, the mentor's
profile after it), so two answers, an answer and the daily task, or the
task running twice can never move one choice twice."""

from collections.abc import Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.dates import DATE_RANGE_CODE, DateRange
from mentornett.formatting import clock_time, short_date, short_datetime
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from mentornett.repeats import AlreadySent, lock_person, recent_twin
from network.models import (
    ANSWER_TIME,
    MAX_CHOICES,
    ChoiceStatus,
    MatchRequest,
    MenteeProfile,
    MentorProfile,
    RelationshipKind,
    RequestChoice,
    RequestStatus,
)

from ..errors import RequestError
from ..permissions import asked_choice_for
from ..selectors import (
    HUB,
    MENTOR,
    Pick,
    available_mentors,
    hub_contacts,
    listed_hubs,
    places_taken,
    visible_mentor_profiles,
    with_capacity,
)
from .contacts import contact_lines
from .drafts import create_draft_for_pair

C = ChoiceStatus

# A request's period: from today, as far ahead as an application's.
REQUEST_PERIOD = DateRange(None, months_ahead=36)


# --- sending ---------------------------------------------------------------------


def check_period(starts_on, ends_on) -> None:
    if ends_on < starts_on:
        raise RequestError(_("The end must be on or after the start."), code="period")
    for day in (starts_on, ends_on):
        if problem := REQUEST_PERIOD.problem(day):
            raise RequestError(problem, code=DATE_RANGE_CODE)


@transaction.atomic
def send_request(
    *, mentee, choices: Sequence[Pick], kind: str, starts_on, ends_on, message: str = ""
) -> MatchRequest:
    """Send one request to `choices`, in that order; the first is asked at once."""
    if not MenteeProfile.objects.filter(user=mentee).exists():
        raise RequestError(
            _("Make your mentee profile first: the mentors read it when they answer."),
            code="profile",
        )
    if kind not in RelationshipKind.values:
        raise RequestError(_("Choose the relationship type you seek."), code="kind")
    if not choices:
        raise RequestError(_("Choose at least one mentor or hub."), code="none")
    if len(choices) > MAX_CHOICES:
        raise RequestError(
            _("Ask at most %(max)s mentors or hubs: you chose %(count)s. Remove %(extra)s.")
            % {"max": MAX_CHOICES, "count": len(choices), "extra": len(choices) - MAX_CHOICES},
            code="too_many",
        )
    if len(set(choices)) != len(choices):
        raise RequestError(_("Each mentor or hub can be chosen once."), code="duplicate")
    check_period(starts_on, ends_on)
    message = message.strip()
    # No row of the request exists yet: the mentee's own is locked, so a
    # double click waits for the first and then finds it.
    lock_person(mentee)
    twin = recent_twin(
        MatchRequest.objects.filter(
            mentee=mentee, kind=kind, starts_on=starts_on, ends_on=ends_on, message=message
        )
    )
    if twin is not None:
        raise AlreadySent(
            _("The request was already sent at %(time)s. Here it is.")
            % {"time": clock_time(twin.created_at)},
            existing=twin,
        )
    if MatchRequest.objects.filter(mentee=mentee, kind=kind, status=RequestStatus.OPEN).exists():
        raise RequestError(
            _(
                "You already have a request for this relationship type waiting for an answer. "
                "Wait for it, or withdraw it first."
            ),
            code="open",
        )
    rows = _resolve(mentee, choices)
    request = MatchRequest.objects.create(
        mentee=mentee, kind=kind, starts_on=starts_on, ends_on=ends_on, message=message
    )
    RequestChoice.objects.bulk_create(
        RequestChoice(request=request, rank=rank, **row) for rank, row in enumerate(rows, 1)
    )
    record(
        AuditAction.REQUEST_SENT,
        actor=mentee,
        target=request,
        label=request.get_kind_display(),
        changes={"choices": [None, [str(pick) for pick in choices]]},
    )
    _ask_next(request, now=timezone.now())
    return request


def _resolve(mentee, choices: Sequence[Pick]) -> list[dict]:
    """Each choice as a RequestChoice's mentor or hub, refused when it is the
    mentee, is no longer listed, or has no room."""
    today = timezone.localdate()
    mentor_ids = [pick.pk for pick in choices if pick.kind == MENTOR]
    hub_ids = [pick.pk for pick in choices if pick.kind == HUB]
    mentors = {
        profile.pk: profile
        for profile in with_capacity(visible_mentor_profiles(today))
        .filter(pk__in=mentor_ids)
        .select_related("user")
    }
    hubs = {
        listing.hub_id: listing
        for listing in listed_hubs().filter(hub_id__in=hub_ids).select_related("hub")
    }
    own_hubs = set(
        mentee.hub_memberships.filter(hub_id__in=hub_ids).values_list("hub_id", flat=True)
    )
    own_profile = MentorProfile.objects.filter(user=mentee, pk__in=mentor_ids).exists()
    if own_profile or own_hubs:
        raise RequestError(
            _("You cannot send a request to yourself or to your own hub."), code="self"
        )
    rows = []
    for pick in choices:
        if pick.kind == MENTOR:
            profile = mentors.get(pick.pk)
            if profile is None:
                raise _gone()
            if profile.capacity_left <= 0:
                raise RequestError(
                    _("%(name)s has no room for more mentees just now. Choose someone else.")
                    % {"name": profile.user.display_name},
                    code="full",
                )
            rows.append({"mentor": profile.user})
        else:
            listing = hubs.get(pick.pk)
            if listing is None:
                raise _gone()
            rows.append({"hub": listing.hub})
    return rows


def _gone() -> RequestError:
    return RequestError(
        _("One of your choices is no longer listed. Go back to the directory and choose again."),
        code="unlisted",
    )


# --- asking, passing on, expiring ---------------------------------------------------


# Every lock here is on the row itself (`of=("self",)`): the rows joined for
# reading (the mentee, a municipality) need none, and PostgreSQL cannot lock
# the nullable side of an outer join (a choice's mentor or hub).


def _locked(request) -> MatchRequest:
    return (
        MatchRequest.objects.select_for_update(of=("self",))
        .select_related("mentee")
        .get(pk=request.pk)
    )


def _may_be_asked(choice, today) -> bool:
    """Still listed, and for a mentor with room: a mentor at capacity when
    their turn comes is skipped."""
    if choice.mentor_id is not None:
        return available_mentors(today=today).filter(user_id=choice.mentor_id).exists()
    return listed_hubs().filter(hub_id=choice.hub_id).exists()


def _ask_next(request, *, now, previous=None) -> RequestChoice | None:
    """Ask the first waiting choice that may be asked, skipping the others;
    with none left, the request expires. Call with the request locked."""
    today = timezone.localdate(now)
    for choice in request.choices.filter(status=C.WAITING).select_related("mentor", "hub"):
        if not _may_be_asked(choice, today):
            choice.status = C.SKIPPED
            choice.save(update_fields=["status"])
            continue
        choice.status = C.ASKED
        choice.asked_at = now
        choice.answer_by = now + ANSWER_TIME
        choice.save(update_fields=["status", "asked_at", "answer_by"])
        if previous is not None:
            record(
                AuditAction.REQUEST_PASSED_ON,
                actor=None,
                target=request,
                label=request.get_kind_display(),
                changes={"rank": [previous.rank, choice.rank]},
            )
            _tell_mentee_passed_on(request, previous, choice)
        _tell_asked(request, choice)
        return choice
    _expire(request, now=now, previous=previous)
    return None


def _expire(request, *, now, previous) -> None:
    request.status = RequestStatus.EXPIRED
    request.closed_at = now
    request.save(update_fields=["status", "closed_at"])
    record(
        AuditAction.REQUEST_EXPIRED,
        actor=None,
        target=request,
        label=request.get_kind_display(),
        changes={"status": [RequestStatus.OPEN, RequestStatus.EXPIRED]},
    )
    _tell_mentee_expired(request)


def pass_on_overdue(*, now=None) -> int:
    """The daily task: each asked choice whose answer time has run out is
    TIMED_OUT and the request passes on. Each choice is moved once, however
    often (or at once) this runs: under the request's lock it is moved only
    while it is still the one asked and still overdue."""
    now = now or timezone.now()
    due = RequestChoice.objects.filter(
        status=C.ASKED, answer_by__lte=now, request__status=RequestStatus.OPEN
    ).values_list("request_id", flat=True)
    passed = 0
    for request_id in list(due):
        with transaction.atomic():
            request = (
                MatchRequest.objects.select_for_update(of=("self",))
                .select_related("mentee")
                .filter(pk=request_id, status=RequestStatus.OPEN)
                .first()
            )
            if request is None:
                continue
            choice = (
                request.choices.select_for_update(of=("self",))
                .select_related("mentor", "hub")
                .filter(status=C.ASKED, answer_by__lte=now)
                .first()
            )
            if choice is None:
                continue
            choice.status = C.TIMED_OUT
            choice.save(update_fields=["status"])
            _tell_timed_out(request, choice)
            _ask_next(request, now=now, previous=choice)
            passed += 1
    return passed


# --- answering ---------------------------------------------------------------------


def _asked(request, user) -> RequestChoice:
    """The choice that asks `user` now, locked for the answer."""
    choice = asked_choice_for(user, request)
    if choice is None:
        raise RequestError(_("The request is no longer waiting for your answer."), code="not_asked")
    return (
        RequestChoice.objects.select_for_update(of=("self",))
        .select_related("mentor", "hub")
        .get(pk=choice.pk)
    )


@transaction.atomic
def accept_request(*, request, user, message: str = "") -> MatchRequest:
    """The one asked says yes. For a mentor the place must still be free:
    the mentor's profile row is locked, so a mentor with one place who
    accepts two requests at once gets exactly one."""
    request = _locked(request)
    accepted = request.choices.filter(status=C.ACCEPTED, answered_by=user).first()
    if request.status == RequestStatus.ACCEPTED and accepted is not None:
        return request  # sent twice: it is done
    choice = _asked(request, user)
    now = timezone.now()
    if choice.mentor_id is not None:
        profile = (
            MentorProfile.objects.select_for_update(of=("self",))
            .select_related("municipality")
            .filter(user_id=choice.mentor_id)
            .first()
        )
        if profile is None:
            raise RequestError(
                _("Make your mentor profile again before you accept."), code="profile"
            )
        if places_taken(choice.mentor_id) >= profile.capacity:
            raise RequestError(
                _(
                    "You have no place left: you take %(capacity)s mentees at once, and every "
                    "place is in use. Raise the number in your profile, or decline."
                )
                % {"capacity": profile.capacity},
                code="full",
            )
        request.application = create_draft_for_pair(
            mentor=choice.mentor,
            mentee=request.mentee,
            kind=request.kind,
            starts_on=request.starts_on,
            ends_on=request.ends_on,
            municipality=profile.municipality,
        )
    choice.status = C.ACCEPTED
    choice.answered_at = now
    choice.answered_by = user
    choice.answer_message = message.strip()
    choice.save(update_fields=["status", "answered_at", "answered_by", "answer_message"])
    request.choices.filter(status=C.WAITING).update(status=C.SKIPPED)
    request.status = RequestStatus.ACCEPTED
    request.closed_at = now
    request.save(update_fields=["status", "closed_at", "application"])
    MenteeProfile.objects.filter(user=request.mentee, matched_at__isnull=True).update(
        matched_at=now
    )
    record(
        AuditAction.REQUEST_ACCEPTED,
        actor=user,
        target=request,
        subject=request.mentee,
        label=request.get_kind_display(),
        changes={
            "status": [RequestStatus.OPEN, RequestStatus.ACCEPTED],
            "rank": [None, choice.rank],
        },
    )
    _tell_accepted(request, choice)
    return request


@transaction.atomic
def decline_request(*, request, user, message: str = "") -> MatchRequest:
    """The one asked says no; the request passes on to the next choice."""
    request = _locked(request)
    declined = request.choices.filter(status=C.DECLINED, answered_by=user)
    if asked_choice_for(user, request) is None and declined.exists():
        return request  # sent twice: it is done
    choice = _asked(request, user)
    now = timezone.now()
    choice.status = C.DECLINED
    choice.answered_at = now
    choice.answered_by = user
    choice.answer_message = message.strip()
    choice.save(update_fields=["status", "answered_at", "answered_by", "answer_message"])
    record(
        AuditAction.REQUEST_DECLINED,
        actor=user,
        target=request,
        subject=request.mentee,
        label=request.get_kind_display(),
        changes={"rank": [choice.rank, None]},
    )
    _ask_next(request, now=now, previous=choice)
    return request


@transaction.atomic
def withdraw_request(*, request, user) -> MatchRequest:
    request = _locked(request)
    if request.mentee_id != user.pk:
        raise RequestError(_("Only the mentee can withdraw the request."), code="party")
    if request.status == RequestStatus.WITHDRAWN:
        return request
    if request.status != RequestStatus.OPEN:
        raise RequestError(
            _("The request has been answered or has expired, and cannot be withdrawn."),
            code="closed",
        )
    asked = request.choices.select_related("mentor", "hub").filter(status=C.ASKED).first()
    request.choices.filter(status=C.WAITING).update(status=C.SKIPPED)
    request.status = RequestStatus.WITHDRAWN
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at"])
    record(
        AuditAction.REQUEST_WITHDRAWN,
        actor=user,
        target=request,
        label=request.get_kind_display(),
        changes={"status": [RequestStatus.OPEN, RequestStatus.WITHDRAWN]},
    )
    if asked is not None:
        _tell_withdrawn(request, asked)
    return request


# --- e-mails -----------------------------------------------------------------------
# Contact details travel only in the e-mails after an accept.


def _chosen_people(choice) -> list:
    if choice.mentor_id is not None:
        return [choice.mentor]
    return hub_contacts([choice.hub_id]).get(choice.hub_id, [])


def _chosen_name(choice) -> str:
    return choice.mentor.display_name if choice.mentor_id is not None else choice.hub.name


def _request_url(request) -> str:
    return absolute(reverse("finn:request", args=[request.pk]))


def _period(request) -> str:
    return f"{short_date(request.starts_on)}–{short_date(request.ends_on)}"


def _contact_lines(people) -> list[str]:
    return [line for person in people for line in contact_lines(person)]


def _tell_asked(request, choice) -> None:
    mentee = request.mentee

    def compose():
        values = {
            "mentee": mentee.display_name,
            "hub": choice.hub.name if choice.hub_id else "",
            "kind": request.get_kind_display(),
            "period": _period(request),
        }
        if choice.mentor_id is not None:
            ask = _("%(mentee)s asks you to be their mentor: %(kind)s, %(period)s.") % values
        else:
            ask = _("%(mentee)s asks %(hub)s to take them in: %(kind)s, %(period)s.") % values
        paragraphs = [ask]
        if request.message:
            paragraphs.append(_("Their message: “%(message)s”") % {"message": request.message})
        paragraphs.append(
            _(
                "Answer by %(time)s. Without an answer by then, the request goes on to the "
                "mentee's next choice. Contact details are shared only when you accept."
            )
            % {"time": short_datetime(choice.answer_by)}
        )
        return Message(
            subject=_("A request from %(mentee)s") % values,
            paragraphs=paragraphs,
            action=(_("Answer the request"), _request_url(request)),
        )

    for person in _chosen_people(choice):
        send_to_person(person, compose)


def _tell_mentee_passed_on(request, previous, choice) -> None:
    def compose():
        values = {
            "previous": _chosen_name(previous),
            "next": _chosen_name(choice),
            "rank": choice.rank,
            "time": short_datetime(choice.answer_by),
        }
        if previous.status == C.TIMED_OUT:
            first = _("%(previous)s did not answer in time.") % values
        else:
            first = _("%(previous)s could not take your request.") % values
        return Message(
            subject=_("Your request has gone on to your next choice"),
            paragraphs=[
                first,
                _(
                    "It has gone on to your choice %(rank)s, %(next)s, who has until %(time)s "
                    "to answer."
                )
                % values,
            ],
            action=(_("See your request"), _request_url(request)),
        )

    send_to_person(request.mentee, compose)


def _tell_mentee_expired(request) -> None:
    def compose():
        return Message(
            subject=_("No one could take your request"),
            paragraphs=[
                _(
                    "None of the mentors or hubs you chose could take your request "
                    "(%(kind)s, %(period)s), so it has closed."
                )
                % {"kind": request.get_kind_display(), "period": _period(request)},
                _(
                    "Search the directory again and send a new request. The programme office "
                    "also sees requests no one could take, and may suggest someone."
                ),
            ],
            action=(_("Find a mentor"), absolute(reverse("finn:directory"))),
        )

    send_to_person(request.mentee, compose)


def _tell_timed_out(request, choice) -> None:
    def compose():
        return Message(
            subject=_("The time to answer has run out"),
            paragraphs=[
                _(
                    "The request from %(mentee)s was not answered by %(time)s, so it has gone "
                    "on to the mentee's next choice or closed. You need do nothing more."
                )
                % {
                    "mentee": request.mentee.display_name,
                    "time": short_datetime(choice.answer_by),
                },
            ],
        )

    for person in _chosen_people(choice):
        send_to_person(person, compose)


def _tell_withdrawn(request, choice) -> None:
    def compose():
        name = request.mentee.display_name
        return Message(
            subject=_("%(mentee)s has withdrawn the request") % {"mentee": name},
            paragraphs=[
                _("%(mentee)s has withdrawn the request to you. You need do nothing more.")
                % {"mentee": name}
            ],
        )

    for person in _chosen_people(choice):
        send_to_person(person, compose)


def _tell_accepted(request, choice) -> None:
    mentee = request.mentee
    chosen = _chosen_people(choice)
    if request.application_id is not None:
        url = absolute(reverse("scheme:application", args=[request.application_id]))
        action_label = _("Open the application draft")
    else:
        url, action_label = _request_url(request), _("See the request")

    def to_mentee():
        paragraphs = [
            _(
                "%(name)s has accepted your request (%(kind)s, %(period)s). "
                "This is how to reach them:"
            )
            % {
                "name": _chosen_name(choice),
                "kind": request.get_kind_display(),
                "period": _period(request),
            }
        ]
        if choice.answer_message:
            paragraphs.insert(
                1, _("Their message: “%(message)s”") % {"message": choice.answer_message}
            )
        paragraphs.append(_next_step(request))
        return Message(
            subject=_("%(name)s has accepted your request") % {"name": _chosen_name(choice)},
            paragraphs=paragraphs,
            lines=_contact_lines(chosen),
            action=(action_label, url),
        )

    def to_chosen():
        return Message(
            subject=_("You have accepted the request from %(mentee)s")
            % {"mentee": mentee.display_name},
            paragraphs=[
                _("This is how to reach %(mentee)s:") % {"mentee": mentee.display_name},
                _next_step(request),
            ],
            lines=_contact_lines([mentee]),
            action=(action_label, url),
        )

    send_to_person(mentee, to_mentee)
    for person in chosen:
        send_to_person(person, to_chosen)


def _next_step(request) -> str:
    if request.application_id is not None:
        return _(
            "An application draft with you both is ready, with the type, the period and the "
            "municipality filled in. Finish it together and send it: both need a valid "
            "course certificate by then."
        )
    return _(
        "A hub does not apply for each student: agree on the weeks, and the hub registers them."
    )
