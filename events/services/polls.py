"""The evaluation poll after an event: one anonymous answer per attendee."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..errors import RegistrationError
from ..models import EventPage, EventSchedule, PollAnswer, PollParticipation, TimeUse
from ..selectors import POLL_OPEN_DAYS, poll_attendees

REMINDER_INTERVAL = timedelta(hours=24)
FREE_TEXT_MAX_LENGTH = 2_000


def poll_refusal(*, person, event: EventPage, now) -> RegistrationError | None:
    if now < event.ends_at:
        return RegistrationError(_("The evaluation opens when the event ends."), code="not_yet")
    if now >= event.ends_at + timedelta(days=POLL_OPEN_DAYS):
        return RegistrationError(_("The evaluation has closed."), code="closed")
    if not poll_attendees(event).filter(person=person).exists():
        return RegistrationError(
            _("The evaluation is for those who attended the event."), code="not_attendee"
        )
    if PollParticipation.objects.filter(event=event, person=person).exists():
        return RegistrationError(_("You have already answered. Thank you!"), code="answered")
    return None


@transaction.atomic
def answer_poll(
    *,
    person,
    event: EventPage,
    rating: int,
    best: list[str],
    best_other: str,
    time_use: str,
    comment: str,
    now=None,
) -> PollAnswer:
    now = now or timezone.now()
    refusal = poll_refusal(person=person, event=event, now=now)
    if refusal is not None:
        raise refusal
    if rating not in range(1, 6):
        raise RegistrationError(_("Choose a rating from 1 to 5."), code="rating")
    if time_use not in TimeUse.values:
        raise RegistrationError(_("Choose how the time was used."), code="time_use")
    choices = event.poll_choices()
    best = [choice for choice in choices if choice in set(best)]
    best_other, comment = best_other.strip(), comment.strip()
    if max(len(best_other), len(comment)) > FREE_TEXT_MAX_LENGTH:
        raise RegistrationError(
            _("Write at most %(limit)s characters in each text box.")
            % {"limit": FREE_TEXT_MAX_LENGTH},
            code="too_long",
        )
    try:
        with transaction.atomic():
            PollParticipation.objects.create(event=event, person=person)
    except IntegrityError:
        raise RegistrationError(
            _("You have already answered. Thank you!"), code="answered"
        ) from None
    return PollAnswer.objects.create(
        event=event,
        rating=rating,
        best=best,
        best_other=best_other,
        time_use=time_use,
        comment=comment,
    )


@transaction.atomic
def remind_poll(*, event: EventPage, now=None) -> int:
    """E-mail attendees who have not answered; at most once a day per event."""
    now = now or timezone.now()
    if now < event.ends_at:
        raise RegistrationError(_("The evaluation opens when the event ends."), code="not_yet")
    if now >= event.ends_at + timedelta(days=POLL_OPEN_DAYS):
        raise RegistrationError(_("The evaluation has closed."), code="closed")
    schedule, _created = EventSchedule.objects.select_for_update().get_or_create(
        event=event, defaults={"fingerprint": event.place_fingerprint()}
    )
    if schedule.poll_reminded_at and now - schedule.poll_reminded_at < REMINDER_INTERVAL:
        raise RegistrationError(
            _("A reminder was sent less than a day ago. Give people a little time."),
            code="too_soon",
        )
    answered = PollParticipation.objects.filter(event=event).values("person_id")
    waiting = list(
        poll_attendees(event).exclude(person_id__in=answered).select_related("person", "event")
    )
    for registration in waiting:
        transaction.on_commit(lambda r=registration: notifications.poll_reminder(r))
    schedule.poll_reminded_at = now
    schedule.save(update_fields=["poll_reminded_at", "updated_at"])
    return len(waiting)
