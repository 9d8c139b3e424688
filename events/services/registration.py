"""Registration, waitlist and cancellation: the only code that changes a
Registration's status. Capacity holds because every change locks the event
row first; the unique constraint (event, person) makes a second registration
impossible even where row locks do not exist (SQLite)."""

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, current_actor, record
from mentornett.tasks import enqueue

from ..blocks import CHOICE_QUESTION, YES_NO_QUESTION
from ..errors import RegistrationError
from ..models import EventPage, Registration, RegistrationStatus
from ..permissions import audience_refusal, window_refusal
from ..selectors import series_sessions

ANSWER_MAX_LENGTH = 1_000


def _locked(event_id: int) -> EventPage:
    # The description and programme are never needed while the lock is held.
    return EventPage.objects.select_for_update().defer("body", "programme").get(pk=event_id)


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


def _has_room(event: EventPage, confirmed: int) -> bool:
    return event.capacity is None or confirmed < event.capacity


def _fill_free_places(event: EventPage, now, *, confirmed=None, actor=None) -> list[Registration]:
    """Give free places to the waitlist in order. The caller holds the event
    lock, and may pass the number of confirmed places it has just counted."""
    if now >= event.starts_at:
        return []
    waiting = Registration.objects.filter(event=event).in_waitlist_order()
    if event.capacity is not None:
        if confirmed is None:
            confirmed = Registration.objects.filter(event=event).confirmed().count()
        free = event.capacity - confirmed
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.promoted = True
        registration.save(update_fields=["status", "confirmed_at", "promoted"])
        _audit(AuditAction.REGISTRATION_PROMOTED, registration, actor or current_actor())
        transaction.on_commit(
            lambda pk=registration.pk: enqueue("events.tasks.place_offered_task", pk)
        )
    return promoted


@transaction.atomic
def register(
    *, person, event: EventPage, answers: dict | None = None, registered_by=None, now=None
) -> Registration:
    """Give the person a place, or a place in the waitlist when the event is
    full. Registering twice is harmless: the first registration stands.

    While the event row is locked: the lock, one count, the insert."""
    # Who the person is does not change with the event's places: ask before locking.
    audience_reason = audience_refusal(person, event)
    event = _locked(event.pk)
    # Read the clock inside the lock, so the waitlist's times follow arrival order.
    now = now or timezone.now()
    tally = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        mine=Max("pk", filter=Q(person=person)),
    )
    registration = None
    if tally["mine"] is not None:
        registration = Registration.objects.get(pk=tally["mine"])
        if not registration.is_cancelled:
            return registration
    refusal = window_refusal(event, now)
    if refusal is not None:
        raise refusal
    if audience_reason:
        raise RegistrationError(audience_reason, code="audience")
    on_behalf = registered_by is not None and registered_by.pk != person.pk
    # People registered by their coordinator may fill in required answers later.
    cleaned = clean_answers(event, answers or {}, enforce_required=not on_behalf)

    confirmed_count = tally["confirmed"]
    if tally["waiting"] and _has_room(event, confirmed_count):
        # Anyone already waiting goes before a newcomer.
        confirmed_count += len(_fill_free_places(event, now, confirmed=confirmed_count))
    confirmed = _has_room(event, confirmed_count)
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
    # An earlier registration of the person's, found above, can only be a cancelled one.
    previous = RegistrationStatus.CANCELLED if tally["mine"] is not None else None
    _audit(AuditAction.REGISTRATION_CREATED, registration, registered_by or person, previous)
    transaction.on_commit(
        lambda: enqueue("events.tasks.registration_received_task", registration.pk)
    )
    return registration


@transaction.atomic
def cancel(*, registration: Registration, now=None) -> Registration:
    """Give up a place or leave the waitlist. After the cancellation deadline it
    is recorded as late. A freed place goes to the first on the waitlist."""
    now = now or timezone.now()
    if registration.event_id is None:
        raise RegistrationError(_("This event no longer exists."), code="gone")
    event = _locked(registration.event_id)
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
    # Only the person, or someone holding their give-up link, cancels (events/views.py).
    actor = current_actor() or registration.person_id
    previous = RegistrationStatus.CONFIRMED if was_confirmed else RegistrationStatus.WAITLISTED
    _audit(AuditAction.REGISTRATION_CANCELLED, registration, actor, previous)
    if was_confirmed:
        _fill_free_places(event, now, actor=actor)
    return registration


@transaction.atomic
def fill_free_places(*, event: EventPage, now=None) -> list[Registration]:
    """After an editor raises the capacity: move people up from the waitlist."""
    return _fill_free_places(_locked(event.pk), now or timezone.now())


@transaction.atomic
def update_answers(*, registration: Registration, answers: dict) -> Registration:
    if registration.event_id is None or registration.is_cancelled:
        raise RegistrationError(_("This registration is no longer active."), code="inactive")
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.answers = clean_answers(registration.event, answers, enforce_required=True)
    registration.save(update_fields=["answers"])
    return registration


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


def _audit(action, registration: Registration, actor, previous=RegistrationStatus.WAITLISTED):
    changes = {"status": [previous, registration.status]}
    if registration.late_cancellation:
        changes["late_cancellation"] = [False, True]
    record(
        action,
        actor=actor,
        target=registration,
        subject=registration.person_id,
        label=registration.event_title,
        changes=changes,
    )
