"""Registration, waitlist and cancellation: the only code that changes a
Registration's status. Capacity holds because every change locks the event
row first; the unique constraint (event, person) makes a second registration
impossible even where row locks do not exist (SQLite)."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from network.models import TeamMembership

from .. import notifications
from ..blocks import CHOICE_QUESTION, YES_NO_QUESTION
from ..errors import RegistrationError
from ..models import EventPage, Registration, RegistrationStatus
from ..permissions import audience_refusal, can_register_team

ANSWER_MAX_LENGTH = 1_000


def _locked(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event.pk)


def _local(moment) -> str:
    return date_format(timezone.localtime(moment), "j. F Y \\k\\l. H:i")


def window_refusal(event: EventPage, now) -> RegistrationError | None:
    """Why registration is not possible right now, whoever asks."""
    if not event.live:
        return RegistrationError(_("This event is not published."), code="not_live")
    if now >= event.starts_at:
        return RegistrationError(
            _("This event has already started, so registration is closed."), code="started"
        )
    if event.registration_opens_at and now < event.registration_opens_at:
        return RegistrationError(
            _("Registration opens %(when)s.") % {"when": _local(event.registration_opens_at)},
            code="not_open",
        )
    if now >= event.closes_at:
        return RegistrationError(
            _("Registration closed %(when)s.") % {"when": _local(event.closes_at)},
            code="closed",
        )
    return None


def clean_answers(event: EventPage, answers: dict, *, enforce_required: bool) -> list[dict]:
    """The answers as a snapshot [{id, question, answer}], in the order of the
    questions, so the participant list still reads well if a question changes."""
    cleaned = []
    for block in event.questions:
        raw = answers.get(block.id)
        value = raw.strip() if isinstance(raw, str) else raw
        if block.block_type == YES_NO_QUESTION and value not in (None, ""):
            value = value in (True, "yes", "true", "on")
        if block.block_type == CHOICE_QUESTION and value and value not in block.value["options"]:
            raise RegistrationError(
                _("Choose one of the options for “%(question)s”.")
                % {"question": block.value["question"]},
                code="answers",
            )
        if isinstance(value, str) and len(value) > ANSWER_MAX_LENGTH:
            raise RegistrationError(
                _("The answer to “%(question)s” is too long; write at most %(limit)s characters.")
                % {"question": block.value["question"], "limit": ANSWER_MAX_LENGTH},
                code="answers",
            )
        if value in (None, ""):
            if enforce_required and block.value["required"]:
                raise RegistrationError(
                    _("Answer the question “%(question)s”.")
                    % {"question": block.value["question"]},
                    code="answers",
                )
            continue
        cleaned.append({"id": block.id, "question": block.value["question"], "answer": value})
    return cleaned


def _has_room(event: EventPage) -> bool:
    if event.capacity is None:
        return True
    return Registration.objects.filter(event=event).confirmed().count() < event.capacity


def _fill_free_places(event: EventPage, now) -> list[Registration]:
    """Give free places to the waitlist in order. The caller holds the event lock."""
    promoted = []
    if now >= event.starts_at:
        return promoted
    while _has_room(event):
        first = Registration.objects.filter(event=event).in_waitlist_order().first()
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.confirmed_at = now
        first.promoted = True
        first.save(update_fields=["status", "confirmed_at", "promoted"])
        promoted.append(first)
    for registration in promoted:
        transaction.on_commit(lambda r=registration: notifications.place_offered(r))
    return promoted


@transaction.atomic
def register(
    *, person, event: EventPage, answers: dict | None = None, registered_by=None, now=None
) -> Registration:
    """Give the person a place, or a place in the waitlist when the event is
    full. Registering twice is harmless: the first registration stands."""
    event = _locked(event)
    # Read the clock inside the lock, so the waitlist's times follow arrival order.
    now = now or timezone.now()
    registration = Registration.objects.filter(event=event, person=person).first()
    if registration is not None and not registration.is_cancelled:
        return registration
    refusal = window_refusal(event, now)
    if refusal is not None:
        raise refusal
    reason = audience_refusal(person, event)
    if reason:
        raise RegistrationError(reason, code="audience")
    on_behalf = registered_by is not None and registered_by.pk != person.pk
    # People registered by their coordinator may fill in required answers later.
    cleaned = clean_answers(event, answers or {}, enforce_required=not on_behalf)

    # Anyone already waiting goes before a newcomer.
    _fill_free_places(event, now)
    confirmed = _has_room(event)
    if registration is None:
        registration = Registration(event=event, person=person)
    registration.event_title = event.title
    registration.event_starts_at = event.starts_at
    registration.answers = cleaned
    registration.registered_at = now
    registration.registered_by = registered_by if on_behalf else None
    registration.status = (
        RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITLISTED
    )
    registration.confirmed_at = now if confirmed else None
    registration.waitlisted_at = None if confirmed else now
    registration.promoted = False
    registration.cancelled_at = None
    registration.late_cancellation = False
    registration.attendance = ""
    registration.save()
    transaction.on_commit(lambda: notifications.registration_received(registration))
    return registration


@transaction.atomic
def cancel(*, registration: Registration, now=None) -> Registration:
    """Give up a place or leave the waitlist. After the cancellation deadline it
    is recorded as late. A freed place goes to the first on the waitlist."""
    now = now or timezone.now()
    if registration.event_id is None:
        raise RegistrationError(_("This event no longer exists."), code="gone")
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.is_cancelled:
        return registration
    if now >= event.starts_at:
        raise RegistrationError(
            _(
                "The event has started, so you can no longer cancel your registration. "
                "Contact the organiser."
            ),
            code="started",
        )
    was_confirmed = registration.is_confirmed
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.late_cancellation = was_confirmed and now > event.cancel_by
    registration.save(update_fields=["status", "cancelled_at", "late_cancellation"])
    if was_confirmed:
        _fill_free_places(event, now)
    return registration


@transaction.atomic
def fill_free_places(*, event: EventPage, now=None) -> list[Registration]:
    """After an editor raises the capacity: move people up from the waitlist."""
    return _fill_free_places(_locked(event), now or timezone.now())


@transaction.atomic
def update_answers(*, registration: Registration, answers: dict) -> Registration:
    if registration.event_id is None or registration.is_cancelled:
        raise RegistrationError(_("This registration is no longer active."), code="inactive")
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.answers = clean_answers(registration.event, answers, enforce_required=True)
    registration.save(update_fields=["answers"])
    return registration


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


def register_for_series(*, person, event: EventPage, answers: dict | None = None, now=None):
    """Register for every upcoming session of the event's series. Each session
    keeps its own places and waitlist; answers carry over to sessions that ask
    the same question. Returns [(session, registration or RegistrationError)]."""
    now = now or timezone.now()
    by_question = {}
    for block in event.questions:
        if block.id in (answers or {}):
            by_question[block.value["question"]] = answers[block.id]
    results = []
    for session in series_sessions(event, now):
        session_answers = {
            block.id: by_question[block.value["question"]]
            for block in session.questions
            if block.value["question"] in by_question
        }
        try:
            results.append(
                (session, register(person=person, event=session, answers=session_answers, now=now))
            )
        except RegistrationError as error:
            results.append((session, error))
    return results


def register_team_members(*, coordinator, team, event: EventPage, people, now=None):
    """A coordinator registers several members of their team in one go.
    Returns [(person, registration or RegistrationError)]."""
    if not can_register_team(coordinator, team):
        raise RegistrationError(
            _("Only the team's coordinator can do this."), code="not_coordinator"
        )
    member_ids = set(TeamMembership.objects.filter(team=team).values_list("person_id", flat=True))
    results = []
    for person in people:
        if person.pk not in member_ids:
            results.append(
                (person, RegistrationError(_("Not a member of the team."), code="not_member"))
            )
            continue
        try:
            results.append(
                (
                    person,
                    register(person=person, event=event, registered_by=coordinator, now=now),
                )
            )
        except RegistrationError as error:
            results.append((person, error))
    return results
